/// What `sluice report` knows about the run in an output directory, read from its stats
/// files and journal only (never from the corpus): every shard's stats merged, and for a run
/// still going (or interrupted), the files finished so far plus the in-progress files'
/// checkpointed counts.
public struct RunSnapshot: Sendable {
    /// One `run` event: one invocation of `sluice run` (one per shard of a sharded run).
    public struct RunEvent: Sendable, Equatable {
        /// `completed`, `interrupted` or `failed`.
        public var status: String
        /// `I/N` for a shard's invocation.
        public var shard: String?
        /// The pipeline's name.
        public var pipeline: String
        /// Files of the run so far, finished earlier ones included.
        public var files: Int
        /// Records read.
        public var recordsIn: Int
        /// Records written to the output.
        public var recordsOut: Int
        /// Input bytes after decompression.
        public var bytesDecompressed: Int
        /// Wall-clock seconds of this invocation (not of earlier ones of a resumed run).
        public var seconds: Double
        /// Whether the invocation continued an earlier one.
        public var resumed: Bool
        /// When it started, in seconds since the epoch; nil in runs made before it was recorded.
        public var started: Double? = nil

        /// Decompressed megabytes per second of the invocation.
        public var megabytesPerSecond: Double { seconds > 0 ? Double(bytesDecompressed) / seconds / 1e6 : 0 }
    }

    /// One input file: its `file` event, or its checkpoint while it is in progress.
    public struct FileRow: Sendable {
        /// The file's counts (so far, when in progress).
        public var stats: FileStats
        /// `done`, `failed` or `in progress`.
        public var status: String
        /// The shard that processed it (`I/N`), in a sharded run.
        public var shard: String?
    }

    /// A stats line that is not a stats event (a run killed mid-write leaves a torn last line).
    public struct BadLine: Sendable, Equatable {
        /// The stats file, relative to the output directory.
        public var file: String
        /// 1-based.
        public var line: Int
    }

    /// The run's output directory, without a trailing slash.
    public var outputDirectory: String
    /// The stats files read, relative to the output directory.
    public var statsFiles: [String] = []
    /// Everything added up: finished files' events and in-progress files' checkpoints.
    public var summary = StatsSummary()
    /// Files in stats order (per shard, in completion order), then those in progress.
    public var files: [FileRow] = []
    /// Seconds during which at least one invocation ran (the union of their intervals: shards
    /// side by side count once, one after another add up, the time between them counts not);
    /// nil unless every `run` event records when it started.
    public var runningSeconds: Double? {
        guard !runs.isEmpty, runs.allSatisfy({ $0.started != nil }) else { return nil }
        let spans = runs.map { (start: $0.started!, end: $0.started! + $0.seconds) }.sorted { $0.start < $1.start }
        var total = 0.0
        var (lo, hi) = spans[0]
        for s in spans.dropFirst() {
            if s.start > hi {
                total += hi - lo
                (lo, hi) = s
            } else {
                hi = max(hi, s.end)
            }
        }
        return total + hi - lo
    }

    /// The `run` events, in stats file order.
    public var runs: [RunEvent] = []
    /// Per-stage totals in pipeline order, with CPU seconds summed over workers.
    public var stages: [(name: String, stats: StageStats)] = []
    /// Stats lines that could not be read (a run killed mid-write), with where they are.
    public var badLines: [BadLine] = []
    /// Stats lines read as events (the rest are ``badLines``).
    public var eventsRead = 0
    /// The pipeline's name (from a run event or the journal).
    public var pipelineName = ""
    /// How the pipeline was given (`news`, a file path), from the journal.
    public var pipelineSource = ""
    /// `N` for a sharded run.
    public var shardCount: Int?
    /// Shards with a journal, of a sharded run.
    public var shardsStarted = 0
    /// Times the run (or, summed, its shards) was started; more than one means resumed.
    public var starts = 0
    /// Input files the journal knows of that have no checkpoint yet.
    public var pendingFiles = 0
    /// Why the page is marked as not final, empty for a finished run.
    public var incomplete: [String] = []

    /// Whether the run has not finished: the page shows what is done so far.
    public var isComplete: Bool { incomplete.isEmpty }
    /// Files of the run that are in progress.
    public var inProgressFiles: Int { files.filter { $0.status == "in progress" }.count }
    /// Files whose reading failed.
    public var failedFiles: Int { files.filter { $0.status == "failed" }.count }

