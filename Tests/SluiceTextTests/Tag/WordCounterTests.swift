import Testing
@testable import SluiceText

@Suite struct WordCounterTests {
    @Test(arguments: [
        ("", 0),
        ("   ", 0),
        ("one", 1),
        ("one two  three\nfour", 4),
        ("don't e-mail 3.5", 3),
        ("it\u{2019}s", 1),
        ("end. Next", 2),
        ("a - b", 2),
        ("trailing- 'quoted' x.", 3),
        ("snake_case", 2),
        ("#hashtag @user", 2),
        ("naïve café Ünïcödé", 3),
        ("日本語", 3),
        ("日本 語 text", 4),
        ("ภาษาไทย", 7),
        ("ひらがなカタカナ", 8),
        ("x\u{301}y z", 2),
        ("12,000 people", 3),
        ("Привет, мир!", 2),
    ])
    func counts(_ text: String, _ words: Int) {
        #expect(WordCounter.count(text) == words)
    }

    /// The documented rule spelled out scalar by scalar.
    private func reference(_ text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        var words = 0
        var inWord = false
        for (k, s) in scalars.enumerated() {
            let next = k + 1 < scalars.count ? scalars[k + 1] : nil
            if WordCounter.isUnspacedScript(s) {
                words += 1
                inWord = false
            } else if inWord, "'-.".unicodeScalars.contains(s), let next, next.isASCII, WordClass.isASCIIWord(UInt8(next.value)) {
                // joiner inside a word
            } else if inWord, s == "\u{2019}", let next, WordClass.classify(next).isLetter {
                // apostrophe
            } else {
                let isWord = s != "_" && WordClass.classify(s).isWord
                if isWord && !inWord { words += 1 }
                inWord = isWord
            }
        }
        return words
    }

    @Test func eightByteBlocksCountAsTheScalarRuleDoes() {
        let pieces = ["a", "Bc", "9", " ", "  ", "'", "-", ".", "_", ",", "x.y", "don't", "é", "Жук", "日", "\u{2019}",
                      "\n", "\t", "@", "[", "`", "{", "/", ":", "Z", "z", "0", "ภา", "e\u{301}", "—"]
        for text in PieceTexts(pieces, count: 2000, maxPieces: 48, seed: 0xC0FFEE) {
            #expect(WordCounter.count(text) == reference(text), "\(text.debugDescription)")
        }
    }

    /// Scalars as Python's `len` counts them, across the 16-byte blocks and the tail.
    @Test(arguments: [
        ("", 0),
        ("abc", 3),
        ("exactly sixteen!", 16),
        ("naïve café Ünïcödé — 日本語 and 🎉 more text here", 45),
        (String(repeating: "é", count: 40), 40),
        (String(repeating: "ab日", count: 11) + "🎉", 34),
    ])
    func scalars(_ text: String, _ count: Int) {
        #expect(WordCounter.scalarCount(text) == count)
        #expect(WordCounter.scalarCount(text) == text.unicodeScalars.count)
    }
}
