import ArgumentParser
import Sluice

@main
struct SluiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sluice",
        abstract: "Turn directories of zstd article dumps into clean, sentence-split, tagged corpora.",
        version: SluiceVersion.string,
        subcommands: [RunCommand.self, CleanCommand.self, SplitCommand.self, TagCommand.self,
                      ValidateCommand.self, StatsCommand.self]
    )
}
