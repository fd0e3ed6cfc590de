/// Counts for one input file: the `file` event of stats.jsonl.
public struct FileStats: Sendable, Equatable {
    /// The input's path relative to its root.
    public var file: String
    /// Input records (`records_out` + rejected + dropped).
    public var recordsIn = 0
    /// Records kept.
    public var recordsOut = 0
    /// Records that could not be read, by reason.
    public var rejected = Counters()
    /// Records dropped by stages, by reason.
    public var dropped = Counters()
    /// Records kept after repairing their bytes, by kind (`invalid_utf8`).
    public var repaired = Counters()
    /// Records that stayed longer than the slow-record threshold in a stage, by stage.
    public var slow = Counters()
    /// Input bytes as stored (compressed).
    public var bytesIn = 0
    /// Input bytes decompressed.
    public var bytesDecompressed = 0
    /// Output bytes written.
    public var bytesOut = 0
    /// Sentences of the kept records.
    public var sentences = 0
    /// Words of the kept records (from the tag stage's counts).
    public var words = 0
    /// Kept records by language (`und` when unknown).
    public var langs = Counters()
    /// Text records by the encoding they were read in (`utf-8`, `windows-1251`, …).
    public var encodings = Counters()
    /// What the file holds that Sluice did not read: archive members by extension
    /// (`.png`, `(symlink)`) and WARC records by kind (`warc:request`).
    public var skipped = Counters()
    /// Wall-clock seconds spent on the file.
    public var seconds = 0.0
    /// Set when the file could not be read to its end: what happened and where.
    public var error: String?
    /// Kept records by length in words (log buckets, ``Histogram/logBucket(_:)``): records
    /// whose word count is known (the tag stage's `counts`).
    public var wordsHistogram = Histogram()
    /// Kept records by number of sentences (log buckets), when the pipeline splits.
    public var sentencesHistogram = Histogram()
    /// Kept records' quality signals (``qualitySignals``) in ratio buckets, when the
    /// quality stage ran, by signal name.
    public var qualityHistograms: [String: Histogram] = [:]
    /// Tags of kept records. The `file` event of stats.jsonl lists only the
    /// ``topTagsInEvent`` most frequent; a checkpoint keeps them all, so that a resumed file
    /// ends with the same counts as one run in one go.
    public var tags = Counters()

    /// The quality signals (`<filter>.<signal>` under `attributes.quality`) counted in
    /// ``qualityHistograms``: ratios in 0…1, one or two per filter, to keep events small.
    public static let qualitySignals = [
        "gopher_quality.alpha_words_ratio", "gopher_repetition.dup_line_frac",
        "gopher_repetition.top_2_gram_char_frac", "fineweb.line_punct_ratio",
        "fineweb.short_line_ratio", "fineweb.char_dup_ratio",
    ]
    /// Tags listed in a `file` event's `top_tags`.
    public static let topTagsInEvent = 20

    /// Empty stats of `file`.
    public init(file: String) { self.file = file }

    /// Adds what one processed batch produced.
    mutating func add(_ r: BatchResult) {
        recordsIn += r.recordsIn
        recordsOut += r.recordsOut
        rejected.merge(r.rejected)
        dropped.merge(r.dropped)
        sentences += r.sentences
        words += r.words
        langs.merge(r.langs)
        repaired.add("invalid_utf8", r.repaired)
        repaired.add("invalid_bytes", r.invalidBytes)
        encodings.merge(r.encodings)
        skipped.merge(r.skipped)
        slow.merge(r.slow)
        bytesDecompressed += r.bytesIn
        wordsHistogram.merge(r.wordsHistogram)
        sentencesHistogram.merge(r.sentencesHistogram)
        for (k, h) in r.qualityHistograms { qualityHistograms[k, default: Histogram()].merge(h) }
        tags.merge(r.tags)
    }

    /// Adds another file's counts (for summaries over many files).
    public mutating func merge(_ o: FileStats) {
        recordsIn += o.recordsIn
        recordsOut += o.recordsOut
        rejected.merge(o.rejected)
        dropped.merge(o.dropped)
        repaired.merge(o.repaired)
        slow.merge(o.slow)
        bytesIn += o.bytesIn
        bytesDecompressed += o.bytesDecompressed
        bytesOut += o.bytesOut
        sentences += o.sentences
        words += o.words
        langs.merge(o.langs)
        encodings.merge(o.encodings)
        skipped.merge(o.skipped)
        seconds += o.seconds
        wordsHistogram.merge(o.wordsHistogram)
        sentencesHistogram.merge(o.sentencesHistogram)
        for (k, h) in o.qualityHistograms { qualityHistograms[k, default: Histogram()].merge(h) }
        tags.merge(o.tags)
    }

    /// The stats event as one JSON object, with the `topTags` most frequent tags (all when nil).
    public func json(topTags: Int? = FileStats.topTagsInEvent) -> JSONValue {
        var m: [JSONValue.Member] = [
            (key: "event", value: .string("file")),
            (key: "file", value: .string(file)),
            (key: "status", value: .string(error == nil ? "done" : "failed")),
            (key: "records_in", value: .int(recordsIn)),
            (key: "records_out", value: .int(recordsOut)),
            (key: "rejected", value: Self.object(rejected)),
            (key: "dropped", value: Self.object(dropped)),
        ]
        if !repaired.values.isEmpty { m.append((key: "repaired", value: Self.object(repaired))) }
        if !slow.values.isEmpty { m.append((key: "slow", value: Self.object(slow))) }
        m += [
            (key: "bytes_in", value: .int(bytesIn)),
            (key: "bytes_decompressed", value: .int(bytesDecompressed)),
            (key: "bytes_out", value: .int(bytesOut)),
            (key: "sentences", value: .int(sentences)),
            (key: "words", value: .int(words)),
            (key: "langs", value: Self.object(langs)),
            (key: "seconds", value: .double(seconds, fractionDigits: 3)),
        ]
        if !encodings.values.isEmpty { m.append((key: "encodings", value: Self.object(encodings))) }
        if !skipped.values.isEmpty { m.append((key: "skipped", value: Self.object(skipped))) }
        if let error { m.append((key: "error", value: .string(error))) }
        // Added by issue 18 for `sluice report`; absent when empty, so older readers and
        // events are unaffected.
        if !wordsHistogram.isEmpty { m.append((key: "words_hist", value: wordsHistogram.json())) }
        if !sentencesHistogram.isEmpty { m.append((key: "sentences_hist", value: sentencesHistogram.json())) }
        if !qualityHistograms.isEmpty {
            m.append((key: "quality_hist", value: .object(qualityHistograms.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value.json()) })))
        }
        if !tags.values.isEmpty {
            let top = topTags.map { Array(tags.byCount.prefix($0)) } ?? tags.byCount
            m.append((key: "top_tags", value: .object(top.map { (key: $0.name, value: .int($0.count)) })))
        }
        return .object(m)
    }

    static func object(_ c: Counters) -> JSONValue {
        .object(c.sorted.map { (key: $0.name, value: .int($0.count)) })
    }
}
