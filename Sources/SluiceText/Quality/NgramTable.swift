/// An open-addressing hash table from 64-bit keys to a count and the index of first
/// insertion, reused across the n-gram passes of one document.
struct NgramTable {
    private var keys: [UInt64]
    private var counts: [Int32]
    private var firsts: [Int32]
    private var mask: Int

    init(expected: Int) {
        var cap = 16
        while cap < expected * 2 { cap <<= 1 }
        keys = [UInt64](repeating: 0, count: cap)
        counts = [Int32](repeating: 0, count: cap)
        firsts = [Int32](repeating: 0, count: cap)
        mask = cap - 1
    }

    mutating func clear() {
        keys.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }

    /// Adds one occurrence of `key` (first seen at `index`); returns its count and first index.
    @inline(__always)
    mutating func add(_ key: UInt64, index: Int) -> (count: Int, first: Int) {
        let k = key == 0 ? 1 : key
        var slot = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
        while true {
            let cur = keys[slot]
            if cur == k {
                counts[slot] += 1
                return (Int(counts[slot]), Int(firsts[slot]))
            }
            if cur == 0 {
                keys[slot] = k
                counts[slot] = 1
                firsts[slot] = Int32(truncatingIfNeeded: index)
                return (1, index)
            }
            slot = (slot + 1) & mask
        }
    }

    /// How many times `key` was added (0 when absent).
    @inline(__always)
    func count(of key: UInt64) -> Int {
        let k = key == 0 ? 1 : key
        var slot = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
        while true {
            let cur = keys[slot]
            if cur == k { return Int(counts[slot]) }
            if cur == 0 { return 0 }
            slot = (slot + 1) & mask
        }
    }

    /// Inserts `key`; returns false when it was already present.
    @inline(__always)
    mutating func insert(_ key: UInt64) -> Bool {
        let k = key == 0 ? 1 : key
        var slot = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
        while true {
            let cur = keys[slot]
            if cur == k { return false }
            if cur == 0 {
                keys[slot] = k
                return true
            }
            slot = (slot + 1) & mask
        }
    }
}

/// 64-bit hashing of byte ranges and sequences of hashes.
enum QualityHash {
    @inline(__always)
    static func bytes(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        var i = lo
        while i + 8 <= hi {
            var w: UInt64 = 0
            for k in 0..<8 { w |= UInt64(b[i + k]) << (8 * UInt64(k)) }
            h = mix(h ^ w)
            i += 8
        }
        var w: UInt64 = UInt64(hi - lo)
        var shift: UInt64 = 8
        while i < hi { w |= UInt64(b[i]) << shift; shift += 8; if shift == 64 { h = mix(h ^ w); w = 0; shift = 0 }; i += 1 }
        return mix(h ^ w)
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0x9E3779B97F4A7C15
        z = (z ^ (z >> 32)) &* 0xD6E8FEB86659FD93
        return z ^ (z >> 32)
    }

    @inline(__always)
    static func combine(_ h: UInt64, _ t: UInt64) -> UInt64 {
        mix(h &+ t &* 0x100000001b3 &+ 0x632BE59BD9B4E019)
    }
}
