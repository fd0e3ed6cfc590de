import Foundation
import Testing

/// `sluice validate` and `sluice stats`.
@Suite struct EndToEndValidateStatsTests {
    @Test func validateShippedPipelines() throws {
        let news = try SluiceBinary.run(["validate", E2E.root.appendingPathComponent("Pipelines/news.yaml").path])
        #expect(news.status == 0, "stderr: \(news.err)")
        #expect(news.out.contains("ok: pipeline 'news': dedup → clean → language → split → tag → jsonl"))
        let text = try SluiceBinary.run(["validate", E2E.root.appendingPathComponent("Pipelines/corpus-text.yaml").path])
        #expect(text.status == 0, "stderr: \(text.err)")
        #expect(try SluiceBinary.run(["validate", "news"]).status == 0)
    }

    @Test func validateReportsEveryProblemWithPosition() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let p = tmp.appendingPathComponent("broken.yaml")
        try E2E.write("""
            name: broken
            stages:
              - clean:
                  normalization: nfd
              - dedupe
              - split:
                  lenguage: de
            sink:
              compression_level: high
            """, to: p)
        let r = try SluiceBinary.run(["validate", p.path])
        #expect(r.status == 2)
        #expect(r.out.isEmpty)
        #expect(r.err.split(separator: "\n").map(String.init) == [
            "\(p.path):4:22: `clean.normalization` must be one of: none, nfc, nfkc",
            "\(p.path):5:5: unknown stage 'dedupe' (known: extract, dedup, near_dedup, clean, language, split, tag, quality, pii, terms, filter)",
            "\(p.path):7:7: unknown option 'lenguage' in `split` (known: default_language, language, output)",
            "\(p.path):9:22: `sink.compression_level` must be an integer in 1…19",
        ])
        // `run` refuses the same file before doing anything.
        let out = tmp.appendingPathComponent("out")
        let run = try SluiceBinary.run(["run", E2E.input.path, "-o", out.path, "-p", p.path, "--progress", "none"])
        #expect(run.status == 2)
        #expect(run.err.contains("\(p.path):5:5: unknown stage 'dedupe'"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func validateReportsYAMLSyntaxErrors() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let p = tmp.appendingPathComponent("syntax.yaml")
        try E2E.write("name: x\nstages: [clean\n", to: p)
        let r = try SluiceBinary.run(["validate", p.path])
        #expect(r.status == 2)
        #expect(r.err.hasPrefix("\(p.path):3:1: invalid YAML:"), "stderr: \(r.err)")
    }

    @Test func statsMergesAndRenders() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let out = tmp.appendingPathComponent("out")
        let run = try SluiceBinary.run(["run", E2E.input.path, "-o", out.path, "--progress", "none"])
        #expect(run.status == 0)
        let stats = out.appendingPathComponent("stats.jsonl").path

        let json = try SluiceBinary.run(["stats", stats, "--json"])
        #expect(json.status == 0, "stderr: \(json.err)")
        let merged = try E2E.json(json.out.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(merged["files"] as? Int == 4)
        #expect(merged["records_in"] as? Int == 8)
        #expect(merged["records_out"] as? Int == 7)
        #expect(merged["rejected"] as? [String: Int] == ["invalid_json": 1])
        #expect(merged["sentences"] as? Int == 15)
        #expect(merged["bytes_in"] as? Int == 968)

        // Two runs' stats (e.g. two shards) add up.
        let twice = try SluiceBinary.run(["stats", stats, out.path, "--json"])
        let both = try E2E.json(twice.out.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(both["records_in"] as? Int == 16)
        #expect(both["records_out"] as? Int == 14)

        let table = try SluiceBinary.run(["stats", stats])
        #expect(table.status == 0)
        let rows = table.out.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("records in") && $0.hasSuffix(" 8") })
        #expect(rows.contains { $0.hasPrefix("records out") && $0.hasSuffix(" 7") })
        #expect(rows.contains { $0.hasPrefix("rejected") && $0.hasSuffix("invalid_json 1") })

        let missing = try SluiceBinary.run(["stats", tmp.appendingPathComponent("none.jsonl").path])
        #expect(missing.status == 2)
        #expect(missing.err == "sluice: cannot read \(tmp.appendingPathComponent("none.jsonl").path): no such file or directory\n")
        // A stats file under another name is read as one (it was taken for a directory).
        let renamed = tmp.appendingPathComponent("stats.log")
        try FileManager.default.copyItem(atPath: stats, toPath: renamed.path)
        let log = try SluiceBinary.run(["stats", renamed.path, "--json"])
        #expect(log.status == 0, "stderr: \(log.err)")
        #expect(try E2E.json(log.out.trimmingCharacters(in: .whitespacesAndNewlines))["records_in"] as? Int == 8)
        // A compressed copy is read like an input (it was read as lines of binary).
        let packed = tmp.appendingPathComponent("stats.jsonl.zst")
        let zstd = Process()
        zstd.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        zstd.arguments = ["zstd", "-q", "-f", stats, "-o", packed.path]
        try zstd.run()
        zstd.waitUntilExit()
        let z = try SluiceBinary.run(["stats", packed.path, "--json"])
        #expect(z.status == 0, "stderr: \(z.err)")
        #expect(z.err.isEmpty)
        #expect(try E2E.json(z.out.trimmingCharacters(in: .whitespacesAndNewlines))["records_in"] as? Int == 8)
        let empty = tmp.appendingPathComponent("empty-dir")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let none = try SluiceBinary.run(["stats", empty.path])
        #expect(none.status == 2)
        #expect(none.err.contains("\(empty.path) holds no stats.jsonl"), "stderr: \(none.err)")
    }

    /// A file with no stats events (records given by mistake, an empty file) is said to be one,
    /// with exit 1 and no table of zeros; a few of its lines are named, the rest counted.
    @Test func statsOnAFileWithoutEventsSaysSo() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let records = tmp.appendingPathComponent("records.jsonl")
        try E2E.write((1...5).map { "{\"id\":\"\($0)\",\"text\":\"x\"}\n" }.joined(), to: records)
        let r = try SluiceBinary.run(["stats", records.path])
        #expect(r.status == 1)
        #expect(r.out.isEmpty)
        #expect(r.err.split(separator: "\n").map(String.init) == [
            "sluice: \(records.path):1: not a stats event, skipped",
            "sluice: \(records.path):2: not a stats event, skipped",
            "sluice: \(records.path):3: not a stats event, skipped",
            "sluice: \(records.path): 2 more lines that are not stats events, skipped",
            "sluice: \(records.path) holds no stats events; give the stats.jsonl of a sluice run (or its output directory): a run adds a line to it as each input file is done",
        ])
        // File events without the run event that ends a run: the run is going on or was killed.
        let partial = tmp.appendingPathComponent("partial.jsonl")
        try E2E.write(#"{"event":"file","file":"a.jsonl","status":"done","records_in":2,"records_out":2}"# + "\n", to: partial)
        let p = try SluiceBinary.run(["stats", partial.path])
        #expect(p.status == 0, "stderr: \(p.err)")
        #expect(p.err.contains("\(partial.path) has no run event: its run is still going, or was killed"), "stderr: \(p.err)")
        let empty = tmp.appendingPathComponent("empty.jsonl")
        try E2E.write("", to: empty)
        let e = try SluiceBinary.run(["stats", empty.path, "--json"])
        #expect(e.status == 1)
        #expect(e.out.isEmpty)
        #expect(e.err.contains("\(empty.path) holds no stats events"))
    }
}
