/// One word token: a byte range of the text and its length in Unicode scalars.
public struct WordToken: Sendable, Equatable {
    /// UTF-8 offset of the first byte.
    public var start: Int
    /// UTF-8 offset past the last byte.
    public var end: Int
    /// Length in Unicode scalars.
    public var chars: Int
}

/// Splits English text into words the way spaCy's rule-based English tokenizer does, which is
/// what datatrove's quality filters count with: whitespace-separated chunks, then leading
/// punctuation (prefixes), trailing punctuation, clitics and units (suffixes) peeled off in
/// turn, then inner splits (infixes: hyphens between letters, `...`, `/` and `:` before a
/// letter, …); contractions (`don't` → `do` `n't`) and abbreviations (`Mr.`, `e.g.`) are
/// exceptions. Works on UTF-8 bytes; tokens are byte ranges of the text.
public enum WordTokenizer {
    /// The tokens of `text` as strings (for tests and inspection).
    public static func words(_ text: String) -> [String] {
        var copy = text
        return copy.withUTF8 { b in
            var out: [WordToken] = []
            var scratch: [WordToken] = []
            tokenize(b, 0, b.count, into: &out, scratch: &scratch)
            return out.map { String(decoding: UnsafeBufferPointer(rebasing: b[$0.start..<$0.end]), as: UTF8.self) }
        }
    }

    /// Appends the tokens of `bytes[from..<to]` to `out`; `scratch` is working space.
    static func tokenize(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int,
                         into out: inout [WordToken], scratch: inout [WordToken]) {
        var i = from
        var chunkStart = -1
        // Bytes of the current chunk that are not ASCII letters, and where the first one is:
        // most chunks are plain words, perhaps with one trailing punctuation mark.
        var others = 0
        var firstOther = 0
        while i < to {
            let c = b[i]
            if c < 0x80 {
                if (c | 0x20) &- 0x61 < 26 {  // ASCII letter
                    if chunkStart < 0 { chunkStart = i; others = 0 }
                } else if TextScan.isASCIISpace(c) {
                    if chunkStart >= 0 { endChunk(b, chunkStart, i, others, firstOther, &out, &scratch); chunkStart = -1 }
                } else {
                    if chunkStart < 0 { chunkStart = i; others = 0 }
                    if others == 0 { firstOther = i }
                    others += 1
                }
                i += 1
            } else {
                let (v, len) = scalar(b, i, to)
                if QualityChars.bits(v) & QualityChars.space != 0 {
                    if chunkStart >= 0 { endChunk(b, chunkStart, i, others, firstOther, &out, &scratch); chunkStart = -1 }
                } else {
                    if chunkStart < 0 { chunkStart = i; others = 0 }
                    if others == 0 { firstOther = i }
                    others += 1
                }
                i += len
            }
        }
        if chunkStart >= 0 { endChunk(b, chunkStart, to, others, firstOther, &out, &scratch) }
    }

    /// Tokenizes the chunk `b[s..<e]`, taking the fast path when it is ASCII letters, or
    /// ASCII letters and one final mark that the suffix rules split off on its own.
    @inline(__always)
    private static func endChunk(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ others: Int, _ firstOther: Int,
                                 _ out: inout [WordToken], _ scratch: inout [WordToken]) {
        if others == 0 {
            // No prefix, suffix, infix or URL rule applies to letters alone: only an exception.
            if !emitSpecial(b, s, e, &out) { out.append(WordToken(start: s, end: e, chars: e - s)) }
        } else if others == 1 && firstOther == e - 1 && e - s >= 2 && splitsOffAfterLetter(b[e - 1], b[e - 2]) {
            // The whole chunk may be an exception (`Mr.`, `goin'`); otherwise the mark is a
            // suffix and the letters before it are a word or an exception.
            if emitSpecial(b, s, e, &out) { return }
            if !emitSpecial(b, s, e - 1, &out) { out.append(WordToken(start: s, end: e - 1, chars: e - 1 - s)) }
            out.append(WordToken(start: e - 1, end: e, chars: 1))
        } else {
            chunk(b, s, e, &out, &scratch)
        }
    }

