/// Re-ranks the single-byte encodings of one script family by how plausible the text each
/// decodes to is: no undefined bytes or C1 controls, no symbols inside words, no uppercase
/// letter after a lowercase one, more lowercase than uppercase, and letters that one
/// language's alphabet accounts for. uchardet confuses code pages of one family (cp1257 with
/// ISO-8859-13 or Latin-1, KOI8-U with KOI8-R, cp1254 with ISO-8859-9); these checks do not.
///
/// Not Sendable: holds scratch buffers reused from input to input.
final class SingleByteRanker {
    /// What a byte means in one code page, for the checks.
    enum Kind: UInt8 {
        /// `loner`: a spacing accent, currency sign or the like, which never touches a word.
        /// `opener`: ¡ or ¿, which never follow a letter.
        case undefined, control, lower, upper, caseless, symbol, loner, opener, neutral
        var isLetter: Bool { self == .lower || self == .upper || self == .caseless }
    }

    /// One code page's byte kinds and letters' language masks.
    struct Codepage: Sendable {
        let iconv: String
        let label: String
        /// Kind of bytes 0x00-0xFF (ASCII included, so a lookup needs no branch).
        let kinds: [Kind]
        /// For letter bytes 0x80-0xFF: the languages whose alphabet has the letter.
        let languages: [UInt64]
        /// For letter bytes 0x80-0xFF: the languages that have the letter in loanwords only.
        let loanLanguages: [UInt64]
        /// Bytes 0x00-0xFF that are letters of a script other than Latin.
        let foreign: [Bool]
        /// Code points of bytes 0x80-0xFF (0 where undefined).
        let points: [UInt16]
    }

    static let codepages: [Codepage] = SingleByteTables.encodings.map { makeCodepage($0.iconv, $0.label, $0.high) }

    /// The Latin-script code pages weighed against each other, in order of preference on a tie.
    static let latin = ["windows-1252", "iso-8859-15", "windows-1250", "iso-8859-2", "windows-1257",
                        "iso-8859-13", "windows-1254", "iso-8859-16", "iso-8859-4"]
    static let cyrillic = ["windows-1251", "koi8-r", "koi8-u", "iso-8859-5", "ibm866", "x-mac-cyrillic"]
    static let greek = ["windows-1253", "iso-8859-7"]
    static let hebrew = ["windows-1255", "iso-8859-8"]
    static let arabic = ["windows-1256", "iso-8859-6"]
    /// Labels of uchardet answers that call for the Latin or the Cyrillic re-ranking.
    static let latinAnswers: Set<String> = Set(latin + ["iso-8859-3", "iso-8859-10", "ibm852", "x-mac-ce", "macintosh"])
    static let cyrillicAnswers: Set<String> = Set(cyrillic + ["ibm855"])

    private var counts = [Int](repeating: 0, count: 128)
    /// Offsets of the bytes >= 0x80: the checks only look at those and their neighbours.
    private var positions: [Int32] = []

    static let all = latin + cyrillic + greek + hebrew + arabic

    /// The family to weigh for an answer of uchardet's (its label), or nil to keep the answer.
    static func family(forAnswer label: String?) -> [String]? {
        guard let label else { return all }
        if latinAnswers.contains(label) { return latin }
        if cyrillicAnswers.contains(label) { return cyrillic }
        for family in [greek, hebrew, arabic] where family.contains(label) { return family }
        return nil
    }

    /// Penalties of the code pages for the bytes last measured (index as ``codepages``), -1
    /// until asked for: each family is weighed only when a rule needs it.
    private var penalties = [Int](repeating: -1, count: 64)
    /// The bytes last measured; valid only during the caller's `detect`.
    private var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// Bytes >= 0x80 in the bytes last measured.
    var highCount: Int { positions.count }

