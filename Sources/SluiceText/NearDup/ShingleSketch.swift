/// The sketch that confirms LSH candidates: one-permutation hashing into `bins` bins (the
/// smallest hash of the shingles falling into each bin), one byte kept per bin.
///
/// Its cost per shingle is one hash, whatever the number of bins, so it can have many more
/// values than the MinHash signature: with more bins than a document has shingles it is close
/// to the exact Jaccard similarity (the estimate's error at J = 0.8 is about ±0.01 for 1,024
/// bins, against ±0.037 for 120 MinHash values), which is what makes precision and recall
/// near the threshold good.
public enum ShingleSketch {
    /// Empty bins of a sketch being built.
    public static let empty = UInt32.max

    /// Enters one (well-mixed) shingle hash into `bins` (a power of two, `shift` = 64 − log2(bins)).
    @inline(__always)
    public static func add(_ h: UInt64, into bins: UnsafeMutablePointer<UInt32>, shift: UInt64) {
        // `h` is a mixed hash (``WordShingles``): high bits pick the bin, low bits are the
        // value, independent of each other.
        let bin = Int(truncatingIfNeeded: h &>> shift)
        let v = UInt32(truncatingIfNeeded: h) & 0x7FFF_FFFF
        // Branch-free: whether a bin takes a value is unpredictable while it fills.
        bins[bin] = Swift.min(bins[bin], v)
    }

    /// One byte per bin: 0 for an empty bin, else 1…255 from the bin's value.
    @inline(__always)
    public static func compact(_ v: UInt32) -> UInt8 {
        // The low 16 bits, mapped evenly onto 1…255 with a multiply: a division per bin cost
        // as much as filling the sketch for short documents. Low bits, because a bin keeps
        // the smallest of its values, so its high bits lean towards 0.
        v == empty ? 0 : UInt8(truncatingIfNeeded: 1 &+ ((v & 0xFFFF) &* 255) &>> 16)
    }

    /// Estimated Jaccard similarity of two compact sketches of `count` bins: equal non-empty
    /// bins over bins non-empty in either, corrected for the 1 in 255 chance that two different
    /// values share their byte.
    @inline(__always)
    public static func similarity(_ x: UnsafePointer<UInt8>, _ y: UnsafePointer<UInt8>, count: Int) -> Double {
        var equal = 0
        var used = 0
        // Eight bins at a time: the high bit of each byte of `zeroBytes` marks a 0 byte.
        let words = count / 8
        let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
        for w in 0..<words {
            let a = rx.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self)
            let b = ry.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self)
            used &+= (~zeroBytes(a | b) & high).nonzeroBitCount
            equal &+= (zeroBytes(a ^ b) & ~zeroBytes(a) & high).nonzeroBitCount
        }
        for j in (words * 8)..<count {
            let a = x[j], b = y[j]
            used &+= (a | b) != 0 ? 1 : 0
            equal &+= (a == b && a != 0) ? 1 : 0
        }
        guard used > 0 else { return 0 }
        let m = Double(equal) / Double(used)
        return max(0, (m - 1.0 / 255) / (1 - 1.0 / 255))
    }

    private static let high: UInt64 = 0x8080_8080_8080_8080
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit set in each byte of `v` that is 0, exactly (no carries between bytes).
    @inline(__always)
    private static func zeroBytes(_ v: UInt64) -> UInt64 {
        ~(((v & low7) &+ low7) | v) & high
    }
}
