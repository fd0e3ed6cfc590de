enum GopherQuality {
    /// Gopher's stop words (English), and as many of the most frequent function words of the
    /// other languages `Pipelines/filtered.yaml` keeps and their neighbours: English ones on
    /// German or French text dropped nearly every document. Words of 2–4 bytes (the key packs
    /// four), lower case as Gopher's; the check applies to a language with a list only.
    static let stopWordLists: [String: [String]] = [
        "en": ["the", "be", "to", "of", "and", "that", "have", "with"],
        "de": ["der", "die", "und", "das", "ist", "zu", "den", "mit"],
        "fr": ["le", "la", "les", "et", "des", "est", "une", "que"],
        "es": ["el", "la", "los", "que", "en", "del", "las", "por"],
        "it": ["il", "di", "che", "la", "per", "una", "non", "del"],
        "pt": ["os", "que", "do", "da", "em", "um", "para", "não"],
        "nl": ["de", "het", "een", "en", "van", "is", "dat", "op"],
    ]

    /// Each list as `key(_:_:_:)` computes its words: their bytes and length in one integer.
    private static let stopWordKeys: [String: [UInt64]] = stopWordLists.mapValues { words in
        words.map { word in Array(word.utf8).withUnsafeBufferPointer { key($0, 0, $0.count) } }
    }

    /// The stop-word keys for a text in `language`: English's for text of no known language
    /// (`nil`, `und`: Gopher's own), nil for a language without a list (no check).
    static func stopWords(for language: String?) -> [UInt64]? {
        guard let language, language != "und" else { return stopWordKeys["en"] }
        return stopWordKeys[language]
    }

    /// The bytes of a word of at most 4 bytes (little-endian) and its length.
    @inline(__always)
    private static func key(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ n: Int) -> UInt64 {
        var key = UInt64(n) << 32
        for j in 0..<n { key |= UInt64(b[lo + j]) << UInt64(8 * j) }
        return key
    }

    static func compute(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [WordToken], language: String? = nil) -> GopherQualitySignals {
        var s = GopherQualitySignals()
        s.words = tokens.count
        var nonSymbolChars = 0
        var alphaWords = 0
        var stopSeen: UInt8 = 0
        // (globals read once: each read of a global goes through its lazy initializer)
        let classes = QualityChars.table
        let listed = Self.stopWords(for: language)
        let stopWords = listed ?? []
        for t in tokens {
            var nonSymbol = false
            var alpha = false
            var i = t.start
            while i < t.end && !(nonSymbol && alpha) {
                let bits: UInt16
                if b[i] < 0x80 {
                    bits = classes[Int(b[i])]
                    i += 1
                } else {
                    let (v, l) = WordTokenizer.scalar(b, i, t.end)
                    bits = QualityChars.bits(v, classes)
                    i += l
                }
                if bits & QualityChars.gopherPunct == 0 { nonSymbol = true }
                if bits & QualityChars.alpha != 0 { alpha = true }
            }
            if nonSymbol { s.nonSymbolWords += 1; nonSymbolChars += t.chars }
            if alpha { alphaWords += 1 }
            let n = t.end - t.start
            if n >= 2 && n <= 4 {
                let key = Self.key(b, t.start, n)
                for k in 0..<stopWords.count where stopWords[k] == key { stopSeen |= 1 << UInt8(k) }
            }
        }
        s.stopWords = listed == nil ? nil : stopSeen.nonzeroBitCount
        if s.nonSymbolWords > 0 { s.meanWordLength = Double(nonSymbolChars) / Double(s.nonSymbolWords) }
        // `#` counted without branches (the loop vectorizes); `...` (non-overlapping, left to
        // right) and `…` from the `.` and 0xE2 bytes memchr finds: the two never overlap.
        let n = b.count
        var hashes = 0, ellipses = 0
        for c in b { hashes &+= c == 0x23 ? 1 : 0 }
        var i = TextScan.byte(0x2E, b, 0, n)
        while i < n {
            if i + 2 < n && b[i + 1] == 0x2E && b[i + 2] == 0x2E { ellipses += 1; i += 3 } else { i += 1 }
            i = TextScan.byte(0x2E, b, i, n)
        }
        i = TextScan.byte(0xE2, b, 0, n)
        while i < n {
            if i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0xA6 { ellipses += 1; i += 3 } else { i += 1 }
            i = TextScan.byte(0xE2, b, i, n)
        }
        if s.words > 0 {
            s.hashToWordRatio = Double(hashes) / Double(s.words)
            s.ellipsisToWordRatio = Double(ellipses) / Double(s.words)
            s.alphaWordsRatio = Double(alphaWords) / Double(s.words)
        }
        var lines = 0, bullets = 0, endEllipsis = 0
        TextScan.forEachLine(b, 0, n) { lo, hi in
            lines += 1
            let (s0, e0) = TextScan.strip(b, lo, hi)
            if s0 < e0 {
                if b[s0] == 0x2D || (e0 - s0 >= 3 && b[s0] == 0xE2 && b[s0 + 1] == 0x80 && b[s0 + 2] == 0xA2) { bullets += 1 }
                if e0 - s0 >= 3 && ((b[e0 - 1] == 0x2E && b[e0 - 2] == 0x2E && b[e0 - 3] == 0x2E)
                                    || (b[e0 - 3] == 0xE2 && b[e0 - 2] == 0x80 && b[e0 - 1] == 0xA6)) { endEllipsis += 1 }
            }
        }
        if lines > 0 {
            s.bulletLinesRatio = Double(bullets) / Double(lines)
            s.ellipsisLinesRatio = Double(endEllipsis) / Double(lines)
        }
        return s
    }
}

