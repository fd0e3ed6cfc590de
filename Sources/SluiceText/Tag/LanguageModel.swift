/// The tables of the language identifier, parsed from the bytes of a model file built by
/// `data/langid/build_model.py` (format described there). Pure: parsing only, no I/O.
public struct LanguageModel: Sendable {
    /// Why bytes are not a usable model.
    public enum FormatError: Error, Equatable, CustomStringConvertible {
        case badMagic
        case unsupportedVersion(UInt32)
        case truncated
        case invalid(String)

        /// The reason, for a message.
        public var description: String {
            switch self {
            case .badMagic: "not a Sluice language model (bad magic)"
            case .unsupportedVersion(let v): "unsupported language model version \(v)"
            case .truncated: "language model file is truncated"
            case .invalid(let why): "invalid language model: \(why)"
            }
        }
    }

    /// Language codes (ISO 639-1 where one exists, else 639-3), indexed by language number.
    public let languages: [String]
    /// Per language, the scripts (bits of ``Script``) its letters are written in.
    let scriptMasks: [UInt32]
    /// Per language, the log prior in tenths of a nat.
    let priors: [Int32]
    /// The lookup tables, in memory that lives as long as the model.
    let tables: Tables
    var slotMask: Int { tables.slots.count - 1 }
    /// The shift that turns a hash into its home slot (``slotIndex(_:_:)``).
    var slotShift: Int { Int(Self.hashBits) - slotMask.nonzeroBitCount }

    /// Read-only tables shared by all copies of a model (and all threads).
    final class Tables: @unchecked Sendable {
        /// For code points below ``LanguageModel/tableLimit``: 0 when not a letter, else the
        /// lower-case code point.
        let lowercase: UnsafeMutableBufferPointer<UInt32>
        /// Script of each code point below ``LanguageModel/tableLimit`` that counts as a letter
        /// (general category L or M: vowel signs and other marks are letters of their script),
        /// ``Script/other`` for the rest. Letters the model has no n-grams for (marks among them,
        /// as the model's sources split words at them) end an n-gram word but still count.
        let scripts: UnsafeMutableBufferPointer<UInt8>
        /// Open-addressing table, 0 is empty. An n-gram of one or two languages (most) holds
        /// them inline: `hash | posting << 32 (| posting << 47)`, tagged ``oneInline`` or
        /// ``twoInline`` in the top two bits (a posting: language in 7 bits, value in 8); a longer
        /// list is `hash | (count << 32) | (firstPosting << 40)`, or for an n-gram with a dense
        /// row, `hash | (denseRow << 40)` (count 0); tag 0.
        let slots: UnsafeMutableBufferPointer<UInt64>
        /// Postings: language number in the low byte, score (tenths of a nat above the floor) high.
        let postings: UnsafeMutableBufferPointer<UInt16>
        /// Dense rows of the n-grams most languages have (letters, common bigrams): one score
        /// byte per language, ``denseStride`` bytes a row, added with SIMD instead of one
        /// scattered add per posting.
        let dense: UnsafeMutableBufferPointer<UInt8>
        /// Bytes per dense row: the number of languages rounded up to a multiple of 16.
        let denseStride: Int
        /// Per language, its prior times ``LanguageModel/orders``, as it is added to a score.
        let priorTerms: UnsafeMutableBufferPointer<Int32>
        /// Whether the ASCII letters of the model are exactly `A`–`Z` and `a`–`z`, so runs of
        /// ASCII can be counted eight bytes at a time (``LanguageIdentifier``).
        let asciiLettersAreLatin: Bool

        /// Tables from the parsed arrays; `slots` is taken over (deallocated with the tables).
        init(lowercase: [UInt32], scripts: [UInt8], slots: UnsafeMutableBufferPointer<UInt64>, postings: [UInt16],
             dense: [UInt8], denseStride: Int, priors: [Int32]) {
            func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
                let p = UnsafeMutableBufferPointer<T>.allocate(capacity: a.count)
                _ = p.initialize(from: a)
                return p
            }
            self.lowercase = copy(lowercase)
            self.scripts = copy(scripts)
            self.slots = slots
            self.postings = copy(postings)
            self.dense = copy(dense.isEmpty ? [0] : dense)
            self.denseStride = denseStride
            self.priorTerms = copy(priors.map { $0 &* LanguageModel.orders })
            self.asciiLettersAreLatin = (0..<0x80).allSatisfy { c in
                let letter = (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c)
                return (lowercase.count > c && lowercase[c] != 0) == letter
            }
        }

