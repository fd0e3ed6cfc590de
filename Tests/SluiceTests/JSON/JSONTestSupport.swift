@testable import Sluice

/// Shared helpers that run the scanner over `String`/`[UInt8]` input.
enum JSONTestSupport {
    /// A scanned member with its raw value text and, for strings, the decoded value.
    struct Member: Equatable {
        var key: String
        var raw: String
        var kind: JSONValueKind
        var decoded: String?
    }

    static func scan(_ bytes: [UInt8]) throws -> [Member] {
        try bytes.withUnsafeBufferPointer { buf in
            try JSONScanner.scanObject(buf).map { m in
                Member(key: m.key,
                       raw: String(decoding: buf[m.value], as: UTF8.self),
                       kind: m.kind,
                       decoded: m.kind == .string ? JSONScanner.decodeString(buf, m.value) : nil)
            }
        }
    }

    static func scan(_ text: String) throws -> [Member] {
        try scan(Array(text.utf8))
    }

    /// The scanner's error for `bytes`, or nil if it was accepted.
    static func scanError(_ bytes: [UInt8]) -> JSONError? {
        do {
            _ = try scan(bytes)
            return nil
        } catch {
            return error as? JSONError
        }
    }

    static func scanError(_ text: String) -> JSONError? {
        scanError(Array(text.utf8))
    }
}
