import Synchronization

/// Where one batch is in its pipeline — which stage, which record — for the
/// ``SlowRecordWatch`` to see from its own thread.
///
/// The worker sets the stage; stages that go record by record say which record they are at
/// (``at(record:)``, one relaxed atomic store). A stage that does not still gets its batch
/// reported, by line range. Reached from stage code through the task-local ``current``.
public final class StageProgress: Sendable {
    /// The progress of the batch the current task is processing, if it is watched.
    @TaskLocal public static var current: StageProgress?

    let file: String
    let stageNames: [String]
    /// Stage index in the high half, record index + 1 in the low half (0: not known).
    private let position = Atomic<Int>(0)
    /// Line and raw JSON id of each record as the current stage sees them.
    private let records: Locked<[(line: Int, id: [UInt8])]>
    /// Records the watch reported as slow, by stage name.
    let slow = Locked(Counters())

    init(file: String, stageNames: [String], batch: Batch) {
        self.file = file
        self.stageNames = stageNames
        records = Locked(Self.identities(batch))
    }

    static func identities(_ batch: Batch) -> [(line: Int, id: [UInt8])] {
        batch.records.map { (line: $0.origin.line, id: $0.idJSON) }
    }

    /// Marks the start of stage `index`; `batch` is re-read when an earlier stage dropped records.
    func enter(stage index: Int, batch: Batch) {
        records.withLock { if $0.count != batch.records.count { $0 = Self.identities(batch) } }
        position.store(index << 32, ordering: .relaxed)
    }

    /// The stage is now working on the batch's record `index`.
    @inline(__always)
    public func at(record index: Int) {
        let stage = position.load(ordering: .relaxed) >> 32
        position.store(stage << 32 | (index + 1), ordering: .relaxed)
    }

    /// Stage index and record index (nil when the stage does not say).
    var location: (stage: Int, record: Int?) {
        let p = position.load(ordering: .relaxed)
        let r = p & 0xFFFF_FFFF
        return (p >> 32, r == 0 ? nil : r - 1)
    }

    /// "a/b.jsonl line 17 (id "x")" for a record, or the batch's line range.
    func describe(record: Int?) -> String {
        records.withLock { rs in
            if let record, record < rs.count {
                let r = rs[record]
                let id = String(decoding: r.id, as: UTF8.self)
                return "\(file) line \(r.line)" + (id.isEmpty ? "" : " (id \(id.utf8.count > 80 ? String(id.prefix(80)) + "…" : id))")
            }
            guard let first = rs.first, let last = rs.last else { return file }
            return "\(file) lines \(first.line)–\(last.line) (one of \(rs.count) records)"
        }
    }
}
