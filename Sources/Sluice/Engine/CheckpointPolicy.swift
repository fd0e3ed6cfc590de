/// How often a file's progress is made durable: after `records` input records or `seconds`,
/// whichever comes first (at the next batch boundary). Each checkpoint fsyncs the outputs and
/// replaces the file's journal entry, so a resume redoes at most this much work.
public struct CheckpointPolicy: Sendable, Equatable {
    public var records: Int
    public var seconds: Double

    public init(records: Int = 50_000, seconds: Double = 15) {
        self.records = max(1, records)
        self.seconds = seconds
    }
}
