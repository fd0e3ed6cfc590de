#if canImport(Glibc)
import Glibc
#endif

/// Runs one input file: the decoder feeds batches to parallel workers, and an ordered
/// writer puts their results into the outputs in input order.
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

    struct Outcome: Sendable {
        var stats: FileStats
        var stageStats: [StageStats]
        var interrupted = false
    }

    func run(_ file: InputFile) async -> Outcome {
        let t0 = Clock.now()
        var outcome = Outcome(stats: FileStats(file: file.relative),
                              stageStats: Array(repeating: StageStats(), count: pipeline.stages.count))
        defer { outcome.stats.seconds = Clock.now() - t0 }
        let source: BatchSource
        do {
            source = try BatchSource(file: file, options: pipeline.decode)
        } catch {
            outcome.stats.error = "\(file.relative): \(error)"
            outcome.stats.bytesIn = 0
            return outcome
        }
        let writer: OrderedWriter
        do {
            writer = try OrderedWriter(file: file, outputDirectory: outputDirectory, sink: pipeline.sink)
        } catch {
            outcome.stats.error = "\(error)"
            return outcome
        }
        let worker = self.worker
        let limit = inFlight
        var writeError: WriteError?
        var lastRaw = 0
        await withTaskGroup(of: BatchResult.self) { group in
            var running = 0
            var pending: [Int: BatchResult] = [:]
            var next = 0
            while true {
                while running < limit && writeError == nil && !Task.isCancelled, let batch = source.next() {
                    group.addTask { worker.process(batch) }
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
                    } catch {
                        writeError = error
                    }
                    outcome.stats.add(ready)
                    for i in ready.stageStats.indices { outcome.stageStats[i].merge(ready.stageStats[i]) }
                    let raw = source.rawBytesRead
                    progress.advance(records: ready.recordsIn, rawBytes: raw - lastRaw)
                    lastRaw = raw
                }
            }
        }
        outcome.stats.bytesIn = source.rawBytesRead
        outcome.stats.bytesDecompressed = source.bytesDecompressed
        if source.repairedUTF8 > 0 { outcome.stats.repaired.add("invalid_utf8", source.repairedUTF8) }
        if let writeError {
            outcome.stats.error = "\(writeError)"
            writer.abandon()
            return outcome
        }
        if Task.isCancelled {
            outcome.interrupted = true
            writer.abandon()
            return outcome
        }
        if let e = source.error {
            outcome.stats.error = "\(file.relative): \(e.message) at byte \(e.offset) of the \(e.kind == .io ? "file" : "compressed input"); records before it were kept"
        }
        do {
            outcome.stats.bytesOut = try writer.commit()
        } catch {
            outcome.stats.error = "\(error)"
        }
        return outcome
    }
}
