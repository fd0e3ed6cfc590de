import Testing
@testable import Sluice

@Suite struct BatchSourceTests {
    private func source(_ path: String, relative: String, options: DecodeOptions = .init()) throws -> BatchSource {
        let (format, compression) = try #require(InputFile.classify(relative))
        let f = InputFile(path: path, relative: relative, format: format, compression: compression, size: 0)
        return try BatchSource(file: f, options: options)
    }

    private func all(_ s: BatchSource) -> [Batch] {
        var out: [Batch] = []
        while let b = s.next() { out.append(b) }
        return out
    }

    private func fixture(_ name: String, options: DecodeOptions = .init()) throws -> BatchSource {
        try source(TestPaths.zstdFixture(name), relative: name, options: options)
    }

    private func ids(_ b: Batch) -> [String] { b.records.map { $0.idJSON.utf8String } }

    @Test(arguments: ["single", "multi", "skippable", "nosize", "long31"])
    func fixtureRecords(_ name: String) throws {
        let s = try fixture(name + ".jsonl.zst")
        let batches = all(s)
        #expect(batches.count == 1)
        #expect(ids(batches[0]) == (1...10).map { "\"p\($0)\"" })
        #expect(batches[0].records.map(\.text).first == "Line one.")
        #expect(batches[0].records.map(\.origin.line) == Array(1...10))
        #expect(batches[0].records[0].origin.file == name + ".jsonl.zst")
        #expect(batches[0].recordsIn == 10)
        #expect(batches[0].bytesIn == 320)
        #expect(s.error == nil)
        #expect(s.bytesDecompressed == 320)
        #expect(s.rawBytesRead == (try TestPaths.readBytes(TestPaths.zstdFixture(name + ".jsonl.zst"))).count)
    }

    @Test func batchesByRecordCount() throws {
        var o = DecodeOptions()
        o.batchRecords = 3
        let s = try fixture("multi.jsonl.zst", options: o)
        let batches = all(s)
        #expect(batches.map(\.sequence) == [0, 1, 2, 3])
        #expect(batches.map(\.recordsIn) == [3, 3, 3, 1])
        #expect(batches.map { $0.records.count } == [3, 3, 3, 1])
        #expect(batches.flatMap(ids) == (1...10).map { "\"p\($0)\"" })
        #expect(batches.map(\.bytesIn).reduce(0, +) == 320)
        #expect(batches[0].bytesIn == 95)
        #expect(s.next() == nil)
        #expect(s.error == nil)
    }

    @Test func exactMultipleEndsWithoutAnEmptyBatch() throws {
        var o = DecodeOptions()
        o.batchRecords = 5
        let batches = all(try fixture("single.jsonl.zst", options: o))
        #expect(batches.map(\.recordsIn) == [5, 5])
        #expect(batches.map(\.sequence) == [0, 1])
    }

