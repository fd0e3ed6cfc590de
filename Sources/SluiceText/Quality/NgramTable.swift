/// An open-addressing hash table of 64-bit keys, each with a count, the index of its first
/// insertion and a mark, reused across the passes of one document. A class over raw
/// storage: the n-gram passes probe it once per word, and array copy-on-write checks and
/// bounds checks would cost as much as the probe.
final class NgramTable {
    /// A key with its count and the index of its first insertion: one cache line holds four.
    private struct Entry {
        var key: UInt64
        var count: Int32
        var first: Int32
    }

    private let entries: UnsafeMutablePointer<Entry>
    private let marks: UnsafeMutablePointer<Bool>
    private let capacity: Int
    /// The slots in use are `0...mask`: `clear(expected:)` shrinks them for small passes, so
    /// that clearing and probing touch little memory.
    private var mask: Int

    init(expected: Int) {
        capacity = Self.slots(for: expected)
        mask = capacity - 1
        entries = .allocate(capacity: capacity)
        marks = .allocate(capacity: capacity)
        clear()
    }

    deinit {
        entries.deallocate()
        marks.deallocate()
    }

    private static func slots(for expected: Int) -> Int {
        var cap = 16
        while cap < expected * 2 { cap <<= 1 }
        return cap
    }

    /// Empties the table (counts and first indices are set when a key is added).
    func clear() { clear(expected: capacity / 2) }

    /// Empties the table for at most `expected` keys (no more than it was created for).
    func clear(expected: Int) {
        let used = min(Self.slots(for: expected), capacity)
        mask = used - 1
        // Only the keys need zeroing: an entry's other fields are set when its key is.
        for k in 0..<used { entries[k].key = 0 }
        marks.update(repeating: false, count: used)
    }

    /// Adds one occurrence of `key` (first seen at `index`); returns its slot.
    @inline(__always)
    func add(_ key: UInt64, index: Int) -> Int {
        let k = key == 0 ? 1 : key
        var slot = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
        while true {
            let cur = entries[slot].key
            if cur == k {
                entries[slot].count += 1
                return slot
            }
            if cur == 0 {
                entries[slot] = Entry(key: k, count: 1, first: Int32(truncatingIfNeeded: index))
                return slot
            }
            slot = (slot + 1) & mask
        }
    }

    /// Occurrences added of the key in `slot`.
    @inline(__always)
    func count(at slot: Int) -> Int { Int(entries[slot].count) }

    /// Index of the first occurrence of the key in `slot`.
    @inline(__always)
    func first(at slot: Int) -> Int { Int(entries[slot].first) }

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
            let cur = entries[slot].key
            if cur == k { return false }
            if cur == 0 {
                entries[slot].key = k
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
        // Most words fit in 8 bytes: one unaligned load, the bytes past `hi` masked off
        // (near the end of the buffer, where the load would overrun it, the same little-endian
        // word is built byte by byte: equal bytes must hash equal wherever they are).
        let n = hi - lo
        if n <= 8 {
            var w: UInt64 = 0
            if lo + 8 <= b.count {
                let raw = ByteLanes.load(b.baseAddress! + lo)
                w = n == 8 ? raw : raw & ((1 << UInt64(8 * n)) &- 1)
            } else {
                for k in 0..<n { w |= UInt64(b[lo + k]) << UInt64(8 * k) }
            }
            return mix(0xcbf29ce484222325 ^ mix(w ^ UInt64(n) &* 0x9E3779B97F4A7C15))
        }
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
