/// What a worker hands to the ordered writer for one batch: encoded bytes and counts.
struct BatchResult: Sendable {
    var sequence: Int
    /// Output bytes: one zstd frame, or plain JSONL when writing to stdout.
    var output: [UInt8] = []
    /// `_rejected/` bytes (one zstd frame), empty when nothing was rejected.
    var rejectedOutput: [UInt8] = []
    var recordsIn = 0
    var recordsOut = 0
    var rejected = Counters()
    var dropped = Counters()
    var sentences = 0
    var words = 0
    var langs = Counters()
    var bytesIn = 0
    var endLine = 0
    var endOffset = 0
    var endUnit = 0
    var endMember: String?
    var repaired = 0
    var invalidBytes = 0
    var encodings = Counters()
    var skipped = Counters()
    /// Records reported as slow, by stage (``SlowRecordWatch``).
    var slow = Counters()
    /// Kept records' lengths, quality signals and tags (see ``FileStats``).
    var wordsHistogram = Histogram()
    var sentencesHistogram = Histogram()
    var qualityHistograms: [String: Histogram] = [:]
    var tags = Counters()
    /// Per stage, in pipeline order.
    var stageStats: [StageStats] = []
}
