import Testing
@testable import SluiceText

/// Cleans `text` with `options`.
func cleaned(_ text: String, _ options: TextCleaner.Options = .init()) -> CleanedText {
    TextCleaner(options: options).clean(text)
}

/// One case of a table: input, expected text, and the counters expected to be non-zero.
struct CleanCase: CustomTestStringConvertible, Sendable {
    let input: String
    let expected: String
    let counters: [String: Int]
    init(_ input: String, _ expected: String, _ counters: [String: Int] = [:]) {
        self.input = input; self.expected = expected; self.counters = counters
    }
    var testDescription: String { String(reflecting: input) }
}

func check(_ c: CleanCase, _ options: TextCleaner.Options = .init()) {
    let r = cleaned(c.input, options)
    #expect(r.text == c.expected)
    #expect(Array(r.text.utf8) == Array(c.expected.utf8))
    #expect(r.counters.values == c.counters)
    #expect(r.tags == [])
    #expect(r.date == nil)
}

@Suite struct CleanStepTests {
    static let newlinesCases: [CleanCase] = [
        CleanCase("a\r\nb", "a\nb", ["newlines_normalized": 1]),
        CleanCase("a\rb", "a\nb", ["newlines_normalized": 1]),
        CleanCase("a\r\n\r\nb\rc", "a\n\nb\nc", ["newlines_normalized": 3]),
        CleanCase("a\r\r\nb", "a\n\nb", ["newlines_normalized": 2]),
        CleanCase("a\u{85}b", "a\nb", ["newlines_normalized": 1]),
        // U+2028/U+2029 (seen after `Kaschmirwolle` on a real page): line breaks like NEL.
        CleanCase("a\u{2028}b\u{2029}\u{2029}c", "a\nb\n\nc", ["newlines_normalized": 3]),
        CleanCase("Mode aus Kaschmirwolle\u{2028}\u{2028}", "Mode aus Kaschmirwolle", ["newlines_normalized": 2, "blank_lines_removed": 2]),
    ]
    @Test(arguments: newlinesCases) func newlines(_ c: CleanCase) { check(c) }

    static let controlsCases: [CleanCase] = [
        CleanCase("a\u{0}b", "ab", ["control_removed": 1]),
        CleanCase("a\u{7}b\u{1B}c", "abc", ["control_removed": 2]),
        CleanCase("a\u{7F}b", "ab", ["control_removed": 1]),
        CleanCase("a\u{80}b\u{9F}c", "abc", ["control_removed": 2]),
        CleanCase("a\tb", "a b", ["spaces_normalized": 1]),
        CleanCase("a \t b", "a b", ["spaces_normalized": 1, "spaces_collapsed": 1]),
        CleanCase("\u{200E}abc\u{200F}", "abc", ["control_removed": 2]),
        CleanCase("x\u{202A}y\u{202B}z\u{202C}\u{202D}\u{202E}", "xyz", ["control_removed": 5]),
        CleanCase("\u{2066}a\u{2067}b\u{2068}c\u{2069}", "abc", ["control_removed": 4]),
    ]
    @Test(arguments: controlsCases) func controls(_ c: CleanCase) { check(c) }

    static let zeroWidthCases: [CleanCase] = [
        CleanCase("zero\u{200B}width", "zerowidth", ["zero_width_removed": 1]),
        CleanCase("\u{FEFF}Hello", "Hello", ["zero_width_removed": 1]),
        CleanCase("Hel\u{FEFF}lo", "Hello", ["zero_width_removed": 1]),
        CleanCase("word\u{2060}joiner", "wordjoiner", ["zero_width_removed": 1]),
        CleanCase("soft\u{AD}hyphen", "softhyphen", ["zero_width_removed": 1]),
        CleanCase("a \u{200B} b", "a b", ["zero_width_removed": 1, "spaces_collapsed": 1]),
        // ZWNJ and ZWJ between Latin letters only break the word: removed. Elsewhere (emoji,
        // Indic, Arabic script, next to a digit or a space) they carry meaning: kept.
        CleanCase("a\u{200C}b\u{200D}c", "abc", ["zero_width_removed": 2]),
        CleanCase("Schaf\u{200C}fell, Stra\u{200D}ße, É\u{200D}té", "Schaffell, Straße, Été", ["zero_width_removed": 3]),
        CleanCase("1\u{200D}2 a\u{200D} b a\u{200D}👍", "1\u{200D}2 a\u{200D} b a\u{200D}👍"),
    ]
    @Test(arguments: zeroWidthCases) func zeroWidth(_ c: CleanCase) { check(c) }

