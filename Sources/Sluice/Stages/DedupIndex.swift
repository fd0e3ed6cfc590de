/// What exact dedup decided for the whole run: the positions of the documents that repeat an
/// earlier one. Built by a pass over all inputs before processing, so the same documents are
/// kept for any `--jobs` and after any resume, and the main pass needs no hashing at all.
///
/// Building holds 16 bytes per document (key and position); what is kept afterwards is
/// 8 bytes per duplicate.
public struct DedupIndex: Sendable {
    private var drops: [UInt64] = []

    /// An empty index.
    public init() {}

    /// A record's position in the run: file index, then line.
    @inline(__always)
    static func position(file: Int, line: Int) -> UInt64 { UInt64(file) << 40 | UInt64(line) }

    /// Input files a run may have: ``position(file:line:)`` keeps 24 bits for the file (the
    /// engine refuses more before reading; file 2^24 would share positions with file 0).
    static let maxFiles = 1 << 24

    /// Builds the index from (key, position) pairs: in each group of equal keys, every
    /// position but the first is a duplicate.
    init(pairs: [(key: UInt64, position: UInt64)]) {
        var sorted = pairs
        sorted.sort { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
        for i in sorted.indices.dropFirst() where sorted[i].key == sorted[i - 1].key {
            drops.append(sorted[i].position)
        }
        drops.sort()
    }

    /// Number of documents that repeat an earlier one.
    public var duplicates: Int { drops.count }

    /// Whether the document at `position` repeats one seen earlier in the run.
    func isDuplicate(position: UInt64) -> Bool {
        var lo = 0
        var hi = drops.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if drops[mid] < position { lo = mid + 1 } else { hi = mid }
        }
        return lo < drops.count && drops[lo] == position
    }
}
