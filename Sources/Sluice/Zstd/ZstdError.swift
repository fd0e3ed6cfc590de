import CZstd

/// A zstd failure, with libzstd's own reason.
public struct ZstdError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libzstd's error code (`ZSTD_ErrorCode`), or 0 for errors Sluice detects itself.
    public var code: Int
    /// What zstd reported.
    public var message: String

    init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    /// Wraps the result of a libzstd call when it is an error.
    static func check(_ result: Int) -> ZstdError? {
        guard ZSTD_isError(result) != 0 else { return nil }
        let name = ZSTD_getErrorName(result).map { String(cString: $0) } ?? "unknown error"
        return ZstdError(code: Int(ZSTD_getErrorCode(result).rawValue), message: name)
    }

    /// The message.
    public var description: String { message }
}