    /// Whether the ASCII mark `c` at the end of a chunk, after the ASCII letter `before`, is
    /// split off as a one-character suffix (see `oneCharSuffix`; the longer suffix rules need
    /// a digit, `'s`, `..` or non-ASCII text, none of which a letter-and-mark chunk has).
    @inline(__always)
    private static func splitsOffAfterLetter(_ c: UInt8, _ before: UInt8) -> Bool {
        if c == 0x2E { return before &- 0x61 < 26 }  // "." after a lowercase letter
        return c < 0x80 && QualityChars.bits(UInt32(c)) & (QualityChars.suffix | QualityChars.icon) != 0
    }

    // MARK: - Chunks

    private static func chunk(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int,
                              _ out: inout [WordToken], _ suffixes: inout [WordToken]) {
        if emitSpecial(b, s, e, &out) { return }
        suffixes.removeAll(keepingCapacity: true)
        var lo = s, hi = e
        var lastSize = -1
        while lo < hi && hi - lo != lastSize {
            // (the whole chunk was looked up just above)
            if (lo != s || hi != e) && TokenizerExceptions.lookup(b, lo, hi) != nil { break }
            lastSize = hi - lo
            let pre = prefixLength(b, lo, hi)
            if pre > 0 && lo + pre < hi && TokenizerExceptions.lookup(b, lo + pre, hi) != nil {
                emit(b, lo, lo + pre, &out)
                lo += pre
                break
            }
            let suf = suffixLength(b, lo + pre, hi)
            if suf > 0 && hi - suf > lo && TokenizerExceptions.lookup(b, lo, hi - suf) != nil {
                suffixes.append(token(b, hi - suf, hi))
                hi -= suf
                break
            }
            if pre > 0 {
                emit(b, lo, lo + pre, &out)
                lo += pre
            }
            if suf > 0 {
                suffixes.append(token(b, hi - suf, hi))
                hi -= suf
            }
        }
        if lo < hi && !emitSpecial(b, lo, hi, &out) {
            if looksLikeURL(b, lo, hi) {
                emit(b, lo, hi, &out)
            } else {
                splitInfixes(b, lo, hi, &out)
            }
        }
        for t in suffixes.reversed() { out.append(t) }
    }

    @inline(__always)
    private static func emitSpecial(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ out: inout [WordToken]) -> Bool {
        guard let ex = TokenizerExceptions.lookup(b, lo, hi) else { return false }
        var p = lo
        if ex.cut1 > 0 { emit(b, p, lo + ex.cut1, &out); p = lo + ex.cut1 }
        if ex.cut2 > 0 { emit(b, p, lo + ex.cut2, &out); p = lo + ex.cut2 }
        emit(b, p, hi, &out)
        return true
    }