    static let spacesCases: [CleanCase] = [
        CleanCase("a\u{A0}b", "a b", ["spaces_normalized": 1]),
        CleanCase("a\u{1680}b", "a b", ["spaces_normalized": 1]),
        CleanCase("a\u{2000}b\u{2005}c\u{200A}d", "a b c d", ["spaces_normalized": 3]),
        CleanCase("10\u{202F}000", "10 000", ["spaces_normalized": 1]),
        CleanCase("a\u{205F}b", "a b", ["spaces_normalized": 1]),
        CleanCase("東京\u{3000}大阪", "東京 大阪", ["spaces_normalized": 1]),
        CleanCase("a \u{A0} b", "a b", ["spaces_normalized": 1, "spaces_collapsed": 1]),
    ]
    @Test(arguments: spacesCases) func spaces(_ c: CleanCase) { check(c) }

    static let layoutCases: [CleanCase] = [
        CleanCase("a  b", "a b", ["spaces_collapsed": 1]),
        CleanCase("a     b  c", "a b c", ["spaces_collapsed": 2]),
        CleanCase("  a", "a", ["spaces_trimmed": 1]),
        CleanCase("a  ", "a", ["spaces_trimmed": 1]),
        CleanCase("a \n b", "a\nb", ["spaces_trimmed": 2]),
        CleanCase("a\n\n\nb", "a\n\nb", ["blank_lines_removed": 1]),
        CleanCase("a\n\n\n\n\nb\n\nc", "a\n\nb\n\nc", ["blank_lines_removed": 3]),
        CleanCase("a\n  \n \n\nb", "a\n\nb", ["blank_lines_removed": 2, "spaces_trimmed": 2]),
        CleanCase("\n\na\n\n", "a", ["blank_lines_removed": 4]),
        CleanCase("a\n", "a", ["blank_lines_removed": 1]),
        CleanCase("", ""),
        CleanCase(" ", "", ["spaces_trimmed": 1]),
        CleanCase(" \n\t\n  \r\n\u{A0}", "", ["spaces_trimmed": 4, "blank_lines_removed": 3,
                                               "spaces_normalized": 2, "newlines_normalized": 1]),
        CleanCase("\u{200B}", "", ["zero_width_removed": 1]),
        // Spaces between words of other scripts (one run of content while they are single).
        CleanCase("Привет мир и всё", "Привет мир и всё"),
        CleanCase("Привет  мир  ", "Привет мир", ["spaces_collapsed": 1, "spaces_trimmed": 1]),
        CleanCase("नमस्ते \u{200B}दुनिया", "नमस्ते दुनिया", ["zero_width_removed": 1]),
        CleanCase("слово \u{A0}слово", "слово слово", ["spaces_normalized": 1, "spaces_collapsed": 1]),
        CleanCase("日本 語\n 中文", "日本 語\n中文", ["spaces_trimmed": 1]),
    ]
    @Test(arguments: layoutCases) func layout(_ c: CleanCase) { check(c) }

