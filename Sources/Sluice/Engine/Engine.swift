#if canImport(Glibc)
import Glibc
#endif

/// Runs a pipeline over input files: a task group bounded by `jobs` over files, each file
/// running its own decoder → workers → ordered writer (``FileProcessor``).
public struct Engine: Sendable {
    /// Where records go.
    public enum Output: Sendable, Equatable {
        /// DESIGN.md's output layout under this directory.
        case directory(String)
        /// JSONL on stdout (no stats file, no resume).
        case stdout
    }

    public var pipeline: Pipeline
    public var inputs: [String]
    public var output: Output
    public var jobs: Int
    public var progress: ProgressMode

    public typealias ProgressMode = ProgressReporter.Mode

    public init(pipeline: Pipeline, inputs: [String], output: Output,
                jobs: Int = Engine.defaultJobs, progress: ProgressMode = .auto) {
        self.pipeline = pipeline
        self.inputs = inputs
        self.output = output
        self.jobs = max(1, jobs)
        self.progress = progress
    }

    /// The number of online processors.
    public static var defaultJobs: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Problems found before any work starts: the exit status is 2.
    public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Processes every input; returns the report. Cancel the calling task to interrupt.
    public func run() async throws(ConfigurationError) -> RunReport {
        let t0 = Clock.now()
        var outDir: String?
        if case .directory(let d) = output { outDir = d.hasSuffix("/") && d.count > 1 ? String(d.dropLast()) : d }
        if let outDir {
            // Created first so the walk can recognise it (by real path) and not read it back
            // when it lies inside an input directory.
            do { try FileSystem.makeDirectories(outDir) } catch { throw ConfigurationError(description: "\(error)") }
        }
        let discovery = InputDiscovery(inputs: inputs, exclude: outDir.map { [$0] } ?? [])
        if !discovery.errors.isEmpty {
            throw ConfigurationError(description: "cannot read input: " + discovery.errors.joined(separator: "; "))
        }
        let files = discovery.files
        try checkCollisions(files)

        var report = RunReport()
        report.pipeline = pipeline.name
        report.skipped = discovery.skipped
        var stats: StatsLog?
        if let outDir {
            do {
                stats = try StatsLog(path: "\(outDir)/stats.jsonl")
            } catch {
                throw ConfigurationError(description: "\(error)")
            }
        }

        let reporter = ProgressReporter(mode: progress)
        reporter.begin(files: files.count, totalBytes: files.reduce(0) { $0 + $1.size })
        let compressor = outDir == nil ? nil : ZstdCompressor(level: Int32(pipeline.sink.compressionLevel))
        let processor = FileProcessor(
            pipeline: pipeline,
            worker: BatchWorker(stages: pipeline.stages, sink: pipeline.sink, compressor: compressor),
            outputDirectory: outDir,
            inFlight: jobs + 1,
            progress: reporter)
        // On stdout files run one after another so the stream's order is deterministic;
        // batches within each file still use every core.
        let fileLimit = outDir == nil ? 1 : jobs
        var stageTotals = Array(repeating: StageStats(), count: pipeline.stages.count)
        var interrupted = false

        await withTaskGroup(of: FileProcessor.Outcome.self) { group in
            var running = 0
            var iterator = files.makeIterator()
            while true {
                while running < fileLimit && !Task.isCancelled, let f = iterator.next() {
                    group.addTask { await processor.run(f) }
                    running += 1
                }
                guard let o = await group.next() else { break }
                running -= 1
                reporter.fileDone()
                if o.interrupted {
                    interrupted = true
                    continue
                }
                for i in o.stageStats.indices { stageTotals[i].merge(o.stageStats[i]) }
                report.add(o.stats)
                stats?.append(o.stats.json())
            }
        }
        if Task.isCancelled { interrupted = true }
        reporter.finish()
        report.stages = zip(pipeline.stages, stageTotals).map { ($0.name, $1) }
        report.seconds = Clock.now() - t0
        report.status = interrupted ? .interrupted : .completed
        if let stats {
            for (name, s) in report.stages { stats.append(StatsEvent.stage(name, s)) }
            stats.append(StatsEvent.run(report))
            stats.close()
        }
        return report
    }

    /// Two inputs that would write the same output file are a configuration error.
    private func checkCollisions(_ files: [InputFile]) throws(ConfigurationError) {
        var seen: [String: String] = [:]
        for f in files {
            if let other = seen[f.stem] {
                throw ConfigurationError(description: "inputs \(other) and \(f.path) would both write \(f.stem)\(pipeline.sink.fileExtension); rename one or run them separately")
            }
            seen[f.stem] = f.path
        }
    }
}