    @inline(__always)
    static func token(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> WordToken {
        WordToken(start: lo, end: hi, chars: UTF8Scalars.count(b, lo, hi))
    }

    @inline(__always)
    private static func emit(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ out: inout [WordToken]) {
        out.append(token(b, lo, hi))
    }

    // MARK: - Scalars

    /// The scalar at `i` (not past `end`) and its length; a stray byte decodes as U+FFFD.
    @inline(__always)
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (UInt32, Int) {
        let c = b[i]
        if c < 0x80 { return (UInt32(c), 1) }
        let len: Int
        var v: UInt32
        switch c {
        case 0xC0..<0xE0: len = 2; v = UInt32(c & 0x1F)
        case 0xE0..<0xF0: len = 3; v = UInt32(c & 0x0F)
        case 0xF0..<0xF8: len = 4; v = UInt32(c & 0x07)
        default: return (0xFFFD, 1)
        }
        guard i + len <= end else { return (0xFFFD, 1) }
        for k in 1..<len { v = (v << 6) | UInt32(b[i + k] & 0x3F) }
        return (v, len)
    }

    /// The scalar ending just before `i` (not before `start`) and its start, or nil.
    @inline(__always)
    static func scalarBefore(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ start: Int) -> (UInt32, Int)? {
        guard i > start else { return nil }
        var s = i - 1
        while s > start && b[s] & 0xC0 == 0x80 { s -= 1 }
        return (scalar(b, s, i).0, s)
    }

    @inline(__always)
    private static func bitsBefore(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ start: Int) -> UInt16 {
        guard let (v, _) = scalarBefore(b, i, start) else { return 0 }
        return QualityChars.bits(v)
    }

    @inline(__always)
    private static func bitsAt(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> UInt16 {
        guard i < end else { return 0 }
        return QualityChars.bits(scalar(b, i, end).0)
    }

    @inline(__always)
    private static func isASCIIDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    private static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard hi - lo >= n else { return false }
        let p = s.utf8Start
        for k in 0..<n where b[lo + k] != p[k] { return false }
        return true
    }

    private static func hasSuffix(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ s: [UInt8]) -> Bool {
        let n = s.count
        guard hi - lo >= n else { return false }
        for k in 0..<n where b[hi - n + k] != s[k] { return false }
        return true
    }

    // MARK: - Prefixes, suffixes, infixes

    /// Length in bytes of the prefix to split off the start of `b[lo..<hi]`, or 0.
    static func prefixLength(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        let c = b[lo]
        if c == 0x2E {  // ".." or more
            var j = lo
            while j < hi && b[j] == 0x2E { j += 1 }
            return j - lo >= 2 ? j - lo : 0
        }
        if c == 0x2B { return lo + 1 < hi && isASCIIDigit(b[lo + 1]) ? 0 : 1 }  // "+" not before a digit
        if c == 0x55 && hasPrefix(b, lo, hi, "US$") { return 3 }
        if (c == 0x43 || c == 0x41) && lo + 1 < hi && b[lo + 1] == 0x24 { return 2 }  // C$ A$
        let (v, len) = scalar(b, lo, hi)
        return QualityChars.bits(v) & (QualityChars.prefix | QualityChars.icon) != 0 ? len : 0
    }

    /// Units and currencies split off a number's end (`5km`, `20$`): the longest matching
    /// one wins, as the leftmost match of a regex search does.
    private static let numberSuffixes: [[UInt8]] = {
        let units = "km km² km³ m m² m³ dm dm² dm³ cm cm² cm³ mm mm² mm³ ha µm nm yd in ft kg g mg µg t lb oz m/s km/h kmh mph hPa Pa mbar mb MB kb KB gb GB tb TB T G M K % км км² км³ м м² м³ дм дм² дм³ см см² см³ мм мм² мм³ нм кг г мг м/с км/ч кПа Па мбар Кб КБ кб Мб МБ мб Гб ГБ гб Тб ТБ тбكم كم² كم³ م م² م³ سم سم² سم³ مم مم² مم³ كم غرام جرام جم كغ ملغ كوب اكواب"
        let currency = "$ £ € ¥ ฿ US$ C$ A$ ₽ ﷼ ₴ ₠ ₡ ₢ ₣ ₤ ₥ ₦ ₧ ₨ ₩ ₪ ₫ € ₭ ₮ ₯ ₰ ₱ ₲ ₳ ₴ ₵ ₶ ₷ ₸ ₹ ₺ ₻ ₼ ₽ ₾ ₿ +"
        let all = (units + " " + currency).split(separator: " ").map { Array($0.utf8) }
        return all.sorted { $0.count > $1.count }
    }()

    /// Length in bytes of the suffix to split off the end of `b[lo..<hi]`, or 0: the match
    /// that starts leftmost among spaCy's suffix rules.
    static func suffixLength(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        guard lo < hi else { return 0 }
        if hi - lo >= 2 && b[hi - 1] == 0x2E && b[hi - 2] == 0x2E {
            var j = hi
            while j > lo && b[j - 1] == 0x2E { j -= 1 }
            return hi - j
        }
        var best = 0
        // "……"
        if hi - lo >= 6 && b[hi - 1] == 0xA6 && b[hi - 3] == 0xE2 && b[hi - 4] == 0xA6 && b[hi - 6] == 0xE2 && b[hi - 5] == 0x80 && b[hi - 2] == 0x80 {
            best = 6
        }
        // 's 'S ’s ’S
        let last = b[hi - 1]
        if last == 0x73 || last == 0x53 {
            if hi - lo >= 2 && b[hi - 2] == 0x27 { best = max(best, 2) }
            if hi - lo >= 4 && b[hi - 4] == 0xE2 && b[hi - 3] == 0x80 && b[hi - 2] == 0x99 { best = max(best, 4) }
        }
        // units and currencies after a digit (a unit is at most 10 bytes long)
        var digitNearEnd = false
        var k = hi - 2
        while k >= lo && k >= hi - 12 { if isASCIIDigit(b[k]) { digitNearEnd = true; break }; k -= 1 }
        if digitNearEnd {
            best = max(best, numberSuffixLength(b, lo, hi, longerThan: best))
        }
        if best > 0 { return best }
        return oneCharSuffix(b, lo, hi)
    }

    /// The last bytes of `numberSuffixes`: a chunk ending otherwise (as numbers do, in a
    /// digit) matches none of them, and the list is not walked.
    private static let numberSuffixLastBytes: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for s in numberSuffixes { t[Int(s[s.count - 1])] = true }
        return t
    }()

