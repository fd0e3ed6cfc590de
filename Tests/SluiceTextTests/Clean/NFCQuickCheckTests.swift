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
    /// `normalize(_:.nfc)` of `s`, or `s` when it says the text already is NFC.
    static func segmented(_ s: String) -> String {
        UnicodeNormalizer.normalize(s, .nfc) ?? s
    }

    @Test(arguments: [
        ("Yoruba tone marks on dotted vowels stay as they are", "Ọ̀rọ̀ ẹ̀dá ní ilẹ̀ Yorùbá", "Ọ̀rọ̀ ẹ̀dá ní ilẹ̀ Yorùbá"),
        ("decomposed accents compose, the text between kept", "Cafe\u{0301} et the\u{0301} au lait, cre\u{0300}me", "Café et thé au lait, crème"),
        ("marks out of order are reordered in their stretch only", "xa\u{0301}\u{0323}y", "x\u{1EA1}\u{0301}y"),
        ("Arabic shadda before its vowel is reordered", "\u{0645}\u{0651}\u{064E}\u{0629} \u{0643}\u{062A}\u{0628}", "\u{0645}\u{064E}\u{0651}\u{0629} \u{0643}\u{062A}\u{0628}"),
        ("a singleton at the very start and end", "\u{2126} ohm \u{212B}", "\u{03A9} ohm \u{00C5}"),
        ("a mark at the very start (nothing to compose with)", "\u{0301}abc", "\u{0301}abc"),
        ("Hangul jamo compose into a syllable", "\u{1100}\u{1161}\u{11A8} \u{D55C}", "\u{AC01} \u{D55C}"),
    ] as [(String, String, String)])
    func segmentedCases(_ name: String, _ text: String, _ expected: String) {
        let got = Self.segmented(text)
        #expect(Array(got.unicodeScalars.map(\.value)) == Array(expected.unicodeScalars.map(\.value)), "\(name)")
        #expect((UnicodeNormalizer.normalize(text, .nfc) == nil) == (text.utf8.elementsEqual(expected.utf8)), "\(name)")
    }

    /// Seeded random texts (ASCII runs long enough for the eight-byte steps, letters, marks,
    /// composing characters, jamo): normalizing the stretches the table cannot vouch for gives
    /// the same bytes as the standard library's normalizer over the whole text, and "unchanged"
    /// exactly when it is.
    @Test func segmentsGiveTheWholeTextsNFC() {
        let pool: [UInt32] = Array(0x41...0x7A) + Array(0xC0...0x17F) + Array(0x300...0x36F) + Array(0x591...0x5C7)
            + Array(0x64B...0x655) + Array(0x900...0x97F) + Array(0x980...0x9FF) + Array(0xB80...0xBFF)
            + Array(0x1100...0x1112) + Array(0x1161...0x1175) + Array(0x11A8...0x11C2) + [0xAC00, 0xAC01, 0x2126, 0x212B]
            + Array(0x1E00...0x1EFF) + Array(0x3099...0x309A) + Array(0x304B...0x3050) + [0x11F04, 0x0958, 0x0F73]
        var g = FuzzRandom(seed: 23)
        var changed = 0, unchanged = 0
        for _ in 0..<5_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<g.int(1...24) {
                if g.below(4) == 0 {
                    s.append(contentsOf: "plain text ".prefix(g.int(1...11)).unicodeScalars)
                } else if let v = Unicode.Scalar(pool[g.below(pool.count)]) {
                    s.append(v)
                }
            }
            let text = String(s)
            let whole = UnicodeNormalizer.nfc(text)
            let got = UnicodeNormalizer.normalize(text, .nfc)
            #expect(Array((got ?? text).utf8) == Array(whole.utf8), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect((got == nil) == whole.utf8.elementsEqual(text.utf8))
            if got == nil { unchanged += 1 } else { changed += 1 }
        }
        // Both outcomes must be common, or the test would check little.
        #expect(changed > 1_000 && unchanged > 500)
    }
}

