import Foundation

/// NFC / NFKC normalization: NFC by a table check, with the standard library's own normalizer
/// (on UTF-8, no bridging) for the stretches the table cannot vouch for; NFKC through Foundation.
enum UnicodeNormalizer {
    /// `s` in NFC by the standard library's normalizer (the one String comparison uses), as
    /// UTF-8 without a round trip through UTF-16 (Foundation's took a quarter of `clean` on
    /// multilingual text).
    static func nfc(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        s._withNFCCodeUnits { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `s` in the normalization form `form`, or `nil` when it already is in it (ASCII text is
    /// in every form: callers that know a text is ASCII skip the call).
    static func normalize(_ s: String, _ form: TextCleaner.Normalization) -> String? {
        switch form {
        case .none:
            return nil
        case .nfc:
            // Most text holds no code point that can make it not NFC: a table lookup per code
            // point settles it. Of the rest only the stretches the table cannot vouch for go
            // through the standard library's normalizer (Yoruba's tone marks, an Arabic shadda
            // with its vowel), not the whole text.
            var copy = s
            return copy.withUTF8 { bytes -> String? in
                guard var segment = NFCQuickCheck.unsureSegment(bytes, from: 0) else { return nil }
                var out: [UInt8] = []
                out.reserveCapacity(bytes.count + 16)
                var copied = 0
                var changed = false
                while true {
                    let piece = UnsafeBufferPointer(rebasing: bytes[segment])
                    let text = String(decoding: piece, as: UTF8.self)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<segment.lowerBound]))
                    let mark = out.count
                    if piece.count > chunkBytes {
                        out.append(contentsOf: inChunks(text) { nfc($0) }.utf8)
                    } else {
                        text._withNFCCodeUnits { out.append($0) }
                    }
                    if !changed { changed = !out[mark...].elementsEqual(piece) }
                    copied = segment.upperBound
                    guard let next = NFCQuickCheck.unsureSegment(bytes, from: copied) else { break }
                    segment = next
                }
                guard changed else { return nil }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
                return String(decoding: out, as: UTF8.self)
            }
        case .nfkc:
            // No quick check for NFKC: compatibility characters pass the NFC check.
            let n = inChunks(s) { $0.precomposedStringWithCompatibilityMapping }
            return n.utf8.elementsEqual(s.utf8) ? nil : n
        }
    }

    /// Bytes normalized by one call into Foundation at most (roughly): its normalization is
    /// quadratic in the length of decomposed text (`a` + U+0301 over 1 MB: 4.8 s, over 4 MB:
    /// 74 s), so long texts are normalized piece by piece.
    static let chunkBytes = 1 << 16

    /// `normalized` applied to pieces of `s` cut just before a character that nothing before
    /// it composes or reorders with (an ASCII character, or a letter of combining class 0 that
    /// is not a Hangul jamo), so the pieces give the same result as the whole.
    static func inChunks(_ s: String, chunkBytes: Int = chunkBytes, _ normalized: (String) -> String) -> String {
        let u = s.utf8
        guard u.count > chunkBytes else { return normalized(s) }
        var out = ""
        out.reserveCapacity(u.count)
        var start = u.startIndex
        while start < u.endIndex {
            guard let end = cut(s, after: start, chunkBytes: chunkBytes) else {
                out += normalized(String(s[start...]))
                break
            }
            out += normalized(String(s[start..<end]))
            start = end
        }
        return out
    }

    /// Where the piece starting at `start` ends: the first safe cut at least ``chunkBytes``
    /// on (or a scalar boundary another ``chunkBytes`` on, for text with no safe cut, such as
    /// a long run of combining marks); nil when the rest is short enough.
    private static func cut(_ s: String, after start: String.Index, chunkBytes: Int) -> String.Index? {
        let scalars = s.unicodeScalars
        let u = s.utf8
        guard u.distance(from: start, to: u.endIndex) > chunkBytes * 2 else { return nil }
        var i = u.index(start, offsetBy: chunkBytes)
        while u[i] & 0xC0 == 0x80 { u.formIndex(after: &i) }  // a scalar boundary
        let limit = u.index(i, offsetBy: chunkBytes)
        while i < limit {
            let v = scalars[i]
            if v.isASCII || isSafeStarter(v) { return i }
            scalars.formIndex(after: &i)
        }
        return i
    }

    /// A letter of canonical combining class 0 that no composition takes as its second
    /// character (the Hangul jamo are the only such letters).
    private static func isSafeStarter(_ v: Unicode.Scalar) -> Bool {
        if (0x1100...0x11FF).contains(v.value) || (0xA960...0xA97F).contains(v.value) || (0xD7B0...0xD7FF).contains(v.value) { return false }
        let p = v.properties
        guard p.canonicalCombiningClass == .notReordered else { return false }
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter: return true
        default: return false
        }
    }
}
