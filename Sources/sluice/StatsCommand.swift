import ArgumentParser
import Foundation
import Sluice

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Summarize or merge stats.jsonl files.",
        discussion: "Give several files (e.g. one per Slurm array task) to merge them; an output directory of a sharded run (--shard) stands for all its shards' stats.shard-I-of-N.jsonl."
    )

    @Argument(help: "stats.jsonl files, or output directories holding one.")
    var files: [String]

    @Flag(help: "Print one merged JSON object instead of a table.")
    var json = false

    func run() throws {
        var summary = StatsSummary()
        var events = 0
        for path in try files.flatMap(Self.statsFiles) {
            // A stats file given compressed (`stats.jsonl.zst`) is read as the inputs are.
            let text: String
            do {
                text = String(decoding: try FileReader.readAllDecompressed(path: path), as: UTF8.self)
            } catch {
                Console.error("sluice: cannot read \(path): \(error.message)")
                throw ExitCode(2)
            }
            var fileEvents = 0
            var others = 0
            let runsBefore = summary.runs
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
                if summary.add(line: String(line)) {
                    fileEvents += 1
                    continue
                }
                others += 1
                // A few lines name the problem; thousands (a records file given by mistake) would bury it.
                if others <= Self.linesShown { Console.error("sluice: \(path):\(n + 1): not a stats event, skipped") }
            }
            if others > Self.linesShown {
                Console.error("sluice: \(path): \(others - Self.linesShown) more lines that are not stats events, skipped")
            }
            if fileEvents == 0 {
                Console.error("sluice: \(path) holds no stats events; give the stats.jsonl of a sluice run (or its output directory): a run adds a line to it as each input file is done")
            }
            if fileEvents > 0 && summary.runs == runsBefore {
                // A run adds its `run` event last: without one the table is of files done so far.
                Console.error("sluice: \(path) has no run event: its run is still going, or was killed (`sluice status` on its output directory says which); the table counts the files finished so far")
            }
            events += fileEvents
        }
        // A table of zeros would read as an empty run.
        if events == 0 { throw ExitCode(1) }
        if json {
            print(summary.json().serialized())
            return
        }
        print(StatsTable.render(summary))
    }

    /// Lines that are not stats events named one by one, per file.
    static let linesShown = 3

    /// A stats file as given, or the stats files of an output directory (``StatsFiles``).
    static func statsFiles(_ argument: String) throws -> [String] {
        let found = StatsFiles.paths(argument)
        guard !found.isEmpty else {
            if FileManager.default.fileExists(atPath: argument) {
                let dir = argument.hasSuffix("/") && argument.count > 1 ? String(argument.dropLast()) : argument
                Console.error("sluice: \(dir) holds no stats.jsonl (nor a shard's stats.shard-I-of-N.jsonl); give a run's output directory or its stats file")
            } else {
                Console.error("sluice: cannot read \(argument): no such file or directory")
            }
            throw ExitCode(2)
        }
        return found
    }
}

/// The human table of `sluice stats`.
enum StatsTable {
    static func render(_ s: StatsSummary) -> String {
        var rows: [(String, String)] = [
            ("files", "\(s.files)" + (s.failedFiles > 0 ? " (\(s.failedFiles) failed)" : "")),
            ("records in", "\(s.recordsIn)"),
            ("records out", "\(s.recordsOut)"),
            ("rejected", counters(s.rejected)),
            ("dropped", counters(s.dropped)),
            ("bytes in (compressed)", Format.bytes(s.bytesIn)),
            ("bytes decompressed", Format.bytes(s.bytesDecompressed)),
            ("bytes out", Format.bytes(s.bytesOut)),
            ("sentences", "\(s.sentences)"),
            ("words", "\(s.words)"),
            ("languages", counters(s.langs)),
        ]
        // Only when there is something to say: JSONL-only runs have neither.
        if !s.total.encodings.values.isEmpty { rows.append(("text encodings", counters(s.total.encodings))) }
        if !s.total.skipped.values.isEmpty { rows.append(("skipped inside files", counters(s.total.skipped))) }
        rows += [
            ("file seconds", Format.fixed(s.fileSeconds, 2)),
        ]
        for (name, st) in s.stages {
            rows.append(("stage \(name)", "\(st.records) records, \(st.changed) changed, \(Format.fixed(st.seconds, 2)) s" + (st.counters.values.isEmpty ? "" : "; " + counters(st.counters))))
        }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0 + String(repeating: " ", count: width - $0.0.count) + "  " + $0.1 }.joined(separator: "\n")
    }

    static func counters(_ c: Counters) -> String {
        c.values.isEmpty ? "0" : c.sorted.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
    }
}
