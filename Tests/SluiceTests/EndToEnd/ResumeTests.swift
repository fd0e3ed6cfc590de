import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Resume end to end (issue 3): kills, SIGINT, write failures, changed pipelines and inputs,
/// `sluice status`. Serialized: the timings (kill delays, SIGINT within 2 s) assume the run
/// under test has the machine's cores to itself.
@Suite(.serialized) struct EndToEndResumeTests {

    // MARK: 1. SIGKILL at seeded random moments, then resume to completion

    @Test func killedRunsResumeToIdenticalOutputs() throws {
        let shared = try Shared.get()
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let out = tmp.appendingPathComponent("out")
        var rng = SplitMix64(seed: 0x5EED_1CE)
        var kills = 0, attempts = 0, completedEarly = false
        while kills < 6 && attempts < 40 {
            attempts += 1
            // 3–15 % of an uninterrupted run: the kills land at different stages of the work
            // and six of them cannot finish it.
            let delay = shared.referenceSeconds * (0.03 + 0.12 * rng.nextUnit())
            let running = try SluiceBinary.start(shared.command(out))
            Thread.sleep(forTimeInterval: delay)
            if running.process.isRunning { kill(running.process.processIdentifier, SIGKILL) }
            let r = running.wait()
            if running.process.terminationReason == .uncaughtSignal {
                #expect(r.status == SIGKILL)
                kills += 1
            } else {
                // It finished before the kill: nothing left to interrupt.
                #expect(r.status == 0, "stderr: \(r.err)")
                completedEarly = true
                break
            }
        }
        print("EndToEndResumeTests: \(kills) kills landed in \(attempts) attempts")
        #expect(kills >= 5, "only \(kills) kills landed in \(attempts) attempts (completed early: \(completedEarly))")
        let r = try SluiceBinary.run(shared.command(out))
        #expect(r.status == 0, "stderr: \(r.err)")
        // Kills that land before a file's first checkpoint leave none, so whether the summary
        // lists resumed files depends on timing; the outputs must be identical either way.
        #expect(r.err.hasPrefix("sluice: completed: 3 files"), "stderr: \(r.err)")
        try expectSameOutputs(out, shared.reference, resumed: true)
    }

    // MARK: 2. The summary of a resumed run

    @Test func resumedRunSummaryCountsDoneResumedAndStartedFiles() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let corpus = tmp.appendingPathComponent("in")
        var rng = SplitMix64(seed: 2)
        try Corpus.writeSmallAndBig(in: corpus, rng: &rng)
        let out = tmp.appendingPathComponent("out")
        let args = ["run", corpus.path, "-o", out.path, "--jobs", "1", "--progress", "none", "--checkpoint-records", "64"]

        // a.jsonl completes; big.jsonl stops at the file size limit after some checkpoints.
        let limited = try SluiceBinary.runWithFileSizeLimit(args)
        #expect(limited.status == 1, "stderr: \(limited.err)")
        #expect(limited.err.contains("sluice: failed: 2 files (1 failed); 50 records in, 50 out, 0 rejected, 0 dropped; "), "stderr: \(limited.err)")
        try Corpus.write(corpus.appendingPathComponent("c.jsonl"), records: 20, prefix: "c", rng: &rng)

