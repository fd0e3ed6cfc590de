/// Recognizes a line made only of hashtags, such as `#Putin #talk #peace`.
///
/// Tags are separated by spaces, tabs or commas (or follow each other directly, `#a#b`).
/// A tag is `#` followed by letters, marks, digits, underscores, ZWNJ or ZWJ, and holds at
/// least one character that is not a digit (`#2024` is not a tag).
enum HashtagLine {
    /// The tags of the line `range` of `p` in order, without `#` and without duplicates,
    /// or `nil` when the line is not only hashtags.
    static func parse(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [String]? {
        var tags = UniqueStrings()
        var i = range.lowerBound
        let end = range.upperBound
        var sawTag = false
        while i < end {
            let b = p[i]
            if b == 0x20 || b == 0x09 || b == 0x2C { i += 1; continue }
            guard b == 0x23 else { return nil }  // '#'
            i += 1
            let start = i
            var hasNonDigit = false
            while i < end {
                let c = p[i]
                if c < 0x80 {
                    if isASCIITagByte(c) {
                        if c > 0x39 || c < 0x30 { hasNonDigit = true }
                        i += 1
                        continue
                    }
                    break
                }
                let (decoded, length) = WordClass.decodeScalar(p, i)
                let scalar = decoded ?? "\u{FFFD}"
                guard isTagScalar(scalar) else { break }
                if scalar.properties.generalCategory != .decimalNumber { hasNonDigit = true }
                i += length
            }
            guard i > start, hasNonDigit else { return nil }
            // A tag ends at a separator, another '#', or the end of the line.
            if i < end {
                let c = p[i]
                guard c == 0x20 || c == 0x09 || c == 0x2C || c == 0x23 else { return nil }
            }
            sawTag = true
            let tag = String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self)
            tags.insert(tag)
        }
        return sawTag ? tags.items : nil
    }

    @inline(__always)
    static func isASCIITagByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
    }

    /// Letters, marks, decimal digits and connector punctuation, plus ZWNJ and ZWJ.
    static func isTagScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value == 0x200C || s.value == 0x200D { return true }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .connectorPunctuation:
            return true
        default:
            return false
        }
    }
}
