/// Decoding of single scalars from valid UTF-8 bytes.
enum UTF8Scalar {
    /// The scalar that starts at `i` in valid UTF-8 and its length in bytes.
    @inline(__always)
    static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let b0 = UInt32(p[i])
        let value: UInt32
        let length: Int
        if b0 < 0x80 {
            value = b0; length = 1
        } else if b0 < 0xE0 {
            value = (b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F); length = 2
        } else if b0 < 0xF0 {
            value = (b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F); length = 3
        } else {
            value = (b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12
                | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
