import Foundation
import Testing

/// `sluice run --shard I/N`: three tasks writing into one output directory, compared with one
/// unsharded run of the same inputs.
@Suite struct ShardTests {
    static func article(_ id: String, _ text: String, pad: Int = 0) -> String {
        #"{"id":"\#(id)","text":"\#(text)","pad":"\#(String(repeating: "x", count: pad))"}"# + "\n"
    }

    static let firstA = "The river festival opens on Friday with boats and music."
    static let firstE = "The council approved the new bus routes after a long debate."

    /// Five inputs whose sizes decide the assignment (largest first, to the least loaded shard):
    /// a.jsonl → 0, b/c.jsonl → 1, e.jsonl → 2, f.jsonl → 2, b/d.txt → 1; skip.csv is counted
    /// by shard 2 (placed by its path). b/c.jsonl repeats a document of a.jsonl (another
    /// shard) and one of its own; f.jsonl repeats one of e.jsonl (the same shard).
    static func makeInputs(in dir: URL) throws -> URL {
        let input = dir.appendingPathComponent("in")
        try E2E.write(article("a1", firstA, pad: 1000) + article("a2", "Tickets for the harbour tour are sold out this week.", pad: 1000)
                      + article("a3", "A new bakery opened next to the old station.", pad: 1000),
                      to: input.appendingPathComponent("a.jsonl"))
        try E2E.write(article("c1", "Volunteers cleaned the beach on Sunday morning.", pad: 600)
                      + article("c2", firstA, pad: 600)
                      + article("c3", "The library extends its opening hours in winter.", pad: 600)
                      + article("c4", "Volunteers  cleaned the beach on Sunday morning.", pad: 10),
                      to: input.appendingPathComponent("b/c.jsonl"))
        try E2E.write("The museum shows old maps of the coast until May.\n", to: input.appendingPathComponent("b/d.txt"))
        try E2E.write(article("e1", firstE, pad: 400) + article("e2", "Schools will close early on Thursday because of the heat.", pad: 400)
                      + #"{"id":"e3","text":"unterminated}"# + "\n",
                      to: input.appendingPathComponent("e.jsonl"))
        try E2E.write(article("f1", firstE) + article("f2", "The bridge reopens to cyclists next month."),
                      to: input.appendingPathComponent("f.jsonl"))
        try E2E.write("a,b\n", to: input.appendingPathComponent("skip.csv"))
        return input
    }

    static let outputs = ["_rejected/b/c.jsonl.zst", "_rejected/e.jsonl.zst", "_rejected/f.jsonl.zst",
                          "a.jsonl.zst", "b/c.jsonl.zst", "b/d.jsonl.zst", "e.jsonl.zst", "f.jsonl.zst"]
    static let shardStats = ["stats.shard-0-of-3.jsonl", "stats.shard-1-of-3.jsonl", "stats.shard-2-of-3.jsonl"]

    /// Starts the three tasks at once (as a Slurm array does) and waits for them.
    static func runShards(_ input: URL, _ out: URL, _ extra: [String] = []) throws -> [SluiceBinary.Result] {
        let running = try (0..<3).map { i in
            try SluiceBinary.start(["run", input.path, "-o", out.path, "--progress", "none", "--jobs", "1", "--shard", "\(i)/3"] + extra)
        }
        return running.map { $0.wait() }
    }

    static func ids(_ url: URL) throws -> [String] {
        try E2E.lines(url).map { line in
            let o = try E2E.json(line)
            return (o["id"] as? String) ?? ((o["record"] as? [String: Any])?["id"] as? String) ?? "?"
        }
    }

    static func mergedStats(_ out: URL) throws -> [String: Any] {
        let r = try SluiceBinary.run(["stats", out.path, "--json"])
        #expect(r.status == 0, "stderr: \(r.err)")
        return try E2E.json(r.out)
    }

