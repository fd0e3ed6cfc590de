import Foundation
@testable import Sluice

/// The WARC fixture written by Scripts/make_warc.py and its manifest (expected.json).
enum WARCFixture {
    static func path(_ name: String) -> String {
        TestPaths.root + "/Tests/SluiceTests/Fixtures/warc/" + name
    }

    static let warc: [UInt8] = try! TestPaths.readBytes(path("sample.warc"))

    /// One manifest entry: what the script wrote for a record.
    struct Expected: Sendable {
        var ordinal: Int
        var offset: Int
        var version: String
        var fields: [HeaderField]
        var type: String?
        var targetURI: String?
        var date: String?
        var recordID: String?
        var contentType: String?
        var contentLength: Int
        var block: [UInt8]
        var selection: WARCSelection
    }

    /// expected.json, parsed afresh (a `[String: Any]` cannot be a shared constant).
    static func manifest() -> [String: Any] {
        let data = try! Data(contentsOf: URL(fileURLWithPath: path("expected.json")))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    static let expected: [Expected] = (manifest()["records"] as! [[String: Any]]).map { r in
        let s = r["selection"] as! [String: Any]
        let selection: WARCSelection
        switch s["kind"] as! String {
        case "document":
            selection = .document(url: s["url"] as! String, date: s["date"] as! String,
                                  recordID: s["record_id"] as! String, contentType: s["content_type"] as! String,
                                  charset: s["charset"] as? String, isHTML: s["is_html"] as! Bool,
                                  body: [UInt8](Data(base64Encoded: s["body_base64"] as! String)!)[...])
        case "skipped": selection = .skipped(reason: s["reason"] as! String)
        default: selection = .rejected(reason: s["reason"] as! String, detail: s["detail"] as! String)
        }
        return Expected(
            ordinal: r["ordinal"] as! Int, offset: r["offset"] as! Int, version: r["version"] as! String,
            fields: (r["fields"] as! [[String]]).map { HeaderField(name: $0[0], value: $0[1]) },
            type: r["type"] as? String, targetURI: r["target_uri"] as? String, date: r["date"] as? String,
            recordID: r["record_id"] as? String, contentType: r["content_type"] as? String,
            contentLength: r["content_length"] as! Int,
            block: [UInt8](Data(base64Encoded: r["block_base64"] as! String)!), selection: selection)
    }

    /// Every record `reader` yields and the error that stopped it.
    static func readAll(_ reader: WARCReader) -> (records: [WARCRecord], error: ReadError?) {
        var out: [WARCRecord] = []
        do {
            while let r = try reader.next() { out.append(r) }
        } catch {
            return (out, error)
        }
        return (out, nil)
    }

    /// `readAll` over in-memory bytes handed out `maxRead` at a time.
    static func read(_ bytes: [UInt8], maxRead: Int = .max, maxBlockSize: Int = WARCReader.defaultMaxBlockSize,
                     chunkSize: Int = 1 << 16) -> (records: [WARCRecord], error: ReadError?) {
        readAll(WARCReader(source: MemoryReader(bytes, maxRead: maxRead), maxBlockSize: maxBlockSize, chunkSize: chunkSize))
    }

    static func read(_ text: String, maxRead: Int = .max) -> (records: [WARCRecord], error: ReadError?) {
        read(Array(text.utf8), maxRead: maxRead)
    }
}
