/// One top-level member of an object: unescaped key, and the byte range of its
/// raw value within the scanned buffer.
///
/// The range is kept raw (not decoded) so callers pay for decoding only the
/// members they use, and numbers keep their exact text.
public struct JSONMember: Sendable, Equatable {
    /// The key with escapes decoded.
    public var key: String
    /// Byte range of the raw value in the scanned buffer; strings include their quotes.
    public var value: Range<Int>
    /// What the raw value is.
    public var kind: JSONValueKind

    /// Creates a member.
    public init(key: String, value: Range<Int>, kind: JSONValueKind) {
        self.key = key
        self.value = value
        self.kind = kind
    }
}
