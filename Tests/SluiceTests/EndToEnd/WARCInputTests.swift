import Foundation
import Testing

/// `sluice run` on the WARC fixture (Fixtures/warc, written by Scripts/make_warc.py) plain, with
/// one gzip member per record, and with one zstd frame per record (issue 13, point 2).
@Suite struct EndToEndWARCTests {
    static let warc = E2E.fixtures.appendingPathComponent("warc")

    @Test(arguments: ["sample.warc", "sample.warc.gz", "sample.warc.zst"])
    func documentsOfAWebArchive(_ name: String) throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", Self.warc.appendingPathComponent(name).path, "-o", out.path, "--progress", "none",
                                      "--pipeline", try EndToEndArchiveTests.decodeOnly(tmp).path])
        #expect(r.status == 0, "stderr: \(r.err)")
        let records = try E2E.lines(out.appendingPathComponent("sample.jsonl.zst")).map(E2E.json)
        #expect(records.map { $0["url"] as? String } == [
            "http://example.com/", "http://example.ru/news", "http://example.jp/", "http://example.com/chunked",
            "http://example.org/notes.txt", "http://example.com/", "http://example.com/gz",
        ])
        #expect(records.map { ($0["origin"] as? [String: Any])?["line"] as? Int } == [3, 4, 5, 6, 11, 12, 13])
        // The record's offset in the decompressed stream: the same for .warc, .warc.gz, .warc.zst,
        // and where the plain file holds its version line.
        let offsets = records.compactMap { ($0["origin"] as? [String: Any])?["offset"] as? Int }
        #expect(offsets.count == 7)
        let plain = try Data(contentsOf: Self.warc.appendingPathComponent("sample.warc"))
        for offset in offsets {
            #expect(plain[offset..<(offset + 9)].elementsEqual(Array("WARC/1.".utf8) + [plain[offset + 7], 0x0D]))
        }
        #expect(records.map { ($0["origin"] as? [String: Any])?["encoding"] as? String } == [
            "utf-8", "windows-1251", "shift_jis", "utf-8", "windows-1252", "utf-8", "utf-8",
        ])
        let first = try #require(records.first)
        #expect(first["id"] as? String == "<urn:uuid:00000002-0000-4000-8000-000000000002>")
        #expect(first["warc_record_id"] as? String == "<urn:uuid:00000002-0000-4000-8000-000000000002>")
        #expect(first["date"] as? String == "2026-01-15T10:00:02Z")
        #expect(first["content_type"] as? String == "text/html")
        // Legacy encodings come out as the right letters: the HTTP charset, a meta declaration,
        // and ISO-8859-1 read as Windows-1252 as browsers do.
        #expect((records[1]["text"] as? String)?.contains("windows-1251") == true)
        #expect((records[1]["text"] as? String)?.contains("\u{FFFD}") == false)
        #expect((records[2]["text"] as? String)?.contains("日本語") == true)
        #expect((records[4]["text"] as? String)?.hasPrefix("Plain notes in Latin-1: café, naïve, Zürich.") == true)
        #expect((records[6]["text"] as? String)?.contains("This body is gzip content-encoded.") == true)

        let file = try #require(try E2E.events(out.appendingPathComponent("stats.jsonl")).first)
        #expect(file["records_in"] as? Int == 7)
        #expect(file["skipped"] as? [String: Int] == [
            "warc:content_type": 1, "warc:metadata": 1, "warc:request": 1, "warc:revisit": 1, "warc:status_404": 1, "warc:warcinfo": 1,
        ])
        #expect(file["encodings"] as? [String: Int] == ["utf-8": 4, "windows-1251": 1, "shift_jis": 1, "windows-1252": 1])
    }

    /// A WARC cut inside a record: the records before it are kept, the file fails with the offset.
    @Test func truncatedWARC() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let bytes = try Data(contentsOf: Self.warc.appendingPathComponent("sample.warc"))
        try bytes.prefix(2500).write(to: tmp.appendingPathComponent("cut.warc"))
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", tmp.appendingPathComponent("cut.warc").path, "-o", out.path, "--progress", "none",
                                      "--pipeline", try EndToEndArchiveTests.decodeOnly(tmp).path])
        #expect(r.status == 1)
        #expect(r.err.contains("cut.warc:"), "stderr: \(r.err)")
        let records = try E2E.lines(out.appendingPathComponent("cut.jsonl.zst")).map(E2E.json)
        #expect(records.map { $0["url"] as? String } == ["http://example.com/", "http://example.ru/news", "http://example.jp/"])
    }
}