    /// Takes `bytes` for the next questions (``best(in:preferred:)``, ``uniqueClean(in:)``);
    /// they must stay valid until then.
    func measure(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        for i in 0..<penalties.count { penalties[i] = -1 }
        // Locals, not the stored arrays, in the loop: no exclusivity check per byte.
        var pos = positions, cnt = counts
        positions = []
        counts = []
        pos.removeAll(keepingCapacity: true)
        cnt.withUnsafeMutableBufferPointer { c in
            for i in 0..<128 { c[i] = 0 }
            guard let base = bytes.baseAddress else { return }
            for i in 0..<bytes.count where base[i] >= 0x80 {
                c[Int(base[i] &- 0x80)] += 1
                pos.append(Int32(truncatingIfNeeded: i))
            }
        }
        positions = pos
        counts = cnt
    }

    /// The penalty of code page `label` for the bytes last measured, with its index.
    private func penalty(of label: String) -> (index: Int, penalty: Int)? {
        guard let i = Self.codepages.firstIndex(where: { $0.label == label }) else { return nil }
        if penalties[i] < 0 {
            guard let base = bytes.baseAddress else { return (i, 0) }
            penalties[i] = penalty(base, bytes.count, Self.codepages[i])
        }
        return (i, penalties[i])
    }

    /// The penalties of every code page, for diagnostics.
    func allPenalties() -> [(String, Int)] {
        Self.codepages.compactMap { cp in penalty(of: cp.label).map { (cp.label, $0.penalty) } }
    }

    /// The most plausible code page of `family` (labels) for the bytes last measured and its
    /// penalty (0 is clean); `preferred` (uchardet's answer) wins a tie, else the family's order.
    func best(in family: [String], preferred: String?) -> (Codepage, Int)? {
        var best: (Codepage, Int)?
        for label in family {
            guard let (i, score) = penalty(of: label) else { continue }
            if let b = best {
                if score < b.1 || (score == b.1 && label == preferred) { best = (Self.codepages[i], score) }
            } else {
                best = (Self.codepages[i], score)
            }
        }
        return best
    }

    /// The one reading of `family` that is clean (penalty 0) for the bytes last measured, when
    /// every clean code page gives the same text; nil when none is clean or they disagree.
    func uniqueClean(in family: [String]) -> Codepage? {
        var found: Codepage?
        for label in family {
            guard let (i, score) = penalty(of: label), score == 0 else { continue }
            let cp = Self.codepages[i]
            if let f = found {
                for b in 0..<128 where counts[b] > 0 && f.points[b] != cp.points[b] { return nil }
            } else {
                found = cp
            }
        }
        return found
    }

    private func penalty(_ base: UnsafePointer<UInt8>, _ n: Int, _ cp: Codepage) -> Int {
        var undefined = 0, symbolInWord = 0, symbolByWord = 0, caseBreaks = 0, lowers = 0, uppers = 0, mixed = 0
        let positionsCopy = positions
        cp.kinds.withUnsafeBufferPointer { kinds in
          cp.foreign.withUnsafeBufferPointer { foreign in
            for p in positionsCopy {
                let i = Int(p)
                let b = Int(base[i])
                let k = kinds[b]
                let pb = i > 0 ? Int(base[i - 1]) : 0x20
                let nb = i + 1 < n ? Int(base[i + 1]) : 0x20
                let prev = kinds[pb], next = kinds[nb]
                if foreign[b] && ((pb < 0x80 && prev.isLetter) || (nb < 0x80 && next.isLetter)) {
                    // A Cyrillic or Greek letter glued to an ASCII letter.
                    mixed += 1
                }
                switch k {
                case .undefined, .control:
                    undefined += 1
                case .symbol:
                    if prev.isLetter && next.isLetter { symbolInWord += 1 }
                case .opener:
                    if prev.isLetter { symbolByWord += 1 }
                case .loner:
                    if prev.isLetter && next.isLetter {
                        symbolInWord += 1
                    } else if prev.isLetter || next.isLetter {
                        symbolByWord += 1
                    }
                case .lower:
                    lowers += 1
                    if next == .upper { caseBreaks += 1 }
                case .upper:
                    uppers += 1
                    if prev == .lower { caseBreaks += 1 }
                case .caseless, .neutral:
                    break
                }
            }
          }
        }
        // Letters no single language accounts for: the fewest left over by any one alphabet.
        // A letter outside the alphabet costs 2, a loanword letter 1.
        let languageCount = LetterAlphabets.languages.count
        let leftOver = withUnsafeTemporaryAllocation(of: Int.self, capacity: languageCount) { uncovered -> Int in
            uncovered.initialize(repeating: 0)
            counts.withUnsafeBufferPointer { counts in
              cp.languages.withUnsafeBufferPointer { languages in
                cp.loanLanguages.withUnsafeBufferPointer { loans in
                  cp.kinds.withUnsafeBufferPointer { kinds in
                    for b in 0..<128 where counts[b] > 0 && kinds[b + 128].isLetter {
                        let mask = languages[b], loan = loans[b], c = counts[b]
                        for l in 0..<languageCount where mask & (1 << UInt64(l)) == 0 {
                            uncovered[l] += loan & (1 << UInt64(l)) == 0 ? 2 * c : c
                        }
                    }
                  }
                }
              }
            }
            var least = Int.max
            for l in 0..<languageCount { least = min(least, uncovered[l]) }
            return least
        }
        return 10 * undefined + 5 * symbolInWord + 5 * mixed + 3 * caseBreaks + leftOver + 2 * symbolByWord
            + max(0, uppers - lowers)
    }

