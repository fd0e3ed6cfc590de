/// The bytes of one fuzz input, with helpers to take option choices from its front so one
/// harness covers every setting (language, layout, flags) without a separate corpus each.
struct FuzzInput: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The first byte (0 when empty) and the rest.
    func split() -> (choice: UInt8, rest: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else { return (0, bytes) }
        return (first, UnsafeBufferPointer(rebasing: bytes[1...]))
    }

    /// The bytes as text: invalid UTF-8 replaced by U+FFFD, as the decoder does before any stage.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The text after the first byte.
    var restText: String { String(decoding: split().rest, as: UTF8.self) }

    /// The bytes before and after the first 0 byte (all of it and nothing when there is none).
    func cut() -> (head: UnsafeBufferPointer<UInt8>, tail: UnsafeBufferPointer<UInt8>) {
        guard let z = bytes.firstIndex(of: 0) else { return (bytes, UnsafeBufferPointer(start: nil, count: 0)) }
        return (UnsafeBufferPointer(rebasing: bytes[..<z]), UnsafeBufferPointer(rebasing: bytes[(z + 1)...]))
    }
}

extension String {
    /// The number of Unicode scalars, for checking scalar offsets.
    var scalarCount: Int { unicodeScalars.count }
}
