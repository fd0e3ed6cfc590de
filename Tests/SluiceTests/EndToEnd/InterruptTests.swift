import Foundation
import Testing

/// SIGINT stops a run promptly with status 130.
@Suite struct EndToEndInterruptTests {
    @Test func sigintExits130() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        // ~30 MB of JSONL: far more than the debug build processes in a few seconds.
        var block = ""
        for i in 0..<1000 {
            block += #"{"id":"g\#(i)","text":"Sentence number \#(i) is here. Another one follows it, with Dr. Smith at 5 p.m. today. #tag\#(i % 7)"}"# + "\n"
        }
        let input = tmp.appendingPathComponent("big.jsonl")
        _ = FileManager.default.createFile(atPath: input.path, contents: nil)
        let h = try FileHandle(forWritingTo: input)
        let chunk = Data(block.utf8)
        for _ in 0..<(30_000_000 / chunk.count) { try h.write(contentsOf: chunk) }
        try h.close()

        let out = tmp.appendingPathComponent("out")
        let running = try SluiceBinary.start(["run", input.path, "-o", out.path, "--progress", "none"])
        Thread.sleep(forTimeInterval: 0.3)
        #expect(running.process.isRunning)
        let signalled = Date()
        kill(running.process.processIdentifier, SIGINT)
        let result = running.wait()
        let elapsed = Date().timeIntervalSince(signalled)
        #expect(result.status == 130, "stderr: \(result.err)")
        #expect(elapsed < 2, "exited \(elapsed) s after SIGINT")
        #expect(result.err.contains("interrupted"))
        // The interrupted file is not published under its final name.
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("big.jsonl.zst").path))
        let run = try E2E.events(out.appendingPathComponent("stats.jsonl")).last
        #expect(run?["status"] as? String == "interrupted")
    }

    /// A second run into an output that a run is writing is refused (exit 2) and changes
    /// nothing; once the first has ended, the same command resumes it. Both runs once failed,
    /// renaming each other's checkpoints away, and the journal stayed wrong.
    @Test func secondRunIntoTheSameOutputIsRefused() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        var block = ""
        for i in 0..<1000 { block += #"{"id":"g\#(i)","text":"Sentence number \#(i) is here. Another one follows."}"# + "\n" }
        let input = tmp.appendingPathComponent("big.jsonl")
        try Data(String(repeating: block, count: 200).utf8).write(to: input)
        let out = tmp.appendingPathComponent("out")
        let args = ["run", input.path, "-o", out.path, "--progress", "none", "--jobs", "1"]
        let first = try SluiceBinary.start(args)
        // The first run holds the lock once its journal exists.
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: out.appendingPathComponent(".sluice/run.json").path) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(first.process.isRunning)
        let second = try SluiceBinary.run(args)
        #expect(second.status == 2, "stderr: \(second.err)")
        #expect(second.err.contains("another sluice run is writing there now; wait for it to end (or stop it), then run the same command again"),
                "stderr: \(second.err)")
        kill(first.process.processIdentifier, SIGINT)
        #expect(first.wait().status == 130)
        let again = try SluiceBinary.run(args)
        #expect(again.status == 0, "stderr: \(again.err)")
        #expect(again.err.contains("1 resumed") || again.err.contains("1 started"), "stderr: \(again.err)")
        #expect(try E2E.lines(out.appendingPathComponent("big.jsonl.zst")).count == 1000)
    }
}