    /// Reads the run in `outputDirectory`; nil when it holds neither stats nor a journal.
    public init?(outputDirectory: String) {
        let dir = outputDirectory.hasSuffix("/") && outputDirectory.count > 1 ? String(outputDirectory.dropLast()) : outputDirectory
        self.outputDirectory = dir
        let paths = StatsFiles.paths(dir)
        let sharded = RunStatus.shards(in: dir)
        let single = RunJournal(outputDirectory: dir)
        guard !paths.isEmpty || sharded != nil || single.exists else { return nil }

        var stageEventsFiles = 0
        var seen = Set<String>()
        for path in paths {
            let bytes = (try? FileReader.readAll(path: path)) ?? []
            if addStats(bytes, name: String(path.dropFirst(dir.count + 1)), seen: &seen) { stageEventsFiles += 1 }
        }

        // The journal: the pipeline, the starts, and what is not in the stats yet.
        var journals: [(journal: RunJournal, shard: Shard?)] = []
        if let sharded {
            shardCount = sharded.count
            shardsStarted = sharded.started.count
            journals = sharded.started.map { (RunJournal(outputDirectory: dir, shard: $0), $0) }
            if sharded.started.count < sharded.count {
                incomplete.append("\(sharded.count - sharded.started.count) of \(sharded.count) shards not started")
            }
        } else if single.exists {
            journals = [(single, nil)]
        }
        var stageTotals: [String: StageStats] = [:]
        var stageOrder: [String] = []
        for (journal, shard) in journals {
            guard let run = journal.loadRun() else { continue }
            if pipelineName.isEmpty { pipelineName = run.pipelineName }
            if pipelineSource.isEmpty { pipelineSource = run.pipelineSource }
            starts += run.starts
            // Checkpoints are read only when the stats do not tell the whole story.
            let statsTellAll = isComplete && !paths.isEmpty && stageEventsFiles == paths.count
            guard !statsTellAll else { continue }
            let checkpoints = journal.loadCheckpoints()
            pendingFiles += run.files.filter { checkpoints[$0] == nil }.count
            for cp in checkpoints.values.sorted(by: { $0.file < $1.file }) {
                for (i, s) in cp.stageStats.enumerated() {
                    let name = i < run.stageNames.count ? run.stageNames[i] : "stage \(i + 1)"
                    if stageTotals[name] == nil { stageOrder.append(name) }
                    stageTotals[name, default: StageStats()].merge(s)
                }
                // In progress, or finished just before a kill kept its event from the stats file.
                guard !seen.contains(cp.file) else { continue }
                let status = cp.status == .inProgress ? "in progress" : cp.status == .failed ? "failed" : "done"
                files.append(FileRow(stats: cp.stats, status: status, shard: shard?.description))
                summary.files += 1
                summary.total.merge(cp.stats)
            }
        }
        if pendingFiles > 0 { incomplete.append("\(pendingFiles) input file\(pendingFiles == 1 ? "" : "s") not started yet") }
        if inProgressFiles > 0 {
            incomplete.append("\(inProgressFiles) file\(inProgressFiles == 1 ? "" : "s") in progress (counted up to their last checkpoint)")
        }
        if paths.isEmpty { incomplete.append("no stats file yet") }
        // Stage events are totals of finished runs; otherwise the checkpoints' sums.
        stages = stageEventsFiles == paths.count && !paths.isEmpty && isComplete
            ? summary.stages : stageOrder.map { ($0, stageTotals[$0]!) }
    }

    /// An empty snapshot of `outputDirectory`, to add stats files to (the fuzz harness).
    init(empty outputDirectory: String) {
        self.outputDirectory = outputDirectory
    }

    /// Adds the events of one stats file (`name`, relative to the output directory): lines that
    /// are not stats events are listed in ``badLines``, and a file that does not end with the
    /// run event of a finished run marks the snapshot incomplete. Returns whether the file
    /// holds stage events; `seen` collects the files that have a `file` event.
    @discardableResult
    mutating func addStats(_ bytes: [UInt8], name: String, seen: inout Set<String>) -> Bool {
        statsFiles.append(name)
        let shard = Self.shard(ofStatsFile: name)
        var last: String?
        var hasStageEvents = false
        for (n, raw) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !raw.isEmpty {
            let line = String(decoding: raw, as: UTF8.self)
            guard let v = try? JSONValue.parse(line), let event = v["event"]?.stringValue,
                  ["file", "stage", "run"].contains(event), summary.add(event: v) else {
                badLines.append(BadLine(file: name, line: n + 1))
                continue
            }
            last = event
            eventsRead += 1
            switch event {
            case "file":
                if let f = FileStats(json: v) {
                    files.append(FileRow(stats: f, status: f.error == nil ? "done" : "failed", shard: shard))
                    seen.insert(f.file)
                }
            case "stage":
                hasStageEvents = true
            default:
                runs.append(Self.runEvent(v))
                if pipelineName.isEmpty { pipelineName = v["pipeline"]?.stringValue ?? "" }
            }
        }
        // A resume rewrites the stats file without its run event, so a finished run ends with one.
        if last != "run" {
            incomplete.append("\(name) has no run event yet: the run is still going, or was killed")
        } else if runs.last?.status == "interrupted" {
            incomplete.append("the run\(shard.map { " of shard \($0)" } ?? "") was interrupted; running the same command again finishes it")
        }
        return hasStageEvents
    }

    /// `I/N` of `stats.shard-I-of-N.jsonl`.
    static func shard(ofStatsFile name: String) -> String? {
        guard name.hasPrefix("stats.shard-"), let s = Shard(name: String(name.dropFirst("stats.".count).dropLast(".jsonl".count))) else { return nil }
        return s.description
    }

    static func runEvent(_ v: JSONValue) -> RunEvent {
        RunEvent(status: v["status"]?.stringValue ?? "", shard: v["shard"]?.stringValue,
                 pipeline: v["pipeline"]?.stringValue ?? "", files: v["files"]?.intValue ?? 0,
                 recordsIn: v["records_in"]?.intValue ?? 0, recordsOut: v["records_out"]?.intValue ?? 0,
                 bytesDecompressed: v["bytes_decompressed"]?.intValue ?? 0,
                 seconds: v["seconds"]?.doubleValue ?? 0, resumed: v["resumed"] == .bool(true),
                 started: v["started"]?.doubleValue)
    }
}
