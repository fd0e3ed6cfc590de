/// Byte-level JSON grammar primitives shared by `JSONScanner` and the
/// `JSONValue` parser.
///
/// Every function takes an index into the buffer and returns the index just
/// past what it consumed, so callers drive the grammar without recursion.
struct JSONReader {
    let p: UnsafePointer<UInt8>
    let n: Int

    init(_ p: UnsafePointer<UInt8>, _ n: Int) {
        self.p = p
        self.n = n
    }

    // MARK: Byte constants

    static let quote: UInt8 = 0x22, backslash: UInt8 = 0x5C, slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A, comma: UInt8 = 0x2C, minus: UInt8 = 0x2D
    static let openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D
    static let openBracket: UInt8 = 0x5B, closeBracket: UInt8 = 0x5D

    // MARK: SWAR helpers

    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Non-zero iff some byte of `w` is zero (exact for existence, which is all we need).
    @inline(__always)
    static func zeroByteMask(_ w: UInt64) -> UInt64 { (w &- ones) & ~w & highs }

    /// True if any byte of `w` is `"`, `\`, below 0x20 or non-ASCII; lets the
    /// string scanner skip eight plain bytes per step.
    @inline(__always)
    static func stringWordNeedsAttention(_ w: UInt64) -> Bool {
        let q = zeroByteMask(w ^ (ones &* 0x22))
        let b = zeroByteMask(w ^ (ones &* 0x5C))
        let ctl = (w &- ones &* 0x20) & ~w & highs
        return (q | b | ctl | (w & highs)) != 0
    }

    @inline(__always)
    func load8(_ i: Int) -> UInt64 {
        UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
    }

    // MARK: Grammar pieces

    @inline(__always)
    func skipWhitespace(_ start: Int) -> Int {
        var i = start
        while i < n {
            switch p[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return i
            }
        }
        return i
    }

    /// Kind of the value starting at `i`, or an "expected value" error.
    @inline(__always)
    func kind(at i: Int) throws(JSONError) -> JSONValueKind {
        guard i < n else { throw JSONError(offset: i, message: "expected value") }
        switch p[i] {
        case Self.quote: return .string
        case Self.openBrace: return .object
        case Self.openBracket: return .array
        case Self.minus, 0x30...0x39: return .number
        case 0x74, 0x66: return .bool  // t, f
        case 0x6E: return .null  // n
        default: throw JSONError(offset: i, message: "expected value")
        }
    }

    /// Validates the string literal whose opening quote is at `start`.
    /// Returns the index after the closing quote and whether any escape occurs
    /// (so unescaped keys can skip the decoder).
    @inline(__always)
    func scanString(_ start: Int) throws(JSONError) -> (end: Int, escaped: Bool) {
        var i = start + 1
        var escaped = false
        while true {
            // Bulk path: plain printable ASCII needs no per-byte work.
            while i &+ 8 <= n, !Self.stringWordNeedsAttention(load8(i)) { i &+= 8 }
            guard i < n else { throw JSONError(offset: start, message: "unterminated string") }
            let b = p[i]
            if b == Self.quote { return (i + 1, escaped) }
            if b == Self.backslash {
                escaped = true
                i = try scanEscape(i, stringStart: start)
            } else if b < 0x20 {
                throw JSONError(offset: i, message: "control character in string")
            } else if b < 0x80 {
                i += 1
            } else {
                i = try scanUTF8Sequence(i)
            }
        }
    }

    /// Validates the escape whose backslash is at `i`.
    @inline(__always)
    private func scanEscape(_ i: Int, stringStart: Int) throws(JSONError) -> Int {
        guard i + 1 < n else { throw JSONError(offset: stringStart, message: "unterminated string") }
        switch p[i + 1] {
        case Self.quote, Self.backslash, Self.slash, 0x62, 0x66, 0x6E, 0x72, 0x74:  // " \ / b f n r t
            return i + 2
        case 0x75:  // u
            guard i + 6 <= n, JSONReader.hex4(p + i + 2) >= 0 else {
                throw JSONError(offset: i, message: "invalid \\u escape")
            }
            return i + 6
        default:
            throw JSONError(offset: i, message: "invalid escape")
        }
    }

    /// Value of four hex digits at `q`, or -1.
    @inline(__always)
    static func hex4(_ q: UnsafePointer<UInt8>) -> Int {
        var v = 0
        for k in 0..<4 {
            let c = q[k]
            let d: Int
            switch c {
            case 0x30...0x39: d = Int(c &- 0x30)
            case 0x41...0x46: d = Int(c &- 0x41) + 10
            case 0x61...0x66: d = Int(c &- 0x61) + 10
            default: return -1
            }
            v = v << 4 | d
        }
        return v
    }

    /// Validates one multi-byte UTF-8 sequence starting at `i` (Unicode 3.9:
    /// no overlongs, no surrogates, max U+10FFFF).
    private func scanUTF8Sequence(_ i: Int) throws(JSONError) -> Int {
        let b0 = p[i]
        let len: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF  // allowed range of the second byte
        switch b0 {
        case 0xC2...0xDF: len = 2
        case 0xE0: len = 3; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: len = 3
        case 0xED: len = 3; hi = 0x9F
        case 0xF0: len = 4; lo = 0x90
        case 0xF1...0xF3: len = 4
        case 0xF4: len = 4; hi = 0x8F
        default: throw JSONError(offset: i, message: "invalid UTF-8")
        }
        guard i + len <= n, (lo...hi).contains(p[i + 1]) else {
            throw JSONError(offset: i, message: "invalid UTF-8")
        }
        var k = 2
        while k < len {
            guard p[i + k] & 0xC0 == 0x80 else { throw JSONError(offset: i, message: "invalid UTF-8") }
            k += 1
        }
        return i + len
    }

