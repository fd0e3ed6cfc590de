/// Runs one input file: the decoder feeds batches to parallel workers, and an ordered
/// writer puts their results into the outputs in input order, checkpointing as it goes.
///
/// At most `inFlight` batches exist at once, which bounds memory whatever the file size and
/// makes the decoder wait for slow workers (backpressure).
struct FileProcessor: Sendable {
    let pipeline: Pipeline
    let worker: BatchWorker
    /// nil when writing records to stdout.
    let outputDirectory: String?
    let inFlight: Int
    let progress: ProgressReporter
    /// nil when the run keeps no journal (stdout, stream commands).
    var journal: RunJournal?
    var checkpoints = CheckpointPolicy()
    /// Decisions the decoder makes in run order (exact dedup as the first stage, near dedup
    /// on a run that reads every input from its start), and the turnstile that keeps the
    /// decoders in run order when there are any.
    var ledgers: [any RunOrderLedger] = []
    var turnstile: RunTurnstile?

    struct Outcome: Sendable {
        var stats: FileStats
        var stageStats: [StageStats]
        /// Cancelled: the outputs were checkpointed (when journaled) and left partial.
        var interrupted = false
        /// The outputs could not be written; the journal still holds the last checkpoint.
        var writeFailed = false
        /// Continued from a checkpoint rather than started.
        var resumed = false
        /// Why a checkpoint could not be used, when it could not.
        var note: String?
        /// The file's final journal entry (status done or failed), when journaled.
        var checkpoint: FileCheckpoint?
    }

    /// Processes `file`, continuing from `resume` when given. `fingerprint` identifies the
    /// input for the journal.
    func run(_ file: InputFile, resume: FileCheckpoint? = nil, fingerprint: InputFingerprint? = nil) async -> Outcome {
        // Ledgers decide in run order: this file's decoder starts once earlier files are read.
        let ledgers = file.isStdin ? [] : self.ledgers
        let turnstile = ledgers.isEmpty ? nil : self.turnstile
        if let turnstile { await turnstile.waitTurn(file: file.index) }
        var reading: BatchSource?
        defer {
            // However processing ended, later files must not wait forever, and — unless the
            // run is interrupted — they must see this file's every document, as a full run would.
            if let turnstile {
                if let source = reading, !Task.isCancelled {
                    while var b = source.next() { for l in ledgers { l.mark(&b) } }
                }
                turnstile.release(file: file.index)
            }
        }
        let t0 = Clock.now()
        let stageCount = pipeline.stages.count
        var outcome = Outcome(stats: FileStats(file: file.relative),
                              stageStats: Array(repeating: StageStats(), count: stageCount))
        let journaled = journal != nil && fingerprint != nil
        var cp = fingerprint.map { FileCheckpoint(file: file.relative, fingerprint: $0, stages: stageCount) }
        var baseSeconds = 0.0
        defer { outcome.stats.seconds = baseSeconds + Clock.now() - t0 }

        let source: BatchSource
        let writer: OrderedWriter
        do {
            var opened = try open(file, resume: journaled ? resume : nil)
            if opened.writer == nil {
                // The checkpoint cannot be honoured: start this file over.
                outcome.note = "\(file.relative): \(opened.note ?? "partial output missing"); redoing it from the start"
                opened = try open(file, resume: nil)
            }
            source = opened.source
            writer = opened.writer!
            reading = source
            if opened.resumed, let resume {
                outcome.resumed = true
                outcome.stats = resume.stats
                outcome.stageStats = resume.stageStats
                baseSeconds = resume.stats.seconds
                cp = resume
            }
        } catch let e as ReadError {
            outcome.stats.error = "\(file.relative): \(e)"
            outcome.checkpoint = finish(cp, outcome, status: .failed)
            return outcome
        } catch {
            outcome.stats.error = "\(error)"
            outcome.writeFailed = true
            return outcome
        }

        let worker = self.worker
        let limit = inFlight
        var writeError: WriteError?
        var lastRaw = 0
        var recordsSinceCheckpoint = 0
        var lastCheckpoint = Clock.now()

        func checkpoint() throws(WriteError) {
            guard journaled, let journal, var c = cp else { return }
            let lengths = try writer.sync()
            c.outputBytes = lengths.output
            c.rejectedBytes = lengths.rejected
            c.stats = outcome.stats
            c.stats.seconds = baseSeconds + Clock.now() - t0
            c.stageStats = outcome.stageStats
            c.savedAt = WallClock.now()
            try journal.save(c)
            cp = c
            recordsSinceCheckpoint = 0
            lastCheckpoint = Clock.now()
        }

        /// The next batch with dedup decided; at the end, the next file may decide.
        func read() -> Batch? {
            guard var batch = source.next() else {
                turnstile?.release(file: file.index)
                return nil
            }
            for l in ledgers { l.mark(&batch) }
            return batch
        }

        await withTaskGroup(of: BatchResult.self) { group in
            var running = 0
            var pending: [Int: BatchResult] = [:]
            var next = cp?.nextSequence ?? 0
            while true {
                while running < limit && writeError == nil && !Task.isCancelled, let batch = read() {
                    group.addTask { worker.process(batch, file: file.relative) }
                    running += 1
                }
                guard let r = await group.next() else { break }
                running -= 1
                pending[r.sequence] = r
                while let ready = pending.removeValue(forKey: next) {
                    next += 1
                    guard writeError == nil else { continue }
                    do throws(WriteError) {
                        try writer.write(ready)
                        outcome.stats.add(ready)
                        for i in ready.stageStats.indices { outcome.stageStats[i].merge(ready.stageStats[i]) }
                        cp?.nextSequence = ready.sequence + 1
                        cp?.linesConsumed = ready.endLine
                        cp?.bytesConsumed = ready.endOffset
                        cp?.unit = ready.endUnit
                        cp?.member = ready.endMember
                        recordsSinceCheckpoint += ready.recordsIn
                        if recordsSinceCheckpoint >= checkpoints.records || Clock.now() - lastCheckpoint >= checkpoints.seconds {
                            try checkpoint()
                        }
                    } catch {
                        writeError = error
                    }
                    let raw = source.rawBytesRead
                    progress.advance(records: ready.recordsIn, rawBytes: raw - lastRaw, decompressed: ready.bytesIn)
                    lastRaw = raw
                }
            }
        }

        if let writeError {
            outcome.stats.error = "\(writeError)"
            outcome.writeFailed = true
            writer.abandon()
            return outcome
        }
        if Task.isCancelled {
            outcome.interrupted = true
            do throws(WriteError) { try checkpoint() } catch {
                outcome.note = "\(file.relative): could not save the checkpoint (\(error)); the previous one stands"
            }
            writer.abandon()
            return outcome
        }
        outcome.stats.bytesIn = source.rawBytesRead
        if let e = source.error {
            outcome.stats.error = "\(file.relative): \(e.message) at byte \(e.offset) of the \(e.kind == .io || !source.isCompressed ? "file" : "compressed input"); records before it were kept"
                + Self.advice(e.kind)
        }
        do {
            outcome.stats.bytesOut = try writer.commit()
        } catch {
            outcome.stats.error = "\(error)"
            outcome.writeFailed = true
            return outcome
        }
        outcome.stats.seconds = baseSeconds + Clock.now() - t0
        outcome.checkpoint = finish(cp, outcome, status: outcome.stats.error == nil ? .done : .failed)
        return outcome
    }

