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
    /// `normalization` adds rules (digits, case and accents of every script) to what is always
    /// normalized.
    public static func forEach(utf8 bytes: UnsafeBufferPointer<UInt8>, size: Int, normalization: ShingleNormalization = [],
                               _ body: (UInt64) -> Void) {
        withoutActuallyEscaping(body) { body in
            var sink = ClosureSink(body: body)
            forEach(utf8: bytes, size: size, normalization: normalization, into: &sink)
        }
    }

    private struct ClosureSink: ShingleSink {
        let body: (UInt64) -> Void
        mutating func take(_ shingle: UInt64) { body(shingle) }
    }

    /// Hands `sink` the hash of every shingle of `size` words of the UTF-8 `bytes`, in text
    /// order, like ``forEach(utf8:size:normalization:_:)``; specialized for the sink's type, so its work is
    /// inlined into the loop (a closure call per shingle cost signing a tenth).
    @inline(__always)
    public static func forEach<Sink: ShingleSink>(utf8 bytes: UnsafeBufferPointer<UInt8>, size: Int,
                                                  normalization: ShingleNormalization = [], into sink: inout Sink) {
        let n = max(1, min(size, 16))
        // The shingle hash is a polynomial of its word hashes, updated as the window slides
        // (subtract the word leaving, multiply, add the word entering): two multiplies per
        // word whatever the shingle size. `outgoing` is the leaving word's factor.
        var outgoing: UInt64 = 1
        for _ in 1..<max(n, 2) { outgoing = outgoing &* shingleBase }
        if n == 1 { outgoing = 1 }
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 16) { ring in
            var words = 0
            // Where the next word hash goes: a wrapping index rather than `words % n`, which
            // would divide once per word.
            var slot = 0
            var window: UInt64 = 0
            let count = bytes.count
            let zeroDigits = normalization.contains(.digits)
            let lowered = zeroDigits ? asciiWordLoweredZeroDigits : asciiWordLowered
            var i = 0
            while i < count {
                // One word (or one separator) per turn: a word ends at a separator, which is
                // consumed, or where a spaceless script's letter starts a word of its own,
                // which is not. Either way the turn consumes at least one byte.
                var word = WordHash()
                var hasWord = false
                var charWord = false
                while i < count {
                    let b = bytes[i]
                    if b < 0x80 {
                        let l = lowered[Int(b)]
                        if l == 0 { i += 1; break }
                        if charWord { break }
                        hasWord = true
                        i = word.feedASCIIRun(bytes, from: i, lowered: lowered, zeroDigits: zeroDigits)
                        continue
                    }
                    let (scalar, len) = WordClass.decodeScalar(bytes, i)
                    guard let scalar else { i += 1; break }
                    let v = scalar.value
                    if isInvisible(v) || normalization.skips(v) { i += len; continue }
                    let (isWord, isLetter) = WordClass.classify(scalar)
                    if !isWord { i += len; break }
                    let startsOwnWord = isLetter && !isSpacelessMark(v)
                    if isSpaceless(v) && startsOwnWord {
                        // Its own word: what precedes ends here.
                        if hasWord { break }
                        charWord = true
                    } else if charWord && startsOwnWord {
                        // A mark after a character of a spaceless script stays with it; any
                        // other word character after one starts a new word.
                        break
                    }
                    if normalization.isEmpty {
                        for k in 0..<len { word.feed(bytes[i + k]) }
                    } else {
                        normalization.feed(scalar, bytes: UnsafeBufferPointer(rebasing: bytes[i..<(i + len)]), into: &word)
                    }
                    hasWord = true
                    i += len
                }
                guard hasWord else { continue }
                let w = word.finish()
                if words >= n { window = window &- ring[slot] &* outgoing }
                window = window &* shingleBase &+ w
                ring[slot] = w
                slot = slot + 1 == n ? 0 : slot + 1
                words += 1
                if words >= n { sink.take(shingle(window, n)) }
            }
            if words > 0 && words < n {
                // Short text: one shingle of every word.
                sink.take(shingle(window, words))
            }
        }
    }

    /// The multiplier of the shingle polynomial (odd).
    static let shingleBase: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// A shingle's hash from the polynomial of its `k` word hashes, mixed.
    @inline(__always)
    static func shingle(_ window: UInt64, _ k: Int) -> UInt64 {
        var h = window &+ 0x243F_6A88_85A3_08D3 &* UInt64(truncatingIfNeeded: k)
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }

    /// The hash of a word being read, fed its normalized bytes. Bytes are packed eight to a
    /// 64-bit chunk (the first in the low byte) and each full chunk is mixed in with one
    /// multiply, so a byte costs a shift and an OR rather than a multiply in a dependency
    /// chain (FNV). Word bytes are never 0, so a partial chunk and the length identify the
    /// bytes exactly.
    struct WordHash: Equatable {
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        var chunk: UInt64 = 0
        var length: UInt64 = 0

        @inline(__always)
        mutating func feed(_ b: UInt8) {
            chunk |= UInt64(b) &<< ((length & 7) &* 8)
            length &+= 1
            if length & 7 == 0 { mix() }
        }

        @inline(__always)
        private mutating func mix() {
            h = (h ^ chunk) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            chunk = 0
        }

        /// Feeds the ASCII word characters from `i` on (lowercased) and returns where they
        /// end: eight bytes at a time while eight remain (classified and lowercased as one
        /// 64-bit word), then one at a time. Out of line on purpose: inside the shingle loop
        /// the hash state lived on the stack.
        @inline(never)
        /// With `zeroDigits` every digit is fed as `0` (`lowered` must then map them so too).
        mutating func feedASCIIRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, lowered: UnsafePointer<UInt8>,
                                   zeroDigits: Bool = false) -> Int {
            var i = start
            let count = bytes.count
            guard let address = bytes.baseAddress else { return i }
            let base = UnsafeRawPointer(address)
            while count - i >= 8 {
                let w = UInt64(littleEndian: (base + i).loadUnaligned(as: UInt64.self))
                let (word, upper, digit) = Self.asciiWordBytes(w)
                // Word bytes from the first on: the run ends at the first other byte.
                let n = Int((~word & Self.high).trailingZeroBitCount &>> 3)
                guard n > 0 else { return i }
                var value = w | (upper &>> 2)
                if zeroDigits {
                    // Digit bytes become 0x30: their high bits spread to whole bytes.
                    let bytes = (digit &>> 7) &* 0xFF
                    value = value & ~bytes | (0x30 &* Self.ones) & bytes
                }
                value &= n == 8 ? ~0 : (1 &<< (UInt64(n) &* 8)) &- 1
                let at = Int(length & 7)
                chunk |= value &<< (UInt64(at) &* 8)
                length &+= UInt64(n)
                if at + n >= 8 {
                    // The chunk is full; what did not fit starts the next one.
                    let rest = at + n - 8
                    let spill = rest == 0 ? 0 : value &>> (UInt64(n - rest) &* 8)
                    mix()
                    chunk = spill
                }
                i += n
                if n < 8 { return i }
            }
            while i < count {
                let c = lowered[Int(bytes[i])]
                if c == 0 { break }
                feed(c)
                i += 1
            }
            return i
        }

        static let high: UInt64 = 0x8080_8080_8080_8080
        static let ones: UInt64 = 0x0101_0101_0101_0101

        /// For the eight bytes of `w`: the high bit set in each byte that is an ASCII word
        /// character (digit, letter, underscore), in each that is an upper-case letter, and in
        /// each that is a digit.
        @inline(__always)
        static func asciiWordBytes(_ w: UInt64) -> (word: UInt64, upper: UInt64, digit: UInt64) {
            let ascii = ~w & high
            let x = w & ~high
            // High bit of each byte: that byte of x is ≥ lo (x ≤ 0x7F, so nothing carries).
            @inline(__always) func atLeast(_ lo: UInt64) -> UInt64 { (x &+ (0x80 &- lo) &* ones) & high }
            let digit = atLeast(0x30) & ~atLeast(0x3A)
            let upper = atLeast(0x41) & ~atLeast(0x5B)
            let lower = atLeast(0x61) & ~atLeast(0x7B)
            let y = x ^ (0x5F &* ones)
            let underscore = ~((y &+ 0x7F &* ones) | y) & high
            return ((digit | upper | lower | underscore) & ascii, upper & ascii, digit & ascii)
        }

        /// The word's hash: one multiply, its high half folded onto the low one so that every
        /// bit depends on every byte (the shingle hash mixes again after the polynomial).
        @inline(__always)
        func finish() -> UInt64 {
            let x = (h ^ chunk ^ length &<< 56) &* 0xBF58_476D_1CE4_E5B9
            return x ^ (x >> 32)
        }
    }

    /// For each ASCII byte: the byte lowercased when it is a word character (letter, digit,
    /// underscore), else 0; 0 for every byte ≥ 0x80 too.
    nonisolated(unsafe) static let asciiWordLowered: UnsafePointer<UInt8> = {
        let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for b in 0..<256 {
            let c = UInt8(b)
            t[b] = c < 0x80 && WordClass.isASCIIWord(c) ? ((c &- 0x41) < 26 ? c | 0x20 : c) : 0
        }
        return UnsafePointer(t)
    }()

    /// ``asciiWordLowered`` with every digit mapped to `0` (the `digits` rule).
    nonisolated(unsafe) static let asciiWordLoweredZeroDigits: UnsafePointer<UInt8> = {
        let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for b in 0..<256 { t[b] = (0x30...0x39).contains(b) ? 0x30 : asciiWordLowered[b] }
        return UnsafePointer(t)
    }()

    /// Number of shingles ``forEach(utf8:size:normalization:_:)`` reports for `text`.
    public static func count(_ text: String, size: Int) -> Int {
        var copy = text
        var c = 0
        copy.withUTF8 { forEach(utf8: $0, size: size) { _ in c += 1 } }
        return c
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

/// Receives the shingle hashes of a text (``WordShingles/forEach(utf8:size:normalization:into:)``).
public protocol ShingleSink {
    /// Takes the next shingle's hash.
    mutating func take(_ shingle: UInt64)
}
