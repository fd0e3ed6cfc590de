import SluiceText

/// Near-duplicate removal: a document whose word-shingle Jaccard similarity with an earlier
/// document of the run is at least the threshold is dropped with reason `near_duplicate`,
/// and its rejected record names the kept document (`duplicate_of`).
///
/// ``prepared(for:preceding:)`` reads every input of the run once (as the `preceding` stages
/// leave the records), computes each document's MinHash band keys and a larger one-permutation
/// sketch (``ShingleSketch``), and decides for the whole run (``NearDedupIndex``): LSH
/// candidates are confirmed by their sketches' estimated similarity, so precision does not
/// hang on the banding's S-curve, and each cluster keeps its earliest document. The main pass only looks positions up. Because the
/// decision covers every input, finished or not, it is the same for any `--jobs`, after any
/// resume, and — with `--dedup-across-shards` — for any `--shard I/N`.
public struct NearDedupStage: Stage {
    public var options: NearDedupOptions
    public var index: NearDedupIndex?

    public init(options: NearDedupOptions = NearDedupOptions()) {
        self.options = options
    }

    public var name: String { "near_dedup" }
    public var fingerprint: String { "near_dedup/1 " + options.fingerprint }

    public func process(_ batch: inout Batch, stats: inout StageStats) {
        stats.records += batch.records.count
        guard let index, index.duplicates > 0 else { return }
        var kept: [Record] = []
        kept.reserveCapacity(batch.records.count)
        var dropped = 0
        for r in batch.records {
            if let id = index.duplicateOf(position: DedupIndex.position(file: batch.fileIndex, line: r.origin.order)) {
                dropped += 1
                var rejected = RejectedRecord(dropping: r, reason: "near_duplicate",
                                              detail: "word-shingle similarity with an earlier document ≥ \(options.threshold)")
                rejected.duplicateOf = id
                batch.dropped.append(rejected)
            } else {
                kept.append(r)
            }
        }
        guard dropped > 0 else { return }
        stats.changed += dropped
        stats.counters.add("near_duplicates", dropped)
        batch.records = kept
    }

    public func prepared(for corpus: RunCorpus, preceding: [any Stage]) async throws -> any Stage {
        var stage = self
        let readable = corpus.files.filter { !$0.isStdin }
        let docs = await NearDedupReader.signatures(files: readable, decode: corpus.decode, preceding: preceding,
                                                     hasher: hasher, bins: options.checkBins, jobs: corpus.jobs)
        stage.index = NearDedupIndex(docs, threshold: options.threshold)
        return stage
    }

    var hasher: MinHasher { MinHasher(shingleWords: options.shingleWords, bands: options.bands, rows: options.rows) }
}