    /// What to do about a file that failed with `kind`, for its message: a rerun skips the
    /// failed file unless it was replaced (its fingerprint changed), then reads it from its start.
    static func advice(_ kind: ReadError.Kind) -> String {
        switch kind {
        case .truncated: "; the file is cut short: copy or download it again and rerun the same command (a replaced input is read again from its start)"
        case .corrupt: "; the data is damaged: copy or download it again and rerun the same command (a replaced input is read again from its start)"
        case .io: "; check that the file can be read (permissions, disk) and rerun the same command"
        case .encoding: "; force its encoding with `decode.encoding` in a pipeline file and rerun"
        case .notZstd, .notCompressed: ""  // their messages say what to do
        }
    }

    /// Opens the input and the outputs, skipping what `resume` accounts for.
    private func open(_ file: InputFile, resume: FileCheckpoint?) throws -> (source: BatchSource, writer: OrderedWriter?, resumed: Bool, note: String?) {
        let source = try BatchSource(file: file, options: pipeline.decode)
        guard let resume, resume.nextSequence > 0 else {
            return (source, try OrderedWriter(file: file, outputDirectory: outputDirectory, sink: pipeline.sink), false, nil)
        }
        guard let writer = try OrderedWriter(file: file, outputDirectory: outputDirectory, sink: pipeline.sink,
                                             resume: (resume.outputBytes, resume.rejectedBytes)) else {
            return (source, nil, false, "partial output missing or shorter than its checkpoint")
        }
        do {
            try source.skip(unit: resume.unit, member: resume.member, bytes: resume.bytesConsumed,
                            lines: resume.linesConsumed, sequence: resume.nextSequence)
        } catch {
            writer.abandon()
            return (source, nil, false, error.message)
        }
        return (source, writer, true, nil)
    }

    private func finish(_ cp: FileCheckpoint?, _ outcome: Outcome, status: FileCheckpoint.Status) -> FileCheckpoint? {
        guard var c = cp else { return nil }
        c.status = status
        c.stats = outcome.stats
        c.stageStats = outcome.stageStats
        c.savedAt = WallClock.now()
        return c
    }
}
