#if canImport(Glibc)
import Glibc
#endif

/// Runs a pipeline over input files: a task group bounded by `jobs` over files, each file
/// running its own decoder → workers → ordered writer (`FileProcessor`).
///
/// With an output directory the run keeps a journal (`OUT/.sluice/`): running the same
/// command again skips finished files and continues unfinished ones from their last
/// checkpoint, with outputs and stats identical to an uninterrupted run.
///
/// With a ``shard`` the engine processes only that shard's input files (``ShardAssignment``,
/// kept in the output directory by ``ShardPlan``), with its own journal
/// (`OUT/.sluice/shard-I-of-N/`) and stats file (`OUT/stats.shard-I-of-N.jsonl`), so that the
/// tasks of a Slurm array can share one output directory.
public struct Engine: Sendable {
    /// Where records go.
    public enum Output: Sendable, Equatable {
        /// DESIGN.md's output layout under this directory.
        case directory(String)
        /// JSONL on stdout (no stats file, no resume).
        case stdout
    }

    /// The pipeline the run applies.
    public var pipeline: Pipeline
    /// How the pipeline was named on the command line, recorded in the journal for `status`.
    public var pipelineSource = "news"
    /// Input files and directories (walked recursively in sorted order); `-` reads stdin.
    public var inputs: [String]
    /// Where records go.
    public var output: Output
    /// Files processed at once, and parallel batch workers inside each file.
    public var jobs: Int
    /// How progress is shown on stderr.
    public var progress: ProgressMode
    /// Forget an earlier run in the output directory and start over.
    public var restart = false
    /// How often the journal checkpoints each file.
    public var checkpoints = CheckpointPolicy()
    /// Process only this shard's input files (`--shard I/N`); nil for all of them.
    public var shard: Shard?
    /// With a ``shard``: exact dedup takes every input of the run into account, not only this
    /// shard's, so the shards together keep exactly the documents an unsharded run keeps.
    /// Costs each task a reading pass over the other shards' inputs.
    public var dedupAcrossShards = false
    /// With ``shard``: only sign this shard's inputs for each `near_dedup` stage, writing them
    /// under `OUT/.sluice/neardup/` for the run step's tasks (run with `dedupAcrossShards`).
    public var nearDedupPrepare = false
    /// Seconds a record may stay in one stage before the run reports it on stderr and counts
    /// it in the file's stats (`slow`); 0 turns the watch off.
    public var slowRecordSeconds = 30.0
    /// `--memory`: bytes stages may hold for whole-run decisions (`near_dedup`) before they
    /// spill to disk, under `OUT/.sluice/spill…/` (or `$TMPDIR` for stdout output); nil keeps
    /// everything in memory.
    public var memory: Int?

    /// How progress is shown: see ``ProgressReporter/Mode``.
    public typealias ProgressMode = ProgressReporter.Mode

    /// ``dedupAcrossShards`` as it applies: only a sharded run has other shards to dedup against.
    private var crossShardDedup: Bool { shard != nil && dedupAcrossShards }

    /// A run of `pipeline` over `inputs` into `output`, `jobs` at a time.
    public init(pipeline: Pipeline, inputs: [String], output: Output,
                jobs: Int = Engine.defaultJobs, progress: ProgressMode = .auto) {
        self.pipeline = pipeline
        self.inputs = inputs
        self.output = output
        self.jobs = max(1, jobs)
        self.progress = progress
    }

    /// Batches of one file in flight: one per job, plus one being decoded while the others
    /// are processed; `--jobs 1` keeps a single batch so that it really uses one core.
    static func batchesInFlight(jobs: Int) -> Int { jobs == 1 ? 1 : jobs + 1 }