enum GopherRepetition {
    static func compute(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [WordToken], chars: Int, newlines: Int) -> GopherRepetitionSignals {
        var s = GopherRepetitionSignals()
        let n = b.count
        guard n > 0 else { return s }
        s.empty = false
        let total = Double(chars)
        let seen = NgramTable(expected: max(tokens.count, newlines + 2))

        // Paragraphs: the stripped text split at runs of two or more newlines.
        let (ps, pe) = TextScan.strip(b, 0, n)
        var paras = 0, dupParas = 0, dupParaChars = 0
        do {
            var start = ps
            var i = ps
            func element(_ lo: Int, _ hi: Int) {
                paras += 1
                if !seen.insert(QualityHash.bytes(b, lo, hi)) {
                    dupParas += 1
                    dupParaChars += UTF8Scalars.count(b, lo, hi)
                }
            }
            while true {
                i = TextScan.newline(b, i, pe)
                if i >= pe { break }
                if i + 1 < pe && b[i + 1] == 0x0A {
                    var j = i
                    while j < pe && b[j] == 0x0A { j += 1 }
                    element(start, i)
                    start = j
                    i = j
                } else {
                    i += 1
                }
            }
            element(start, pe)
        }
        s.duplicateParagraphFraction = Double(dupParas) / Double(paras)
        s.duplicateParagraphCharFraction = Double(dupParaChars) / total

        // Lines: the text split at runs of newlines (empty first/last elements included).
        seen.clear()
        var lines = 0, dupLines = 0, dupLineChars = 0
        do {
            var start = 0
            var i = 0
            func element(_ lo: Int, _ hi: Int) {
                lines += 1
                if !seen.insert(QualityHash.bytes(b, lo, hi)) {
                    dupLines += 1
                    dupLineChars += UTF8Scalars.count(b, lo, hi)
                }
            }
            while true {
                i = TextScan.newline(b, i, n)
                if i >= n { break }
                var j = i
                while j < n && b[j] == 0x0A { j += 1 }
                element(start, i)
                start = j
                i = j
            }
            element(start, n)
        }
        s.duplicateLineFraction = Double(dupLines) / Double(lines)
        s.duplicateLineCharFraction = Double(dupLineChars) / total

        // n-grams over word hashes. An n-gram can only occur twice where the (n-1)-gram at
        // the same word occurs twice, so each pass for n looks only at the positions whose
        // (n-1)-gram repeats (`candidates`, ascending): in most text that set shrinks
        // quickly. At the other positions the n-gram occurs once, which changes neither the
        // most frequent n-gram (unless all occur once: then it is the first one) nor the
        // greedy scan for repeated ones (a unique n-gram is never found again).
        let count = tokens.count
        guard count >= 2 else { return s }
        // Working space in raw buffers: these loops run about ten times per word, and array
        // bounds and uniqueness checks would be a good part of their cost.
        let hashes = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
        // grams[i] holds the hash of the n-gram starting at word i, extended by one word per n
        // (kept up to date at candidate positions only).
        let grams = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
        let prefixChars = UnsafeMutablePointer<Int>.allocate(capacity: count + 1)
        // slots[i]: the table slot of the current n-gram at candidate position i, so that
        // counts and marks are read without probing again. Int, not Int32: the table is sized
        // for the text's lines too, and a text of over a billion short lines has slots past 2^31.
        let slots = UnsafeMutablePointer<Int>.allocate(capacity: count)
        var candidates = UnsafeMutablePointer<Int32>.allocate(capacity: count)
        var repeating = UnsafeMutablePointer<Int32>.allocate(capacity: count)
        defer {
            hashes.deallocate(); grams.deallocate(); prefixChars.deallocate()
            slots.deallocate(); candidates.deallocate(); repeating.deallocate()
        }
        prefixChars[0] = 0
        tokens.withUnsafeBufferPointer { tk in
            for k in 0..<count {
                hashes[k] = QualityHash.bytes(b, tk[k].start, tk[k].end)
                grams[k] = hashes[k]
                prefixChars[k + 1] = prefixChars[k] + tk[k].chars
            }
        }
        seen.clear()
        for k in 0..<count { slots[k] = seen.add(hashes[k], index: k) }
        var candidateCount = 0
        for k in 0..<count {  // (written always, kept when the word repeats: no branch)
            candidates[candidateCount] = Int32(truncatingIfNeeded: k)
            candidateCount += seen.count(at: slots[k]) >= 2 ? 1 : 0
        }
        for len in 2...10 where count >= len {
            let last = count - len  // the last position an n-gram starts at
            while candidateCount > 0 && Int(candidates[candidateCount - 1]) > last { candidateCount -= 1 }
            seen.clear(expected: candidateCount)
            for j in 0..<candidateCount {
                let i = Int(candidates[j])
                grams[i] = QualityHash.combine(grams[i], hashes[i + len - 1])
                slots[i] = seen.add(grams[i], index: i)
            }
            // The repeated n-grams, and the most frequent one (the earliest of a tie; when
            // every n-gram occurs once, the first).
            var repeatingCount = 0
            var bestCount = 1, bestFirst = 0
            for j in 0..<candidateCount {
                let c = candidates[j]
                let slot = slots[Int(c)]
                let n = seen.count(at: slot)
                repeating[repeatingCount] = c
                repeatingCount += n >= 2 ? 1 : 0
                let first = seen.first(at: slot)
                if n > bestCount || (n == bestCount && first < bestFirst) {  // never for n = 1
                    bestCount = n
                    bestFirst = first
                }
            }
            swap(&candidates, &repeating)
            candidateCount = repeatingCount
            if len <= 4 {
                let bestChars = prefixChars[bestFirst + len] - prefixChars[bestFirst] + len - 1
                s.topNgramCharFraction[len - 2] = Double(bestChars * bestCount) / total
            } else {
                // Greedy, non-overlapping: a repeat found at i skips the words up to i + len.
                var repeated = 0
                var next = 0
                for j in 0..<candidateCount {
                    let i = Int(candidates[j])
                    if i < next { continue }
                    if seen.mark(slots[i]) {
                        repeated += prefixChars[i + len] - prefixChars[i]
                        next = i + len
                    }
                }
                s.duplicateNgramCharFraction[len - 5] = Double(repeated) / total
            }
        }
        return s
    }
}

