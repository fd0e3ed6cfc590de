import Testing
@testable import SluiceText

@Suite struct SentenceSplitterTests {
    /// pySBD's metric: a case counts only if every sentence matches. The bar is 97% overall and
    /// 90% in every language; misses are printed so they can be looked at.
    @Test func suiteScore() {
        var total = 0, correct = 0
        var perLang: [String: (Int, Int)] = [:]
        for c in SplitCases.all {
            let got = SentenceSplitter(language: c.lang).split(c.text)
            let ok = got == c.expected
            total += 1
            if ok { correct += 1 } else { print("MISS \(c)\n  want \(c.expected)\n  got  \(got)") }
            let base = String(c.lang.prefix(2))
            let (t, k) = perLang[base] ?? (0, 0)
            perLang[base] = (t + 1, k + (ok ? 1 : 0))
        }
        let score = Double(correct) / Double(max(total, 1))
        print(String(format: "split suite: %d/%d = %.1f%%", correct, total, score * 100))
        #expect(score >= 0.97)
        for (lang, (t, k)) in perLang.sorted(by: { $0.key < $1.key }) {
            #expect(Double(k) / Double(t) >= 0.9, "\(lang): \(k)/\(t)")
        }
    }

    @Test(arguments: SplitCases.all)
    func spansMatchSplit(_ c: SplitCase) {
        let splitter = SentenceSplitter(language: c.lang)
        let bytes = Array(c.text.utf8)
        let fromSpans = splitter.spans(c.text).map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(fromSpans == splitter.split(c.text))
    }

    @Test func caseTableIsLarge() {
        #expect(SplitCases.all.count >= 400)
        for lang in SentenceSplitter.supportedLanguages {
            #expect(SplitCases.all.contains { $0.lang == lang }, "no cases for \(lang)")
        }
    }

