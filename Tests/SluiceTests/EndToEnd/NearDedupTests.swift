import Foundation
import Testing

/// `near_dedup` through the real binary: which documents are dropped, with `duplicate_of`, and
/// that the decision is the same for any `--jobs`, after a resume, and across shards.
@Suite struct NearDedupTests {
    /// A deterministic 100-word text; `seed` picks which.
    static func words(_ seed: Int, count: Int = 100) -> [String] {
        (0..<count).map { "w\(($0 &* 7919 &+ seed &* 104_729) % 5003)" }
    }

    static func line(_ id: String, _ words: [String]) -> String {
        #"{"id":"\#(id)","text":"\#(words.joined(separator: " "))"}"# + "\n"
    }

    /// Three files. a.jsonl: originals o0…o5. b.jsonl: a copy of o1 with its last 4 words cut
    /// (J = 92/96), a copy of o2 with one word changed (J = 91/101), a document sharing only
    /// half of o3 (kept), and n1 — a new document. c.jsonl: a copy of n1 with a headline
    /// (kept b's n1), a copy of o0 with a footer, and o5 with its first 50 words replaced (kept).
    static func makeInputs(in dir: URL) throws -> URL {
        let input = dir.appendingPathComponent("in")
        let o = (0..<6).map { words($0) }
        try E2E.write((0..<6).map { line("o\($0)", o[$0]) }.joined(), to: input.appendingPathComponent("a.jsonl"))
        var changed = o[2]
        changed[50] = "other"
        let n1 = words(40)
        try E2E.write(line("cut1", Array(o[1].prefix(96))) + line("chg2", changed)
                      + line("half3", Array(o[3].prefix(50)) + words(41, count: 50)) + line("n1", n1),
                      to: input.appendingPathComponent("b.jsonl"))
        try E2E.write(line("n1h", ["Breaking:"] + n1) + line("foot0", o[0] + ["All", "rights", "reserved"])
                      + line("half5", words(42, count: 50) + Array(o[5].suffix(50))),
                      to: input.appendingPathComponent("c.jsonl"))
        return input
    }

    /// A temporary directory (removed by the caller) holding the inputs and the pipeline file.
    static func setUp() throws -> (tmp: URL, input: URL, pipe: URL) {
        let tmp = try E2E.tempDir()
        do {
            let input = try makeInputs(in: tmp)
            let pipe = tmp.appendingPathComponent("near.yaml")
            try E2E.write(pipeline, to: pipe)
            return (tmp, input, pipe)
        } catch {
            E2E.remove(tmp)
            throw error
        }
    }

    static func ids(_ url: URL) throws -> [String] {
        try E2E.lines(url).map { (try E2E.json($0)["id"] as? String) ?? "?" }
    }

    /// `reason id→duplicate_of` of each rejected record of `url`.
    static func drops(_ url: URL) throws -> [String] {
        try E2E.lines(url).map { line in
            let o = try E2E.json(line)
            let id = (o["record"] as? [String: Any])?["id"] as? String ?? "?"
            return "\(o["reason"] ?? "?") \(id)→\(o["duplicate_of"] ?? "-")"
        }
    }

    static let pipeline = """
        name: near
        stages:
          - dedup
          - near_dedup:
              threshold: 0.8
          - split
        """

    static let expectedKept = ["a.jsonl.zst": ["o0", "o1", "o2", "o3", "o4", "o5"],
                               "b.jsonl.zst": ["half3", "n1"], "c.jsonl.zst": ["half5"]]
    static let expectedDrops = ["_rejected/b.jsonl.zst": ["near_duplicate cut1→o1", "near_duplicate chg2→o2"],
                                "_rejected/c.jsonl.zst": ["near_duplicate n1h→n1", "near_duplicate foot0→o0"]]

    static func expectDecision(_ out: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (f, ids) in expectedKept {
            #expect(try Self.ids(out.appendingPathComponent(f)) == ids, "\(f)", sourceLocation: sourceLocation)
        }
        for (f, d) in expectedDrops {
            #expect(try Self.drops(out.appendingPathComponent(f)) == d, "\(f)", sourceLocation: sourceLocation)
        }
    }

    /// Memory mode (`--memory`) keeps signatures on disk and must decide the same.
    static let modes: [[String]] = [[], ["--memory", "1M"]]

    /// No spill files are left behind.
    static func expectNoSpill(_ out: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(E2E.files(out, journal: true).filter { $0.contains("spill") } == [], sourceLocation: sourceLocation)
    }

