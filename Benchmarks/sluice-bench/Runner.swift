// End-to-end throughput of `sluice run`, one child process per configuration.
//
//     sluice-bench run [--input DIR | --mb 100 --files 8 --seed 1] [--jobs N] [--configs a,b,…]
//                      [--jobs-list 1,2] [--sluice PATH] [--repeat R] [--keep DIR]
//
// Configurations: passthrough (decode + sink, no stage), each stage alone (dedup, clean,
// language, split, tag, quality), news-nolang (the default pipeline minus `language`), news
// (the default pipeline), filtered (Pipelines/filtered.yaml: news without language + quality),
// and, when asked for, near_dedup alone and news-neardup (Pipelines/news-neardup.yaml).
// Each runs at --jobs 1 and --jobs N under /usr/bin/time, so CPU seconds (user+sys) and peak
// RSS are those of that run alone; the best of R runs (least CPU) is shown. `zstd -dc | zstd -3`
// on the same files is the floor that pass-through is compared to.
import Foundation
import Sluice

struct Measure {
    var wall = 0.0, user = 0.0, sys = 0.0, rssKB = 0
    var status: Int32 = 0
    var cpu: Double { user + sys }
}

/// Runs `argv` under `/usr/bin/time`; stdout and stderr of the child go to /dev/null
/// (stderr to `log` when given).
func timed(_ argv: [String], log: String? = nil) throws -> Measure {
    let tfile = NSTemporaryDirectory() + "sluice-bench-time-\(getpid())"
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/time")
    p.arguments = ["-f", "%e %U %S %M", "-o", tfile] + argv
    p.standardOutput = FileHandle.nullDevice
    if let log {
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        p.standardError = FileHandle(forWritingAtPath: log)
    } else {
        p.standardError = FileHandle.nullDevice
    }
    try p.run()
    p.waitUntilExit()
    let text = (try? String(contentsOfFile: tfile, encoding: .utf8)) ?? ""
    // /usr/bin/time prefixes "Command exited with non-zero status N" on failure: take the last line.
    let last = text.split(separator: "\n").last.map(String.init) ?? ""
    let f = last.split(separator: " ").map(String.init)
    guard f.count == 4 else { throw BenchError("cannot read /usr/bin/time output: \(text)") }
    var m = Measure()
    m.wall = Double(f[0]) ?? 0; m.user = Double(f[1]) ?? 0; m.sys = Double(f[2]) ?? 0; m.rssKB = Int(f[3]) ?? 0
    m.status = p.terminationStatus
    return m
}

/// Pipeline files of the configurations, written to `dir`; "news" is the built-in name.
func pipelineFiles(in dir: String, repoRoot: String) throws -> [String: String] {
    let sink = "sink:\n  format: jsonl\n  compression_level: 3\n  write_dropped: true\n"
    var files: [String: String] = [:]
    func write(_ name: String, _ stages: String) throws {
        let path = dir + "/\(name).yaml"
        try ("name: \(name)\nstages:\(stages)\n" + sink).write(toFile: path, atomically: true, encoding: .utf8)
        files[name] = path
    }
    try write("passthrough", " []")
    for s in ["dedup", "clean", "language", "split", "tag", "quality"] { try write(s, "\n  - \(s)") }
    // The default pipeline minus `language` (same order and options otherwise).
    let news = try String(contentsOfFile: repoRoot + "/Pipelines/news.yaml", encoding: .utf8)
    var out: [Substring] = []
    var skipping = false
    for line in news.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("  - language") { skipping = true; continue }
        if skipping && line.hasPrefix("      ") { continue }
        skipping = false
        out.append(line)
    }
    let nolang = out.joined(separator: "\n").replacingOccurrences(of: "name: news", with: "name: news-nolang")
    try nolang.write(toFile: dir + "/news-nolang.yaml", atomically: true, encoding: .utf8)
    files["news-nolang"] = dir + "/news-nolang.yaml"
    files["news"] = "news"
    files["filtered"] = repoRoot + "/Pipelines/filtered.yaml"
    try write("near_dedup", "\n  - near_dedup")
    files["news-neardup"] = repoRoot + "/Pipelines/news-neardup.yaml"
    return files
}

/// Records and uncompressed bytes of a run, from its stats.jsonl file events.
func statsTotals(_ out: String) -> (records: Int, bytes: Int, recordsOut: Int) {
    guard let text = try? String(contentsOfFile: out + "/stats.jsonl", encoding: .utf8) else { return (0, 0, 0) }
    var summary = StatsSummary()
    for line in text.split(separator: "\n") { summary.add(line: String(line)) }
    return (summary.recordsIn, summary.bytesDecompressed, summary.recordsOut)
}

func inputFiles(_ dir: String) -> [String] {
    let fm = FileManager.default
    guard let e = fm.enumerator(atPath: dir) else { return [] }
    return e.compactMap { $0 as? String }.filter { $0.hasSuffix(".zst") }.sorted().map { dir + "/" + $0 }
}

func fmt(_ v: Double, _ d: Int = 1) -> String { String(format: "%.\(d)f", v) }

func pad(_ s: String, _ n: Int, right: Bool = true) -> String {
    let c = s.count
    if c >= n { return s }
    let sp = String(repeating: " ", count: n - c)
    return right ? sp + s : s + sp
}

