import SluiceText

/// What near-dedup decided for the whole run: each dropped document's position and the id
/// of the document its cluster keeps.
///
/// Clusters are the connected parts of the graph whose edges are confirmed pairs: two
/// documents sharing a band key (LSH candidates) whose signatures estimate a Jaccard
/// similarity ≥ threshold. The earliest document of a cluster in run order is kept. The
/// partition depends only on the documents, not on the order they were read in, so the same
/// documents are kept for any `--jobs`, resume or shard split that sees the same corpus.
public struct NearDedupIndex: Sendable {
    private var drops: [UInt64] = []
    private var keptOf: [Int32] = []
    private var keptIDs: [[UInt8]] = []

    /// Documents dropped as near-duplicates; clusters that have some.
    public private(set) var duplicates = 0
    public private(set) var clusters = 0
    /// Candidate pairs checked, and of those confirmed.
    public private(set) var candidates = 0
    public private(set) var confirmed = 0

    public init() {}

    /// Decides over `docs`, which are in run order (ascending positions).
    init(_ docs: NearDedupSignatures, threshold: Double) {
        let n = docs.count
        guard n > 1 else { return }
        let k = docs.permutations
        let bands = docs.bands
        var parent = [Int32](unsafeUninitializedCapacity: n) { buf, c in
            for i in 0..<n { buf[i] = Int32(i) }
            c = n
        }
        var candidates = 0
        var confirmed = 0
        docs.compact.withUnsafeBufferPointer { sigs in
            parent.withUnsafeMutableBufferPointer { p in
                @inline(__always) func find(_ x: Int32) -> Int32 {
                    var x = x
                    while p[Int(x)] != x {
                        // Path halving keeps later look-ups short.
                        p[Int(x)] = p[Int(p[Int(x)])]
                        x = p[Int(x)]
                    }
                    return x
                }
                @inline(__always) func similar(_ x: Int32, _ y: Int32) -> Bool {
                    candidates += 1
                    let s = MinHasher.similarity(sigs.baseAddress! + Int(x) * k, sigs.baseAddress! + Int(y) * k, count: k)
                    return s >= threshold
                }
                @inline(__always) func join(_ x: Int32, _ y: Int32) {
                    confirmed += 1
                    let rx = find(x), ry = find(y)
                    // The smaller index (earlier document) is the root: it is the one kept.
                    if rx < ry { p[Int(ry)] = rx } else if ry < rx { p[Int(rx)] = ry }
                }
                var keys = [UInt64](repeating: 0, count: n)
                for band in 0..<bands {
                    for i in 0..<n { keys[i] = UInt64(docs.bandKeys[i * bands + band]) << 32 | UInt64(i) }
                    keys.sort()
                    var g = 0
                    while g < n {
                        let key = keys[g] >> 32
                        var e = g + 1
                        while e < n && keys[e] >> 32 == key { e += 1 }
                        if e - g > 1 {
                            // Each member is checked against the bucket's first and its
                            // predecessor: linear in the bucket, and other bands catch the rest.
                            let first = Int32(truncatingIfNeeded: keys[g])
                            for j in (g + 1)..<e {
                                let d = Int32(truncatingIfNeeded: keys[j])
                                if find(d) == find(first) { continue }
                                if similar(d, first) { join(d, first); continue }
                                if j - 1 > g {
                                    let prev = Int32(truncatingIfNeeded: keys[j - 1])
                                    if find(prev) != find(d) && similar(d, prev) { join(d, prev) }
                                }
                            }
                        }
                        g = e
                    }
                }
                for i in 0..<n { _ = find(Int32(i)) }
            }
        }
        self.candidates = candidates
        self.confirmed = confirmed
        var slot: [Int32: Int32] = [:]
        for i in 0..<n {
            let r = parent[i]
            guard r != Int32(i) else { continue }
            let s: Int32
            if let known = slot[r] {
                s = known
            } else {
                s = Int32(keptIDs.count)
                slot[r] = s
                keptIDs.append(docs.id(Int(r)))
            }
            drops.append(docs.positions[i])
            keptOf.append(s)
        }
        duplicates = drops.count
        clusters = keptIDs.count
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
