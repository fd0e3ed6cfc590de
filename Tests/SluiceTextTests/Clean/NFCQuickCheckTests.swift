import Testing
import SluiceFuzzSupport
@testable import SluiceText

/// The table check that lets `clean` skip the standard library's NFC check: "certainly NFC"
/// must never be said of text that is not in NFC.
@Suite struct NFCQuickCheckTests {
    static func certain(_ s: String) -> Bool {
        var copy = s
        return copy.withUTF8(NFCQuickCheck.isCertainlyNFC)
    }

    /// Whether the standard library's normalizer leaves `s` as it is (bytes, not `==`, which
    /// compares canonical equivalence).
    static func stdlibNFC(_ s: String) -> Bool {
        UnicodeNormalizer.nfc(s).utf8.elementsEqual(s.utf8)
    }

    @Test(arguments: [
        ("plain ASCII, long enough for the eight-byte steps", "The quick brown fox jumps over the lazy dog.", true),
        ("precomposed letters", "Grüße aus Zürich, déjà vu, Ærø", true),
        ("a virama alone after a consonant", "क्षत्रिय नमस्ते", true),
        ("Hebrew points, one after each letter", "שָׁלוֹם", false),
        ("a dagesh and a vowel point on one letter", "בְּ", false),
        ("Hangul syllables", "한국어 텍스트", true),
        ("a combining accent that composes with the letter before", "e\u{0301}", false),
        ("after ASCII skipped eight bytes at a time", "abcdefghe\u{0301}", false),
        ("a mark that reorders into a precomposed letter (â + dot below is ậ)", "v\u{00E2}\u{0323}t", false),
        ("a combining accent with no composite for its letter", "\u{1EB9}\u{0300}", false),
        ("a combining accent after a letter it does not compose with", "x\u{0301}", true),
        ("two marks in a row", "a\u{0323}\u{0301}", false),
        ("a singleton (Ohm sign)", "\u{2126}", false),
        ("a composition exclusion (Devanagari QA)", "\u{0958}", false),
        ("Hangul leading consonant + vowel jamo compose", "\u{1100}\u{1161}", false),
        ("Hangul LV syllable + trailing jamo compose", "\u{AC00}\u{11A8}", false),
        ("Hangul LVT syllable + trailing jamo do not", "\u{AC01}\u{11A8}", true),
        ("Bengali vowel sign AA after a consonant", "বাংলা", true),
        ("Bengali E + AA compose into O", "\u{09C7}\u{09BE}", false),
        ("a code point newer than the table's Unicode (Kawi, Unicode 15)", "\u{11F04}", false),
    ] as [(String, String, Bool)])
    func cases(_ name: String, _ text: String, _ expected: Bool) {
        #expect(Self.certain(text) == expected, "\(name)")
        if Self.certain(text) { #expect(Self.stdlibNFC(text), "\(name)") }
    }

    /// Seeded random strings of letters, marks and composing characters: whenever the table
    /// says "certainly NFC", the standard library's normalizer leaves the text unchanged.
    @Test func neverCertainOfTextThatIsNotNFC() {
        let pool: [UInt32] = Array(0x41...0x7A) + Array(0xC0...0x17F) + Array(0x300...0x36F) + Array(0x591...0x5C7)
            + Array(0x64B...0x655) + Array(0x900...0x97F) + Array(0x980...0x9FF) + Array(0xB80...0xBFF)
            + Array(0xE30...0xE4E) + Array(0x1100...0x1112) + Array(0x1161...0x1175) + Array(0x11A8...0x11C2)
            + [0xAC00, 0xAC01, 0xB098, 0xD7A3] + Array(0x1E00...0x1EFF) + Array(0x3099...0x309A) + Array(0x304B...0x3050)
        var g = FuzzRandom(seed: 17)
        var certain = 0
        for _ in 0..<20_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<g.int(1...5) {
                if let v = Unicode.Scalar(pool[g.below(pool.count)]) { s.append(v) }
            }
            let text = String(s)
            if Self.certain(text) {
                certain += 1
                #expect(Self.stdlibNFC(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        // The check must also say "certain" often, or it would be useless.
        #expect(certain > 5_000)
    }
}
