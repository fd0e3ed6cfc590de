/// Tests on the eight byte lanes of a 64-bit word at once (SWAR), for the hot loops that
/// skip plain ASCII eight bytes at a time. Each test leaves 0x80 in the lanes where it holds
/// and 0 elsewhere.
///
/// The range tests set each lane's high bit before subtracting, so no lane borrows from its
/// neighbour: they are exact for lanes below 0x80 (check ``ascii(_:)`` first).
enum ByteLanes {
    static let high: UInt64 = 0x8080_8080_8080_8080
    static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The eight bytes at `p` as a word, the first byte in the lowest lane.
    @inline(__always) static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// Lanes below 0x80.
    @inline(__always) static func ascii(_ w: UInt64) -> UInt64 { ~w & high }

    /// Lanes equal to `c` (any byte values).
    @inline(__always) static func equal(_ w: UInt64, _ c: UInt8) -> UInt64 {
        ~(((w ^ (ones &* UInt64(c))) | high) &- ones) & high
    }

    /// Lanes in `lo...hi` (lanes below 0x80, `hi` < 0x7F).
    @inline(__always) static func inRange(_ w: UInt64, _ lo: UInt8, _ hi: UInt8) -> UInt64 {
        let x = w | high
        return (x &- ones &* UInt64(lo)) & ~(x &- ones &* UInt64(hi + 1)) & high
    }

    /// Lanes holding an ASCII letter or digit (lanes below 0x80).
    @inline(__always) static func alnum(_ w: UInt64) -> UInt64 {
        inRange(w, 0x30, 0x39) | inRange(w | 0x2020_2020_2020_2020, 0x61, 0x7A)
    }
}
