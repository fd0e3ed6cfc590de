/// MinHash signatures of word shingles (``WordShingles``), their LSH band keys, and the
/// similarity estimate of compact signatures.
///
/// The signature is a densified one-permutation MinHash: each shingle's hash picks one of the
/// `bands × rows` bins and the bin keeps its smallest value; empty bins borrow the value of a
/// bin chosen by a fixed probe sequence. One hash per shingle whatever the signature's length
/// (a MinHash with one hash function per value costs `bands × rows` per shingle), and two
/// texts still agree in each value with a probability close to their Jaccard similarity. The
/// seed is fixed, so signatures are the same on every machine and in every run.
public struct MinHasher: Sendable {
    /// Words per shingle.
    public let shingleWords: Int
    /// LSH bands, and signature values per band.
    public let bands: Int
    /// See ``bands``.
    public let rows: Int
    /// Rules applied to words before shingling, beyond the ones always applied.
    public let normalization: ShingleNormalization
    private let seed: UInt64

    /// Signature values: `bands × rows`.
    public var permutations: Int { bands * rows }

    /// A hasher of `shingleWords`-word shingles with `bands` × `rows` values; `seed` fixes the
    /// permutations; `normalization` adds rules for words.
    public init(shingleWords: Int = 5, bands: Int = 20, rows: Int = 6, normalization: ShingleNormalization = [],
                seed: UInt64 = 0x5EED_0F_D0C5) {
        self.shingleWords = max(1, shingleWords)
        self.normalization = normalization
        self.bands = max(1, bands)
        self.rows = max(1, rows)
        var state = seed
        self.seed = Self.splitMix(&state)
    }

    /// Writes the signature of the UTF-8 `bytes` into `out` (``permutations`` values) and
    /// returns the number of shingles; a text without words gets no shingle and an all-ones
    /// signature, which callers skip.
    ///
    /// With `sketch` (a power-of-two number of values), also builds the ``ShingleSketch`` of
    /// the same shingles in it. When the sketch has at least ``permutations`` bins, the
    /// signature is read off it: value `j` is the smallest over the `j`-th of
    /// ``permutations`` consecutive runs of bins, which is a one-permutation MinHash of the
    /// same shingles — one update per shingle instead of two, which halves signing. The
    /// signature therefore depends on the sketch's size; a run uses one size throughout.
    @discardableResult
    public func signature(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt32>,
                          sketch: UnsafeMutableBufferPointer<UInt32>? = nil) -> Int {
        let k = permutations
        precondition(out.count >= k)
        let mins = out.baseAddress!
        for j in 0..<k { mins[j] = .max }
        var shingles = 0
        if let sketch {
            precondition(sketch.count > 0 && sketch.count & (sketch.count - 1) == 0, "sketch bins must be a power of two")
            let bins = sketch.baseAddress!
            for j in 0..<sketch.count { bins[j] = ShingleSketch.empty }
            let shift = UInt64(64 - sketch.count.trailingZeroBitCount)
            if sketch.count >= k {
                var sink = SketchSink(bins: bins, shift: shift)
                WordShingles.forEach(utf8: bytes, size: shingleWords, normalization: normalization, into: &sink)
                shingles = sink.count
                guard shingles > 0 else { return 0 }
                // Bin b of the sketch belongs to run ⌊b·k / bins⌋.
                let log2 = sketch.count.trailingZeroBitCount
                for b in 0..<sketch.count {
                    let j = (b &* k) &>> log2
                    mins[j] = Swift.min(mins[j], bins[b])
                }
                densify(mins, k)
                return shingles
            }
            WordShingles.forEach(utf8: bytes, size: shingleWords, normalization: normalization) { x in
                shingles += 1
                ShingleSketch.add(x, into: bins, shift: shift)
                add(x, to: mins)
            }
        } else {
            WordShingles.forEach(utf8: bytes, size: shingleWords, normalization: normalization) { x in
                shingles += 1
                add(x, to: mins)
            }
        }
        if shingles > 0 { densify(mins, k) }
        return shingles
    }

