/// The key of exact deduplication: a 64-bit hash of a document's normalized text.
///
/// Normalization makes copies that differ only in invisible ways collide: whitespace runs
/// and line breaks count as nothing, ASCII letters are lowercased, and control and
/// zero-width characters (U+200B…U+200D, U+2060, U+FEFF, soft hyphen, NBSP) are skipped.
/// Everything else — punctuation, digits, non-ASCII letters — must match exactly.
public enum DedupKey {
    /// The key of `text`.
    public static func hash(_ text: String) -> UInt64 {
        var copy = text
        return copy.withUTF8 { hash(utf8: $0) }
    }

    /// The key of the text whose (valid) UTF-8 is `bytes`; equal to ``hash(_:)`` of its `String`.
    public static func hash(utf8 bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        // Normalize into a buffer first, then hash it eight bytes at a time: the byte
        // loop stays branch-light and the hash does not depend on where bytes were skipped.
        let n = bytes.count
        guard let base = bytes.baseAddress else { return mix(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 8) { buf in
            var o = 0
            var i = 0
            let ascii = asciiMap
            let out = UnsafeMutableRawPointer(buf.baseAddress!)
            while i < n {
                if i + 8 <= n {
                    // Eight ASCII bytes at once (SWAR): lowercase them, and keep all eight with
                    // one store when none is skipped (o ≤ i, so the store stays in the buffer).
                    let w = ByteLanes.load(base + i)
                    if w & ByteLanes.high == 0 {
                        var v = w | (ByteLanes.inRange(w, 0x41, 0x5A) >> 2)
                        // Kept: above 0x20 and not DEL.
                        var keep = ByteLanes.inRange(w, 0x21, 0x7E)
                        if keep == ByteLanes.high {
                            out.storeBytes(of: v.littleEndian, toByteOffset: o, as: UInt64.self)
                            o &+= 8
                        } else {
                            keep >>= 7
                            for _ in 0..<8 {
                                buf[o] = UInt8(truncatingIfNeeded: v)
                                o &+= Int(truncatingIfNeeded: keep & 1)
                                v >>= 8
                                keep >>= 8
                            }
                        }
                        i &+= 8
                        continue
                    }
                }
                let b = bytes[i]
                if b < 0x80 {
                    // Branch-free: always store, advance only for a kept byte (mapped non-zero).
                    let v = ascii[Int(b)]
                    buf[o] = v
                    o &+= v != 0 ? 1 : 0
                    i += 1
                    continue
                }
                if b == 0xC2 && i + 1 < n && (bytes[i + 1] <= 0xA0 || bytes[i + 1] == 0xAD) { i += 2; continue }
                if b == 0xE2 && i + 2 < n
                    && ((bytes[i + 1] == 0x80 && (0x8B...0x8D).contains(bytes[i + 2])) || (bytes[i + 1] == 0x81 && bytes[i + 2] == 0xA0)) {
                    i += 3
                    continue
                }
                if b == 0xEF && i + 2 < n && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF { i += 3; continue }
                buf[o] = b
                o += 1
                i += 1
            }
            return mix(UnsafeRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buf)[0..<o]))
        }
    }

    /// ASCII bytes as normalized: 0 for the skipped (controls, space, DEL), capitals lowered.
    nonisolated(unsafe) private static let asciiMap: UnsafePointer<UInt8> = {
        let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 128)
        for b in 0..<128 {
            let u = UInt8(b)
            t[b] = u <= 0x20 || u == 0x7F ? 0 : (u &- 0x41) < 26 ? u | 0x20 : u
        }
        return UnsafePointer(t)
    }()

    /// A fast 64-bit hash of `bytes` (multiply–xorshift over 8-byte words, length-seeded).
    static func mix(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ (UInt64(bytes.count) &* k)
        var i = 0
        while i + 8 <= bytes.count {
            let w = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ (w &* k)).rotatedLeft(31) &* 0xBF58_476D_1CE4_E5B9
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ (tail &* k)).rotatedLeft(31) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }
}

extension UInt64 {
    @inline(__always)
    func rotatedLeft(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
