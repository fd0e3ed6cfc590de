/// The LSH buckets of ``NearDedupLedger``: for each (band, band key), the first and the latest
/// document that has it.
///
/// An open-addressing table (linear probing, at most 3/4 full): band keys are hashes already,
/// so one multiply spreads them, and a document's 20 look-ups cost less than half what
/// `Dictionary`'s hashing and resizing did. 16 bytes per slot, key and value side by side:
/// the table outgrows the caches, and a look-up then costs one miss rather than two.
struct NearDedupBuckets {
    /// Per slot: the key (0 for an empty slot; stored keys have their top bit set), then
    /// `first << 32 | latest`.
    private var slots: [UInt64]
    private var mask: Int
    private var shift: UInt64
    private(set) var count = 0

    init() {
        slots = Array(repeating: 0, count: 2048)
        mask = 1023
        shift = 64 - 10
    }

    /// Enters `document` under `(band, key)` and returns the first and latest documents that
    /// had it before, or nil when it is new.
    @inline(__always)
    mutating func enter(band: Int, key: UInt32, document: UInt32) -> (first: UInt32, latest: UInt32)? {
        let k = 1 << 63 | UInt64(band) << 32 | UInt64(key)
        var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) &>> shift)
        let found: (first: UInt32, latest: UInt32)? = slots.withUnsafeMutableBufferPointer { slots in
            while true {
                let slot = slots[2 * i]
                if slot == k {
                    let v = slots[2 * i + 1]
                    slots[2 * i + 1] = v & 0xFFFF_FFFF_0000_0000 | UInt64(document)
                    return (UInt32(truncatingIfNeeded: v >> 32), UInt32(truncatingIfNeeded: v))
                }
                if slot == 0 {
                    slots[2 * i] = k
                    slots[2 * i + 1] = UInt64(document) << 32 | UInt64(document)
                    return nil
                }
                i = (i + 1) & mask
            }
        }
        if found == nil {
            count += 1
            if count * 4 > (mask + 1) * 3 { grow() }
        }
        return found
    }

    /// Doubles the table, entering every key again.
    private mutating func grow() {
        let old = slots
        let size = (mask + 1) * 2
        slots = Array(repeating: 0, count: 2 * size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
        for j in stride(from: 0, to: old.count, by: 2) where old[j] != 0 {
            var i = Int(truncatingIfNeeded: (old[j] &* 0x9E37_79B9_7F4A_7C15) &>> shift)
            while slots[2 * i] != 0 { i = (i + 1) & mask }
            slots[2 * i] = old[j]
            slots[2 * i + 1] = old[j + 1]
        }
    }

    /// Bytes held.
    var bytes: Int { slots.count * 8 }
}
