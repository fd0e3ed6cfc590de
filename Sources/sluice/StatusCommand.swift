import ArgumentParser
import Foundation
import Sluice

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the state of a run: files done, in progress and pending; changes since.",
        discussion: "Run it from the directory the run was started in, so its inputs are found. For a sharded run (--shard I/N into one output directory) it reports every shard."
    )

    @Argument(help: "The run's output directory.")
    var output: String

    func run() throws {
        if let sharded = RunStatus.shards(in: output) {
            print(Self.shardedReport(output: output, count: sharded.count, started: sharded.started))
            return
        }
        guard let s = RunStatus(outputDirectory: output) else {
            Console.error("sluice: \(output) holds no run journal (.sluice/run.json)")
            throw ExitCode(2)
        }
        var lines = ["\(output): pipeline '\(s.run.pipelineName)' (\(s.run.pipelineSource)), started \(s.run.starts) time\(s.run.starts == 1 ? "" : "s")"]
        lines += Self.details(s)
        print(lines.joined(separator: "\n"))
    }

    /// A sharded run: one section per shard, shards not started yet, and the totals.
    static func shardedReport(output: String, count: Int, started: [Shard]) -> String {
        var lines = ["\(output): sharded run, \(count) shard\(count == 1 ? "" : "s") (\(started.count) started)"]
        var statuses: [RunStatus] = []
        let lookups = RunStatus.Lookups()
        for shard in started {
            guard let s = RunStatus(outputDirectory: output, shard: shard, lookups: lookups) else {
                lines.append("shard \(shard): journal unreadable")
                continue
            }
            statuses.append(s)
            let dedup = s.run.dedupAcrossShards ? ", dedup across shards" : ""
            lines.append("shard \(shard): pipeline '\(s.run.pipelineName)' (\(s.run.pipelineSource))\(dedup), started \(s.run.starts) time\(s.run.starts == 1 ? "" : "s")")
            lines += details(s).map { "  " + $0 }
        }
        let missing = (0..<count).filter { i in !started.contains { $0.index == i } }
        if !missing.isEmpty {
            lines.append("not started: shard\(missing.count == 1 ? "" : "s") \(missing.prefix(20).map { "\($0)/\(count)" }.joined(separator: ", "))\(missing.count > 20 ? ", …" : "")")
        }
        // Shards run with different settings do not make one corpus: say so.
        if Set(statuses.map(\.run.pipelineFingerprint)).count > 1 { lines.append("WARNING: the shards were run with different pipelines") }
        if Set(statuses.map(\.run.dedupAcrossShards)).count > 1 { lines.append("WARNING: some shards were run with --dedup-across-shards and some without") }
        let files = statuses.reduce(0) { $0 + $1.files.count + $1.pending.count }
        let done = statuses.reduce(0) { $0 + $1.done }, failed = statuses.reduce(0) { $0 + $1.failed }
        let inProgress = statuses.reduce(0) { $0 + $1.inProgress }, pending = statuses.reduce(0) { $0 + $1.pending.count }
        lines.append("total of started shards: \(files) files — \(done) done, \(failed) failed, \(inProgress) in progress, \(pending) pending; records done: \(statuses.reduce(0) { $0 + $1.recordsDone })")
        return lines.joined(separator: "\n")
    }

    /// Everything but the heading: counts, checkpoints, changes, unfinished files.
    static func details(_ s: RunStatus) -> [String] {
        var lines: [String] = []
        lines.append("files: \(s.files.count + s.pending.count) — \(s.done) done, \(s.failed) failed, \(s.inProgress) in progress, \(s.pending.count) pending")
        lines.append("records done: \(s.recordsDone)")
        if s.lastCheckpoint > 0 { lines.append("last checkpoint: \(Self.time(s.lastCheckpoint))") }
        lines.append("pipeline: " + (s.pipelineChange.map { "CHANGED — " + $0 } ?? "unchanged"))
        let changed = s.files.filter { $0.changed != nil }
        lines.append("inputs: " + (changed.isEmpty && s.vanished.isEmpty ? "unchanged" :
            "\(changed.count) changed, \(s.vanished.count) vanished (re-running redoes changed files)"))
        for f in s.files where f.status != "done" || f.changed != nil {
            var line = "  \(f.status.padding(toLength: 11, withPad: " ", startingAt: 0)) \(f.file)  \(f.recordsDone) records"
            if f.savedAt > 0 { line += ", checkpoint \(Self.time(f.savedAt))" }
            if let c = f.changed { line += "; input changed: \(c)" }
            if let e = f.error { line += "; \(e)" }
            lines.append(line)
        }
        for p in s.pending.prefix(20) { lines.append("  pending     \(p)") }
        if s.pending.count > 20 { lines.append("  … \(s.pending.count - 20) more pending") }
        for v in s.vanished { lines.append("  vanished    \(v)") }
        return lines
    }

    static func time(_ t: Double) -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        f.timeZone = TimeZone(identifier: "UTC")
        let ago = Date().timeIntervalSince1970 - t
        let rel = ago < 120 ? "\(Int(ago)) s ago" : ago < 7200 ? "\(Int(ago / 60)) min ago" : "\(Int(ago / 3600)) h ago"
        return "\(f.string(from: Date(timeIntervalSince1970: t))) (\(rel))"
    }
}
