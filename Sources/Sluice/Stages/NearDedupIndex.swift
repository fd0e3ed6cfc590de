import SluiceText

/// What near-dedup decided for the whole run: each dropped document's position and the id
/// of the document its cluster keeps.
///
/// A document is dropped when it is confirmed similar to an earlier one: the two share a band
/// key (an LSH candidate) and their sketches (`ShingleSketch`) estimate a Jaccard
/// similarity ≥ threshold. Its
/// `duplicate_of` is the kept document it leads back to (the earlier one, or what that one
/// repeats), so each cluster keeps its earliest document. The decision depends only on the
/// documents and their run order, not on the order they were read in, so the same documents are
/// kept for any `--jobs`, resume or shard split that sees the same corpus.
public struct NearDedupIndex: Sendable {
    private var drops: [UInt64] = []
    private var keptOf: [Int32] = []
    private var keptIDs: [[UInt8]] = []

    /// Documents dropped as near-duplicates; clusters that have some.
    public private(set) var duplicates = 0
    /// Clusters that keep one document and drop at least one.
    public private(set) var clusters = 0
    /// Candidate pairs checked, and of those confirmed.
    public internal(set) var candidates = 0
    /// Candidate pairs confirmed similar.
    public private(set) var confirmed = 0

    /// An index that drops nothing.
    public init() {}

    /// Decides over `docs`, which are in run order (ascending positions).
    init(_ docs: NearDedupSignatures, threshold: Double) {
        let n = docs.count
        guard n > 1 else { return }
        let k = docs.bins
        let bands = docs.bands
        var matcher = NearDedupMatcher(count: n)
        docs.compact.withUnsafeBufferPointer { sigs in
            docs.bandKeys.withUnsafeBufferPointer { bandKeys in
                let base = sigs.baseAddress!
                var keys = [UInt64](repeating: 0, count: n)
                for band in 0..<bands {
                    // Sorted by key, then by document: within a bucket, earlier documents first.
                    for i in 0..<n { keys[i] = UInt64(bandKeys[i * bands + band]) << 32 | UInt64(i) }
                    keys.sort()
                    matcher.startBand()
                    for e in keys {
                        matcher.enter(e) { x, y in
                            ShingleSketch.similarity(base + Int(x) * k, base + Int(y) * k, count: k) >= threshold
                        }
                    }
                }
            }
        }
        candidates = matcher.candidates
        matcher.resolveRoots()
        var slots: [Int32: Int32] = [:]
        for i in 0..<n {
            let root = matcher.match[i]
            guard root >= 0 else { continue }
            if slots[root] == nil { keep(root, id: docs.id(Int(root)), slots: &slots) }
            drop(position: docs.positions[i], root: root, slots: slots)
        }
        finish()
    }

    /// Records `root` as a kept document that others repeat, with its id.
    mutating func keep(_ root: Int32, id: [UInt8], slots: inout [Int32: Int32]) {
        slots[root] = Int32(keptIDs.count)
        keptIDs.append(id)
    }

    /// Records the document at `position` (dropped positions come ascending) as a repeat of
    /// `root`, entered with ``keep(_:id:slots:)`` before.
    mutating func drop(position: UInt64, root: Int32, slots: [Int32: Int32]) {
        drops.append(position)
        keptOf.append(slots[root]!)
    }

    /// Sets the counts once every drop is recorded.
    mutating func finish() {
        duplicates = drops.count
        clusters = keptIDs.count
        confirmed = duplicates
    }

    /// The id (raw JSON) of the document kept in place of the one at `position`, or nil when
    /// that document is kept.
    func duplicateOf(position: UInt64) -> [UInt8]? {
        var lo = 0
        var hi = drops.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if drops[mid] < position { lo = mid + 1 } else { hi = mid }
        }
        return lo < drops.count && drops[lo] == position ? keptIDs[Int(keptOf[lo])] : nil
    }
}
