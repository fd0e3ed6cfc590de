/// Facts about the zstd frame format used to confirm an input by its magic bytes.
public enum ZstdFormat {
    /// Little-endian magic of a zstd data frame.
    static let frameMagic: UInt32 = 0xFD2F_B528
    /// Skippable frames use magics 0x184D2A50 … 0x184D2A5F.
    static let skippableMask: UInt32 = 0xFFFF_FFF0
    static let skippableMagic: UInt32 = 0x184D_2A50
    /// A complete frame of empty content (`zstd -c` of an empty file, with its checksum):
    /// an output with no records still has to be a valid zstd file.
    static let emptyFrame: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0x24, 0x00, 0x01, 0x00, 0x00, 0x99, 0xE9, 0xD8, 0x51]

    /// Whether `prefix` (at least 4 bytes) starts a zstd data or skippable frame.
    public static func hasMagic(_ prefix: some Collection<UInt8>) -> Bool {
        guard prefix.count >= 4 else { return false }
        var m: UInt32 = 0
        for (i, b) in prefix.prefix(4).enumerated() { m |= UInt32(b) << (8 * UInt32(i)) }
        return m == frameMagic || (m & skippableMask) == skippableMagic
    }
}
