/// A record that could not be read or was dropped, written to `_rejected/` with its reason.
public struct RejectedRecord: Sendable {
    public var origin: Origin
    /// `invalid_json`, `invalid_utf8`, `no_text`, `filter:<name>`, `duplicate`, …
    public var reason: String
    /// A human-readable detail (parser message with offset), optional.
    public var detail: String?
    /// The original line or text, exactly as read.
    public var raw: [UInt8]

    public init(origin: Origin, reason: String, detail: String? = nil, raw: [UInt8]) {
        self.origin = origin
        self.reason = reason
        self.detail = detail
        self.raw = raw
    }
}
