/// The WHATWG named character references (from ``HTMLEntityData``) in an open-addressing hash
/// table keyed by name, plus the numeric-reference rules; used by ``HTMLTokenizer``.
struct HTMLCharacterReferences: Sendable {
    /// The table, built once on first use.
    static let shared = HTMLCharacterReferences()

    /// The longest name, `;` included.
    let maxNameLength: Int
    /// All names, back to back.
    private let names: [UInt8]
    /// All values in UTF-8, back to back.
    private let values: [UInt8]
    /// Per reference: name offset, name length, value offset, value length.
    private let entries: [(name: Int32, nameLength: Int32, value: Int32, valueLength: Int32)]
    /// Hash slot → entry index + 1 (0 is empty). A power of two, at most a quarter full.
    private let slots: [Int32]

    private init() {
        var names: [UInt8] = [], values: [UInt8] = []
        var entries: [(Int32, Int32, Int32, Int32)] = []
        var longest = 0
        let packed = HTMLEntityData.packed
        packed.withUTF8Buffer { buf in
            var i = 0
            while i < buf.count {
                // `name HEX[,HEX]\n`
                while i < buf.count, buf[i] == 0x20 || buf[i] == 0x0A { i += 1 }
                guard i < buf.count else { break }
                let nameStart = names.count
                while i < buf.count, buf[i] != 0x20 { names.append(buf[i]); i += 1 }
                i += 1
                let valueStart = values.count
                var cp: UInt32 = 0
                while i < buf.count, buf[i] != 0x0A {
                    let c = buf[i]
                    if c == 0x2C {
                        HTMLCharacterReferences.appendUTF8(cp, to: &values)
                        cp = 0
                    } else {
                        cp = cp << 4 | UInt32(c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10)
                    }
                    i += 1
                }
                HTMLCharacterReferences.appendUTF8(cp, to: &values)
                longest = max(longest, names.count - nameStart)
                entries.append((Int32(nameStart), Int32(names.count - nameStart), Int32(valueStart), Int32(values.count - valueStart)))
            }
        }
        var size = 1
        while size < entries.count * 4 { size <<= 1 }
        var slots = [Int32](repeating: 0, count: size)
        for (k, e) in entries.enumerated() {
            var h = Self.seed
            for j in Int(e.0)..<Int(e.0 + e.1) { h = Self.mix(h, names[j]) }
            var slot = Int(truncatingIfNeeded: h) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(k + 1)
        }
        self.names = names
        self.values = values
        self.entries = entries.map { (name: $0.0, nameLength: $0.1, value: $0.2, valueLength: $0.3) }
        self.slots = slots
        self.maxNameLength = longest
    }

    private static let seed: UInt64 = 0xCBF2_9CE4_8422_2325
    @inline(__always) private static func mix(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* 0x100_0000_01B3 }

    /// The longest reference name starting at `start` (just after the `&`): its length in bytes
    /// and its entry, or nil. Names are ASCII letters and digits with an optional final `;`, so
    /// at most ``maxNameLength`` bytes are looked at.
    func longestMatch(_ s: UnsafeBufferPointer<UInt8>, at start: Int) -> (length: Int, entry: Int)? {
        var best: (Int, Int)?
        var h = Self.seed
        var i = start
        let limit = min(s.count, start + maxNameLength)
        names.withUnsafeBufferPointer { nm in
            slots.withUnsafeBufferPointer { sl in
                entries.withUnsafeBufferPointer { en in
                    let mask = sl.count - 1
                    while i < limit {
                        let c = s[i]
                        let alnum = (c &- 0x30) < 10 || ((c | 0x20) &- 0x61) < 26
                        guard alnum || c == 0x3B else { break }
                        h = Self.mix(h, c)
                        i += 1
                        let length = i - start
                        var slot = Int(truncatingIfNeeded: h) & mask
                        // Probe: every name of this length and hash sits in the run of full slots.
                        while sl[slot] != 0 {
                            let k = Int(sl[slot]) - 1
                            let e = en[k]
                            if Int(e.nameLength) == length {
                                var j = 0
                                let base = Int(e.name)
                                while j < length, nm[base + j] == s[start + j] { j += 1 }
                                if j == length { best = (length, k); break }
                            }
                            slot = (slot + 1) & mask
                        }
                        if c == 0x3B { break }
                    }
                }
            }
        }
        return best
    }

    /// Whether the entry's name ends in `;`.
    func endsWithSemicolon(_ entry: Int) -> Bool {
        let e = entries[entry]
        return names[Int(e.name + e.nameLength) - 1] == 0x3B
    }

    /// Appends the entry's value (UTF-8) to `out`.
    func appendValue(_ entry: Int, to out: inout [UInt8]) {
        let e = entries[entry]
        out.append(contentsOf: values[Int(e.value)..<Int(e.value + e.valueLength)])
    }

    /// The code point a numeric reference stands for: NUL, surrogates and values past U+10FFFF
    /// become U+FFFD, and 0x80–0x9F are read as Windows-1252 where it has a character.
    static func numericValue(_ v: UInt32) -> UInt32 {
        if v == 0 || v > 0x10FFFF || (0xD800...0xDFFF).contains(v) { return 0xFFFD }
        if v >= 0x80 && v <= 0x9F {
            let mapped = c1Replacements[Int(v - 0x80)]
            return mapped == 0 ? v : UInt32(mapped)
        }
        return v
    }

    /// The spec's replacement table for 0x80–0x9F (0 where the code point stays as it is).
    private static let c1Replacements: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// Appends a scalar value (not a surrogate, at most U+10FFFF) in UTF-8.
    @inline(__always)
    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