    @Test(arguments: modes) func dropsNearCopiesWithDuplicateOfForAnyJobs(mode: [String]) throws {
        let (tmp, input, pipe) = try Self.setUp()
        defer { E2E.remove(tmp) }
        var outs: [URL] = []
        for jobs in [1, 2] {
            let out = tmp.appendingPathComponent("out\(jobs)")
            let r = try SluiceBinary.run(["run", input.path, "-o", out.path, "-p", pipe.path, "--jobs", "\(jobs)", "--progress", "none"] + mode)
            #expect(r.status == 0, "stderr: \(r.err)")
            Self.expectNoSpill(out)
            #expect(r.err.hasPrefix("sluice: completed: 3 files; 13 records in, 9 out, 0 rejected, 4 dropped; "), "stderr: \(r.err)")
            try Self.expectDecision(out)
            outs.append(out)
        }
        for f in Array(Self.expectedKept.keys) + Array(Self.expectedDrops.keys) {
            #expect(try E2E.decompress(outs[0].appendingPathComponent(f).path) == E2E.decompress(outs[1].appendingPathComponent(f).path))
        }
        let stats = try String(contentsOf: outs[0].appendingPathComponent("stats.jsonl"), encoding: .utf8)
        let stage = try stats.split(separator: "\n").map { try E2E.json(String($0)) }.first { $0["stage"] as? String == "near_dedup" }
        #expect(stage?["records"] as? Int == 13)
        #expect(stage?["counters"] as? [String: Int] == ["near_duplicates": 4])
    }

