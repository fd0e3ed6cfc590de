/// MinHash signatures of word shingles (``WordShingles``), their LSH band keys, and the
/// similarity estimate that confirms a candidate pair.
///
/// Each of the `bands × rows` hash functions is a multiply–shift hash `(a·x + b) >> 32` of the
/// shingle's 64-bit hash with odd `a`; the signature keeps the minimum of each. Coefficients come
/// from a fixed seed, so signatures are the same on every machine and in every run.
public struct MinHasher: Sendable {
    /// Words per shingle.
    public let shingleWords: Int
    /// LSH bands, and signature values per band.
    public let bands: Int
    public let rows: Int
    private let a: [UInt64]
    private let b: [UInt64]

    /// Signature values: `bands × rows`.
    public var permutations: Int { bands * rows }

    public init(shingleWords: Int = 5, bands: Int = 20, rows: Int = 6, seed: UInt64 = 0x5EED_0F_D0C5) {
        self.shingleWords = max(1, shingleWords)
        self.bands = max(1, bands)
        self.rows = max(1, rows)
        var state = seed
        var a: [UInt64] = []
        var b: [UInt64] = []
        for _ in 0..<(self.bands * self.rows) {
            a.append(Self.splitMix(&state) | 1)
            b.append(Self.splitMix(&state))
        }
        self.a = a
        self.b = b
    }

    /// Writes the signature of the UTF-8 `bytes` into `out` (``permutations`` values) and
    /// returns the number of shingles; a text without words gets no shingle and an all-ones
    /// signature, which callers skip.
    ///
    /// With `sketch` (a power-of-two number of values), also builds the ``ShingleSketch`` of
    /// the same shingles in it.
    @discardableResult
    public func signature(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt32>,
                          sketch: UnsafeMutableBufferPointer<UInt32>? = nil) -> Int {
        let k = permutations
        precondition(out.count >= k)
        let mins = out.baseAddress!
        for j in 0..<k { mins[j] = .max }
        let bins = sketch?.baseAddress
        var shift: UInt64 = 64
        if let sketch {
            precondition(sketch.count > 0 && sketch.count & (sketch.count - 1) == 0, "sketch bins must be a power of two")
            for j in sketch.indices { sketch[j] = ShingleSketch.empty }
            shift = UInt64(64 - sketch.count.trailingZeroBitCount)
        }
        var shingles = 0
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                let pa = ap.baseAddress!
                let pb = bp.baseAddress!
                WordShingles.forEach(utf8: bytes, size: shingleWords) { x in
                    shingles += 1
                    if let bins { ShingleSketch.add(x, into: bins, shift: shift) }
                    // One multiply-add per permutation: the high half of a·x+b is the hash.
                    for j in 0..<k {
                        let v = UInt32(truncatingIfNeeded: (pa[j] &* x &+ pb[j]) >> 32)
                        mins[j] = v < mins[j] ? v : mins[j]
                    }
                }
            }
        }
        return shingles
    }

    /// The signature of `text` (``permutations`` values).
    public func signature(_ text: String) -> [UInt32] {
        var copy = text
        return copy.withUTF8 { bytes in
            [UInt32](unsafeUninitializedCapacity: permutations) { buf, n in
                signature(utf8: bytes, into: buf)
                n = permutations
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
