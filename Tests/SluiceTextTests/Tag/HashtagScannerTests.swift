import Testing
@testable import SluiceText

@Suite struct HashtagScannerTests {
    @Test(arguments: [
        ("Talks on #Putin and #peace today", ["Putin", "peace"]),
        ("#start of text", ["start"]),
        ("#COP29 #élection #日本 #Über_alles", ["COP29", "élection", "日本", "Über_alles"]),
        ("dup #a #b #a", ["a", "b"]),
        ("end #tag.", ["tag"]),
        ("(#paren) \"#quoted\"", ["paren", "quoted"]),
        ("#x1y", ["x1y"]),
        ("#2024goals", ["2024goals"]),
    ])
    func finds(_ text: String, _ tags: [String]) {
        #expect(HashtagScanner.hashtags(in: text) == tags)
    }

    @Test(arguments: [
        "C# and F# code",
        "entity &#39; here",
        "http://x.org/page/#section",
        "number #1 and #2024",
        "## and # alone",
        "word#inside",
        "café#tag",
        "##double",
        "",
    ])
    func ignores(_ text: String) {
        #expect(HashtagScanner.hashtags(in: text) == [])
    }

    @Test func caseIsKeptAndDistinct() {
        #expect(HashtagScanner.hashtags(in: "#Tag #tag") == ["Tag", "tag"])
    }

    @Test func combiningMarksStayInTheTag() {
        #expect(HashtagScanner.hashtags(in: "#cafe\u{301} ok") == ["cafe\u{301}"])
        #expect(HashtagScanner.hashtags(in: "#हिन्दी") == ["हिन्दी"])
    }
}
