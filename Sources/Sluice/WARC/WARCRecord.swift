/// One WARC record: its named fields and its block, as read by ``WARCReader``.
public struct WARCRecord: Sendable, Equatable {
    /// The version line without its line end (`WARC/1.1`).
    public var version: String
    /// Every named field, in the order written.
    public var fields: [HeaderField]
    /// `WARC-Type` as written (`response`, `warcinfo`, …).
    public var type: String?
    /// `WARC-Target-URI`, without the angle brackets some WARC/1.0 writers (wget) put around it.
    public var targetURI: String?
    /// `WARC-Date` as written.
    public var date: String?
    /// `WARC-Record-ID` as written, with its angle brackets (`<urn:uuid:…>`).
    public var recordID: String?
    /// The record's `Content-Type` field (of the block, e.g. `application/http; msgtype=response`).
    public var contentType: String?
    /// `Content-Length`: the block's length in the file.
    public var contentLength: Int
    /// The block; only its first bytes (up to ``WARCReader/oversizedPrefix``) when ``isOversized``.
    public var block: [UInt8]
    /// True when `Content-Length` was above the reader's cap: the rest of the block was skipped.
    public var isOversized: Bool
    /// Decompressed byte offset of the record's version line.
    public var offset: Int
    /// 0-based number of the record in its file.
    public var ordinal: Int

    /// A record from its parts.
    public init(version: String, fields: [HeaderField], contentLength: Int, block: [UInt8],
                isOversized: Bool = false, offset: Int, ordinal: Int) {
        self.version = version
        self.fields = fields
        self.contentLength = contentLength
        self.block = block
        self.isOversized = isOversized
        self.offset = offset
        self.ordinal = ordinal
        type = HeaderParser.value(of: "WARC-Type", in: fields)
        targetURI = HeaderParser.value(of: "WARC-Target-URI", in: fields).map(Self.unbracketed)
        date = HeaderParser.value(of: "WARC-Date", in: fields)
        recordID = HeaderParser.value(of: "WARC-Record-ID", in: fields)
        contentType = HeaderParser.value(of: "Content-Type", in: fields)
    }

    /// The value of the first field called `name` (case-insensitive), as written.
    public func field(_ name: String) -> String? {
        HeaderParser.value(of: name, in: fields)
    }

    /// The WARC 1.0 grammar put the target URI in `<…>`; 1.1 and most writers do not.
    private static func unbracketed(_ uri: String) -> String {
        guard uri.count >= 2, uri.hasPrefix("<"), uri.hasSuffix(">") else { return uri }
        return String(uri.dropFirst().dropLast())
    }
}
