import Testing
@testable import SluiceText

/// One hashtag case: input, expected text, expected tags.
struct TagCase: CustomTestStringConvertible, Sendable {
    let input: String
    let text: String
    let tags: [String]
    init(_ input: String, _ text: String, _ tags: [String]) {
        self.input = input; self.text = text; self.tags = tags
    }
    var testDescription: String { String(reflecting: input) }
}

@Suite struct HashtagLineTests {
    static let liftedCases: [TagCase] = [
        TagCase("Body.\n#Putin #talk #peace", "Body.", ["Putin", "talk", "peace"]),
        TagCase("Body.\n#a, #b,#c", "Body.", ["a", "b", "c"]),
        TagCase("Body.\n#a#b", "Body.", ["a", "b"]),
        TagCase("Body.\n\n#news #news #World #news", "Body.", ["news", "World"]),
        TagCase("Body.\n#snake_case #COVID19 #2024elections", "Body.", ["snake_case", "COVID19", "2024elections"]),
        TagCase("Body.\n#Путин #мир", "Body.", ["Путин", "мир"]),
        TagCase("Body.\n#中国 #上海合作组织", "Body.", ["中国", "上海合作组织"]),
        TagCase("Body.\n#السلام #روسيا", "Body.", ["السلام", "روسيا"]),
        TagCase("Body.\n#हिन्दी #क्\u{200D}ष", "Body.", ["हिन्दी", "क्\u{200D}ष"]),
        TagCase("Body.\n#می\u{200C}خواهم", "Body.", ["می\u{200C}خواهم"]),
        TagCase("Body.\n#Ｃafé", "Body.", ["Ｃafé"]),
        // Decomposed tags come out in NFC, then deduplicated.
        TagCase("Body.\n#cafe\u{301} #caf\u{E9}", "Body.", ["caf\u{E9}"]),
        TagCase("Body.\n  #a   #b  \n\n", "Body.", ["a", "b"]),
        TagCase("#only #tags", "", ["only", "tags"]),
    ]

    @Test(arguments: liftedCases) func lifted(_ c: TagCase) {
        let r = cleaned(c.input)
        #expect(r.text == c.text)
        #expect(r.tags == c.tags)
        #expect(r.counters["hashtag_lines"] == 1)
    }

    static let keptCases: [String] = [
        "I support #peace in our time.",
        "The last sentence mentions #peace.",
        "Body.\n#peace and love",
        "Body.\n#",
        "Body.\n# heading",
        "Body.\n#1 #2 #3",
        "Body.\n##double",
        "Body.\n#tag!",
        "#first #line\nBody.",
        "Body.\n#a-b",
    ]

    @Test(arguments: keptCases) func kept(_ input: String) {
        let r = cleaned(input)
        #expect(r.text == input)
        #expect(r.tags == [])
        #expect(r.counters["hashtag_lines"] == 0)
    }

    @Test func liftingOff() {
        let r = cleaned("Body.\n#a #b", .init(liftHashtags: false))
        #expect(r.text == "Body.\n#a #b")
        #expect(r.tags == [])
    }
}