enum C4Lines {
    /// Computes the C4 signals. `words` are the word tokens of the whole text when they were
    /// already computed (then the tokens of a line are the ones inside it: lines break at
    /// whitespace, which never belongs to a token, so the line tokenizes the same alone);
    /// nil to tokenize the kept lines here.
    static func compute(_ b: UnsafeBufferPointer<UInt8>, words wordTokens: [WordToken]?, scratch: inout [WordToken]) -> C4Signals {
        var s = C4Signals()
        var tokens: [WordToken] = []
        var buffer: [UInt8] = []
        var cursor = 0  // first token of `wordTokens` not before the current line
        TextScan.forEachLine(b, 0, b.count) { lo, hi in
            s.lines += 1
            let (ls, le) = TextScan.strip(b, lo, hi)
            // words (whitespace-separated), before citations are removed. Only whether there
            // are fewer than 3 matters, and a word over 1000 characters needs a line over
            // 1000 bytes: short lines stop scanning at their third word.
            var words = 0
            var tooLong = false
            var i = ls
            var wordChars = 0
            var inWord = false
            let longLine = le - ls > 1000
            while i < le {
                let (sp, l) = TextScan.space(b, i, le)
                if sp {
                    inWord = false
                } else {
                    if !inWord {
                        words += 1; inWord = true; wordChars = 0
                        if words >= 3 && !longLine { break }
                    }
                    wordChars += 1
                    if wordChars > 1000 { tooLong = true }
                }
                i += l
            }
            if tooLong { s.linesTooLongWord += 1; return }
            if TextScan.byte(0x5B, b, ls, le) < le {
                // The line without citations is new text: tokenize it on its own.
                removeCitations(b, ls, le, into: &buffer)
                buffer.withUnsafeBufferPointer { lb in
                    guard checkLine(lb, 0, lb.count, words: words, &s) else { return }
                    tokens.removeAll(keepingCapacity: true)
                    WordTokenizer.tokenize(lb, 0, lb.count, into: &tokens, scratch: &scratch)
                    s.sentences += SentenceCount.count(lb, tokens, 0, tokens.count)
                }
            } else if checkLine(b, ls, le, words: words, &s) {
                if let all = wordTokens {
                    while cursor < all.count && all[cursor].start < ls { cursor += 1 }
                    var end = cursor
                    while end < all.count && all[end].end <= le { end += 1 }
                    s.sentences += SentenceCount.count(b, all, cursor, end)
                    cursor = end
                } else {
                    tokens.removeAll(keepingCapacity: true)
                    WordTokenizer.tokenize(b, ls, le, into: &tokens, scratch: &scratch)
                    s.sentences += SentenceCount.count(b, tokens, 0, tokens.count)
                }
            }
        }
        return s
    }