    /// ``makeInputs(in:)`` in `dir`, and one unsharded run of them into `dir/single`: the
    /// reference the sharded runs are compared with.
    static func unshardedRun(in dir: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> (input: URL, single: URL) {
        let input = try makeInputs(in: dir)
        let single = dir.appendingPathComponent("single")
        let whole = try SluiceBinary.run(["run", input.path, "-o", single.path, "--progress", "none"])
        #expect(whole.status == 0, "stderr: \(whole.err)", sourceLocation: sourceLocation)
        return (input, single)
    }

    /// Expects each of `files` to decompress to the same bytes in `out` as in `reference`.
    static func expectSameOutputs(_ files: [String], in out: URL, as reference: URL,
                                  sourceLocation: SourceLocation = #_sourceLocation) throws {
        for f in files {
            #expect(try E2E.decompress(out.appendingPathComponent(f).path) == E2E.decompress(reference.appendingPathComponent(f).path), "\(f)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func threeShardsIntoOneDirectoryMatchAnUnshardedRun() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let (input, single) = try Self.unshardedRun(in: tmp)
        let sharded = tmp.appendingPathComponent("sharded")
        #expect(E2E.files(single) == Self.outputs + ["stats.jsonl"])

        let results = try Self.runShards(input, sharded)
        for (i, r) in results.enumerated() {
            #expect(r.status == 0, "shard \(i): \(r.err)")
            #expect(r.err.hasPrefix("sluice: completed (shard \(i)/3): "), "shard \(i): \(r.err)")
        }
        #expect(results[0].err.hasPrefix("sluice: completed (shard 0/3): 1 file; 3 records in, 3 out, 0 rejected, 0 dropped; "))
        #expect(results[1].err.hasPrefix("sluice: completed (shard 1/3): 2 files; 5 records in, 4 out, 0 rejected, 1 dropped; "))
        #expect(results[2].err.hasPrefix("sluice: completed (shard 2/3): 2 files; 1 other file skipped (.csv 1); 5 records in, 3 out, 1 rejected, 1 dropped; "))

        // Layout: the union of outputs, one stats file and one journal per shard, one plan.
        #expect(E2E.files(sharded) == Self.outputs + Self.shardStats)
        #expect(E2E.files(sharded, journal: true).filter { $0.hasPrefix(".sluice") } == [
            ".sluice/shard-0-of-3.lock", ".sluice/shard-0-of-3/files/a.jsonl.json", ".sluice/shard-0-of-3/run.json",
            ".sluice/shard-1-of-3.lock", ".sluice/shard-1-of-3/files/b%2Fc.jsonl.json", ".sluice/shard-1-of-3/files/b%2Fd.txt.json",
            ".sluice/shard-1-of-3/run.json",
            ".sluice/shard-2-of-3.lock", ".sluice/shard-2-of-3/files/e.jsonl.json", ".sluice/shard-2-of-3/files/f.jsonl.json",
            ".sluice/shard-2-of-3/run.json",
            ".sluice/shards-of-3.json",
        ])
        let plan = try E2E.json(String(contentsOf: sharded.appendingPathComponent(".sluice/shards-of-3.json"), encoding: .utf8))
        let planned = (plan["files"] as! [[String: Any]]).map { "\($0["file"]!)→\($0["shard"]!)" }
        #expect(planned == ["a.jsonl→0", "b/c.jsonl→1", "e.jsonl→2", "f.jsonl→2", "b/d.txt→1"])

        // Per-file outputs equal the unsharded run's, except where dedup would need another
        // shard's documents: c2 repeats a1 (shard 0), so shard 1 keeps it. f1 repeats e1 in
        // the same shard and is dropped as in the unsharded run.
        try Self.expectSameOutputs(Self.outputs.filter { $0 != "b/c.jsonl.zst" && $0 != "_rejected/b/c.jsonl.zst" }, in: sharded, as: single)
        #expect(try Self.ids(single.appendingPathComponent("b/c.jsonl.zst")) == ["c1", "c3"])
        #expect(try Self.ids(sharded.appendingPathComponent("b/c.jsonl.zst")) == ["c1", "c2", "c3"])
        #expect(try Self.ids(single.appendingPathComponent("_rejected/b/c.jsonl.zst")) == ["c2", "c4"])
        #expect(try Self.ids(sharded.appendingPathComponent("_rejected/b/c.jsonl.zst")) == ["c4"])
        #expect(try Self.ids(sharded.appendingPathComponent("_rejected/f.jsonl.zst")) == ["f1"])

        // Per-shard stats: each shard's file events and a run event naming the shard.
        for (i, expected) in [["a.jsonl"], ["b/c.jsonl", "b/d.txt"], ["e.jsonl", "f.jsonl"]].enumerated() {
            let events = try E2E.events(sharded.appendingPathComponent(Self.shardStats[i]))
            #expect(Set(events.filter { $0["event"] as? String == "file" }.map { $0["file"] as! String }) == Set(expected))
            let run = try #require(events.last)
            #expect(run["event"] as? String == "run")
            #expect(run["shard"] as? String == "\(i)/3")
            #expect(run["files"] as? Int == expected.count)
            #expect(run["skipped_files"] as? Int == (i == 2 ? 1 : 0))
        }
        // Merged, they count every record once: one duplicate more is kept than unsharded.
        let merged = try Self.mergedStats(sharded)
        let reference = try Self.mergedStats(single)
        #expect(merged["files"] as? Int == 5)
        #expect(merged["runs"] as? Int == 3)
        #expect(merged["records_in"] as? Int == 13)
        #expect(merged["records_out"] as? Int == 10)
        #expect(merged["rejected"] as? [String: Int] == ["invalid_json": 1])
        #expect(merged["dropped"] as? [String: Int] == ["duplicate": 2])
        #expect(reference["records_in"] as? Int == 13)
        #expect(reference["records_out"] as? Int == 9)
        #expect(reference["dropped"] as? [String: Int] == ["duplicate": 3])

        // `sluice status` reports every shard.
        let status = try SluiceBinary.run(["status", sharded.path])
        #expect(status.status == 0, "stderr: \(status.err)")
        #expect(status.lines.first == "\(sharded.path): sharded run, 3 shards (3 started)")
        #expect(status.lines.filter { $0.hasPrefix("shard ") } == [
            "shard 0/3: pipeline 'news' (news), started 1 time",
            "shard 1/3: pipeline 'news' (news), started 1 time",
            "shard 2/3: pipeline 'news' (news), started 1 time",
        ])
        #expect(status.lines.contains("  files: 2 — 2 done, 0 failed, 0 in progress, 0 pending"))
        #expect(status.lines.last == "total of started shards: 5 files — 5 done, 0 failed, 0 in progress, 0 pending; records done: 13")

        // Re-running a task resumes it: its files are already done; the others are untouched.
        let before = try Data(contentsOf: sharded.appendingPathComponent(Self.shardStats[0]))
        let again = try SluiceBinary.run(["run", input.path, "-o", sharded.path, "--progress", "none", "--shard", "1/3"])
        #expect(again.status == 0, "stderr: \(again.err)")
        #expect(again.err.hasPrefix("sluice: completed (shard 1/3): 2 files (2 already done, 0 started); 5 records in, 4 out, 0 rejected, 1 dropped; "), "stderr: \(again.err)")
        #expect(try Data(contentsOf: sharded.appendingPathComponent(Self.shardStats[0])) == before)
        let events = try E2E.events(sharded.appendingPathComponent(Self.shardStats[1]))
        #expect(events.filter { $0["event"] as? String == "file" }.count == 2)
        #expect(events.last?["resumed"] as? Bool == true)

        // A resume must keep the dedup decision the shard started with.
        let flipped = try SluiceBinary.run(["run", input.path, "-o", sharded.path, "--progress", "none", "--shard", "1/3", "--dedup-across-shards"])
        #expect(flipped.status == 2)
        #expect(flipped.err == "shard 1/3 of this output directory was started without --dedup-across-shards; use the same options to resume, or --restart to start this shard over\n")
    }

    /// `--dedup-across-shards`: each task also reads the keys of the other shards' inputs, so the union is
    /// byte-identical to the unsharded run for every output, duplicates included.
    @Test func dedupAcrossShardsMatchesAnUnshardedRunExactly() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let (input, single) = try Self.unshardedRun(in: tmp)
        let sharded = tmp.appendingPathComponent("sharded")
        for (i, r) in try Self.runShards(input, sharded, ["--dedup-across-shards"]).enumerated() {
            #expect(r.status == 0, "shard \(i): \(r.err)")
        }
        #expect(E2E.files(sharded) == Self.outputs + Self.shardStats)
        try Self.expectSameOutputs(Self.outputs, in: sharded, as: single)
        let merged = try Self.mergedStats(sharded)
        let reference = try Self.mergedStats(single)
        for key in ["files", "records_in", "records_out", "bytes_in", "bytes_decompressed", "sentences", "words"] {
            #expect(merged[key] as? Int == reference[key] as? Int, "\(key)")
        }
        #expect(merged["dropped"] as? [String: Int] == ["duplicate": 3])
        let status = try SluiceBinary.run(["status", sharded.path])
        #expect(status.lines.contains("shard 0/3: pipeline 'news' (news), dedup across shards, started 1 time"))
    }

    /// A task stopped mid-file (here by a file-size limit) resumes from its own checkpoint
    /// when re-run, while the other shard's task ran in between.
    @Test func interruptedShardResumesFromItsCheckpoint() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let corpus = tmp.appendingPathComponent("in")
        var rng = SplitMix64(seed: 11)
        // big.jsonl is the largest input, so shard 0's.
        try Corpus.writeSmallAndBig(in: corpus, rng: &rng)
        let out = tmp.appendingPathComponent("out")
        let args = ["run", corpus.path, "-o", out.path, "--jobs", "1", "--progress", "none", "--checkpoint-records", "64", "--shard"]

        let limited = try SluiceBinary.runWithFileSizeLimit(args + ["0/2"])
        #expect(limited.status == 1, "stderr: \(limited.err)")
        #expect(limited.err.contains("sluice: failed (shard 0/2): 1 file (1 failed); "), "stderr: \(limited.err)")
        let status = try SluiceBinary.run(["status", out.path])
        #expect(status.lines.contains("  files: 1 — 0 done, 0 failed, 1 in progress, 0 pending"), "\(status.out)")
        #expect(status.lines.contains { $0.hasPrefix("    in_progress big.jsonl  ") }, "\(status.out)")
        #expect(status.lines.contains("not started: shard 1/2"), "\(status.out)")

        let other = try SluiceBinary.run(args + ["1/2"])
        #expect(other.status == 0, "stderr: \(other.err)")
        let resumed = try SluiceBinary.run(args + ["0/2"])
        #expect(resumed.status == 0, "stderr: \(resumed.err)")
        #expect(resumed.err.hasPrefix("sluice: completed (shard 0/2): 1 file (1 resumed, 0 started); 1000 records in, 1000 out, 0 rejected, 0 dropped; "), "stderr: \(resumed.err)")

        let single = tmp.appendingPathComponent("single")
        #expect(try SluiceBinary.run(["run", corpus.path, "-o", single.path, "--progress", "none"]).status == 0)
        #expect(E2E.files(out) == ["a.jsonl.zst", "big.jsonl.zst", "stats.shard-0-of-2.jsonl", "stats.shard-1-of-2.jsonl"])
        try Self.expectSameOutputs(["a.jsonl.zst", "big.jsonl.zst"], in: out, as: single)
        let events = try E2E.events(out.appendingPathComponent("stats.shard-0-of-2.jsonl"))
        #expect(events.filter { $0["event"] as? String == "file" }.map { $0["records_out"] as? Int } == [1000])
        #expect(events.last?["resumed"] as? Bool == true)
    }

    /// Inputs that change while the array runs do not move between shards: the plan recorded
    /// by the first task holds, and a new input is placed by its path. Every file is then
    /// processed by exactly one task.
    @Test func inputsChangingBetweenTasksKeepTheirShard() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = try Self.makeInputs(in: tmp)
        let out = tmp.appendingPathComponent("out")
        let args = ["run", input.path, "-o", out.path, "--progress", "none", "--shard"]
        let first = try SluiceBinary.run(args + ["0/3"])
        #expect(first.status == 0, "stderr: \(first.err)")
        // b/d.txt becomes the largest input: planned afresh it would go to shard 0, which is done.
        try E2E.write(String(repeating: "The museum shows old maps of the coast until May.\n", count: 100),
                      to: input.appendingPathComponent("b/d.txt"))
        try E2E.write(Self.article("g1", "A late file arrives after the first task started."), to: input.appendingPathComponent("g.jsonl"))
        let second = try SluiceBinary.run(args + ["1/3"])
        let third = try SluiceBinary.run(args + ["2/3"])
        #expect(second.status == 0 && third.status == 0, "stderr: \(second.err) \(third.err)")
        #expect(second.err.hasPrefix("sluice: 1 input not in the shard plan (added since the first task started) placed by path: g.jsonl\nsluice: completed (shard 1/3): 2 files; "), "stderr: \(second.err)")
        var seen: [String] = []
        for name in Self.shardStats {
            seen += try E2E.events(out.appendingPathComponent(name)).filter { $0["event"] as? String == "file" }.map { $0["file"] as! String }
        }
        #expect(seen.sorted() == ["a.jsonl", "b/c.jsonl", "b/d.txt", "e.jsonl", "f.jsonl", "g.jsonl"])
        let shard2 = try E2E.events(out.appendingPathComponent(Self.shardStats[2])).compactMap { $0["file"] as? String }.sorted()
        #expect(shard2 == ["e.jsonl", "f.jsonl", "g.jsonl"])
        #expect(try E2E.lines(out.appendingPathComponent("b/d.jsonl.zst")).count == 1)
    }

    /// More shards than files: the shards without files succeed and say so.
    @Test func shardWithoutFilesSucceeds() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = try Self.makeInputs(in: tmp)
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", input.path, "-o", out.path, "--progress", "none", "--shard", "5/6"])
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.err.hasPrefix("sluice: shard 5/6: no input files (5 files over 6 shards); nothing to do\nsluice: completed (shard 5/6): 0 files; 0 records in, 0 out, 0 rejected, 0 dropped; "), "stderr: \(r.err)")
        #expect(E2E.files(out) == ["stats.shard-5-of-6.jsonl"])
        let events = try E2E.events(out.appendingPathComponent("stats.shard-5-of-6.jsonl"))
        // No file events; the stages (all at 0 records) and the run.
        #expect(events.map { $0["event"] as! String } == ["stage", "stage", "stage", "stage", "stage", "run"])
        #expect(events.dropLast().allSatisfy { $0["records"] as? Int == 0 })
        #expect(events.last?["status"] as? String == "completed")
        #expect(events.last?["files"] as? Int == 0)
        #expect(events.last?["shard"] as? String == "5/6")
        let status = try SluiceBinary.run(["status", out.path])
        #expect(status.lines.contains("not started: shards 0/6, 1/6, 2/6, 3/6, 4/6"), "\(status.out)")
    }

    @Test(arguments: [
        (["--shard", "3/3"], "Error: invalid --shard '3/3': I must be in 0…2; expected I/N with 0 ≤ I < N, e.g. --shard 0/4 (Slurm: number the array from 0, --array=0-2)"),
        (["--shard", "1/0"], "Error: invalid --shard '1/0': N must be at least 1; expected I/N with 0 ≤ I < N, e.g. --shard 0/4"),
        (["--shard", "one/3"], "Error: invalid --shard 'one/3': I and N must be whole numbers; expected I/N with 0 ≤ I < N, e.g. --shard 0/4"),
        (["--shard", "/"], "Error: invalid --shard '/': expected I/N with 0 ≤ I < N, e.g. --shard 0/4 (in an array job: --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT, both set by sbatch --array=0-<N-1>)"),
        (["--dedup-across-shards"], "Error: --dedup-across-shards needs --shard I/N"),
    ])
    func invalidValuesExitTwo(args: [String], message: String) throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let r = try SluiceBinary.run(["run", E2E.input.path, "-o", tmp.appendingPathComponent("out").path] + args)
        #expect(r.status == 2)
        #expect(r.err.hasPrefix(message + "\n"), "stderr: \(r.err)")
        #expect(E2E.files(tmp, journal: true).isEmpty)
    }

    /// Runs split differently must not share an output directory; stdin cannot be sharded.
    @Test func refusesMixedRunsAndStdin() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let out = tmp.appendingPathComponent("out").path
        let first = try SluiceBinary.run(["run", E2E.input.path, "-o", out, "--progress", "none", "--shard", "0/3"])
        #expect(first.status == 0, "stderr: \(first.err)")
        let unsharded = try SluiceBinary.run(["run", E2E.input.path, "-o", out, "--progress", "none"])
        #expect(unsharded.status == 2)
        #expect(unsharded.err == "\(out) holds a run split into 3 shards (--shard I/3); run with --shard I/3, or use another --output directory\n")
        let four = try SluiceBinary.run(["run", E2E.input.path, "-o", out, "--progress", "none", "--shard", "1/4"])
        #expect(four.status == 2)
        #expect(four.err == "\(out) holds a run split into 3 shards, not 4: use --shard I/3, or another --output directory\n")
        let stdin = try SluiceBinary.run(["run", "-", "-o", tmp.appendingPathComponent("other").path, "--shard", "0/2"], stdin: Data())
        #expect(stdin.status == 2)
        #expect(stdin.err == "--shard cannot be used with `-` (stdin): every task would read a stream of its own; give the input files instead\n")
    }
}
