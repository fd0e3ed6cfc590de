/// One element of a stream's source, before decoding: what ``Pipeline`` accepts.
enum StreamInput: Sendable {
    /// A record built by the caller; only its ``Origin/order`` is set by the stream.
    case record(Record)
    /// One JSONL line, without its newline, decoded as a file run decodes a line.
    case jsonLine([UInt8])
    /// One document's plain text.
    case text(String)
}
