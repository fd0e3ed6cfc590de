/// Fast UTF-8 validation: an ASCII fast path eight bytes at a time, then the standard library.
enum UTF8Validator {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        let raw = UnsafeRawPointer(bytes.baseAddress)
        if let raw {
            while i + 8 <= n {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
        }
        while i < n && bytes[i] < 0x80 { i += 1 }
        if i == n { return true }
        return String(validating: UnsafeBufferPointer(rebasing: bytes[i...]), as: UTF8.self) != nil
    }
}
