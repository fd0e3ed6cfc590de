/// Splits text into sentences: rule-based and abbreviation-aware, pure function over UTF-8.
///
/// Every line break is a boundary. Within a line, sentences end at `.`, `!`, `?`, `…` (and runs
/// such as `?!` or `...`), optionally followed by closing quotes or brackets, then whitespace and
/// a plausible sentence start. Abbreviations, initials, numbers, list markers, URLs and file names
/// are handled per language; see `LanguageRules`. Runs in linear time over the UTF-8 bytes.
public struct SentenceSplitter: Sendable {
    /// ISO 639-1 code of the language whose rules apply.
    public let language: String
    let rules: LanguageRules

    /// Language codes with dedicated rules; any other code uses generic rules.
    public static let supportedLanguages: [String] = LanguageRules.supported

    public init(language: String = "en") {
        self.language = language
        self.rules = LanguageRules.forLanguage(language)
    }

    /// The sentences of `text`, trimmed, in order.
    public func split(_ text: String) -> [String] {
        if let spans = text.utf8.withContiguousStorageIfAvailable({ scan($0) }) {
            // Spans start and end on scalar boundaries: slice the string (no revalidation).
            let u = text.utf8
            return spans.map { r in
                let lo = u.index(u.startIndex, offsetBy: r.lowerBound)
                return String(text[lo..<u.index(lo, offsetBy: r.count)])
            }
        }
        return Self.withBytes(text) { buf in
            scan(buf).map { String(decoding: UnsafeBufferPointer(rebasing: buf[$0]), as: UTF8.self) }
        }
    }

    /// The UTF-8 byte ranges of the sentences of `text`.
    public func spans(_ text: String) -> [Range<Int>] {
        Self.withBytes(text) { scan($0) }
    }

    private func scan(_ buf: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var scanner = SplitScanner(buf, rules: rules)
        scanner.run()
        return scanner.spans
    }

    private static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = text.utf8.withContiguousStorageIfAvailable({ body($0) }) { return r }
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer { body($0) }
    }
}
