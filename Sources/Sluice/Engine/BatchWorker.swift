#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a batch through the stages and encodes it: the parallel part of the engine.
///
/// Encoding and compression happen here, not in the writer, because compression is the
/// most expensive step of a run and each batch becomes an independent zstd frame.
struct BatchWorker: Sendable {
    let stages: [any Stage]
    let sink: SinkOptions
    /// nil writes uncompressed (stdout).
    let compressor: ZstdCompressor?
    /// How kept records are written; defaults to the sink's format.
    var format: RecordFormat
    /// Reports records that stay too long in a stage; nil watches nothing.
    var watch: SlowRecordWatch?
    private let stageNames: [String]
    /// Whether the pipeline splits, so that a record's sentence count is known.
    private let splits: Bool
    /// ``FileStats/qualitySignals`` as (filter, signal) pairs.
    private static let qualitySignals: [(name: String, filter: String, signal: String)] = FileStats.qualitySignals.map {
        let parts = $0.split(separator: ".", maxSplits: 1)
        return ($0, String(parts[0]), String(parts[1]))
    }

    init(stages: [any Stage], sink: SinkOptions, compressor: ZstdCompressor?, format: RecordFormat? = nil) {
        self.stages = stages
        self.sink = sink
        self.compressor = compressor
        self.format = format ?? (sink.format == .jsonl ? .record : .sentences)
        stageNames = stages.map(\.name)
        splits = stages.contains { $0 is SplitStage }
    }

    /// Runs `input` (a batch of `file`) through the stages and encodes it.
    func process(_ input: Batch, file: String = "") -> BatchResult {
        var batch = input
        var result = BatchResult(sequence: batch.sequence)
        result.recordsIn = batch.recordsIn
        result.bytesIn = batch.bytesIn
        result.endLine = batch.endLine
        result.endOffset = batch.endOffset
        result.endUnit = batch.endUnit
        result.endMember = batch.endMember
        result.repaired = batch.repaired
        result.invalidBytes = batch.invalidBytes
        result.encodings = batch.encodings
        result.skipped = batch.skipped
        (result.stageStats, result.slow) = runStages(&batch, file: file)

        var out = JSONWriter(capacity: batch.bytesIn + batch.bytesIn / 2 + 1024)
        for r in batch.records {
            RecordEncoder.append(r, as: format, to: &out)
            result.sentences += r.writesSentences ? r.sentences.count : (r.sentenceSpans?.count ?? 0)
            if let c = r.attributes.first(where: { $0.key == "counts" })?.value["words"]?.intValue {
                result.words += c
            }
            result.langs.add(r.lang ?? "und")
            count(r, into: &result)
        }
        result.recordsOut = batch.records.count

        var rej = JSONWriter()
        for r in batch.rejected {
            result.rejected.add(r.reason)
            RecordEncoder.appendRejected(r, to: &rej)
        }
        for r in batch.dropped {
            result.dropped.add(r.reason)
            if sink.writeDropped { RecordEncoder.appendRejected(r, to: &rej) }
        }

        if let compressor {
            if !out.bytes.isEmpty { compressor.compressFrame(out.bytes, appendingTo: &result.output) }
            if !rej.bytes.isEmpty { compressor.compressFrame(rej.bytes, appendingTo: &result.rejectedOutput) }
        } else {
            result.output = out.bytes
            result.rejectedOutput = rej.bytes
        }
        return result
    }
}

extension BatchWorker {
    /// Runs `batch` through the stages in place: the part of ``process(_:file:)`` that the
    /// streaming API (``PipelineStream``) shares with file runs. Returns each stage's stats, in
    /// pipeline order, and the records reported as slow, by stage.
    func runStages(_ batch: inout Batch, file: String = "") -> (stats: [StageStats], slow: Counters) {
        var stats: [StageStats] = []
        stats.reserveCapacity(stages.count)
        let progress = watch.flatMap { $0.enabled ? StageProgress(file: file, stageNames: stageNames, batch: batch) : nil }
        if let progress { watch?.watch(progress) }
        for (k, stage) in stages.enumerated() {
            var s = StageStats()
            let t0 = Clock.now()
            if let progress {
                progress.enter(stage: k, batch: batch)
                StageProgress.$current.withValue(progress) { stage.process(&batch, stats: &s) }
            } else {
                stage.process(&batch, stats: &s)
            }
            s.seconds = Clock.now() - t0
            stats.append(s)
        }
        var slow = Counters()
        if let progress {
            watch?.unwatch(progress)
            slow = progress.slow.withLock { $0 }
        }
        return (stats, slow)
    }

    /// Adds a kept record's length, quality signals and tags to the batch's histograms
    /// (issue 18: the report's charts come from stats, never from re-reading the corpus).
    private func count(_ r: Record, into result: inout BatchResult) {
        let sentences = r.writesSentences ? r.sentences.count : (r.sentenceSpans?.count ?? 0)
        if splits { result.sentencesHistogram.add(bucket: Histogram.logBucket(sentences)) }
        for a in r.attributes {
            switch a.key {
            case "counts":
                if let w = a.value["words"]?.intValue { result.wordsHistogram.add(bucket: Histogram.logBucket(w)) }
            case "quality":
                for q in Self.qualitySignals {
                    if let v = a.value[q.filter]?[q.signal]?.doubleValue {
                        result.qualityHistograms[q.name, default: Histogram()].add(bucket: Histogram.ratioBucket(v))
                    }
                }
            default:
                break
            }
        }
        for t in r.tags { result.tags.add(t) }
    }
}

/// Monotonic seconds, cheap enough to read per batch.
enum Clock {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// Wall-clock seconds since the epoch, for checkpoint times shown to users.
enum WallClock {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
