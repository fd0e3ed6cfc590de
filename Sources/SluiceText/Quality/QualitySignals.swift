/// Gopher quality signals (Rae et al. 2021, as datatrove's GopherQualityFilter computes them).
public struct GopherQualitySignals: Sendable, Equatable {
    /// Word tokens (spaCy English rules).
    public var words = 0
    /// Words with at least one character that is not punctuation.
    public var nonSymbolWords = 0
    /// Mean length (Unicode scalars) of the non-symbol words.
    public var meanWordLength = 0.0
    /// `#` per word.
    public var hashToWordRatio = 0.0
    /// `...` and `…` per word.
    public var ellipsisToWordRatio = 0.0
    /// Lines (Python `splitlines`) starting with `•` or `-` after leading whitespace.
    public var bulletLinesRatio = 0.0
    /// Lines ending with `...` or `…` before trailing whitespace.
    public var ellipsisLinesRatio = 0.0
    /// Words with at least one alphabetic character.
    public var alphaWordsRatio = 0.0
    /// Distinct stop words of the text's language present (English: `the be to of and that
    /// have with`); nil for a language without a stop-word list, which is not checked.
    public var stopWords: Int? = 0
}

/// Gopher repetition signals (datatrove's GopherRepetitionFilter).
public struct GopherRepetitionSignals: Sendable, Equatable {
    /// Paragraphs (split at 2+ newlines) that repeat an earlier one, over all paragraphs.
    public var duplicateParagraphFraction = 0.0
    /// Characters in repeated paragraphs over the characters of the text.
    public var duplicateParagraphCharFraction = 0.0
    /// Lines that repeat an earlier one, over all lines.
    public var duplicateLineFraction = 0.0
    /// Characters in repeated lines over the characters of the text.
    public var duplicateLineCharFraction = 0.0
    /// For n = 2, 3, 4: characters of the most frequent n-gram (words joined by spaces, times
    /// its count) over the characters of the text.
    public var topNgramCharFraction: [Double] = [0, 0, 0]
    /// For n = 5…10: characters of repeated n-grams (non-overlapping, words joined without
    /// spaces) over the characters of the text.
    public var duplicateNgramCharFraction: [Double] = [0, 0, 0, 0, 0, 0]
    /// The text is empty.
    public var empty = true
}

/// C4 line heuristics (datatrove's C4QualityFilter with its defaults: lines, citations removed).
public struct C4Signals: Sendable, Equatable {
    /// Lines of the text.
    public var lines = 0
    /// Lines that pass every line filter.
    public var keptLines = 0
    /// Sentences in the kept lines.
    public var sentences = 0
    /// Lines dropped for a word of more than 1000 characters.
    public var linesTooLongWord = 0
    /// Lines dropped for not ending in terminal punctuation.
    public var linesNoTerminalPunctuation = 0
    /// Lines dropped for having fewer than 3 words.
    public var linesTooFewWords = 0
    /// Lines dropped for mentioning JavaScript.
    public var linesJavascript = 0
    /// Lines dropped for one of C4's policy phrases.
    public var linesPolicy = 0
    /// A line reaching that check contains "lorem ipsum" / a curly bracket.
    public var loremIpsum = false
    /// See ``loremIpsum``.
    public var curlyBracket = false
    /// Which of the two came first (`lorem_ipsum`, `curly_bracket`), if any.
    public var firstDocumentReason: String?
}

/// FineWeb line heuristics (datatrove's FineWebQualityFilter).
public struct FineWebSignals: Sendable, Equatable {
    /// Non-blank lines.
    public var lines = 0
    /// Lines ending in terminal punctuation.
    public var linePunctuationRatio = 0.0
    /// Lines of at most 30 characters.
    public var shortLineRatio = 0.0
    /// Characters of repeated lines over the characters of the text without newlines.
    public var charDuplicatesRatio = 0.0
    /// Newlines per word.
    public var newLineRatio = 0.0
}

/// All quality signals of one text.
public struct QualitySignals: Sendable, Equatable {
    /// The Gopher quality signals.
    public var gopherQuality = GopherQualitySignals()
    /// The Gopher repetition signals.
    public var gopherRepetition = GopherRepetitionSignals()
    /// The C4 signals.
    public var c4 = C4Signals()
    /// The FineWeb signals.
    public var fineweb = FineWebSignals()

    /// Which signal groups to compute.
    public struct Groups: OptionSet, Sendable, Hashable {
        /// The groups as bits.
        public let rawValue: Int
        /// Groups from their bits.
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// The Gopher quality signals.
        public static let gopherQuality = Groups(rawValue: 1)
        /// The Gopher repetition signals.
        public static let gopherRepetition = Groups(rawValue: 2)
        /// The C4 signals.
        public static let c4 = Groups(rawValue: 4)
        /// The FineWeb signals.
        public static let fineweb = Groups(rawValue: 8)
        /// Every group.
        public static let all: Groups = [.gopherQuality, .gopherRepetition, .c4, .fineweb]
    }

