/// Counting Unicode scalars (code points, Python's `len`) on UTF-8 bytes: every byte that is
/// not a continuation byte (10xxxxxx) starts one.
enum UTF8Scalars {
    /// Scalars in `b[lo..<hi]`, eight bytes at a time: a continuation byte has bit 7 set and
    /// bit 6 clear, and shifting the word left by one puts each byte's bit 6 under its bit 7.
    @inline(__always)
    static func count(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        var continuation = 0
        var i = lo
        if let base = b.baseAddress {
            while i + 8 <= hi {
                let w = ByteLanes.load(base + i)
                continuation += (w & ~(w << 1) & ByteLanes.high).nonzeroBitCount
                i += 8
            }
        }
        var n = i - lo - continuation
        while i < hi {
            if b[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }

    /// Sorted, disjoint byte ranges of `b` as scalar ranges, in one forward pass.
    static func offsets(_ ranges: [Range<Int>], in b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(ranges.count)
        var pos = 0, scalars = 0
        for r in ranges {
            scalars += count(b, pos, r.lowerBound)
            let lo = scalars
            scalars += count(b, r.lowerBound, r.upperBound)
            pos = r.upperBound
            out.append(lo..<scalars)
        }
        return out
    }
}