    /// Applies the line filters to `b[lo..<hi]` in datatrove's order, counting the first that
    /// removes the line; true when the line is kept (and counted as kept).
    private static func checkLine(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, words: Int,
                                  _ s: inout C4Signals) -> Bool {
        // terminal punctuation: . ? ! " ' but not "..."
        let last: UInt8 = hi > lo ? b[hi - 1] : 0
        let terminal = last == 0x2E || last == 0x3F || last == 0x21 || last == 0x22 || last == 0x27
        let ellipsis = hi - lo >= 3 && b[hi - 1] == 0x2E && b[hi - 2] == 0x2E && b[hi - 3] == 0x2E
        if !terminal || ellipsis { s.linesNoTerminalPunctuation += 1; return false }
        if words < 3 { s.linesTooFewWords += 1; return false }
        let found = C4Phrases.scan(b, lo, hi)
        if found.contains(.loremIpsum) {
            s.loremIpsum = true
            if s.firstDocumentReason == nil { s.firstDocumentReason = "lorem_ipsum" }
            return false
        }
        if found.contains(.javascript) { s.linesJavascript += 1; return false }
        if found.contains(.curlyBracket) {
            s.curlyBracket = true
            if s.firstDocumentReason == nil { s.firstDocumentReason = "curly_bracket" }
            return false
        }
        if found.contains(.policy) { s.linesPolicy += 1; return false }
        s.keptLines += 1
        return true
    }

    /// Copies `b[lo..<hi]` into `out` without Wikipedia citations (`[12]`, `[]`, `[edit]`,
    /// `[citation needed]`).
    static func removeCitations(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var i = lo
        while i < hi {
            if b[i] == 0x5B {
                var j = i + 1
                while j < hi, let d = digitLength(b, j, hi) { j += d }
                if j < hi && b[j] == 0x5D { i = j + 1; continue }
                if matches(b, i, hi, "[edit]") { i += 6; continue }
                if matches(b, i, hi, "[citation needed]") { i += 17; continue }
            }
            out.append(b[i])
            i += 1
        }
    }

    private static func digitLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ hi: Int) -> Int? {
        let (v, l) = WordTokenizer.scalar(b, i, hi)
        return QualityChars.bits(v) & QualityChars.digit != 0 ? l : nil
    }

    private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ hi: Int, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard hi - i >= n else { return false }
        for k in 0..<n where b[i + k] != s.utf8Start[k] { return false }
        return true
    }
}

/// Sentences as spaCy's rule-based sentencizer counts them over word tokens: a sentence ends
/// after a sentence-final character (`.` `!` `?` …) at the next token that is not punctuation.
enum SentenceCount {
    /// The sentences of `tokens[from..<to]`.
    static func count(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [WordToken], _ from: Int, _ to: Int) -> Int {
        guard from < to else { return 0 }
        var sentences = 1
        var seenEnd = false
        let classes = QualityChars.table  // read once (see GopherQuality)
        for k in from..<to {
            let t = tokens[k]
            var allPunct = true
            var i = t.start
            var firstBits: UInt16 = 0
            while i < t.end && (allPunct || i == t.start) {
                let (v, l) = WordTokenizer.scalar(b, i, t.end)
                let bits = QualityChars.bits(v, classes)
                if i == t.start { firstBits = bits }
                if bits & QualityChars.punctCategory == 0 { allPunct = false }
                i += l
            }
            let endChar = t.chars == 1 && firstBits & QualityChars.sentenceEnd != 0
            if seenEnd && !allPunct && !endChar {
                sentences += 1
                seenEnd = false
            } else if endChar {
                seenEnd = true
            }
        }
        return sentences
    }
}

