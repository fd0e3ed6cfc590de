import Testing
@testable import SluiceText

@Suite struct WordShinglesTests {
    static func hashes(_ text: String, size: Int = 5) -> [UInt64] {
        var copy = text
        var out: [UInt64] = []
        copy.withUTF8 { WordShingles.forEach(utf8: $0, size: size) { out.append($0) } }
        return out
    }

    @Test func countsOneShinglePerWindow() {
        #expect(WordShingles.count("one two three four five six seven", size: 5) == 3)
        #expect(WordShingles.count("one two three four five", size: 5) == 1)
        // Fewer words than a shingle: one shingle of all of them; no word: none.
        #expect(WordShingles.count("one two", size: 5) == 1)
        #expect(WordShingles.count(" ,.;— \n", size: 5) == 0)
        #expect(WordShingles.count("", size: 5) == 0)
    }

    @Test func boundariesIgnoreCasePunctuationAndInvisibles() {
        let base = Self.hashes("The mayor said the port would reopen on Tuesday")
        #expect(base.count == 5)
        #expect(Self.hashes("THE Mayor, said: the port — would re\u{00AD}open on Tuesday!") == base)
        #expect(Self.hashes("the\u{00A0}mayor said\n\nthe port would reo\u{200B}pen on tuesday") == base)
        #expect(Self.hashes("The mayor said the port would reopen on Wednesday") != base)
        // Word order matters within a shingle.
        #expect(Self.hashes("a b c d e", size: 5) != Self.hashes("b a c d e", size: 5))
    }

    @Test func spacelessScriptsCountCharacters() {
        // Six Han characters, punctuation between: six words, two 5-character shingles.
        #expect(WordShingles.count("北京市，今天下雨", size: 5) == 3)
        #expect(WordShingles.count("東京タワー", size: 5) == 1)
        // Thai: consonants are words, the vowel and tone marks after them stay with them
        // (ที่ = ท + ี + ่ is one word).
        #expect(WordShingles.count("ที่นี่", size: 1) == 2)
        // Hangul is written with spaces: words as in Latin script.
        #expect(WordShingles.count("서울 시장 이 말했다", size: 1) == 4)
        // A Latin word next to Han characters is one word of its own.
        #expect(WordShingles.count("用Swift写", size: 1) == 3)
    }

    @Test func invalidBytesSeparateWords() {
        let bytes: [UInt8] = Array("ab".utf8) + [0xFF] + Array("cd".utf8)
        var c = 0
        bytes.withUnsafeBufferPointer { WordShingles.forEach(utf8: $0, size: 1) { _ in c += 1 } }
        #expect(c == 2)
    }

    @Test func eightBytesAtATimeHashAsOneAtATime() {
        // Every ASCII byte value, in runs of every length and at every chunk offset: the
        // word-at-a-time path must leave exactly the state byte-at-a-time feeding does.
        var state: UInt32 = 7
        func next() -> UInt8 {
            state = state &* 1_103_515_245 &+ 12_345
            return UInt8(truncatingIfNeeded: state >> 16)
        }
        let alphabet = Array("abcXYZ09_".utf8) + [0x20, 0x2D, 0x40, 0x5B, 0x60, 0x7B, 0x2F, 0x3A, 0xC3, 0xA9, 0x7F, 0x80]
        for trial in 0..<400 {
            let bytes = (0..<(trial % 40)).map { _ in alphabet[Int(next()) % alphabet.count] }
            for prefix in 0..<8 {
                var fast = WordShingles.WordHash()
                for k in 0..<prefix { fast.feed(UInt8(0x61 + k)) }
                var slow = fast
                let end = bytes.withUnsafeBufferPointer { fast.feedASCIIRun($0, from: 0, lowered: WordShingles.asciiWordLowered) }
                var j = 0
                while j < bytes.count, bytes[j] < 0x80, WordClass.isASCIIWord(bytes[j]) {
                    let b = bytes[j]
                    slow.feed((b &- 0x41) < 26 ? b | 0x20 : b)
                    j += 1
                }
                #expect(end == j)
                #expect(fast == slow, "\(bytes) after \(prefix)")
            }
        }
    }

    @Test func emptyBufferFeedsNothing() {
        // Fuzz finding: an empty buffer has no base address; feeding from it must not trap.
        var h = WordShingles.WordHash()
        let end = [UInt8]().withUnsafeBufferPointer { h.feedASCIIRun($0, from: 0, lowered: WordShingles.asciiWordLowered) }
        #expect(end == 0)
        #expect(h == WordShingles.WordHash())
        #expect(WordShingles.count("", size: 5) == 0)
    }
}
