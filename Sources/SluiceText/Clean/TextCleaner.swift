/// Cleans article text: pure function over UTF-8, no I/O.
public struct TextCleaner: Sendable {
    /// What the cleaner does; each step can be turned off from the pipeline file.
    public struct Options: Sendable, Equatable {
        public init() {}
    }

    public let options: Options

    public init(options: Options = Options()) { self.options = options }

    /// Cleans `text` and lifts metadata lines out of it.
    public func clean(_ text: String) -> CleanedText {
        CleanedText(text: text, tags: [], date: nil, counters: Counters())
    }
}

/// The result of ``TextCleaner/clean(_:)``.
public struct CleanedText: Sendable, Equatable {
    /// The cleaned text.
    public var text: String
    /// Hashtags lifted from a trailing hashtag line, in order, without duplicates, without `#`.
    public var tags: [String]
    /// A date lifted from a leading or trailing timestamp line, ISO 8601 (`2024-07-08T04:55:57`).
    public var date: String?
    /// What was changed, by kind (`control_removed`, `spaces_collapsed`, …).
    public var counters: Counters

    public init(text: String, tags: [String], date: String?, counters: Counters) {
        self.text = text; self.tags = tags; self.date = date; self.counters = counters
    }
}