    private static func numberSuffixLength(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, longerThan best: Int) -> Int {
        guard numberSuffixLastBytes[Int(b[hi - 1])] else { return 0 }
        for s in numberSuffixes where s.count > best && hi - lo > s.count && hasSuffix(b, lo, hi, s) && isASCIIDigit(b[hi - s.count - 1]) {
            return s.count
        }
        return 0
    }

    private static func oneCharSuffix(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        // one character
        guard let (v, vs) = scalarBefore(b, hi, lo) else { return 0 }
        let bits = QualityChars.bits(v)
        if bits & (QualityChars.suffix | QualityChars.icon) != 0 { return hi - vs }
        if v == 0x2E, let (p, ps) = scalarBefore(b, vs, lo) {
            let pb = QualityChars.bits(p)
            if pb & QualityChars.periodBefore != 0 { return 1 }
            if pb & QualityChars.upper != 0 && bitsBefore(b, ps, lo) & QualityChars.upper != 0 { return 1 }
            if p == 0x46 || p == 0x66 || p == 0x43 || p == 0x63 || p == 0x4B || p == 0x6B, let (d, _) = scalarBefore(b, ps, lo), d == 0xB0 { return 1 }
        }
        return 0
    }

    /// Whether the rest of a chunk is a URL, kept whole: a scheme (`https://…`), `www.…`,
    /// or a domain name followed by a path (`example.com/news`).
    private static func looksLikeURL(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        guard hi - lo >= 5 else { return false }
        if hasPrefix(b, lo, hi, "www.") { return true }
        var i = lo
        var dots = 0
        var tldLetters = 0  // letters since the last dot; -1 once something else came
        while i < hi {
            let c = b[i]
            if c == 0x3A {
                return i > lo && i + 2 < hi && b[i + 1] == 0x2F && b[i + 2] == 0x2F
            }
            if c == 0x2F { return dots > 0 && tldLetters >= 2 && b[lo] != 0x2E }
            if c == 0x2E {
                dots += 1
                tldLetters = 0
            } else {
                let letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
                if !(letter || isASCIIDigit(c) || c == 0x2D || c == 0x5F) { return false }
                if tldLetters >= 0 { tldLetters = letter ? tldLetters + 1 : -1 }
            }
            i += 1
        }
        return false
    }

