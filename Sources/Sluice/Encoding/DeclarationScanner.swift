#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the encoding a document declares in its first bytes: an XML prolog
/// (`<?xml version="1.0" encoding="…"?>`) or an HTML `<meta charset=…>` /
/// `<meta http-equiv="Content-Type" content="…; charset=…">`, as a browser's prescan does.
enum DeclarationScanner {
    /// Bytes looked at. Browsers stop at 1024; real pages put long scripts in the head first.
    static let window = 64 * 1024

    /// The declared label (lowercase ASCII), or nil when the window declares none.
    static func declaredLabel(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        let n = min(bytes.count, window)
        var i = 0
        while i < n && isSpace(base[i]) { i += 1 }
        // The XML prolog counts only at the start (after a BOM the caller has skipped).
        if matches(base, i, n, "<?xml") {
            let end = min(n, i + 512)
            var j = i + 5
            while j < end && !(base[j] == UInt8(ascii: "?") && j + 1 < end && base[j + 1] == UInt8(ascii: ">")) {
                if matches(base, j, end, "encoding"), let v = attributeValue(base, j + 8, end) { return v }
                j += 1
            }
        }
        while i < n {
            guard let p = memchr(base + i, Int32(UInt8(ascii: "<")), n - i) else { return nil }
            i = UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self) - base
            if matches(base, i, n, "<!--") {
                // Skip the comment: a commented-out <meta> declares nothing.
                var j = i + 4
                while j + 2 < n && !(base[j] == UInt8(ascii: "-") && base[j + 1] == UInt8(ascii: "-")
                                     && base[j + 2] == UInt8(ascii: ">")) { j += 1 }
                i = j + 3
                continue
            }
            if matches(base, i, n, "<meta") && i + 5 < n && (isSpace(base[i + 5]) || base[i + 5] == UInt8(ascii: "/")) {
                var j = i + 5
                while j < n && base[j] != UInt8(ascii: ">") {
                    if matches(base, j, n, "charset"), let v = attributeValue(base, j + 7, n) { return v }
                    j += 1
                }
                i = j
                continue
            }
            i += 1
        }
        return nil
    }

    /// After a name: optional spaces, `=`, optional spaces, an optional quote, then the label.
    private static func attributeValue(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> String? {
        var j = start
        while j < end && isSpace(base[j]) { j += 1 }
        guard j < end, base[j] == UInt8(ascii: "=") else { return nil }
        j += 1
        while j < end && isSpace(base[j]) { j += 1 }
        if j < end && (base[j] == UInt8(ascii: "\"") || base[j] == UInt8(ascii: "'")) { j += 1 }
        let from = j
        while j < end && j - from < 40 && isLabelByte(base[j]) { j += 1 }
        guard j > from else { return nil }
        var label = ""
        label.unicodeScalars.reserveCapacity(j - from)
        for k in from..<j { label.unicodeScalars.append(Unicode.Scalar(lower(base[k]))) }
        return label
    }

    /// True when the bytes at `i` are `pattern` in any ASCII case.
    private static func matches(_ base: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ pattern: StaticString) -> Bool {
        let len = pattern.utf8CodeUnitCount
        guard i + len <= n else { return false }
        let pat = pattern.utf8Start
        for k in 0..<len where lower(base[i + k]) != pat[k] { return false }
        return true
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
    private static func isLabelByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
    }
}
