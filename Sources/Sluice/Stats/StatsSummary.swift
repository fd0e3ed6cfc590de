/// Merges stats.jsonl files (from several runs or Slurm array tasks) into one summary.
public struct StatsSummary: Sendable {
    public var files = 0
    public var failedFiles = 0
    /// The file events added together (`file` holds no name here).
    public var total = FileStats(file: "")
    public var runs = 0
    public var stages: [(name: String, stats: StageStats)] = []

    public var recordsIn: Int { total.recordsIn }
    public var recordsOut: Int { total.recordsOut }
    public var rejected: Counters { total.rejected }
    public var dropped: Counters { total.dropped }
    public var bytesIn: Int { total.bytesIn }
    public var bytesDecompressed: Int { total.bytesDecompressed }
    public var bytesOut: Int { total.bytesOut }
    public var sentences: Int { total.sentences }
    public var words: Int { total.words }
    public var langs: Counters { total.langs }
    /// Seconds of file processing, summed over files.
    public var fileSeconds: Double { total.seconds }

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