        deinit {
            lowercase.deallocate()
            scripts.deallocate()
            slots.deallocate()
            postings.deallocate()
            dense.deallocate()
            priorTerms.deallocate()
        }
    }

    static let tableLimit = 0x3000
    /// N-gram orders the model holds (1–5): each letter is scored once per order.
    static let orders: Int32 = 5
    /// N-grams with at least this many postings get a dense row.
    static let denseMinPostings = 16

    /// Parses a model file's bytes; throws ``FormatError`` when they are not a model of a
    /// version this code reads.
    public init(bytes: [UInt8]) throws {
        var r = Reader(bytes: bytes)
        guard bytes.count >= 8, bytes[0] == 0x53, bytes[1] == 0x4C, bytes[2] == 0x49, bytes[3] == 0x44 else {
            throw FormatError.badMagic
        }
        r.offset = 4
        let version = try r.u32()
        guard version == 2 else { throw FormatError.unsupportedVersion(version) }
        let nLangs = Int(try r.u32())
        guard nLangs > 0 && nLangs <= 255 else { throw FormatError.invalid("\(nLangs) languages") }
        var languages: [String] = []
        var masks: [UInt32] = []
        var priors: [Int32] = []
        for _ in 0..<nLangs {
            let len = Int(try r.u8())
            languages.append(String(decoding: try r.bytes(len), as: UTF8.self))
            masks.append(try r.u32())
            priors.append(Int32(Int8(bitPattern: try r.u8())))
        }
        var lower = [UInt32](repeating: 0, count: Self.tableLimit)
        let nLetters = Int(try r.u32())
        for _ in 0..<nLetters {
            let cp = try r.u32(), lo = try r.u32()
            // The identifier packs lower-case letters in 16 bits.
            guard cp < Self.tableLimit, lo < 0x10000 else {
                throw FormatError.invalid("letter U+\(String(cp, radix: 16)) out of range")
            }
            lower[Int(cp)] = lo
        }
        let nKeys = Int(try r.u32())
        let nPostings = Int(try r.u32())
        // A posting list's start is 22 bits of a slot; every n-gram has a posting.
        guard nPostings < 1 << 22, nKeys <= nPostings else { throw FormatError.invalid("too many postings") }
        guard r.offset + nKeys + 2 * nPostings <= bytes.count else { throw FormatError.truncated }
        // At most two thirds full: a miss probes a few neighbours, mostly in the same cache line.
        var capacity = 1024
        while capacity < nKeys + nKeys / 2 { capacity <<= 1 }
        let mask = capacity - 1
        let shift = Int(Self.hashBits) - mask.nonzeroBitCount
        // The table is handed to `Tables` as it is (16 MB: no copy).
        let slots = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: capacity)
        slots.initialize(repeating: 0)
        var handedOver = false
        defer { if !handedOver { slots.deallocate() } }
        var postings: [UInt16] = []
        let denseStride = (nLangs + 15) & ~15
        var dense: [UInt8] = []
        // Bulk reads and writes through pointers: loading runs once per process, also in debug builds.
        let ok: Bool = bytes.withUnsafeBytes { raw in
            // The n-grams' hashes, ascending, as LEB128 differences.
            var hashes = [UInt32](repeating: 0, count: nKeys)
            var at = r.offset
            var h: UInt64 = 0
            // `while` loops rather than `for … in` ranges: debug builds (the test suite's) iterate
            // ranges through generic calls, which made loading several times slower there.
            var k = 0
            while k < nKeys {
                var d: UInt64 = 0
                var shift: UInt64 = 0
                while true {
                    guard at < raw.count, shift < 35 else { return false }
                    let byte = raw[at]
                    at += 1
                    d |= UInt64(byte & 0x7F) << shift
                    shift += 7
                    if byte < 0x80 { break }
                }
                h += d
                guard d > 0, h < UInt64(1) << Self.hashBits else { return false }
                hashes[k] = UInt32(h)
                k += 1
            }
            guard at + 2 * nPostings <= raw.count else { return false }
            // Postings: (language | 0x80 on a list's last, value), the lists in hash order.
            var p = at
            let end = at + 2 * nPostings
            postings.reserveCapacity(nPostings)
            let zeroRow = [UInt8](repeating: 0, count: denseStride)
            do {
                let table = slots
                k = 0
                while k < nKeys {
                    defer { k += 1 }
                    let first = p
                    // The languages of the list, as bits: a list that names one twice is invalid.
                    var seen0: UInt64 = 0, seen1: UInt64 = 0
                    while true {
                        guard p < end else { return false }
                        let lang = Int(raw[p] & 0x7F)
                        guard lang < nLangs else { return false }
                        let bit = UInt64(1) << UInt64(lang & 63)
                        if lang < 64 {
                            guard seen0 & bit == 0 else { return false }
                            seen0 |= bit
                        } else {
                            guard seen1 & bit == 0 else { return false }
                            seen1 |= bit
                        }
                        p += 2
                        if raw[p - 2] >= 0x80 { break }
                    }
                    let count = (p - first) / 2
                    let h = hashes[k]
                    var i = Self.slotIndex(h, shift)
                    while table[i] != 0 {
                        // Equal hashes would leave one of them unreachable.
                        guard UInt32(truncatingIfNeeded: table[i]) != h else { return false }
                        i = (i + 1) & mask
                    }
                    @inline(__always) func inline(_ j: Int) -> UInt64 {
                        Self.inlinePosting(Int(raw[first + 2 * j] & 0x7F), raw[first + 2 * j + 1])
                    }
                    let key = UInt64(h)
                    if count == 1 {
                        table[i] = key | Self.oneInline | inline(0)
                    } else if count == 2 {
                        table[i] = key | Self.twoInline | inline(0) | inline(1) << 15
                    } else if count >= Self.denseMinPostings {
                        let row = dense.count / denseStride
                        dense.append(contentsOf: zeroRow)
                        for j in 0..<count { dense[row * denseStride + Int(raw[first + 2 * j] & 0x7F)] = raw[first + 2 * j + 1] }
                        table[i] = key | UInt64(row) << 40
                    } else {
                        guard count < 256 else { return false }
                        table[i] = key | UInt64(count) << 32 | UInt64(postings.count) << 40
                        for j in 0..<count {
                            postings.append(UInt16(raw[first + 2 * j] & 0x7F) | UInt16(raw[first + 2 * j + 1]) << 8)
                        }
                    }
                }
                return p == end
            }
        }
        guard ok else { throw FormatError.invalid("bad n-gram entry or posting") }
        self.languages = languages
        self.scriptMasks = masks
        self.priors = priors
        self.tables = Tables(lowercase: lower, scripts: (0..<Self.tableLimit).map { Self.letterScript(UInt32($0)).rawValue },
                             slots: slots, postings: postings, dense: dense, denseStride: denseStride,
                             priors: priors)
        handedOver = true
    }

    /// The script of `cp` when it is a letter or a mark (general category L or M), else
    /// ``Script/other``.
    static func letterScript(_ cp: UInt32) -> Script {
        guard let scalar = Unicode.Scalar(cp) else { return .other }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return Script.of(cp)
        default:
            return .other
        }
    }

    /// Bits of an n-gram's hash the model keeps (build_model.py's HASH_BITS).
    static let hashBits: UInt64 = 26

    /// The hash of an n-gram from its 64-bit FNV-1a: folded to 32 bits, the low ``hashBits``
    /// kept, 0 mapped to 1 (0 marks an empty slot).
    @inline(__always)
    static func fold(_ h64: UInt64) -> UInt32 {
        let k = UInt32(truncatingIfNeeded: h64 ^ (h64 >> 32)) & UInt32((1 << hashBits) - 1)
        return k == 0 ? 1 : k
    }

    /// Slot tag (top two bits): the n-gram's one posting is inline (language in bits 32–38,
    /// value in bits 39–46).
    static let oneInline: UInt64 = 1 << 62
    /// Slot tag: two postings inline, the second 15 bits above the first (bits 47–61).
    static let twoInline: UInt64 = 2 << 62

    /// A posting as it sits inline in a slot (bits 32–46).
    @inline(__always)
    static func inlinePosting(_ lang: Int, _ value: UInt8) -> UInt64 {
        UInt64(lang) << 32 | UInt64(value) << 39
    }

    /// The home slot of an n-gram: the top bits of its hash, so that slots follow hash order
    /// (the file's order: loading fills the table front to back instead of at random).
    @inline(__always)
    static func slotIndex(_ h: UInt32, _ shift: Int) -> Int {
        Int(truncatingIfNeeded: h >> UInt32(truncatingIfNeeded: shift))
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func u8() throws(FormatError) -> UInt8 {
            guard offset < bytes.count else { throw .truncated }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func u32() throws(FormatError) -> UInt32 {
            guard offset + 4 <= bytes.count else { throw .truncated }
            defer { offset += 4 }
            return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
                | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        }

        mutating func bytes(_ n: Int) throws(FormatError) -> ArraySlice<UInt8> {
            guard offset + n <= bytes.count else { throw .truncated }
            defer { offset += n }
            return bytes[offset..<(offset + n)]
        }
    }
}

