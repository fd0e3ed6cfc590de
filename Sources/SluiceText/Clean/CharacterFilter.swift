/// The byte-level pass of the cleaner: one walk over UTF-8 that normalizes line breaks,
/// drops invisible characters, turns Unicode spaces into ASCII spaces, collapses runs of
/// spaces, trims lines and limits blank lines.
///
/// The pass writes nothing while its output is still identical to a prefix of the input;
/// a clean text therefore costs one read and no allocation.
struct CharacterFilter {
    /// The outcome of ``run(_:)``.
    struct Result {
        /// The rewritten bytes (allocated, owned by the caller), or `nil` when the output is
        /// the first `count` input bytes.
        var bytes: UnsafeMutablePointer<UInt8>?
        /// The length of the output (of `bytes`, or of the input prefix).
        var count: Int
        /// Whether the output holds a byte ≥ 0x80.
        var nonASCII = false
        /// Whether every non-ASCII scalar of the output is in NFC whatever surrounds it, so
        /// the output is in NFC (see `Pass.isAlwaysNFC`).
        var nfcQuickYes = true
        var newlinesNormalized = 0
        var controlRemoved = 0
        var zeroWidthRemoved = 0
        var spacesNormalized = 0
        var spacesCollapsed = 0
        var spacesTrimmed = 0
        var blankLinesRemoved = 0
        /// The input may hold mojibake (see ``MojibakeRepair/mayStartAt(_:_:_:)``).
        var mojibakeCandidate = false
        /// The output may hold a punctuation artifact: a space before `, . ; :` or an
        /// ellipsis followed by a letter (a `]` is looked for separately).
        var punctuationCandidate = false

        /// Whether the output differs from the whole input.
        func changed(inputCount: Int) -> Bool { bytes != nil || count != inputCount }

        /// Adds the non-zero counts to `counters`.
        func report(into counters: inout Counters) {
            counters.add(CleanCounter.newlinesNormalized, newlinesNormalized)
            counters.add(CleanCounter.controlRemoved, controlRemoved)
            counters.add(CleanCounter.zeroWidthRemoved, zeroWidthRemoved)
            counters.add(CleanCounter.spacesNormalized, spacesNormalized)
            counters.add(CleanCounter.spacesCollapsed, spacesCollapsed)
            counters.add(CleanCounter.spacesTrimmed, spacesTrimmed)
            counters.add(CleanCounter.blankLinesRemoved, blankLinesRemoved)
        }
    }

    /// What a special (non-content) scalar turns into.
    enum Special {
        case space, newline, control, zeroWidth
    }

    let removeControl: Bool
    let normalizeSpaces: Bool
    let collapseSpaces: Bool
    let trimLines: Bool
    /// Blank lines kept between paragraphs; negative keeps all.
    let maxBlankLines: Int
    /// French typography: a no-break space (U+00A0, U+202F) before `; : ! ? »` or after `«`
    /// stays.
    let frenchSpacing: Bool
    /// Look for mojibake candidates.
    let detectMojibake: Bool

    init(options: TextCleaner.Options, frenchSpacing: Bool = false) {
        removeControl = options.removeControl
        normalizeSpaces = options.normalizeSpaces
        collapseSpaces = options.collapseSpaces
        trimLines = options.trimLines
        maxBlankLines = options.maxBlankLines
        self.frenchSpacing = frenchSpacing
        detectMojibake = options.repairMojibake
    }

    /// Filters the UTF-8 bytes `input`, which must be valid UTF-8. When the result holds
    /// `bytes`, the caller owns them and must deallocate them.
    func run(_ input: UnsafeBufferPointer<UInt8>) -> Result {
        guard let base = input.baseAddress, input.count > 0 else { return Result(bytes: nil, count: 0) }
        var pass = Pass(filter: self, p: base, n: input.count)
        pass.run()
        pass.r.bytes = pass.out
        pass.r.count = pass.count
        return pass.r
    }

