/// Checks shared by the span properties: byte ranges inside a text, in order, on scalar
/// boundaries, and their scalar offsets computed the slow way.
enum SpanChecks {
    /// How the spans of a result are ordered.
    enum Order {
        /// By position, none overlapping (sentences, patterns, language spans, tokens).
        case disjoint
        /// By end, then by start (longest first); overlapping and equal ones allowed (terms).
        case byEndThenStart
    }

    /// What is wrong with `ranges` of a text of `count` units, if anything: empty or outside
    /// the text, out of order, or (given the text's UTF-8 `bytes`) not on a scalar boundary.
    static func problem(_ ranges: [Range<Int>], count: Int, bytes: [UInt8]? = nil, order: Order = .disjoint) -> String? {
        var previous: Range<Int>? = nil
        for r in ranges {
            if r.isEmpty { return "empty span \(r)" }
            if r.lowerBound < 0 || r.upperBound > count { return "span \(r) outside 0..<\(count)" }
            if let bytes, isContinuation(bytes, r.lowerBound) || isContinuation(bytes, r.upperBound) {
                return "span \(r) cuts a scalar"
            }
            if let p = previous {
                switch order {
                case .disjoint:
                    if r.lowerBound < p.upperBound { return "span \(r) after \(p)" }
                case .byEndThenStart:
                    if (r.upperBound, r.lowerBound) < (p.upperBound, p.lowerBound) { return "span \(r) after \(p)" }
                }
            }
            previous = r
        }
        return nil
    }

    /// The same for byte ranges of valid UTF-8 `bytes`.
    static func problem(_ ranges: [Range<Int>], in bytes: [UInt8], order: Order = .disjoint) -> String? {
        problem(ranges, count: bytes.count, bytes: bytes, order: order)
    }

    static func isContinuation(_ bytes: [UInt8], _ i: Int) -> Bool {
        i < bytes.count && bytes[i] & 0xC0 == 0x80
    }

    /// Scalar offsets of byte offsets into valid UTF-8 `bytes`, by counting lead bytes.
    static func scalarOffsets(_ ranges: [Range<Int>], in bytes: [UInt8]) -> [Range<Int>] {
        var before = [Int](repeating: 0, count: bytes.count + 1)
        for (i, b) in bytes.enumerated() { before[i + 1] = before[i] + (b & 0xC0 == 0x80 ? 0 : 1) }
        return ranges.map { before[$0.lowerBound]..<before[$0.upperBound] }
    }

    /// `text` without Unicode White_Space, and without U+200B and U+FEFF, which the splitter
    /// documents as horizontal space (`UTF8Bytes.space`) and trims at sentence edges.
    static func withoutWhiteSpace(_ text: String) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{200B}" && $0 != "\u{FEFF}" })
        return String(v)
    }
}
