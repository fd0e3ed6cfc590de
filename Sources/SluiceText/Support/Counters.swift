/// Named event counts reported by a stage in its `stage` stats event
/// (for example `{"html_entities": 40}`).
///
/// Empty counters allocate nothing, so a record that needed no repair costs no heap traffic.
public struct Counters: Sendable, Equatable {
    /// The counts by name; names are stable `snake_case` identifiers.
    public private(set) var values: [String: Int] = [:]

    /// No counts.
    public init() {}

    /// Adds `n` to the counter `name`.
    public mutating func add(_ name: String, _ n: Int = 1) {
        guard n != 0 else { return }
        values[name, default: 0] += n
    }

    /// Adds every count of `other` to this one.
    public mutating func merge(_ other: Counters) {
        for (k, v) in other.values { values[k, default: 0] += v }
    }

    /// The count of `name`, zero when never added.
    public subscript(_ name: String) -> Int { values[name] ?? 0 }

    /// Counters most frequent first, ties by name: the order summaries list them in.
    public var byCount: [(name: String, count: Int)] {
        sorted.sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
    }

    /// Counters sorted by name, the order in which they are written to stats.
    public var sorted: [(name: String, count: Int)] {
        values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
