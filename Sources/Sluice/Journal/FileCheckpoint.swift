/// The journal entry of one input file: where its processing stands, durably.
///
/// Written atomically after the outputs it describes were flushed to disk, so after any
/// crash the outputs hold at least `outputBytes`/`rejectedBytes`, and everything after
/// those lengths can be cut off and redone.
public struct FileCheckpoint: Sendable, Equatable {
    /// Where the file's processing stands.
    public enum Status: String, Sendable {
        /// Started; resumes from this checkpoint.
        case inProgress = "in_progress"
        /// Outputs complete and renamed into place.
        case done
        /// The input could not be read to its end (corrupt, truncated, unreadable); outputs
        /// hold what came before the damage. Redone only if the input changes.
        case failed
    }

    /// The input's path relative to its root.
    public var file: String
    /// The input as it was when started: a changed input is redone.
    public var fingerprint: InputFingerprint
    /// Where the file's processing stands.
    public var status: Status
    /// The next batch's sequence number.
    public var nextSequence = 0
    /// Input lines consumed (the line number of the last one).
    public var linesConsumed = 0
    /// Decompressed input bytes consumed (of the unit ``unit``).
    public var bytesConsumed = 0
    /// The unit the position is in: 0 for a plain file, the archive member (among those
    /// read, from 0) for an archive; ``member`` names it.
    public var unit = 0
    /// The archive member ``unit`` names, when the input is an archive.
    public var member: String?
    /// Durable lengths of the output and of `_rejected/`.
    public var outputBytes = 0
    /// See ``outputBytes``.
    public var rejectedBytes = 0
    /// Stats of the records written so far; complete when done.
    public var stats: FileStats
    /// Each stage's stats so far, in pipeline order.
    public var stageStats: [StageStats]
    /// Position of this file among completed files, ordering stats.jsonl's file events.
    public var completion: Int?
    /// Wall-clock time of the checkpoint, seconds since the epoch.
    public var savedAt: Double = 0

    /// A checkpoint at the start of `file`, for a pipeline of `stages` stages.
    public init(file: String, fingerprint: InputFingerprint, stages: Int) {
        self.file = file
        self.fingerprint = fingerprint
        status = .inProgress
        stats = FileStats(file: file)
        stageStats = Array(repeating: StageStats(), count: stages)
    }
}
