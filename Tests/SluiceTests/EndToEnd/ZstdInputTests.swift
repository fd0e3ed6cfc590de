import Foundation
import Testing

/// `sluice run` on the zstd fixtures (Fixtures/zstd, see its README).
@Suite struct EndToEndZstdTests {
    struct Outcome {
        var result: SluiceBinary.Result
        var lines: [String]
        var fileEvent: [String: Any]
        var run: [String: Any]
    }

    /// Runs one fixture (or stdin when `stdin` is given) into a fresh directory.
    static func run(_ name: String, extra: [String] = []) throws -> Outcome {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", E2E.zstd.appendingPathComponent(name).path, "-o", out.path, "--progress", "none"] + extra)
        let outFile = out.appendingPathComponent(name)
        let lines = FileManager.default.fileExists(atPath: outFile.path) ? try E2E.lines(outFile) : []
        let events = try E2E.events(out.appendingPathComponent("stats.jsonl"))
        #expect(!E2E.files(out).contains { $0.hasSuffix(".partial") })
        return Outcome(result: r, lines: lines,
                       fileEvent: try #require(events.first { $0["event"] as? String == "file" }),
                       run: try #require(events.last))
    }

    /// The payload's records as written for `single.jsonl.zst`, with the origin file renamed.
    static func payload(as name: String) throws -> [String] {
        let single = try run("single.jsonl.zst")
        #expect(single.result.status == 0)
        return single.lines.map { $0.replacingOccurrences(of: #""file":"single.jsonl.zst""#, with: #""file":"\#(name)""#) }
    }

    @Test func singleFrame() throws {
        let o = try Self.run("single.jsonl.zst")
        #expect(o.result.status == 0)
        #expect(o.lines.count == 10)
        #expect(o.lines.first == #"{"id":"p1","text":"Line one.","sentences":["Line one."],"lang":"de","lang_score":0.0597"#
            + #","date":null,"tags":[],"attributes":{"counts":{"words":2,"sentences":1,"chars":9}},"origin":{"file":"single.jsonl.zst","line":1}}"#)
        #expect(o.lines.last == #"{"id":"p10","text":"Line ten.","sentences":["Line ten."],"lang":"de","lang_score":0.0862"#
            + #","date":null,"tags":[],"attributes":{"counts":{"words":2,"sentences":1,"chars":9}},"origin":{"file":"single.jsonl.zst","line":10}}"#)
        #expect(o.fileEvent["records_in"] as? Int == 10)
        #expect(o.fileEvent["bytes_in"] as? Int == 132)
        #expect(o.fileEvent["bytes_decompressed"] as? Int == 320)
    }

    @Test(arguments: ["multi.jsonl.zst", "skippable.jsonl.zst", "nosize.jsonl.zst", "long31.jsonl.zst"])
    func sameRecordsAsSingle(_ name: String) throws {
        let o = try Self.run(name)
        #expect(o.result.status == 0, "stderr: \(o.result.err)")
        #expect(o.lines == (try Self.payload(as: name)))
        #expect(o.fileEvent["status"] as? String == "done")
        #expect(o.fileEvent["records_out"] as? Int == 10)
        #expect(o.fileEvent["bytes_decompressed"] as? Int == 320)
    }

    /// A 2 GiB window frame decodes; its lines are not JSON, so all go to `_rejected` verbatim.
    @Test func longWindow() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", E2E.zstd.appendingPathComponent("longwindow.jsonl.zst").path, "-o", out.path, "--progress", "none"])
        #expect(r.status == 0, "stderr: \(r.err)")
        let raw = try E2E.lines(out.appendingPathComponent("_rejected/longwindow.jsonl.zst")).map { try E2E.json($0) }
        #expect(raw.count == 426)
        #expect(Set(raw.map { $0["reason"] as? String }) == ["invalid_json"])
        // The raw lines are the decompressed content (32802 bytes), line for line.
        let text = raw.map { ($0["raw"] as? String ?? "<none>") + "\n" }.joined()
        #expect(text.utf8.count == 32802)
        #expect(raw.map { ($0["origin"] as? [String: Any])?["line"] as? Int } == Array(1...426))
        #expect(try E2E.lines(out.appendingPathComponent("longwindow.jsonl.zst")).isEmpty)
        let file = try #require(try E2E.events(out.appendingPathComponent("stats.jsonl")).first)
        #expect(file["rejected"] as? [String: Int] == ["invalid_json": 426])
        #expect(file["bytes_decompressed"] as? Int == 32802)
    }

    @Test func truncated() throws {
        let o = try Self.run("truncated.jsonl.zst")
        #expect(o.result.status == 1)
        #expect(o.result.err.contains("failed: truncated.jsonl.zst: zstd stream ends inside a frame (truncated file) at byte 66"))
        #expect(o.fileEvent["status"] as? String == "failed")
        #expect((o.fileEvent["error"] as? String)?.contains("at byte 66") == true)
        #expect(o.fileEvent["records_in"] as? Int == 0)
        #expect(o.lines.isEmpty)
        #expect(o.run["failed"] as? [String] == ["truncated.jsonl.zst"])
    }

    /// Frames 1–2 decode (p1–p6) before frame 3 (at byte 140) fails; those records are kept.
    @Test(arguments: [("corrupt.jsonl.zst", "Data corruption detected"),
                      ("badchecksum.jsonl.zst", "Restored data doesn't match checksum")])
    func damagedThirdFrame(_ name: String, _ message: String) throws {
        let o = try Self.run(name)
        #expect(o.result.status == 1)
        #expect(o.result.err.contains("failed: \(name): zstd: \(message) at byte 140 of the compressed input; records before it were kept"), "stderr: \(o.result.err)")
        #expect(o.fileEvent["status"] as? String == "failed")
        #expect((o.fileEvent["error"] as? String)?.contains("at byte 140") == true)
        #expect(o.lines == Array(try Self.payload(as: name).prefix(6)))
        #expect(o.fileEvent["records_in"] as? Int == 6)
        #expect(o.fileEvent["records_out"] as? Int == 6)
        #expect(o.fileEvent["bytes_decompressed"] as? Int == 190)
        #expect(o.run["status"] as? String == "failed")  // some inputs failed: the run event says so (exit 1)
    }

    @Test func notZstd() throws {
        let o = try Self.run("notzstd.jsonl.zst")
        #expect(o.result.status == 1)
        #expect(o.result.err.contains("failed: notzstd.jsonl.zst: named .zst but not zstd data (no zstd magic bytes)"), "stderr: \(o.result.err)")
        #expect(o.fileEvent["status"] as? String == "failed")
        #expect(o.fileEvent["records_in"] as? Int == 0)
    }

    @Test(arguments: ["empty.jsonl.zst", "empty-frame.jsonl.zst"])
    func emptyInputs(_ name: String) throws {
        let o = try Self.run(name)
        #expect(o.result.status == 0, "stderr: \(o.result.err)")
        #expect(o.lines.isEmpty)
        #expect(o.fileEvent["status"] as? String == "done")
        #expect(o.fileEvent["records_in"] as? Int == 0)
        #expect(o.fileEvent["records_out"] as? Int == 0)
    }

    /// One damaged input fails; the others in the same run are still done.
    @Test func failureDoesNotStopOtherFiles() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", E2E.zstd.appendingPathComponent("corrupt.jsonl.zst").path,
                                      E2E.zstd.appendingPathComponent("multi.jsonl.zst").path,
                                      "-o", out.path, "--progress", "none", "--jobs", "2"])
        #expect(r.status == 1)
        // p1…p6 were read from corrupt.jsonl.zst (given first) before its damage, so exact
        // dedup drops them from multi.jsonl.zst: 4 of its 10 records remain.
        #expect(try E2E.lines(out.appendingPathComponent("multi.jsonl.zst")).count == 4)
        let run = try #require(try E2E.events(out.appendingPathComponent("stats.jsonl")).last)
        #expect(run["files"] as? Int == 2)
        #expect(run["records_in"] as? Int == 16)
        #expect(run["failed"] as? [String] == ["corrupt.jsonl.zst"])
    }

    /// `-` reads stdin; zstd is detected by its magic, plain JSONL is read as is.
    @Test func stdinDetectsZstd() throws {
        let skippable = try Data(contentsOf: E2E.zstd.appendingPathComponent("skippable.jsonl.zst"))
        let r = try SluiceBinary.run(["run", "-", "-o", "-", "--progress", "none"], stdin: skippable)
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.lines.map { try? E2E.json($0)["id"] as? String } == (1...10).map { "p\($0)" })
        let plain = try Data(contentsOf: E2E.zstd.appendingPathComponent("notzstd.jsonl.zst"))
        let p = try SluiceBinary.run(["run", "-", "-o", "-", "--progress", "none"], stdin: plain)
        #expect(p.status == 0)
        #expect(p.lines.map { try? E2E.json($0)["text"] as? String } == ["This file is not compressed."])
    }
}
