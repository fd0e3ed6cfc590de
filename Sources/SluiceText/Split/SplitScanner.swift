/// One linear pass over UTF-8 bytes that finds sentence spans.
///
/// Lines are always boundaries. Inside a line a boundary is a run of terminators, optional
/// closing quotes/brackets, whitespace, then a plausible sentence start; a lone "." is further
/// checked against numbers, initials, abbreviations and list markers. Each byte is visited a
/// bounded number of times: the token before a "." is only inspected when whitespace follows
/// it, so tokens inspected are disjoint.
struct SplitScanner {
    let p: UnsafeBufferPointer<UInt8>
    let rules: LanguageRules
    private(set) var spans: [Range<Int>] = []

    init(_ p: UnsafeBufferPointer<UInt8>, rules: LanguageRules) {
        self.p = p
        self.rules = rules
    }

    mutating func run() {
        let n = p.count
        var i = 0
        var sentStart = 0
        var tokenStart = 0
        var lineFirst = -1  // offset of the first non-space byte of the current line
        while i < n {
            let b = p[i]
            // Fast path: ASCII letters, digits and most punctuation, and non-ASCII bytes other
            // than the lead bytes of line breaks, spaces and terminators (C2, E2, E3, EF),
            // continuation bytes included, are never special: skip runs of them.
            if Self.isPlain(b) {
                if lineFirst < 0 { lineFirst = i }
                i += 1
                while i < n && Self.isPlain(p[i]) { i += 1 }
                continue
            }
            if b == 0x20 {
                i += 1
                tokenStart = i
                continue
            }
            let lb = UTF8Bytes.lineBreak(p, i)
            if lb > 0 {
                emit(sentStart, i)
                i += lb
                sentStart = i; tokenStart = i; lineFirst = -1
                continue
            }
            let sw = UTF8Bytes.space(p, i)
            if sw > 0 {
                i += sw
                tokenStart = i
                continue
            }
            if lineFirst < 0 { lineFirst = i }
            let tw = UTF8Bytes.terminator(p, i)
            if tw == 0 {
                i += 1
                continue
            }
            // A run of terminators: ".", "?!", "...", "…", "?.." ...
            let runStart = i
            var j = i + tw
            var single = true
            while j < n {
                let w = UTF8Bytes.terminator(p, j)
                if w == 0 { break }
                single = false
                j += w
            }
            let loneDot = single && b == 0x2E
            // Closing quotes and brackets belong to the sentence.
            var k = j
            while k < n {
                let w = UTF8Bytes.closer(p, k)
                if w == 0 { break }
                k += w
            }
            var w = skipSpaces(k)
            if w == k && w < n && UTF8Bytes.lineBreak(p, w) == 0 {
                // No whitespace: inside a token (3.14, example.com, e.g, v2.0.1, "?!" runs).
                i = k
                continue
            }
            // French spacing: "Bonjour ! » dit-il" — a closing guillemet after a space.
            if w > k && w + 1 < n && p[w] == 0xC2 && p[w + 1] == 0xBB {
                let after = w + 2
                if after >= n || UTF8Bytes.lineBreak(p, after) > 0 || UTF8Bytes.space(p, after) > 0
                    || isASCIIPunctuation(p[after])
                {
                    k = after
                    w = skipSpaces(k)
                }
            }
            if w >= n || UTF8Bytes.lineBreak(p, w) > 0 {
                // End of line: the line break is the boundary.
                i = w
                continue
            }
            if shouldSplit(tokenStart: tokenStart, dot: runStart, loneDot: loneDot, next: w,
                           lineFirst: lineFirst, sentStart: sentStart)
            {
                emit(sentStart, k)
                sentStart = w
            }
            i = w
            tokenStart = w
        }
        emit(sentStart, n)
    }

    /// Whether `b` can never start a line break, a space or a terminator: `"`–`-`, `/`–`>`,
    /// `@`–DEL, and bytes ≥ 0x80 except C2, E2, E3, EF. A 256-bit set.
    @inline(__always)
    static func isPlain(_ b: UInt8) -> Bool {
        let word: UInt64
        switch b >> 6 {
        case 0: word = 0x7FFF_BFFC_0000_0000
        case 3: word = 0xFFFF_7FF3_FFFF_FFFB
        default: word = ~0
        }
        return (word >> UInt64(b & 63)) & 1 != 0
    }