enum FineWebLines {
    static func compute(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [WordToken], chars: Int, newlines: Int) -> FineWebSignals {
        var s = FineWebSignals()
        let n = b.count
        var lines = 0, punct = 0, short = 0, dupChars = 0
        let seen = NgramTable(expected: newlines + 1)
        var start = 0
        func line(_ lo: Int, _ hi: Int) {
            let (s0, e0) = TextScan.strip(b, lo, hi)
            guard s0 < e0 else { return }
            lines += 1
            if let (v, _) = WordTokenizer.scalarBefore(b, hi, lo), QualityChars.bits(v) & QualityChars.terminal != 0 { punct += 1 }
            let c = UTF8Scalars.count(b, lo, hi)
            if c <= 30 { short += 1 }
            if !seen.insert(QualityHash.bytes(b, lo, hi)) { dupChars += c }
        }
        var i = TextScan.newline(b, 0, n)
        while i < n {
            line(start, i)
            start = i + 1
            i = TextScan.newline(b, start, n)
        }
        line(start, n)
        s.lines = lines
        guard lines > 0 else { return s }
        s.linePunctuationRatio = Double(punct) / Double(lines)
        s.shortLineRatio = Double(short) / Double(lines)
        let withoutNewlines = chars - newlines
        if withoutNewlines > 0 { s.charDuplicatesRatio = Double(dupChars) / Double(withoutNewlines) }
        if !tokens.isEmpty { s.newLineRatio = Double(newlines) / Double(tokens.count) }
        return s
    }
}

/// The phrases of C4's line filters, found in one pass over a line instead of one search per
/// phrase. Matching is ASCII case-insensitive (only `A`–`Z` are lowered).
struct C4Phrases: OptionSet {
    let rawValue: UInt8
    static let loremIpsum = C4Phrases(rawValue: 1)
    static let javascript = C4Phrases(rawValue: 2)
    static let curlyBracket = C4Phrases(rawValue: 4)
    /// Any of `terms of use`, `privacy policy`, `cookie policy`, `uses cookies`,
    /// `use of cookies`, `use cookies`.
    static let policy = C4Phrases(rawValue: 8)

    static func scan(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> C4Phrases {
        var found: C4Phrases = []
        if TextScan.byte(0x7B, b, lo, hi) < hi { found.insert(.curlyBracket) }
        // Every phrase has at least 10 bytes; test its first two letters at once before
        // the whole phrase (`| 0x2020` lowers ASCII letters and maps no other byte to one).
        var i = lo
        while i + 10 <= hi {
            let pair = (UInt16(b[i]) | UInt16(b[i + 1]) << 8) | 0x2020
            guard pair == 0x6F6C || pair == 0x616A || pair == 0x6574 || pair == 0x7270 || pair == 0x6F63 || pair == 0x7375 else {
                i += 1
                continue
            }
            var c = b[i]
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            switch c {
            case 0x6C:  // l
                if at(b, i, hi, "lorem ipsum") { found.insert(.loremIpsum) }
            case 0x6A:  // j
                if at(b, i, hi, "javascript") { found.insert(.javascript) }
            case 0x74:  // t
                if at(b, i, hi, "terms of use") { found.insert(.policy) }
            case 0x70:  // p
                if at(b, i, hi, "privacy policy") { found.insert(.policy) }
            case 0x63:  // c
                if at(b, i, hi, "cookie policy") { found.insert(.policy) }
            case 0x75:  // u
                if at(b, i, hi, "uses cookies") || at(b, i, hi, "use of cookies") || at(b, i, hi, "use cookies") {
                    found.insert(.policy)
                }
            default:
                break
            }
            i += 1
        }
        return found
    }

    /// Whether the lowercase ASCII `needle` starts at `i` (ASCII case-insensitive).
    @inline(__always)
    private static func at(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ hi: Int, _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard hi - i >= n else { return false }
        let p = needle.utf8Start
        for k in 1..<n {
            var d = b[i + k]
            if d >= 0x41 && d <= 0x5A { d |= 0x20 }
            if d != p[k] { return false }
        }
        return true
    }
}
