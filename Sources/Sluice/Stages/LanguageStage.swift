#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The language stage: `lang` and `lang_score` for each record, and paragraphs in another
/// language under `attributes.language.spans`. It runs before `split`, which picks its
/// sentence rules by `lang`.
public struct LanguageStage: Stage {
    /// Documents with fewer letters than this get `und` (1: only those without letters).
    public let minChars: Int
    /// Whether to look for paragraphs in other languages.
    public let spans: Bool
    /// Paragraphs (lines) with fewer letters than this are not reported as spans.
    public let spanMinChars: Int
    /// How many of the most likely languages go to `lang_alternatives` with their scores (0: none).
    public let alternatives: Int
    /// Whether the language a page declares (`attributes.html.lang_hint`, from `extract`) is a
    /// prior for its record (`LanguageIdentifier.hintNats`, in SluiceText).
    public let htmlLangHint: Bool
    /// An identifier given to `init`; nil uses the bundled model, loaded on first use (so a
    /// command can install its signal handlers before the model is read).
    private let box: Box?

    /// Keeps the stage value small (it travels as an existential through async code).
    private final class Box: Sendable {
        let identifier: LanguageIdentifier
        init(_ identifier: LanguageIdentifier) { self.identifier = identifier }
    }

    /// A stage with these options; `identifier` replaces the bundled model's (tests, custom
    /// models).
    public init(minChars: Int = 1, spans: Bool = true, spanMinChars: Int = 100, alternatives: Int = 0,
                htmlLangHint: Bool = true, identifier: LanguageIdentifier? = nil) {
        self.minChars = minChars
        self.spans = spans
        self.spanMinChars = spanMinChars
        self.alternatives = alternatives
        self.htmlLangHint = htmlLangHint
        self.box = identifier.map(Box.init)
    }

    /// `language`.
    public var name: String { "language" }
    /// The model's version and the options.
    public var fingerprint: String {
        "language/3 model=langid-3 min_chars=\(minChars) spans=\(spans) span_min_chars=\(spanMinChars)"
            + (alternatives > 0 ? " alternatives=\(alternatives)" : "")
            + (htmlLangHint ? " html_lang_hint" : "")
    }

    /// Sets `lang`, `lang_score` and, as asked, spans and alternatives on every record.
    public func process(_ batch: inout Batch, stats: inout StageStats) {
        var identifier = box?.identifier ?? LanguageModelLoader.bundledIdentifier
        identifier.minLetters = minChars
        let progress = StageProgress.current
        for i in batch.records.indices {
            progress?.at(record: i)
            stats.records += 1
            let hint = htmlLangHint ? Self.declaredLanguage(batch.records[i]) : nil
            if hint != nil { stats.counters.add("lang_hints", 1) }
            let a = identifier.analyze(batch.records[i].text, spanMinLetters: spans ? spanMinChars : nil,
                                       alternatives: alternatives, hint: hint)
            batch.records[i].lang = a.language
            batch.records[i].langScore = (a.score * 10_000).rounded() / 10_000
            if alternatives > 0 { batch.records[i].langAlternatives = a.alternatives }
            stats.changed += 1
            if !a.spans.isEmpty {
                stats.counters.add("spans", a.spans.count)
                batch.records[i].setAttributes("language", .object([
                    (key: "spans", value: .array(a.spans.map { s in
                        .object([
                            (key: "start", value: .int(s.start)),
                            (key: "end", value: .int(s.end)),
                            (key: "lang", value: .string(s.language)),
                            (key: "score", value: .double(s.score)),
                        ])
                    })),
                ]))
            }
        }
    }

    /// The language tag the record's page declares: `attributes.html.lang_hint`, set by an
    /// `extract` stage of this run, or read from the input's own `attributes` (a record that
    /// `sluice extract` wrote, piped into `sluice tag`).
    static func declaredLanguage(_ record: Record) -> String? {
        if let html = record.attributes.first(where: { $0.key == "html" })?.value {
            return html["lang_hint"]?.stringValue
        }
        // Parsed only when the input's members name one at all.
        guard !record.replaced.isEmpty, record.replaced.withUnsafeBufferPointer({ Self.mentionsHint($0) }) else { return nil }
        let object = [UInt8(ascii: "{")] + record.replaced + [UInt8(ascii: "}")]
        guard let input = try? object.withUnsafeBufferPointer({ b throws(JSONError) in try JSONValue.parse(b) }) else { return nil }
        return input["attributes"]?["html"]?["lang_hint"]?.stringValue
    }

    private static let hintKey = Array(#""lang_hint""#.utf8)

    /// Whether `bytes` hold the key `"lang_hint"`.
    private static func mentionsHint(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        hintKey.withUnsafeBufferPointer { key in
            guard bytes.count >= key.count else { return false }
            for i in 0...(bytes.count - key.count) where bytes[i] == key[0] && memcmp(bytes.baseAddress! + i, key.baseAddress!, key.count) == 0 {
                return true
            }
            return false
        }
    }
}