    @Test func batchesByTextBytes() throws {
        let t = try TempDir()
        defer { t.remove() }
        // Ten 13-byte lines; a batch closes once its lines reach 30 bytes: 3 lines each.
        let text = (0..<10).map { #"{"text":"r\#($0)"}"# + "\n" }.joined()
        let path = try t.write("in.jsonl", text)
        var o = DecodeOptions()
        o.batchBytes = 30
        let batches = all(try source(path, relative: "in.jsonl", options: o))
        #expect(batches.map(\.recordsIn) == [3, 3, 3, 1])
        #expect(batches.map(\.bytesIn) == [42, 42, 42, 14])
        #expect(batches.map(\.sequence) == [0, 1, 2, 3])
        #expect(batches.flatMap { $0.records.map(\.text) } == (0..<10).map { "r\($0)" })
    }

    @Test func rejectedAndBlankLines() throws {
        let t = try TempDir()
        defer { t.remove() }
        let path = try t.write("in.jsonl", "{\"text\":\"a\"}\n\n   \r\n{bad\n{\"id\":1}\r\n{\"text\":\"b\"}")
        let s = try source(path, relative: "in.jsonl")
        let batches = all(s)
        #expect(batches.count == 1)
        let b = batches[0]
        #expect(b.recordsIn == 4)
        #expect(b.records.map(\.text) == ["a", "b"])
        #expect(b.records.map(\.origin.line) == [1, 6])
        #expect(b.rejected.map(\.reason) == ["invalid_json", "no_text"])
        #expect(b.rejected.map(\.origin.line) == [4, 5])
        #expect(b.rejected.map { $0.raw.utf8String } == ["{bad", "{\"id\":1}"])
        #expect(b.bytesIn == 46)
    }

    @Test func textFileLayout() throws {
        let t = try TempDir()
        defer { t.remove() }
        let text = "Title\n\nFirst para.\nSecond line.\n"
        var compressed: [UInt8] = []
        ZstdCompressor().compressFrame(Array(text.utf8), appendingTo: &compressed)
        let path = try t.write("a/art.txt.zst", compressed)
        let s = try source(path, relative: "a/art.txt.zst")
        let batches = all(s)
        #expect(batches.count == 1)
        #expect(batches[0].records.map(\.text) == [text])
        #expect(ids(batches[0]) == [#""a/art.txt.zst:1""#])
        #expect(batches[0].records[0].origin == Origin(file: "a/art.txt.zst", line: 1, encoding: "utf-8"))
        #expect(batches[0].bytesIn == text.utf8.count)
        #expect(s.rawBytesRead == compressed.count)
    }

    @Test func emptyTextFileHasNoRecord() throws {
        let t = try TempDir()
        defer { t.remove() }
        let path = try t.write("e.txt", "")
        #expect(all(try source(path, relative: "e.txt")).isEmpty)
    }

    @Test func blankLineLayout() throws {
        let t = try TempDir()
        defer { t.remove() }
        let path = try t.write("b.txt", "\nA1\nA2\r\n\n\n B1\n  \nC1\n\t\nD1")
        var o = DecodeOptions()
        o.textLayout = .blankLine
        let batches = all(try source(path, relative: "b.txt", options: o))
        let records = batches.flatMap(\.records)
        #expect(records.map(\.text) == ["A1\nA2", " B1", "C1", "D1"])
        #expect(records.map(\.origin.line) == [2, 6, 8, 10])
        #expect(records.map { $0.idJSON.utf8String } == [#""b.txt:2""#, #""b.txt:6""#, #""b.txt:8""#, #""b.txt:10""#])
    }

    @Test func blankLineLayoutBatches() throws {
        let t = try TempDir()
        defer { t.remove() }
        let path = try t.write("b.txt", "a\n\nb\nb2\n\nc\n\nd\n\ne\n")
        var o = DecodeOptions()
        o.textLayout = .blankLine
        o.batchRecords = 2
        let batches = all(try source(path, relative: "b.txt", options: o))
        #expect(batches.map { $0.records.map(\.text) } == [["a", "b\nb2"], ["c", "d"], ["e"]])
        #expect(batches.flatMap { $0.records.map(\.origin.line) } == [1, 3, 6, 8, 10])
        #expect(batches.map(\.sequence) == [0, 1, 2])
        #expect(batches.map(\.bytesIn).reduce(0, +) == 17)
    }

    @Test func lineLayout() throws {
        let t = try TempDir()
        defer { t.remove() }
        let path = try t.write("l.txt", "first\r\n\nsecond\n \t\nthird")
        var o = DecodeOptions()
        o.textLayout = .line
        o.batchRecords = 2
        let batches = all(try source(path, relative: "l.txt", options: o))
        #expect(batches.map { $0.records.map(\.text) } == [["first", "second"], ["third"]])
        #expect(batches.flatMap { $0.records.map(\.origin.line) } == [1, 3, 5])
        #expect(batches.map(\.recordsIn) == [2, 1])
    }

    @Test func corruptFileReturnsEarlierRecordsThenError() throws {
        let s = try fixture("corrupt.jsonl.zst")
        let first = try #require(s.next())
        #expect(ids(first) == (1...6).map { "\"p\($0)\"" })
        #expect(first.bytesIn == 190)
        #expect(s.error?.kind == .corrupt)
        #expect(s.error?.offset == 140)
        #expect(s.next() == nil)
    }

    @Test func errorAfterFullBatchesComesWithTheLastBatch() throws {
        var o = DecodeOptions()
        o.batchRecords = 4
        let s = try fixture("corrupt.jsonl.zst", options: o)
        let batches = all(s)
        #expect(batches.map(\.recordsIn) == [4, 2])
        #expect(s.error?.kind == .corrupt)
    }

    @Test func truncatedFileSetsError() throws {
        let s = try fixture("truncated.jsonl.zst")
        #expect(s.next() == nil)
        #expect(s.error?.kind == .truncated)
    }

    @Test func notZstdIsRefused() throws {
        do {
            _ = try fixture("notzstd.jsonl.zst")
            Issue.record("expected notZstd")
        } catch {
            #expect((error as? ReadError)?.kind == .notZstd)
            #expect((error as? ReadError)?.offset == 0)
        }
    }

    @Test func emptyZstFileHasNoRecords() throws {
        let s = try fixture("empty.jsonl.zst")
        #expect(s.next() == nil)
        #expect(s.error == nil)
        let f = try fixture("empty-frame.jsonl.zst")
        #expect(f.next() == nil)
        #expect(f.error == nil)
    }

    @Test func compressionIsDetectedByMagicWhateverTheName() throws {
        let t = try TempDir()
        defer { t.remove() }
        let payload = try TestPaths.readBytes(TestPaths.zstdFixture("single.jsonl.zst"))
        let path = try t.write("plain-name.jsonl", payload)
        let batches = all(try source(path, relative: "plain-name.jsonl"))
        #expect(batches.first?.recordsIn == 10)
    }

    @Test func missingFileIsAnIOError() throws {
        do {
            _ = try source("/nonexistent/x.jsonl", relative: "x.jsonl")
            Issue.record("expected an error")
        } catch {
            #expect((error as? ReadError)?.kind == .io)
        }
    }
}
