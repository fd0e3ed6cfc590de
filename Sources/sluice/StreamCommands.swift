import ArgumentParser
import Sluice

/// Options shared by the one-stage stream commands.
struct StreamOptions: ParsableArguments {
    // Numeric options parse their next word unconditionally: `--jobs -1` is then a value
    // refused by validate(), not a "missing value".
    @Option(name: .shortAndLong, parsing: .unconditional, help: "Parallel workers (default: cores).")
    var jobs: Int?

    @Option(help: "JSON field holding the text.")
    var textField = "text"

    @Option(parsing: .unconditional, help: "Report a record that stays longer than this many seconds in one stage (0: never).")
    var slowRecordSeconds = 30.0

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if !(slowRecordSeconds >= 0) { throw ValidationError("--slow-record-seconds must be 0 or more") }
    }

    /// Runs `stages` over stdin and exits 1 when records were rejected.
    func run(_ stages: [any Stage], format: RecordFormat, textInput: Bool = false, htmlField: String? = nil) async throws {
        var decode = DecodeOptions()
        decode.textField = textField
        decode.htmlField = htmlField
        var processor = StreamProcessor(stages: stages, format: format, decode: decode,
                                        textInput: textInput, jobs: jobs ?? Engine.defaultJobs)
        processor.slowRecordSeconds = slowRecordSeconds
        let configured = processor
        let stats = try await Interruption.run { await configured.run() }
        if let e = stats.error {
            Console.error("sluice: \(e)")
            throw ExitCode(1)
        }
        let rejected = stats.rejected.values.values.reduce(0, +)
        if rejected > 0 {
            Console.error("sluice: \(rejected) of \(stats.recordsIn) records rejected (written to stderr as JSON lines)")
            throw ExitCode(1)
        }
    }
}

struct CleanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Clean JSONL records from stdin.",
        discussion: #"Reads lines {"id": ..., "text": ...}; writes {"id", "text", "tags", "date"} in the same order."#
    )
    @OptionGroup var stream: StreamOptions

    @Flag(help: "Show what cleaning changed instead of the records: per changed record, the removed (-) and added (+) lines, lifted tags and date.")
    var diff = false

    @Option(help: "A pipeline file (or `news`) whose clean options to use instead of the defaults.")
    var pipeline: String?

    func run() async throws {
        // One line out per record: a record cleaned to nothing is written with empty text.
        var stage = CleanStage(keepRawText: diff, dropEmpty: false)
        if let pipeline {
            do {
                let p = try PipelineFile.load(nameOrPath: pipeline)
                if let c = p.stages.compactMap({ $0 as? CleanStage }).first {
                    stage = CleanStage(options: c.cleaner.options, keepRawText: diff, dropEmpty: false)
                }
            } catch {
                Console.error("sluice: \(error.description)")
                throw ExitCode(2)
            }
        }
        try await stream.run([stage], format: diff ? .cleanDiff : .clean)
    }
}

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the article from web pages in JSONL records from stdin.",
        discussion: #"Reads lines {"id": ..., "text": ...} (or the page in --html-field); writes {"id", "text", "date", "attributes": {"html": {...}}} in the same order. A page without an article gets an empty text; a text that is no HTML document passes unchanged."#
    )
    @OptionGroup var stream: StreamOptions

    @Option(help: "JSON field holding the page's HTML (e.g. html, raw_content); records without it use --text-field.")
    var htmlField: String?

    @Option(help: "Which way to lean on doubtful blocks: precision, balanced or recall.")
    var favor: ExtractOptions.Favor = .balanced

    @Flag(help: "Keep reader comments after the article.")
    var comments = false

    @Flag(inversion: .prefixedNo, help: "Keep tables inside the article, one row a line.")
    var tables = true

    @Flag(help: "Keep link targets: a link's text is followed by its URL in angle brackets.")
    var links = false

    @Option(help: "Fewer characters of article text than this: no article.")
    var minChars = ExtractOptions().minChars

    func validate() throws {
        if minChars < 0 { throw ValidationError("--min-chars must be 0 or more") }
        if htmlField?.isEmpty == true { throw ValidationError("--html-field must not be empty") }
    }

    func run() async throws {
        let options = ExtractOptions(favor: favor, comments: comments, tables: tables, links: links, minChars: minChars)
        // One line out per line in: a page without an article is written with an empty text.
        let stage = ExtractStage(options: options, dropsNoArticle: false)
        try await stream.run([stage], format: .extract, htmlField: htmlField)
    }
}

extension ExtractOptions.Favor: ExpressibleByArgument {}

struct SplitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Split JSONL records (or plain text with --text) from stdin into sentences.",
        discussion: #"Reads lines {"id": ..., "text": ..., "lang"?: ...}; writes {"id", "sentences": [...]} in the same order."#
    )
    @OptionGroup var stream: StreamOptions

    @Option(help: "Language rules: auto (the record's `lang`, else a guess from the script, else English) or a code such as de.")
    var lang = "auto"

    @Flag(help: "Plain text in, one sentence per line out.")
    var text = false

    @Flag(help: #"Write "sentence_spans": [[start, end], ...] (Unicode scalar offsets into text, as Python string indices) instead of sentences."#)
    var spans = false

    func validate() throws {
        if spans && text { throw ValidationError("--spans writes JSONL; it cannot be combined with --text") }
    }

    func run() async throws {
        let stage = SplitStage(language: lang, output: spans ? .spans : .sentences)
        try await stream.run([stage], format: text ? .sentenceLines : .split, textInput: text)
    }
}

struct TagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag JSONL records from stdin.",
        discussion: #"Reads lines {"id": ..., "text": ...}; writes {"id", "lang", "lang_score", "tags", "attributes"} in the same order."#
    )
    @OptionGroup var stream: StreamOptions

    func run() async throws {
        try await stream.run([LanguageStage(), SplitStage(), TagStage()], format: .tag)
    }
}
