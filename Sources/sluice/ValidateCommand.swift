import ArgumentParser
import Sluice

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a pipeline file; report problems with line and column."
    )

    @Argument(help: "Pipeline file (YAML) or built-in name.")
    var pipeline: String

    func run() throws {
        do {
            let p = try PipelineFile.load(nameOrPath: pipeline)
            print("\(pipeline): ok: pipeline '\(p.name)': \(p.stages.map(\.name).joined(separator: " → ")) → \(p.sink.format.rawValue)")
        } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
    }
}