    /// Enters a shingle hash into a signature of its own (no sketch, or a sketch with fewer
    /// bins than the signature has values): one more multiply keeps its bins and values
    /// apart from the sketch's.
    @inline(__always)
    private func add(_ x: UInt64, to mins: UnsafeMutablePointer<UInt32>) {
        var h = (x ^ seed).rotatedLeft(32) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        // High half picks the bin (multiply-high: any bin count), low half is the value.
        let bin = Int(truncatingIfNeeded: ((h >> 32) &* UInt64(permutations)) >> 32)
        let v = UInt32(truncatingIfNeeded: h) & 0x7FFF_FFFF
        mins[bin] = Swift.min(mins[bin], v)
    }

    /// Fills the empty bins (`.max`): bin `j` takes the value of the first non-empty bin of its
    /// probe sequence, offset by the attempt so that a borrowed value differs from the lent one.
    /// After 32 attempts it takes the next non-empty bin, so the loop always ends.
    private func densify(_ mins: UnsafeMutablePointer<UInt32>, _ k: Int) {
        var empty = 0
        for j in 0..<k where mins[j] == .max { empty += 1 }
        guard empty > 0 else { return }
        // Which bins were filled by shingles: borrowing only from those keeps the result
        // independent of the order bins are filled in.
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: k) { filled in
            for j in 0..<k { filled[j] = mins[j] != .max }
            for j in 0..<k where !filled[j] {
                var value: UInt32?
                var state = seed ^ UInt64(j) &* 0xD6E8_FEB8_6659_FD93
                for attempt in 1...32 {
                    let c = Int(truncatingIfNeeded: ((Self.splitMix(&state) >> 32) &* UInt64(k)) >> 32)
                    if filled[c] { value = mins[c] &+ UInt32(attempt) &* 0x9E37_79B1; break }
                }
                if value == nil {
                    var c = (j + 1) % k
                    while !filled[c] { c = (c + 1) % k }
                    value = mins[c] &+ 0x7F4A_7C15
                }
                mins[j] = value! & 0x7FFF_FFFF
            }
        }
    }

    /// The signature of `text` (``permutations`` values), read off a sketch of `sketchBins`
    /// bins as the `near_dedup` stage does with its `check_bins`.
    public func signature(_ text: String, sketchBins: Int = 1024) -> [UInt32] {
        var copy = text
        return copy.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: sketchBins) { sketch in
                [UInt32](unsafeUninitializedCapacity: permutations) { buf, n in
                    signature(utf8: bytes, into: buf, sketch: sketch)
                    n = permutations
                }
            }
        }
    }

    /// The key of each band of `signature`: documents sharing a band key become candidates.
    /// Keys are 32 bits: a chance collision only adds a candidate that the signature check
    /// rejects.
    public func bandKeys(_ signature: UnsafeBufferPointer<UInt32>, into out: UnsafeMutableBufferPointer<UInt32>) {
        for band in 0..<bands {
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(band + 1)
            for r in 0..<rows {
                h = (h ^ UInt64(signature[band * rows + r])).rotatedLeft(29) &* 0xBF58_476D_1CE4_E5B9
            }
            h ^= h >> 31
            h = h &* 0x94D0_49BB_1331_11EB
            out[band] = UInt32(truncatingIfNeeded: h >> 32)
        }
    }

    /// Estimated Jaccard similarity of two compact signatures (the low byte of each value,
    /// ``compact(_:into:)``): the share of equal values, corrected for the 1 in 256 chance
    /// that two different values share their low byte.
    @inline(__always)
    public static func similarity(_ x: UnsafePointer<UInt8>, _ y: UnsafePointer<UInt8>, count: Int) -> Double {
        var equal = 0
        for j in 0..<count where x[j] == y[j] { equal += 1 }
        let m = Double(equal) / Double(count)
        return max(0, (m - 1.0 / 256) / (1 - 1.0 / 256))
    }

    /// The compact signature kept per document: one byte per value (b-bit MinHash with b = 8).
    public static func compact(_ signature: UnsafeBufferPointer<UInt32>, into out: UnsafeMutableBufferPointer<UInt8>) {
        for j in 0..<signature.count { out[j] = UInt8(truncatingIfNeeded: signature[j]) }
    }

    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}


/// Enters shingles into a ``ShingleSketch``, counting them.
struct SketchSink: ShingleSink {
    let bins: UnsafeMutablePointer<UInt32>
    let shift: UInt64
    var count = 0

    @inline(__always)
    mutating func take(_ shingle: UInt64) {
        count += 1
        ShingleSketch.add(shingle, into: bins, shift: shift)
    }
}
