/// Counts words: maximal runs of letters, marks and digits (with inner `'` `’` `-` `.`
/// joining parts, so "don't", "e-mail" and "3.5" are one word each). Han, Hiragana,
/// Katakana and Thai letters count one word per character, as those scripts do not
/// separate words with spaces.
public enum WordCounter {
    public static func count(_ text: String) -> Int {
        var copy = text
        return copy.withUTF8 { bytes in
            var words = 0
            var inWord = false
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if WordClass.isASCIIWord(b) && b != 0x5F {
                        if !inWord { words += 1; inWord = true }
                    } else if inWord && (b == 0x27 || b == 0x2D || b == 0x2E) && i + 1 < n && WordClass.isASCIIWord(bytes[i + 1]) {
                        // joiner inside a word: stay in it
                    } else {
                        inWord = false
                    }
                    i += 1
                    continue
                }
                let (scalar, len) = WordClass.decodeScalar(bytes, i)
                if let scalar, isUnspacedScript(scalar) {
                    words += 1
                    inWord = false
                } else if let scalar, scalar == "\u{2019}" && inWord && i + len < n && WordClass.classify(bytes, i + len).isLetter {
                    // right single quote as apostrophe
                } else {
                    let isWord = scalar.map { WordClass.classify($0).isWord } ?? false
                    if isWord && !inWord { words += 1 }
                    inWord = isWord
                }
                i += len
            }
            return words
        }
    }

    @inline(__always)
    static func isUnspacedScript(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF, 0x0E00...0x0E7F:
            return true
        default:
            return false
        }
    }

    /// Unicode scalars in `text` (Python's `len`), counted on bytes: every byte that is not
    /// a UTF-8 continuation byte starts a scalar.
    public static func scalarCount(_ text: String) -> Int {
        var copy = text
        return copy.withUTF8 { bytes in
            var n = 0
            for b in bytes where b & 0xC0 != 0x80 { n += 1 }
            return n
        }
    }
}
