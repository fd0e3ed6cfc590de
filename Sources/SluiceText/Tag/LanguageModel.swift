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

    /// Read-only tables shared by all copies of a model (and all threads).
    final class Tables: @unchecked Sendable {
        /// For code points below ``LanguageModel/tableLimit``: 0 when not a letter, else the
        /// lower-case code point.
        let lowercase: UnsafeMutableBufferPointer<UInt32>
        /// Script of each code point below ``LanguageModel/tableLimit``.
        let scripts: UnsafeMutableBufferPointer<UInt8>
        /// Open-addressing table: `hash | (count << 32) | (firstPosting << 40)`; 0 is empty.
        let slots: UnsafeMutableBufferPointer<UInt64>
        /// Postings: language number in the low byte, score (tenths of a nat above the floor) high.
        let postings: UnsafeMutableBufferPointer<UInt16>

        init(lowercase: [UInt32], scripts: [UInt8], slots: [UInt64], postings: [UInt16]) {
            func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
                let p = UnsafeMutableBufferPointer<T>.allocate(capacity: a.count)
                _ = p.initialize(from: a)
                return p
            }
            self.lowercase = copy(lowercase)
            self.scripts = copy(scripts)
            self.slots = copy(slots)
            self.postings = copy(postings)
        }

        deinit {
            lowercase.deallocate()
            scripts.deallocate()
            slots.deallocate()
            postings.deallocate()
        }
    }

    static let tableLimit = 0x3000

    /// Parses a model file's bytes; throws ``FormatError`` when they are not a model of a
    /// version this code reads.
    public init(bytes: [UInt8]) throws {
        var r = Reader(bytes: bytes)
        guard bytes.count >= 8, bytes[0] == 0x53, bytes[1] == 0x4C, bytes[2] == 0x49, bytes[3] == 0x44 else {
            throw FormatError.badMagic
        }
        r.offset = 4
        let version = try r.u32()
        guard version == 1 else { throw FormatError.unsupportedVersion(version) }
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
        guard nPostings < 1 << 24 else { throw FormatError.invalid("too many postings") }
        var capacity = 1024
        while capacity < nKeys * 2 { capacity <<= 1 }
        let mask = capacity - 1
        let keysStart = r.offset
        let postingsStart = keysStart + nKeys * 5
        guard postingsStart + nPostings * 2 <= bytes.count else { throw FormatError.truncated }
        var slots = [UInt64](repeating: 0, count: capacity)
        var postings = [UInt16](repeating: 0, count: nPostings)
        // Bulk reads through raw pointers: loading runs once per process, also in debug builds.
        let ok: Bool = bytes.withUnsafeBytes { raw in
            slots.withUnsafeMutableBufferPointer { table in
                var first = 0
                for k in 0..<nKeys {
                    let at = keysStart + k * 5
                    let h = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))
                    let count = Int(raw[at + 4])
                    guard h != 0, first + count <= nPostings else { return false }
                    var i = Self.slotIndex(h, mask)
                    while table[i] != 0 { i = (i + 1) & mask }
                    table[i] = UInt64(h) | UInt64(count) << 32 | UInt64(first) << 40
                    first += count
                }
                return postings.withUnsafeMutableBufferPointer { post in
                    for k in 0..<nPostings {
                        let lang = raw[postingsStart + 2 * k], value = raw[postingsStart + 2 * k + 1]
                        guard Int(lang) < nLangs else { return false }
                        post[k] = UInt16(lang) | UInt16(value) << 8
                    }
                    return true
                }
            }
        }
        guard ok else { throw FormatError.invalid("bad n-gram entry or posting") }
        self.languages = languages
        self.scriptMasks = masks
        self.priors = priors
        self.tables = Tables(lowercase: lower, scripts: (0..<Self.tableLimit).map { Script.of(UInt32($0)).rawValue },
                             slots: slots, postings: postings)
    }

    @inline(__always)
    static func slotIndex(_ h: UInt32, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (h ^ (h >> 16)) &* 0x9E37_79B1) & mask
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