    @inline(__always)
    private func skipSpaces(_ from: Int) -> Int {
        var w = from
        while w < p.count {
            let s = UTF8Bytes.space(p, w)
            if s == 0 { break }
            w += s
        }
        return w
    }

    @inline(__always)
    private func isASCIIPunctuation(_ b: UInt8) -> Bool {
        switch b {
        case 0x21, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x29, 0x5D: return true
        default: return false
        }
    }

    /// Appends the trimmed span `lo..<hi` if it is not empty.
    private mutating func emit(_ lo: Int, _ hi: Int) {
        var lo = lo, hi = hi
        while lo < hi {
            let s = UTF8Bytes.space(p, lo)
            if s == 0 { break }
            lo += s
        }
        while hi > lo {
            let s = UTF8Bytes.spaceBefore(p, hi, lowerBound: lo)
            if s == 0 { break }
            hi -= s
        }
        if lo < hi { spans.append(lo..<hi) }
    }

    /// Decides a candidate boundary whose next sentence would start at `next` (after spaces).
    private func shouldSplit(tokenStart: Int, dot: Int, loneDot: Bool, next: Int, lineFirst: Int, sentStart: Int) -> Bool {
        let n = p.count
        var q = next
        while q < n {
            let o = UTF8Bytes.opener(p, q)
            if o == 0 { break }
            q += o
        }
        guard q < n else { return false }
        let start = UTF8Bytes.classify(UTF8Bytes.scalar(p, q).value)
        switch start {
        case .upper, .digit, .script: break
        case .lower, .other: return false
        }
        if !loneDot { return true }
        return splitAfterDot(tokenStart: tokenStart, dot: dot, nextWord: q, nextIsDigit: start == .digit,
                             isListPosition: tokenStart <= lineFirst || tokenStart <= sentStart
                                || followsColon(tokenStart, lowerBound: sentStart))
    }

    /// The word before a lone "." decides whether the "." ends the sentence.
    private func splitAfterDot(tokenStart: Int, dot: Int, nextWord q: Int, nextIsDigit: Bool, isListPosition: Bool) -> Bool {
        // Strip quotes and brackets around the word: "(Dr." -> "Dr", "\"stop\"." -> "stop".
        var lo = tokenStart, hi = dot
        while lo < hi {
            let o = UTF8Bytes.opener(p, lo)
            if o == 0 { break }
            lo += o
        }
        while hi > lo {
            let c = UTF8Bytes.closerBefore(p, hi, lowerBound: lo)
            if c == 0 { break }
            hi -= c
        }
        guard lo < hi else { return true }

        // "1. First item", "a. option", "IV. Results" at the start of a line or sentence, or
        // after a colon ("Steps: 1. Open it.").
        if isListPosition && isListMarker(lo, hi) { return false }

        if let key = WordKey.make(p, lo, hi), let kind = rules.abbreviations[key] {
            switch kind {
            case .title: return false
            case .numeric: return !nextIsDigit
            case .ambiguous: return nextIsStarter(q)
            case .month: return nextIsDigit ? false : nextIsStarter(q)
            case .terminal: return true
            }
        }

        if nextIsDigit && hasNumericSuffix(lo, hi) { return false }

        if let digits = numberDigits(lo, hi) {
            if rules.ordinalDot {
                // German ordinals: "am 3. Oktober", "der 2. Platz" (but "im Jahr 1990. Danach").
                if nextIsOrdinalMonth(q) { return false }
                if digits > 0 && digits <= 3 && !nextIsDigit && !nextIsStarter(q) { return false }
                // Spaced dates: "am 3. 10. 2020".
                if digits > 0 && digits <= 2 && nextIsDigit { return false }
            }
            return true
        }

        if isSingleCapital(lo, hi) {
            // Initials ("J. R. R. Tolkien", "George W. Bush") unless a real sentence starter follows.
            return nextIsStarter(q, minLength: 2)
        }

        if isDottedAcronym(lo, hi) {
            return rules.isGeneric ? false : nextIsStarter(q)
        }
        return true
    }

