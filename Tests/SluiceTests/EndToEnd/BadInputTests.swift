import Foundation
import Testing

/// Inputs that are partly or wholly unreadable.
@Suite struct EndToEndBadInputTests {
    /// Line 1 holds the Latin-1 byte E9 ("café" in ISO-8859-1), which is not UTF-8.
    static let latin1 = Data(#"{"id":"u1","text":"caf"#.utf8) + Data([0xE9]) + Data(#" au lait. Good."}"#.utf8) + Data("\n".utf8)
        + Data(#"{"id":"u2","text":"Fine."}"#.utf8) + Data("\n".utf8)

    @Test func invalidUTF8IsRepairedByDefault() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        try Self.latin1.write(to: tmp.appendingPathComponent("u.jsonl"))
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", tmp.appendingPathComponent("u.jsonl").path, "-o", out.path, "--progress", "none"])
        #expect(r.status == 0, "stderr: \(r.err)")
        let lines = try E2E.lines(out.appendingPathComponent("u.jsonl.zst")).map(E2E.json)
        #expect(lines.map { $0["text"] as? String } == ["caf\u{FFFD} au lait. Good.", "Fine."])
        #expect(lines.first?["sentences"] as? [String] == ["caf\u{FFFD} au lait.", "Good."])
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("_rejected").path))
        let file = try #require(try E2E.events(out.appendingPathComponent("stats.jsonl")).first)
        #expect(file["repaired"] as? [String: Int] == ["invalid_utf8": 1])
        #expect(file["records_out"] as? Int == 2)
        #expect(file["rejected"] as? [String: Int] == [:])
    }

    @Test func invalidUTF8RejectedOnRequest() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        try Self.latin1.write(to: tmp.appendingPathComponent("u.jsonl"))
        let pipeline = tmp.appendingPathComponent("strict.yaml")
        try E2E.write("decode: {invalid_utf8: reject}\nstages:\n  - clean\n  - split\n  - tag\n", to: pipeline)
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", tmp.appendingPathComponent("u.jsonl").path, "-o", out.path, "-p", pipeline.path, "--progress", "none"])
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(try E2E.lines(out.appendingPathComponent("u.jsonl.zst")).map { try E2E.json($0)["id"] as? String } == ["u2"])
        let rejected = try E2E.lines(out.appendingPathComponent("_rejected/u.jsonl.zst"))
        let rawBase64 = Self.latin1.prefix(while: { $0 != 0x0A }).base64EncodedString()
        #expect(rejected == [#"{"reason":"invalid_utf8","detail":"bytes are not valid UTF-8","raw_base64":"\#(rawBase64)","origin":{"file":"u.jsonl","line":1}}"#])
        let file = try #require(try E2E.events(out.appendingPathComponent("stats.jsonl")).first)
        #expect(file["rejected"] as? [String: Int] == ["invalid_utf8": 1])
        #expect(file["records_in"] as? Int == 2)
        #expect(file["records_out"] as? Int == 1)
        #expect(file["repaired"] == nil)
    }

    @Test func missingInputIsAUsageError() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let out = tmp.appendingPathComponent("out")
        let missing = tmp.appendingPathComponent("nope.jsonl").path
        let r = try SluiceBinary.run(["run", E2E.input.path, missing, "-o", out.path, "--progress", "none"])
        #expect(r.status == 2)
        #expect(r.err.contains("cannot read input: \(missing): No such file or directory"), "stderr: \(r.err)")
        // Nothing is started.
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// DESIGN.md: usage or configuration error → 2 (not ArgumentParser's 64).
    @Test func usageErrors() throws {
        let noOutput = try SluiceBinary.run(["run", E2E.input.path])
        #expect(noOutput.status == 2)
        #expect(noOutput.err.contains("Missing expected argument '--output <output>'"))
        let jobs = try SluiceBinary.run(["run", E2E.input.path, "-o", "-", "--jobs", "0"])
        #expect(jobs.status == 2)
        #expect(jobs.err.contains("--jobs must be at least 1"))
        // A negative number is a value to refuse, not a missing one (it looked like an option).
        let negative = try SluiceBinary.run(["run", E2E.input.path, "-o", "-", "--jobs", "-1"])
        #expect(negative.status == 2)
        #expect(negative.err.contains("--jobs must be at least 1"), "stderr: \(negative.err)")
        let seconds = try SluiceBinary.run(["run", E2E.input.path, "-o", "-", "--checkpoint-seconds", "-5"])
        #expect(seconds.err.contains("--checkpoint-seconds must be positive"), "stderr: \(seconds.err)")
        // The stream commands check theirs too (--jobs 0 used to run).
        for args in [["clean", "--jobs", "0"], ["split", "--jobs=-2"], ["tag", "--slow-record-seconds", "-1"]] {
            // No stdin: it is refused before reading any (a pipe written to after it exits
            // would kill the test with SIGPIPE).
            let r = try SluiceBinary.run(args)
            #expect(r.status == 2, "\(args)")
            #expect(r.out.isEmpty, "\(args)")
            #expect(r.err.contains(args[0] == "tag" ? "--slow-record-seconds must be 0 or more" : "--jobs must be at least 1"), "\(args): \(r.err)")
        }
        #expect(try SluiceBinary.run(["bogus"]).status == 2)
        #expect(try SluiceBinary.run(["run", E2E.input.path, "-o", "-", "--progress", "fancy"]).status == 2)
        let help = try SluiceBinary.run(["run", "--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("--output"))
        let pipeline = try SluiceBinary.run(["run", E2E.input.path, "-o", "-", "-p", "/nonexistent/p.yaml"])
        #expect(pipeline.status == 2)
        #expect(pipeline.err.contains("/nonexistent/p.yaml"))
    }

    /// chmod 000 only makes a file unreadable for a non-root user.
    @Test(.enabled(if: getuid() != 0, "root can read a chmod 000 file"))
    func unreadableFile() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let dir = tmp.appendingPathComponent("in")
        try E2E.write(#"{"id":"x","text":"Locked."}"# + "\n", to: dir.appendingPathComponent("x.jsonl"))
        try E2E.write(#"{"id":"y","text":"Open."}"# + "\n", to: dir.appendingPathComponent("y.jsonl"))
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: dir.appendingPathComponent("x.jsonl").path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: dir.appendingPathComponent("x.jsonl").path) }
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", dir.path, "-o", out.path, "--progress", "none"])
        #expect(r.status == 1)
        #expect(r.err.contains("failed: x.jsonl: cannot open: Permission denied"), "stderr: \(r.err)")
        #expect(try E2E.lines(out.appendingPathComponent("y.jsonl.zst")).count == 1)
        let events = try E2E.events(out.appendingPathComponent("stats.jsonl"))
        let x = try #require(events.first { $0["file"] as? String == "x.jsonl" })
        #expect(x["status"] as? String == "failed")
        #expect(events.last?["failed"] as? [String] == ["x.jsonl"])
    }

    /// A read error (EIO from /proc/self/mem, even for root): that file fails, the others are done.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/mem")))
    func readErrorFailsOnlyThatFile() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let dir = tmp.appendingPathComponent("in")
        try E2E.write(#"{"id":"y","text":"Open."}"# + "\n", to: dir.appendingPathComponent("y.jsonl"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("x.jsonl").path, withDestinationPath: "/proc/self/mem")
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", dir.path, "-o", out.path, "--progress", "none"])
        #expect(r.status == 1)
        #expect(r.err.contains("failed: x.jsonl: read failed: Input/output error"), "stderr: \(r.err)")
        #expect(try E2E.lines(out.appendingPathComponent("y.jsonl.zst")).count == 1)
        let events = try E2E.events(out.appendingPathComponent("stats.jsonl"))
        #expect(events.first { $0["file"] as? String == "x.jsonl" }?["status"] as? String == "failed")
        #expect(events.first { $0["file"] as? String == "y.jsonl" }?["status"] as? String == "done")
        #expect(events.last?["failed"] as? [String] == ["x.jsonl"])
    }
}
