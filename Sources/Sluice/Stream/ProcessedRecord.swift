/// One input of a stream after the pipeline: kept, dropped by a stage, or rejected by the decoder.
///
/// A ``PipelineStream`` yields one element per input (blank JSONL lines aside), in input
/// order, so that a consumer can see everything a file run writes: kept records go to the
/// output, dropped and rejected ones to `_rejected/`.
public enum ProcessedRecord: Sendable {
    /// A record that passed every stage.
    case kept(Record)
    /// A record a stage dropped (a filter, `dedup`, `near_dedup`), with its reason
    /// (`filter:<name>`, `duplicate`, …). ``RejectedRecord/record`` holds the record as the
    /// pipeline had made it so far.
    case dropped(RejectedRecord)
    /// An input the decoder could not read (`invalid_json`, `invalid_utf8`, `no_text`, …).
    case rejected(RejectedRecord)

    /// The kept record, or nil.
    public var record: Record? {
        if case .kept(let r) = self { return r }
        return nil
    }

    /// The dropped or rejected record with its reason, or nil for a kept one.
    public var rejection: RejectedRecord? {
        switch self {
        case .kept: nil
        case .dropped(let r), .rejected(let r): r
        }
    }

    /// Where the input came from; ``Origin/order`` is its 1-based position in the stream.
    public var origin: Origin {
        switch self {
        case .kept(let r): r.origin
        case .dropped(let r), .rejected(let r): r.origin
        }
    }
}
