extension FileStats {
    /// Reads a `file` event back (from the journal or stats.jsonl).
    public init?(json v: JSONValue) {
        guard let file = v["file"]?.stringValue else { return nil }
        self.init(file: file)
        recordsIn = v["records_in"]?.intValue ?? 0
        recordsOut = v["records_out"]?.intValue ?? 0
        rejected = Self.counters(v["rejected"])
        dropped = Self.counters(v["dropped"])
        repaired = Self.counters(v["repaired"])
        slow = Self.counters(v["slow"])
        bytesIn = v["bytes_in"]?.intValue ?? 0
        bytesDecompressed = v["bytes_decompressed"]?.intValue ?? 0
        bytesOut = v["bytes_out"]?.intValue ?? 0
        sentences = v["sentences"]?.intValue ?? 0
        words = v["words"]?.intValue ?? 0
        langs = Self.counters(v["langs"])
        encodings = Self.counters(v["encodings"])
        skipped = Self.counters(v["skipped"])
        seconds = v["seconds"]?.doubleValue ?? 0
        error = v["error"]?.stringValue
        wordsHistogram = Histogram(json: v["words_hist"]) ?? Histogram()
        sentencesHistogram = Histogram(json: v["sentences_hist"]) ?? Histogram()
        if case .object(let members)? = v["quality_hist"] {
            for m in members { if let h = Histogram(json: m.value) { qualityHistograms[m.key] = h } }
        }
        tags = Self.counters(v["top_tags"])
    }

    static func counters(_ v: JSONValue?) -> Counters {
        var c = Counters()
        if case .object(let members)? = v {
            for m in members { if let n = m.value.intValue { c.add(m.key, n) } }
        }
        return c
    }
}

extension StageStats {
    /// The stage's numbers as JSON (without event and name).
    func json() -> JSONValue {
        .object([
            (key: "records", value: .int(records)),
            (key: "changed", value: .int(changed)),
            (key: "counters", value: FileStats.object(counters)),
            (key: "seconds", value: .double(seconds, fractionDigits: 6)),
        ])
    }

    init(json v: JSONValue) {
        self.init()
        records = v["records"]?.intValue ?? 0
        changed = v["changed"]?.intValue ?? 0
        counters = FileStats.counters(v["counters"])
        seconds = v["seconds"]?.doubleValue ?? 0
    }
}
