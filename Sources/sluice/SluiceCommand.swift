import ArgumentParser
import Sluice
#if canImport(Glibc)
import Glibc
#endif

@main
struct SluiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sluice",
        abstract: "Turn directories of zstd article dumps into clean, sentence-split, tagged corpora.",
        version: SluiceVersion.string,
        subcommands: [RunCommand.self, ExtractCommand.self, CleanCommand.self, SplitCommand.self, TagCommand.self,
                      ValidateCommand.self, StatsCommand.self, StatusCommand.self, ReportCommand.self]
    )

    /// As ArgumentParser's `main`, except that usage errors exit with 2 (DESIGN.md), not 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                Console.error(fullMessage(for: error))
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}
