/// How often a file's progress is made durable: after `records` input records or `seconds`,
/// whichever comes first (at the next batch boundary). Each checkpoint fsyncs the outputs and
/// replaces the file's journal entry, so a resume redoes at most this much work.
public struct CheckpointPolicy: Sendable, Equatable {
    /// Input records between checkpoints, at most.
    public var records: Int
    /// Seconds between checkpoints, at most.
    public var seconds: Double

    /// Checkpoints after `records` records or `seconds` seconds, whichever comes first.
    public init(records: Int = 50_000, seconds: Double = 15) {
        self.records = max(1, records)
        self.seconds = seconds
    }
}
