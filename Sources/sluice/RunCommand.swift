import ArgumentParser
import Sluice

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline over input files and directories.",
        discussion: """
        INPUT is a file or a directory (walked recursively) of .jsonl .json .ndjson .txt files, \
        each optionally .zst; other files are skipped and counted. `-` reads one JSONL stream \
        from stdin. Exit status: 0 all inputs done, 1 some inputs failed, 2 usage or \
        configuration error, 130 interrupted.
        """
    )

    @Argument(help: "Input files or directories; `-` for stdin.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Output directory, or `-` for JSONL on stdout.")
    var output: String

    @Option(name: .shortAndLong, help: "Pipeline file (YAML) or built-in name.")
    var pipeline: String = "news"

    @Option(name: .shortAndLong, help: "Files processed at once, and workers per file (default: cores).")
    var jobs: Int?

    @Flag(help: "Start over instead of resuming (outputs of earlier runs are replaced).")
    var restart = false

    @Option(help: "Progress display: auto (a bar on a terminal), bar, plain, none.")
    var progress: ProgressReporter.Mode = .auto

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        let loaded: Pipeline
        do {
            loaded = try PipelineFile.load(nameOrPath: pipeline)
        } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
        let engine = Engine(pipeline: loaded, inputs: inputs,
                            output: output == "-" ? .stdout : .directory(output),
                            jobs: jobs ?? Engine.defaultJobs, progress: progress)
        let report: RunReport
        do {
            report = try await Interruption.run { try await engine.run() }
        } catch let e as Engine.ConfigurationError {
            Console.error(e.description)
            throw ExitCode(2)
        }
        Console.error(Summary.line(report, output: output))
        for f in report.failed { Console.error("  failed: \(f.error)") }
        if report.status == .interrupted { Console.error("interrupted: run the same command again to start over") }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

extension ProgressReporter.Mode: ExpressibleByArgument {}
