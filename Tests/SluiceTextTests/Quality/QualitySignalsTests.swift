import Testing
@testable import SluiceText

/// Signals on small documents computed by hand (and checked against datatrove 0.10 with spaCy 3.8).
@Suite struct QualitySignalsTests {
    @Test func wordTokenizerFollowsSpacyEnglishRules() {
        let text = "I can't go, Mr. Smith's car (the red one) costs $5,000 -- 20km away... e-mail me@x.org at 5pm."
        let expected: [String] = ["I", "ca", "n't", "go", ",", "Mr.", "Smith", "'s", "car", "(", "the", "red", "one", ")",
                                  "costs", "$", "5,000", "--", "20", "km", "away", "...", "e", "-", "mail", "me@x.org",
                                  "at", "5", "pm", "."]
        #expect(WordTokenizer.words(text) == expected)
        #expect(WordTokenizer.words("Hello, world! Don't (stop) U.S. https://x.com/a.")
                == ["Hello", ",", "world", "!", "Do", "n't", "(", "stop", ")", "U.S.", "https://x.com/a", "."])
        #expect(WordTokenizer.words("They’re here—now. USA. A. “Quoted”") == ["They", "’re", "here", "—", "now", ".", "USA", ".", "A.", "“", "Quoted", "”"])
        #expect(WordTokenizer.words("  \n\t ") == [])
    }

    @Test func gopherQuality() {
        let q = QualitySignals.compute("The cat and the dog... # go\n- one two\n• three…\n").gopherQuality
        // tokens: The cat and the dog ... # go - one two • three …
        #expect(q.words == 14)
        #expect(q.nonSymbolWords == 10)          // "•" is not in datatrove's punctuation set
        #expect(q.meanWordLength == 2.9)         // 29 characters / 10 words
        #expect(q.hashToWordRatio == 1.0 / 14)
        #expect(q.ellipsisToWordRatio == 2.0 / 14)
        #expect(q.bulletLinesRatio == 2.0 / 3)
        #expect(q.ellipsisLinesRatio == 1.0 / 3)
        #expect(q.alphaWordsRatio == 9.0 / 14)
        #expect(q.stopWords == 2)                // "the", "and" ("The" does not count)
        #expect(GopherQualityThresholds().reasons(q) == ["gopher_short_doc", "gopher_below_avg_threshold", "gopher_too_many_ellipsis",
                                                         "gopher_too_many_end_ellipsis", "gopher_below_alpha_threshold"])
    }

    /// Stop words are the record's language's: English ones on German text failed nearly every
    /// German document; a language without a list is not checked.
    @Test func stopWordsFollowTheLanguage() {
        let german = "Die Stadt hat das neue Museum am Montag mit einem Fest eröffnet, und der Bürgermeister ist gekommen."
        #expect(QualitySignals.compute(german).gopherQuality.stopWords == 0)
        #expect(QualitySignals.compute(german, language: "und").gopherQuality.stopWords == 0)
        // das, mit, und, der, ist ("Die" does not count: Gopher compares as written)
        #expect(QualitySignals.compute(german, language: "de").gopherQuality.stopWords == 5)
        let spanish = "El museo de la ciudad abrió el lunes por la tarde con una fiesta en la plaza."
        #expect(QualitySignals.compute(spanish, language: "es").gopherQuality.stopWords == 4)  // el, la, por, en
        let swedish = QualitySignals.compute("Museet öppnade på måndag med en fest.", language: "sv").gopherQuality
        #expect(swedish.stopWords == nil)
        var t = GopherQualityThresholds()
        t.minDocWords = 0
        #expect(!t.reasons(swedish).contains("gopher_enough_stop_words"))
        #expect(t.reasons(QualitySignals.compute(german).gopherQuality).contains("gopher_enough_stop_words"))
        #expect(!t.reasons(QualitySignals.compute(german, language: "de").gopherQuality).contains("gopher_enough_stop_words"))
        // Every listed word packs into the four-byte key.
        #expect(GopherQuality.stopWordLists.values.allSatisfy { $0.count == 8 && $0.allSatisfy { (2...4).contains($0.utf8.count) } })
    }

    @Test func gopherRepetition() {
        let text = "a b c\na b c\n\nx y\n\nx y"  // 21 characters
        let r = QualitySignals.compute(text).gopherRepetition
        #expect(r.duplicateParagraphFraction == 1.0 / 3)      // "a b c\na b c", "x y", "x y"
        #expect(r.duplicateParagraphCharFraction == 3.0 / 21)
        #expect(r.duplicateLineFraction == 2.0 / 4)           // "a b c" ×2, "x y" ×2
        #expect(r.duplicateLineCharFraction == 8.0 / 21)
        let top: [Double] = [6.0 / 21, 10.0 / 21, 7.0 / 21]
        #expect(r.topNgramCharFraction == top)  // "a b"×2, "a b c"×2, "a b c a"×1
        #expect(r.duplicateNgramCharFraction == [0, 0, 0, 0, 0, 0])
        #expect(GopherRepetitionThresholds().reasons(r) == ["dup_para_frac", "dup_line_frac", "dup_line_char_frac",
                                                            "top_2_gram", "top_3_gram", "top_4_gram"])
        // Repeated 5-grams: the second "one two three four five" (19 chars without spaces) repeats.
        let five = QualitySignals.compute("one two three four five one two three four five").gopherRepetition
        #expect(five.duplicateNgramCharFraction[0] == 19.0 / 47)
        #expect(QualitySignals.compute("").gopherRepetition.empty)
        #expect(GopherRepetitionThresholds().reasons(QualitySignals.compute("").gopherRepetition) == ["empty"])
    }

    @Test func c4Lines() {
        let text = "Hello there my friend. How are you?\nshort\nNo end here\nEnable JavaScript in your browser now.\n"
            + "Read our privacy policy today.\nOne. Two! Three four five."
        let c = QualitySignals.compute(text).c4
        #expect(c.lines == 6)
        #expect(c.keptLines == 2)
        #expect(c.sentences == 5)                    // 2 + 3
        #expect(c.linesNoTerminalPunctuation == 2)
        #expect(c.linesJavascript == 1)
        #expect(c.linesPolicy == 1)
        #expect(c.linesTooFewWords == 0)
        #expect(C4Thresholds().reasons(c) == [])

        let bad = QualitySignals.compute("Lorem ipsum dolor sit amet.\nvar x = {a: 1};\nfoo {bar} baz.").c4
        #expect(bad.loremIpsum && bad.curlyBracket && bad.keptLines == 0)
        #expect(C4Thresholds().reasons(bad) == ["lorem_ipsum", "curly_bracket", "too_few_sentences"])

        let cited = QualitySignals.compute("Paris is big.[1]\nIt has [edit] many parks[citation needed].\nOk.").c4
        #expect(cited.keptLines == 2 && cited.sentences == 2 && cited.linesTooFewWords == 1)
    }

    @Test func fineWebLines() {
        let f = QualitySignals.compute("Line one is here.\nline two\nLine one is here.\n\n").fineweb
        #expect(f.lines == 3)
        #expect(f.linePunctuationRatio == 2.0 / 3)
        #expect(f.shortLineRatio == 1)
        #expect(f.charDuplicatesRatio == 17.0 / 42)
        #expect(f.newLineRatio == 4.0 / 12)
        #expect(FineWebThresholds().reasons(f) == ["short_line_ratio", "char_dup_ratio", "list_ratio"])
        #expect(FineWebThresholds().reasons(QualitySignals.compute(" \n\n").fineweb) == ["empty"])
    }

    @Test func goodArticlePassesEveryFilter() {
        let sentence = "The council said on Tuesday that the new bridge would open in the spring, and that it would cost less than planned."
        let text = (0..<6).map { k in (0..<3).map { "\(sentence) Paragraph \(k), sentence \($0) is here with more words." }.joined(separator: " ") }
            .joined(separator: "\n\n")
        let s = QualitySignals.compute(text)
        let t = QualityThresholds()
        for kind in QualityFilterKind.allCases where kind != .gopherRepetition {
            #expect(t.reasons(kind, s) == [], "\(kind)")
        }
        // The repeated sentence is caught by the n-gram signals.
        #expect(t.reasons(.gopherRepetition, s).contains("duplicated_5_n_grams"))
    }

    @Test func thresholdsBySetName() {
        var g = GopherQualityThresholds()
        let known = g.set("min_doc_words", 10)
        let unknown = g.set("nope", 1)
        #expect(known && !unknown)
        #expect(g.minDocWords == 10)
        var r = GopherRepetitionThresholds()
        let top = r.set("top_3_gram_frac", 0.5)
        #expect(top && r.topNgramFrac == [0.2, 0.5, 0.16])
        let dup = r.set("dup_10_gram_frac", 0.2)
        #expect(dup)
        #expect(r.dupNgramFrac.last == 0.2)
    }
}
