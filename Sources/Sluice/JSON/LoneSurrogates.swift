#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `\uD800`–`\uDFFF` escapes that are not half of a pair in raw JSON: valid JSON grammar,
/// but no character, and strict parsers (Foundation's, serde_json) refuse them. The decoder
/// turns them into U+FFFD in the text it decodes; raw values it passes through (ids, other
/// fields) get `\ufffd` in their place, so every output line parses anywhere.
enum LoneSurrogates {
    /// Whether `json` (valid JSON) holds a lone surrogate escape. Fast for the usual line:
    /// only backslashes are looked at.
    static func occur(in json: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = json.baseAddress else { return false }
        var i = 0
        while i < json.count, let hit = memchr(base + i, 0x5C, json.count - i) {
            let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if let (_, _, lone) = escape(json, k), lone { return true }
            i = k + 2  // an escape is at least two bytes; the second is never an escape's start
        }
        return false
    }

    /// `json` with each lone surrogate escape replaced by `\ufffd`.
    static func replaced(_ json: [UInt8]) -> [UInt8] {
        json.withUnsafeBufferPointer { p in
            var out: [UInt8] = []
            out.reserveCapacity(p.count)
            var i = 0, copied = 0
            while i < p.count {
                guard p[i] == 0x5C else { i += 1; continue }
                guard let (_, next, lone) = escape(p, i) else { i += 2; continue }
                if lone {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<i]))
                    out.append(contentsOf: Array(#"\ufffd"#.utf8))
                    copied = next
                }
                i = next
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<p.count]))
            return out
        }
    }

    /// The `\u` escape at `i` (a backslash): its value, the index after it (after both halves
    /// of a pair), and whether it is a lone surrogate; nil for other escapes.
    private static func escape(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int, Bool)? {
        guard let v = hex4(p, i) else { return nil }
        if v >= 0xD800 && v <= 0xDBFF, let low = hex4(p, i + 6), low >= 0xDC00 && low <= 0xDFFF {
            return (v, i + 12, false)
        }
        return (v, i + 6, v >= 0xD800 && v <= 0xDFFF)
    }

    /// The value of `\uXXXX` at `i`, if there is one.
    private static func hex4(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32? {
        guard i + 5 < p.count, p[i] == 0x5C, p[i + 1] == 0x75 else { return nil }
        var v: UInt32 = 0
        for k in 2..<6 {
            let c = p[i + k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }
}
