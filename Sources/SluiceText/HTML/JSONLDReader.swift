/// A small, lenient JSON reader for the `<script type="application/ld+json">` blocks of web pages.
///
/// Pages get JSON-LD wrong in many ways, so this reads what it can instead of rejecting: text
/// before the first `{`/`[` (`<!--`, `//<![CDATA[`) and between several top-level values is
/// skipped; trailing and doubled commas, raw control characters in strings, single-quoted strings,
/// bare keys and `//`/`/* */` comments are accepted; a quote inside a string that is not followed
/// by `,` `:` `}` `]` is taken as part of the string (unescaped quotes in headlines); at an error
/// the open containers keep what was read so far. Every step consumes input or ends a container,
/// and containers nested deeper than ``maxDepth`` are skipped by bracket counting, so the time is
/// linear in the input and the stack depth bounded. No dependencies (SluiceText has none).
struct JSONLDReader {
    /// A parsed value. Numbers, booleans and null are not needed by the metadata reader and
    /// become `.scalar` (with their text).
    indirect enum Value {
        case string(String)
        case scalar(String)
        case array([Value])
        case object([(key: String, value: Value)])

        /// The member `key` of an object (the first one).
        subscript(_ key: String) -> Value? {
            guard case .object(let members) = self else { return nil }
            for m in members where m.key == key { return m.value }
            return nil
        }

        /// The string, or nil for anything else.
        var string: String? {
            if case .string(let s) = self { return s }
            return nil
        }

        /// The elements of an array, or the value itself as a one-element list.
        var list: [Value] {
            if case .array(let a) = self { return a }
            return [self]
        }
    }

    /// Containers nested deeper than this are skipped (read as `.scalar("")`).
    static let maxDepth = 40
    /// Strings longer than this many bytes are cut (the rest is still consumed).
    static let maxString = 1 << 16

    private let s: UnsafeBufferPointer<UInt8>
    private var p = 0

    private init(_ s: UnsafeBufferPointer<UInt8>) {
        self.s = s
    }

