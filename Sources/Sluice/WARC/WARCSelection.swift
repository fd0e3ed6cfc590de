/// What Sluice makes of one WARC record: a document, or a reason it is not one.
///
/// Rules:
/// - `response` records holding HTTP (`Content-Type: application/http…`, or none) become documents
///   when the status is 200 and the HTTP media type is text/html, application/xhtml+xml or
///   text/plain. text/xml and application/xml are not taken: on the web they are mostly feeds
///   and sitemaps, not prose. The body is de-chunked and, when `Content-Encoding: gzip`,
///   gunzipped (with its CRC checked); it is not charset-decoded here.
/// - `resource` and `conversion` records (WET text) with one of those media types in their own
///   `Content-Type` become documents; their block is the body.
/// - Everything else is skipped with a reason key: `warc:<type>` for other record types
///   (`warc:request`, `warc:warcinfo`, `warc:revisit`, `warc:metadata`, …), `warc:no_type`,
///   `warc:not_http` (a response of another protocol, e.g. DNS), `warc:status_<code>`,
///   `warc:content_type`, `warc:empty` (no body bytes).
/// - Rejected, with a detail: `warc:bad_http` (malformed HTTP head or chunking),
///   `warc:content_encoding` (br/deflate/… bodies, or a damaged gzip one), `warc:too_large`
///   (a text block above the reader's cap), `warc:no_target_uri`.
public enum WARCSelection: Sendable, Equatable {
    /// A text or HTML document. `contentType` is the lowercased media type; `charset` the
    /// declared one (lowercased), for the encoding detection that follows.
    case document(url: String, date: String, recordID: String, contentType: String, charset: String?,
                  isHTML: Bool, body: ArraySlice<UInt8>)
    /// Not a document, by design; `reason` is a short key to count by.
    case skipped(reason: String)
    /// Meant to be a document but unusable; `reason` is a key, `detail` says what was wrong.
    case rejected(reason: String, detail: String)

    /// The media types taken, and whether each is HTML.
    public static let textTypes: [String: Bool] = [
        "text/html": true, "application/xhtml+xml": true, "text/plain": false,
    ]

    /// Applies the rules above to `record`.
    public init(_ record: WARCRecord) {
        guard let type = record.type?.lowercased() else {
            self = .skipped(reason: "warc:no_type")
            return
        }
        switch type {
        case "response": self = Self.response(record)
        case "resource", "conversion": self = Self.resource(record)
        default: self = .skipped(reason: "warc:" + Self.key(type))
        }
    }

    private static func response(_ record: WARCRecord) -> WARCSelection {
        if let ct = record.contentType, MediaType(ct).type != "application/http" {
            return .skipped(reason: "warc:not_http")
        }
        let http: HTTPResponse
        do { http = try HTTPResponse(parsing: record.block) } catch {
            if record.isOversized { return tooLarge(record) }
            return .rejected(reason: "warc:bad_http", detail: error.message)
        }
        guard http.status == 200 else { return .skipped(reason: "warc:status_\(http.status)") }
        guard let media = http.contentType, let isHTML = textTypes[media] else {
            return .skipped(reason: "warc:content_type")
        }
        if record.isOversized { return tooLarge(record) }
        var body: ArraySlice<UInt8>
        do { body = try http.body() } catch { return .rejected(reason: "warc:bad_http", detail: error.message) }
        if http.isCompressed {
            let coding = (http.contentEncoding ?? "").lowercased()
            guard coding == "gzip" || coding == "x-gzip" else {
                return .rejected(reason: "warc:content_encoding",
                                 detail: "Content-Encoding: \(http.contentEncoding ?? "") (only gzip bodies are decoded)")
            }
            switch gunzip(body, limit: WARCReader.defaultMaxBlockSize) {
            case .success(let plain): body = plain[...]
            case .failure(let e):
                return .rejected(reason: "warc:content_encoding", detail: "Content-Encoding: gzip: \(e.message) at byte \(e.offset) of the body")
            }
        }
        return document(record, media: media, charset: http.charset, isHTML: isHTML, body: body)
    }

    private static func resource(_ record: WARCRecord) -> WARCSelection {
        guard let ct = record.contentType else { return .skipped(reason: "warc:content_type") }
        let media = MediaType(ct)
        guard let isHTML = textTypes[media.type] else { return .skipped(reason: "warc:content_type") }
        if record.isOversized { return tooLarge(record) }
        return document(record, media: media.type, charset: media.charset, isHTML: isHTML, body: record.block[...])
    }

    private static func document(_ record: WARCRecord, media: String, charset: String?, isHTML: Bool,
                                 body: ArraySlice<UInt8>) -> WARCSelection {
        guard let url = record.targetURI, !url.isEmpty else {
            return .rejected(reason: "warc:no_target_uri", detail: "the record has no WARC-Target-URI")
        }
        guard !body.isEmpty else { return .skipped(reason: "warc:empty") }
        // Missing dates and ids are kept as empty strings: the text is still worth having.
        return .document(url: url, date: record.date ?? "", recordID: record.recordID ?? "", contentType: media,
                         charset: charset, isHTML: isHTML, body: body)
    }

    /// A gzip-coded body, decoded up to `limit` bytes.
    private static func gunzip(_ body: ArraySlice<UInt8>, limit: Int) -> Result<[UInt8], ReadError> {
        do throws(ReadError) {
            let reader = try GzipDecompressor(source: BufferReader(body))
            var out: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                var failure: ReadError?
                let n = chunk.withUnsafeMutableBytes { b -> Int in
                    do throws(ReadError) { return try reader.read(into: b) } catch { failure = error; return 0 }
                }
                if let failure { throw failure }
                if n == 0 { return .success(out) }
                out += chunk[..<n]
                if out.count > limit {
                    throw ReadError(kind: .corrupt, offset: reader.compressedOffset, message: "decoded body larger than \(limit) bytes")
                }
            }
        } catch {
            return .failure(error)
        }
    }

    private static func tooLarge(_ record: WARCRecord) -> WARCSelection {
        .rejected(reason: "warc:too_large",
                  detail: "Content-Length \(record.contentLength) is above the block cap; the record was skipped")
    }

    /// A record type as a reason key: lowercase letters, digits, `-` and `_` only, so stats
    /// keys stay tidy whatever a file says.
    private static func key(_ type: String) -> String {
        let ok = type.utf8.count <= 32 && type.utf8.allSatisfy {
            ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F
        }
        return ok && !type.isEmpty ? type : "other"
    }
}