        let r = try SluiceBinary.run(args)
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.err.hasPrefix("sluice: completed: 3 files (1 already done, 1 resumed, 1 started); 1070 records in, 1070 out, 0 rejected, 0 dropped; "), "stderr: \(r.err)")

        let again = try SluiceBinary.run(args)
        #expect(again.status == 0, "stderr: \(again.err)")
        #expect(again.err.hasPrefix("sluice: completed: 3 files (3 already done, 0 started); 1070 records in, 1070 out, 0 rejected, 0 dropped; "), "stderr: \(again.err)")
        #expect(again.err.contains(", all read by an earlier run → "), "stderr: \(again.err)")

        // A fresh run's summary has no such detail.
        let fresh = try SluiceBinary.run(["run", corpus.path, "-o", tmp.appendingPathComponent("fresh").path, "--progress", "none"])
        #expect(fresh.err.hasPrefix("sluice: completed: 3 files; 1070 records in, 1070 out, 0 rejected, 0 dropped; "), "stderr: \(fresh.err)")
        try expectSameOutputs(out, tmp.appendingPathComponent("fresh"), resumed: true)
    }

    // MARK: 3. A different pipeline is refused unless --restart

    @Test func changedPipelineIsRefusedUnlessRestart() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let corpus = tmp.appendingPathComponent("in")
        var rng = SplitMix64(seed: 3)
        try Corpus.write(corpus.appendingPathComponent("a.jsonl"), records: 120, prefix: "a", rng: &rng, brokenEvery: 40)
        try Corpus.write(corpus.appendingPathComponent("sub/b.jsonl"), records: 60, prefix: "b", rng: &rng)
        let out = tmp.appendingPathComponent("out")
        let first = try SluiceBinary.run(["run", corpus.path, "-o", out.path, "--progress", "none"])
        #expect(first.status == 0, "stderr: \(first.err)")
        let before = try snapshot(out)

        let text = E2E.root.appendingPathComponent("Pipelines/corpus-text.yaml").path
        let refused = try SluiceBinary.run(["run", corpus.path, "-o", out.path, "-p", text, "--progress", "none"])
        #expect(refused.status == 2)
        #expect(refused.err == """
            this output directory was started with a different pipeline ('news', now 'corpus-text'):
              was: tag/2 hashtags=true counts=true patterns=true spans=false pii=true
              was: sink format=jsonl compression_level=3 write_dropped=true
              now: sink format=text compression_level=3 write_dropped=true
            use the same pipeline to resume, --restart to start over, or another --output directory

            """)
        // Refusing touched nothing.
        #expect(try snapshot(out) == before)

        let restarted = try SluiceBinary.run(["run", corpus.path, "-o", out.path, "-p", text, "--progress", "none", "--restart"])
        #expect(restarted.status == 0, "stderr: \(restarted.err)")
        #expect(restarted.err.hasPrefix("sluice: completed: 2 files; 180 records in, 177 out, 3 rejected, 0 dropped; "), "stderr: \(restarted.err)")
        let clean = tmp.appendingPathComponent("clean")
        let c = try SluiceBinary.run(["run", corpus.path, "-o", clean.path, "-p", text, "--progress", "none"])
        #expect(c.status == 0, "stderr: \(c.err)")
        #expect(E2E.files(clean) == ["_rejected/a.jsonl.zst", "a.txt.zst", "stats.jsonl", "sub/b.txt.zst"])
        try expectSameOutputs(out, clean, resumed: false)
    }

    @Test func restartOfAnUnfinishedRunWithAnotherPipeline() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let corpus = tmp.appendingPathComponent("in")
        var rng = SplitMix64(seed: 33)
        try Corpus.write(corpus.appendingPathComponent("big.jsonl"), records: 1000, prefix: "big", rng: &rng, brokenEvery: 100)
        let out = tmp.appendingPathComponent("out")
        // Stopped by the file size limit: big.jsonl is in progress, its outputs partial.
        let limited = try SluiceBinary.runWithFileSizeLimit(["run", corpus.path, "-o", out.path, "--progress", "none", "--checkpoint-records", "64"])
        #expect(limited.status == 1, "stderr: \(limited.err)")
        #expect(E2E.files(out) == ["_rejected/big.jsonl.zst.partial", "big.jsonl.zst.partial", "stats.jsonl"])

        let text = E2E.root.appendingPathComponent("Pipelines/corpus-text.yaml").path
        let args = ["run", corpus.path, "-o", out.path, "-p", text, "--progress", "none"]
        let refused = try SluiceBinary.run(args)
        #expect(refused.status == 2)
        #expect(refused.err.hasPrefix("this output directory was started with a different pipeline ('news', now 'corpus-text'):\n"), "\(refused.err)")
        let restarted = try SluiceBinary.run(args + ["--restart"])
        #expect(restarted.status == 0, "stderr: \(restarted.err)")
        #expect(restarted.err.hasPrefix("sluice: completed: 1 file; 1000 records in, 990 out, 10 rejected, 0 dropped; "), "stderr: \(restarted.err)")
        let clean = tmp.appendingPathComponent("clean")
        #expect(try SluiceBinary.run(["run", corpus.path, "-o", clean.path, "-p", text, "--progress", "none"]).status == 0)
        #expect(E2E.files(clean) == ["_rejected/big.jsonl.zst", "big.txt.zst", "stats.jsonl"])
        try expectSameOutputs(out, clean, resumed: false)
    }

    // MARK: 4. Changed, new and vanished inputs

    @Test func changedNewAndVanishedInputs() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let corpus = tmp.appendingPathComponent("in")
        var rng = SplitMix64(seed: 4)
        for name in ["a", "b", "c"] {
            try Corpus.write(corpus.appendingPathComponent("\(name).jsonl"), records: 100, prefix: name, rng: &rng)
        }
        let out = tmp.appendingPathComponent("out")
        let args = ["run", corpus.path, "-o", out.path, "--progress", "none", "--checkpoint-records", "64"]
        #expect(try SluiceBinary.run(args).status == 0)

        // Append one record to b.jsonl: it is redone from its start.
        let b = corpus.appendingPathComponent("b.jsonl")
        let oldSize = try Data(contentsOf: b).count
        let h = try FileHandle(forWritingTo: b)
        try h.seekToEnd()
        let extra = Data((#"{"id":"b-extra","text":"One more record arrived late. It changes the file."}"# + "\n").utf8)
        try h.write(contentsOf: extra)
        try h.close()
        let r = try SluiceBinary.run(args)
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.err.hasPrefix("""
            sluice: b.jsonl: input changed since its checkpoint (size \(oldSize) → \(oldSize + extra.count) bytes); redoing it from the start
            sluice: completed: 3 files (2 already done, 1 started); 301 records in, 301 out, 0 rejected, 0 dropped; 
            """), "stderr: \(r.err)")
        let fresh = tmp.appendingPathComponent("fresh")
        #expect(try SluiceBinary.run(["run", corpus.path, "-o", fresh.path, "--progress", "none"]).status == 0)
        try expectSameOutputs(out, fresh, resumed: true)

        // A new input is processed; a removed one is reported, its finished outputs kept.
        try Corpus.write(corpus.appendingPathComponent("d.jsonl"), records: 30, prefix: "d", rng: &rng)
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("c.jsonl"))
        let r2 = try SluiceBinary.run(args)
        #expect(r2.status == 0, "stderr: \(r2.err)")
        #expect(r2.err.hasPrefix("""
            sluice: 1 input of the earlier run no longer exists: c.jsonl
            sluice: completed: 4 files (3 already done, 1 started); 331 records in, 331 out, 0 rejected, 0 dropped; 
            """), "stderr: \(r2.err)")
        let fresh2 = tmp.appendingPathComponent("fresh2")
        #expect(try SluiceBinary.run(["run", corpus.path, "-o", fresh2.path, "--progress", "none"]).status == 0)
        #expect(E2E.files(out) == ["a.jsonl.zst", "b.jsonl.zst", "c.jsonl.zst", "d.jsonl.zst", "stats.jsonl"])
        #expect(try E2E.decompress(out.appendingPathComponent("d.jsonl.zst").path)
                == E2E.decompress(fresh2.appendingPathComponent("d.jsonl.zst").path))
        let events = try fileEvents(out)
        #expect(events.keys.sorted() == ["a.jsonl", "b.jsonl", "c.jsonl", "d.jsonl"])
        #expect(events["d.jsonl"] == (try fileEvents(fresh2))["d.jsonl"])
    }

    // MARK: 5. SIGINT, then resume; `sluice status` on the way

    @Test func sigintCheckpointsThenResumes() throws {
        let shared = try Shared.get()
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let out = tmp.appendingPathComponent("out")
        // One file at a time: big.jsonl (sorted first, 2/3 of the corpus) is in flight.
        let args = shared.command(out, jobs: 1)
        let running = try SluiceBinary.start(args)
        Thread.sleep(forTimeInterval: max(0.4, 0.25 * shared.referenceSeconds))
        try #require(running.process.isRunning)
        let signalled = Date()
        kill(running.process.processIdentifier, SIGINT)
        let r = running.wait()
        let elapsed = Date().timeIntervalSince(signalled)
        #expect(r.status == 130, "stderr: \(r.err)")
        #expect(elapsed < 2, "exited \(elapsed) s after SIGINT")
        #expect(r.err.hasSuffix("sluice: interrupted; run the same command again to resume\n"), "stderr: \(r.err)")

        let checkpoints = try checkpointFiles(out)
        #expect(checkpoints.keys.sorted() == ["big.jsonl.json"])
        let cp = try #require(checkpoints["big.jsonl.json"])
        #expect(cp["status"] as? String == "in_progress")
        #expect((cp["next_sequence"] as? Int ?? 0) > 0)
        #expect((cp["output_bytes"] as? Int ?? 0) > 0)
        let partial = out.appendingPathComponent("big.jsonl.zst.partial").path
        #expect(try FileManager.default.attributesOfItem(atPath: partial)[.size] as? Int == cp["output_bytes"] as? Int)
        #expect(try E2E.events(out.appendingPathComponent("stats.jsonl")).last?["status"] as? String == "interrupted")

        let status = try SluiceBinary.run(["status", out.path])
        #expect(status.status == 0, "stderr: \(status.err)")
        let lines = status.lines
        #expect(lines.contains("files: 3 — 0 done, 0 failed, 1 in progress, 2 pending"), "\(status.out)")
        #expect(lines.contains { $0.hasPrefix("  in_progress big.jsonl  \(cp["stats"].flatMap { ($0 as? [String: Any])?["records_in"] as? Int } ?? -1) records, checkpoint ") }, "\(status.out)")
        #expect(lines.contains("  pending     c.jsonl") && lines.contains("  pending     sub/b.jsonl.zst"), "\(status.out)")
        #expect(lines.contains("pipeline: unchanged") && lines.contains("inputs: unchanged"), "\(status.out)")

        let resumed = try SluiceBinary.run(args)
        #expect(resumed.status == 0, "stderr: \(resumed.err)")
        #expect(resumed.err.hasPrefix("sluice: completed: 3 files (1 resumed, 2 started); 6000 records in, 5690 out, 57 rejected, 253 dropped; "), "stderr: \(resumed.err)")
        try expectSameOutputs(out, shared.reference, resumed: true)

        let done = try SluiceBinary.run(["status", out.path])
        #expect(done.lines.contains("files: 3 — 3 done, 0 failed, 0 in progress, 0 pending"), "\(done.out)")
        #expect(done.lines.contains("records done: 6000"), "\(done.out)")
        #expect(done.lines.contains("pipeline: unchanged") && done.lines.contains("inputs: unchanged"), "\(done.out)")
    }

    // MARK: 6. Write failures

    @Test func fileSizeLimitFailsResumably() throws {
        let shared = try Shared.get()
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let out = tmp.appendingPathComponent("out")
        // Every output of the corpus is larger than 64 KiB compressed.
        let limited = try SluiceBinary.runWithFileSizeLimit(shared.command(out))
        #expect(limited.status == 1, "stderr: \(limited.err)")
        #expect(limited.err.contains("File too large (no space or file size limit: free space and run the same command again to resume)"), "stderr: \(limited.err)")
        #expect(limited.err.contains("sluice: outputs could not be written; fix the cause and run the same command again to resume"), "stderr: \(limited.err)")
        #expect(limited.err.contains("sluice: failed: 3 files (3 failed);"), "stderr: \(limited.err)")

        // The journal is consistent: every entry parses, is in progress, and describes a
        // prefix of its partial output.
        let checkpoints = try checkpointFiles(out)
        #expect(checkpoints.keys.sorted() == ["big.jsonl.json", "c.jsonl.json", "sub%2Fb.jsonl.zst.json"])
        for (name, cp) in checkpoints {
            #expect(cp["status"] as? String == "in_progress", "\(name)")
            let length = cp["output_bytes"] as? Int ?? -1
            #expect(length > 0 && length <= 64 * 1024, "\(name): \(length)")
            let stem = (cp["file"] as? String ?? "").replacingOccurrences(of: ".jsonl.zst", with: "").replacingOccurrences(of: ".jsonl", with: "")
            let size = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(stem + ".jsonl.zst.partial").path)[.size] as? Int
            #expect((size ?? 0) >= length, "\(name)")
        }
        #expect(E2E.files(out).filter { !$0.hasSuffix(".partial") } == ["stats.jsonl"])

        let r = try SluiceBinary.run(shared.command(out))
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.err.hasPrefix("sluice: completed: 3 files (3 resumed, 0 started); 6000 records in, 5690 out, 57 rejected, 253 dropped; "), "stderr: \(r.err)")
        try expectSameOutputs(out, shared.reference, resumed: true)
    }

    @Test func unwritableOutputDirectory() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let file = tmp.appendingPathComponent("file.txt")
        try E2E.write("not a directory\n", to: file)
        let out = file.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", E2E.input.path, "-o", out.path, "--progress", "none"])
        #expect(r.status == 2)
        #expect(r.err == "cannot create directory \(out.path): Not a directory\n")
        #expect(r.out.isEmpty)
    }

    // MARK: 7. `sluice status` after the pipeline file or an input was edited

    @Test func statusReportsChangedPipelineFileAndInputs() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let corpus = tmp.appendingPathComponent("in")
        var rng = SplitMix64(seed: 7)
        try Corpus.write(corpus.appendingPathComponent("a.jsonl"), records: 40, prefix: "a", rng: &rng)
        try Corpus.write(corpus.appendingPathComponent("b.jsonl"), records: 40, prefix: "b", rng: &rng)
        let pipeline = tmp.appendingPathComponent("mine.yaml")
        let news = try String(contentsOf: E2E.root.appendingPathComponent("Pipelines/news.yaml"), encoding: .utf8)
        try E2E.write(news, to: pipeline)
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", corpus.path, "-o", out.path, "-p", pipeline.path, "--progress", "none"])
        #expect(r.status == 0, "stderr: \(r.err)")

        let done = try SluiceBinary.run(["status", out.path])
        #expect(done.status == 0, "stderr: \(done.err)")
        #expect(done.lines.first == "\(out.path): pipeline 'news' (\(pipeline.path)), started 1 time")
        #expect(Array(done.lines.dropFirst()).filter { !$0.hasPrefix("last checkpoint: ") } == [
            "files: 2 — 2 done, 0 failed, 0 in progress, 0 pending",
            "records done: 80",
            "pipeline: unchanged",
            "inputs: unchanged",
        ])

        try E2E.write(news.replacingOccurrences(of: "compression_level: 3", with: "compression_level: 9"), to: pipeline)
        let oldSize = try Data(contentsOf: corpus.appendingPathComponent("b.jsonl")).count
        try E2E.write(#"{"id":"b-new","text":"Replaced."}"# + "\n", to: corpus.appendingPathComponent("b.jsonl"))
        let changed = try SluiceBinary.run(["status", out.path])
        #expect(changed.status == 0, "stderr: \(changed.err)")
        let text = changed.out
        #expect(text.contains("""
            pipeline: CHANGED — this output directory was started with a different pipeline ('news', now 'news'):
              was: sink format=jsonl compression_level=3 write_dropped=true
              now: sink format=jsonl compression_level=9 write_dropped=true
            use the same pipeline to resume, --restart to start over, or another --output directory
            inputs: 1 changed, 0 vanished (re-running redoes changed files)
            """), "\(text)")
        let newLine = #"{"id":"b-new","text":"Replaced."}"# + "\n"
        #expect(changed.lines.contains { $0.hasPrefix("  done        b.jsonl  40 records, checkpoint ")
            && $0.hasSuffix("; input changed: size \(oldSize) → \(newLine.utf8.count) bytes") }, "\(text)")

        // The changed pipeline file is refused by `run`, with the same explanation.
        let refused = try SluiceBinary.run(["run", corpus.path, "-o", out.path, "-p", pipeline.path, "--progress", "none"])
        #expect(refused.status == 2)
        #expect(refused.err.contains("  now: sink format=jsonl compression_level=9 write_dropped=true\n"), "\(refused.err)")
    }

    @Test func statusWithoutJournal() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let r = try SluiceBinary.run(["status", tmp.path])
        #expect(r.status == 2)
        #expect(r.err == "sluice: \(tmp.path) holds no run journal (.sluice/run.json)\n")
    }

    // MARK: - Helpers

    /// Outputs equal to `reference`: file list (no `.partial` left), decompressed contents,
    /// stats.jsonl file and stage events without "seconds" (each file exactly once), and a
    /// completed run event saying whether it `resumed`.
    func expectSameOutputs(_ out: URL, _ reference: URL, resumed: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let files = E2E.files(out)
        #expect(files == E2E.files(reference), sourceLocation: sourceLocation)
        #expect(!files.contains { $0.hasSuffix(".partial") }, sourceLocation: sourceLocation)
        for f in files where f.hasSuffix(".zst") {
            let a = try E2E.decompress(out.appendingPathComponent(f).path)
            let b = try E2E.decompress(reference.appendingPathComponent(f).path)
            #expect(a == b, "\(f) differs (\(a.count) vs \(b.count) bytes)", sourceLocation: sourceLocation)
        }
        #expect(try fileEvents(out) == fileEvents(reference), sourceLocation: sourceLocation)
        #expect(try stageEvents(out) == stageEvents(reference), sourceLocation: sourceLocation)
        let events = try E2E.events(out.appendingPathComponent("stats.jsonl"))
        let runs = events.filter { $0["event"] as? String == "run" }
        #expect(runs.count == 1, sourceLocation: sourceLocation)
        let run = try #require(runs.last, sourceLocation: sourceLocation)
        let ref = try #require(try E2E.events(reference.appendingPathComponent("stats.jsonl")).last, sourceLocation: sourceLocation)
        #expect(events.last?["event"] as? String == "run", sourceLocation: sourceLocation)
        #expect(run["status"] as? String == "completed", sourceLocation: sourceLocation)
        #expect(run["resumed"] as? Bool == resumed, sourceLocation: sourceLocation)
        for key in ["files", "records_in", "records_out"] {
            #expect(run[key] as? Int == ref[key] as? Int, "\(key)", sourceLocation: sourceLocation)
        }
    }

    /// stats.jsonl file events without "seconds", canonical JSON by file; fails on a duplicate.
    func fileEvents(_ out: URL) throws -> [String: String] {
        var byFile: [String: String] = [:]
        for e in try E2E.events(out.appendingPathComponent("stats.jsonl")) where e["event"] as? String == "file" {
            let file = try #require(e["file"] as? String)
            #expect(byFile[file] == nil, "duplicate file event for \(file)")
            byFile[file] = try canonical(e)
        }
        return byFile
    }

    func stageEvents(_ out: URL) throws -> [String] {
        try E2E.events(out.appendingPathComponent("stats.jsonl")).filter { $0["event"] as? String == "stage" }.map(canonical)
    }

    func canonical(_ event: [String: Any]) throws -> String {
        var e = event
        e.removeValue(forKey: "seconds")
        return String(decoding: try JSONSerialization.data(withJSONObject: e, options: [.sortedKeys]), as: UTF8.self)
    }

    /// `OUT/.sluice/files/*.json`, parsed, by file name.
    func checkpointFiles(_ out: URL) throws -> [String: [String: Any]] {
        let dir = out.appendingPathComponent(".sluice/files")
        var result: [String: [String: Any]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            let data = try Data(contentsOf: dir.appendingPathComponent(name))
            result[name] = try E2E.json(String(decoding: data, as: UTF8.self))
        }
        return result
    }

    /// Every file's path and decompressed content (journal included, raw).
    func snapshot(_ out: URL) throws -> [String: Data] {
        var s: [String: Data] = [:]
        for f in E2E.files(out, journal: true) {
            let url = out.appendingPathComponent(f)
            s[f] = f.hasSuffix(".zst") ? try E2E.decompress(url.path) : try Data(contentsOf: url)
        }
        return s
    }

    // MARK: - Shared corpus

    /// The corpus of tests 1, 5 and 6 and its uninterrupted reference output, made once.
    struct Shared: Sendable {
        let corpus: URL
        let pipeline: URL
        let reference: URL
        let referenceSeconds: Double

        /// The run command: a pipeline file with small batches, small checkpoints.
        func command(_ out: URL, jobs: Int = 2) -> [String] {
            ["run", corpus.path, "-o", out.path, "-p", pipeline.path, "--jobs", "\(jobs)", "--progress", "none",
             "--checkpoint-records", "64", "--checkpoint-seconds", "0.2"]
        }

        static let root = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-e2e-resume-\(getpid())")
        private static let made: Result<Shared, Failure> = Result { try make() }.mapError { Failure("\($0)") }
        struct Failure: Error { var message: String; init(_ m: String) { message = m } }

        static func get() throws -> Shared { try made.get() }

        private static func make() throws -> Shared {
            try? FileManager.default.removeItem(at: root)
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            atexit { try? FileManager.default.removeItem(at: Shared.root) }
            let corpus = root.appendingPathComponent("in")
            var rng = SplitMix64(seed: 1)
            // ~1.1 MB: with 32-record batches and 64-record checkpoints, ~60 checkpoints.
            // Duplicates within and across files: dedup decisions must survive every kill too.
            try Corpus.write(corpus.appendingPathComponent("big.jsonl"), records: 4000, prefix: "big", rng: &rng, brokenEvery: 97, repeatEvery: 23)
            try Corpus.write(corpus.appendingPathComponent("c.jsonl"), records: 800, prefix: "c", rng: &rng, brokenEvery: 50, repeatEvery: 23)
            let b = corpus.appendingPathComponent("sub/b.jsonl")
            try Corpus.write(b, records: 1200, prefix: "b", rng: &rng, repeatEvery: 23)
            try Corpus.compress(b)
            let news = try String(contentsOf: E2E.root.appendingPathComponent("Pipelines/news.yaml"), encoding: .utf8)
            let pipeline = root.appendingPathComponent("small-batches.yaml")
            try E2E.write(news.replacingOccurrences(of: "batch_records: 256", with: "batch_records: 32"), to: pipeline)
            var shared = Shared(corpus: corpus, pipeline: pipeline, reference: root.appendingPathComponent("ref"), referenceSeconds: 0)
            let t0 = Date()
            let r = try SluiceBinary.run(shared.command(shared.reference))
            shared = Shared(corpus: corpus, pipeline: pipeline, reference: shared.reference, referenceSeconds: Date().timeIntervalSince(t0))
            guard r.status == 0 else { throw E2E.Failure("reference run exited \(r.status): \(r.err)") }
            guard r.err.hasPrefix("sluice: completed: 3 files; 6000 records in, 5690 out, 57 rejected, 253 dropped; ") else {
                throw E2E.Failure("reference run: \(r.err)")
            }
            return shared
        }
    }
}

/// Deterministic generated JSONL corpora.
enum Corpus {
    static let words = ["the", "city", "council", "will", "meet", "on", "monday", "to", "discuss", "a", "new",
                        "park", "budget", "near", "river", "road", "school", "library", "market", "farmers",
                        "concert", "rain", "shelters", "drivers", "should", "avoid", "after", "storm", "mayor",
                        "said", "residents", "bridge", "opens", "friday", "morning", "with", "music"]

    /// `records` JSONL lines with ids `prefix-N`; every `brokenEvery`-th line is invalid JSON.
    /// Every `repeatEvery`-th line repeats a text: alternately one from earlier in the file and
    /// one of five notices that every file written with `repeatEvery` shares at the same lines.
    static func write(_ url: URL, records: Int, prefix: String, rng: inout SplitMix64, brokenEvery: Int = 0,
                      repeatEvery: Int = 0) throws {
        var text = ""
        var texts: [String] = []
        for i in 0..<records {
            if brokenEvery > 0 && i % brokenEvery == brokenEvery - 1 {
                text += #"{"id":"\#(prefix)-\#(i)","text":"broken line without its closing quote}"# + "\n"
                continue
            }
            if repeatEvery > 0 && i % repeatEvery == repeatEvery - 1 && !texts.isEmpty {
                let again = (i / repeatEvery) % 2 == 0 ? texts[texts.count / 2] : "Notice \((i / repeatEvery) % 5): the river road is closed."
                text += #"{"id":"\#(prefix)-\#(i)","text":"\#(again)"}"# + "\n"
                continue
            }
            var sentences: [String] = []
            for _ in 0..<(2 + Int(rng.next() % 5)) {
                var ws: [String] = []
                for _ in 0..<(5 + Int(rng.next() % 10)) { ws.append(words[Int(rng.next() % UInt64(words.count))]) }
                sentences.append(ws.joined(separator: " ").capitalizedFirst + ".")
            }
            texts.append(sentences.joined(separator: " "))
            text += #"{"id":"\#(prefix)-\#(i)","text":"\#(texts.last!)"}"# + "\n"
        }
        try E2E.write(text, to: url)
    }

    /// `a.jsonl` (50 records) and `big.jsonl` (1000 records, whose compressed output is well
    /// over the 64 KiB of ``SluiceBinary/runWithFileSizeLimit(_:)``) in `dir`.
    static func writeSmallAndBig(in dir: URL, rng: inout SplitMix64) throws {
        try write(dir.appendingPathComponent("a.jsonl"), records: 50, prefix: "a", rng: &rng)
        try write(dir.appendingPathComponent("big.jsonl"), records: 1000, prefix: "big", rng: &rng)
    }

    /// `zstd --rm url` → url.zst
    static func compress(_ url: URL) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["zstd", "-q", "--rm", url.path]
        try p.run()
        p.waitUntilExit()
        if p.terminationStatus != 0 { throw E2E.Failure("zstd \(url.path) exited \(p.terminationStatus)") }
    }
}

/// SplitMix64: a tiny seeded generator, so delays and corpora are the same on every run.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
