/// Byte-level classification helpers for the sentence splitter.
///
/// Every function looks at a UTF-8 buffer `p` at offset `i` (with `i < p.count`) and returns the
/// width in bytes of the matched construct, or 0. They only ever match at lead bytes, so a
/// scanner may step over continuation bytes one at a time without false matches.
enum UTF8Bytes {
    /// Horizontal whitespace: space, tab, NBSP, U+2000–U+200B, U+202F, U+205F, U+3000, U+FEFF.
    @inline(__always)
    static func space(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = p[i]
        if b == 0x20 || b == 0x09 { return 1 }
        if b < 0x80 { return 0 }
        let n = p.count
        if b == 0xC2 { return i + 1 < n && p[i + 1] == 0xA0 ? 2 : 0 }
        guard i + 2 < n else { return 0 }
        let b1 = p[i + 1], b2 = p[i + 2]
        switch b {
        case 0xE2:
            if b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8B) || b2 == 0xAF) { return 3 }
            if b1 == 0x81 && b2 == 0x9F { return 3 }
            return 0
        case 0xE3: return b1 == 0x80 && b2 == 0x80 ? 3 : 0
        case 0xEF: return b1 == 0xBB && b2 == 0xBF ? 3 : 0
        default: return 0
        }
    }

    /// The offset after the horizontal whitespace that starts at `from` (never past a line
    /// break).
    @inline(__always)
    static func skipSpaces(_ p: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var w = from
        while w < p.count {
            let s = space(p, w)
            if s == 0 { break }
            w += s
        }
        return w
    }

    /// `lo..<hi` without the horizontal whitespace at either end; nil when nothing is left.
    static func trimmed(_ p: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Range<Int>? {
        var lo = lo, hi = hi
        while lo < hi {
            let s = space(p, lo)
            if s == 0 { break }
            lo += s
        }
        while hi > lo {
            let s = spaceBefore(p, hi, lowerBound: lo)
            if s == 0 { break }
            hi -= s
        }
        return lo < hi ? lo..<hi : nil
    }

    /// Width of the horizontal whitespace that *ends* at `end` (exclusive), 0 if none.
    @inline(__always)
    static func spaceBefore(_ p: UnsafeBufferPointer<UInt8>, _ end: Int, lowerBound: Int) -> Int {
        guard end > lowerBound else { return 0 }
        let b = p[end - 1]
        if b == 0x20 || b == 0x09 { return 1 }
        if b < 0x80 { return 0 }
        if end - 2 >= lowerBound && p[end - 2] == 0xC2 && b == 0xA0 { return 2 }
        if end - 3 >= lowerBound {
            let s = end - 3
            if space(p, s) == 3 { return 3 }
        }
        return 0
    }

    /// Line break: LF, VT, FF, CR, CRLF, NEL (U+0085), U+2028, U+2029.
    @inline(__always)
    static func lineBreak(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = p[i]
        if b == 0x0A || b == 0x0B || b == 0x0C { return 1 }
        if b == 0x0D { return i + 1 < p.count && p[i + 1] == 0x0A ? 2 : 1 }
        if b == 0xC2 { return i + 1 < p.count && p[i + 1] == 0x85 ? 2 : 0 }
        if b == 0xE2 && i + 2 < p.count && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9) {
            return 3
        }
        return 0
    }

    /// Terminator classes: see ``terminator(_:_:)``.
    static let termDot: UInt8 = 1, termQE: UInt8 = 2, termEllipsis: UInt8 = 3, termHard: UInt8 = 4

    /// Sentence terminator and its class, or (0, 0).
    /// - `termDot`: `.`
    /// - `termQE`: `!` `?` `‼` `⁇⁈⁉`
    /// - `termEllipsis`: `…`
    /// - `termHard`: terminators that need no following space and are never part of a word:
    ///   `。｡！？` (CJK), `։` (Armenian), `؟` (Arabic), `۔` (Urdu), `।॥` (Devanagari),
    ///   `።፧` (Ethiopic), `။` (Myanmar).
    /// Greek `;` is handled by the scanner (it depends on the language).
    @inline(__always)
    static func terminator(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (width: Int, kind: UInt8) {
        let b = p[i]
        if b == 0x2E { return (1, termDot) }
        if b == 0x21 || b == 0x3F { return (1, termQE) }
        if b < 0xD6 { return (0, 0) }
        let n = p.count
        switch b {
        case 0xD6: return i + 1 < n && p[i + 1] == 0x89 ? (2, termHard) : (0, 0)
        case 0xD8: return i + 1 < n && p[i + 1] == 0x9F ? (2, termHard) : (0, 0)
        case 0xDB: return i + 1 < n && p[i + 1] == 0x94 ? (2, termHard) : (0, 0)
        case 0xE0:
            return i + 2 < n && p[i + 1] == 0xA5 && (p[i + 2] == 0xA4 || p[i + 2] == 0xA5) ? (3, termHard) : (0, 0)
        case 0xE1:
            guard i + 2 < n else { return (0, 0) }
            if p[i + 1] == 0x8D && (p[i + 2] == 0xA2 || p[i + 2] == 0xA7) { return (3, termHard) }
            if p[i + 1] == 0x81 && p[i + 2] == 0x8B { return (3, termHard) }
            return (0, 0)
        case 0xE2:
            guard i + 2 < n else { return (0, 0) }
            let b1 = p[i + 1], b2 = p[i + 2]
            if b1 == 0x80 && b2 == 0xA6 { return (3, termEllipsis) }
            if b1 == 0x80 && b2 == 0xBC { return (3, termQE) }
            if b1 == 0x81 && b2 >= 0x87 && b2 <= 0x89 { return (3, termQE) }
            return (0, 0)
        case 0xE3:
            return i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x82 ? (3, termHard) : (0, 0)
        case 0xEF:
            guard i + 2 < n else { return (0, 0) }
            if p[i + 1] == 0xBC && (p[i + 2] == 0x81 || p[i + 2] == 0x9F) { return (3, termHard) }
            if p[i + 1] == 0xBD && p[i + 2] == 0xA1 { return (3, termHard) }
            return (0, 0)
        default: return (0, 0)
        }
    }

    /// Width of a dash or bullet that can open a sentence, a line of dialogue or an item at `i`:
    /// "–", "—", "−", "•", or "-" / "*" followed by a space; 0 if none.
    @inline(__always)
    static func dash(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = p.count
        if p[i] == 0x2D || p[i] == 0x2A { return i + 1 < n && space(p, i + 1) > 0 ? 1 : 0 }
        guard i + 2 < n, p[i] == 0xE2 else { return 0 }
        if p[i + 1] == 0x80 && (p[i + 2] == 0x93 || p[i + 2] == 0x94 || p[i + 2] == 0xA2) { return 3 }
        if p[i + 1] == 0x88 && p[i + 2] == 0x92 { return 3 }
        return 0
    }

    /// Closing quote or bracket that may follow a terminator: `" ' ) ] }`, `» «`, `” ’ “ › ‹`,
    /// and CJK `」 』 ） 】 》 〉 ］`.
    @inline(__always)
    static func closer(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = p[i]
        if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D || b == 0x7D { return 1 }
        if b == 0xC2 { return i + 1 < p.count && (p[i + 1] == 0xBB || p[i + 1] == 0xAB) ? 2 : 0 }
        guard i + 2 < p.count else { return 0 }
        if b == 0xE2 && p[i + 1] == 0x80 {
            switch p[i + 2] {
            case 0x9D, 0x99, 0x9C, 0xBA, 0xB9: return 3
            default: return 0
            }
        }
        if b == 0xE3 && p[i + 1] == 0x80 {
            switch p[i + 2] {
            case 0x8D, 0x8F, 0x91, 0x8B, 0x89, 0x95, 0x97: return 3
            default: return 0
            }
        }
        if b == 0xEF && p[i + 1] == 0xBC && (p[i + 2] == 0x89 || p[i + 2] == 0xBD) { return 3 }
        return 0
    }

    /// Width of the closer that *ends* at `end` (exclusive), 0 if none.
    @inline(__always)
    static func closerBefore(_ p: UnsafeBufferPointer<UInt8>, _ end: Int, lowerBound: Int) -> Int {
        guard end > lowerBound else { return 0 }
        let b = p[end - 1]
        if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D || b == 0x7D { return 1 }
        if end - 2 >= lowerBound && p[end - 2] == 0xC2 && (b == 0xBB || b == 0xAB) { return 2 }
        if end - 3 >= lowerBound && p[end - 3] >= 0xE2 && closer(p, end - 3) == 3 { return 3 }
        return 0
    }

    /// Opening quote, bracket or Spanish inverted mark that may precede a sentence start:
    /// `" ' ( [ {`, `« » ¿ ¡`, `“ ‘ „ ‚ ‹ ›`, CJK `「 『 （ 【 《 〈 ［`.
    @inline(__always)
    static func opener(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = p[i]
        if b == 0x22 || b == 0x27 || b == 0x28 || b == 0x5B || b == 0x7B { return 1 }
        // Typewriter opening quotes: Dutch ",," and TeX-style "``" / "`" (German, Russian corpora).
        if b == 0x60 { return i + 1 < p.count && p[i + 1] == 0x60 ? 2 : 1 }
        if b == 0x2C { return i + 1 < p.count && p[i + 1] == 0x2C ? 2 : 0 }
        if b == 0xC2 {
            guard i + 1 < p.count else { return 0 }
            switch p[i + 1] {
            case 0xAB, 0xBB, 0xBF, 0xA1: return 2
            default: return 0
            }
        }
        guard i + 2 < p.count else { return 0 }
        if b == 0xE2 && p[i + 1] == 0x80 {
            switch p[i + 2] {
            case 0x9C, 0x98, 0x9E, 0x9A, 0xB9, 0xBA: return 3
            default: return 0
            }
        }
        if b == 0xE3 && p[i + 1] == 0x80 {
            switch p[i + 2] {
            case 0x8C, 0x8E, 0x90, 0x8A, 0x88, 0x94, 0x96: return 3
            default: return 0
            }
        }
        if b == 0xEF && p[i + 1] == 0xBC && (p[i + 2] == 0x88 || p[i + 2] == 0xBB) { return 3 }
        return 0
    }

    /// Decodes the scalar at `i` (lenient: malformed input yields U+FFFD of width 1).
    @inline(__always)
    static func scalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (value: UInt32, width: Int) {
        let n = p.count
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 >= 0xC2 && b0 < 0xE0 && i + 1 < n {
            return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2)
        }
        if b0 >= 0xE0 && b0 < 0xF0 && i + 2 < n {
            return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
        }
        if b0 >= 0xF0 && b0 < 0xF5 && i + 3 < n {
            let v = (b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12
                | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F)
            return (v, 4)
        }
        return (0xFFFD, 1)
    }

    enum Start { case upper, lower, digit, script, other }

    /// Coarse class of a scalar as the first letter of a would-be sentence.
    /// `script` is a letter of a script without case (CJK, Arabic, Hebrew, Indic...).
    static func classify(_ c: UInt32) -> Start {
        switch c {
        case 0x41...0x5A: return .upper
        case 0x61...0x7A: return .lower
        case 0x30...0x39: return .digit
        case 0..<0xC0: return .other
        case 0xD7, 0xF7: return .other
        case 0xC0...0xDE: return .upper
        case 0xDF...0xFF: return .lower
        case 0x100...0x137, 0x14A...0x177: return c & 1 == 0 ? .upper : .lower
        case 0x138: return .lower
        case 0x139...0x148, 0x179...0x17E: return c & 1 == 1 ? .upper : .lower
        case 0x149: return .lower
        case 0x178: return .upper
        case 0x17F...0x24F: return .lower
        case 0x250...0x36F: return .other
        case 0x386, 0x388...0x38F, 0x391...0x3AB: return .upper
        case 0x370...0x3FF: return .lower
        case 0x400...0x42F: return .upper
        case 0x430...0x45F: return .lower
        case 0x460...0x4FF: return c & 1 == 0 ? .upper : .lower
        case 0x531...0x556: return .upper
        case 0x561...0x587: return .lower
        case 0x500...0x1DFF: return .script
        case 0x1E00...0x1EFF: return c & 1 == 0 ? .upper : .lower
        case 0x1F00...0x1FFF: return .script
        case 0x2000...0x2BFF: return .other
        case 0x2C00...0x2DFF: return .script
        case 0x2E00...0x2E7F: return .other
        case 0x2E80...0x2FFF: return .script
        case 0x3000...0x303F: return .other
        case 0x3040...0xD7FF: return .script
        case 0xE000...0xF8FF: return .other
        case 0xF900...0xFDFF: return .script
        case 0xFE00...0xFE6F: return .other
        case 0xFE70...0xFEFF: return .script
        case 0xFF10...0xFF19: return .digit
        case 0xFF21...0xFF3A: return .upper
        case 0xFF41...0xFF5A: return .lower
        case 0xFF66...0xFFDC: return .script
        case 0xFF00...0xFFFF: return .other
        case 0x1F000...0x1FFFF: return .other
        default: return .script
        }
    }

    @inline(__always)
    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}

