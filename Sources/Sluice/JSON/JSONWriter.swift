/// Appends JSON to a byte buffer. Output is compact (no spaces) and
/// deterministic, so identical input always yields identical bytes.
///
/// Comma placement between members is the caller's job; the writer only
/// encodes individual tokens.
public struct JSONWriter: Sendable {
    /// The JSON written so far.
    public var bytes: [UInt8]

    /// Creates an empty writer, reserving `capacity` bytes up front.
    public init(capacity: Int = 0) {
        bytes = []
        if capacity > 0 { bytes.reserveCapacity(capacity) }
    }

    /// Appends `s` as a quoted JSON string.
    ///
    /// Escapes `"`, `\`, control characters below U+0020 (as `\n \r \t \b \f`
    /// or `\u00XX`, lowercase hex) and U+2028/U+2029 (so output is also safe
    /// JavaScript); everything else is copied as raw UTF-8.
    public mutating func appendString(_ s: String) {
        var s = s
        s.withUTF8 { appendEscaped($0) }
    }

    /// Appends `"key":` (the caller handles commas).
    /// `s` as a JSON string literal.
    public static func string(_ s: String) -> [UInt8] {
        var w = JSONWriter()
        w.appendString(s)
        return w.bytes
    }

    /// Appends `"key":`.
    public mutating func appendKey(_ key: String) {
        appendString(key)
        bytes.append(JSONReader.colon)
    }