    // MARK: word shapes

    /// Whether the last non-space byte before `x` (not before `lowerBound`) is ":".
    private func followsColon(_ x: Int, lowerBound: Int) -> Bool {
        var j = x
        while j > lowerBound {
            let s = UTF8Bytes.spaceBefore(p, j, lowerBound: lowerBound)
            if s == 0 { break }
            j -= s
        }
        return j > lowerBound && p[j - 1] == 0x3A
    }

    private func hasNumericSuffix(_ lo: Int, _ hi: Int) -> Bool {
        for suffix in rules.numericSuffixes where hi - lo > suffix.count {
            var match = true
            for (x, s) in suffix.enumerated() {
                var b = p[hi - suffix.count + x]
                if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                if b != s { match = false; break }
            }
            if match { return true }
        }
        return false
    }

    /// Number of digits if the word is a number like "3", "1990", "1.000", "3,5"; a plain run
    /// of digits reports its length, a number with separators reports 0.
    private func numberDigits(_ lo: Int, _ hi: Int) -> Int? {
        guard UTF8Bytes.isDigit(p[lo]), UTF8Bytes.isDigit(p[hi - 1]) else { return nil }
        var plain = true
        for x in lo..<hi {
            let b = p[x]
            if UTF8Bytes.isDigit(b) { continue }
            if b == 0x2E || b == 0x2C { plain = false; continue }
            return nil
        }
        return plain ? hi - lo : 0
    }

    private func isListMarker(_ lo: Int, _ hi: Int) -> Bool {
        let len = hi - lo
        if len <= 6, numberDigits(lo, hi) != nil { return true }
        if len == 1 && UTF8Bytes.isASCIILetter(p[lo]) { return true }
        if len <= 5 {
            for x in lo..<hi where !(p[x] == 0x49 || p[x] == 0x56 || p[x] == 0x58) { return false }
            return true
        }
        return false
    }

    private func isSingleCapital(_ lo: Int, _ hi: Int) -> Bool {
        let len = hi - lo
        if len == 1 { return p[lo] >= 0x41 && p[lo] <= 0x5A }
        if len == 2 && p[lo] == 0xC3 { return p[lo + 1] >= 0x80 && p[lo + 1] <= 0x9E && p[lo + 1] != 0x97 }
        return false
    }

    /// "U.S", "F.B.I": single ASCII capitals separated by dots (lower-case ones such as "x.y"
    /// are more often identifiers; known ones like "e.g" are in the tables).
    private func isDottedAcronym(_ lo: Int, _ hi: Int) -> Bool {
        let len = hi - lo
        guard len >= 3, len % 2 == 1, len <= 31 else { return false }
        for x in 0..<len {
            let b = p[lo + x]
            if x % 2 == 0 ? !(b >= 0x41 && b <= 0x5A) : b != 0x2E { return false }
        }
        return true
    }

    // MARK: next word

    /// End of the word starting at `q`: letters (any non-ASCII byte except punctuation lead
    /// byte 0xE2 counts as part of a letter), at most `WordKey.maxLength + 1` bytes scanned.
    private func wordEnd(_ q: Int) -> Int {
        var j = q
        let limit = min(p.count, q + WordKey.maxLength + 1)
        while j < limit {
            let b = p[j]
            if b < 0x80 {
                if !UTF8Bytes.isASCIILetter(b) { break }
            } else if b == 0xE2 || (b == 0xC2 && j + 1 < p.count && p[j + 1] == 0xA0) {
                break
            }
            j += 1
        }
        return j
    }

    private func nextIsStarter(_ q: Int, minLength: Int = 1) -> Bool {
        guard !rules.starters.isEmpty else { return false }
        let e = wordEnd(q)
        guard e - q >= minLength, let key = WordKey.make(p, q, e) else { return false }
        return rules.starters.contains(key)
    }

    private func nextIsOrdinalMonth(_ q: Int) -> Bool {
        let e = wordEnd(q)
        guard let key = WordKey.make(p, q, e) else { return false }
        return rules.ordinalMonths.contains(key)
    }
}