    static let normalizationCases: [CleanCase] = [
        // e + COMBINING ACUTE ACCENT → é
        CleanCase("caf\u{65}\u{301}", "caf\u{E9}", ["nfc_normalized": 1]),
        // A + COMBINING RING ABOVE → Å; Hangul jamo → syllable
        CleanCase("\u{41}\u{30A}ngstr\u{F6}m", "\u{C5}ngstr\u{F6}m", ["nfc_normalized": 1]),
        CleanCase("\u{1100}\u{1161}", "\u{AC00}", ["nfc_normalized": 1]),
        // Removing a soft hyphen lets the combining mark compose.
        CleanCase("e\u{AD}\u{301}", "\u{E9}", ["zero_width_removed": 1, "nfc_normalized": 1]),
        // NFC keeps compatibility characters.
        CleanCase("\u{FB01}ne \u{FF21}", "\u{FB01}ne \u{FF21}"),
        // Vowel signs the quick check cannot clear (Bengali AA, Tamil AA, Arabic hamza above)
        // stay as they are when nothing before them composes with them…
        CleanCase("\u{9AC}\u{9BE}\u{982}\u{9B2}\u{9BE}", "\u{9AC}\u{9BE}\u{982}\u{9B2}\u{9BE}"),
        CleanCase("\u{BA4}\u{BAE}\u{BBF}\u{BB4}\u{BCD} \u{BA8}\u{BBE}\u{B9F}\u{BC1}", "\u{BA4}\u{BAE}\u{BBF}\u{BB4}\u{BCD} \u{BA8}\u{BBE}\u{B9F}\u{BC1}"),
        // …and compose when something does: Bengali E + AA → O, Tamil E + AA → O, alef + hamza above.
        CleanCase("\u{995}\u{9C7}\u{9BE}", "\u{995}\u{9CB}", ["nfc_normalized": 1]),
        CleanCase("\u{B95}\u{BC6}\u{BBE}", "\u{B95}\u{BCA}", ["nfc_normalized": 1]),
        CleanCase("\u{627}\u{654}", "\u{623}", ["nfc_normalized": 1]),
        // Characters excluded from composition are decomposed (Devanagari QA → KA + NUKTA).
        CleanCase("\u{958}", "\u{915}\u{93C}", ["nfc_normalized": 1]),
    ]
    @Test(arguments: normalizationCases) func normalization(_ c: CleanCase) { check(c) }

    static let nfkcCases: [CleanCase] = [
        CleanCase("\u{FB01}ne \u{FF21}\u{FF22}", "fine AB", ["nfkc_normalized": 1]),
        CleanCase("x\u{B2}", "x2", ["nfkc_normalized": 1]),
        CleanCase("caf\u{65}\u{301}", "caf\u{E9}", ["nfkc_normalized": 1]),
        CleanCase("plain ascii", "plain ascii"),
        // U+00A8 DIAERESIS becomes space + U+0308: the doubled space is collapsed again.
        CleanCase("a \u{A8}", "a \u{308}", ["nfkc_normalized": 1, "spaces_collapsed": 1]),
    ]
    @Test(arguments: nfkcCases) func nfkc(_ c: CleanCase) { check(c, .init(normalization: .nfkc)) }

    @Test func normalizationNone() {
        let r = cleaned("caf\u{65}\u{301}", .init(normalization: .none))
        #expect(Array(r.text.unicodeScalars) == ["c", "a", "f", "e", "\u{301}"])
        #expect(r.counters.values.isEmpty)
    }

    @Test func optionsOff() {
        let off = TextCleaner.Options(
            normalization: .none, removeControl: false, normalizeSpaces: false, collapseSpaces: false,
            trimLines: false, maxBlankLines: -1, liftHashtags: false, liftTimestamp: false)
        let input = "  a\u{0}\tb\u{200B}\u{A0}  c \n\n\n\n#x #y\n2024-07-08\n"
        let r = cleaned(input, off)
        #expect(r.text == input)
        #expect(r.tags == [] && r.date == nil)
        #expect(r.counters.values.isEmpty)
        // \r is always normalized.
        #expect(cleaned("a\r\nb", off).text == "a\nb")
    }

    @Test func trimOffCollapseOn() {
        let o = TextCleaner.Options(trimLines: false)
        #expect(cleaned("  a  b  \n\n\n c", o).text == " a b \n\n c")
        #expect(cleaned("a\n\n\n", o).text == "a\n\n")
    }

    @Test func maxBlankLines() {
        #expect(cleaned("a\n\n\n\nb", .init(maxBlankLines: 0)).text == "a\nb")
        #expect(cleaned("a\n\n\n\nb", .init(maxBlankLines: 2)).text == "a\n\n\nb")
        #expect(cleaned("a\n\n\n\nb", .init(maxBlankLines: -1)).text == "a\n\n\n\nb")
    }

    @Test func defaultOptions() {
        let o = TextCleaner.Options()
        #expect(o.normalization == .nfc)
        #expect(o.removeControl && o.normalizeSpaces && o.collapseSpaces && o.trimLines)
        #expect(o.maxBlankLines == 1)
        #expect(o.liftHashtags && o.liftTimestamp)
        #expect(o == TextCleaner.Options(normalization: .nfc))
        #expect(o != TextCleaner.Options(normalization: .nfkc))
    }
}