    /// Appends bytes that are already valid JSON, unchanged.
    public mutating func appendRaw(_ raw: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    /// Appends bytes that are already valid JSON, unchanged.
    public mutating func appendRaw(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    /// Appends literal ASCII JSON such as `{` or `"id":`, unchanged.
    public mutating func appendRawASCII(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends `v` in decimal.
    public mutating func appendInt(_ v: Int) {
        if v < 0 { bytes.append(JSONReader.minus) }
        appendDigits(UInt64(v.magnitude), minWidth: 1)
    }

    /// Appends `v` in fixed notation rounded (half away from zero) to
    /// `fractionDigits` places (clamped to 0...15), with trailing zeros trimmed
    /// but at least one fraction digit kept: `0.98` → `0.98`, `1` → `1.0`,
    /// `-0.0001` at 2 places → `0.0`. Non-finite values are written as `null`.
    ///
    /// Magnitudes too large for exact fixed rounding (≥ 9e15 after scaling)
    /// are written as their rounded integer plus `.0`, or beyond 2^63 in
    /// Swift's shortest exponent form (e.g. `1e+20`), which is valid JSON.
    public mutating func appendDouble(_ v: Double, fractionDigits: Int) {
        guard v.isFinite else { return appendNull() }
        let digits = min(max(fractionDigits, 0), 15)
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (v.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return appendLargeDouble(v) }
        let units = UInt64(scaled)
        if units != 0, v < 0 { bytes.append(JSONReader.minus) }
        appendDigits(units / scale, minWidth: 1)
        bytes.append(0x2E)  // .
        var fraction = units % scale
        guard fraction != 0 else { bytes.append(0x30); return }
        var width = digits
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        appendDigits(fraction, minWidth: width)
    }

    /// Appends `true` or `false`.
    public mutating func appendBool(_ v: Bool) {
        if v { appendRawASCII("true") } else { appendRawASCII("false") }
    }

    /// Appends `null`.
    public mutating func appendNull() {
        appendRawASCII("null")
    }

    /// Appends a whole value tree compactly; object members keep their order.
    public mutating func appendValue(_ v: JSONValue) {
        switch v {
        case .null: appendNull()
        case .bool(let b): appendBool(b)
        case .number(let raw):
            var raw = raw
            raw.withUTF8 { bytes.append(contentsOf: $0) }
        case .string(let s): appendString(s)
        case .array(let items):
            bytes.append(JSONReader.openBracket)
            for (k, item) in items.enumerated() {
                if k > 0 { bytes.append(JSONReader.comma) }
                appendValue(item)
            }
            bytes.append(JSONReader.closeBracket)
        case .object(let members):
            bytes.append(JSONReader.openBrace)
            for (k, member) in members.enumerated() {
                if k > 0 { bytes.append(JSONReader.comma) }
                appendKey(member.0)
                appendValue(member.1)
            }
            bytes.append(JSONReader.closeBrace)
        }
    }

    // MARK: Internals

    private mutating func appendLargeDouble(_ v: Double) {
        if v.magnitude < 9.2e18 {
            appendInt(Int(v.rounded(.toNearestOrAwayFromZero)))
            appendRawASCII(".0")
        } else {
            var text = v.description
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
    }

    /// Appends `v` in decimal, left-padded with zeros to `minWidth` digits,
    /// formatting in place to avoid a temporary String.
    private mutating func appendDigits(_ v: UInt64, minWidth: Int) {
        var count = 1
        var t = v
        while t >= 10 { t /= 10; count += 1 }
        count = max(count, minWidth)
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0x30, count: count))
        bytes.withUnsafeMutableBufferPointer { buf in
            var k = start + count - 1
            var rest = v
            while rest > 0 {
                buf[k] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                k -= 1
            }
        }
    }

    /// True if any byte of `w` is `"`, `\`, below 0x20 or 0xE2 (the lead byte
    /// of U+2028/U+2029), i.e. the word may need escaping.
    @inline(__always)
    private static func wordNeedsAttention(_ w: UInt64) -> Bool {
        let ones = JSONReader.ones, highs = JSONReader.highs
        let q = JSONReader.zeroByteMask(w ^ (ones &* 0x22))
        let b = JSONReader.zeroByteMask(w ^ (ones &* 0x5C))
        let e = JSONReader.zeroByteMask(w ^ (ones &* 0xE2))
        let ctl = (w &- ones &* 0x20) & ~w & highs
        return (q | b | e | ctl) != 0
    }

    private mutating func appendEscaped(_ src: UnsafeBufferPointer<UInt8>) {
        bytes.append(JSONReader.quote)
        guard let p = src.baseAddress, !src.isEmpty else {
            bytes.append(JSONReader.quote)
            return
        }
        let n = src.count
        var runStart = 0, i = 0
        while i < n {
            // Skip eight bytes at a time while nothing needs escaping.
            while i &+ 8 <= n, !Self.wordNeedsAttention(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) {
                i &+= 8
            }
            guard i < n else { break }
            let c = p[i]
            if c == JSONReader.quote || c == JSONReader.backslash || c < 0x20 {
                bytes.append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: i - runStart))
                appendEscape(c)
                i += 1
                runStart = i
            } else if c == 0xE2, i + 2 < n, p[i + 1] == 0x80, p[i + 2] & 0xFE == 0xA8 {
                bytes.append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: i - runStart))
                if p[i + 2] == 0xA8 { appendRawASCII("\\u2028") } else { appendRawASCII("\\u2029") }
                i += 3
                runStart = i
            } else {
                i += 1
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: n - runStart))
        bytes.append(JSONReader.quote)
    }

    private mutating func appendEscape(_ c: UInt8) {
        switch c {
        case JSONReader.quote: appendRawASCII("\\\"")
        case JSONReader.backslash: appendRawASCII("\\\\")
        case 0x0A: appendRawASCII("\\n")
        case 0x0D: appendRawASCII("\\r")
        case 0x09: appendRawASCII("\\t")
        case 0x08: appendRawASCII("\\b")
        case 0x0C: appendRawASCII("\\f")
        default:
            let hex: StaticString = "0123456789abcdef"
            appendRawASCII("\\u00")
            bytes.append(hex.utf8Start[Int(c >> 4)])
            bytes.append(hex.utf8Start[Int(c & 0xF)])
        }
    }
}
