/// The outcome of a run: what the `run` event and the summary line report.
public struct RunReport: Sendable {
    /// How the run ended: every input done, interrupted (resumable), or some inputs failed.
    public enum Status: String, Sendable {
        /// Every input done.
        case completed
        /// Stopped by a signal; running the same command again resumes.
        case interrupted
        /// Some inputs failed; the rest are done.
        case failed
    }

    /// How the run ended.
    public var status = Status.completed
    /// The pipeline's name.
    public var pipeline = ""
    /// `I/N` when the run was one shard of a sharded run.
    public var shard: String?
    /// Input files of the run.
    public var files = 0
    /// Input records read.
    public var recordsIn = 0
    /// Records kept.
    public var recordsOut = 0
    /// Records that could not be read.
    public var rejected = 0
    /// Records dropped by stages.
    public var dropped = 0
    /// Records reported as slow (``Engine/slowRecordSeconds``).
    public var slow = 0
    /// Input bytes as stored (compressed).
    public var bytesIn = 0
    /// Input bytes decompressed.
    public var bytesDecompressed = 0
    /// Wall-clock seconds of this run.
    public var seconds = 0.0
    /// When the run started: seconds since the epoch (0: not known).
    public var started = 0.0
    /// Whether the run continued an earlier one.
    public var resumed = false
    /// Files Sluice does not read, by relative path.
    public var skipped: [String] = []
    /// Inside the files read: archive members and WARC records not read, by kind.
    public var skippedInside = Counters()
    /// Input files Sluice can read, found over all inputs (every shard's): none means the
    /// run read nothing, which fails it.
    public var readableInputs = 0
    /// Text records by the encoding they were read in.
    public var encodings = Counters()
    /// Files that failed, with their error.
    public var failed: [(file: String, error: String)] = []
    /// Each stage's totals, in pipeline order.
    public var stages: [(name: String, stats: StageStats)] = []
    /// Files finished by an earlier run and skipped now.
    public var filesSkippedDone = 0
    /// Files continued from a checkpoint.
    public var filesResumed = 0
    /// Files processed from their start in this run.
    public var filesStarted = 0
    /// Files whose outputs could not be written (resumable once fixed).
    public var writeFailures = 0
    /// Things the user should know: changed or vanished inputs, checkpoints not honoured.
    public var notes: [String] = []

    /// An empty report.
    public init() {}

    mutating func add(_ f: FileStats) {
        files += 1
        recordsIn += f.recordsIn
        recordsOut += f.recordsOut
        rejected += f.rejected.values.values.reduce(0, +)
        dropped += f.dropped.values.values.reduce(0, +)
        slow += f.slow.values.values.reduce(0, +)
        bytesIn += f.bytesIn
        bytesDecompressed += f.bytesDecompressed
        skippedInside.merge(f.skipped)
        encodings.merge(f.encodings)
        if let e = f.error { failed.append((f.file, e)) }
    }

    /// The exit status DESIGN.md promises: 0 done, 1 some inputs failed or none could be
    /// read, 130 interrupted.
    public var exitCode: Int32 {
        switch status {
        case .interrupted: 130
        case .failed: 1
        case .completed: failed.isEmpty && !readNothing ? 0 : 1
        }
    }

    /// No input could be read: none of a kind Sluice reads, or every one failed before
    /// yielding a record.
    public var readNothing: Bool {
        readableInputs == 0 || (files > 0 && failed.count >= files && recordsIn == 0)
    }

    /// Skipped files counted by extension (`.csv.gz`, `(none)`), most frequent first.
    public var skippedByExtension: [(name: String, count: Int)] {
        var c = Counters()
        for path in skipped { c.add(InputFile.skippedExtension(path)) }
        return c.byCount
    }
}
