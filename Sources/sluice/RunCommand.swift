import ArgumentParser
import Sluice

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline over input files and directories.",
        discussion: """
        INPUT is a file or a directory (walked recursively) of .jsonl .json .ndjson .txt \
        .html .warc files and tar/zip archives of them (.tar .tgz .tzst .zip), each optionally \
        compressed (.zst .gz .bz2 .xz); other files are skipped and counted by extension \
        (--verbose lists them). `-` reads one JSONL stream from stdin. Exit status: 0 all \
        inputs done, 1 some inputs failed or none could be read, 2 usage or configuration \
        error, 130 interrupted.

        --shard I/N processes only the input files of shard I (balanced by bytes, the same in \
        every task): run N tasks, e.g. a Slurm array (sbatch --array=0-<N-1>) with \
        --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT, all with the same inputs and \
        --output. Each shard keeps its own journal and stats.shard-I-of-N.jsonl; \
        `sluice stats OUT` merges them.
        """
    )

    @Argument(help: "Input files or directories; `-` for stdin.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Output directory, or `-` for JSONL on stdout.")
    var output: String

    @Option(name: .shortAndLong, help: "Pipeline file (YAML) or built-in name.")
    var pipeline: String = "news"

    // Numeric options parse their next word unconditionally: `--jobs -1` is then a value
    // refused by validate(), not a "missing value".
    @Option(name: .shortAndLong, parsing: .unconditional, help: "Files processed at once, and workers per file (default: cores).")
    var jobs: Int?

    @Flag(help: "Start over instead of resuming, even with a different pipeline.")
    var restart = false

    @Option(parsing: .unconditional, help: "Checkpoint each file after this many input records (default 50000).")
    var checkpointRecords = 50_000

    @Option(parsing: .unconditional, help: "Checkpoint each file after this many seconds (default 15).")
    var checkpointSeconds = 15.0

    @Option(help: "Progress display: auto (a bar on a terminal), bar, plain, none.")
    var progress: ProgressReporter.Mode = .auto

    @Option(help: ArgumentHelp("Process only shard I of N (0 ≤ I < N), e.g. --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT.",
                               valueName: "I/N"))
    var shard: String?

    @Option(parsing: .unconditional, help: "Report a record that stays longer than this many seconds in one stage, on stderr and in stats.jsonl (`slow`); 0 turns this off.")
    var slowRecordSeconds = 30.0

    @Flag(name: .shortAndLong, help: "List the files skipped (not of a kind Sluice reads) after the summary.")
    var verbose = false

    @Flag(help: "With --shard: exact dedup reads every input, not only this shard's, so the shards keep exactly what an unsharded run keeps (each task first reads the keys of the other shards' inputs).")
    var dedupAcrossShards = false

    @Flag(help: "With --shard: only compute this shard's near_dedup signatures and write them under OUT/.sluice/neardup/, then exit; the run step (--shard I/N --dedup-across-shards, e.g. an array job with --dependency=afterok on this one) reads them instead of the other shards' inputs.")
    var nearDedupPrepare = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Memory budget for whole-run decisions (near_dedup), e.g. 512M or 4G: the stage then keeps its signatures and sorted band keys on disk under OUT/.sluice/ (memory mode, about 16 bytes of RAM per document) and decides the same.", valueName: "SIZE"))
    var memory: String?

    /// `--shard`, parsed by ``validate()``.
    private var parsedShard: Shard? { shard.flatMap { try? Shard(parsing: $0) } }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if checkpointRecords < 1 { throw ValidationError("--checkpoint-records must be at least 1") }
        if !(checkpointSeconds > 0) { throw ValidationError("--checkpoint-seconds must be positive") }
        if !(slowRecordSeconds >= 0) { throw ValidationError("--slow-record-seconds must be 0 or more") }
        if let shard {
            do { _ = try Shard(parsing: shard) } catch { throw ValidationError(error.description) }
        } else if dedupAcrossShards {
            throw ValidationError("--dedup-across-shards needs --shard I/N")
        } else if nearDedupPrepare {
            throw ValidationError("--near-dedup-prepare needs --shard I/N")
        }
        if let memory, MemorySize.parse(memory) == nil {
            throw ValidationError("--memory: '\(memory)' is not a size of at least 1M, such as 512M, 4G or 1073741824")
        }
        if nearDedupPrepare && output == "-" { throw ValidationError("--near-dedup-prepare needs an output directory") }
    }

    func run() async throws {
        let loaded: Pipeline
        do {
            loaded = try PipelineFile.load(nameOrPath: pipeline)
        } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
        var engine = Engine(pipeline: loaded, inputs: inputs,
                            output: output == "-" ? .stdout : .directory(output),
                            jobs: jobs ?? Engine.defaultJobs, progress: progress)
        engine.pipelineSource = pipeline
        engine.restart = restart
        engine.shard = parsedShard
        engine.dedupAcrossShards = dedupAcrossShards
        engine.nearDedupPrepare = nearDedupPrepare
        engine.slowRecordSeconds = slowRecordSeconds
        engine.memory = memory.flatMap(MemorySize.parse)
        engine.checkpoints = CheckpointPolicy(records: checkpointRecords, seconds: checkpointSeconds)
        let report: RunReport
        do {
            let configured = engine
            report = try await Interruption.run { try await configured.run() }
        } catch let e as Engine.ConfigurationError {
            Console.error(e.description)
            throw ExitCode(2)
        }
        for note in report.notes { Console.error("sluice: \(note)") }
        Console.error(Summary.line(report, output: output))
        for f in report.failed { Console.error("  failed: \(f.error)") }
        if verbose { for path in report.skipped { Console.error("  skipped: \(path)") } }
        if let nothing = Summary.nothingRead(report) { Console.error(nothing) }
        if report.writeFailures > 0 {
            Console.error("sluice: outputs could not be written; fix the cause and run the same command again to resume")
        }
        if report.status == .interrupted {
            Console.error(output == "-" ? "sluice: interrupted" : "sluice: interrupted; run the same command again to resume")
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

extension ProgressReporter.Mode: ExpressibleByArgument {}