    /// Signals of an empty text.
    public init() {}

    /// Computes the signals of `text` (one pass of word tokenization shared by all groups).
    /// `language`: the text's (`lang`), which picks the stop words; nil or `und` checks English's.
    public static func compute(_ text: String, groups: Groups = .all, language: String? = nil) -> QualitySignals {
        var copy = text
        return copy.withUTF8 { b in
            var q = QualitySignals()
            let needWords = !groups.intersection([.gopherQuality, .gopherRepetition, .fineweb]).isEmpty
            var tokens: [WordToken] = []
            var scratch: [WordToken] = []
            if needWords {
                tokens.reserveCapacity(b.count / 5 + 16)
                WordTokenizer.tokenize(b, 0, b.count, into: &tokens, scratch: &scratch)
            }
            let chars = UTF8Scalars.count(b, 0, b.count)
            var newlines = 0
            var at = TextScan.newline(b, 0, b.count)
            while at < b.count { newlines += 1; at = TextScan.newline(b, at + 1, b.count) }
            if groups.contains(.gopherQuality) { q.gopherQuality = GopherQuality.compute(b, tokens, language: language) }
            if groups.contains(.gopherRepetition) { q.gopherRepetition = GopherRepetition.compute(b, tokens, chars: chars, newlines: newlines) }
            if groups.contains(.c4) { q.c4 = C4Lines.compute(b, words: needWords ? tokens : nil, scratch: &scratch) }
            if groups.contains(.fineweb) { q.fineweb = FineWebLines.compute(b, tokens, chars: chars, newlines: newlines) }
            return q
        }
    }
}

/// Byte-level helpers shared by the signal computations.
enum TextScan {
    /// Whether the scalar at `i` is Python whitespace; its length.
    @inline(__always)
    static func space(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ hi: Int) -> (Bool, Int) {
        let c = b[i]
        if c < 0x80 { return (isASCIISpace(c), 1) }
        let (v, l) = WordTokenizer.scalar(b, i, hi)
        return (QualityChars.bits(v) & QualityChars.space != 0, l)
    }

    /// The index of the first `\n` in `b[from..<to]`, or `to` (memchr: vectorized by libc).
    @inline(__always)
    static func newline(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        byte(0x0A, b, from, to)
    }

    /// Python's `str.isspace` for an ASCII byte: space, \t \n \v \f \r and the separators 0x1C–0x1F.
    @inline(__always)
    static func isASCIISpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) }

    /// The index of the first `c` in `b[from..<to]`, or `to`.
    @inline(__always)
    static func byte(_ c: UInt8, _ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        guard from < to else { return to }
        return ByteSearch.find(c, b.baseAddress!, from, to) ?? to
    }

    /// `b[lo..<hi]` without leading and trailing Python whitespace.
    static func strip(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> (Int, Int) {
        var s = lo
        while s < hi {
            let (sp, l) = space(b, s, hi)
            if !sp { break }
            s += l
        }
        var e = hi
        while e > s {
            let c = b[e - 1]
            if c < 0x80 {  // ASCII, without the character table
                if TextScan.isASCIISpace(c) { e -= 1; continue }
                break
            }
            guard let (v, vs) = WordTokenizer.scalarBefore(b, e, s) else { break }
            if QualityChars.bits(v) & QualityChars.space == 0 { break }
            e = vs
        }
        return (s, e)
    }

    /// Calls `body` with each line of `b[lo..<hi]` as Python's `str.splitlines` finds them
    /// (breaks: \n \r \r\n \v \f \x1c \x1d \x1e U+0085 U+2028 U+2029; no empty last line).
    @inline(__always)
    static func forEachLine(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ body: (Int, Int) -> Void) {
        var start = lo
        var i = lo
        while i < hi {
            let c = b[i]
            var brk = 0
            if c < 0x20 {
                if c == 0x0A || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E { brk = 1 }
                else if c == 0x0D { brk = i + 1 < hi && b[i + 1] == 0x0A ? 2 : 1 }
            } else if c == 0xC2 {
                if i + 1 < hi && b[i + 1] == 0x85 { brk = 2 }
            } else if c == 0xE2 {
                if i + 2 < hi && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9) { brk = 3 }
            }
            if brk > 0 {
                body(start, i)
                i += brk
                start = i
            } else {
                i += 1
            }
        }
        if start < hi { body(start, hi) }
    }
}
