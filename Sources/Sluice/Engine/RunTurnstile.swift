/// Lets each file's decoder start only once every file before it in the run has been read,
/// so that decisions the decoders make in run order (exact and near dedup) see every earlier
/// document first, whatever `--jobs` is.
final class RunTurnstile: Sendable {
    private struct State {
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
}

/// A decision the decoder makes on each freshly decoded batch, in run order, before the
/// batch goes to the workers (see ``RunTurnstile``).
protocol RunOrderLedger: Sendable {
    func mark(_ batch: inout Batch)
}

/// The decisions the decoder makes in run order for `stages` (prepared): exact dedup's, then
/// near dedup's, for a file run and a stream alike.
func runOrderLedgers(of stages: [any Stage]) -> [any RunOrderLedger] {
    stages.compactMap { ($0 as? DedupStage)?.ledger } + stages.compactMap { ($0 as? NearDedupStage)?.ledger }
}
