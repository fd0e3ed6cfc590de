/// Normalization of words before shingling (``WordShingles``), on top of what is always done
/// (ASCII case, punctuation, spacing and invisible characters do not matter). The rules are
/// datatrove's `norm_config` ones: its MinHash defaults use all three.
public struct ShingleNormalization: OptionSet, Sendable, Hashable {
    /// The rules as bits.
    public let rawValue: UInt8

    /// Rules from their bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Every decimal digit, of any script, reads as `0`: copies whose numbers differ (dates,
    /// counts, scores, prices) match.
    public static let digits = ShingleNormalization(rawValue: 1)
    /// Letters of every cased script (Latin, Greek, Cyrillic, Armenian …) compared lowercased,
    /// not only ASCII ones.
    public static let letterCase = ShingleNormalization(rawValue: 2)
    /// Letters compared without their accents: `é` as `e`, `ł` as `l`, `ß` as `ss` (Latin, Greek,
    /// Cyrillic), and combining accents (U+0300–U+036F) skipped.
    public static let diacritics = ShingleNormalization(rawValue: 4)

    /// The rules by their names in a pipeline file.
    public static let named: [(name: String, rule: ShingleNormalization)] = [
        ("digits", .digits), ("case", .letterCase), ("diacritics", .diacritics),
    ]

    /// The rules' names, in ``named`` order (for fingerprints and messages).
    public var names: [String] { Self.named.filter { contains($0.rule) }.map(\.name) }

    /// Whether the non-ASCII word character `v` is dropped from its word (a combining accent
    /// under ``diacritics``).
    @inline(__always)
    func skips(_ v: UInt32) -> Bool {
        contains(.diacritics) && v >= 0x0300 && v <= 0x036F
    }

    /// Feeds the normalized form of the non-ASCII word character `scalar` (UTF-8 `bytes`) to
    /// `word`.
    @inline(__always)
    func feed(_ scalar: Unicode.Scalar, bytes: UnsafeBufferPointer<UInt8>, into word: inout WordShingles.WordHash) {
        let v = scalar.value
        if contains(.diacritics), v < Self.tableSize, let folded = Self.folds[Int(v)] {
            let lowered = WordShingles.asciiWordLowered
            for b in folded { word.feed(b < 0x80 && lowered[Int(b)] != 0 ? lowered[Int(b)] : b) }
            return
        }
        if contains(.letterCase), v < Self.tableSize {
            let l = Self.lower[Int(v)]
            if l != 0 && l != v, let s = Unicode.Scalar(l) {
                for b in UTF8.encode(s)! { word.feed(b) }
                return
            }
        }
        if contains(.digits), Self.isDecimal(scalar) {
            word.feed(0x30)
            return
        }
        for b in bytes { word.feed(b) }
    }

    /// Whether `scalar` is a decimal digit (Nd): from a table below ``tableSize``, else from
    /// its properties only in the blocks that hold digits (Han and Hangul never do).
    @inline(__always)
    static func isDecimal(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < tableSize { return decimal[Int(v)] }
        if v >= 0xFF10 && v <= 0xFF19 { return true }
        guard (v >= 0xA600 && v < 0xAC00) || v >= 0x10000 else { return false }
        return scalar.properties.numericType == .decimal
    }

    /// Decimal digits below ``tableSize``.
    static let decimal: [Bool] = (0..<tableSize).map { Unicode.Scalar($0)?.properties.numericType == .decimal }

    /// Scalars below this have table entries: Latin, Greek, Cyrillic, Armenian and their
    /// extended blocks (Latin Extended Additional, Greek Extended).
    static let tableSize: UInt32 = 0x2000

    /// The single-scalar lowercase mapping of each scalar below ``tableSize`` (0: none).
    static let lower: [UInt32] = (0..<tableSize).map { v in
        guard let s = Unicode.Scalar(v), s.properties.isUppercase || s.properties.changesWhenLowercased else { return 0 }
        let m = s.properties.lowercaseMapping.unicodeScalars
        return m.count == 1 ? m.first!.value : 0
    }

    /// Letters with diacritics and the UTF-8 of their base letters (``diacriticFoldPairs``).
    static let folds: [[UInt8]?] = {
        var t = [[UInt8]?](repeating: nil, count: Int(tableSize))
        for (v, base) in diacriticFoldPairs where v < tableSize { t[Int(v)] = Array(base.utf8) }
        return t
    }()
}
