import Testing
@testable import Sluice

@Suite struct WARCSelectionTests {
    @Test func fixtureSelections() throws {
        let records = WARCFixture.read(WARCFixture.warc).records
        try #require(records.count == WARCFixture.expected.count)
        for (r, e) in zip(records, WARCFixture.expected) {
            #expect(WARCSelection(r) == e.selection, "record \(r.ordinal)")
        }
        // Written out for two of them.
        guard case .document(let url, _, _, let ct, let charset, let isHTML, let body) = WARCSelection(records[5]) else {
            Issue.record("record 5 is not a document")
            return
        }
        #expect(url == "http://example.com/chunked")
        #expect(ct == "text/html" && charset == "utf-8" && isHTML)
        #expect(String(decoding: body, as: UTF8.self).hasPrefix("<!DOCTYPE html>\n<html><head><title>Chunked page</title>"))
        #expect(WARCSelection(records[3]) != .skipped(reason: ""))
        if case .document(_, _, _, _, let charset, _, _) = WARCSelection(records[4]) { #expect(charset == nil) }
    }

    private func record(_ fields: [(String, String)], _ block: String, oversized: Bool = false) -> WARCRecord {
        WARCRecord(version: "WARC/1.1", fields: fields.map { HeaderField(name: $0.0, value: $0.1) },
                   contentLength: block.utf8.count, block: Array(block.utf8), isOversized: oversized, offset: 0, ordinal: 0)
    }

    private func response(_ http: String, contentType: String? = "application/http; msgtype=response",
                          oversized: Bool = false) -> WARCSelection {
        var fields = [("WARC-Type", "response"), ("WARC-Target-URI", "http://x.example/"), ("WARC-Date", "2026-01-01T00:00:00Z"),
                      ("WARC-Record-ID", "<urn:uuid:1>")]
        if let contentType { fields.append(("Content-Type", contentType)) }
        return WARCSelection(record(fields, http, oversized: oversized))
    }

    @Test func responses() {
        let ok = "HTTP/1.1 200 OK\r\nContent-Type: application/xhtml+xml\r\n\r\n<p>hi</p>"
        #expect(response(ok) == .document(url: "http://x.example/", date: "2026-01-01T00:00:00Z", recordID: "<urn:uuid:1>",
                                          contentType: "application/xhtml+xml", charset: nil, isHTML: true,
                                          body: Array("<p>hi</p>".utf8)[...]))
        #expect(response(ok, contentType: nil) != .skipped(reason: "warc:not_http"))
        #expect(response(ok, contentType: "text/dns") == .skipped(reason: "warc:not_http"))
        #expect(response("HTTP/1.1 301 Moved\r\nLocation: /\r\n\r\n") == .skipped(reason: "warc:status_301"))
        #expect(response("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n\r\n<a/>") == .skipped(reason: "warc:content_type"))
        #expect(response("HTTP/1.1 200 OK\r\n\r\n<html>") == .skipped(reason: "warc:content_type"))
        #expect(response("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n") == .skipped(reason: "warc:empty"))
        #expect(response("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: br\r\n\r\nxx")
            == .rejected(reason: "warc:content_encoding", detail: "Content-Encoding: br (only gzip bodies are decoded)"))
        // gzip bodies are decoded; a damaged one is rejected with the offset.
        #expect(response("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n\r\nxx")
            == .rejected(reason: "warc:content_encoding", detail: "Content-Encoding: gzip: gzip: incorrect header check at byte 2 of the body"))
        // A compressed image is skipped as an image, not rejected.
        #expect(response("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Encoding: gzip\r\n\r\nxx")
            == .skipped(reason: "warc:content_type"))
        #expect(response("garbage\r\n\r\n")
            == .rejected(reason: "warc:bad_http", detail: "bad status line 'garbage'"))
        #expect(response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
            == .rejected(reason: "warc:bad_http", detail: "bad chunk size 'zz\\r' at body byte 0"))
        // Bad chunking on a page that is skipped anyway does not matter.
        #expect(response("HTTP/1.1 404 No\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
            == .skipped(reason: "warc:status_404"))
        #expect(response(ok, oversized: true)
            == .rejected(reason: "warc:too_large", detail: "Content-Length 65 is above the block cap; the record was skipped"))
        #expect(response("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\u{1}", oversized: true)
            == .skipped(reason: "warc:content_type"))
        #expect(response("HTTP/1.1 200 OK\r\nContent-Type: text/ht", oversized: true)
            == .rejected(reason: "warc:too_large", detail: "Content-Length 38 is above the block cap; the record was skipped"))
    }

    @Test func resourcesAndOtherTypes() {
        let text = [("WARC-Target-URI", "http://y.example/a.txt"), ("Content-Type", "text/plain; charset=UTF-8")]
        #expect(WARCSelection(record([("WARC-Type", "resource")] + text, "abc"))
            == .document(url: "http://y.example/a.txt", date: "", recordID: "", contentType: "text/plain", charset: "utf-8",
                         isHTML: false, body: Array("abc".utf8)[...]))
        #expect(WARCSelection(record([("warc-type", "Conversion")] + text, "abc")) != .skipped(reason: "warc:conversion"))
        #expect(WARCSelection(record([("WARC-Type", "resource")] + text, "")) == .skipped(reason: "warc:empty"))
        #expect(WARCSelection(record([("WARC-Type", "resource"), ("Content-Type", "text/html")], "<p>"))
            == .rejected(reason: "warc:no_target_uri", detail: "the record has no WARC-Target-URI"))
        #expect(WARCSelection(record([("WARC-Type", "resource"), ("Content-Type", "image/gif")], "GIF"))
            == .skipped(reason: "warc:content_type"))
        #expect(WARCSelection(record([("WARC-Type", "resource")], "x")) == .skipped(reason: "warc:content_type"))
        #expect(WARCSelection(record([("WARC-Type", "resource")] + text, "abc", oversized: true))
            == .rejected(reason: "warc:too_large", detail: "Content-Length 3 is above the block cap; the record was skipped"))
        #expect(WARCSelection(record([("WARC-Type", "continuation")], "x")) == .skipped(reason: "warc:continuation"))
        #expect(WARCSelection(record([("WARC-Type", "Foo Bar")], "x")) == .skipped(reason: "warc:other"))
        #expect(WARCSelection(record([], "x")) == .skipped(reason: "warc:no_type"))
    }
}
