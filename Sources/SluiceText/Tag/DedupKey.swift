/// The key of exact deduplication: a 64-bit hash of a document's normalized text.
///
/// Normalization makes copies that differ only in invisible ways collide: whitespace runs
/// and line breaks count as nothing, ASCII letters are lowercased, and control and
/// zero-width characters (U+200B…U+200D, U+2060, U+FEFF, soft hyphen) are skipped.
/// Everything else — punctuation, digits, non-ASCII letters — must match exactly.
public enum DedupKey {
    public static func hash(_ text: String) -> UInt64 {
        var copy = text
        return copy.withUTF8 { bytes in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var i = 0
            let n = bytes.count
            while i < n {
                var b = bytes[i]
                if b < 0x80 {
                    i += 1
                    if b <= 0x20 || b == 0x7F { continue }
                    if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                    h = (h ^ UInt64(b)) &* 0x100_0000_01b3
                    continue
                }
                // Skip invisible characters: U+00AD (C2 AD), U+200B-D, U+2060 (E2 80 8B-8D,
                // E2 81 A0), U+FEFF (EF BB BF), C1 controls and U+00A0 (C2 80-A0).
                if b == 0xC2 && i + 1 < n && (bytes[i + 1] <= 0xA0 || bytes[i + 1] == 0xAD) { i += 2; continue }
                if b == 0xE2 && i + 2 < n && ((bytes[i + 1] == 0x80 && (0x8B...0x8D).contains(bytes[i + 2])) || (bytes[i + 1] == 0x81 && bytes[i + 2] == 0xA0)) { i += 3; continue }
                if b == 0xEF && i + 2 < n && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF { i += 3; continue }
                h = (h ^ UInt64(b)) &* 0x100_0000_01b3
                i += 1
            }
            // A final avalanche so that near-identical texts spread over the whole range.
            h ^= h >> 33
            h = h &* 0xff51_afd7_ed55_8ccd
            h ^= h >> 33
            h = h &* 0xc4ce_b9fe_1a85_ec53
            h ^= h >> 33
            return h
        }
    }
}
