import Foundation
import Testing
@testable import Sluice

@Suite struct WARCReaderTests {
    @Test func readsEveryFixtureRecord() throws {
        let (records, error) = WARCFixture.read(WARCFixture.warc)
        #expect(error == nil)
        let expected = WARCFixture.expected
        try #require(records.count == 13 && expected.count == 13)
        #expect(records.map { $0.type ?? "" } == ["warcinfo", "request", "response", "response", "response", "response",
                                               "response", "response", "revisit", "metadata", "resource", "conversion",
                                               "response"])
        #expect(records.map(\.offset) == [0, 339, 642, 1229, 1783, 2307, 2899, 3338, 3700, 4146, 4484, 4794, 5234])
        #expect(records.map(\.ordinal) == Array(0..<13))
        for (r, e) in zip(records, expected) {
            #expect(r.offset == e.offset)
            #expect(r.version == e.version)
            #expect(r.fields == e.fields)
            #expect(r.type == e.type)
            #expect(r.targetURI == e.targetURI)
            #expect(r.date == e.date)
            #expect(r.recordID == e.recordID)
            #expect(r.contentType == e.contentType)
            #expect(r.contentLength == e.contentLength)
            #expect(r.block == e.block)
            #expect(!r.isOversized)
        }
        // Spot checks written out: folded field, wget-style target URI, WARC/1.1 fractional date.
        #expect(records[0].field("x-note") == "written for the Sluice WARC reader tests")
        #expect(records[0].targetURI == nil)
        #expect(records[2].recordID == "<urn:uuid:00000002-0000-4000-8000-000000000002>")
        #expect(records[10].version == "WARC/1.0")
        #expect(records[10].field("WARC-Target-URI") == "<http://example.org/notes.txt>")
        #expect(records[10].targetURI == "http://example.org/notes.txt")
        #expect(records[11].date == "2026-01-15T10:00:11.123456Z")
        #expect(records[12].contentType == "application/http; msgtype=response")
    }

    @Test func positionEndsAtTheStreamEnd() throws {
        let reader = WARCReader(source: MemoryReader(WARCFixture.warc))
        _ = WARCFixture.readAll(reader)
        // The last record's trailing CRLFs are consumed looking for a next record.
        #expect(reader.position == WARCFixture.warc.count)
        #expect(reader.recordsRead == 13)
        #expect(try reader.next() == nil)
    }

    @Test(arguments: [1, 2, 3, 7, 64, 4096])
    func smallReadsGiveIdenticalRecords(_ step: Int) {
        let whole = WARCFixture.read(WARCFixture.warc)
        let small = WARCFixture.read(WARCFixture.warc, maxRead: step, chunkSize: 64)
        #expect(small.error == nil)
        #expect(small.records == whole.records)
    }

    @Test func zstdFixtureGivesTheSameRecords() throws {
        let z = ZstdDecompressor(source: try FileReader(path: WARCFixture.path("sample.warc.zst")))
        let (records, error) = WARCFixture.readAll(WARCReader(source: z))
        #expect(error == nil)
        #expect(records == WARCFixture.read(WARCFixture.warc).records)
    }

    @Test func gzipFixtureHasOneMemberPerRecord() throws {
        let gz = try TestPaths.readBytes(WARCFixture.path("sample.warc.gz"))
        let members = WARCFixture.manifest()["gzip_member_offsets"] as! [Int]
        #expect(members.count == 13)
        for m in members { #expect(Array(gz[m..<(m + 3)]) == [0x1F, 0x8B, 0x08]) }
        // gzip(1) decodes the concatenated members to the plain fixture.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["gzip", "-dc", WARCFixture.path("sample.warc.gz")]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect([UInt8](out) == WARCFixture.warc)
    }

    @Test func lfOnlyLinesFoldedFieldsAndMissingTrailers() throws {
        let text = "\n\nWARC/1.0\nWARC-Type: resource\nwarc-target-uri: http://a.example/\nX-Long: one\n\ttwo\n   three\n"
            + "Content-Type: text/plain\ncontent-length: 5\n\nhello"  // no trailer at all
            + "WARC/1.1\r\nWARC-Type: metadata\r\nContent-Length: 0\r\n\r\n\n"  // LF-only trailer
            + "WARC/1.1\nWARC-Type: request\nContent-Length: 3\n\nabc\n\n\r\n\r\n\n"
        let (records, error) = WARCFixture.read(text)
        #expect(error == nil)
        try #require(records.count == 3)
        #expect(records[0].offset == 2)
        #expect(records[0].targetURI == "http://a.example/")
        #expect(records[0].field("X-LONG") == "one two three")
        #expect(records[0].block == Array("hello".utf8))
        #expect(records[1].type == "metadata")
        #expect(records[1].offset == 141)
        #expect(records[1].block.isEmpty)
        #expect(records[2].block == Array("abc".utf8))
        #expect(WARCFixture.read(text, maxRead: 1).records == records)
    }

    @Test func emptyStreams() {
        for text in ["", "\r\n", "\n\n\r\n\r\n"] {
            let (records, error) = WARCFixture.read(text)
            #expect(records.isEmpty && error == nil)
        }
    }

    /// The fixture cut inside its last record (offset 5234): twelve records, then `.truncated` at 5234.
    @Test(arguments: [2, 5, 9, 120, 250, 400, 5696 - 5234 - 5])
    func truncatedLastRecord(_ keep: Int) throws {
        let cut = Array(WARCFixture.warc[..<(5234 + keep)])
        let (records, error) = WARCFixture.read(cut)
        #expect(records.count == 12)
        #expect(records == Array(WARCFixture.read(WARCFixture.warc).records.prefix(12)))
        let e = try #require(error)
        #expect(e.kind == .truncated)
        #expect(e.offset == 5234)
        #expect(e.message.contains("12 records before it were read"))
    }

    @Test func lastRecordWithoutItsTrailerIsComplete() {
        let cut = Array(WARCFixture.warc.dropLast(4))
        let (records, error) = WARCFixture.read(cut)
        #expect(error == nil)
        #expect(records.count == 13)
    }

    @Test func garbageInsteadOfAVersionLine() throws {
        var bytes = WARCFixture.warc
        bytes.replaceSubrange(1229..<1233, with: Array("XARC".utf8))
        let (records, error) = WARCFixture.read(bytes)
        #expect(records.count == 3)
        let e = try #require(error)
        #expect(e.kind == .corrupt)
        #expect(e.offset == 1229)
        #expect(e.message.contains("XARC/1.1"))

        let start = WARCFixture.read("<html>not a warc</html>")
        #expect(start.records.isEmpty)
        #expect(start.error?.kind == .corrupt && start.error?.offset == 0)

        for version in ["WARC/\r\n", "WARC/1\r\n", "WARC/x.y\r\n", "WARC/1.1a\r\n", "WARC/1.10000\r\n"] {
            let r = WARCFixture.read(version + "Content-Length: 0\r\n\r\n")
            #expect(r.error?.kind == .corrupt, "\(version)")
        }
        // A valid prefix that just stops is a truncation, not damage.
        let cut = WARCFixture.read("\r\nWAR").error
        #expect(cut?.kind == .truncated && cut?.offset == 2)
    }

    @Test func afterAnErrorEveryCallThrowsIt() throws {
        let reader = WARCReader(source: MemoryReader("junk"))
        let first = #expect(throws: ReadError.self) { try reader.next() }
        let second = #expect(throws: ReadError.self) { try reader.skip(records: 1) }
        #expect(first == second)
    }

    @Test func badContentLength() {
        for (field, what) in [("Content-Length: abc", "not a number"), ("Content-Length: -5", "not a number"),
                              ("Content-Length: 1234567890123456789", "not a number"), ("Content-Type: x", "no Content-Length")] {
            let text = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
                + "WARC/1.1\r\nWARC-Type: resource\r\n\(field)\r\n\r\nabc\r\n\r\n"
            let (records, error) = WARCFixture.read(text)
            #expect(records.count == 1)
            #expect(error?.kind == .corrupt)
            #expect(error?.offset == 56)
            #expect(error?.message.contains(what) == true, "\(field)")
        }
    }

    @Test func contentLengthLargerThanTheRest() throws {
        for length in [100, 999_999_999_999] {
            let text = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: \(length)\r\n\r\nonly a few bytes\r\n\r\n"
            let (records, error) = WARCFixture.read(text, maxRead: 5)
            #expect(records.isEmpty)
            let e = try #require(error)
            #expect(e.kind == .truncated)
            #expect(e.offset == 0)
            #expect(e.message.contains("20 bytes into a block whose Content-Length is \(length)"))
        }
    }

    @Test func blocksAboveTheCapAreSkippedAndReadingGoesOn() throws {
        let capped = WARCFixture.read(WARCFixture.warc, maxBlockSize: 100)
        let whole = WARCFixture.read(WARCFixture.warc).records
        #expect(capped.error == nil)
        try #require(capped.records.count == 13)
        for (c, w) in zip(capped.records, whole) {
            #expect(c.isOversized == (w.contentLength > 100))
            #expect(c.block == Array(w.block.prefix(100)))
            #expect(c.contentLength == w.contentLength)
            #expect(c.offset == w.offset)
            #expect(c.fields == w.fields)
        }
        // Byte-at-a-time too, and skipping gives the same positions.
        #expect(WARCFixture.read(WARCFixture.warc, maxRead: 1, maxBlockSize: 100, chunkSize: 64).records == capped.records)
    }

    @Test func aHeadWithoutEndIsDamage() throws {
        var text = "WARC/1.1\r\n"
        while text.utf8.count <= WARCReader.maxHeaderSize + 100 { text += "X-Filler: \(text.utf8.count)\r\n" }
        let (records, error) = WARCFixture.read(text + "\r\n")
        #expect(records.isEmpty)
        #expect(error?.kind == .corrupt)
        #expect(error?.message.contains("no blank line") == true)
        // Shorter, but the stream ends inside it.
        #expect(WARCFixture.read("WARC/1.1\r\nContent-Length: 3\r\n").error?.kind == .truncated)
    }

    @Test func skipMatchesReading() throws {
        let all = WARCFixture.read(WARCFixture.warc).records
        for n in 0...14 {
            for step in [1, 1000] {
                let reader = WARCReader(source: MemoryReader(WARCFixture.warc, maxRead: step), chunkSize: 64)
                let skipped = try reader.skip(records: n)
                #expect(skipped == min(n, 13))
                #expect(reader.recordsRead == min(n, 13))
                let rest = WARCFixture.readAll(reader)
                #expect(rest.error == nil)
                #expect(rest.records == Array(all.dropFirst(n)))
            }
        }
    }

    @Test func skipReportsTruncation() throws {
        let cut = Array(WARCFixture.warc[..<5300])
        let reader = WARCReader(source: MemoryReader(cut))
        #expect(throws: ReadError.self) { try reader.skip(records: 13) }
        #expect(reader.recordsRead == 12)
        #expect(try WARCReader(source: MemoryReader(cut)).skip(records: 12) == 12)
    }

    @Test func sourceErrorsPassThrough() throws {
        let failure = ReadError(kind: .corrupt, offset: 77, message: "gzip: bad member")
        let (records, error) = WARCFixture.readAll(WARCReader(source: MemoryReader(WARCFixture.warc, failAt: 3000, failure: failure)))
        #expect(records.count == 6)
        #expect(error == failure)
    }
}
