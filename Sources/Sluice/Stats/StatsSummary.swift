/// Merges stats.jsonl files (from several runs or Slurm array tasks) into one summary.
public struct StatsSummary: Sendable {
    /// `file` events read.
    public var files = 0
    /// Of ``files``, those with status `failed`.
    public var failedFiles = 0
    /// The file events added together (`file` holds no name here).
    public var total = FileStats(file: "")
    /// `run` events read.
    public var runs = 0
    /// Stage totals by stage name, in the order the stages first appear.
    public var stages: [(name: String, stats: StageStats)] = []

    /// Input records over every file.
    public var recordsIn: Int { total.recordsIn }
    /// Records kept over every file.
    public var recordsOut: Int { total.recordsOut }
    /// Unreadable records by reason.
    public var rejected: Counters { total.rejected }
    /// Records dropped by stages, by reason.
    public var dropped: Counters { total.dropped }
    /// Input bytes as stored (compressed).
    public var bytesIn: Int { total.bytesIn }
    /// Input bytes decompressed.
    public var bytesDecompressed: Int { total.bytesDecompressed }
    /// Output bytes written.
    public var bytesOut: Int { total.bytesOut }
    /// Sentences of the kept records.
    public var sentences: Int { total.sentences }
    /// Words of the kept records.
    public var words: Int { total.words }
    /// Kept records by language.
    public var langs: Counters { total.langs }
    /// Seconds of file processing, summed over files.
    public var fileSeconds: Double { total.seconds }

    /// An empty summary.
    public init() {}

    /// Adds one stats.jsonl line; returns false when it is not a stats event.
    @discardableResult
    public mutating func add(line: String) -> Bool {
        guard let v = try? JSONValue.parse(line) else { return false }
        return add(event: v)
    }

    /// Adds one parsed stats event; returns false when it is not one.
    @discardableResult
    public mutating func add(event v: JSONValue) -> Bool {
        guard let event = v["event"]?.stringValue else { return false }
        switch event {
        case "file":
            guard let f = FileStats(json: v) else { return false }
            files += 1
            if f.error != nil { failedFiles += 1 }
            total.merge(f)
        case "stage":
            guard let name = v["stage"]?.stringValue else { return false }
            let s = StageStats(json: v)
            if let i = stages.firstIndex(where: { $0.name == name }) {
                stages[i].stats.merge(s)
            } else {
                stages.append((name, s))
            }
        case "run":
            runs += 1
        default:
            return false
        }
        return true
    }

    /// The merged summary as one JSON object (`sluice stats --json`).
    public func json() -> JSONValue {
        .object([
            (key: "files", value: .int(files)),
            (key: "failed_files", value: .int(failedFiles)),
            (key: "records_in", value: .int(recordsIn)),
            (key: "records_out", value: .int(recordsOut)),
            (key: "rejected", value: FileStats.object(rejected)),
            (key: "dropped", value: FileStats.object(dropped)),
            (key: "bytes_in", value: .int(bytesIn)),
            (key: "bytes_decompressed", value: .int(bytesDecompressed)),
            (key: "bytes_out", value: .int(bytesOut)),
            (key: "sentences", value: .int(sentences)),
            (key: "words", value: .int(words)),
            (key: "langs", value: FileStats.object(langs)),
            (key: "encodings", value: FileStats.object(total.encodings)),
            (key: "skipped", value: FileStats.object(total.skipped)),
            (key: "file_seconds", value: .double(fileSeconds, fractionDigits: 3)),
            (key: "runs", value: .int(runs)),
            (key: "stages", value: .object(stages.map { (key: $0.name, value: StatsEvent.stage($0.name, $0.stats)) })),
        ])
    }
}
