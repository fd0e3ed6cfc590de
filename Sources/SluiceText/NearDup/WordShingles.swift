/// Word shingles of a text for near-duplicate detection, hashed to 64 bits.
///
/// Words are normalized like exact dedup (``DedupKey``): ASCII letters are lowercased, other
/// characters are kept as they are, and invisible characters (soft hyphen, zero-width
/// characters, BOM) are skipped without ending a word. A word is a run of word characters
/// (letters, marks, digits, underscore); everything else separates words, so the boundaries
/// are the same whatever the script. Scripts written without spaces (Han, kana, Thai, Lao,
/// Khmer, Myanmar) count every letter as a word, with the marks that follow it.
///
/// A shingle is `size` consecutive words; a text with fewer words has one shingle of all of
/// them, and a text with no word has none.
public enum WordShingles {
    /// Calls `body` with the hash of every shingle of `size` words of the UTF-8 `bytes`, in
    /// text order (a repeated shingle is reported each time). Linear in the text, no allocation.
    @inline(__always)
    public static func forEach(utf8 bytes: UnsafeBufferPointer<UInt8>, size: Int, _ body: (UInt64) -> Void) {
        let n = max(1, min(size, 16))
        // The last `n` word hashes, as a ring.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 16) { ring in
            var words = 0
            // Where the next word hash goes: a wrapping index rather than `words % n`, which
            // would divide once per word.
            var slot = 0
            var word: UInt64 = fnvOffset
            var inWord = false
            // Whether the current word is a single character of a script without spaces,
            // which only marks may extend.
            var charWord = false
            let count = bytes.count
            var i = 0

            @inline(__always) func endWord() {
                guard inWord else { return }
                ring[slot] = finish(word)
                slot = slot + 1 == n ? 0 : slot + 1
                words += 1
                if words >= n { body(shingle(ring, slot, n, n)) }
                inWord = false
                charWord = false
                word = fnvOffset
            }

            while i < count {
                let b = bytes[i]
                if b < 0x80 {
                    if WordClass.isASCIIWord(b) {
                        if charWord { endWord() }
                        inWord = true
                        let lower = (b &- 0x41) < 26 ? b | 0x20 : b
                        word = (word ^ UInt64(lower)) &* fnvPrime
                    } else {
                        endWord()
                    }
                    i += 1
                    continue
                }
                let (scalar, len) = WordClass.decodeScalar(bytes, i)
                guard let scalar else { endWord(); i += 1; continue }
                let v = scalar.value
                if isInvisible(v) { i += len; continue }
                let (isWord, isLetter) = WordClass.classify(scalar)
                if !isWord {
                    endWord()
                } else if isSpaceless(v) && isLetter && !isSpacelessMark(v) {
                    // Its own word: what precedes ends here.
                    endWord()
                    inWord = true
                    charWord = true
                    for k in 0..<len { word = (word ^ UInt64(bytes[i + k])) &* fnvPrime }
                } else {
                    // A mark after a character of a spaceless script stays with it; any other
                    // word character after one starts a new word.
                    if charWord && isLetter && !isSpacelessMark(v) { endWord() }
                    inWord = true
                    for k in 0..<len { word = (word ^ UInt64(bytes[i + k])) &* fnvPrime }
                }
                i += len
            }
            endWord()
            if words > 0 && words < n {
                // Short text: one shingle of every word.
                body(shingle(ring, slot, words, n))
            }
        }
    }

    /// Number of shingles ``forEach(utf8:size:_:)`` reports for `text`.
    public static func count(_ text: String, size: Int) -> Int {
        var copy = text
        var c = 0
        copy.withUTF8 { forEach(utf8: $0, size: size) { _ in c += 1 } }
        return c
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// A word's hash, mixed so that its low bits are as good as its high ones.
    @inline(__always)
    static func finish(_ h: UInt64) -> UInt64 {
        var x = h ^ (h >> 31)
        x = x &* 0x9E37_79B9_7F4A_7C15
        return x ^ (x >> 29)
    }

    /// Hash of the last `k` words in the ring of `n` slots whose next free slot is `slot`, in
    /// order: a sum of the word hashes times a different odd constant per place (independent
    /// multiplies, not a chain), then mixed.
    @inline(__always)
    static func shingle(_ ring: UnsafeMutableBufferPointer<UInt64>, _ slot: Int, _ k: Int, _ n: Int) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 &+ UInt64(truncatingIfNeeded: k)
        var j = slot - k
        if j < 0 { j += n }
        var place = 0
        while place < k {
            h = h &+ ring[j] &* placeFactor(place)
            j = j + 1 == n ? 0 : j + 1
            place += 1
        }
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }

    /// An odd constant for each place in a shingle (up to 16).
    @inline(__always)
    static func placeFactor(_ place: Int) -> UInt64 {
        (0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: 2 * place + 1)) | 1
    }

    /// Soft hyphen, zero-width space/joiners, word joiner, BOM: skipped inside words.
    @inline(__always)
    static func isInvisible(_ v: UInt32) -> Bool {
        v == 0xAD || (v >= 0x200B && v <= 0x200D) || v == 0x2060 || v == 0xFEFF
    }

    /// Whether `v`, in a spaceless script's block, is a combining mark (Thai vowel and tone
    /// signs are "alphabetic" but attach to the consonant before them).
    @inline(__always)
    static func isSpacelessMark(_ v: UInt32) -> Bool {
        if v >= 0x0E00 && v < 0x1800 { return markTable[Int(v - 0x0E00)] != 0 }
        return v == 0x3099 || v == 0x309A
    }

    /// Marks of U+0E00…U+17FF (Thai, Lao, Myanmar, Khmer and what lies between), looked up
    /// once from the general category.
    nonisolated(unsafe) static let markTable: UnsafePointer<UInt8> = {
        let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x0A00)
        for i in 0..<0x0A00 {
            var m: UInt8 = 0
            if let s = Unicode.Scalar(UInt32(0x0E00 + i)) {
                switch s.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: m = 1
                default: m = 0
                }
            }
            t[i] = m
        }
        return UnsafePointer(t)
    }()

    /// Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, kana, Han.
    @inline(__always)
    static func isSpaceless(_ v: UInt32) -> Bool {
        (v >= 0x0E00 && v <= 0x0EFF) || (v >= 0x1000 && v <= 0x109F) || (v >= 0x1780 && v <= 0x17FF)
            || (v >= 0x3040 && v <= 0x30FF) || (v >= 0x31F0 && v <= 0x31FF) || (v >= 0x3400 && v <= 0x4DBF)
            || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x20000 && v <= 0x3FFFF)
    }
}