    /// Each shard reads every shard's signatures with `--dedup-across-shards`: the union of the
    /// shards' outputs is the unsharded decision.
    @Test func shardsAcrossDecideAsOneRun() throws {
        let (tmp, input, pipe) = try Self.setUp()
        defer { E2E.remove(tmp) }
        let out = tmp.appendingPathComponent("sharded")
        let running = try (0..<3).map { i in
            try SluiceBinary.start(["run", input.path, "-o", out.path, "-p", pipe.path, "--progress", "none", "--jobs", "1",
                                    "--shard", "\(i)/3", "--dedup-across-shards"])
        }
        for (i, r) in running.map({ $0.wait() }).enumerated() { #expect(r.status == 0, "shard \(i): \(r.err)") }
        try Self.expectDecision(out)
    }

    /// The two-step recipe: each task signs its shard (`--near-dedup-prepare`), then each task
    /// runs with `--dedup-across-shards`, reading the other shards' signatures.
    @Test(arguments: modes) func twoStepShardsDecideAsOneRun(mode: [String]) throws {
        let (tmp, input, pipe) = try Self.setUp()
        defer { E2E.remove(tmp) }
        let out = tmp.appendingPathComponent("sharded")
        let common = ["run", input.path, "-o", out.path, "-p", pipe.path, "--progress", "none", "--jobs", "1"]
        for i in 0..<3 {
            let r = try SluiceBinary.run(common + ["--shard", "\(i)/3", "--near-dedup-prepare"])
            #expect(r.status == 0, "shard \(i): \(r.err)")
            #expect(r.err.hasPrefix("sluice: near_dedup signatures of 1 input written to \(out.path)/.sluice/neardup/shard-\(i)-of-3."), "\(r.err)")
        }
        let sigs = E2E.files(out, journal: true).filter { $0.hasPrefix(".sluice/neardup/") }
        #expect(sigs.count == 3 && sigs.allSatisfy { $0.hasSuffix(".sig") })
        let running = try (0..<3).map { i in try SluiceBinary.start(common + ["--shard", "\(i)/3", "--dedup-across-shards"] + mode) }
        for (i, r) in running.map({ $0.wait() }).enumerated() { #expect(r.status == 0, "shard \(i): \(r.err)") }
        try Self.expectDecision(out)
        Self.expectNoSpill(out)
        let bad = try SluiceBinary.run(["run", input.path, "-o", tmp.appendingPathComponent("x").path, "--near-dedup-prepare"])
        #expect(bad.status == 2)
        #expect(bad.err.contains("--near-dedup-prepare needs --shard I/N"), "\(bad.err)")
    }

    /// A resume that still has to do the last file (its checkpoint and outputs gone, as after
    /// a kill before it finished) makes the same decision: the reading pass covers finished files too.
    @Test(arguments: modes) func resumeKeepsTheDecision(mode: [String]) throws {
        let (tmp, input, pipe) = try Self.setUp()
        defer { E2E.remove(tmp) }
        let out = tmp.appendingPathComponent("out")
        let args = ["run", input.path, "-o", out.path, "-p", pipe.path, "--progress", "none", "--jobs", "1"] + mode
        #expect(try SluiceBinary.run(args).status == 0)
        let journal = E2E.files(out, journal: true).filter { $0.hasPrefix(".sluice/") && $0.contains("c.jsonl") }
        #expect(journal == [".sluice/files/c.jsonl.json"])
        for f in journal + ["c.jsonl.zst", "_rejected/c.jsonl.zst"] {
            try FileManager.default.removeItem(at: out.appendingPathComponent(f))
        }
        let resumed = try SluiceBinary.run(args)
        #expect(resumed.status == 0, "stderr: \(resumed.err)")
        try Self.expectDecision(out)
    }

    /// `line_dedup`: a footer in three of four documents is removed from each (counted per
    /// document), and a document that was only the footer is dropped.
    @Test(arguments: modes) func lineDedupRemovesRepeatedFooters(mode: [String]) throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let footer = "Copyright 2024 Harbour Media. All rights reserved."
        let input = tmp.appendingPathComponent("in")
        try E2E.write(#"{"id":"a","text":"The port reopened on Tuesday.\n\#(footer)"}"# + "\n"
                      + #"{"id":"b","text":"A bakery opened next to the station.\n\#(footer)"}"# + "\n"
                      + #"{"id":"c","text":"\#(footer)"}"# + "\n"
                      + #"{"id":"d","text":"Schools close early because of the heat."}"# + "\n",
                      to: input.appendingPathComponent("x.jsonl"))
        let pipe = tmp.appendingPathComponent("lines.yaml")
        try E2E.write("stages:\n  - near_dedup:\n      line_dedup:\n        min_chars: 20\n        min_documents: 3\n", to: pipe)
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", input.path, "-o", out.path, "-p", pipe.path, "--progress", "none"] + mode)
        #expect(r.status == 0, "stderr: \(r.err)")
        let kept = try E2E.lines(out.appendingPathComponent("x.jsonl.zst")).map { try E2E.json($0) }
        #expect(kept.map { $0["text"] as? String } == ["The port reopened on Tuesday.", "A bakery opened next to the station.",
                                                        "Schools close early because of the heat."])
        #expect(kept.map { (($0["attributes"] as? [String: Any])?["line_dedup"] as? [String: Int])?["lines_removed"] } == [1, 1, nil])
        #expect(try Self.drops(out.appendingPathComponent("_rejected/x.jsonl.zst")) == ["empty_after_line_dedup c→-"])
    }

    /// A spill directory that cannot be made stops the run before any output, naming the path.
    @Test func memoryModeReportsAnUnwritableSpill() throws {
        let (tmp, input, pipe) = try Self.setUp()
        defer { E2E.remove(tmp) }
        let out = tmp.appendingPathComponent("out")
        try E2E.write("not a directory", to: out.appendingPathComponent(".sluice/spill"))
        let r = try SluiceBinary.run(["run", input.path, "-o", out.path, "-p", pipe.path, "--progress", "none", "--memory", "1M"])
        #expect(r.status == 2)
        #expect(r.err.contains("preparing stage near_dedup: cannot create directory \(out.path)/.sluice/spill/near_dedup: Not a directory"),
                "stderr: \(r.err)")
    }

    @Test func validateReportsBadOptions() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let pipe = tmp.appendingPathComponent("bad.yaml")
        try E2E.write("stages:\n  - near_dedup:\n      threshold: 2\n      preset: minhash\n", to: pipe)
        let r = try SluiceBinary.run(["validate", pipe.path])
        #expect(r.status == 2)
        #expect(r.err.contains("`near_dedup.threshold` must be a number in 0.0…1.0"), "stderr: \(r.err)")
        #expect(r.err.contains("`near_dedup.preset` must be one of: sluice, datatrove"), "stderr: \(r.err)")
        let small = try SluiceBinary.run(["run", tmp.path, "-o", tmp.appendingPathComponent("out").path, "--memory", "100K"])
        #expect(small.status == 2)
        #expect(small.err.contains("--memory: '100K' is not a size of at least 1M, such as 512M, 4G or 1073741824"), "stderr: \(small.err)")
    }
}
