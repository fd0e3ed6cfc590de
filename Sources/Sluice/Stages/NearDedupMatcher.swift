/// The walk over LSH buckets shared by near-dedup's decisions in memory and on disk: fed each
/// band's `(band key, document)` entries sorted by key then document, it matches each document
/// to an earlier one of its bucket confirmed similar.
///
/// Within a bucket, each member not yet matched is checked against the bucket's first document
/// and then its predecessor: linear in the bucket, and the other bands give other pairings.
/// Only the current bucket's first and previous member are kept, so entries can stream from
/// sorted runs on disk.
struct NearDedupMatcher {
    /// Per document: an earlier document confirmed similar, or -1.
    var match: [Int32]
    /// Candidate pairs checked.
    private(set) var candidates = 0
    private var key: UInt64 = .max
    private var first: Int32 = -1
    private var previous: Int32 = -1

    init(count: Int) {
        match = [Int32](repeating: -1, count: count)
    }

    /// Starts a band: the next entry opens a bucket whatever its key.
    mutating func startBand() { key = .max }

    /// Enters `entry` (`bandKey << 32 | document`); `similar(d, e)` confirms a candidate pair.
    @inline(__always)
    mutating func enter<E: Error>(_ entry: UInt64, similar: (Int32, Int32) throws(E) -> Bool) throws(E) {
        let k = entry >> 32
        let d = Int32(truncatingIfNeeded: entry)
        guard k == key else {
            key = k
            first = d
            previous = d
            return
        }
        defer { previous = d }
        guard match[Int(d)] < 0 else { return }
        candidates += 1
        if try similar(d, first) { match[Int(d)] = first; return }
        if previous != first {
            candidates += 1
            if try similar(d, previous) { match[Int(d)] = previous }
        }
    }

    /// Turns each match into the kept document its chain leads to (its match if kept, else
    /// its match's), in place: documents match only earlier ones, so one pass in order does.
    mutating func resolveRoots() {
        match.withUnsafeMutableBufferPointer { m in
            for i in m.indices {
                let j = m[i]
                if j >= 0 && m[Int(j)] >= 0 { m[i] = m[Int(j)] }
            }
        }
    }
}
