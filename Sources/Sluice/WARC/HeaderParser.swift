#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The line-level grammar shared by WARC and HTTP heads: `Name: value` lines ending in LF or
/// CRLF, continuation lines starting with a space or tab.
enum HeaderParser {
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A

    /// The fields of `bytes` (a head without its start line). Lines without a colon are
    /// ignored: real writers emit stray ones, and the lines that matter still parse.
    static func fields(in bytes: UnsafeBufferPointer<UInt8>) -> [HeaderField] {
        var fields: [HeaderField] = []
        guard let base = bytes.baseAddress else { return fields }
        let n = bytes.count
        var i = 0
        while i < n {
            let lineEnd = memchr(base + i, Int32(lf), n - i).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n
            let next = lineEnd + 1
            defer { i = next }
            let line = bytes[i..<lineEnd]
            if trim(UnsafeBufferPointer(rebasing: line)).isEmpty { continue }
            if bytes[i] == space || bytes[i] == tab {
                // A folded line continues the previous value (obsolete, but old writers use it).
                if !fields.isEmpty {
                    let last = fields.count - 1
                    let more = string(trim(UnsafeBufferPointer(rebasing: line)))
                    fields[last].value += fields[last].value.isEmpty ? more : " " + more
                }
                continue
            }
            guard let c = line.firstIndex(of: colon) else { continue }
            let name = trim(UnsafeBufferPointer(rebasing: bytes[i..<c]))
            guard !name.isEmpty else { continue }
            let value = trim(UnsafeBufferPointer(rebasing: bytes[(c + 1)..<lineEnd]))
            fields.append(HeaderField(name: string(name), value: string(value)))
        }
        return fields
    }

    /// `bytes` without leading and trailing spaces, tabs and CRs.
    static func trim(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = bytes.startIndex
        var hi = bytes.endIndex
        while lo < hi, isBlank(bytes[lo]) { lo += 1 }
        while hi > lo, isBlank(bytes[hi - 1]) { hi -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[lo..<hi])
    }

    static func isBlank(_ b: UInt8) -> Bool { b == space || b == tab || b == cr }

    /// Header bytes as text; invalid UTF-8 (Latin-1 in old HTTP heads) becomes U+FFFD.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The value of the first field called `name`, compared ASCII case-insensitively.
    static func value(of name: String, in fields: [HeaderField]) -> String? {
        fields.first { equalsIgnoringCase($0.name, name) }?.value
    }

    /// ASCII case-insensitive equality (field names are ASCII tokens).
    static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.count == y.count else { return false }
        return zip(x, y).allSatisfy { lower($0) == lower($1) }
    }

    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// A non-negative decimal of at most 18 digits (so it cannot overflow), or nil.
    static func decimal(_ text: String) -> Int? {
        let digits = text.utf8
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var v = 0
        for d in digits {
            guard d >= 0x30 && d <= 0x39 else { return nil }
            v = v * 10 + Int(d - 0x30)
        }
        return v
    }

    /// A short printable excerpt of `bytes` for error messages (non-printable bytes as `\xNN`).
    static func preview(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = 24) -> String {
        var s = ""
        for b in bytes.prefix(limit) {
            if b >= 0x20 && b < 0x7F && b != 0x5C { s.unicodeScalars.append(Unicode.Scalar(b)) } else {
                let hex = String(b, radix: 16, uppercase: true)
                s += b == lf ? "\\n" : b == cr ? "\\r" : "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return bytes.count > limit ? s + "…" : s
    }
}
