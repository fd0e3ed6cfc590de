/// One linear pass over UTF-8 bytes that finds sentence spans.
///
/// Lines are always boundaries. Inside a line a boundary is a run of terminators, optional
/// closing quotes/brackets, whitespace, then a plausible sentence start; a lone "." is further
/// checked against numbers, initials, abbreviations and list markers. Hard terminators (CJK
/// `。！？`, Devanagari `।`, Ethiopic `።`, Myanmar `။`, Arabic `؟`, Urdu `۔`, Armenian `։`) need
/// no following space.
///
/// Quotes and brackets are tracked within a line: a boundary found while one is open is kept
/// aside and dropped when it closes (`He said "Stop. Go home." and left.` is one sentence); if
/// the line ends with it still open, the boundaries kept aside are used after all, so a stray
/// quote never swallows more than its own boundaries' worth of a paragraph.
///
/// Linear time: each byte is visited a bounded number of times; every look-around (the word
/// before a "." or the words after a candidate boundary) is capped at a few dozen bytes, and the
/// quote stack at `maxDepth` entries.
struct SplitScanner {
    let p: UnsafeBufferPointer<UInt8>
    let rules: LanguageRules
    private(set) var spans: [Range<Int>] = []

    /// Open quotes and brackets of the current line (kinds below), innermost last.
    private var stack: [UInt8] = []
    /// Opens beyond `maxDepth`, counted only.
    private var overflow = 0
    /// Boundaries (sentence end, next start) found while a quote or bracket was open.
    private var pending: [(end: Int, next: Int)] = []
    private var sentStart = 0
    /// Whether the outermost open quote or bracket opened at the start of a sentence, or after
    /// a colon (then `outerColonOpen` is where it opened, else -1).
    private var outerAtStart = false
    private var outerColonOpen = -1
    /// The inline list of the current line: the number (or letter, a = 1) its next item must
    /// carry, 0 if none; its marker style (`listDot` "1.", `listParen` "1)", `listDotParen`
    /// "1.)") and whether it counts letters.
    private var listNext = 0
    private var listStyle: UInt8 = 0
    private var listAlpha = false
    private static let listDot: UInt8 = 1, listParen: UInt8 = 2, listDotParen: UInt8 = 3
    /// Set while closers right after a terminator are read, when no lowercase word follows them.
    private var closingPassage = false

    private static let maxDepth = 16
    private static let lookLimit = 64

    // Quote and bracket kinds.
    private static let qStraight: UInt8 = 1, qEnglish: UInt8 = 2, qGerman: UInt8 = 3
    private static let qGuillemet: UInt8 = 4, qReverseGuillemet: UInt8 = 5, qParen: UInt8 = 6
    private static let qSquare: UInt8 = 7, qCorner: UInt8 = 8, qWhiteCorner: UInt8 = 9
    private static let qFullParen: UInt8 = 10, qLenticular: UInt8 = 11, qDoubleAngle: UInt8 = 12
    private static let qCurly: UInt8 = 13, qRightDouble: UInt8 = 14, qAngle: UInt8 = 15

    init(_ p: UnsafeBufferPointer<UInt8>, rules: LanguageRules) {
        self.p = p
        self.rules = rules
    }