    /// Every top-level object or array in `bytes`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> [Value] {
        var reader = JSONLDReader(bytes)
        return reader.topLevel()
    }

    /// Every top-level object or array in a string.
    static func parse(_ string: String) -> [Value] {
        var copy = string
        return copy.withUTF8 { parse($0) }
    }

    private mutating func topLevel() -> [Value] {
        var out: [Value] = []
        while p < s.count {
            let c = s[p]
            guard c == 0x7B || c == 0x5B else { p += 1; continue }
            let start = p
            if let v = value(depth: 0) { out.append(v) }
            if p == start { p += 1 }
        }
        return out
    }

    private mutating func skipSpace() {
        while p < s.count {
            let c = s[p]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C { p += 1; continue }
            if c == 0x2F, p + 1 < s.count {
                if s[p + 1] == 0x2F {          // `// …` to the end of the line
                    p += 2
                    while p < s.count, s[p] != 0x0A { p += 1 }
                    continue
                }
                if s[p + 1] == 0x2A {          // `/* … */`
                    p += 2
                    while p + 1 < s.count, !(s[p] == 0x2A && s[p + 1] == 0x2F) { p += 1 }
                    p = min(s.count, p + 2)
                    continue
                }
            }
            return
        }
    }

    private mutating func value(depth: Int) -> Value? {
        skipSpace()
        guard p < s.count else { return nil }
        let c = s[p]
        switch c {
        case 0x7B, 0x5B:
            if depth >= Self.maxDepth {
                skipContainer()
                return .scalar("")
            }
            return c == 0x7B ? object(depth: depth) : array(depth: depth)
        case 0x22, 0x27:
            return .string(string())
        default:
            if isBare(c) {
                let start = p
                while p < s.count, isBare(s[p]) { p += 1 }
                return .scalar(String(decoding: UnsafeBufferPointer(rebasing: s[start..<p]), as: UTF8.self))
            }
            return nil
        }
    }

    private func isBare(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x2D || c == 0x2B || c == 0x2E
            || c == 0x5F || c == 0x40 || c == 0x24 || c >= 0x80
    }

    private mutating func object(depth: Int) -> Value {
        p += 1
        var members: [(key: String, value: Value)] = []
        while true {
            skipSpace()
            guard p < s.count else { break }
            let c = s[p]
            if c == 0x7D { p += 1; break }
            if c == 0x2C { p += 1; continue }
            let key: String
            if c == 0x22 || c == 0x27 {
                key = string()
            } else if isBare(c) {
                let start = p
                while p < s.count, isBare(s[p]) { p += 1 }
                key = String(decoding: UnsafeBufferPointer(rebasing: s[start..<p]), as: UTF8.self)
            } else {
                break   // not a key: the object ends here (a `]` or junk)
            }
            skipSpace()
            guard p < s.count, s[p] == 0x3A else { break }
            p += 1
            guard let v = value(depth: depth + 1) else { break }
            members.append((key, v))
        }
        return .object(members)
    }

    private mutating func array(depth: Int) -> Value {
        p += 1
        var items: [Value] = []
        while true {
            skipSpace()
            guard p < s.count else { break }
            let c = s[p]
            if c == 0x5D { p += 1; break }
            if c == 0x2C { p += 1; continue }
            guard let v = value(depth: depth + 1) else { break }
            items.append(v)
        }
        return .array(items)
    }

    /// Skips a container by counting brackets (strings respected), for values nested too deep.
    private mutating func skipContainer() {
        var level = 0
        while p < s.count {
            let c = s[p]
            if c == 0x22 {
                p += 1
                while p < s.count, s[p] != 0x22 { p += s[p] == 0x5C ? 2 : 1 }
                p = min(s.count, p + 1)
                continue
            }
            p += 1
            if c == 0x7B || c == 0x5B { level += 1 } else if c == 0x7D || c == 0x5D {
                level -= 1
                if level == 0 { return }
            }
        }
    }

    /// A string at `p` (which holds its quote), escapes decoded.
    private mutating func string() -> String {
        let quote = s[p]
        p += 1
        var out: [UInt8] = []
        var plainStart = p
        func flush(_ end: Int) {
            if end > plainStart, out.count < Self.maxString {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: s[plainStart..<min(end, plainStart + Self.maxString)]))
            }
        }
        while p < s.count {
            let c = s[p]
            if c == quote {
                // A closing quote is followed by what may follow a value; otherwise the quote is
                // taken as text (an unescaped quote inside the string).
                var q = p + 1
                while q < s.count, s[q] == 0x20 || s[q] == 0x0A || s[q] == 0x0D || s[q] == 0x09 { q += 1 }
                if q >= s.count || s[q] == 0x2C || s[q] == 0x7D || s[q] == 0x5D || s[q] == 0x3A || s[q] == 0x2F {
                    flush(p)
                    p += 1
                    return finish(out)
                }
                p += 1
                continue
            }
            if c == 0x5C {
                flush(p)
                p += 1
                guard p < s.count else { break }
                let e = s[p]
                p += 1
                switch e {
                case 0x6E: out.append(0x0A)
                case 0x74: out.append(0x09)
                case 0x72: out.append(0x0D)
                case 0x62, 0x66: out.append(0x20)
                case 0x75:
                    if var cp = hex4() {
                        if cp >= 0xD800, cp < 0xDC00, p + 1 < s.count, s[p] == 0x5C, s[p + 1] == 0x75 {
                            let save = p
                            p += 2
                            if let low = hex4(), low >= 0xDC00, low < 0xE000 {
                                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                p = save
                            }
                        }
                        appendScalar(cp, &out)
                    }
                default: out.append(e)          // `\"`, `\\`, `\/` and lenient `\x` → x
                }
                plainStart = p
                continue
            }
            p += 1
        }
        flush(p)
        return finish(out)
    }

    private func finish(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(Self.maxString), as: UTF8.self)
    }

    private mutating func hex4() -> UInt32? {
        guard p + 4 <= s.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = s[p + k]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        p += 4
        return v
    }

    private func appendScalar(_ cp: UInt32, _ out: inout [UInt8]) {
        guard out.count < Self.maxString else { return }
        let scalar = Unicode.Scalar(cp) ?? "\u{FFFD}"
        out.append(contentsOf: String(Character(scalar)).utf8)
    }
}