    /// Splits `b[lo..<hi]` at infixes and emits the pieces.
    private static func splitInfixes(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ out: inout [WordToken]) {
        var start = lo
        var i = lo
        while i < hi {
            let m = infixLength(b, i, lo, hi)
            if m == 0 {
                i += scalar(b, i, hi).1
                continue
            }
            if i != lo {  // an infix at the very start is not split off
                if i != start { emit(b, start, i, &out) }
                emit(b, i, i + m, &out)
                start = i + m
            }
            i += m
        }
        if start < hi { emit(b, start, hi, &out) }
    }

    /// Length of the infix starting at `i` inside `b[lo..<hi]`, or 0.
    private static func infixLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ lo: Int, _ hi: Int) -> Int {
        let c = b[i]
        if c < 0x80 {
            switch c {
            case 0x2E:  // ".." run, or "." between lowercase and uppercase
                if i + 1 < hi && b[i + 1] == 0x2E {
                    var j = i
                    while j < hi && b[j] == 0x2E { j += 1 }
                    return j - i
                }
                let before = bitsBefore(b, i, lo), after = bitsAt(b, i + 1, hi)
                return before & (QualityChars.lower | QualityChars.quote) != 0
                    && after & (QualityChars.upper | QualityChars.quote) != 0 ? 1 : 0
            case 0x2B, 0x2D, 0x2A, 0x5E:  // + - * ^ between digits
                if i > lo && isASCIIDigit(b[i - 1]) && i + 1 < hi && (isASCIIDigit(b[i + 1]) || b[i + 1] == 0x2D) { return 1 }
                if c == 0x2D { return hyphen(b, i, lo, hi, 1) }
                return 0
            case 0x2C:
                return bitsBefore(b, i, lo) & QualityChars.alpha != 0 && bitsAt(b, i + 1, hi) & QualityChars.alpha != 0 ? 1 : 0
            case 0x7E:
                return hyphen(b, i, lo, hi, 1)
            case 0x3A, 0x3C, 0x3E, 0x3D, 0x2F:
                guard i > lo, bitsAt(b, i + 1, hi) & QualityChars.alpha != 0 else { return 0 }
                let p = b[i - 1]
                return isASCIIDigit(p) || bitsBefore(b, i, lo) & QualityChars.alpha != 0 ? 1 : 0
            default:
                return 0
            }
        }
        let (v, len) = scalar(b, i, hi)
        if v == 0x2026 { return len }
        if v == 0x2013 || v == 0x2014 { return hyphen(b, i, lo, hi, len) }
        return QualityChars.bits(v) & QualityChars.icon != 0 ? len : 0
    }

    /// A hyphen infix (`-` `–` `—` `--` `---` `——` `~`) between a letter or digit and a letter.
    private static func hyphen(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ lo: Int, _ hi: Int, _ len: Int) -> Int {
        guard i > lo else { return 0 }
        let before = bitsBefore(b, i, lo)
        guard before & QualityChars.alpha != 0 || isASCIIDigit(b[i - 1]) else { return 0 }
        if bitsAt(b, i + len, hi) & QualityChars.alpha != 0 { return len }
        // doubled forms: "--", "---", "——"
        if b[i] == 0x2D {
            var j = i
            while j < hi && j - i < 3 && b[j] == 0x2D { j += 1 }
            if j - i >= 2 {
                if bitsAt(b, i + 2, hi) & QualityChars.alpha != 0 { return 2 }
                if j - i == 3 && bitsAt(b, i + 3, hi) & QualityChars.alpha != 0 { return 3 }
            }
        } else if len == 3 && b[i + 2] == 0x94 && i + 6 <= hi && b[i + 3] == 0xE2 && b[i + 4] == 0x80 && b[i + 5] == 0x94 {
            if bitsAt(b, i + 6, hi) & QualityChars.alpha != 0 { return 6 }
        }
        return 0
    }
}
