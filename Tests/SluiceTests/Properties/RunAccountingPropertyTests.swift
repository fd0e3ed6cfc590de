import Foundation
import Testing
import SluiceFuzzSupport

/// Records in = out + rejected + dropped, end to end (issue 12, point 3): random JSONL lines
/// (``FuzzJSONL``: broken JSON, bytes that are not UTF-8, empty and blank texts, duplicates
/// within and across files, a line of several hundred kilobytes) through the `sluice` binary;
/// every file event balances, counts what the files hold, and every output and rejected line
/// is a JSON object.
@Suite struct RunAccountingPropertyTests {
    /// The lines of the two input files: random lines, some repeated, one huge.
    static func inputs() -> (a: [[UInt8]], b: [[UInt8]]) {
        var g = FuzzRandom(seed: 12)
        var a = (0..<140).map { _ in FuzzJSONL.line(&g) }
        var b = (0..<50).map { _ in FuzzJSONL.line(&g) }
        // Exact duplicates: within a file and across files (dedup drops the later ones).
        for _ in 0..<10 { a.insert(a[g.below(a.count)], at: g.below(a.count + 1)) }
        for _ in 0..<5 { b.insert(a[g.below(a.count)], at: g.below(b.count + 1)) }
        let unit = FuzzText.text(&g, maxPieces: 30) + "\n"
        let text = String(repeating: unit, count: 400_000 / max(1, unit.utf8.count) + 1)
        a.insert(Array("{\"id\":\"huge\",\"text\":\(FuzzJSONL.string(text, &g))}".utf8), at: g.below(a.count + 1))
        return (a, b)
    }

    /// Input records of a file: its lines that are not blank (the decoder skips those).
    static func recordCount(_ lines: [[UInt8]]) -> Int {
        lines.filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }.count
    }

    /// news: the default (dedup drops); filtered: Pipelines/filtered.yaml (filters drop);
    /// strict: bytes that are not UTF-8 rejected rather than repaired.
    @Test(arguments: ["news", "filtered", "strict"])
    func recordsBalance(_ pipeline: String) throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let (a, b) = Self.inputs()
        let input = tmp.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data(a.joined(separator: [0x0A])).write(to: input.appendingPathComponent("a.jsonl"))
        // No newline at the end of the second file.
        try Data(b.joined(separator: [0x0A])).write(to: input.appendingPathComponent("sub/b.jsonl"))
        let out = tmp.appendingPathComponent("out")
        var p: [String] = []
        if pipeline == "filtered" { p = ["-p", E2E.root.appendingPathComponent("Pipelines/filtered.yaml").path] }
        if pipeline == "strict" {
            let yaml = tmp.appendingPathComponent("strict.yaml")
            try E2E.write("decode: {invalid_utf8: reject}\nstages:\n  - dedup\n  - clean\n  - split\n  - tag\n", to: yaml)
            p = ["-p", yaml.path]
        }
        let r = try SluiceBinary.run(["run", input.path, "-o", out.path, "--progress", "none", "--jobs", "2"] + p)
        #expect(r.status == 0, "stderr: \(r.err)")

        let events = try E2E.events(out.appendingPathComponent("stats.jsonl"))
        let files = events.filter { $0["event"] as? String == "file" }
        #expect(Set(files.compactMap { $0["file"] as? String }) == ["a.jsonl", "sub/b.jsonl"])
        let expectedIn = ["a.jsonl": Self.recordCount(a), "sub/b.jsonl": Self.recordCount(b)]
        var dropped = 0
        for f in files {
            let name = f["file"] as? String ?? "?"
            let recordsIn = f["records_in"] as? Int ?? -1, recordsOut = f["records_out"] as? Int ?? -1
            let rejected = (f["rejected"] as? [String: Int] ?? [:]).values.reduce(0, +)
            let droppedHere = (f["dropped"] as? [String: Int] ?? [:]).values.reduce(0, +)
            dropped += droppedHere
            #expect(recordsIn == recordsOut + rejected + droppedHere, "\(name): \(f)")
            #expect(recordsIn == expectedIn[name], "\(name)")

            let base = name.replacingOccurrences(of: ".jsonl", with: ".jsonl.zst")
            let kept = try Self.lines(out.appendingPathComponent(base))
            let gone = try Self.lines(out.appendingPathComponent("_rejected/" + base))
            #expect(kept.count == recordsOut, "\(name)")
            #expect(gone.count == rejected + droppedHere, "\(name)")
            for line in kept + gone {
                #expect(!PipelineJSONPropertyTests.hasLoneSurrogateEscape(Array(line.utf8)), "\(name): \(line.debugDescription)")
                #expect((try? E2E.json(line)) != nil, "\(name): not a JSON object: \(line.debugDescription)")
            }
        }
        #expect(dropped > 0, "duplicates (and, filtered, filters) should drop records")
        let run = try #require(events.last { $0["event"] as? String == "run" })
        #expect(run["records_in"] as? Int == expectedIn.values.reduce(0, +))
        #expect(run["records_out"] as? Int == files.compactMap { $0["records_out"] as? Int }.reduce(0, +))
    }

    /// The lines of an output file; none when it does not exist (nothing was written to it).
    static func lines(_ url: URL) throws -> [String] {
        FileManager.default.fileExists(atPath: url.path) ? try E2E.lines(url) : []
    }
}
