/// Why a line is not valid JSON, with the byte offset into the line.
///
/// Offsets are 0-based from the start of the scanned buffer and point at the
/// offending byte (for an unterminated string: at its opening quote; for input
/// that ends too early: at the buffer's end).
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset into the scanned buffer.
    public var offset: Int
    /// Short, stable English description (tests and callers match on it).
    public var message: String

    /// Creates an error at `offset` with `message`.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// `"<message> at byte <offset>"`.
    public var description: String { "\(message) at byte \(offset)" }
}