func runBenchmark(_ opts: [String: String]) throws {
    // Pipelines/news.yaml is read from the repository: the current directory or above the binary.
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let candidates = [FileManager.default.currentDirectoryPath]
        + (1...4).map { exe.deletingLastPathComponent().appendingPathComponent(String(repeating: "../", count: $0)).standardized.path }
    guard let repoRoot = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/Pipelines/news.yaml") }) else {
        throw BenchError("run from the Sluice repository (Pipelines/news.yaml not found)")
    }
    let n = Int(opts["jobs"] ?? "") ?? ProcessInfo.processInfo.activeProcessorCount
    let repeats = Int(opts["repeat"] ?? "1") ?? 1
    let sluice = opts["sluice"] ?? (CommandLine.arguments[0] as NSString).deletingLastPathComponent + "/sluice"
    guard FileManager.default.isExecutableFile(atPath: sluice) else {
        throw BenchError("no sluice binary at \(sluice): build it (swift build -c release) or pass --sluice PATH")
    }
    let work = opts["keep"] ?? (NSTemporaryDirectory() + "sluice-bench-\(getpid())")
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    defer { if opts["keep"] == nil { try? FileManager.default.removeItem(atPath: work) } }

    let input: String
    if let dir = opts["input"] {
        input = dir
    } else {
        input = work + "/corpus"
        let mb = Double(opts["mb"] ?? "100") ?? 100
        let files = Int(opts["files"] ?? "8") ?? 8
        let seed = UInt64(opts["seed"] ?? "1") ?? 1
        let t0 = Date()
        let (recs, raw, packed) = try generateCorpus(directory: input, mb: mb, files: files, seed: seed)
        print("generated \(recs) records, \(files) files: \(fmt(Double(raw) / 1e6)) MB JSONL, "
              + "\(fmt(Double(packed) / 1e6)) MB zstd (\(fmt(Double(raw) / Double(packed), 2)):1) in \(fmt(Date().timeIntervalSince(t0))) s")
    }
    let files = inputFiles(input)
    guard !files.isEmpty else { throw BenchError("no .zst files under \(input)") }
    let pipelines = try pipelineFiles(in: work, repoRoot: repoRoot)
    let all = ["passthrough", "dedup", "clean", "language", "split", "tag", "quality", "news-nolang", "news"]
    let configs = opts["configs"].map { $0.split(separator: ",").map(String.init) } ?? all
    let jobsList = opts["jobs-list"].map { $0.split(separator: ",").compactMap { Int($0) } } ?? (n == 1 ? [1] : [1, n])

    // The floor: decompress and recompress at level 3, single-threaded like one Sluice job.
    let quoted = files.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    var floor = Measure()
    for i in 0..<repeats {
        let m = try timed(["/bin/sh", "-c", "zstd -dcq \(quoted) | zstd -3 -q -c > /dev/null"])
        if i == 0 || m.cpu < floor.cpu { floor = m }
    }

    var bytes = 0, records = 0
    var rows: [[String]] = []
    for name in configs {
        guard let pipe = pipelines[name] else { throw BenchError("unknown configuration \(name); known: \((all + ["near_dedup", "news-neardup"]).joined(separator: ","))") }
        var oneJobWall = 0.0
        for jobs in jobsList {
            var best = Measure()
            var recOut = 0
            for i in 0..<repeats {
                let out = work + "/out"
                try? FileManager.default.removeItem(atPath: out)
                let m = try timed([sluice, "run", input, "-o", out, "-p", pipe, "--jobs", "\(jobs)", "--progress", "none"],
                                  log: work + "/log")
                if m.status != 0 {
                    let log = (try? String(contentsOfFile: work + "/log", encoding: .utf8)) ?? ""
                    throw BenchError("sluice run -p \(name) exited \(m.status):\n\(log)")
                }
                let t = statsTotals(out)
                if bytes == 0 { bytes = t.bytes; records = t.records }
                recOut = t.recordsOut
                if i == 0 || m.cpu < best.cpu { best = m }
            }
            if jobs == 1 { oneJobWall = best.wall }
            let mb = Double(bytes) / 1e6
            rows.append([name, "\(jobs)", fmt(best.wall, 2), fmt(best.cpu, 2), fmt(mb / best.wall), fmt(mb / best.cpu),
                         fmt(Double(records) / best.wall, 0), fmt(Double(best.rssKB) / 1024, 0),
                         name == "passthrough" ? fmt(best.cpu / floor.cpu, 2) + "×" : "",
                         jobs > 1 && oneJobWall > 0 ? fmt(oneJobWall / best.wall, 2) + "×" : "",
                         "\(recOut)"])
        }
    }

    let mb = Double(bytes) / 1e6
    print("input: \(input): \(files.count) files, \(fmt(mb)) MB uncompressed JSONL, \(records) records; "
          + "\(ProcessInfo.processInfo.activeProcessorCount) cores; best of \(repeats) by CPU")
    print("floor: zstd -dc | zstd -3: \(fmt(floor.cpu, 2)) CPU s, \(fmt(floor.wall, 2)) s wall, "
          + "\(fmt(mb / floor.cpu)) MB per CPU-s")
    let header = ["pipeline", "jobs", "wall s", "CPU s", "MB/s", "MB/CPU-s", "records/s", "RSS MB", "÷zstd", "speedup", "rec out"]
    let widths = [12, 4, 8, 8, 8, 9, 10, 7, 7, 8, 9]
    func line(_ cells: [String]) -> String {
        zip(cells, widths).enumerated().map { i, p in pad(p.0, p.1, right: i > 0) }.joined(separator: "  ")
    }
    print(line(header))
    for r in rows { print(line(r)) }
    print("MB/s = MB of uncompressed input per wall second; MB/CPU-s per CPU second (user+sys); "
          + "RSS = peak resident set of the run; ÷zstd = CPU s / floor CPU s; speedup = wall(1 job) / wall(N jobs)")
}
