import SluiceText

/// The filter stage: drops records by language, language score and length, each to
/// `_rejected/` with reason `filter:<check>` (`filter:language`, `filter:lang_score`,
/// `filter:min_words`, `filter:max_words`, `filter:min_chars`, `filter:max_chars`; the first
/// failing check in that order). Words are counted like `attributes.counts.words`, characters
/// are Unicode scalars. Language checks need the language stage before this one; a record
/// without a language has `und` and score 0.
public struct FilterStage: Stage {
    /// Languages kept (`lang`); nil keeps any.
    public var languages: [String]?
    /// Lowest `lang_score` kept.
    public var minLangScore: Double?
    /// Fewest words kept.
    public var minWords: Int?
    /// Most words kept.
    public var maxWords: Int?
    /// Fewest characters kept.
    public var minChars: Int?
    /// Most characters kept.
    public var maxChars: Int?

    /// A filter with the given limits; a nil limit checks nothing.
    public init(languages: [String]? = nil, minLangScore: Double? = nil, minWords: Int? = nil, maxWords: Int? = nil,
                minChars: Int? = nil, maxChars: Int? = nil) {
        self.languages = languages
        self.minLangScore = minLangScore
        self.minWords = minWords
        self.maxWords = maxWords
        self.minChars = minChars
        self.maxChars = maxChars
    }

    /// The stage's name in pipeline files and stats.
    public var name: String { "filter" }
    /// The stage's version and options, part of the run fingerprint.
    public var fingerprint: String {
        func s<T>(_ v: T?) -> String { v.map { "\($0)" } ?? "-" }
        return "filter/2 languages=\(languages?.joined(separator: ",") ?? "-") min_lang_score=\(s(minLangScore)) min_words=\(s(minWords)) max_words=\(s(maxWords)) min_chars=\(s(minChars)) max_chars=\(s(maxChars))"
    }

    /// The reason and detail for dropping `record`, or nil to keep it.
    public func check(_ record: Record) -> (reason: String, detail: String)? {
        // Without a language stage, the input's own `lang` (as split and clean take it).
        let lang = record.lang ?? record.inputLang ?? "und"
        if let languages, !languages.contains(lang) {
            let unlabelled = record.lang == nil && record.inputLang == nil
            return ("language", "lang \(lang) not in \(languages.joined(separator: ","))"
                + (unlabelled ? " (no language stage ran and the record has no lang field)" : ""))
        }
        if let minLangScore, record.langScore < minLangScore {
            return ("lang_score", "lang_score \(record.langScore) < \(minLangScore)")
        }
        if minWords != nil || maxWords != nil {
            let words = WordCounter.count(record.text)
            if let minWords, words < minWords { return ("min_words", "\(words) words < \(minWords)") }
            if let maxWords, words > maxWords { return ("max_words", "\(words) words > \(maxWords)") }
        }
        if minChars != nil || maxChars != nil {
            let chars = WordCounter.scalarCount(record.text)
            if let minChars, chars < minChars { return ("min_chars", "\(chars) chars < \(minChars)") }
            if let maxChars, chars > maxChars { return ("max_chars", "\(chars) chars > \(maxChars)") }
        }
        return nil
    }

    /// Runs the stage over `batch`, counting into `stats`.
    public func process(_ batch: inout Batch, stats: inout StageStats) {
        var kept: [Record] = []
        kept.reserveCapacity(batch.records.count)
        let progress = StageProgress.current
        for (i, r) in batch.records.enumerated() {
            progress?.at(record: i)
            stats.records += 1
            if let (reason, detail) = check(r) {
                stats.changed += 1
                stats.counters.add(reason)
                batch.dropped.append(RejectedRecord(dropping: r, reason: "filter:" + reason, detail: detail))
            } else {
                kept.append(r)
            }
        }
        batch.records = kept
    }
}

/// The filter stage, as written in a pipeline builder.
public typealias Filter = FilterStage