    mutating func run() {
        let n = p.count
        var i = 0
        var tokenStart = 0
        var lineFirst = -1  // offset of the first non-space byte of the current line
        let base = p.baseAddress
        // Armenian ":" is a full stop, a Norwegian one before a capital may end a sentence: then
        // ":" is not plain.
        let colonStop = rules.colonFullStop || rules.colonCapital || rules.colonQuote
        while i < n {
            if i &+ 8 <= n, let base {
                // Plain ASCII prose eight bytes at a time (SWAR): words and the spaces between
                // them, which only move the token start.
                let w = ByteLanes.load(base + i)
                if w & ByteLanes.high == 0 {
                    let space = ByteLanes.equal(w, 0x20)
                    var special = Self.specialASCII(w)
                    if colonStop { special |= ByteLanes.equal(w, 0x3A) }
                    if special & ~space == 0 {
                        let content = ~space & ByteLanes.high
                        if lineFirst < 0 && content != 0 { lineFirst = i + content.trailingZeroBitCount / 8 }
                        if space != 0 { tokenStart = i + (63 - space.leadingZeroBitCount) / 8 + 1 }
                        i &+= 8
                        continue
                    }
                }
            }
            let b = p[i]
            // Fast path: ASCII letters, digits and most punctuation, and non-ASCII bytes other
            // than the lead bytes of line breaks, spaces, quotes and terminators, continuation
            // bytes included, are never special: skip runs of them.
            if Self.isPlain(b) && !(colonStop && b == 0x3A) {
                if lineFirst < 0 { lineFirst = i }
                i += 1
                if colonStop {
                    while i < n && Self.isPlain(p[i]) && p[i] != 0x3A { i += 1 }
                } else {
                    while i < n && Self.isPlain(p[i]) { i += 1 }
                }
                continue
            }
            if b == 0x20 {
                i += 1
                tokenStart = i
                continue
            }
            let lb = UTF8Bytes.lineBreak(p, i)
            if lb > 0 {
                endLine(i)
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
            let (tw, kind) = terminator(i)
            var pauseEllipsis = false
            if kind == UTF8Bytes.termDot && rules.dotNotFullStop {
                // Armenian "." is a pause, never a full stop; three dots or more are an ellipsis,
                // which ends a sentence as elsewhere.
                var d = i + 1
                while d < n && p[d] == 0x2E { d += 1 }
                if d - i < 3 {
                    i = d
                    continue
                }
                pauseEllipsis = true
            }
            if b == 0x40 {
                // An e-mail address ends a sentence when a capital, a digit or a quotation follows
                // it (headers and signatures: "… <ann@example.com> 03/27/2001", "Email: x@y.org
                // Groups: …"); inside a sentence it is followed by punctuation or a lowercase word.
                if let end = emailEnd(tokenStart: tokenStart, at: i) {
                    let w = skipSpaces(end)
                    if w > end && w < n && UTF8Bytes.lineBreak(p, w) == 0 {
                        let c = UTF8Bytes.classify(UTF8Bytes.scalar(p, w).value)
                        if c == .upper || c == .digit || p[w] == 0x22 || p[w] == 0x5F { candidate(end: end, next: w) }
                    }
                    i = end
                } else {
                    i += 1
                }
                continue
            }
            if tw == 0 && b == 0x3A && (rules.colonCapital || rules.colonQuote) {
                if rules.colonCapital ? colonBoundary(i) : colonQuoteBoundary(i) {
                    candidate(end: i + 1, next: skipSpaces(i + 1))
                }
                i += 1
                continue
            }
            if tw == 0 && b == 0x3B && semicolonBoundary(i) {
                candidate(end: i + 1, next: skipSpaces(i + 1))
                i += 1
                tokenStart = i
                continue
            }
            if tw == 0 {
                if (b == 0x29 || b == 0x28) && i >= 2, let start = emoticonStart(endingAt: i) {
                    // ":)", ";-(": a smiley is no bracket; one that ends a clause before a
                    // capitalised word ends its sentence ("… sitten :) Jos …").
                    let w = skipSpaces(i + 1)
                    if start >= 1 && UTF8Bytes.space(p, start - 1) > 0 && w > i + 1 && w < n
                        && UTF8Bytes.lineBreak(p, w) == 0 && UTF8Bytes.classify(UTF8Bytes.scalar(p, w).value) == .upper
                    {
                        candidate(end: i + 1, next: w)
                    }
                    i += 1
                    continue
                }
                if b == 0x29, let end = mirroredParenthesis(i) {
                    // Persian ") ع (" is "(ع)" (an honorific) with its brackets mirrored, as
                    // right-to-left text often stores them: no bracket opens or closes.
                    i = end
                    continue
                }
                if b == 0x29 && i + 1 < n && UTF8Bytes.space(p, i + 1) > 0 {
                    listItem(tokenStart: tokenStart, end: i, style: Self.listParen, lineFirst: lineFirst)
                }
                i += max(1, quoteEvent(i))
                continue
            }
            // A run of terminators: ".", "?!", "...", "…", "?..", "。", "！？" ...
            let runStart = i
            var j = i + tw
            var single = true
            var hard = kind == UTF8Bytes.termHard
            var hasQE = kind == UTF8Bytes.termQE
            while j < n {
                let (w2, k2) = terminator(j)
                if w2 == 0 || (k2 == UTF8Bytes.termDot && rules.dotNotFullStop && !pauseEllipsis) { break }
                single = false
                if k2 == UTF8Bytes.termHard { hard = true }
                if k2 == UTF8Bytes.termQE { hasQE = true }
                j += w2
            }
            let loneDot = single && kind == UTF8Bytes.termDot
            // Closing quotes and brackets belong to the sentence. A quotation that opened a
            // sentence and closes here, not before a lowercase word, was a passage of its own:
            // the boundaries inside it stand (see `close`).
            var k = j
            while k < n {
                let w = UTF8Bytes.closer(p, k)
                if w == 0 { break }
                k += w
            }
            var closed = k > j
            if closed && outerAtStart && !pending.isEmpty {
                let after = skipSpaces(k)
                closingPassage = after >= n || UTF8Bytes.classify(UTF8Bytes.scalar(p, after).value) != .lower
            }
            k = j
            while k < n {
                let w = UTF8Bytes.closer(p, k)
                if w == 0 { break }
                closeEvent(k)
                k += w
            }
            closingPassage = false
            // A smiley right after the terminator belongs to the sentence: "mieltä.:) Pitäisi".
            if k + 1 < n && (p[k] == 0x3A || p[k] == 0x3B) {
                let e = p[k + 1] == 0x2D && k + 2 < n ? k + 2 : k + 1
                if p[e] == 0x29 || p[e] == 0x28 || p[e] == 0x44 || p[e] == 0x50 {
                    if e + 1 >= n || UTF8Bytes.space(p, e + 1) > 0 || UTF8Bytes.lineBreak(p, e + 1) > 0 { k = e + 1 }
                }
            }
            if hard {
                let w = skipSpaces(k)
                if w >= n || UTF8Bytes.lineBreak(p, w) > 0 {
                    i = w
                    continue
                }
                // A quoted ！ or ？ then a short speech clause: “出去！”她喊道。
                let fullQE = j - runStart >= 3 && p[j - 3] == 0xEF && p[j - 2] == 0xBC
                    && (p[j - 1] == 0x81 || p[j - 1] == 0x9F)
                if !(rules.quoteParticle && closed && isQuoteParticle(w))
                    && !(closed && fullQE && w == k && isCJKAttribution(w))
                {
                    candidate(end: k, next: w)
                }
                i = w; tokenStart = w
                continue
            }
            var w = skipSpaces(k)
            if w == k && w < n && UTF8Bytes.lineBreak(p, w) == 0 {
                // No whitespace: inside a token (3.14, example.com, e.g, v2.0.1, "?!" runs),
                // unless it is a glued boundary such as "the end.Next one".
                if single && !closed && kind != UTF8Bytes.termEllipsis
                    && isGluedBoundary(tokenStart: tokenStart, dot: runStart, next: k)
                {
                    candidate(end: k, next: k)
                    tokenStart = k
                }
                i = k
                continue
            }
            // French spacing: "Bonjour ! » dit-il" — a closing guillemet after a space; and the
            // Dutch closing "''" of ",,…''" set apart the same way ("… houden. '' Veertig").
            if w > k && w + 1 < n && ((p[w] == 0xC2 && p[w + 1] == 0xBB) || (p[w] == 0x27 && p[w + 1] == 0x27)) {
                let after = w + 2
                if after >= n || UTF8Bytes.lineBreak(p, after) > 0 || UTF8Bytes.space(p, after) > 0
                    || isASCIIPunctuation(p[after])
                {
                    closeEvent(w)
                    closed = true
                    k = after
                    w = skipSpaces(k)
                }
            }
            if w >= n || UTF8Bytes.lineBreak(p, w) > 0 {
                // End of line: the line break is the boundary.
                i = w
                continue
            }
            if loneDot && (!closed || (k == j + 1 && p[j] == 0x29))
                && listItem(tokenStart: tokenStart, end: runStart, style: closed ? Self.listDotParen : Self.listDot,
                            lineFirst: lineFirst)
            {
                // A list marker ("1.", "b.", "• 9.", "2.)") never ends a sentence.
                i = w
                tokenStart = w
                continue
            }
            if loneDot && !closed && tokenStart == runStart, let cut = spacedEllipsis(runStart, next: w) {
                // ". . ." spaced: three dots mark an omission inside a sentence; "word. . . ."
                // is a full stop then an omission that opens the next sentence.
                if cut >= 0 { candidate(end: cut, next: cut + 1) }
                i = w
                tokenStart = w
                continue
            }
            if closed && runStart == tokenStart + 1 && k == j + 1 && isOmissionMark(tokenStart, runStart, j),
               let end = sentenceEndBefore(tokenStart), UTF8Bytes.classify(UTF8Bytes.scalar(p, w).value) == .upper
            {
                // "(...)" or "[…]" marks left-out text: after a sentence's end it opens the next
                // sentence ("… irmão»? (...) Em 1975 …"), and its dots end nothing. Inside a
                // sentence it is read like any "..." (the omission may hold the sentence's end).
                candidate(end: end, next: tokenStart)
                i = w
                tokenStart = w
                continue
            }
            if closed && isCitation(w) {
                // `"… [...]" (Smith 55).`: a parenthetical citation belongs to the quotation before.
                i = w
                tokenStart = w
                continue
            }
            if shouldSplit(tokenStart: tokenStart, dot: runStart, loneDot: loneDot, singleMark: single && !loneDot,
                           hasQE: hasQE, closed: closed, next: w,
                           isListPosition: tokenStart <= lineFirst || tokenStart <= sentStart
                               || followsColon(tokenStart, lowerBound: sentStart))
            {
                candidate(end: k, next: w)
            }
            i = w
            tokenStart = w
        }
        endLine(n)
    }

    /// The lanes of ASCII bytes (every lane below 0x80) that are not ``isPlain(_:)``:
    /// controls, space, `! " ( ) . ; ? @ [ ] { }`.
    @inline(__always)
    static func specialASCII(_ w: UInt64) -> UInt64 {
        // `| 0x20` folds `[` `]` onto `{` `}`; it also folds controls onto `;` `?`, which are
        // special anyway.
        let y = w | 0x2020_2020_2020_2020
        let low = ByteLanes.high & ~ByteLanes.inRange(w, 0x21, 0x7E) & ~ByteLanes.equal(w, 0x7F)
        return low | ByteLanes.inRange(w, 0x21, 0x22) | ByteLanes.inRange(w, 0x28, 0x29) | ByteLanes.equal(w, 0x2E)
            | ByteLanes.equal(y, 0x3B) | ByteLanes.equal(y, 0x3F) | ByteLanes.equal(y, 0x7B) | ByteLanes.equal(y, 0x7D)
            | ByteLanes.equal(w, 0x40)
    }

    /// Whether `b` can never start a line break, a space, a tracked quote or bracket, or a
    /// terminator: a 256-bit set (see the comment in `run`).
    @inline(__always)
    static func isPlain(_ b: UInt8) -> Bool {
        let word: UInt64
        switch b >> 6 {
        case 0: word = 0x77FF_BCF8_0000_0000
        case 1: word = 0xD7FF_FFFF_D7FF_FFFE
        case 2: word = ~0
        default: word = 0xFFFF_7FF0_F6BF_FFFB
        }
        return (word >> UInt64(b & 63)) & 1 != 0
    }

    // MARK: boundaries, quotes and brackets

    private mutating func candidate(end: Int, next: Int) {
        // Spans stay in order: a boundary never lies before the current sentence's start.
        guard end >= (pending.last?.next ?? sentStart), next >= end else { return }
        if stack.isEmpty && overflow == 0 {
            emit(sentStart, end)
            sentStart = next
        } else {
            pending.append((end, next))
        }
    }

    /// A line ends at `end`: boundaries kept aside for a quote that never closed are used.
    private mutating func endLine(_ end: Int) {
        for c in pending {
            emit(sentStart, c.end)
            sentStart = c.next
        }
        pending.removeAll(keepingCapacity: true)
        stack.removeAll(keepingCapacity: true)
        overflow = 0
        listNext = 0
        emit(sentStart, end)
    }

    private mutating func push(_ kind: UInt8) {
        if stack.count < Self.maxDepth { stack.append(kind) } else { overflow += 1 }
    }

    /// Closes the innermost open quote or bracket of one of the kinds `a`, `b`, `c`; false if
    /// none is open.
    @discardableResult
    private mutating func close(_ a: UInt8, _ b: UInt8 = 0, _ c: UInt8 = 0) -> Bool {
        if overflow > 0 {
            overflow -= 1
            return true
        }
        var x = stack.count - 1
        while x >= 0 {
            let s = stack[x]
            if s == a || s == b || s == c {
                stack.removeSubrange(x...)
                if stack.isEmpty {
                    // `"Stop. Go home." Then he left.`: the quotation was sentences of its own; so
                    // is a quoted passage of three sentences or more, even before `, he said`, or
                    // after a colon, which then ends the sentence that introduced it.
                    if outerAtStart && (pending.count >= 2 || (outerColonOpen < 0 && (closingPassage || pending.count == 1))) {
                        if outerColonOpen >= 0 {
                            emit(sentStart, outerColonOpen)
                            sentStart = outerColonOpen
                        }
                        for c in pending {
                            emit(sentStart, c.end)
                            sentStart = c.next
                        }
                    }
                    // `He said "Stop. Go home." and left.`: one sentence.
                    pending.removeAll(keepingCapacity: true)
                }
                return true
            }
            x -= 1
        }
        return false
    }

    /// Updates the quote/bracket stack for the byte at `i` in running text; returns the width
    /// of the quote or bracket there, 0 if there is none.
    private mutating func quoteEvent(_ i: Int) -> Int {
        let wasEmpty = stack.isEmpty && overflow == 0
        let w = quoteEventWidth(i)
        if wasEmpty && !stack.isEmpty {
            outerColonOpen = -1
            outerAtStart = skipSpaces(sentStart, limit: i) == i
            if !outerAtStart && followsColon(i, lowerBound: sentStart) {
                outerAtStart = true
                outerColonOpen = i
            }
        }
        return w
    }

    private mutating func quoteEventWidth(_ i: Int) -> Int {
        let b = p[i]
        switch b {
        case 0x22:
            if stack.last == Self.qStraight {
                close(Self.qStraight)
            } else if !isStrayCloser(i) {
                push(Self.qStraight)
            }
            return 1
        case 0x28: push(Self.qParen); return 1
        case 0x5B: push(Self.qSquare); return 1
        case 0x7B: push(Self.qCurly); return 1
        case 0x29: close(Self.qParen); return 1
        case 0x5D: close(Self.qSquare); return 1
        case 0x7D: close(Self.qCurly); return 1
        case 0xC2:
            guard i + 1 < p.count else { return 0 }
            if p[i + 1] == 0xAB {  // «
                if stack.last == Self.qReverseGuillemet { close(Self.qReverseGuillemet) } else { push(Self.qGuillemet) }
                return 2
            }
            if p[i + 1] == 0xBB {  // »
                if !close(Self.qGuillemet, Self.qReverseGuillemet) { push(Self.qReverseGuillemet) }
                return 2
            }
            return 0
        case 0xE2:
            guard i + 2 < p.count, p[i + 1] == 0x80 else { return 0 }
            switch p[i + 2] {
            case 0x9C:  // “ closes „ (German), else opens
                if stack.last == Self.qGerman { close(Self.qGerman) } else { push(Self.qEnglish) }
                return 3
            case 0x9D:  // ” closes “ or „; Swedish/Finnish ”…” opens
                if !close(Self.qEnglish, Self.qGerman, Self.qRightDouble) { push(Self.qRightDouble) }
                return 3
            case 0x9E: push(Self.qGerman); return 3
            default: return 0
            }
        case 0xE3:
            guard i + 2 < p.count, p[i + 1] == 0x80 else { return 0 }
            switch p[i + 2] {
            case 0x8C: push(Self.qCorner)
            case 0x8D: close(Self.qCorner)
            case 0x8E: push(Self.qWhiteCorner)
            case 0x8F: close(Self.qWhiteCorner)
            case 0x90: push(Self.qLenticular)
            case 0x91: close(Self.qLenticular)
            case 0x8A: push(Self.qDoubleAngle)
            case 0x8B: close(Self.qDoubleAngle)
            case 0x88: push(Self.qAngle)
            case 0x89: close(Self.qAngle)
            default: return 0
            }
            return 3
        case 0xEF:
            guard i + 2 < p.count, p[i + 1] == 0xBC else { return 0 }
            if p[i + 2] == 0x88 { push(Self.qFullParen); return 3 }
            if p[i + 2] == 0x89 { close(Self.qFullParen); return 3 }
            return 0
        default:
            return 0
        }
    }

    /// A straight quote glued to the word before it and followed by a space, a line break or
    /// punctuation closes a quotation; with none open it closes nothing and opens nothing
    /// (`… arayacağız" diye konuştu.` where the quotation began in an earlier paragraph).
    private func isStrayCloser(_ i: Int) -> Bool {
        if isSpacedCloser(i) { return true }
        guard i > 0, UTF8Bytes.space(p, i - 1) == 0, UTF8Bytes.lineBreak(p, i - 1) == 0, p[i - 1] != 0x28 else {
            return false
        }
        let x = i + 1
        return x >= p.count || UTF8Bytes.space(p, x) > 0 || UTF8Bytes.lineBreak(p, x) > 0 || isASCIIPunctuation(p[x])
    }

    /// A straight quote after ", " and glued to a lowercase speech verb closes the quotation
    /// before the comma, typed with a space on the wrong side (Danish `"… arbejde, "siger
    /// Lene Petersen.`, `… landet, "forklarede politimester …`): no quotation opens on a verb
    /// of saying.
    private func isSpacedCloser(_ i: Int) -> Bool {
        guard !rules.speech.isEmpty, i >= 2, p[i - 1] == 0x20, p[i - 2] == 0x2C, i + 1 < p.count,
              UTF8Bytes.classify(UTF8Bytes.scalar(p, i + 1).value) == .lower
        else { return false }
        return nextIsIn(rules.speech, i + 1)
    }

    /// A closer right after a terminator only ever closes (it never opens a quote).
    private mutating func closeEvent(_ i: Int) {
        let b = p[i]
        switch b {
        case 0x22: close(Self.qStraight)
        case 0x29: close(Self.qParen)
        case 0x5D: close(Self.qSquare)
        case 0x7D: close(Self.qCurly)
        case 0xC2:
            if p[i + 1] == 0xBB { close(Self.qGuillemet, Self.qReverseGuillemet) } else { close(Self.qReverseGuillemet) }
        case 0xE2:
            switch p[i + 2] {
            case 0x9D: close(Self.qEnglish, Self.qGerman, Self.qRightDouble)
            case 0x9C: close(Self.qGerman, Self.qEnglish)
            default: break
            }
        case 0xE3:
            switch p[i + 2] {
            case 0x8D: close(Self.qCorner)
            case 0x8F: close(Self.qWhiteCorner)
            case 0x91: close(Self.qLenticular)
            case 0x8B: close(Self.qDoubleAngle)
            case 0x89: close(Self.qAngle)
            default: break
            }
        case 0xEF:
            if p[i + 2] == 0x89 { close(Self.qFullParen) }
        default: break
        }
    }

    /// A clause of at most eight letters that ends in a speech word (`[speech]`, e.g. 喊道) right
    /// before a terminator or a comma: the attribution of the quote before it.
    private func isCJKAttribution(_ w: Int) -> Bool {
        guard !rules.speech.isEmpty else { return false }
        var x = w
        var letters = 0
        while x < p.count && letters <= 8 {
            if UTF8Bytes.terminator(p, x).0 > 0
                || (x + 2 < p.count && p[x] == 0xEF && p[x + 1] == 0xBC && p[x + 2] == 0x8C)  // ，
            {
                for len in [3, 6] where x - len >= w {
                    if let key = WordKey.make(p, x - len, x), rules.speech.contains(key) { return true }
                }
                return false
            }
            let (c, width) = UTF8Bytes.scalar(p, x)
            guard UTF8Bytes.classify(c) == .script, UTF8Bytes.opener(p, x) == 0 else { return false }
            x += width
            letters += 1
        }
        return false
    }

    /// Japanese quote particles after 」: と, って.
    private func isQuoteParticle(_ w: Int) -> Bool {
        guard w + 2 < p.count, p[w] == 0xE3, p[w + 1] == 0x81 else { return false }
        if p[w + 2] == 0xA8 { return true }  // と
        return p[w + 2] == 0xA3 && w + 5 < p.count && p[w + 3] == 0xE3 && p[w + 4] == 0x81 && p[w + 5] == 0xA6  // って
    }

    /// The terminator at `i` under this language's rules: Greek ";" is a question mark and
    /// Armenian ":" a full stop (read like "?": it ends a sentence before any non-lowercase word).
    @inline(__always)
    private func terminator(_ i: Int) -> (width: Int, kind: UInt8) {
        let t = UTF8Bytes.terminator(p, i)
        if t.width > 0 { return t }
        let b = p[i]
        if b == 0x3B && rules.greekQuestion { return (1, UTF8Bytes.termQE) }
        if b == 0x3A && rules.colonFullStop { return (1, UTF8Bytes.termQE) }
        return t
    }

    // MARK: inline lists, spaced ellipses, citations

    /// A list marker ending at `end` (the "." or ")" after it): "1", "12", "a", each possibly
    /// after a bullet ("⁃9", or "• " before it). Returns the item's value and where the marker
    /// (bullet included) starts.
    private func listMarker(_ lo: Int, _ hi: Int) -> (value: Int, alpha: Bool, start: Int)? {
        var x = lo
        if hi - x > 3, Self.bullet(p, x) { x += 3 }
        let len = hi - x
        guard len >= 1, len <= 3 else { return nil }
        var value = 0
        var alpha = false
        if len == 1 && p[x] >= 0x61 && p[x] <= 0x7A {
            value = Int(p[x] - 0x60)
            alpha = true
        } else {
            for y in x..<hi {
                guard UTF8Bytes.isDigit(p[y]) else { return nil }
                value = value * 10 + Int(p[y] - 0x30)
            }
        }
        let start = x == lo && lo >= 4 && p[lo - 1] == 0x20 && Self.bullet(p, lo - 4) ? lo - 4 : lo
        return (value, alpha, start)
    }

    /// Whether the item text after a marker ending before `x` starts like a sentence (not with
    /// a lowercase word: "Options: a. stay b. leave." is one sentence).
    private func itemStartsSentence(_ x: Int) -> Bool {
        var q = skipSpaces(min(x, p.count))
        if q < p.count && p[q] == 0x29 { q = skipSpaces(q + 1) }  // "2.)"
        guard q < p.count else { return false }
        return UTF8Bytes.classify(UTF8Bytes.scalar(p, q).value) != .lower
    }

    /// "•", "‣", "⁃", "◦", "▪" at `i`.
    private static func bullet(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i >= 0, i + 2 < p.count, p[i] == 0xE2 else { return false }
        let b1 = p[i + 1], b2 = p[i + 2]
        return (b1 == 0x80 && (b2 == 0xA2 || b2 == 0xA3)) || (b1 == 0x81 && b2 == 0x83)
            || (b1 == 0x97 && b2 == 0xA6) || (b1 == 0x96 && b2 == 0xAA)
    }

    /// Reads a list marker ending at `end`. At a list position (line or sentence start, after a
    /// colon or a bullet there) it starts an inline list; where it is the list's next item
    /// ("1) The first item 2) The second item", "a. … b. …") a sentence ends before it. True if
    /// it is a marker of either kind.
    @discardableResult
    private mutating func listItem(tokenStart: Int, end: Int, style: UInt8, lineFirst: Int) -> Bool {
        guard end > tokenStart, let m = listMarker(tokenStart, end) else { return false }
        if listNext > 0 && m.value == listNext && m.alpha == listAlpha && style == listStyle
            && itemStartsSentence(end + 1)
        {
            candidate(end: m.start, next: m.start)
            listNext += 1
            return true
        }
        let first = m.start <= lineFirst || m.start <= skipSpaces(sentStart, limit: m.start)
            || followsColon(m.start, lowerBound: sentStart)
        guard first, m.value == 1 || (m.start < tokenStart || Self.bullet(p, tokenStart)) else { return false }
        listNext = m.value + 1
        listStyle = style
        listAlpha = m.alpha
        return true
    }

    /// At the last dot of spaced dots (" . . ."): nil if this is not a spaced ellipsis, -1 if it
    /// continues the sentence (three dots: an omission), else where a sentence ends: after the
    /// full stop of "word. . . ." when a non-lowercase word follows. Four dots after a space
    /// (". . . .") are an omission and a full stop: left to the ordinary rules (nil).
    private func spacedEllipsis(_ d: Int, next w: Int) -> Int? {
        guard d >= 2, p[d - 1] == 0x20, p[d - 2] == 0x2E else { return nil }
        var x = d
        var dots = 1
        while dots < 5 && x >= 2 && p[x - 1] == 0x20 && p[x - 2] == 0x2E {
            x -= 2
            dots += 1
        }
        let glued = x >= 1 && UTF8Bytes.space(p, x - 1) == 0 && p[x - 1] != 0x2E
        if glued {
            guard dots == 4, w < p.count else { return dots == 3 ? -1 : nil }
            let c = UTF8Bytes.classify(UTF8Bytes.scalar(p, w).value)
            return c == .upper || c == .digit || c == .script ? x + 1 : -1
        }
        return dots == 3 ? -1 : nil
    }

    /// A short parenthesis that closes right before a terminator and holds none: `(Smith 55).`
    private func isCitation(_ w: Int) -> Bool {
        guard w < p.count, p[w] == 0x28 else { return false }
        var x = w + 1
        let limit = min(p.count, w + Self.lookLimit)
        while x < limit {
            let b = p[x]
            if b == 0x29 { return x > w + 1 && x + 1 < p.count && terminator(x + 1).width > 0 }
            if b == 0x28 || terminator(x).width > 0 || UTF8Bytes.lineBreak(p, x) > 0 { return false }
            x += 1
        }
        return false
    }

    /// Where the smiley whose mouth is the bracket at `i` starts (":)", ";(", ":-)"), if it is one.
    private func emoticonStart(endingAt i: Int) -> Int? {
        var x = i - 1
        if p[x] == 0x2D { x -= 1 }
        guard x >= 0, p[x] == 0x3A || p[x] == 0x3B else { return nil }
        guard i + 1 >= p.count || UTF8Bytes.space(p, i + 1) > 0 || UTF8Bytes.lineBreak(p, i + 1) > 0
            || UTF8Bytes.terminator(p, i + 1).width > 0
        else { return nil }
        return x
    }

    /// The end of the e-mail address whose "@" is at `at` ("ann.lee@example.co.uk", also in
    /// angle brackets): a local part, then labels with at least one dot, ending in a letter or
    /// ">" right before a space or a line break; nil for anything else.
    private func emailEnd(tokenStart: Int, at: Int) -> Int? {
        guard at > tokenStart, at - tokenStart <= Self.lookLimit else { return nil }
        let b0 = p[at - 1]
        guard UTF8Bytes.isASCIILetter(b0) || UTF8Bytes.isDigit(b0) || b0 == 0x2E || b0 == 0x5F || b0 == 0x2D else { return nil }
        var x = at + 1
        var dots = 0
        let limit = min(p.count, at + 1 + Self.lookLimit)
        while x < limit {
            let b = p[x]
            if UTF8Bytes.isASCIILetter(b) || UTF8Bytes.isDigit(b) || b == 0x2D || b == 0x5F {
                x += 1
            } else if b == 0x2E {
                dots += 1
                x += 1
            } else {
                break
            }
        }
        guard dots > 0, x > at + 1, UTF8Bytes.isASCIILetter(p[x - 1]) else { return nil }
        if x < p.count && p[x] == 0x3E { x += 1 }
        guard x >= p.count || UTF8Bytes.space(p, x) > 0 || UTF8Bytes.lineBreak(p, x) > 0 else { return nil }
        return x
    }

    /// ": " then a capital letter, possibly after an opening quote or a dash (Norwegian: "Det
    /// ble rene ord: «Han var …»", "Apropos ham: Jeg måtte …"): what follows is a sentence.
    private func colonBoundary(_ i: Int) -> Bool {
        var q = skipSpaces(i + 1)
        guard q > i + 1, q < p.count else { return false }
        let o = UTF8Bytes.opener(p, q)
        if o > 0 {
            q += o
        } else {
            let d = UTF8Bytes.dash(p, q)
            if d > 0 { q = skipSpaces(q + d) }
        }
        guard q < p.count else { return false }
        return UTF8Bytes.classify(UTF8Bytes.scalar(p, q).value) == .upper
    }

    /// ": " then an opening quotation mark (not a bracket) and a capital letter, possibly after
    /// a dash (Portuguese "… manter a discrição: «Beckenbauer tem o direito …»", "«-- Quando
    /// …»"; Swedish "… löd: 'Du skall lyda din fader.'"): a quoted sentence.
    private func colonQuoteBoundary(_ i: Int) -> Bool {
        let q0 = skipSpaces(i + 1)
        guard q0 > i + 1, q0 < p.count else { return false }
        let b = p[q0]
        // Brackets and the Spanish "¿" "¡" open no quotation.
        guard b != 0x28 && b != 0x5B && b != 0x7B && !(b == 0xC2 && q0 + 1 < p.count && (p[q0 + 1] == 0xBF || p[q0 + 1] == 0xA1)) else {
            return false
        }
        var o = UTF8Bytes.opener(p, q0)
        // Swedish and Finnish open with the closing marks: ”…”, ’…’.
        if o == 0 && b == 0xE2 && q0 + 2 < p.count && p[q0 + 1] == 0x80 && (p[q0 + 2] == 0x9D || p[q0 + 2] == 0x99) { o = 3 }
        guard o > 0 else { return false }
        var q = q0 + o
        guard q < p.count else { return false }
        let d = q + 1 < p.count && p[q] == 0x2D && p[q + 1] == 0x2D ? 2 : UTF8Bytes.dash(p, q)
        if d > 0 { q = skipSpaces(q + d) }
        guard q < p.count else { return false }
        return UTF8Bytes.classify(UTF8Bytes.scalar(p, q).value) == .upper
    }

    /// "; " then a capitalised function word that usually starts a sentence ("…pedidos; El
    /// Acta…"): after a semicolon such a word is written in lowercase unless a new sentence
    /// begins, so the semicolon ends one (the text dropped a full stop or joined two sentences).
    private func semicolonBoundary(_ i: Int) -> Bool {
        guard !rules.starters.isEmpty else { return false }
        let q = skipSpaces(i + 1)
        guard q > i + 1, q < p.count else { return false }
        // Spanish opens a question or an exclamation with "¿" "¡": after them, a capital.
        let inverted = p[q] == 0xC2 && q + 1 < p.count && (p[q + 1] == 0xBF || p[q + 1] == 0xA1)
        let w = inverted ? q + 2 : q
        guard w < p.count, UTF8Bytes.classify(UTF8Bytes.scalar(p, w).value) == .upper else { return false }
        // A capitalised question or exclamation after a semicolon is a sentence of its own
        // (within one, Spanish writes "…; ¿cómo …?").
        return inverted || nextIsStarter(w, minLength: 2)
    }

    /// `skipSpaces` that stops at `limit` or after `lookLimit` bytes.
    private func skipSpaces(_ from: Int, limit: Int) -> Int {
        var w = from
        let end = min(limit, from + Self.lookLimit)
        while w < end {
            let s = UTF8Bytes.space(p, w)
            if s == 0 { break }
            w += s
        }
        return w
    }

    @inline(__always)
    private func skipSpaces(_ from: Int) -> Int { UTF8Bytes.skipSpaces(p, from) }

    @inline(__always)
    private func isASCIIPunctuation(_ b: UInt8) -> Bool {
        switch b {
        case 0x21, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x29, 0x5D: return true
        default: return false
        }
    }

    /// Appends the trimmed span `lo..<hi` if it is not empty.
    private mutating func emit(_ lo: Int, _ hi: Int) {
        if let span = UTF8Bytes.trimmed(p, lo, hi) { spans.append(span) }
    }

    // MARK: decisions

    /// Decides a candidate boundary whose next sentence would start at `next` (after spaces).
    private func shouldSplit(tokenStart: Int, dot: Int, loneDot: Bool, singleMark: Bool, hasQE: Bool,
                             closed: Bool, next: Int, isListPosition: Bool) -> Bool
    {
        let n = p.count
        var q = next
        // Openers are skipped here and visited once more by the main loop: still linear.
        while q < n {
            var o = UTF8Bytes.opener(p, q)
            // Finnish and Swedish open a quotation with "”" too: "… vähän. ”Eikä sen …".
            if o == 0 && q + 3 < n && p[q] == 0xE2 && p[q + 1] == 0x80 && p[q + 2] == 0x9D && UTF8Bytes.space(p, q + 3) == 0 {
                o = 3
            }
            if o == 0 { break }
            q += o
            // Dutch ",, ", German "`` " and a guillemet typed with a space ("« Nei! »") may
            // stand apart from their word.
            if p[q - 1] == 0x2C || p[q - 1] == 0x60 || (o == 2 && p[q - 2] == 0xC2 && p[q - 1] == 0xAB) { q = skipSpaces(q) }
        }
        guard q < n else { return false }
        var start = UTF8Bytes.classify(UTF8Bytes.scalar(p, q).value)
        if start == .other {
            // A dash and a space before a capitalised word: "It worked. — Or so we thought.",
            // and dialogue lines that open with a dash, typed as "-" or "−" too ("… sagde han.
            // - Nej, …"); a bullet ("*", "•") opens an item the same way.
            var d = UTF8Bytes.dash(p, q)
            // "–", "—", "−" may be glued to the word: "… kautta. −Kyse on …"; a hyphen only
            // to a capital ("… mamma. -Det gikk"), not to a number ("-5 grader").
            if d == 0 && p[q] == 0x2D && q + 1 < n && UTF8Bytes.classify(UTF8Bytes.scalar(p, q + 1).value) == .upper { d = 1 }
            guard d > 0 else { return false }
            let r = skipSpaces(q + d)
            guard r < n else { return false }
            start = UTF8Bytes.classify(UTF8Bytes.scalar(p, r).value)
            guard start == .upper || start == .digit || start == .script else { return false }
            q = r
        }
        let lower = start == .lower
        // Verb-final languages report speech after it: `"कोण मेले?" गुरवाने विचारले.` — a short
        // clause that ends in a speech verb belongs to the speech before it.
        if rules.speechAfter && start == .script && isTrailingAttribution(q) { return false }
        // A closing quote or bracket then a lowercase word: `"Stop." and left`, `[sic.] in`.
        if closed && lower { return false }
        if !loneDot {
            // "?", "!", "...", "?!" …: a lowercase word continues the sentence, except after
            // "?" and "!" (alone or in runs: "??", "!!!", "?!") outside quotes, where it starts
            // the next sentence of informal text ("what does that mean? where did you grow
            // up?", "Site made! and it works") unless it is a speech verb ("Really? asked Tom")
            // or the sentence is a dialogue line opened by a dash, whose attribution follows
            // in lowercase ("- Hva nå? spør han").
            if lower {
                if singleMark && p[dot] == 0x21, let key = wordKey(tokenStart, dot), rules.exclaim.contains(key) {
                    return false  // "Yahoo! in the …"
                }
                return !closed && !rules.starters.isEmpty && isQERun(dot, next: next)
                    && !nextIsIn(rules.speech, q) && !opensWithDash(sentStart, limit: dot)
            }
            if singleMark && p[dot] == 0x21, let key = wordKey(tokenStart, dot), rules.exclaim.contains(key) {
                return nextIsStarter(q)  // "Yahoo! News"
            }
            if hasQE && closed && isSpeechAttribution(q) { return false }  // "Why?" Tom asked.
            return true
        }
        return splitAfterDot(tokenStart: tokenStart, dot: dot, nextWord: q, start: start, isListPosition: isListPosition)
    }

    /// Whether the terminators from `dot` up to the spaces before `next` are only "?" and "!".
    private func isQERun(_ dot: Int, next: Int) -> Bool {
        var x = dot
        while x < next && x - dot < Self.lookLimit {
            let b = p[x]
            if b == 0x3F || b == 0x21 {
                x += 1
                continue
            }
            return UTF8Bytes.space(p, x) > 0 && x > dot
        }
        return false
    }

    /// Whether the sentence from `start` opens with a dash (a dialogue line: "- Nei!", "-Nei",
    /// "– Nei", "— Nei", "− Nei").
    private func opensWithDash(_ start: Int, limit: Int) -> Bool {
        let x = skipSpaces(start, limit: limit)
        guard x < limit else { return false }
        if p[x] == 0x2D { return true }
        guard x + 2 < p.count, p[x] == 0xE2 else { return false }
        return (p[x + 1] == 0x80 && (p[x + 2] == 0x93 || p[x + 2] == 0x94)) || (p[x + 1] == 0x88 && p[x + 2] == 0x92)
    }

    /// The word before a lone "." decides whether the "." ends the sentence.
    private func splitAfterDot(tokenStart: Int, dot: Int, nextWord q: Int, start: UTF8Bytes.Start,
                               isListPosition: Bool) -> Bool
    {
        let lower = start == .lower
        let nextIsDigit = start == .digit
        // Strip quotes and brackets around the word: "(Dr." -> "Dr", "\"stop\"." -> "stop".
        var lo = tokenStart, hi = dot
        if hi - lo > 4 * Self.lookLimit { return true }  // a very long token is no abbreviation
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
        guard lo < hi else { return !lower }

        // "1. First item", "a. option", "IV. Results" at the start of a line or sentence, or
        // after a colon ("Steps: 1. Open it.").
        if isListPosition && isListMarker(lo, hi) { return false }

        // A capital initial before a capitalised word is read as an initial even where the
        // letter is also an abbreviation ("А. С. Пушкин" with Russian "с." for page).
        // Dotted capitals in the tables ("S.A", "U.S") are read as abbreviations instead.
        let abbreviation = WordKey.make(p, lo, hi).flatMap { rules.abbreviations[$0] }
        if start == .upper && isSingleCapital(lo, hi)
            && (abbreviation == nil || UTF8Bytes.scalar(p, lo).1 == hi - lo)
        {
            // A letter the language lists as a title (Portuguese "S." for São, "D." for Dom)
            // before a name: only a sentence starter after it ends the sentence ("só S. Pedro").
            if abbreviation == .title { return !nextIsInitial(q) && nextIsStarter(q, minLength: 2) }
            return initialEndsSentence(lo, next: q)
        }

        if let kind = abbreviation {
            if lower { return false }
            switch kind {
            case .title: return false
            case .numeric: return !nextIsDigit
            case .ambiguous: return nextIsStarter(q) && !isShortOpener(lo)
            case .company: return companySplit(q)
            case .month: return nextIsDigit ? false : nextIsStarter(q)
            case .terminal: return true
            }
        }

        if nextIsDigit && hasNumericSuffix(lo, hi) { return false }

        if let digits = numberDigits(lo, hi) {
            if rules.ordinalDot {
                // Ordinals: "am 3. Oktober", "der 2. Platz", "3. mai" (but "im Jahr 1990. Danach").
                if nextIsIn(rules.ordinalMonths, q) { return false }
                // A date of day and month, "4.5." or "24.12.", before a lowercase word: "Tänään
                // 4.5. on …", "den 24.12. blev …".
                if digits == 0 && lower && isDayMonth(lo, hi) { return false }
                if digits > 0 && digits <= 3 {
                    if lower { return false }
                    if nextIsDigit { return digits > 2 }  // spaced dates: "am 3. 10. 2020"
                    if nextIsIn(rules.ordinalNouns, q) { return false }
                    if let w = previousWord(lo), let key = WordKey.make(p, w.lowerBound, w.upperBound),
                       rules.ordinalPrecursors.contains(key)
                    {
                        return false
                    }
                }
            }
            return true
        }

        if isSingleCapital(lo, hi) {
            if lower { return false }
            return initialEndsSentence(lo, next: q)
        }
        if hi - lo == 1 && UTF8Bytes.isASCIILetter(p[lo]) {
            // "a. b. c." enumerations, "z. B.": a single lowercase letter is an abbreviation.
            return !lower && nextIsStarter(q)
        }
        if isDottedLetters(lo, hi) {
            // "U.S", "F.B.I", "a.k.a": letters separated by dots.
            if lower { return false }
            return rules.isGeneric ? false : nextIsStarter(q)
        }
        if rules.isGeneric && looksAbbreviated(lo, hi, before: start) { return false }
        // A compound whose last part is one to three letters after "." or "-", before a
        // lowercase word, is abbreviated: Danish "4-cyl. og", Finnish "ev.-lut. kirkon".
        if lower && hasShortAbbreviatedTail(lo, hi) { return false }
        return true
    }

    /// "4-cyl", "ev.-lut", "s.k": letters, digits, dots and hyphens whose last part, after a
    /// "." or "-", is one to three letters.
    private func hasShortAbbreviatedTail(_ lo: Int, _ hi: Int) -> Bool {
        guard hi - lo <= 24 else { return false }
        var x = hi
        var letters = 0
        while x > lo {
            var s = x - 1
            while s > lo && p[s] & 0xC0 == 0x80 { s -= 1 }
            let cls = UTF8Bytes.classify(UTF8Bytes.scalar(p, s).value)
            guard cls == .lower || cls == .upper else { break }
            letters += 1
            x = s
        }
        guard letters >= 1, letters <= 3, x > lo, p[x - 1] == 0x2E || p[x - 1] == 0x2D else { return false }
        for y in lo..<(x - 1) {
            let b = p[y]
            if b < 0x80 && !UTF8Bytes.isASCIILetter(b) && !UTF8Bytes.isDigit(b) && b != 0x2E && b != 0x2D { return false }
        }
        return x - 1 > lo
    }

    /// Without word lists, the shapes that are abbreviations in most languages written with
    /// cases: a short lowercase word or one with inner dots before a lowercase word ("ca. sieben",
    /// "s.k. typiska", "т. е. явления") or before a number ("ca. 10", "mia. 5"). Capitalised
    /// words are left alone ("Mr. Smith" splits: without a list, a title is not known).
    private func looksAbbreviated(_ lo: Int, _ hi: Int, before start: UTF8Bytes.Start) -> Bool {
        var letters = 0, lowers = 0, dots = 0
        var x = lo
        while x < hi && letters <= 5 {
            let (c, w) = UTF8Bytes.scalar(p, x)
            if c == 0x2E {
                dots += 1
            } else {
                letters += 1
                switch UTF8Bytes.classify(c) {
                case .lower: lowers += 1
                case .upper: break
                default: return false
                }
            }
            x += w
        }
        guard x >= hi, letters > 0 else { return false }
        switch start {
        case .lower: return lowers == letters && (letters <= 3 || dots > 0)
        case .digit: return lowers == letters && letters <= 3
        default: return false
        }
    }

    /// Whether the sentence so far, before the word at `lo`, is a small connecting word, alone or
    /// before a number or another one ("At 5 a.m.", "In the U.S."): a fronted phrase, not yet a
    /// sentence.
    private func isShortOpener(_ lo: Int) -> Bool {
        let first = skipSpaces(sentStart, limit: lo)
        guard lo - first <= 2 * WordKey.maxLength, !rules.connectors.isEmpty else { return false }
        var words = 0
        var x = first
        while x < lo {
            let s = UTF8Bytes.space(p, x)
            if s > 0 {
                words += 1
                x += s
                while x < lo, UTF8Bytes.space(p, x) > 0 { x += 1 }
            } else {
                x += 1
            }
        }
        guard words >= 1, words <= 2 else { return false }
        let e = wordEnd(first)
        guard let key = WordKey.make(p, first, e), rules.connectors.contains(key) else { return false }
        if words == 1 { return true }
        let second = skipSpaces(e, limit: lo)
        if UTF8Bytes.isDigit(p[second]) { return true }
        return nextIsIn(rules.connectors, second)
    }

    /// A capital initial ("J.", "C.") followed by a capitalised word.
    private func initialEndsSentence(_ lo: Int, next q: Int) -> Bool {
        if nextIsInitial(q) { return false }  // "J. R. R. Tolkien"
        if let w = previousWord(lo) {
            let c = UTF8Bytes.classify(UTF8Bytes.scalar(p, w.lowerBound).value)
            if c == .lower, w.count >= 3, let key = WordKey.make(p, w.lowerBound, w.upperBound),
               !rules.connectors.contains(key), !rules.isGeneric
            {
                return true  // "vitamin C. Doctors say …"
            }
        }
        return nextIsStarter(q, minLength: 2)  // "George W. Bush", "plan B. The others"
    }

    /// After "Inc." / "Corp.": a starter, or a capitalised non-title word followed by a
    /// lowercase word ("Apple Inc. Reported profits …") starts a sentence.
    private func companySplit(_ q: Int) -> Bool {
        if nextIsStarter(q) { return true }
        let e = wordEnd(q)
        guard e > q else { return false }
        if let key = WordKey.make(p, q, e), rules.continuers.contains(key) { return false }
        let q2 = skipSpaces(e)
        guard q2 > e, q2 < p.count, UTF8Bytes.classify(UTF8Bytes.scalar(p, q2).value) == .lower else { return false }
        let e2 = wordEnd(q2)
        if let key = WordKey.make(p, q2, e2), rules.connectors.contains(key) { return false }
        return true
    }

    /// `"Why?" Tom asked.`, `"Stop!" Anna Berg shouted.`: up to two capitalised words, then a
    /// speech verb.
    private func isSpeechAttribution(_ q: Int) -> Bool {
        guard !rules.speech.isEmpty, !nextIsStarter(q) else { return false }
        var x = q
        for _ in 0..<3 {
            let e = wordEnd(x)
            guard e > x else { return false }
            if x != q, let key = WordKey.make(p, x, e), rules.speech.contains(key) { return true }
            let nx = skipSpaces(e)
            guard nx > e, nx < p.count else { return false }
            let c = UTF8Bytes.classify(UTF8Bytes.scalar(p, nx).value)
            if c == .lower || c == .script {
                let e2 = wordEnd(nx)
                if let key = WordKey.make(p, nx, e2) { return rules.speech.contains(key) }
                return false
            }
            if c != .upper { return false }
            x = nx
        }
        return false
    }

    /// Up to three words from `q`, the last a speech verb right before a terminator
    /// ("भीमा म्हणाला.", "म्हाताऱ्या गुरवाने विचारले."). Speech entries may be stems: a verb
    /// matches an entry that is a prefix of it ("म्हणा" for म्हणाला, म्हणाली, म्हणाले).
    private func isTrailingAttribution(_ q: Int) -> Bool {
        var x = q
        for _ in 0..<3 {
            var e = x
            let limit = min(p.count, x + Self.lookLimit)
            while e < limit && p[e] != 0x20 && UTF8Bytes.terminator(p, e).width == 0 { e += 1 }
            guard e > x, e < limit else { return false }
            if p[e] != 0x20 {
                var len = min(e - x, WordKey.maxLength)
                while len >= 3 {
                    if p[x + len] & 0xC0 != 0x80, let key = WordKey.make(p, x, x + len), rules.speech.contains(key) {
                        return true
                    }
                    len -= 1
                }
                return false
            }
            x = e + 1
        }
        return false
    }

    /// "the end.Next one": a lowercase word glued to a capitalised word by one terminator.
    private func isGluedBoundary(tokenStart: Int, dot: Int, next k: Int) -> Bool {
        guard dot - tokenStart >= 2, dot - tokenStart <= Self.lookLimit else { return false }
        for x in tokenStart..<dot {
            let b = p[x]
            if b < 0x80 && !UTF8Bytes.isASCIILetter(b) { return false }
            if b == 0xE2 { return false }
        }
        let last = p[dot - 1], before = p[dot - 2]
        guard (last >= 0x61 && last <= 0x7A) || last >= 0x80, (before >= 0x61 && before <= 0x7A) || before >= 0x80 else {
            return false
        }
        if let key = WordKey.make(p, tokenStart, dot), rules.abbreviations[key] != nil { return false }
        let (c, width) = UTF8Bytes.scalar(p, k)
        guard UTF8Bytes.classify(c) == .upper else { return false }
        var x = k + width
        let limit = min(p.count, x + Self.lookLimit)
        var letters = 0
        while x < limit {
            let b = p[x]
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x80 && b != 0xE2 && b != 0xC2) {
                letters += 1
                x += 1
            } else {
                break
            }
        }
        guard letters >= 2 else { return false }
        // A domain written with a capital: "Newsfeed.Com", "Example.Org".
        if x - k == 3 && isTopLevelDomain(k) { return false }
        if x >= p.count { return true }
        let b = p[x]
        if b == 0x20 || b == 0x2C || b == 0x3A || b == 0x3B { return true }
        if UTF8Bytes.lineBreak(p, x) > 0 || UTF8Bytes.space(p, x) > 0 { return true }
        if UTF8Bytes.terminator(p, x).width > 0 {
            let y = x + 1
            return y >= p.count || p[y] == 0x20 || UTF8Bytes.lineBreak(p, y) > 0
        }
        return false
    }

