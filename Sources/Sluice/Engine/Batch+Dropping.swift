extension Batch {
    /// Moves the records at `indices` (ascending) to ``dropped`` with `reason` and `detail`,
    /// whole, keeping the others in order: how a stage drops records.
    mutating func drop(at indices: [Int], reason: String, detail: String) {
        guard !indices.isEmpty else { return }
        var kept: [Record] = []
        kept.reserveCapacity(records.count - indices.count)
        var next = 0
        for (i, r) in records.enumerated() {
            if next < indices.count && indices[next] == i {
                next += 1
                dropped.append(RejectedRecord(dropping: r, reason: reason, detail: detail))
            } else {
                kept.append(r)
            }
        }
        records = kept
    }
}
