/// Exact dedup: a document whose normalized text (`DedupKey`) was seen earlier in the run —
/// earlier file in the sorted input order, or earlier line of the same file — is dropped with
/// reason `duplicate`.
///
/// As the pipeline's first stage (the usual place: it spares later stages the work), dedup is
/// decided while the inputs are read, in run order (`DedupLedger`, `RunTurnstile`): no extra pass over
/// the corpus, except over inputs this run does not read from their start (finished files,
/// parts before a checkpoint, other shards' files with `--dedup-across-shards`). After other
/// stages, ``prepared(for:preceding:)`` reads every input once first, runs the preceding
/// stages and hashes each text (``DedupIndex``); the main pass then only looks positions up.
public struct DedupStage: Stage {
    /// The decisions of the reading pass, when dedup follows other stages.
    public var index: DedupIndex?
    /// Set when decisions are made by the decoder (dedup first).
    var ledger: DedupLedger?

    /// An exact-dedup stage.
    public init() {}

    /// The stage's name in pipeline files and stats.
    public var name: String { "dedup" }
    /// The stage's version and options, part of the run fingerprint.
    public var fingerprint: String { "dedup/1 key=raw-normalized-fnv64" }

    /// Runs the stage over `batch`, counting into `stats`.
    public func process(_ batch: inout Batch, stats: inout StageStats) {
        stats.records += batch.records.count
        var drop: [Int] = []
        if ledger != nil {
            drop = batch.duplicates
            batch.duplicates = []
        } else if let index, index.duplicates > 0 {
            for (i, r) in batch.records.enumerated()
            where index.isDuplicate(position: DedupIndex.position(file: batch.fileIndex, line: r.origin.order)) {
                drop.append(i)
            }
        }
        guard !drop.isEmpty else { return }
        stats.changed += drop.count
        stats.counters.add("duplicates", drop.count)
        batch.drop(at: drop, reason: "duplicate", detail: "same normalized text as an earlier document")
    }

    /// Sets up the ledger (dedup first) or reads the corpus into an index (dedup after other stages).
    public func prepared(for corpus: RunCorpus, preceding: [any Stage]) async throws -> any Stage {
        var stage = self
        let readable = corpus.files.filter { !$0.isStdin }
        if preceding.isEmpty {
            // Keys of everything this run does not read from the start are entered first.
            let fromStart = Set(corpus.reading).subtracting(corpus.resumed)
            let ledger = DedupLedger()
            let ahead = readable.filter { !fromStart.contains($0.index) }
            ledger.enter(await DedupIndexBuilder.pairs(files: ahead, decode: corpus.decode, preceding: [], jobs: corpus.jobs))
            stage.ledger = ledger
        } else {
            stage.index = DedupIndex(pairs: await DedupIndexBuilder.pairs(files: readable, decode: corpus.decode,
                                                                         preceding: preceding, jobs: corpus.jobs))
        }
        return stage
    }
}

/// Dedup's reading pass: keys and positions of every record of `files`, as many files at a
/// time as the run has jobs.
enum DedupIndexBuilder {
    static func pairs(files: [InputFile], decode: DecodeOptions, preceding: [any Stage], jobs: Int) async -> [(key: UInt64, position: UInt64)] {
        var pairs: [(key: UInt64, position: UInt64)] = []
        await ReadingPass.forEach(files, jobs: jobs, { keys(of: $0, decode: decode, preceding: preceding) }) { _, part in
            pairs.append(contentsOf: part)
            return true
        }
        return pairs
    }

    /// Keys of one file; a file that cannot be read contributes what was read before the error
    /// (the main pass reports the error).
    static func keys(of file: InputFile, decode: DecodeOptions, preceding: [any Stage]) -> [(key: UInt64, position: UInt64)] {
        guard let source = try? BatchSource(file: file, options: decode) else { return [] }
        var out: [(key: UInt64, position: UInt64)] = []
        if preceding.isEmpty && file.format == .jsonl {
            // The usual case (dedup first): keys straight from the lines, no records built.
            source.forEachDedupKey { key, line in
                out.append((key, DedupIndex.position(file: file.index, line: line)))
            }
            return out
        }
        source.forEachRecord(after: preceding) { r in
            out.append((DedupKey.hash(r.text), DedupIndex.position(file: file.index, line: r.origin.order)))
        }
        return out
    }
}
