import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Resume inside an archive (issue 13, point 1): the checkpoint names the member and the
/// position in it, and the resumed outputs are byte-identical to an uninterrupted run's.
@Suite(.serialized) struct EndToEndArchiveResumeTests {
    /// A `.tar.zst` of 30 JSONL members (300 records each, every 40th a duplicate, every 97th
    /// broken) and 120 text members, in a fresh directory; the caller removes it.
    static func corpus() throws -> URL {
        let tmp = try E2E.tempDir()
        let src = tmp.appendingPathComponent("src")
        var rng = SplitMix64(seed: 13)
        for m in 0..<30 {
            try Corpus.write(src.appendingPathComponent(String(format: "part-%02d.jsonl", m)), records: 300,
                             prefix: "p\(m)", rng: &rng, brokenEvery: 97, repeatEvery: 40)
        }
        for t in 0..<120 {
            var sentences: [String] = []
            for _ in 0..<(3 + Int(rng.next() % 6)) {
                var ws: [String] = []
                for _ in 0..<(6 + Int(rng.next() % 8)) { ws.append(Corpus.words[Int(rng.next() % UInt64(Corpus.words.count))]) }
                sentences.append(ws.joined(separator: " ").capitalizedFirst + ".")
            }
            try E2E.write(sentences.joined(separator: " ") + "\n", to: src.appendingPathComponent(String(format: "text/%03d.txt", t)))
        }
        try FileManager.default.createDirectory(at: tmp.appendingPathComponent("in"), withIntermediateDirectories: true)
        try EndToEndArchiveTests.tool(["tar", "--sort=name", "--zstd", "-C", src.path, "-cf", tmp.appendingPathComponent("in/dump.tar.zst").path, "."],
                                      cwd: tmp)
        return tmp
    }

    static func command(_ tmp: URL, _ out: String) -> [String] {
        ["run", tmp.appendingPathComponent("in").path, "-o", tmp.appendingPathComponent(out).path, "--progress", "none",
         "--jobs", "2", "--checkpoint-records", "50"]
    }

    /// The run stops at a file size limit after some checkpoints; the next run resumes inside
    /// the archive and ends with the outputs of an uninterrupted run.
    @Test func writeFailureResumesInsideTheArchive() throws {
        let tmp = try Self.corpus()
        defer { E2E.remove(tmp) }
        let reference = try SluiceBinary.run(Self.command(tmp, "ref"))
        #expect(reference.status == 0, "stderr: \(reference.err)")

        let limited = try SluiceBinary.runWithFileSizeLimit(Self.command(tmp, "out"))
        #expect(limited.status == 1, "stderr: \(limited.err)")
        let journal = try String(contentsOf: tmp.appendingPathComponent("out/.sluice/files").appendingPathComponent(
            try #require(FileManager.default.contentsOfDirectory(atPath: tmp.appendingPathComponent("out/.sluice/files").path).first)), encoding: .utf8)
        let checkpoint = try E2E.json(journal)
        // Stopped inside the archive, at a named member.
        #expect((checkpoint["unit"] as? Int ?? 0) > 0, "checkpoint: \(journal)")
        #expect((checkpoint["member"] as? String)?.hasPrefix("part-") == true, "checkpoint: \(journal)")

        let resumed = try SluiceBinary.run(Self.command(tmp, "out"))
        #expect(resumed.status == 0, "stderr: \(resumed.err)")
        #expect(resumed.err.contains("1 resumed"), "stderr: \(resumed.err)")
        try EndToEndResumeTests().expectSameOutputs(tmp.appendingPathComponent("out"), tmp.appendingPathComponent("ref"), resumed: true)
    }

    /// SIGKILL at seeded random moments, then resume: byte-identical outputs.
    @Test func killedRunsResumeInsideTheArchive() throws {
        let tmp = try Self.corpus()
        defer { E2E.remove(tmp) }
        let t0 = Date()
        let reference = try SluiceBinary.run(Self.command(tmp, "ref"))
        let seconds = Date().timeIntervalSince(t0)
        #expect(reference.status == 0, "stderr: \(reference.err)")

        var rng = SplitMix64(seed: 0xA2C4)
        var kills = 0, attempts = 0
        while kills < 4 && attempts < 30 {
            attempts += 1
            let running = try SluiceBinary.start(Self.command(tmp, "out"))
            Thread.sleep(forTimeInterval: seconds * (0.1 + 0.25 * rng.nextUnit()))
            if running.process.isRunning { kill(running.process.processIdentifier, SIGKILL) }
            let r = running.wait()
            if running.process.terminationReason == .uncaughtSignal {
                kills += 1
            } else {
                #expect(r.status == 0, "stderr: \(r.err)")
                break
            }
        }
        print("EndToEndArchiveResumeTests: \(kills) kills landed in \(attempts) attempts")
        #expect(kills >= 2, "only \(kills) kills landed in \(attempts) attempts")
        let r = try SluiceBinary.run(Self.command(tmp, "out"))
        #expect(r.status == 0, "stderr: \(r.err)")
        try EndToEndResumeTests().expectSameOutputs(tmp.appendingPathComponent("out"), tmp.appendingPathComponent("ref"), resumed: kills > 0)
    }
}
