/// How input files are read into records; the `decode` section of a pipeline.
public struct DecodeOptions: Sendable, Equatable, Hashable {
    /// How a plain-text dump holds its articles.
    public enum TextLayout: String, Sendable, CaseIterable, Hashable {
        /// The whole file is one article.
        case file
        /// Articles are separated by one or more blank lines.
        case blankLine = "blank_line"
        /// Each line is one article.
        case line
    }

    /// What to do with bytes that are not valid UTF-8 (after encoding conversion).
    public enum InvalidUTF8: String, Sendable, CaseIterable, Hashable {
        /// Replace each bad sequence with U+FFFD and count it.
        case repair
        /// Send the record to `_rejected/` with reason `invalid_utf8`.
        case reject
    }

    /// JSON field holding the text; when absent the fallbacks are tried in order.
    public var textField = "text"
    public var textFallbacks = ["content", "body"]
    /// JSON field holding the id; without it the id is `<relative path>:<line>`.
    public var idField = "id"
    public var textLayout = TextLayout.file
    /// The input's character encoding, as iconv names it (`UTF-8`, `WINDOWS-1252`, `GB18030`, …).
    public var encoding = "UTF-8"
    public var invalidUTF8 = InvalidUTF8.repair
    /// Records per batch: the unit of parallel work and of output zstd frames.
    public var batchRecords = 256
    /// Text bytes per batch, so batches of long articles stay small.
    public var batchBytes = 1 << 20

    public init() {}

    var isUTF8: Bool {
        let e = encoding.uppercased()
        return e == "UTF-8" || e == "UTF8"
    }
}
