#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The hot-path reader for JSONL records: validates a line as one object and
/// hands back its top-level members as raw byte ranges.
public enum JSONScanner {
    /// Validates that `bytes` (a whole line; surrounding ASCII whitespace
    /// allowed) is exactly one JSON object (RFC 8259, strict: no trailing
    /// commas, no NaN, no comments, no leading zeros, control characters and
    /// invalid UTF-8 in strings rejected) and returns its top-level members in
    /// input order.
    ///
    /// Nested values are fully validated but not materialised. Nesting deeper
    /// than 512 levels (the top-level object counts as one) throws
    /// "nesting too deep"; validation is iterative, so hostile input cannot
    /// overflow the stack. Duplicate keys are all kept, in order.
    /// Member ranges and error offsets are 0-based indices into `bytes`.
    public static func scanObject(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) -> [JSONMember] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw JSONError(offset: 0, message: "expected object")
        }
        let r = JSONReader(base, bytes.count)
        let n = bytes.count
        var i = r.skipWhitespace(0)
        guard i < n, base[i] == JSONReader.openBrace else {
            throw JSONError(offset: i, message: "expected object")
        }
        var members: [JSONMember] = []
        i = r.skipWhitespace(i + 1)
        if i < n, base[i] == JSONReader.closeBrace {
            i += 1
        } else {
            members.reserveCapacity(8)
            while true {
                let (keyRange, escaped, valueStart) = try r.scanKeyColon(i)
                let key = escaped
                    ? decodeString(bytes, keyRange)
                    : String(decoding: UnsafeBufferPointer(start: base + keyRange.lowerBound + 1,
                                                           count: keyRange.count - 2), as: UTF8.self)
                let kind = try r.kind(at: valueStart)
                let valueEnd = try r.skipValue(valueStart, baseDepth: 1)
                members.append(JSONMember(key: key, value: valueStart..<valueEnd, kind: kind))
                i = r.skipWhitespace(valueEnd)
                guard i < n else { throw JSONReader.separatorError(i, inObject: true) }
                if base[i] == JSONReader.comma {
                    i = r.skipWhitespace(i + 1)
                    continue
                }
                guard base[i] == JSONReader.closeBrace else { throw JSONReader.separatorError(i, inObject: true) }
                i += 1
                break
            }
        }
        i = r.skipWhitespace(i)
        guard i == n else { throw JSONError(offset: i, message: "trailing characters after object") }
        return members
    }

    /// Decodes the JSON string literal whose raw bytes (including the quotes)
    /// are `bytes[range]`.
    ///
    /// Handles every escape including `\uXXXX` surrogate pairs; a lone
    /// surrogate becomes U+FFFD. Input is assumed to be a literal that
    /// `scanObject` already accepted; anything else still never traps
    /// (invalid UTF-8 becomes U+FFFD, malformed escapes are dropped loosely).
    public static func decodeString(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        guard let base = bytes.baseAddress, range.count >= 2, range.lowerBound >= 0,
              range.upperBound <= bytes.count else { return "" }
        let src = base + range.lowerBound + 1
        let len = range.count - 2
        // Most strings have no escapes: one bulk copy.
        guard memchr(src, Int32(JSONReader.backslash), len) != nil else {
            return String(decoding: UnsafeBufferPointer(start: src, count: len), as: UTF8.self)
        }
        // Escapes only shrink (\uXXXX is 6 bytes for at most 3; a pair is 12 for 4),
        // so `len` bytes of output always suffice.
        return String(unsafeUninitializedCapacity: len) { out in
            decodeEscaped(src, len, into: out.baseAddress!)
        }
    }

    /// Hands `body` the unescaped bytes of the string at `range` (quotes included), as
    /// ``decodeString(_:_:)`` reads them, without making a `String`: no copy when the string
    /// has no escapes. Valid UTF-8 when the line scanned: a lone surrogate escape becomes U+FFFD.
    static func withDecodedBytes<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                    _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let base = bytes.baseAddress, range.count >= 2, range.lowerBound >= 0,
              range.upperBound <= bytes.count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let src = base + range.lowerBound + 1
        let len = range.count - 2
        guard memchr(src, Int32(JSONReader.backslash), len) != nil else {
            return body(UnsafeBufferPointer(start: src, count: len))
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: len) { out in
            let n = decodeEscaped(src, len, into: out.baseAddress!)
            return body(UnsafeBufferPointer(rebasing: out[0..<n]))
        }
    }

    /// Unescapes `len` bytes at `src` into `dst`; returns the bytes written.
    private static func decodeEscaped(_ src: UnsafePointer<UInt8>, _ len: Int,
                                      into dst: UnsafeMutablePointer<UInt8>) -> Int {
        var i = 0, o = 0
        while i < len {
            // Copy the run up to the next backslash in one go.
            let runEnd: Int
            if let hit = memchr(src + i, Int32(JSONReader.backslash), len - i) {
                runEnd = UnsafeRawPointer(src).distance(to: UnsafeRawPointer(hit))
            } else {
                runEnd = len
            }
            if runEnd > i {
                (dst + o).initialize(from: src + i, count: runEnd - i)
                o += runEnd - i
                i = runEnd
            }
            guard i + 1 < len else { break }  // dangling backslash: unreachable after validation
            let c = src[i + 1]
            i += 2
            switch c {
            case 0x62: dst[o] = 0x08; o += 1  // b
            case 0x66: dst[o] = 0x0C; o += 1  // f
            case 0x6E: dst[o] = 0x0A; o += 1  // n
            case 0x72: dst[o] = 0x0D; o += 1  // r
            case 0x74: dst[o] = 0x09; o += 1  // t
            case 0x75:  // u
                let unit = i + 4 <= len ? JSONReader.hex4(src + i) : -1
                // Malformed \u (never validated input): keep the letter so output never outgrows input.
                guard unit >= 0 else { dst[o] = c; o += 1; continue }
                i += 4
                switch unit {
                case 0xD800...0xDBFF:
                    // A high surrogate counts only if a low one follows directly.
                    if i + 6 <= len, src[i] == JSONReader.backslash, src[i + 1] == 0x75 {
                        let low = JSONReader.hex4(src + i + 2)
                        if (0xDC00...0xDFFF).contains(low) {
                            i += 6
                            o = put(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), dst, o)
                            continue
                        }
                    }
                    o = put(0xFFFD, dst, o)
                case 0xDC00...0xDFFF:
                    o = put(0xFFFD, dst, o)
                default:
                    o = put(unit, dst, o)
                }
            default:  // " \ / (and anything unexpected) stand for themselves
                dst[o] = c; o += 1
            }
        }
        return o
    }

    /// Writes scalar `v` as UTF-8 at `dst + o`; returns the new offset.
    @inline(__always)
    private static func put(_ v: Int, _ dst: UnsafeMutablePointer<UInt8>, _ o: Int) -> Int {
        switch v {
        case ..<0x80:
            dst[o] = UInt8(v)
            return o + 1
        case ..<0x800:
            dst[o] = UInt8(0xC0 | v >> 6)
            dst[o + 1] = UInt8(0x80 | v & 0x3F)
            return o + 2
        case ..<0x10000:
            dst[o] = UInt8(0xE0 | v >> 12)
            dst[o + 1] = UInt8(0x80 | v >> 6 & 0x3F)
            dst[o + 2] = UInt8(0x80 | v & 0x3F)
            return o + 3
        default:
            dst[o] = UInt8(0xF0 | v >> 18)
            dst[o + 1] = UInt8(0x80 | v >> 12 & 0x3F)
            dst[o + 2] = UInt8(0x80 | v >> 6 & 0x3F)
            dst[o + 3] = UInt8(0x80 | v & 0x3F)
            return o + 4
        }
    }
}
