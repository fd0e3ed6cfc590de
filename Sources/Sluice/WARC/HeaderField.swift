/// One `Name: value` line of a WARC or HTTP head: the value trimmed, folded continuation lines
/// joined to it by a single space.
public struct HeaderField: Sendable, Equatable, Hashable {
    /// The field name as written.
    public var name: String
    /// The value, trimmed.
    public var value: String

    /// A field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
