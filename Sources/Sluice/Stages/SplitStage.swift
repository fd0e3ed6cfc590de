/// The split stage: sentences for each record, with rules for the record's language.
public struct SplitStage: Stage {
    /// `auto` uses the record's detected language, falling back to ``defaultLanguage``.
    public let language: String
    public let defaultLanguage: String
    private let splitters: [String: SentenceSplitter]
    private let fallback: SentenceSplitter

    public init(language: String = "auto", defaultLanguage: String = "en") {
        self.language = language
        self.defaultLanguage = defaultLanguage
        var table: [String: SentenceSplitter] = [:]
        for code in SentenceSplitter.supportedLanguages { table[code] = SentenceSplitter(language: code) }
        splitters = table
        fallback = SentenceSplitter(language: language == "auto" ? defaultLanguage : language)
    }

    public var name: String { "split" }
    public var fingerprint: String { "split/1 language=\(language) default_language=\(defaultLanguage)" }

    public func process(_ batch: inout Batch, stats: inout StageStats) {
        for i in batch.records.indices {
            let splitter: SentenceSplitter
            if language == "auto", let lang = batch.records[i].lang ?? batch.records[i].inputLang, let s = splitters[lang] {
                splitter = s
            } else {
                splitter = fallback
            }
            batch.records[i].sentences = splitter.split(batch.records[i].text)
            stats.records += 1
            stats.counters.add("sentences", batch.records[i].sentences.count)
        }
    }
}
