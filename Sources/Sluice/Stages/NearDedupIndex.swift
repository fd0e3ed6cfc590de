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
    public private(set) var candidates = 0
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
        // match[i]: an earlier document confirmed similar to i, or -1.
        var match = [Int32](repeating: -1, count: n)
        var candidates = 0
        docs.compact.withUnsafeBufferPointer { sigs in
            docs.bandKeys.withUnsafeBufferPointer { bandKeys in
                match.withUnsafeMutableBufferPointer { match in
                    @inline(__always) func similar(_ x: Int32, _ y: Int32) -> Bool {
                        candidates += 1
                        let s = ShingleSketch.similarity(sigs.baseAddress! + Int(x) * k, sigs.baseAddress! + Int(y) * k, count: k)
                        return s >= threshold
                    }
                    var keys = [UInt64](repeating: 0, count: n)
                    for band in 0..<bands {
                        // Sorted by key, then by document: within a bucket, earlier documents first.
                        for i in 0..<n { keys[i] = UInt64(bandKeys[i * bands + band]) << 32 | UInt64(i) }
                        keys.sort()
                        var g = 0
                        while g < n {
                            let key = keys[g] >> 32
                            var e = g + 1
                            while e < n && keys[e] >> 32 == key { e += 1 }
                            // Each member not yet matched is checked against the bucket's first
                            // document and its predecessor: linear in the bucket, and the other
                            // bands give other pairings.
                            if e - g > 1 {
                                let first = Int32(truncatingIfNeeded: keys[g])
                                for j in (g + 1)..<e {
                                    let d = Int32(truncatingIfNeeded: keys[j])
                                    if match[Int(d)] >= 0 { continue }
                                    if similar(d, first) { match[Int(d)] = first; continue }
                                    let prev = Int32(truncatingIfNeeded: keys[j - 1])
                                    if prev != first && similar(d, prev) { match[Int(d)] = prev }
                                }
                            }
                            g = e
                        }
                    }
                }
            }
        }
        self.candidates = candidates
        // The kept document a dropped one stands for: its match if kept, else its match's.
        var kept = [Int32](repeating: -1, count: n)
        var slot: [Int32: Int32] = [:]
        for i in 0..<n {
            let m = match[i]
            guard m >= 0 else { continue }
            let root = kept[Int(m)] >= 0 ? kept[Int(m)] : m
            kept[i] = root
            let s: Int32
            if let known = slot[root] {
                s = known
            } else {
                s = Int32(keptIDs.count)
                slot[root] = s
                keptIDs.append(docs.id(Int(root)))
            }
            drops.append(docs.positions[i])
            keptOf.append(s)
        }
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