    @Test func supportedLanguages() {
        for code in ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "cs", "sv", "da", "nb", "fi", "tr",
                     "el", "bg", "hy", "kk", "zh", "ja", "ar", "fa", "ur", "hi", "mr", "am", "my"]
        {
            #expect(SentenceSplitter.supportedLanguages.contains(code), "\(code)")
        }
        #expect(!SentenceSplitter(language: "no").rules.isGeneric)
        #expect(SentenceSplitter().language == "en")
        #expect(SentenceSplitter(language: "xx").rules.isGeneric)
        #expect(!SentenceSplitter(language: "DE").rules.isGeneric)
        #expect(!SentenceSplitter(language: "pt_BR").rules.isGeneric)
    }

    // MARK: spans

    @Test func spansAreTrimmedByteOffsets() {
        let s = SentenceSplitter()
        #expect(s.spans("") == [])
        #expect(s.spans("Hi. Yo.") == [0..<3, 4..<7])
        #expect(s.spans("  Hi.   Yo.  ") == [2..<5, 8..<11])
        #expect(s.spans("Title\n\nBody here.") == [0..<5, 7..<17])
        #expect(s.spans("A line\r\nNext") == [0..<6, 8..<12])
    }

    @Test func spansCountUTF8Bytes() {
        let s = SentenceSplitter(language: "de")
        // "Über" is 5 bytes, "Ähm" is 4 bytes.
        let text = "Über alles. Ähm, ja."
        #expect(s.spans(text) == [0..<12, 13..<22])
        #expect(s.split(text) == ["Über alles.", "Ähm, ja."])
        // Emoji and CJK before the boundary.
        let t = "Done 🎉. 完了。"
        #expect(s.spans(t) == [0..<10, 11..<20])
    }

    @Test func spansIncludeClosersAndExcludeUnicodeSpaces() {
        let s = SentenceSplitter()
        let text = "\u{3000}\"Go!\"\u{00A0}He ran.\u{2003}"
        // U+3000 is 3 bytes; "\"Go!\"" 5 bytes; NBSP 2 bytes; "He ran." 7 bytes.
        #expect(s.spans(text) == [3..<8, 10..<17])
    }

    @Test func bridgedAndSubstringInput() {
        let s = SentenceSplitter()
        let big = String(repeating: "x", count: 20) + ". Next one."
        let sub = big.dropFirst(10)
        #expect(s.split(String(sub)) == [String(repeating: "x", count: 10) + ".", "Next one."])
    }

    // MARK: adversarial input (about 1 MB each; must be linear)

    static let megabyte = 1 << 20

    @Test func manyAbbreviationLikeTokens() {
        let text = String(repeating: "a. ", count: Self.megabyte / 3)
        let out = SentenceSplitter().split(text)
        #expect(out.count == 1)
    }

    @Test func manyCapitalInitials() {
        let text = String(repeating: "A. ", count: Self.megabyte / 3)
        #expect(SentenceSplitter().spans(text).count == 1)
    }

    @Test func manyShortSentences() {
        let text = String(repeating: "Go. ", count: Self.megabyte / 4)
        let spans = SentenceSplitter().spans(text)
        #expect(spans.count == Self.megabyte / 4)
        #expect(spans.last == (text.utf8.count - 4)..<(text.utf8.count - 1))
    }

    @Test func manyUnmatchedQuotes() {
        let text = String(repeating: "\"(« „", count: Self.megabyte / 8) + "\nEnd."
        let out = SentenceSplitter(language: "fr").split(text)
        #expect(out.count == 2)
        #expect(out.last == "End.")
    }

    @Test func manyOpenQuotesWithBoundaries() {
        // Every boundary is deferred inside a quote that never closes, then used at line end.
        let text = String(repeating: "“Go. ", count: Self.megabyte / 8)
        #expect(SentenceSplitter().spans(text).count == Self.megabyte / 8)
        let straight = String(repeating: "\"A b. ", count: Self.megabyte / 7)
        #expect(SentenceSplitter().spans(straight).count > 1)
        let parens = String(repeating: "(x. ", count: Self.megabyte / 4) + String(repeating: ") ", count: 1000)
        _ = SentenceSplitter().spans(parens)
    }

    @Test func scalarSpansArePythonIndices() {
        let s = SentenceSplitter()
        let text = "Über 🎉 alles. 中文。Next one."
        let spans = s.scalarSpans(text)
        let scalars = Array(text.unicodeScalars)
        #expect(spans.map { String(String.UnicodeScalarView(scalars[$0])) } == s.split(text))
        #expect(spans == [0..<13, 14..<17, 17..<26])
        let both = s.splitWithScalarSpans(text)
        #expect(both.sentences == s.split(text) && both.spans == spans)
    }

    @Test func guessesLanguageFromScript() {
        #expect(SentenceSplitter.guessLanguage("Привет, как дела?") == "ru")
        #expect(SentenceSplitter.guessLanguage("今日は晴れです。") == "ja")
        #expect(SentenceSplitter.guessLanguage("今天天气很好。") == "zh")
        #expect(SentenceSplitter.guessLanguage("Γεια σου.") == "el")
        #expect(SentenceSplitter.guessLanguage("Hello there, Ж.", fallback: "de") == "de")
        #expect(SentenceSplitter.guessLanguage("") == "en")
    }

    @Test func longTerminatorRuns() {
        for unit in ["?!", ".", "…", "!? ", ". . "] {
            let text = String(repeating: unit, count: Self.megabyte / unit.utf8.count)
            let spans = SentenceSplitter().spans(text)
            #expect(spans.count == 1, "\(unit)")
        }
    }

    @Test func longTokenWithoutSpaces() {
        let text = String(repeating: "a.b", count: Self.megabyte / 3) + ". The end."
        #expect(SentenceSplitter().split(text).count == 2)
        let dots = String(repeating: "A.", count: Self.megabyte / 2) + " The end."
        #expect(SentenceSplitter().split(dots).count == 2)
    }

    /// The layout cuts (rule lines, URL lists, header stamps, letter formulas) on a megabyte of
    /// each: every one is a sentence, found in one pass.
    @Test func manyLayoutCuts() {
        let unit = [("http://a.example/x ", 19), ("===== ", 6), ("Ann 01/02/2003 04:05 PM ", 24)]
        for (u, width) in unit {
            let text = String(repeating: u, count: Self.megabyte / width)
            let spans = SentenceSplitter().spans(text)
            #expect(spans.count >= Self.megabyte / width, "\(u)")
        }
        let dear = "Dear " + String(repeating: "x", count: Self.megabyte) + ", Hello"
        #expect(SentenceSplitter().split(dear).count == 1)
    }

    @Test func manyLines() {
        let text = String(repeating: "Line\n", count: Self.megabyte / 5)
        #expect(SentenceSplitter().spans(text).count == Self.megabyte / 5)
    }

    @Test func openersAfterBoundary() {
        let text = "Yes! " + String(repeating: "(", count: Self.megabyte) + "Next"
        #expect(SentenceSplitter().split(text).count == 2)
    }

    @Test func malformedAndEdgeBytes() {
        let s = SentenceSplitter()
        // Truncated multi-byte sequences at the end must not crash.
        for tail: [UInt8] in [[0xC2], [0xE2, 0x80], [0xE2], [0xF0, 0x9F, 0x98], [0x2E, 0x20, 0xC3]] {
            let text = String(decoding: Array("Hi. Ho".utf8) + tail, as: UTF8.self)
            _ = s.split(text)
            _ = s.spans(text)
        }
        #expect(s.split(".") == ["."])
        #expect(s.split("?") == ["?"])
        #expect(s.split(" . ") == ["."])
        #expect(s.split("\n\n.\n") == ["."])
    }
}
