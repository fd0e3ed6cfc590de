import Testing
@testable import SluiceText

/// Texts that are already clean come out byte-identical, with no counters.
@Suite struct CleanUnchangedTests {
    static let clean: [String] = [
        "Hello, world.",
        "One line.\nAnother line.",
        "Paragraph one.\n\nParagraph two.",
        "Der Bundestag hat am Donnerstag über das Gesetz abgestimmt. Straße, Größe, Übermaß.",
        "L'élection présidentielle a eu lieu dimanche. « Ça suffit », a-t-il déclaré.",
        "El año pasado, la economía española creció un 2,5 %. ¿Por qué? ¡Nadie lo sabe!",
        "Президент России Владимир Путин заявил, что сотрудничество не направлено против кого-либо.",
        "中国国家主席习近平出席上海合作组织峰会。会议于七月在阿斯塔纳举行。",
        "قال الرئيس الروسي إن التعاون بين موسكو وبكين لا يستهدف أحداً.",
        "भारत की राजधानी नई दिल्ली है। क्षत्रिय और श्रीमान।",
        "क्\u{200D}ष and क्\u{200C}ष keep their joiners.",
        "می\u{200C}خواهم به خانه بروم.",
        "Family: 👨\u{200D}👩\u{200D}👧\u{200D}👦 and flag 🏳\u{FE0F}\u{200D}🌈.",
        "日本語の文章です。句読点も含みます。",
        "한국어 문장입니다. 서울은 수도입니다.",
        "Ελληνικά: η Αθήνα είναι η πρωτεύουσα.",
        "עברית: ירושלים היא עיר הבירה.",
        "Prices rose 3.5% in Q2 (see table #4 on page 12).",
        "He wrote #1 bestseller lists and used the tag #peace in a sentence.",
        "No tabs, no doubled spaces, no trailing spaces.",
        "Email: someone@example.com, URL: https://example.com/a?b=c&d=e.",
        "Line with trailing punctuation…\nNext line — with dashes – and “quotes”.",
        "Math: x² + y² = z², ½ ≠ ¼.",
        "ﬁne ligature stays under NFC.",
        "2024-07-08 04:55:57 is mentioned in the middle of this sentence.",
        "a",
        "#",
    ]

    @Test(arguments: clean) func unchanged(_ text: String) {
        let r = cleaned(text)
        #expect(Array(r.text.utf8) == Array(text.utf8))
        #expect(r.counters.values.isEmpty)
        #expect(r.tags == [])
        #expect(r.date == nil)
    }

    @Test func noCopyWhenUnchanged() {
        let text = String(repeating: "A clean sentence that is long enough to live on the heap. ", count: 20)
            + "Ende."
        let r = cleaned(text)
        let a = text.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        let b = r.text.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        #expect(a != nil)
        #expect(a == b)
    }

    @Test func prefixWhenOnlyTrailingSpace() {
        let r = cleaned("Clean text.\n\n")
        #expect(r.text == "Clean text.")
        #expect(r.counters["blank_lines_removed"] == 2)
    }
}