    /// "com", "net", "org", "edu", "gov" at `k`, in any case.
    private func isTopLevelDomain(_ k: Int) -> Bool {
        let a = p[k] | 0x20, b = p[k + 1] | 0x20, c = p[k + 2] | 0x20
        switch (a, b, c) {
        case (0x63, 0x6F, 0x6D), (0x6E, 0x65, 0x74), (0x6F, 0x72, 0x67), (0x65, 0x64, 0x75), (0x67, 0x6F, 0x76): return true
        default: return false
        }
    }

    // MARK: word shapes

    private func wordKey(_ lo: Int, _ hi: Int) -> WordKey? {
        var lo = lo
        while lo < hi {
            let o = UTF8Bytes.opener(p, lo)
            if o == 0 { break }
            lo += o
        }
        return WordKey.make(p, lo, hi)
    }

    /// Whether the last non-space byte before `x` (not before `lowerBound`) is ":".
    private func followsColon(_ x: Int, lowerBound: Int) -> Bool {
        var j = x
        var steps = 0
        while j > lowerBound && steps < 8 {
            let s = UTF8Bytes.spaceBefore(p, j, lowerBound: lowerBound)
            if s == 0 { break }
            j -= s
            steps += 1
        }
        return j > lowerBound && p[j - 1] == 0x3A
    }

