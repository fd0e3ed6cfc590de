import ArgumentParser
import Foundation
import Sluice

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the state of a run: files done, in progress and pending; changes since.",
        discussion: "Run it from the directory the run was started in, so its inputs are found."
    )

    @Argument(help: "The run's output directory.")
    var output: String

    func run() throws {
        guard let s = RunStatus(outputDirectory: output) else {
            Console.error("sluice: \(output) holds no run journal (.sluice/run.json)")
            throw ExitCode(2)
        }
        var lines: [String] = []
        lines.append("\(output): pipeline '\(s.run.pipelineName)' (\(s.run.pipelineSource)), started \(s.run.starts) time\(s.run.starts == 1 ? "" : "s")")
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
        print(lines.joined(separator: "\n"))
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