    /// Validates a number starting at `start` (RFC 8259 grammar).
    @inline(__always)
    func scanNumber(_ start: Int) throws(JSONError) -> Int {
        var i = start
        if p[i] == Self.minus { i += 1 }
        guard i < n else { throw JSONError(offset: i, message: "invalid number") }
        let first = p[i]
        if first == 0x30 {
            i += 1
            if i < n, isDigit(p[i]) { throw JSONError(offset: i - 1, message: "leading zeros are not allowed") }
        } else if isDigit(first) {
            i += 1
            while i < n, isDigit(p[i]) { i += 1 }
        } else {
            throw JSONError(offset: i, message: "invalid number")
        }
        if i < n, p[i] == 0x2E {  // .
            i += 1
            guard i < n, isDigit(p[i]) else { throw JSONError(offset: i, message: "invalid number") }
            while i < n, isDigit(p[i]) { i += 1 }
        }
        if i < n, p[i] | 0x20 == 0x65 {  // e or E
            i += 1
            if i < n, p[i] == 0x2B || p[i] == Self.minus { i += 1 }
            guard i < n, isDigit(p[i]) else { throw JSONError(offset: i, message: "invalid number") }
            while i < n, isDigit(p[i]) { i += 1 }
        }
        return i
    }

    @inline(__always)
    private func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

    /// Validates `true`, `false` or `null` at `i`.
    @inline(__always)
    func scanLiteral(_ i: Int) throws(JSONError) -> Int {
        let word: StaticString
        switch p[i] {
        case 0x74: word = "true"
        case 0x66: word = "false"
        default: word = "null"
        }
        let len = word.utf8CodeUnitCount
        guard i + len <= n, memoryEqual(p + i, word.utf8Start, len) else {
            throw JSONError(offset: i, message: "invalid literal")
        }
        return i + len
    }

    @inline(__always)
    private func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ len: Int) -> Bool {
        for k in 0..<len where a[k] != b[k] { return false }
        return true
    }

    /// Expects `"key"` then `:` at `i`; returns the key's extent and the index of the value.
    @inline(__always)
    func scanKeyColon(_ i: Int) throws(JSONError) -> (key: Range<Int>, escaped: Bool, next: Int) {
        guard i < n, p[i] == Self.quote else { throw JSONError(offset: i, message: "expected string key") }
        let (end, escaped) = try scanString(i)
        var j = skipWhitespace(end)
        guard j < n, p[j] == Self.colon else { throw JSONError(offset: j, message: "expected ':'") }
        j = skipWhitespace(j + 1)
        return (i..<end, escaped, j)
    }

    /// Error for a missing separator after a value inside a container.
    static func separatorError(_ i: Int, inObject: Bool) -> JSONError {
        JSONError(offset: i, message: inObject ? "expected ',' or '}'" : "expected ',' or ']'")
    }

    /// Validates one complete value at `start` (non-whitespace) without
    /// materialising it; `baseDepth` is the number of containers already open.
    /// Iterative with an inline bit stack, so hostile nesting cannot overflow
    /// the call stack.
    func skipValue(_ start: Int, baseDepth: Int) throws(JSONError) -> Int {
        var i = start
        var stack = JSONContainerStack()
        while true {
            // Parse one value, or open a container and continue with its first element.
            guard i < n else { throw JSONError(offset: i, message: "expected value") }
            switch p[i] {
            case Self.quote:
                i = try scanString(i).end
            case Self.openBrace, Self.openBracket:
                let isObject = p[i] == Self.openBrace
                guard baseDepth + stack.depth < JSONContainerStack.maxDepth else {
                    throw JSONError(offset: i, message: "nesting too deep")
                }
                i = skipWhitespace(i + 1)
                if i < n, p[i] == (isObject ? Self.closeBrace : Self.closeBracket) {
                    i += 1
                } else {
                    stack.push(isObject: isObject)
                    if isObject { i = try scanKeyColon(i).next }
                    continue
                }
            case Self.minus, 0x30...0x39:
                i = try scanNumber(i)
            case 0x74, 0x66, 0x6E:
                i = try scanLiteral(i)
            default:
                throw JSONError(offset: i, message: "expected value")
            }
            // A value just ended: close containers until one continues with ','.
            while true {
                if stack.depth == 0 { return i }
                let inObject = stack.topIsObject
                i = skipWhitespace(i)
                guard i < n else { throw Self.separatorError(i, inObject: inObject) }
                let c = p[i]
                if c == Self.comma {
                    i = skipWhitespace(i + 1)
                    if inObject { i = try scanKeyColon(i).next }
                    break
                }
                guard c == (inObject ? Self.closeBrace : Self.closeBracket) else {
                    throw Self.separatorError(i, inObject: inObject)
                }
                i += 1
                stack.pop()
            }
        }
    }
}
