/// Reads stray non-UTF-8 bytes as Windows-1252: the `invalid_utf8: windows-1252` rule for
/// UTF-8 dumps into which Latin-1/Windows-1252 text leaked (`caf\xE9`, smart quotes `\x93…\x94`).
///
/// Valid UTF-8 sequences are kept as they are; every byte that does not start one is taken
/// as one Windows-1252 character. Linear: each step consumes at least one byte.
enum Windows1252Fallback {
    /// Unicode scalars of Windows-1252's bytes 0x80–0x9F; the five bytes it leaves undefined
    /// map to the C1 controls of the same value, as browsers (WHATWG) decode them.
    static let high: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// `input` as UTF-8, its invalid bytes read as Windows-1252.
    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count + input.count / 4)
        var i = 0
        let n = input.count
        while i < n {
            let b = input[i]
            if b < 0x80 {
                out.append(b)
                i += 1
                continue
            }
            let len = validSequenceLength(input, at: i)
            if len > 0 {
                out.append(contentsOf: input[i..<(i + len)])
                i += len
            } else {
                let scalar = b < 0xA0 ? UInt32(high[Int(b) - 0x80]) : UInt32(b)
                appendUTF8(scalar, to: &out)
                i += 1
            }
        }
        return out
    }

    /// Length of the valid UTF-8 sequence starting at `i` (lead byte ≥ 0x80), or 0.
    static func validSequenceLength(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b0 = s[i]
        let n = s.count
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            i + k < n && s[i + k] >= lo && s[i + k] <= hi
        }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    static func appendUTF8(_ c: UInt32, to out: inout [UInt8]) {
        if c < 0x80 {
            out.append(UInt8(c))
        } else if c < 0x800 {
            out.append(UInt8(0xC0 | (c >> 6)))
            out.append(UInt8(0x80 | (c & 0x3F)))
        } else {
            out.append(UInt8(0xE0 | (c >> 12)))
            out.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (c & 0x3F)))
        }
    }
}
