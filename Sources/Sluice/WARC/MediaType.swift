/// A `Content-Type` value split into its media type and charset, the two parts Sluice uses.
public struct MediaType: Sendable, Equatable {
    /// The type and subtype, lowercased, without parameters (`text/html`); empty if absent.
    public var type: String
    /// The `charset` parameter, unquoted and lowercased; nil when absent or empty.
    public var charset: String?

    /// Parses `text/html; charset="UTF-8"` and the like; never fails (junk gives odd types,
    /// which simply match no accepted type).
    public init(_ value: String) {
        let bytes = Array(value.utf8)
        var i = 0
        let n = bytes.count
        while i < n, bytes[i] != 0x3B { i += 1 }
        type = Self.lowered(bytes[0..<i])
        charset = nil
        // Parameters: `; name=value` or `; name="quoted \" value"`.
        while i < n {
            i += 1  // past ';'
            let nameStart = i
            while i < n, bytes[i] != 0x3D, bytes[i] != 0x3B { i += 1 }
            let name = Self.lowered(bytes[nameStart..<i])
            guard i < n, bytes[i] == 0x3D else { continue }
            i += 1  // past '='
            while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            var raw: [UInt8] = []
            if i < n, bytes[i] == 0x22 {
                i += 1
                while i < n, bytes[i] != 0x22 {
                    if bytes[i] == 0x5C, i + 1 < n { i += 1 }
                    raw.append(bytes[i])
                    i += 1
                }
                // Past the closing quote, then to the next ';'.
                while i < n, bytes[i] != 0x3B { i += 1 }
            } else {
                let valueStart = i
                while i < n, bytes[i] != 0x3B { i += 1 }
                raw = Array(bytes[valueStart..<i])
            }
            if name == "charset", charset == nil {
                var v = Self.lowered(raw[...])
                // Single quotes are not HTTP syntax, but pages send them.
                if v.count >= 2, v.hasPrefix("'"), v.hasSuffix("'") { v = String(v.dropFirst().dropLast()) }
                charset = v.isEmpty ? nil : v
            }
        }
    }

    /// ASCII-lowercased and trimmed of spaces and tabs.
    private static func lowered(_ bytes: ArraySlice<UInt8>) -> String {
        var lo = bytes.startIndex, hi = bytes.endIndex
        while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
        return String(decoding: bytes[lo..<hi].map(HeaderParser.lower), as: UTF8.self)
    }
}
