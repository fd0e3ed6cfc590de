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
    /// The layout pass's data for the language (letter formulas, headings).
    let layout: LayoutCuts.Rules

    /// Language codes with dedicated rules; any other code uses generic rules.
    public static let supportedLanguages: [String] = LanguageRules.supported

    /// The code whose rules `code` gets: region and script dropped, aliases resolved
    /// ("pt_BR" → "pt", "no" → "nb").
    public static func baseLanguage(_ code: String) -> String { LanguageRules.baseCode(code) }

    /// A splitter with the rules of `language` (an ISO 639 code; see ``baseLanguage(_:)``).
    public init(language: String = "en") {
        self.language = language
        self.rules = LanguageRules.forLanguage(language)
        self.layout = LayoutCuts.Rules(language: rules.code)
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

    /// The sentences of `text` as offsets in Unicode scalars (the indices of a Python `str`).
    public func scalarSpans(_ text: String) -> [Range<Int>] {
        Self.withBytes(text) { buf in UTF8Scalars.offsets(scan(buf), in: buf) }
    }

    /// The sentences and their scalar offsets from one scan.
    public func splitWithScalarSpans(_ text: String) -> (sentences: [String], spans: [Range<Int>]) {
        Self.withBytes(text) { buf in
            let spans = scan(buf)
            let sentences = spans.map { String(decoding: UnsafeBufferPointer(rebasing: buf[$0]), as: UTF8.self) }
            return (sentences, UTF8Scalars.offsets(spans, in: buf))
        }
    }

    /// A language for text with no language tag, from its script: the first few hundred
    /// letters decide between Greek, Cyrillic (ru), Armenian, Arabic, Devanagari (hi), Ethiopic,
    /// Myanmar, kana (ja) and Han (zh); Latin and anything else give `fallback`.
    public static func guessLanguage(_ text: String, fallback: String = "en") -> String {
        var counts: [String: Int] = [:]
        var latin = 0, seen = 0
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { latin += 1; seen += 1 }
            } else {
                let code: String?
                switch v {
                case 0xC0...0x24F: latin += 1; code = nil
                case 0x370...0x3FF: code = "el"
                case 0x400...0x4FF: code = "ru"
                case 0x530...0x58F: code = "hy"
                case 0x600...0x6FF: code = "ar"
                case 0x900...0x97F: code = "hi"
                case 0x1000...0x109F: code = "my"
                case 0x1200...0x139F: code = "am"
                case 0x3040...0x30FF: code = "ja"
                case 0x4E00...0x9FFF: code = "zh"
                default: code = nil
                }
                if let code { counts[code, default: 0] += 1 }
                seen += 1
            }
            if seen >= 400 { break }
        }
        // Kana anywhere means Japanese, even where Han characters outnumber it.
        if let kana = counts["ja"], kana * 10 >= (counts["zh"] ?? 0) { counts["ja"] = kana + (counts["zh"] ?? 0) }
        guard let (best, n) = counts.max(by: { $0.value < $1.value }), n > latin else { return fallback }
        return best
    }

    private func scan(_ buf: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var scanner = SplitScanner(buf, rules: rules)
        scanner.run()
        return LayoutCuts.apply(scanner.spans, in: buf, rules: layout)
    }

    private static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = text.utf8.withContiguousStorageIfAvailable({ body($0) }) { return r }
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer { body($0) }
    }
}
