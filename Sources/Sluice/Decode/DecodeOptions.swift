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
        /// Read each byte that is not part of valid UTF-8 as Windows-1252 (stray Latin-1
        /// bytes in an otherwise UTF-8 dump), and count the record as repaired.
        case windows1252 = "windows-1252"
    }

    /// JSON field holding the text; when absent the fallbacks are tried in order.
    public var textField = "text"
    /// Fields tried in order when a record has no ``textField``.
    public var textFallbacks = ["content", "body"]
    /// JSON field holding a whole web page's HTML (`html`, `raw_content`): when a record has
    /// it (a string), the text is taken from it instead of ``textField`` and the record is
    /// marked as HTML for the extract stage; a record without it is read as usual.
    public var htmlField: String?
    /// JSON field holding the id; without it the id is `<relative path>:<line>`.
    public var idField = "id"
    /// How plain-text inputs hold articles.
    public var textLayout = TextLayout.file
    /// The input's character encoding: `auto` (the default) detects it for each text file,
    /// web page and WARC record (BOM, declaration, valid UTF-8, statistics) and reads JSONL as
    /// UTF-8; an iconv name (`UTF-8`, `WINDOWS-1252`, `GB18030`, …) forces one for every input.
    public var encoding = DecodeOptions.automatic
    /// What to do with bytes that are not valid UTF-8.
    public var invalidUTF8 = InvalidUTF8.repair
    /// Records per batch: the unit of parallel work and of output zstd frames.
    public var batchRecords = 256
    /// Text bytes per batch, so batches of long articles stay small.
    public var batchBytes = 1 << 20

    /// The defaults of the `news` pipeline.
    public init() {}

    /// The value of ``encoding`` that asks for detection.
    public static let automatic = "auto"

    /// Whether the encoding is detected rather than forced.
    public var detectsEncoding: Bool { encoding.lowercased() == Self.automatic }

    /// Whether JSONL lines are read as UTF-8 (JSONL is UTF-8 by definition unless forced).
    var isUTF8: Bool {
        let e = encoding.uppercased()
        return detectsEncoding || e == "UTF-8" || e == "UTF8"
    }
}
