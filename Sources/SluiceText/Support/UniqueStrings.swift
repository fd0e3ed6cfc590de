/// Strings in order of first appearance, without duplicates, in linear time: a short list is
/// searched (faster than hashing for the few tags most texts have), a long one gets a set, so
/// a line of 100,000 distinct hashtags is not a quadratic search.
public struct UniqueStrings: Sendable {
    /// The strings, in order of first appearance.
    public private(set) var items: [String] = []
    private var seen: Set<String>?
    private static let listLimit = 16

    /// No strings.
    public init() {}

    /// Starts with `items` already present (their duplicates removed).
    public init(_ items: [String]) { for s in items { insert(s) } }

    /// Whether `s` is present.
    public func contains(_ s: String) -> Bool {
        seen.map { $0.contains(s) } ?? items.contains(s)
    }

    /// Appends `s` unless present; returns whether it was appended.
    @discardableResult
    public mutating func insert(_ s: String) -> Bool {
        if seen == nil {
            if items.contains(s) { return false }
            items.append(s)
            if items.count > Self.listLimit { seen = Set(items) }
            return true
        }
        guard seen!.insert(s).inserted else { return false }
        items.append(s)
        return true
    }
}