    private static func makeCodepage(_ iconv: String, _ label: String, _ high: [UInt16]) -> Codepage {
        var kinds = [Kind](repeating: .neutral, count: 256)
        for b in 0..<128 {
            if b >= 0x61 && b <= 0x7A { kinds[b] = .lower } else if b >= 0x41 && b <= 0x5A { kinds[b] = .upper }
        }
        var languages = [UInt64](repeating: 0, count: 128)
        var loanLanguages = [UInt64](repeating: 0, count: 128)
        var foreign = [Bool](repeating: false, count: 256)
        for (i, point) in high.enumerated() {
            guard point != 0, let scalar = Unicode.Scalar(UInt32(point)) else { kinds[128 + i] = .undefined; continue }
            kinds[128 + i] = kind(of: scalar)
            if kinds[128 + i].isLetter {
                // Latin letters are below U+0250 (Latin Extended-B) or in U+1E00-U+1EFF.
                foreign[128 + i] = !(point < 0x250 || (point >= 0x1E00 && point < 0x1F00))
                let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
                if lower.isASCII {
                    languages[i] = ~0
                } else {
                    (languages[i], loanLanguages[i]) = LetterAlphabets.masks(of: lower)
                }
            }
        }
        return Codepage(iconv: iconv, label: label, kinds: kinds, languages: languages, loanLanguages: loanLanguages, foreign: foreign, points: high)
    }

    private static func kind(of scalar: Unicode.Scalar) -> Kind {
        let v = scalar.value
        if v >= 0x80 && v <= 0x9F { return .control }
        // Word-internal marks that are not letters: no-break space, soft hyphen, apostrophes,
        // the Catalan middle dot, hyphens.
        if [0xA0, 0xAD, 0x2019, 0x2018, 0x02BC, 0x00B7, 0x2010, 0x2011].contains(v) { return .neutral }
        // ¡ and ¿ open a Spanish sentence: they never follow a letter.
        if v == 0xA1 || v == 0xBF { return .opener }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format:
            // Hebrew points, Arabic harakat, directional marks: part of the word.
            return .neutral
        case .lowercaseLetter: return .lower
        case .uppercaseLetter, .titlecaseLetter: return .upper
        case .otherLetter:
            // ª and º are ordinal indicators after digits, not letters of a word.
            return v == 0xAA || v == 0xBA ? .symbol : .caseless
        case .modifierSymbol, .currencySymbol, .modifierLetter:
            // Spacing accents (¨ ´ ¸, and ˇ ˆ which Unicode counts as letters) and currency
            // signs stand apart from words.
            return .loner
        case .otherSymbol:
            // ° © ® stand by words ("20°C", "©Firm"); ¦ ¤-like signs do not.
            return [0xB0, 0xA9, 0xAE, 0x2122, 0x2116].contains(v) ? .symbol : .loner
        default: return .symbol
        }
    }
}
