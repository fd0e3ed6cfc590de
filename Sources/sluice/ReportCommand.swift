import ArgumentParser
import Foundation
import Sluice

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write OUT/report.html: one self-contained page with the run's charts, tables and samples.",
        discussion: "Reads the run's stats files (every shard's), its journal and a few sampled records, never the whole corpus. A run in progress or interrupted gets a page of what is done so far, marked as such."
    )

    @Argument(help: "The run's output directory.")
    var output: String

    @Option(parsing: .unconditional, help: "Records shown: this many kept ones and this many per rejection or drop reason.")
    var samples = 5

    @Option(name: .customLong("out"), help: "Where to write the page (default: OUTPUT/report.html).")
    var page: String?

    func validate() throws {
        guard samples >= 0 else { throw ValidationError("--samples must be 0 or more") }
    }

    func run() throws {
        guard let snapshot = RunSnapshot(outputDirectory: output) else {
            Console.error("sluice: \(output) holds no run (no stats file, no journal)")
            throw ExitCode(2)
        }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let report = ReportPage(snapshot: snapshot, samples: ReportSamples(snapshot: snapshot, count: samples),
                                sampleCount: samples, generated: formatter.string(from: Date()))
        let path = page ?? snapshot.outputDirectory + "/report.html"
        do {
            try report.write(to: path)
        } catch {
            Console.error("sluice: \(error)")
            throw ExitCode(1)
        }
        let state = snapshot.isComplete ? "" : " (run not finished: what is done so far)"
        print("sluice: wrote \(path)\(state)")
    }
}
