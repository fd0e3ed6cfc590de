/// One step of a pipeline: transforms a batch of records in place.
///
/// Stages are values shared by all workers, so they hold only immutable configuration;
/// anything learned while running goes into the ``StageStats`` handed in.
public protocol Stage: Sendable {
    /// The stage's name in pipeline files and stats (`clean`, `split`, `tag`, `filter:…`).
    var name: String { get }
    /// A version of the stage's behaviour and options, part of the run fingerprint:
    /// change it whenever the same input would come out different.
    var fingerprint: String { get }
    /// Processes `batch`; a filter moves records it drops to `batch.dropped`.
    func process(_ batch: inout Batch, stats: inout StageStats)
    /// Returns the stage ready to run over `corpus`: a stage whose decisions depend on the
    /// whole corpus (exact dedup) sets itself up here, seeing records as the `preceding`
    /// stages leave them. Most stages return themselves.
    func prepared(for corpus: RunCorpus, preceding: [any Stage]) async throws -> any Stage
}

extension Stage {
    /// Returns the stage itself: most stages need no preparation.
    public func prepared(for corpus: RunCorpus, preceding: [any Stage]) async throws -> any Stage { self }
}

/// What a run will read, for ``Stage/prepared(for:preceding:)``.
public struct RunCorpus: Sendable {
    /// Every input the run's decisions take into account, in run order (``InputFile/index``):
    /// finished ones and, with `--dedup-across-shards`, other shards' too.
    public var files: [InputFile]
    /// Indices of the files this run reads, in the order it starts them.
    public var reading: [Int]
    /// Of ``reading``, the files continued from a checkpoint rather than read from the start.
    public var resumed: Set<Int>
    /// The run's decode options, for stages that read inputs while preparing.
    public var decode: DecodeOptions
    /// The run's `--jobs`: cores a preparation pass may use.
    public var jobs: Int
    /// The output directory, when signatures written by `--near-dedup-prepare` under it may be
    /// used (a sharded run across shards).
    public var sharedSignatures: String?
    /// `--memory`: bytes a stage may hold for the whole run's decision before it spills to
    /// disk (memory mode); nil: no budget, everything in memory.
    public var memory: Int?
    /// A directory of this run's own where stages spill (created and emptied by the stage).
    public var spillDirectory: String?

    /// Describes a run reading `reading` of `files`, `resumed` of them from a checkpoint.
    public init(files: [InputFile], reading: [Int], resumed: Set<Int> = [], decode: DecodeOptions, jobs: Int) {
        self.files = files
        self.reading = reading
        self.resumed = resumed
        self.decode = decode
        self.jobs = jobs
    }
}

/// The unit of work flowing from the decoder to the workers and on to the writer.
public struct Batch: Sendable {
    /// Position of the batch within its file, for the ordered writer.
    public var sequence: Int
    /// The input file's index in the run (see ``InputFile/index``).
    public var fileIndex = 0
    /// The records still kept, in input order.
    public var records: [Record]
    /// Records dropped by filters, with their reason, bound for `_rejected/`.
    public var dropped: [RejectedRecord] = []
    /// Records the decoder could not read.
    public var rejected: [RejectedRecord] = []
    /// Indices in ``records`` of documents repeating an earlier one, found by the decoder
    /// (`DedupLedger`) for the dedup stage to drop.
    public var duplicates: [Int] = []
    /// Near-duplicates found by the decoder (`NearDedupLedger`): the kept document's id (raw
    /// JSON) by the record's ``Origin/order``, for the near_dedup stage to drop.
    public var nearDuplicates: [Int: [UInt8]] = [:]
    /// Input records this batch accounts for (kept + dropped + rejected).
    public var recordsIn = 0
    /// Decompressed input bytes this batch accounts for.
    public var bytesIn = 0
    /// Input position after this batch: lines and decompressed bytes consumed. A checkpoint
    /// after the batch is written resumes from here.
    public var endLine = 0
    /// See ``endLine``: decompressed bytes of the unit ``endUnit`` consumed after this batch.
    public var endOffset = 0
    /// The unit (archive member, from 0) that ``endOffset`` is in, and its path.
    public var endUnit = 0
    /// The path of unit ``endUnit`` inside its archive, when it has one.
    public var endMember: String?
    /// Records whose invalid UTF-8 was repaired.
    public var repaired = 0
    /// Byte sequences invalid in a text unit's encoding, read as U+FFFD.
    public var invalidBytes = 0
    /// Text records by the encoding they were read in.
    public var encodings = Counters()
    /// Archive members (or WARC records) not read, by kind.
    public var skipped = Counters()

    /// A batch numbered `sequence` holding `records`.
    public init(sequence: Int, records: [Record] = []) {
        self.sequence = sequence
        self.records = records
    }
}

/// What one stage did: counted per worker, then merged into the `stage` stats event.
public struct StageStats: Sendable, Equatable {
    /// Records the stage saw.
    public var records = 0
    /// Records whose text or fields the stage changed.
    public var changed = 0
    /// The stage's own counts (`duplicates`, `mojibake_fixed`, …), written as `counters`.
    public var counters = Counters()
    /// Time spent in the stage, summed over workers.
    public var seconds = 0.0

    /// Empty stats.
    public init() {}

    /// Adds `other`'s counts and time to these.
    public mutating func merge(_ other: StageStats) {
        records += other.records
        changed += other.changed
        counters.merge(other.counters)
        seconds += other.seconds
    }
}