/// A lowercased word of at most 15 UTF-8 bytes packed into two integers: hashing it needs no
/// allocation. ASCII and the Latin-1 capitals (À–Þ) are folded to lower case.
struct WordKey: Hashable, Sendable {
    var lo: UInt64 = 0
    var hi: UInt64 = 0

    static let maxLength = 15

    // One mixed word instead of two: lookups happen at every candidate boundary.
    func hash(into hasher: inout Hasher) {
        hasher.combine(lo ^ (hi &* 0x9E37_79B9_7F4A_7C15))
    }

    static func make(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> WordKey? {
        let n = to - from
        guard n > 0, n <= maxLength else { return nil }
        var key = WordKey()
        var k = 0
        while k < n {
            var b = p[from + k]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if b >= 0xC3 && b <= 0xD5 && k + 1 < n {
                // Two-byte letters (Latin-1, Latin Extended-A, Greek, Cyrillic, Armenian): fold case.
                let c = (UInt32(b & 0x1F) << 6) | UInt32(p[from + k + 1] & 0x3F)
                let f = foldCase(c)
                key.put(UInt8(0xC0 | (f >> 6)), at: k)
                key.put(UInt8(0x80 | (f & 0x3F)), at: k + 1)
                k += 2
                continue
            }
            key.put(b, at: k)
            k += 1
        }
        key.hi |= UInt64(n) << 56
        return key
    }

    @inline(__always)
    private mutating func put(_ b: UInt8, at k: Int) {
        if k < 8 { lo |= UInt64(b) << UInt64(8 * k) } else { hi |= UInt64(b) << UInt64(8 * (k - 8)) }
    }

    /// Lower case of a scalar below U+0800 for the scripts the splitter knows (the result stays
    /// below U+0800, so the UTF-8 width is unchanged).
    static func foldCase(_ c: UInt32) -> UInt32 {
        switch c {
        case 0xC0...0xDE where c != 0xD7: return c + 0x20
        case 0x100...0x137, 0x14A...0x177, 0x460...0x4BF, 0x4D0...0x52F: return c & 1 == 0 ? c + 1 : c
        case 0x139...0x148, 0x179...0x17E, 0x4C1...0x4CE: return c & 1 == 1 ? c + 1 : c
        case 0x386: return 0x3AC
        case 0x388...0x38A: return c + 0x25
        case 0x38C: return 0x3CC
        case 0x38E, 0x38F: return c + 0x3F
        case 0x391...0x3AB where c != 0x3A2: return c + 0x20
        case 0x400...0x40F: return c + 0x50
        case 0x410...0x42F: return c + 0x20
        case 0x531...0x556: return c + 0x30
        default: return c
        }
    }

    /// Key of a table entry; a trailing "." is dropped ("U.S." and "U.S" are the same key).
    static func make(_ s: String) -> WordKey? {
        var bytes = Array(s.utf8)
        if bytes.last == 0x2E { bytes.removeLast() }
        return bytes.withUnsafeBufferPointer { make($0, 0, $0.count) }
    }
}
