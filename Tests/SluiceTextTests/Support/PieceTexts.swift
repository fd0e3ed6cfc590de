/// Deterministic random texts glued from `pieces` (a 64-bit LCG), for checking the byte-level
/// fast paths against scalar-by-scalar references on every mix of scripts and separators.
struct PieceTexts: Sequence, IteratorProtocol {
    let pieces: [String]
    let maxPieces: Int
    private var remaining: Int
    private var state: UInt64

    /// `count` texts of fewer than `maxPieces` pieces each.
    init(_ pieces: [String], count: Int, maxPieces: Int, seed: UInt64) {
        self.pieces = pieces
        self.maxPieces = maxPieces
        remaining = count
        state = seed
    }

    mutating func next() -> String? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        var text = ""
        for _ in 0..<Int(state % UInt64(maxPieces)) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            text += pieces[Int(state >> 33) % pieces.count]
        }
        return text
    }
}
