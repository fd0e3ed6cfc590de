/// Repairs punctuation artifacts of scraped and spun text, on text whose spaces are already
/// collapsed and whose lines are trimmed:
/// - a space before `,` `.` `;` `:` (`word , next` → `word, next`), also when the space after
///   it is missing (`Streik ,aber` → `Streik, aber`, `the vote .Then` → `the vote. Then`); the
///   space before `;` and `:` is kept in French (French typography wants one): by the record's
///   language when known, else by ``FrenchContext`` (kept when it cannot tell);
/// - a comma or full stop doubled (`the minister,, who`, `tonight.. Police`), but not an
///   ellipsis nor the low opening quote `,,Hallo''`;
/// - spaces inside brackets (`( about 200 people )` → `(about 200 people)`);
/// - a missing space after a comma before a word (`5%,while`, `Berlin,die`) in Latin, Greek
///   and Cyrillic script, outside numbers, URLs and code-like tokens;
/// - doubled punctuation before a comma (`summit. , which` → `summit, which`; after an
///   abbreviation the period stays: `etc. , and` → `etc., and`);
/// - a missing space after an ellipsis or a bracketed ellipsis / citation (`wait…what`,
///   `[…]we`, `[3]The` → `wait… what`, `[…] we`, `[3] The`).
///
/// Decimals (`.5`), URLs and e-mails (`.com`), ellipses (` ...`), emoticons (` :)`) and
/// times (`10 : 30`) are left alone: punctuation is only moved when a space, a line end or a
/// closing quote follows it.
enum PunctuationFix {
    /// The fixed text, or `nil` when nothing changed; `fixed` counts the repairs.
    /// `languageKnown` false: whether the text is French is decided by ``FrenchContext``.
    static func fix(_ p: UnsafeBufferPointer<UInt8>, french: Bool, languageKnown: Bool = true, fixed: inout Int) -> [UInt8]? {
        // Whether the space before `;` and `:` goes: decided once, when first needed.
        var notFrenchDecided: Bool? = languageKnown ? !french : nil
        func notFrench() -> Bool {
            if let d = notFrenchDecided { return d }
            let d = FrenchContext.verdict(p) == .other
            notFrenchDecided = d
            return d
        }
        let n = p.count
        var out: [UInt8] = []
        var changed = false
        var copied = 0
        var i = 0

        func start() {
            if !changed { changed = true; out.reserveCapacity(n + 16) }
        }
        /// The `d`-th byte before `i` in the text as repaired so far (`out`, then the input from
        /// `copied`), 0 before its start: a repair just before `i` (`d , ,` → `d, ,`) must be
        /// seen by the next one, or a run would take one cleaning pass per item.
        /// A repair that keeps the input up to `end` (exclusive) and writes a space after it;
        /// the scan goes on at `end`.
        func keepThenSpace(upTo end: Int) {
            start()
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<end]))
            out.append(0x20)
            fixed += 1
            i = end
            copied = end
        }
        func before(_ d: Int) -> UInt8 {
            let k = i - d
            if k >= copied { return k >= 0 ? p[k] : 0 }
            let o = out.count - (copied - k)
            return o >= 0 ? out[o] : 0
        }

        let interesting = Self.interesting
        while i < n {
            // Skip to the next byte that may start an artifact.
            while i < n && !interesting[Int(p[i])] { i += 1 }
            guard i < n else { break }
            let c0 = p[i]
            // Brackets padded inside: `( about 200 people )`.
            if c0 == 0x28 || c0 == 0x5B {
                if let (inner, close) = Self.paddedBrackets(p, i) {
                    start()
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied...i]))
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[inner]))
                    out.append(p[close])
                    fixed += 1
                    i = close + 1
                    copied = i
                } else {
                    i += 1
                }
                continue
            }
            // `,` or `.` right after a word: doubled, or a comma glued to the next word.
            if (c0 == 0x2C || c0 == 0x2E) && i > 0 && p[i - 1] != 0x20 && p[i - 1] != 0x0A {
                // Most commas and full stops are followed by a space: nothing to look at.
                let d = i + 1 < n ? p[i + 1] : 0x20
                if d == 0x20 || d == 0x0A || d == 0x22 || isDigit(d) {
                    i += 1
                    continue
                }
                if d == c0 && Self.isDoubled(p, i) {
                    start()
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied...i]))
                    if c0 == 0x2C && i + 2 < n && p[i + 2] != 0x20 && p[i + 2] != 0x0A { out.append(0x20) }
                    fixed += 1
                    i += 2
                    copied = i
                } else if c0 == 0x2C && d != c0 && Self.isGluedComma(p, i) {
                    keepThenSpace(upTo: i + 1)
                } else {
                    i += 1
                }
                continue
            }
            // `, . ; :` after a space: look from the space.
            if p[i] < 0x5D && p[i] != 0x29 {
                if i >= 2 && p[i - 1] == 0x20 { i -= 1 } else { i += 1; continue }
            }
            let c = p[i]
            if c == 0x20, i > 0, i + 1 < n, isArtifact(p[i + 1]) {
                let punct = p[i + 1]
                let prev = before(1)
                let clean = followsCleanly(p, i + 2, punct: punct)
                let glued = !clean && startsGluedWord(p, i + 2, punct: punct)
                if prev != 0x0A && prev != 0x20 && (clean || glued)
                    && (punct == 0x2C || punct == 0x2E || notFrench())
                    && !(isArtifact(prev) && (i < 2 || before(2) == 0x0A || before(2) == 0x20))
                    && !(punct == 0x3A && isDigit(prev) && i + 3 < n && isDigit(p[i + 3]))
                    && !(punct == 0x3A && Self.inColonSeries(p, i))
                    && !((punct == 0x3A || punct == 0x3B) && Self.lineLooksLikeCode(p, i)) {
                    start()
                    if punct == 0x2C && isArtifact(prev) && i >= 2 && before(2) != prev && before(2) != 0x20 && before(2) != 0x0A {
                        // "X. ," → "X," — unless the period ends an abbreviation.
                        if prev == 0x2E && isAbbreviation(p, end: i - 1) {
                            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<i]))
                        } else if i - 1 >= copied {
                            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<(i - 1)]))
                        } else {
                            out.removeLast()  // the period came from the repair just before
                        }
                    } else {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<i]))
                    }
                    out.append(punct)
                    if glued { out.append(0x20) }
                    fixed += 1
                    i += 2
                    copied = i
                    continue
                }
                i += 2  // past the punctuation
                continue
            }
            // "…" + letter, "[…]" / "[3]" + letter: a space is missing.
            if c == 0xE2, i + 3 < n, p[i + 1] == 0x80, p[i + 2] == 0xA6, i > 0, p[i - 1] != 0x20, p[i - 1] != 0x0A,
               p[i - 1] != 0x5B, p[i - 1] != 0x28, isLetterStart(p, i + 3) {
                keepThenSpace(upTo: i + 3)
                continue
            }
            if (c == 0x5D || c == 0x29), i + 1 < n, isLetterStart(p, i + 1), closesEllipsisOrCitation(p, i) {
                keepThenSpace(upTo: i + 1)
                continue
            }
            i += 1
        }
        guard changed else { return nil }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<n]))
        return out
    }

    /// Bytes where an artifact may be: `, . ; :` (after a space), `…`'s lead byte, `]`, `)`.
    nonisolated(unsafe) static let interesting: UnsafeMutablePointer<Bool> = {
        let t = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
        t.initialize(repeating: false, count: 256)
        for b in [0x2C, 0x2E, 0x3B, 0x3A, 0xE2, 0x5D, 0x29, 0x28, 0x5B] { t[b] = true }
        return t
    }()

    @inline(__always) static func isArtifact(_ d: UInt8) -> Bool { d == 0x2C || d == 0x2E || d == 0x3B || d == 0x3A }
    /// ``isArtifact(_:)`` on the eight byte lanes of `w` (``ByteLanes``).
    @inline(__always) static func artifactLanes(_ w: UInt64) -> UInt64 {
        ByteLanes.equal(w, 0x2C) | ByteLanes.equal(w, 0x2E) | ByteLanes.equal(w, 0x3B) | ByteLanes.equal(w, 0x3A)
    }
    @inline(__always) static func isDigit(_ d: UInt8) -> Bool { d >= 0x30 && d <= 0x39 }

    /// Whether `q` may hold an artifact the character pass does not flag (it flags a space
    /// before `, . ; :`, the common case): `,,`, `..`, a comma before a letter, a bracket padded
    /// inside. Adding these to the character pass's eight-byte loop cost a fifth of the clean
    /// stage's speed; here `memchr` finds them at a call per comma, full stop and bracket.
    static func mayHoldUnflaggedArtifact(_ q: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = q.baseAddress, q.count > 1 else { return false }
        let n = q.count
        var i = 0
        while let k = ByteSearch.find(0x2C, base, i, n) {
            if k + 1 < n {
                let d = q[k + 1]
                if d == 0x2C || (d | 0x20) &- 0x61 < 26 || d >= 0xC3 { return true }
            }
            i = k + 2
        }
        i = 0
        while let k = ByteSearch.find(0x2E, base, i, n) {
            if k + 1 < n && q[k + 1] == 0x2E { return true }
            i = k + 2
        }
        func padded(_ b: UInt8, after: Bool) -> Bool {
            var i = 0
            while let k = ByteSearch.find(b, base, i, n) {
                if after ? k + 1 < n && q[k + 1] == 0x20 : k > 0 && q[k - 1] == 0x20 { return true }
                i = k + 1
            }
            return false
        }
        return padded(0x28, after: true) || padded(0x29, after: false) || padded(0x5B, after: true) || padded(0x5D, after: false)
    }

    /// Whether what follows punctuation at `j` lets it move: the end, a space, a line break,
    /// or (for `,` and `.`) a closing quote or bracket.
    static func followsCleanly(_ p: UnsafeBufferPointer<UInt8>, _ j: Int, punct: UInt8) -> Bool {
        guard j < p.count else { return true }
        let c = p[j]
        if c == 0x20 || c == 0x0A { return true }
        guard punct == 0x2C || punct == 0x2E else { return false }
        if c == 0x22 || c == 0x27 || c == 0x29 { return true }
        // ” ’ »
        if c == 0xE2 && j + 2 < p.count && p[j + 1] == 0x80 && (p[j + 2] == 0x9D || p[j + 2] == 0x99) { return true }
        if c == 0xC2 && j + 1 < p.count && p[j + 1] == 0xBB { return true }
        return false
    }

    /// Whether a word glued to punctuation moved off a space starts at `j`: after `,` `;` `:` a
    /// word of two letters or more (`Streik ,aber`, `direktion :Impfen`); after `.` a capital
    /// and a small letter (`vote .Then`), never a file name or a domain (`.txt`, `.NET`, `.com`).
    static func startsGluedWord(_ p: UnsafeBufferPointer<UInt8>, _ j: Int, punct: UInt8) -> Bool {
        guard j < p.count else { return false }
        if punct == 0x2C { return startsWord(p, j) && !closesSingleLowQuote(p, j) }
        // `Integrationsdirektion :Impfen`; never an emoticon (`:D`, `;P`).
        if punct == 0x3A || punct == 0x3B { return alphabeticLetters(p, j) >= 2 }
        guard punct == 0x2E, let (first, len) = scriptLetter(p, j), first.properties.isUppercase,
              let (second, _) = scriptLetter(p, j + len) else { return false }
        return second.properties.isLowercase
    }

    /// Whether the line around `i` holds code signs (`= { } [ ] < > | $` or a backtick), as in
    /// `lambda x : i * x` or `{"user-agent" : UA}`: its ` : ` and ` ; ` are syntax.
    static func lineLooksLikeCode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var a = i
        while a > 0 && p[a - 1] != 0x0A && i - a < 300 { a -= 1 }
        var b = i
        while b < p.count && p[b] != 0x0A && b - i < 300 { b += 1 }
        for k in a..<b {
            switch p[k] {
            case 0x3D, 0x7B, 0x7D, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x24, 0x60: return true
            default: continue
            }
        }
        return false
    }

    /// Whether the spaced colon at `i` (` : `) is one of a series on its line (`Zucker : Wasser
    /// im Verhältnis 1 : 1 : 1,5`, a table row): a ratio or a layout, not a misplaced colon.
    static func inColonSeries(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var k = max(0, i - 60)
        let end = min(p.count - 2, i + 62)
        var count = 0
        while k < end {
            if p[k] == 0x0A { if k < i { count = 0 } else { break } }
            if p[k] == 0x20 && p[k + 1] == 0x3A && p[k + 2] == 0x20 { count += 1 }
            k += 1
        }
        return count >= 2
    }

    /// Whether a single closing quote (`‘ ’ ' ´ \``) follows on the line within a few words of
    /// `j`: then the comma before `j` is the German low single quote typed as a comma
    /// (`Angabe ,religiöse Gründe‘`), not a misplaced comma.
    static func closesSingleLowQuote(_ p: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
        var k = j
        let end = min(p.count, j + 80)
        while k < end && p[k] != 0x0A {
            let c = p[k]
            if c == 0x27 || c == 0x60 { return true }
            if c == 0xC2, k + 1 < end, p[k + 1] == 0xB4 { return true }
            if c == 0xE2, k + 2 < end, p[k + 1] == 0x80, p[k + 2] == 0x98 || p[k + 2] == 0x99 { return true }
            if c == 0x2E || c == 0x21 || c == 0x3F { return false }   // the sentence ended first
            k += 1
        }
        return false
    }

    /// The letter of Latin, Greek or Cyrillic script at `j` and its length in bytes — the
    /// scripts whose commas and full stops are followed by a space (CJK writes none).
    static func scriptLetter(_ p: UnsafeBufferPointer<UInt8>, _ j: Int) -> (Unicode.Scalar, Int)? {
        guard j < p.count else { return nil }
        let c = p[j]
        if c < 0x80 {
            return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A ? (Unicode.Scalar(c), 1) : nil
        }
        guard c >= 0xC3 && c <= 0xD4, j + 1 < p.count, p[j + 1] & 0xC0 == 0x80 else { return nil }
        let v = UInt32(c & 0x1F) << 6 | UInt32(p[j + 1] & 0x3F)
        guard let s = Unicode.Scalar(v), s.properties.isAlphabetic, v != 0xD7, v != 0xF7 else { return nil }
        return (s, 2)
    }

    /// Whether a word starts at `j`: two letters or more, or one letter and a space
    /// (`rethought ,I love`, `tentures,a été`), never a lone letter in code (`[z,j]`).
    static func startsWord(_ p: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
        let n = alphabeticLetters(p, j)
        if n >= 2 { return true }
        guard n == 1, let (_, len) = scriptLetter(p, j) else { return false }
        return j + len < p.count && p[j + len] == 0x20
    }

    /// How many letters of ``scriptLetter(_:_:)`` start at `j` (counted up to 3).
    static func alphabeticLetters(_ p: UnsafeBufferPointer<UInt8>, _ j: Int) -> Int {
        var k = j, count = 0
        while count < 3, let (_, len) = scriptLetter(p, k) { k += len; count += 1 }
        return count
    }

    /// Whether the `,` or `.` at `i` is doubled by mistake: `minister,, who` (a word, two
    /// commas, a space or the line's end), `tonight.. Police` (a word, two full stops, a space
    /// and a capital) — never three or more, never `,,` opening a quote.
    static func isDoubled(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = p[i]
        guard i + 1 < p.count, p[i + 1] == c, i > 0, p[i - 1] != c, p[i - 1] != 0x2C, p[i - 1] != 0x2E else { return false }
        guard scriptLetter(p, i - 1) != nil || isDigit(p[i - 1]) || p[i - 1] >= 0x80 || p[i - 1] == 0x29
                || p[i - 1] == 0x22 || p[i - 1] == 0x27 else { return false }
        let after = i + 2
        if c == 0x2C {
            // `la france,,ainsi`: the pair glued to the next word too (fixed by the caller's
            // space); not `Wort,,Zitat“`, where a capital opens a quote.
            let glued = after < p.count && alphabeticLetters(p, after) >= 2
                && scriptLetter(p, after).map { $0.0.properties.isLowercase } == true
            guard glued || after == p.count || p[after] == 0x20 || p[after] == 0x0A else { return false }
            // `,,wyłącznika awaryjnego,,`: the pair closes a quote that `,,` opened on the line.
            var k = i - 1
            while k > 0 && i - k < 200 && p[k] != 0x0A {
                if p[k] == 0x2C && p[k - 1] == 0x2C && (k < 2 || p[k - 2] == 0x20 || p[k - 2] == 0x0A || p[k - 2] == 0x28) { return false }
                k -= 1
            }
            return true
        }
        // `o.ä..` at the end of a line: an abbreviation's period and the full stop.
        if after == p.count || p[after] == 0x0A { return isAbbreviation(p, end: i) && p[i - 1] != 0x2E }
        guard after + 1 < p.count, p[after] == 0x20, let (s, _) = scriptLetter(p, after + 1) else { return false }
        return s.properties.isUppercase
    }

    /// Whether the `,` at `i` is glued to the next word: a word of two letters or more (or a
    /// number with `%`, or a closing bracket or quote) before it, a word of two letters or more
    /// after it, all in Latin, Greek or Cyrillic script, and no URL, e-mail or code around
    /// (`/`, `@`, `=`, `_`, `\`, `:` in the token).
    static func isGluedComma(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard startsWord(p, i + 1) else { return false }
        let prev = p[i - 1]
        if prev == 0x25 || prev == 0x29 {
            // `5%,while`, `(2019),and`
        } else if prev == 0x22 || prev == 0x27 {
            // `"quoted",and`: the quote closes a word.
            guard i >= 2, p[i - 2] != 0x20 else { return false }
        } else {
            // Two letters of the script before the comma.
            var k = i - 1
            while k > 0 && p[k] & 0xC0 == 0x80 { k -= 1 }
            guard scriptLetter(p, k) != nil else { return false }
            var j = k - 1
            while j > 0 && p[j] & 0xC0 == 0x80 { j -= 1 }
            guard j >= 0, scriptLetter(p, j) != nil else { return false }
        }
        // The token around the comma (to the spaces on both sides) holds no URL or code sign,
        // and the part after it no file name or domain (`…,podcast140.html`).
        var a = i - 1
        while a > 0 && p[a - 1] != 0x20 && p[a - 1] != 0x0A && i - a < 256 { a -= 1 }
        var b = i + 1
        while b < p.count && p[b] != 0x20 && p[b] != 0x0A && b - i < 256 { b += 1 }
        for k in a..<b {
            switch p[k] {
            case 0x2F, 0x40, 0x3D, 0x5F, 0x5C, 0x3A, 0x3C, 0x3E, 0x7B, 0x7D, 0x23: return false
            case 0x2E where k > i && k + 1 < b && (p[k + 1] | 0x20) >= 0x61 && (p[k + 1] | 0x20) <= 0x7A: return false
            default: continue
            }
        }
        // An option's value on a command line (`-u root,nobody`).
        if a >= 2, p[a - 1] == 0x20 {
            var t = a - 2
            while t > 0 && p[t - 1] != 0x20 && p[t - 1] != 0x0A { t -= 1 }
            // Past opening quotes and brackets (`»-u root,nobody«`).
            while t < a - 1 {
                if p[t] == 0x22 || p[t] == 0x27 || p[t] == 0x28 || p[t] == 0x5B { t += 1 }
                else if p[t] == 0xC2, p[t + 1] == 0xAB || p[t + 1] == 0xBB { t += 2 }
                else if p[t] == 0xE2, p[t + 1] == 0x80, p[t + 2] == 0x9C || p[t + 2] == 0x9E { t += 3 }
                else { break }
            }
            if t < a - 1, p[t] == 0x2D { return false }
        }
        return true
    }

    /// Whether the bracket at `i` encloses text padded with spaces on the same line:
    /// `( about 200 people )`, `(about 200 people )`, `[ 1 ]`. Returns the unpadded inside and
    /// the closing bracket's index. The inside must start with a letter, digit or quote and
    /// end with one or with `. ! ? %`, hold no other bracket and be at most 200 bytes, so that
    /// emoticons (`( ^_^ )`), empty checkboxes (`[ ]`) and ASCII art stay.
    static func paddedBrackets(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Range<Int>, Int)? {
        let open = p[i], close: UInt8 = open == 0x28 ? 0x29 : 0x5D
        var j = i + 1
        let limit = min(p.count, i + 202)
        while j < limit {
            let c = p[j]
            if c == close { break }
            if c == 0x0A || c == 0x28 || c == 0x29 || c == 0x5B || c == 0x5D { return nil }
            j += 1
        }
        guard j < limit, p[j] == close else { return nil }
        // `(( Ausdruck ))`: doubled brackets are code, not prose.
        if i > 0 && p[i - 1] == open || j + 1 < p.count && p[j + 1] == close { return nil }
        var lo = i + 1, hi = j
        while lo < hi && p[lo] == 0x20 { lo += 1 }
        while hi > lo && p[hi - 1] == 0x20 { hi -= 1 }
        guard lo > i + 1 || hi < j, hi > lo else { return nil }
        func wordByte(_ c: UInt8) -> Bool { c >= 0x80 || isDigit(c) || (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c == 0x22 || c == 0x27 }
        guard wordByte(p[lo]) || (p[lo] == 0x2B || p[lo] == 0x2D) && hi - lo > 2,
              wordByte(p[hi - 1]) || [0x2E, 0x21, 0x3F, 0x25].contains(p[hi - 1]) else { return nil }
        // One letter alone is a checkbox mark (`[ x ]`); one digit is a citation (`[ 1 ]`).
        if hi - lo == 1 && !isDigit(p[lo]) { return nil }
        // The first byte of the inside must start a letter, not continue a combining sequence.
        if p[lo] >= 0x80, p[lo] & 0xC0 == 0x80 { return nil }
        if p[lo] >= 0x80, !WordClass.classify(p, lo).isLetter { return nil }
        return (lo..<hi, j)
    }

    /// Whether a letter starts at `j` (ASCII letter, or a non-ASCII alphabetic scalar).
    static func isLetterStart(_ p: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
        j < p.count && WordClass.classify(p, j).isLetter
    }

    /// Whether the bracket at `i` closes `[…]`, `[...]`, `(…)` or a numeric citation `[12]`.
    static func closesEllipsisOrCitation(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let open: UInt8 = p[i] == 0x5D ? 0x5B : 0x28
        if i >= 4 && p[i - 4] == open && p[i - 3] == 0xE2 && p[i - 2] == 0x80 && p[i - 1] == 0xA6 { return true }
        if i >= 4 && p[i - 4] == open && p[i - 3] == 0x2E && p[i - 2] == 0x2E && p[i - 1] == 0x2E { return true }
        guard open == 0x5B else { return false }
        var j = i - 1
        while j >= 0 && isDigit(p[j]) && i - j <= 3 { j -= 1 }
        return j >= 0 && j < i - 1 && p[j] == 0x5B
    }

    /// Whether the word that ends with the period at `end` is an abbreviation: one letter
    /// (an initial), a word with inner periods (`U.S.`, `e.g.`), or a known abbreviation.
    static func isAbbreviation(_ p: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
        var j = end
        while j > 0 && p[j - 1] != 0x20 && p[j - 1] != 0x0A { j -= 1 }
        let word = UnsafeBufferPointer(rebasing: p[j..<end])
        if word.count == 1 { return true }
        if word.contains(0x2E) { return true }
        var lower = [UInt8](word)
        for k in lower.indices where lower[k] < 0x80 { lower[k] |= 0x20 }
        return abbreviations.contains(lower)
    }

    static let abbreviations: Set<[UInt8]> = Set([
        "etc", "inc", "ltd", "corp", "co", "jr", "sr", "vs", "approx", "dept", "est", "no", "nos", "vol",
        "mr", "mrs", "ms", "dr", "prof", "st", "mt", "gen", "gov", "sen", "rep", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "usw", "bzw", "ca", "vgl", "nr", "sra", "sr",
        "cf", "ibid", "al", "fig", "p", "pp", "ed", "eds", "av", "avda", "mme", "mlle", "ss", "sig", "dott",
    ].map { Array($0.utf8) })
}