/// Writing systems the identifier tells apart (same numbering as build_model.py).
enum Script: UInt8, CaseIterable {
    case latin, cyrillic, greek, armenian, georgian, hebrew, arabic, devanagari, bengali
    case gurmukhi, gujarati, tamil, telugu, thai, hangul, han, kana, other

    static func of(_ cp: UInt32) -> Script {
        switch cp {
        case 0..<0x250, 0x1E00..<0x1F00: .latin
        case 0x370..<0x400, 0x1F00..<0x2000: .greek
        case 0x400..<0x530: .cyrillic
        case 0x530..<0x590: .armenian
        case 0x10A0..<0x1100: .georgian
        case 0x590..<0x600: .hebrew
        case 0x600..<0x700, 0x750..<0x780, 0xFB50..<0xFE00, 0xFE70..<0xFF00: .arabic
        case 0x900..<0x980: .devanagari
        case 0x980..<0xA00: .bengali
        case 0xA00..<0xA80: .gurmukhi
        case 0xA80..<0xB00: .gujarati
        case 0xB80..<0xC00: .tamil
        case 0xC00..<0xC80: .telugu
        case 0xE00..<0xE80: .thai
        case 0xAC00..<0xD7B0, 0x1100..<0x1200, 0x3130..<0x3190: .hangul
        case 0x3040..<0x3100, 0x31F0..<0x3200, 0xFF66..<0xFFA0: .kana
        case 0x3400..<0xA000, 0xF900..<0xFB00, 0x20000..<0x32000: .han
        default: .other
        }
    }
}