    /// The end of `) x (` at `i`, where x is one to three Arabic-script letters (spaces
    /// optional): a parenthesised abbreviation whose brackets are stored mirrored; nil otherwise.
    private func mirroredParenthesis(_ i: Int) -> Int? {
        var x = i + 1
        if x < p.count && p[x] == 0x20 { x += 1 }
        var letters = 0
        while x + 1 < p.count && p[x] >= 0xD8 && p[x] <= 0xDB && letters < 4 {
            x += 2
            letters += 1
        }
        guard letters >= 1 && letters <= 3 else { return nil }
        if x < p.count && p[x] == 0x20 { x += 1 }
        return x < p.count && p[x] == 0x28 ? x + 1 : nil
    }

    /// Whether `open ..< close + 1` is "(...)", "[...]", "(…)" or "[…]": the dots run from
    /// `dots` to `close`.
    private func isOmissionMark(_ open: Int, _ dots: Int, _ close: Int) -> Bool {
        guard close < p.count, (p[open] == 0x28 && p[close] == 0x29) || (p[open] == 0x5B && p[close] == 0x5D) else {
            return false
        }
        let n = close - dots
        if n == 3 && p[dots] == 0xE2 && p[dots + 1] == 0x80 && p[dots + 2] == 0xA6 { return true }
        return n == 3 && p[dots] == 0x2E && p[dots + 1] == 0x2E && p[dots + 2] == 0x2E
    }

