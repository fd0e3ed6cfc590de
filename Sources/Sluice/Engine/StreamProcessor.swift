/// Runs stages over one stream on stdin and writes results to stdout in input order:
/// the engine behind `sluice clean`, `split` and `tag`.
public struct StreamProcessor: Sendable {
    /// The stages each record passes through.
    public var stages: [any Stage]
    /// How records are written to stdout.
    public var format: RecordFormat
    /// How stdin is read.
    public var decode: DecodeOptions
    /// Plain text in (articles separated by blank lines) instead of JSONL.
    public var textInput: Bool
    /// Batches processed in parallel.
    public var jobs: Int
    /// See ``Engine/slowRecordSeconds``.
    public var slowRecordSeconds = 30.0

    /// Runs `stages` over stdin, writing `format`.
    public init(stages: [any Stage], format: RecordFormat, decode: DecodeOptions = .init(),
                textInput: Bool = false, jobs: Int = Engine.defaultJobs) {
        self.stages = stages
        self.format = format
        self.decode = decode
        self.textInput = textInput
        self.jobs = max(1, jobs)
    }

    /// Processes stdin; returns the file stats (rejected records went to stderr).
    public func run() async -> FileStats {
        var decode = self.decode
        if textInput { decode.textLayout = .blankLine }
        let pipeline = Pipeline(name: "stream", decode: decode, stages: stages)
        let file = InputFile(path: "-", relative: "stdin", format: textInput ? .text : .jsonl,
                             size: 0, isStdin: true)
        let watch = SlowRecordWatch(threshold: slowRecordSeconds)
        watch.start()
        defer { watch.stop() }
        var worker = BatchWorker(stages: stages, sink: SinkOptions(), compressor: nil, format: format)
        worker.watch = watch
        let processor = FileProcessor(
            pipeline: pipeline,
            worker: worker,
            outputDirectory: nil,
            inFlight: Engine.batchesInFlight(jobs: jobs),
            progress: ProgressReporter(mode: .none))
        return await processor.run(file).stats
    }
}
