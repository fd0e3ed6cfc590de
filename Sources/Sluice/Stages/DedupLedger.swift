import SluiceText

/// Exact dedup decided while the inputs are read, in run order: the first position at which
/// each key was seen. The engine's ``RunTurnstile`` lets each file's decoder decide only once
/// every earlier file of the run has been read.
///
/// This replaces a separate reading pass when dedup is the pipeline's first stage: the decoder
/// of a file hashes each record's text as it reads (``mark(_:)``), and a record is a duplicate
/// when its key was seen at an earlier position. Positions of the inputs this run does not
/// read from their start — finished files, the parts before a checkpoint, other shards' files
/// — are entered beforehand (``enter(_:)``); a key keeps its smallest position, so entering
/// more than what precedes a record never changes its decision. Decisions are therefore the
/// same for any `--jobs` and after any resume.
final class DedupLedger: RunOrderLedger {
    private struct State {
        /// Keys decided while reading: every later decision is at a later position, so their
        /// positions need not be kept (8 bytes per distinct document).
        var seen: Set<UInt64> = []
        /// Smallest position of each key entered ahead of the run, which may lie after the
        /// position being decided (a later finished file, the rest of a resumed one).
        var ahead: [UInt64: UInt64] = [:]
    }

    private let state = Locked(State())

    init() {}

    /// Enters keys with their positions (``DedupIndex/position(file:line:)``) read ahead of the run.
    func enter(_ pairs: [(key: UInt64, position: UInt64)]) {
        state.withLock { s in
            s.ahead.reserveCapacity(s.ahead.count + pairs.count)
            for (k, p) in pairs { s.ahead[k] = min(s.ahead[k] ?? p, p) }
        }
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
