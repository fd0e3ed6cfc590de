import SluiceText

/// Near-duplicate decisions made by the decoder while it reads, in run order, instead of a
/// reading pass before the run.
///
/// Used when the run reads every input from its start and `near_dedup` sees the records as
/// decoded (it is first, or follows exact dedup only). The decoder signs each record of a
/// fresh batch (``mark(_:)``) and decides it against the documents before it, exactly as
/// ``NearDedupIndex`` does over the whole run: band by band, a document not yet matched is
/// compared with the first and the latest earlier document sharing its band key, and it
/// repeats the kept document its match leads back to. Since every earlier document is in
/// when a document is decided (``RunTurnstile``) and none after it, both give the same
/// decisions; a run that resumes or reads other shards' inputs uses the index.
final class NearDedupLedger: RunOrderLedger, @unchecked Sendable {
    // @unchecked: every stored buffer is used only under `lock`.
    private let lock = Locked(())
    let hasher: MinHasher
    let bins: Int
    let threshold: Double

    /// Compact sketches, `bins` bytes per document in run order, in chunks of
    /// `chunkDocuments` documents: growing never moves what is stored.
    private var chunks: [UnsafeMutablePointer<UInt8>] = []
    private static let chunkDocuments = 4096
    /// Documents signed so far (those with at least one word).
    private var documents = 0
    /// For each document, the kept document it repeats, or -1 when it is kept.
    private var root: [Int32] = []
    /// Ids (raw JSON) back to back; `idEnds[i]` is where document `i`'s ends.
    private var ids: [UInt8] = []
    private var idEnds: [Int] = []
    /// Per (band, band key): the first and the latest document with it.
    private var buckets = NearDedupBuckets()
    /// Signing scratch: MinHash values, sketch bins, band keys.
    private let scratch: UnsafeMutableBufferPointer<UInt32>
    private let sketch: UnsafeMutableBufferPointer<UInt32>
    private let keys: UnsafeMutableBufferPointer<UInt32>

    init(hasher: MinHasher, bins: Int, threshold: Double) {
        self.hasher = hasher
        self.bins = bins
        self.threshold = threshold
        scratch = .allocate(capacity: hasher.permutations)
        sketch = .allocate(capacity: bins)
        keys = .allocate(capacity: hasher.bands)
    }

    deinit {
        for c in chunks { c.deallocate() }
        scratch.deallocate()
        sketch.deallocate()
        keys.deallocate()
    }

    /// Signs and decides the records of a freshly decoded batch, in order: the id of the kept
    /// document each near-duplicate repeats goes to ``Batch/nearDuplicates``. Decoders take
    /// turns (``RunTurnstile``), so signing under the lock costs no parallelism.
    func mark(_ batch: inout Batch) {
        guard !batch.records.isEmpty else { return }
        batch.nearDuplicates = lock.withLock { _ in
            var found: [Int: [UInt8]] = [:]
            for record in batch.records {
                if let of = decide(record) { found[record.origin.order] = of }
            }
            return found
        }
    }

    /// Signs `record` as the next document and decides it; the kept document's id when it is
    /// a near-duplicate. Called under the lock.
    private func decide(_ record: Record) -> [UInt8]? {
        let d = documents
        if d % Self.chunkDocuments == 0 && d / Self.chunkDocuments == chunks.count {
            chunks.append(.allocate(capacity: Self.chunkDocuments * bins))
        }
        let own = sketchOf(d)
        guard NearDedupSignatures.sign(record.text, hasher: hasher, scratch: scratch, sketch: sketch, keys: keys,
                                       compact: UnsafeMutableBufferPointer(start: own, count: bins)) else { return nil }
        documents += 1
        var match = -1
        for band in 0..<hasher.bands {
            guard let (first, latest) = buckets.enter(band: band, key: keys[band], document: UInt32(truncatingIfNeeded: d)),
                  match < 0 else { continue }
            if similar(own, Int(first)) {
                match = Int(first)
            } else if latest != first && similar(own, Int(latest)) {
                match = Int(latest)
            }
        }
        ids.append(contentsOf: record.idJSON)
        idEnds.append(ids.count)
        guard match >= 0 else { root.append(-1); return nil }
        let kept = root[match] >= 0 ? Int(root[match]) : match
        root.append(Int32(kept))
        return Array(ids[(kept == 0 ? 0 : idEnds[kept - 1])..<idEnds[kept]])
    }

    private func sketchOf(_ d: Int) -> UnsafeMutablePointer<UInt8> {
        chunks[d / Self.chunkDocuments] + (d % Self.chunkDocuments) * bins
    }

    private func similar(_ own: UnsafeMutablePointer<UInt8>, _ x: Int) -> Bool {
        ShingleSketch.similarity(own, sketchOf(x), count: bins) >= threshold
    }

    /// Documents signed so far (those with at least one word).
    var count: Int { lock.withLock { _ in documents } }
}