    /// The number of online processors.
    public static var defaultJobs: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Problems found before any work starts: the exit status is 2.
    public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
        /// The problem, for the user.
        public var description: String
    }

    /// Processes every input; returns the report. Cancel the calling task to interrupt.
    public func run() async throws(ConfigurationError) -> RunReport {
        let t0 = Clock.now()
        let started = WallClock.now()
        var outDir: String?
        if case .directory(let d) = output { outDir = d.hasSuffix("/") && d.count > 1 ? String(d.dropLast()) : d }
        // An existing output directory inside an input directory is recognised by its real
        // path and not read back; one that does not exist yet holds nothing to read.
        let discovery = InputDiscovery(inputs: inputs, exclude: outDir.map { [$0] } ?? [])
        if !discovery.errors.isEmpty {
            throw ConfigurationError(description: "cannot read input: " + discovery.errors.joined(separator: "; "))
        }
        if let outDir {
            do { try FileSystem.makeDirectories(outDir) } catch { throw ConfigurationError(description: "\(error)") }
        }

        // Dedup orders records by (file, line) packed in 64 bits, 24 of them for the file.
        if discovery.files.count > DedupIndex.maxFiles {
            throw ConfigurationError(description: "\(discovery.files.count) input files: one run reads at most "
                + "\(DedupIndex.maxFiles) (dedup numbers them in 24 bits); pack small files into archives "
                + "(a .tar of many articles is one input) or split the corpus into several runs")
        }
        // Checked over every input, not only this shard's, so that all tasks agree.
        try checkCollisions(discovery.files)
        if let outDir, let conflict = ShardPlan.conflict(outputDirectory: outDir, shard: shard) {
            throw ConfigurationError(description: conflict)
        }
        // Held until the run returns: one run (or one run of a shard) writes an output at a time.
        let lock = try outDir.map { d throws(ConfigurationError) in
            try RunLock(outputDirectory: d, name: (nearDedupPrepare ? "prepare-" : "") + (shard?.name ?? "run"))
        }
        defer { withExtendedLifetime(lock) {} }
        var files = discovery.files
        var shardNotes: [String] = []
        if let shard {
            (files, shardNotes) = try select(shard, from: discovery.files, outputDirectory: outDir)
        }

        var report = RunReport()
        report.pipeline = pipeline.name
        report.shard = shard?.description
        if nearDedupPrepare {
            guard let outDir, let shard else { throw ConfigurationError(description: "--near-dedup-prepare needs --shard I/N and an output directory") }
            var preceding: [any Stage] = []
            for s in pipeline.stages {
                if let near = s as? NearDedupStage {
                    do {
                        let path = try await near.writeSignatures(files: files, decode: pipeline.decode, preceding: preceding, jobs: jobs,
                                                                  outputDirectory: outDir, shard: shard)
                        report.notes.append("near_dedup signatures of \(files.count) input\(files.count == 1 ? "" : "s") written to \(path)")
                    } catch {
                        throw ConfigurationError(description: "writing near_dedup signatures: \(error)")
                    }
                }
                preceding.append(s)
            }
            if report.notes.isEmpty { throw ConfigurationError(description: "--near-dedup-prepare: the pipeline has no near_dedup stage") }
            report.readableInputs = discovery.files.count
            report.seconds = Clock.now() - t0
            report.started = started
            return report
        }
        // Files Sluice does not read are counted by one shard each (placed by path), so the
        // shards' stats add up to an unsharded run's.
        report.skipped = shard.map { sh in discovery.skipped.filter { ShardAssignment.shardByPath($0, count: sh.count) == sh.index } }
            ?? discovery.skipped
        report.readableInputs = discovery.files.count
        for dir in discovery.unreadable {
            report.failed.append((dir + "/", "\(dir)/: directory cannot be read; its files were not processed"))
        }
        let repeatedDirectories = discovery.repeated.map {
            "\($0.path)/: the directory already read as \($0.firstReadAs)/, reached again through a symbolic link; not read again"
        }
        let otherOutputs = discovery.otherOutputs.map {
            "\($0)/: the output directory of another sluice run (it holds .sluice/); not read as input (give it as an INPUT of its own to read it)"
        }
        let journal = outDir.map { RunJournal(outputDirectory: $0, shard: shard) }
        var plan = RunPlan()
        if let journal {
            plan = try prepare(journal: journal, files: files)
            report.resumed = plan.resumed
            report.notes = plan.notes
        }
        report.notes = repeatedDirectories + otherOutputs + shardNotes + report.notes
        var stats: StatsLog?
        if let outDir {
            do {
                // Rebuilt from the journal, so a resume never repeats or loses a file event.
                let name = shard?.statsFileName ?? "stats.jsonl"
                stats = try StatsLog(path: "\(outDir)/\(name)", events: plan.finished.map { $0.stats.json() })
            } catch {
                throw ConfigurationError(description: "\(error)")
            }
        }
        var stageTotals = Array(repeating: StageStats(), count: pipeline.stages.count)
        for cp in plan.finished {
            var stats = cp.stats
            if plan.vanishedFailed.contains(cp.file) { stats.error = nil }
            report.add(stats)
            for i in cp.stageStats.indices where i < stageTotals.count { stageTotals[i].merge(cp.stageStats[i]) }
        }
        // Finished files of the earlier run, including vanished ones whose events are kept.
        report.filesSkippedDone = plan.finished.count

        let todo = files.filter { !plan.skipDone.contains($0.relative) }
        // Stages that need the whole corpus first (exact dedup) see every file, finished or
        // not, so their decisions do not depend on what an earlier run already did: every
        // file of this shard, or of the whole run with `dedupAcrossShards`. Files keep their
        // index in the whole run's order either way, so "earlier" means the same in every shard.
        var corpus = RunCorpus(
            files: crossShardDedup ? discovery.files : files,
            reading: todo.filter { !$0.isStdin }.map(\.index),
            resumed: Set(todo.filter { (plan.resume[$0.relative]?.nextSequence ?? 0) > 0 }.map(\.index)),
            decode: pipeline.decode, jobs: jobs)
        if crossShardDedup { corpus.sharedSignatures = outDir }
        corpus.memory = memory
        // Each shard's task spills in its own directory: array tasks share OUT.
        corpus.spillDirectory = outDir.map { $0 + "/.sluice/spill" + (shard.map { "-" + $0.name } ?? "") }
        var stages: [any Stage] = []
        if todo.isEmpty {
            // Every file finished (a finished run run again): no stage sees a record, and the
            // reading passes (dedup after extract re-extracted every page) would be for nothing.
            stages = pipeline.stages
        } else {
            for s in pipeline.stages {
                do {
                    stages.append(try await s.prepared(for: corpus, preceding: stages))
                } catch {
                    throw ConfigurationError(description: "preparing stage \(s.name): \(error)")
                }
            }
        }
        let reporter = ProgressReporter(mode: progress)
        reporter.begin(files: todo.count, totalBytes: todo.reduce(0) { $0 + $1.size })
        let compressor = outDir == nil ? nil : ZstdCompressor(level: Int32(pipeline.sink.compressionLevel))
        let watch = SlowRecordWatch(threshold: slowRecordSeconds, reporter: reporter)
        watch.start()
        defer { watch.stop() }
        var worker = BatchWorker(stages: stages, sink: pipeline.sink, compressor: compressor)
        worker.watch = watch
        var processor = FileProcessor(
            pipeline: pipeline,
            worker: worker,
            outputDirectory: outDir,
            inFlight: Engine.batchesInFlight(jobs: jobs),
            progress: reporter)
        processor.journal = journal
        processor.ledgers = runOrderLedgers(of: stages)
        if !processor.ledgers.isEmpty { processor.turnstile = RunTurnstile(order: corpus.reading) }
        processor.checkpoints = checkpoints
        // On stdout files run one after another so the stream's order is deterministic;
        // batches within each file still use every core.
        let fileLimit = outDir == nil ? 1 : jobs
        var interrupted = false
        var completion = plan.nextCompletion
        let fileProcessor = processor
        let resumeFrom = plan.resume
        let fingerprints = plan.fingerprints

        await withTaskGroup(of: FileProcessor.Outcome.self) { group in
            var running = 0
            var iterator = todo.makeIterator()
            while true {
                while running < fileLimit && !Task.isCancelled, let f = iterator.next() {
                    let resume = resumeFrom[f.relative]
                    let fp = fingerprints[f.relative]
                    group.addTask { await fileProcessor.run(f, resume: resume, fingerprint: fp) }
                    running += 1
                }
                guard let o = await group.next() else { break }
                running -= 1
                reporter.fileDone()
                if let note = o.note { report.notes.append(note) }
                if o.resumed { report.filesResumed += 1 } else { report.filesStarted += 1 }
                if o.interrupted {
                    interrupted = true
                    continue
                }
                if o.writeFailed {
                    // Not journaled as finished: the same command resumes it once space is freed.
                    report.failed.append((o.stats.file, o.stats.error ?? "write failed"))
                    report.writeFailures += 1
                    continue
                }
                if var cp = o.checkpoint, let journal {
                    cp.completion = completion
                    completion += 1
                    do {
                        try journal.save(cp)
                    } catch {
                        report.notes.append("\(cp.file): could not record completion in the journal (\(error)); it will be redone")
                    }
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
        report.started = started
        report.status = interrupted ? .interrupted : report.failed.isEmpty ? .completed : .failed
        if let stats {
            // Stage totals only for a finished run; an interrupted run says so in its run event,
            // and the resume that finishes it rebuilds the log without it.
            if !interrupted {
                for (name, s) in report.stages { stats.append(StatsEvent.stage(name, s)) }
            }
            stats.append(StatsEvent.run(report))
            stats.close()
        }
        return report
    }

    /// What a run has to do given its journal.
    struct RunPlan {
        var resumed = false
        var notes: [String] = []
        /// Files finished earlier (done or failed), in completion order, with unchanged inputs.
        var finished: [FileCheckpoint] = []
        var skipDone: Set<String> = []
        var resume: [String: FileCheckpoint] = [:]
        var fingerprints: [String: InputFingerprint] = [:]
        var nextCompletion = 0
        /// Files that failed in an earlier run and no longer exist: their events stay, their
        /// failure no longer fails the run (nothing can be done about it but deleting outputs).
        var vanishedFailed: Set<String> = []
    }

    /// Reads the journal: refuses a changed pipeline, sorts files into finished, resumable
    /// and new, and records this start.
    private func prepare(journal: RunJournal, files: [InputFile]) throws(ConfigurationError) -> RunPlan {
        var plan = RunPlan()
        if restart {
            removeOutputs(of: journal)
            journal.reset()
        }
        let previous = journal.loadRun()
        if let previous, previous.pipelineFingerprint != pipeline.fingerprint {
            throw ConfigurationError(description: PipelineDiff.describe(old: previous.pipelineFingerprint, new: pipeline.fingerprint,
                                                                        oldName: previous.pipelineName, newName: pipeline.name))
        }
        // Which documents dedup keeps depends on the flag: a resume under the other setting
        // would mix two decisions in one output.
        if let previous, let shard, previous.dedupAcrossShards != dedupAcrossShards,
           pipeline.stages.contains(where: { $0 is DedupStage || $0 is NearDedupStage }) {
            let was = previous.dedupAcrossShards ? "with" : "without"
            throw ConfigurationError(description: "shard \(shard) of this output directory was started \(was) --dedup-across-shards; use the same options to resume, or --restart to start this shard over")
        }
        let checkpoints = previous == nil ? [:] : journal.loadCheckpoints()
        plan.resumed = previous != nil
        plan.nextCompletion = (checkpoints.values.compactMap(\.completion).max() ?? -1) + 1
        let present = Set(files.map(\.relative))
        let vanished = checkpoints.keys.filter { !present.contains($0) }.sorted()
        if !vanished.isEmpty {
            plan.notes.append("\(vanished.count) input\(vanished.count == 1 ? "" : "s") of the earlier run no longer exist\(vanished.count == 1 ? "s" : ""): \(vanished.prefix(5).joined(separator: ", "))\(vanished.count > 5 ? ", …" : "")")
        }
        var finished: [FileCheckpoint] = []
        for f in files where !f.isStdin {
            guard let fp = InputFingerprint(path: f.path) else { continue }
            plan.fingerprints[f.relative] = fp
            guard let cp = checkpoints[f.relative] else { continue }
            if cp.fingerprint != fp {
                plan.notes.append("\(f.relative): input changed since its checkpoint (\(fp.difference(from: cp.fingerprint))); redoing it from the start")
                journal.remove(f.relative)
                continue
            }
            switch cp.status {
            case .done, .failed:
                finished.append(cp)
                plan.skipDone.insert(f.relative)
            case .inProgress:
                plan.resume[f.relative] = cp
            }
        }
        // Files of the earlier run that vanished keep their finished events: their outputs exist.
        for name in vanished { if let cp = checkpoints[name], cp.status != .inProgress { finished.append(cp) } }
        for name in vanished where checkpoints[name]?.status == .failed {
            plan.vanishedFailed.insert(name)
            let output = InputFile.stem(of: name) + pipeline.sink.fileExtension
            plan.notes.append("\(name): failed in an earlier run and no longer exists; the records read before its damage stay in "
                + "\(output) and its event in the stats; it no longer fails the run (--restart starts over without it)")
        }
        plan.finished = finished.sorted { ($0.completion ?? 0) < ($1.completion ?? 0) }
        let record = RunJournal.RunRecord(
            pipelineName: pipeline.name, pipelineFingerprint: pipeline.fingerprint, pipelineSource: pipelineSource,
            inputs: inputs, files: files.map(\.relative), starts: (previous?.starts ?? 0) + 1,
            sluiceVersion: SluiceVersion.string, shard: shard?.description,
            dedupAcrossShards: crossShardDedup, stageNames: pipeline.stages.map(\.name))
        do { try journal.saveRun(record) } catch { throw ConfigurationError(description: "\(error)") }
        return plan
    }

    /// `--restart`: removes what the earlier run wrote, so the directory ends up as a fresh
    /// run leaves it even when the outputs' names differ now (another sink format, inputs gone).
    private func removeOutputs(of journal: RunJournal) {
        guard journal.loadRun() != nil, case .directory(var dir) = output else { return }
        if dir.hasSuffix("/") && dir.count > 1 { dir.removeLast() }
        for file in journal.loadCheckpoints().keys {
            let stem = InputFile.stem(of: file)
            for path in ["\(dir)/\(stem).jsonl.zst", "\(dir)/\(stem).txt.zst", "\(dir)/_rejected/\(stem).jsonl.zst"] {
                unlink(path)
                unlink(path + ".partial")
            }
        }
    }

    /// This shard's files among `all` (in run order, keeping their indices), and notes for the
    /// user. With an output directory the assignment is the one recorded there
    /// (``ShardPlan``), made by whichever task started first.
    private func select(_ shard: Shard, from all: [InputFile],
                        outputDirectory: String?) throws(ConfigurationError) -> ([InputFile], [String]) {
        if all.contains(where: \.isStdin) {
            throw ConfigurationError(description: "--shard cannot be used with `-` (stdin): every task would read a stream of its own; give the input files instead")
        }
        let proposed = ShardAssignment(inputs: all, count: shard.count)
        var assignment = proposed
        if let outputDirectory {
            do {
                assignment = try ShardPlan.establish(outputDirectory: outputDirectory, proposed: proposed)
            } catch {
                throw ConfigurationError(description: "\(error)")
            }
        }
        var notes: [String] = []
        let unplanned = all.filter { !assignment.contains($0.relative) }
        if !unplanned.isEmpty {
            notes.append("\(unplanned.count) input\(unplanned.count == 1 ? "" : "s") not in the shard plan (added since the first task started) placed by path: \(unplanned.prefix(5).map(\.relative).joined(separator: ", "))\(unplanned.count > 5 ? ", …" : "")")
        }
        let mine = assignment.files(of: shard.index, among: all)
        if mine.isEmpty {
            notes.append("shard \(shard): no input files (\(all.count) file\(all.count == 1 ? "" : "s") over \(shard.count) shards); nothing to do")
        }
        return (mine, notes)
    }

    /// Two inputs that would write the same output file are a configuration error.
    private func checkCollisions(_ files: [InputFile]) throws(ConfigurationError) {
        var seen: [String: (path: String, stem: String)] = [:]
        for f in files {
            if let other = seen[f.stem] {
                if !f.isStdin, InputDiscovery.canonical(other.path).utf8.elementsEqual(InputDiscovery.canonical(f.path).utf8) {
                    throw ConfigurationError(description: "inputs \(other.path) and \(f.path) are the same file, given twice; give it once")
                }
                // Swift compares strings by canonical equivalence: `é` composed and decomposed
                // are one name to the outputs and the journal, though two files on Linux.
                if !other.stem.utf8.elementsEqual(f.stem.utf8) {
                    throw ConfigurationError(description: "inputs \(other.path) and \(f.path) have names that are the same text in two Unicode forms (composed and decomposed), which Sluice's outputs and journal treat as one name; rename one (to the composed form: convmv -f utf8 -t utf8 --nfc --notest FILE)")
                }
                throw ConfigurationError(description: "inputs \(other.path) and \(f.path) would both write \(f.stem)\(pipeline.sink.fileExtension); rename one or run them separately")
            }
            seen[f.stem] = (f.path, f.stem)
        }
    }
}
