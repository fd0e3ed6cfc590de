/// Merges stats.jsonl files (from several runs or Slurm array tasks) into one summary.
public struct StatsSummary: Sendable {
    public var files = 0
    public var failedFiles = 0
    public var recordsIn = 0
    public var recordsOut = 0
    public var rejected = Counters()
    public var dropped = Counters()
    public var bytesIn = 0
    public var bytesDecompressed = 0
    public var bytesOut = 0
    public var sentences = 0
    public var words = 0
    public var langs = Counters()
    /// Seconds of file processing, summed over files.
    public var fileSeconds = 0.0
    public var runs = 0
    public var stages: [(name: String, stats: StageStats)] = []

    public init() {}

    /// Adds one stats.jsonl line; returns false when it is not a stats event.
    @discardableResult
    public mutating func add(line: String) -> Bool {
        guard let v = try? JSONValue.parse(line), let event = v["event"]?.stringValue else { return false }
        switch event {
        case "file":
            files += 1
            if v["status"]?.stringValue == "failed" { failedFiles += 1 }
            recordsIn += v["records_in"]?.intValue ?? 0
            recordsOut += v["records_out"]?.intValue ?? 0
            Self.merge(v["rejected"], into: &rejected)
            Self.merge(v["dropped"], into: &dropped)
            Self.merge(v["langs"], into: &langs)
            bytesIn += v["bytes_in"]?.intValue ?? 0
            bytesDecompressed += v["bytes_decompressed"]?.intValue ?? 0
            bytesOut += v["bytes_out"]?.intValue ?? 0
            sentences += v["sentences"]?.intValue ?? 0
            words += v["words"]?.intValue ?? 0
            fileSeconds += v["seconds"]?.doubleValue ?? 0
        case "stage":
            guard let name = v["stage"]?.stringValue else { return false }
            var s = StageStats()
            s.records = v["records"]?.intValue ?? 0
            s.changed = v["changed"]?.intValue ?? 0
            var c = Counters()
            Self.merge(v["counters"], into: &c)
            s.counters = c
            s.seconds = v["seconds"]?.doubleValue ?? 0
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

    private static func merge(_ v: JSONValue?, into c: inout Counters) {
        guard case .object(let members)? = v else { return }
        for m in members { if let n = m.value.intValue { c.add(m.key, n) } }
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
            (key: "file_seconds", value: .double(fileSeconds, fractionDigits: 3)),
            (key: "runs", value: .int(runs)),
            (key: "stages", value: .object(stages.map { (key: $0.name, value: StatsEvent.stage($0.name, $0.stats)) })),
        ])
    }
}
