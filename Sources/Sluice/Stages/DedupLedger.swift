import SluiceText

/// Exact dedup decided while the inputs are read, in run order: the first position at which
/// each key was seen, and a turnstile that lets each file's decoder decide only once every
/// earlier file of the run has been read.
///
/// This replaces a separate reading pass when dedup is the pipeline's first stage: the decoder
/// of a file hashes each record's text as it reads (``mark(_:)``), and a record is a duplicate
/// when its key was seen at an earlier position. Positions of the inputs this run does not
/// read from their start — finished files, the parts before a checkpoint, other shards' files
/// — are entered beforehand (``enter(_:)``); a key keeps its smallest position, so entering
/// more than what precedes a record never changes its decision. Decisions are therefore the
/// same for any `--jobs` and after any resume.
final class DedupLedger: Sendable {
    private struct State {
        /// Keys decided while reading: every later decision is at a later position, so their
        /// positions need not be kept (8 bytes per distinct document).
        var seen: Set<UInt64> = []
        /// Smallest position of each key entered ahead of the run, which may lie after the
        /// position being decided (a later finished file, the rest of a resumed one).
        var ahead: [UInt64: UInt64] = [:]
        /// Rank of each file this run reads, in the order the engine starts them.
        var rank: [Int: Int] = [:]
        /// Ranks whose reading is over.
        var released: Set<Int> = []
        /// Every rank below this one is released.
        var open = 0
        var waiting: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    private let state: Locked<State>

    /// `order`: indices (``InputFile/index``) of the files the run reads, in the order it
    /// starts them; each waits for the ones before it.
    init(order: [Int]) {
        var s = State()
        for (r, f) in order.enumerated() { s.rank[f] = r }
        state = Locked(s)
    }

    /// Enters keys with their positions (``DedupIndex/position(file:line:)``) read ahead of the run.
    func enter(_ pairs: [(key: UInt64, position: UInt64)]) {
        state.withLock { s in
            s.ahead.reserveCapacity(s.ahead.count + pairs.count)
            for (k, p) in pairs { s.ahead[k] = min(s.ahead[k] ?? p, p) }
        }
    }

    /// Returns once every file ordered before `file` has finished reading. Files outside the
    /// order (stdin) pass at once.
    func waitTurn(file: Int) async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { s -> Bool in
                guard let r = s.rank[file], r > s.open else { return true }
                s.waiting[r] = c
                return false
            }
            if ready { c.resume() }
        }
    }

    /// Whether `file` may decide now: every file ordered before it has finished reading.
    func isTurn(of file: Int) -> Bool {
        state.withLock { s in s.rank[file].map { $0 <= s.open } ?? true }
    }

    /// Marks `file`'s reading as over, letting the next file decide. Idempotent.
    func release(file: Int) {
        let ready = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            guard let r = s.rank[file], s.released.insert(r).inserted else { return [] }
            while s.released.contains(s.open) { s.open += 1 }
            let due = s.waiting.keys.filter { $0 <= s.open }
            return due.compactMap { s.waiting.removeValue(forKey: $0) }
        }
        for c in ready { c.resume() }
    }

    /// Decides the records of a freshly decoded batch, in order: the indices of those whose
    /// key was seen at an earlier position go to ``Batch/duplicates``.
    func mark(_ batch: inout Batch) {
        guard !batch.records.isEmpty else { return }
        let keys = batch.records.map { DedupKey.hash($0.text) }
        let file = batch.fileIndex
        let duplicates = state.withLock { s -> [Int] in
            var out: [Int] = []
            for (i, r) in batch.records.enumerated() {
                if !s.seen.insert(keys[i]).inserted {
                    out.append(i)
                } else if let q = s.ahead[keys[i]], q < DedupIndex.position(file: file, line: r.origin.order) {
                    out.append(i)
                }
            }
            return out
        }
        batch.duplicates = duplicates
    }

    /// Keys held: decided while reading, and entered ahead.
    var count: (seen: Int, ahead: Int) { state.withLock { ($0.seen.count, $0.ahead.count) } }
}
