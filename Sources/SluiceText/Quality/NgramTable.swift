/// An open-addressing hash table of 64-bit keys, each with a count, the index of its first
/// insertion and a mark, reused across the passes of one document. A class over raw
/// storage: the n-gram passes probe it once per word, and array copy-on-write checks and
/// bounds checks would cost as much as the probe.
final class NgramTable {
    private let keys: UnsafeMutablePointer<UInt64>
    private let counts: UnsafeMutablePointer<Int32>
    private let firsts: UnsafeMutablePointer<Int32>
    private let marks: UnsafeMutablePointer<Bool>
    private let capacity: Int
    private let mask: Int

    init(expected: Int) {
        var cap = 16
        while cap < expected * 2 { cap <<= 1 }
        capacity = cap
        mask = cap - 1
        keys = .allocate(capacity: cap)
        counts = .allocate(capacity: cap)
        firsts = .allocate(capacity: cap)
        marks = .allocate(capacity: cap)
        clear()
    }

    deinit {
        keys.deallocate()
        counts.deallocate()
        firsts.deallocate()
        marks.deallocate()
    }

    /// Empties the table (counts and first indices are set when a key is added).
    func clear() {
        keys.update(repeating: 0, count: capacity)
        marks.update(repeating: false, count: capacity)
    }

    /// Adds one occurrence of `key` (first seen at `index`); returns its slot.
    @inline(__always)
    func add(_ key: UInt64, index: Int) -> Int {
        let k = key == 0 ? 1 : key
        var slot = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
        while true {
            let cur = keys[slot]
            if cur == k {
                counts[slot] += 1
                return slot
            }
            if cur == 0 {
                keys[slot] = k
                counts[slot] = 1
                firsts[slot] = Int32(truncatingIfNeeded: index)
                return slot
            }
            slot = (slot + 1) & mask
        }
    }

    /// Occurrences added of the key in `slot`.
    @inline(__always)
    func count(at slot: Int) -> Int { Int(counts[slot]) }

    /// Index of the first occurrence of the key in `slot`.
    @inline(__always)
    func first(at slot: Int) -> Int { Int(firsts[slot]) }

    /// Marks `slot`; returns whether it was marked already.
    @inline(__always)
    func mark(_ slot: Int) -> Bool {
        if marks[slot] { return true }
        marks[slot] = true
        return false
    }

    /// Inserts `key`; returns false when it was already present.
    @inline(__always)
    func insert(_ key: UInt64) -> Bool {
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
