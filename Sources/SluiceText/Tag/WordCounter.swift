/// Counts words: maximal runs of letters, marks and digits (with inner `'` `’` `-` `.`
/// joining parts, so "don't", "e-mail" and "3.5" are one word each). Han, Hiragana,
/// Katakana and Thai letters count one word per character, as those scripts do not
/// separate words with spaces.
public enum WordCounter {
    /// The words of `text`.
    public static func count(_ text: String) -> Int {
        var copy = text
        let alnum = asciiAlnum
        let classes = WordClass.bmpTable
        return copy.withUTF8 { bytes in
            var words = 0
            var inWord = false
            var i = 0
            let n = bytes.count
            guard let base = bytes.baseAddress else { return 0 }
            while i < n {
                if i &+ 9 <= n {
                    // Eight ASCII bytes at once (SWAR; the ninth byte is the last one's lookahead).
                    let w = ByteLanes.load(base + i)
                    if w & ByteLanes.high == 0 {
                        let next = ByteLanes.load(base + i + 1)
                        let carry: UInt64 = inWord ? 0x80 : 0
                        let a = ByteLanes.alnum(w)
                        let joiner = ByteLanes.equal(w, 0x27) | ByteLanes.equal(w, 0x2D) | ByteLanes.equal(w, 0x2E)
                        let nextIsWord = (ByteLanes.alnum(next) | ByteLanes.equal(next, 0x5F)) & ByteLanes.ascii(next)
                        // A joiner stays in the word when a word byte follows; whatever sits
                        // before a joiner that a word byte follows is a letter or digit, or
                        // (first lane) the state carried in.
                        let s = a | (joiner & nextIsWord & ((a << 8) | carry))
                        words &+= (a & ~((s << 8) | carry)).nonzeroBitCount
                        inWord = s >> 63 != 0
                        i &+= 8
                        continue
                    }
                }
                let b = bytes[i]
                if b < 0x80 {
                    if alnum[Int(b)] != 0 {
                        if !inWord { words += 1; inWord = true }
                        // The rest of the run changes nothing: pass it in a tight loop.
                        i += 1
                        while i < n && alnum[Int(bytes[i])] != 0 { i += 1 }
                        continue
                    } else if inWord && (b == 0x27 || b == 0x2D || b == 0x2E) && i + 1 < n && WordClass.isASCIIWord(bytes[i + 1]) {
                        // joiner inside a word: stay in it
                    } else {
                        inWord = false
                    }
                    i += 1
                    continue
                }
                if b >= 0xC0 && b < 0xE0 && i + 1 < n {
                    // Two-byte scalars (Latin, Greek, Cyrillic, Hebrew, Arabic …) are in no
                    // unspaced script and are not U+2019: only their class matters.
                    let isWord = classes[Int(UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))] & 1 != 0
                    if isWord && !inWord { words += 1 }
                    inWord = isWord
                    i += 2
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
        return copy.withUTF8 { UTF8Scalars.count($0, 0, $0.count) }
    }

    /// 1 for ASCII letters and digits (word characters that are not `_`), else 0.
    nonisolated(unsafe) private static let asciiAlnum: UnsafePointer<UInt8> = {
        let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        t.initialize(repeating: 0, count: 256)
        for b in 0..<128 where WordClass.isASCIIWord(UInt8(b)) && b != 0x5F { t[b] = 1 }
        return UnsafePointer(t)
    }()
}
