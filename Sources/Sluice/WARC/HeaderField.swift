/// One `Name: value` line of a WARC or HTTP head: the value trimmed, folded continuation lines
/// joined to it by a single space.
public struct HeaderField: Sendable, Equatable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
