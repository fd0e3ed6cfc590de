/// The split stage: sentences for each record, with rules for the record's language.
///
/// Language choice with `language: auto`: the record's `lang` (from a tagger that ran before),
/// else the input's own `lang` field, else a guess from the text's script (Cyrillic, Greek,
/// CJK, Arabic, Devanagari …), else ``defaultLanguage``. Any other `language` overrides all.
public struct SplitStage: Stage {
    /// What the stage writes on each record.
    public enum Output: String, Sendable, CaseIterable {
        /// `"sentences": ["…", …]` (the default).
        case sentences
        /// `"sentence_spans": [[start, end], …]` in Unicode scalars (Python string indices)
        /// instead of the sentences.
        case spans
        /// Both.
        case both
    }

    /// `auto` uses the record's language, falling back to ``defaultLanguage``.
    public let language: String
    /// The language used when neither the record's language nor its script tells.
    public let defaultLanguage: String
    /// What the stage writes: sentences, spans, or both.
    public let output: Output
    private let splitters: [String: SentenceSplitter]
    private let fallback: SentenceSplitter
    /// The generic rules, for languages without rules of their own (one splitter, not one per record).
    private let generic = SentenceSplitter(language: "und")

    /// A split stage; `language` is `auto` (the record's) or a code.
    public init(language: String = "auto", defaultLanguage: String = "en", output: Output = .sentences) {
        self.language = language
        self.defaultLanguage = defaultLanguage
        self.output = output
        var table: [String: SentenceSplitter] = [:]
        for code in SentenceSplitter.supportedLanguages { table[code] = SentenceSplitter(language: code) }
        splitters = table
        fallback = SentenceSplitter(language: language == "auto" ? defaultLanguage : language)
    }

    /// The stage's name in pipeline files and stats.
    public var name: String { "split" }
    /// The stage's version and options, part of the run fingerprint.
    public var fingerprint: String {
        "split/2 language=\(language) default_language=\(defaultLanguage) output=\(output.rawValue)"
    }

    /// The splitter for one record.
    func splitter(for r: Record) -> SentenceSplitter {
        guard language == "auto" else { return fallback }
        if let lang = r.lang ?? r.inputLang, lang != "und" {
            return splitters[SentenceSplitter.baseLanguage(lang)] ?? generic
        }
        let guess = SentenceSplitter.guessLanguage(r.text, fallback: defaultLanguage)
        return splitters[guess] ?? fallback
    }

    /// Runs the stage over `batch`, counting into `stats`.
    public func process(_ batch: inout Batch, stats: inout StageStats) {
        let progress = StageProgress.current
        for i in batch.records.indices {
            progress?.at(record: i)
            let splitter = splitter(for: batch.records[i])
            let count: Int
            switch output {
            case .sentences:
                batch.records[i].sentences = splitter.split(batch.records[i].text)
                count = batch.records[i].sentences.count
            case .spans:
                let spans = splitter.scalarSpans(batch.records[i].text)
                batch.records[i].sentenceSpans = spans
                batch.records[i].sentences = []
                batch.records[i].writesSentences = false
                count = spans.count
            case .both:
                let (sentences, spans) = splitter.splitWithScalarSpans(batch.records[i].text)
                batch.records[i].sentences = sentences
                batch.records[i].sentenceSpans = spans
                count = spans.count
            }
            stats.records += 1
            stats.counters.add("sentences", count)
        }
    }
}
