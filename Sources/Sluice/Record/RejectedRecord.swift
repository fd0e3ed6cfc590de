/// A record that could not be read or was dropped, written to `_rejected/` with its reason.
public struct RejectedRecord: Sendable {
    /// Where the record came from.
    public var origin: Origin
    /// `invalid_json`, `invalid_utf8`, `no_text`, `filter:<name>`, `duplicate`, …
    public var reason: String
    /// A human-readable detail (parser message with offset), optional.
    public var detail: String?
    /// The original line or text, exactly as read.
    public var raw: [UInt8]

    /// A dropped record as the pipeline had made it so far: written whole (id, text and every
    /// passthrough field) instead of `raw`, so a filter never loses data.
    public var record: Record?

    /// For a near-duplicate, the id (raw JSON) of the earlier document it repeats, written as
    /// `"duplicate_of"`.
    public var duplicateOf: [UInt8]?

    /// An input that could not be read, with its raw bytes.
    public init(origin: Origin, reason: String, detail: String? = nil, raw: [UInt8]) {
        self.origin = origin
        self.reason = reason
        self.detail = detail
        self.raw = raw
    }

    /// A record dropped by a stage (a filter, dedup) with its reason.
    public init(dropping record: Record, reason: String, detail: String? = nil) {
        origin = record.origin
        self.reason = reason
        self.detail = detail
        raw = []
        self.record = record
    }
}
