/// What exact dedup knows about the whole run: for every text key that occurs more than once,
/// the position of its first occurrence. Built by a pass over all inputs before processing,
/// so the same documents are kept for any `--jobs` and after any resume.
///
/// Building needs 16 bytes per document (key and position, sorted); what is kept afterwards
/// is only the duplicated keys.
public struct DedupIndex: Sendable {
    private var keys: [UInt64] = []
    private var firsts: [UInt64] = []

    public init() {}

    /// A record's position in the run: file index, then line.
    @inline(__always)
    static func position(file: Int, line: Int) -> UInt64 { UInt64(file) << 40 | UInt64(line) }

    /// Builds the index from (key, position) pairs.
    init(pairs: [(key: UInt64, position: UInt64)]) {
        var sorted = pairs
        sorted.sort { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
        var i = 0
        while i < sorted.count {
            var j = i + 1
            while j < sorted.count && sorted[j].key == sorted[i].key { j += 1 }
            if j - i > 1 {
                keys.append(sorted[i].key)
                firsts.append(sorted[i].position)
            }
            i = j
        }
    }

    /// Number of keys that occur more than once.
    public var duplicatedKeys: Int { keys.count }

    /// Whether the document with `key` at `position` repeats one seen earlier in the run.
    func isDuplicate(key: UInt64, position: UInt64) -> Bool {
        var lo = 0
        var hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < keys.count && keys[lo] == key && firsts[lo] < position
    }
}
