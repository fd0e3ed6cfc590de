/// The LSH buckets of ``NearDedupLedger``: for each (band, band key), the first and the latest
/// document that has it.
///
/// An open-addressing table (linear probing, at most 3/4 full): band keys are hashes already,
/// so one multiply spreads them, and a document's 20 look-ups cost less than half what
/// `Dictionary`'s hashing and resizing did. 16 bytes per slot.
struct NearDedupBuckets {
    /// Slot keys, 0 for an empty slot (stored keys have their top bit set).
    private var keys: [UInt64]
    /// `first << 32 | latest` for each used slot.
    private var values: [UInt64]
    private var mask: Int
    private var shift: UInt64
    private(set) var count = 0

    init() {
        keys = Array(repeating: 0, count: 1024)
        values = Array(repeating: 0, count: 1024)
        mask = 1023
        shift = 64 - 10
    }

    /// Enters `document` under `(band, key)` and returns the first and latest documents that
    /// had it before, or nil when it is new.
    @inline(__always)
    mutating func enter(band: Int, key: UInt32, document: UInt32) -> (first: UInt32, latest: UInt32)? {
        let k = 1 << 63 | UInt64(band) << 32 | UInt64(key)
        var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) &>> shift)
        let found: (first: UInt32, latest: UInt32)? = keys.withUnsafeMutableBufferPointer { keys in
            values.withUnsafeMutableBufferPointer { values in
                while true {
                    let slot = keys[i]
                    if slot == k {
                        let v = values[i]
                        values[i] = v & 0xFFFF_FFFF_0000_0000 | UInt64(document)
                        return (UInt32(truncatingIfNeeded: v >> 32), UInt32(truncatingIfNeeded: v))
                    }
                    if slot == 0 {
                        keys[i] = k
                        values[i] = UInt64(document) << 32 | UInt64(document)
                        return nil
                    }
                    i = (i + 1) & mask
                }
            }
        }
        if found == nil {
            count += 1
            if count * 4 > keys.count * 3 { grow() }
        }
        return found
    }

    /// Doubles the table, entering every key again.
    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        let size = keys.count * 2
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
        for (j, k) in oldKeys.enumerated() where k != 0 {
            var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) &>> shift)
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = k
            values[i] = oldValues[j]
        }
    }

    /// Bytes held.
    var bytes: Int { keys.count * 16 }
}