    /// The end of the text before `x` (spaces skipped) when it ends a sentence: a terminator,
    /// possibly followed by closing quotes or brackets; nil otherwise.
    private func sentenceEndBefore(_ x: Int) -> Int? {
        var e = x
        while e > sentStart && x - e < Self.lookLimit {
            let s = UTF8Bytes.spaceBefore(p, e, lowerBound: sentStart)
            if s == 0 { break }
            e -= s
        }
        guard e < x, e > sentStart else { return nil }
        var t = e
        while t > sentStart, e - t < Self.lookLimit {
            let c = UTF8Bytes.closerBefore(p, t, lowerBound: sentStart)
            if c == 0 { break }
            t -= c
        }
        guard t > sentStart else { return nil }
        let b = p[t - 1]
        if b == 0x2E || b == 0x3F || b == 0x21 { return e }
        if t >= 3 && p[t - 3] == 0xE2 && p[t - 2] == 0x80 && b == 0xA6 { return e }
        return nil
    }

    /// The word (letters, possibly with dots) that ends right before the spaces before `x`.
    private func previousWord(_ x: Int) -> Range<Int>? {
        var j = x
        var steps = 0
        while j > 0 && steps < 8 {
            let s = UTF8Bytes.spaceBefore(p, j, lowerBound: 0)
            if s == 0 { break }
            j -= s
            steps += 1
        }
        guard j < x else { return nil }
        let end = j
        let floor = max(0, end - 32)
        while j > floor {
            let b = p[j - 1]
            if UTF8Bytes.isASCIILetter(b) || b == 0x2E || (b >= 0x80 && b != 0xE2 && b != 0xC2 && !(b == 0x80 && j >= 2 && p[j - 2] == 0xE3)) {
                j -= 1
            } else {
                break
            }
        }
        // Do not start inside a multi-byte scalar.
        while j < end && p[j] & 0xC0 == 0x80 { j += 1 }
        return j < end ? j..<end : nil
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

    /// "4.5", "24.12": one or two digits, a dot, one or two digits.
    private func isDayMonth(_ lo: Int, _ hi: Int) -> Bool {
        guard hi - lo >= 3, hi - lo <= 5 else { return false }
        var dot = -1
        for x in lo..<hi where p[x] == 0x2E {
            if dot >= 0 { return false }
            dot = x
        }
        return dot - lo >= 1 && dot - lo <= 2 && hi - dot - 1 >= 1 && hi - dot - 1 <= 2
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

    /// One capital letter of any cased script ("J", "É", "Ж", "Σ"), or hyphenated initials
    /// such as "J.-P".
    private func isSingleCapital(_ lo: Int, _ hi: Int) -> Bool {
        let (c, width) = UTF8Bytes.scalar(p, lo)
        if width == hi - lo { return UTF8Bytes.classify(c) == .upper }
        guard hi - lo <= 8 else { return false }
        var letter = false
        for x in lo..<hi {
            let b = p[x]
            if b >= 0x41 && b <= 0x5A {
                if letter { return false }
                letter = true
            } else if b == 0x2E || b == 0x2D {
                letter = false
            } else {
                return false
            }
        }
        return p[hi - 2] == 0x2D || p[hi - 2] == 0x2E
    }

    private func nextIsInitial(_ q: Int) -> Bool {
        let (c, width) = UTF8Bytes.scalar(p, q)
        return UTF8Bytes.classify(c) == .upper && q + width < p.count && p[q + width] == 0x2E
    }

    /// "U.S", "F.B.I", "Ph.D": short letter groups separated by dots, starting with a capital
    /// (lowercase ones such as "x.y" are more often identifiers; known ones like "e.g" are in
    /// the tables).
    private func isDottedLetters(_ lo: Int, _ hi: Int) -> Bool {
        let len = hi - lo
        guard len >= 3, len <= 31, p[lo] >= 0x41 && p[lo] <= 0x5A else { return false }
        var dots = 0
        var run = 0
        for x in lo..<hi {
            let b = p[x]
            if b == 0x2E {
                if run == 0 { return false }
                dots += 1
                run = 0
            } else if UTF8Bytes.isASCIILetter(b) {
                run += 1
                if run > 2 { return false }
            } else {
                return false
            }
        }
        return dots > 0 && run > 0
    }

    // MARK: next word

    /// End of the word starting at `q`: letters (any non-ASCII byte except punctuation lead
    /// bytes E2/E3 and NBSP counts as part of a letter), at most `WordKey.maxLength + 1` bytes.
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

    private func nextIsIn(_ set: Set<WordKey>, _ q: Int) -> Bool {
        guard !set.isEmpty else { return false }
        let e = wordEnd(q)
        guard let key = WordKey.make(p, q, e) else { return false }
        return set.contains(key)
    }
}