    /// Classifies the non-ASCII scalar at `i` when it is one the filter rewrites.
    @inline(__always)
    func special(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (Special, Int)? {
        let lead = p[i]
        switch lead {
        case 0xC2:
            let b1 = p[i + 1]
            if b1 == 0xA0 {
                guard normalizeSpaces else { return nil }
                if frenchSpacing && Self.isFrenchNBSPContext(p, i, 2, n) { return nil }
                return (.space, 2)
            }
            guard removeControl else { return nil }
            if b1 == 0x85 { return (.newline, 2) }  // NEL
            if b1 < 0xA0 { return (.control, 2) }   // C1 controls
            if b1 == 0xAD { return (.zeroWidth, 2) }  // soft hyphen
            return nil
        case 0xE1:
            // U+1680 OGHAM SPACE MARK
            if normalizeSpaces && p[i + 1] == 0x9A && p[i + 2] == 0x80 { return (.space, 3) }
            return nil
        case 0xE2:
            let b1 = p[i + 1], b2 = p[i + 2]
            if b1 == 0x80 {
                switch b2 {
                case 0x89:  // U+2009 THIN SPACE: French typography writes it in « » and before ; ! ?
                    guard normalizeSpaces else { return nil }
                    if frenchSpacing && Self.isFrenchNBSPContext(p, i, 3, n) { return nil }
                    return (.space, 3)
                case 0x80...0x8A:  // U+2000–U+200A
                    return normalizeSpaces ? (.space, 3) : nil
                case 0xAF:  // U+202F NARROW NO-BREAK SPACE
                    guard normalizeSpaces else { return nil }
                    if frenchSpacing && Self.isFrenchNBSPContext(p, i, 3, n) { return nil }
                    return (.space, 3)
                case 0x8B:  // U+200B ZERO WIDTH SPACE
                    return removeControl ? (.zeroWidth, 3) : nil
                case 0x8C, 0x8D:
                    // U+200C ZERO WIDTH NON-JOINER, U+200D ZERO WIDTH JOINER: they shape
                    // emoji, Indic and Arabic script; between two Latin letters they only
                    // break the word for search and dedup.
                    return removeControl && Self.latinLetterEnds(p, before: i) && Self.latinLetterStarts(p, i + 3, n)
                        ? (.zeroWidth, 3) : nil
                case 0x8E, 0x8F, 0xAA...0xAE:  // LRM, RLM, U+202A–U+202E
                    return removeControl ? (.control, 3) : nil
                case 0xA8, 0xA9:  // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR: line breaks
                    return removeControl ? (.newline, 3) : nil
                default:
                    return nil
                }
            }
            if b1 == 0x81 {
                switch b2 {
                case 0x9F:  // U+205F MEDIUM MATHEMATICAL SPACE
                    return normalizeSpaces ? (.space, 3) : nil
                case 0xA0:  // U+2060 WORD JOINER
                    return removeControl ? (.zeroWidth, 3) : nil
                case 0xA6...0xA9:  // U+2066–U+2069 bidi isolates
                    return removeControl ? (.control, 3) : nil
                default:
                    return nil
                }
            }
            return nil
        case 0xE3:
            // U+3000 IDEOGRAPHIC SPACE
            if normalizeSpaces && p[i + 1] == 0x80 && p[i + 2] == 0x80 { return (.space, 3) }
            return nil
        case 0xEF:
            // U+FEFF BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE
            if removeControl && p[i + 1] == 0xBB && p[i + 2] == 0xBF { return (.zeroWidth, 3) }
            return nil
        default:
            return nil
        }
    }

    /// Whether a Latin letter (ASCII, or U+00C0–U+017F) ends just before `i`.
    @inline(__always)
    static func latinLetterEnds(_ p: UnsafePointer<UInt8>, before i: Int) -> Bool {
        guard i >= 1 else { return false }
        let c = p[i - 1]
        if c < 0x80 { return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        return i >= 2 && c & 0xC0 == 0x80 && p[i - 2] >= 0xC3 && p[i - 2] <= 0xC5 && !(p[i - 2] == 0xC3 && (c == 0x97 || c == 0xB7))
    }

    /// Whether a Latin letter (ASCII, or U+00C0–U+017F) starts at `j`.
    @inline(__always)
    static func latinLetterStarts(_ p: UnsafePointer<UInt8>, _ j: Int, _ n: Int) -> Bool {
        guard j < n else { return false }
        let c = p[j]
        if c < 0x80 { return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        return c >= 0xC3 && c <= 0xC5 && j + 1 < n && !(c == 0xC3 && (p[j + 1] == 0x97 || p[j + 1] == 0xB7))
    }

    /// Whether the no-break space of `len` bytes at `i` stands before `; : ! ?`, before a
    /// closing `»` or after an opening `«` — French quotes. German writes `»Wort«` the other
    /// way round: `Notfall«\u{A0}ist` (a `«` after a word, closing) is no French space.
    @inline(__always)
    static func isFrenchNBSPContext(_ p: UnsafePointer<UInt8>, _ i: Int, _ len: Int, _ n: Int) -> Bool {
        // A letter or digit starts with this byte: ASCII alphanumerics and the lead bytes of
        // letters (U+00C0 on); U+0080–U+00BF (no-break space, signs) and U+2000–U+2FFF
        // (spaces, quotes, dashes) are no word.
        @inline(__always) func wordLead(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || (c >= 0xC3 && c != 0xE2 && c < 0xF8)
        }
        let j = i + len
        if j < n {
            let c = p[j]
            if c == 0x3B || c == 0x3A || c == 0x21 || c == 0x3F { return true }
            if c == 0xC2 && j + 1 < n && p[j + 1] == 0xBB { return j + 2 >= n || !wordLead(p[j + 2]) }  // »
        }
        guard i >= 2 && p[i - 2] == 0xC2 && p[i - 1] == 0xAB else { return false }  // «
        // The character before `«`: back to its lead byte.
        var k = i - 3
        while k >= 0 && k > i - 6 && p[k] & 0xC0 == 0x80 { k -= 1 }
        return k < 0 || !wordLead(p[k])
    }

    /// The length of the UTF-8 sequence that starts with `lead`.
    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}

/// The state of one ``CharacterFilter/run(_:)``: a plain struct with mutating methods, so the
/// hot loop works on registers and stack slots (no boxed captures, no dynamic exclusivity
/// checks).
///
/// Output materializes only once it differs from the input: while `out` is `nil` the output
/// is the input prefix `p[0..<count]`. The output never outgrows the input (every written
/// byte stands for at least one consumed byte), so one allocation of `n` bytes suffices.
private struct Pass {
    let filter: CharacterFilter
    let p: UnsafePointer<UInt8>
    let n: Int
    var r = CharacterFilter.Result(bytes: nil, count: 0)
    /// `nil` while the output equals `p[0..<count]`.
    var out: UnsafeMutablePointer<UInt8>?
    var count = 0
    // Line state: spaces seen but not yet written, whether the line has content.
    var pendingSpaces = 0
    var lineHasContent = false
    // Document state: newlines seen after the last content, not yet written.
    var pendingNewlines = 0
    var docHasContent = false

    init(filter: CharacterFilter, p: UnsafePointer<UInt8>, n: Int) {
        self.filter = filter
        self.p = p
        self.n = n
    }

    /// Whether `c` is visible ASCII (`!` … `~`).
    @inline(__always)
    static func isVisibleASCII(_ c: UInt8) -> Bool { c &- 0x21 < 0x5E }

    mutating func run() {
        var i = 0
        while i < n {
            let b = p[i]
            if Self.isVisibleASCII(b) || b >= 0x80 {
                // A run of content: visible ASCII, single spaces between visible ASCII, and
                // non-ASCII scalars that are not special.
                let start = i
                i = scanContent(i)
                if i > start { content(start, i); continue }
                // The run stopped at once on a special scalar.
                let (kind, len) = filter.special(p, i, n)!
                switch kind {
                case .space: r.spacesNormalized += 1; space()
                case .newline: r.newlinesNormalized += 1; newline()
                case .control: r.controlRemoved += 1
                case .zeroWidth: r.zeroWidthRemoved += 1
                }
                i += len
                continue
            }
            switch b {
            case 0x20:
                space(); i += 1
            case 0x0A:
                newline(); i += 1
            case 0x0D:
                r.newlinesNormalized += 1
                newline()
                i += (i + 1 < n && p[i + 1] == 0x0A) ? 2 : 1
            case 0x09 where filter.removeControl:
                r.spacesNormalized += 1; space(); i += 1
            default:
                // Other C0 controls and DEL.
                if filter.removeControl {
                    r.controlRemoved += 1
                } else {
                    content(i, i + 1)
                }
                i += 1
            }
        }
        finish()
    }

    /// The end of the content run that starts at `from`.
    ///
    /// A single space between two visible ASCII bytes, or before a non-ASCII scalar that is
    /// not special, joins the run: whatever the options, it is written as it is (the line has
    /// content, nothing is pending) and counts nothing.
    @inline(__always)
    mutating func scanContent(_ from: Int) -> Int {
        var i = from
        var nonASCII = false
        var nfcYes = true
        while i < n {
            if i &+ 9 <= n {
                // Eight bytes at once (SWAR) while they are visible ASCII and single spaces
                // before visible ASCII (the ninth byte follows the last lane).
                let w = ByteLanes.load(p + i)
                let next = ByteLanes.load(p + i + 1)
                let space = ByteLanes.equal(w, 0x20)
                let visibleNext = ByteLanes.inRange(next, 0x21, 0x7E) & ByteLanes.ascii(next)
                if (ByteLanes.inRange(w, 0x21, 0x7E) & ByteLanes.ascii(w)) | (space & visibleNext) == ByteLanes.high {
                    // Punctuation right after a space: the punctuation pass must look.
                    if space & PunctuationFix.artifactLanes(next) != 0 { r.punctuationCandidate = true }
                    i &+= 8
                    continue
                }
            }
            let c = p[i]
            if Self.isVisibleASCII(c) { i += 1; continue }
            if c == 0x20 {
                if i + 1 < n {
                    let d = p[i + 1]
                    if Self.isVisibleASCII(d) {
                        if d <= 0x3B && PunctuationFix.isArtifact(d) { r.punctuationCandidate = true }
                        i += 2
                        continue
                    }
                    // Before a non-ASCII scalar that is no special one (a word in another
                    // script) the space is content too: text in Cyrillic or Devanagari is
                    // one run, not a run per word.
                    if d >= 0x80 && !(Self.mayBeSpecial(d) && filter.special(p, i + 1, n) != nil) {
                        i += 1
                        continue
                    }
                }
                break
            }
            if c < 0x80 { break }
            if Self.mayBeSpecial(c) && filter.special(p, i, n) != nil { break }
            if c == 0xC3 && filter.detectMojibake && !r.mojibakeCandidate && MojibakeRepair.mayStartAt(p, i, n) {
                r.mojibakeCandidate = true
            }
            if c == 0xE2 && i + 3 < n && p[i + 1] == 0x80 && p[i + 2] == 0xA6 && (p[i + 3] > 0x40 || p[i + 3] == 0x29) {
                r.punctuationCandidate = true  // '…' then a letter
            }
            nonASCII = true
            if nfcYes && !Self.isAlwaysNFC(p, i) { nfcYes = false }
            i += CharacterFilter.scalarLength(c)
        }
        if nonASCII { r.nonASCII = true }
        if !nfcYes { r.nfcQuickYes = false }
        return i
    }

    /// Whether `lead` starts a scalar that ``CharacterFilter/special(_:_:)`` may rewrite.
    @inline(__always)
    static func mayBeSpecial(_ lead: UInt8) -> Bool {
        lead == 0xC2 || (lead >= 0xE1 && lead <= 0xE3) || lead == 0xEF
    }

    /// Whether the non-ASCII scalar at `i` is in NFC whatever surrounds it (canonical
    /// combining class 0, NFC_Quick_Check = Yes): U+0080–U+02FF, U+0400–U+0482,
    /// U+048A–U+052F, U+2002–U+20BF, U+4000–U+9FFF. Conservative: `false` says nothing.
    @inline(__always)
    static func isAlwaysNFC(_ p: UnsafePointer<UInt8>, _ i: Int) -> Bool {
        let lead = p[i]
        switch lead {
        case 0xC2...0xCB, 0xD0, 0xD1, 0xD3, 0xD4:
            return true
        case 0xD2:
            let b1 = p[i + 1]
            return b1 < 0x83 || b1 > 0x89
        case 0xE2:
            let b1 = p[i + 1]
            return (b1 == 0x80 && p[i + 2] >= 0x82) || b1 == 0x81 || b1 == 0x82
        case 0xE4...0xE9:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    mutating func flushNewlines() {
        guard pendingNewlines > 0 else { return }
        let keep: Int
        let maxBlank = filter.maxBlankLines
        if docHasContent {
            keep = maxBlank < 0 ? pendingNewlines : min(pendingNewlines, maxBlank + 1)
        } else if filter.trimLines {
            keep = 0
        } else {
            keep = maxBlank < 0 ? pendingNewlines : min(pendingNewlines, maxBlank)
        }
        emit(0x0A, times: keep)
        r.blankLinesRemoved += pendingNewlines - keep
        pendingNewlines = 0
    }

    @inline(__always)
    mutating func flushSpaces() {
        guard pendingSpaces > 0 else { return }
        if filter.trimLines && !lineHasContent {
            r.spacesTrimmed += 1
        } else if filter.collapseSpaces {
            if pendingSpaces > 1 { r.spacesCollapsed += 1 }
            emit(0x20, times: 1)
        } else {
            emit(0x20, times: pendingSpaces)
        }
        pendingSpaces = 0
    }

    @inline(__always)
    mutating func space() {
        if !filter.trimLines { flushNewlines(); lineHasContent = true }
        pendingSpaces += 1
    }

    @inline(__always)
    mutating func newline() {
        if filter.trimLines {
            if pendingSpaces > 0 { r.spacesTrimmed += 1; pendingSpaces = 0 }
        } else {
            flushSpaces()
        }
        pendingNewlines += 1
        lineHasContent = false
    }

    @inline(__always)
    mutating func content(_ start: Int, _ end: Int) {
        if pendingSpaces > 0 && PunctuationFix.isArtifact(p[start]) { r.punctuationCandidate = true }
        flushNewlines()
        flushSpaces()
        emit(start, end)
        lineHasContent = true
        docHasContent = true
    }

    /// End of the document.
    mutating func finish() {
        if filter.trimLines {
            if pendingSpaces > 0 { r.spacesTrimmed += 1 }
            r.blankLinesRemoved += pendingNewlines
        } else {
            if pendingNewlines > 0 {
                // n trailing newlines end the last line and leave n - 1 blank lines.
                let maxBlank = filter.maxBlankLines
                let keep = maxBlank < 0 ? pendingNewlines : min(pendingNewlines, maxBlank + 1)
                emit(0x0A, times: keep)
                r.blankLinesRemoved += pendingNewlines - keep
            }
            flushSpaces()
        }
    }

    // MARK: Output

    /// Writes the input bytes `start..<end`.
    @inline(__always)
    mutating func emit(_ start: Int, _ end: Int) {
        let len = end - start
        if let out {
            (out + count).update(from: p + start, count: len)
        } else {
            if start == count { count += len; return }
            (diverge() + count).update(from: p + start, count: len)
        }
        count += len
    }

    /// Writes `byte` `times` times.
    @inline(__always)
    mutating func emit(_ byte: UInt8, times: Int) {
        guard times > 0 else { return }
        var k = 0
        if out == nil {
            while k < times && count < n && p[count] == byte { count += 1; k += 1 }
            if k == times { return }
        }
        let o = out ?? diverge()
        (o + count).update(repeating: byte, count: times - k)
        count += times - k
    }

    /// Starts writing: allocates the output and copies the identical prefix.
    @inline(never)
    mutating func diverge() -> UnsafeMutablePointer<UInt8> {
        let o = UnsafeMutablePointer<UInt8>.allocate(capacity: n)
        o.update(from: p, count: count)
        out = o
        return o
    }
}
