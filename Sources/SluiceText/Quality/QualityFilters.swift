/// The four quality filters: thresholds (datatrove's parameter names and defaults) and the
/// reasons a document fails, in the order datatrove checks them, so the first reason is the
/// one datatrove reports.
public enum QualityFilterKind: String, CaseIterable, Sendable {
    /// Gopher quality: document length, word length, symbols, bullets, stop words.
    case gopherQuality = "gopher_quality"
    /// Gopher repetition: repeated lines, paragraphs and n-grams.
    case gopherRepetition = "gopher_repetition"
    /// C4's line heuristics.
    case c4 = "c4"
    /// FineWeb's line heuristics.
    case fineweb = "fineweb"
}

/// The limits of the Gopher quality filter, named and defaulted as in datatrove; 0 turns a check off.
public struct GopherQualityThresholds: Sendable, Equatable {
    /// Fewest non-symbol words (`min_doc_words`).
    public var minDocWords = 50.0
    /// Most non-symbol words (`max_doc_words`).
    public var maxDocWords = 100_000.0
    /// Lowest mean word length (`min_avg_word_length`).
    public var minAvgWordLength = 3.0
    /// Highest mean word length (`max_avg_word_length`).
    public var maxAvgWordLength = 10.0
    /// Most `#` or ellipses per word (`max_symbol_word_ratio`).
    public var maxSymbolWordRatio = 0.1
    /// Largest share of lines starting with a bullet (`max_bullet_lines_ratio`).
    public var maxBulletLinesRatio = 0.9
    /// Largest share of lines ending with an ellipsis (`max_ellipsis_lines_ratio`).
    public var maxEllipsisLinesRatio = 0.3
    /// Named as in datatrove, though it is a minimum: words with a letter below this fraction fail.
    public var maxNonAlphaWordsRatio = 0.8
    /// Fewest distinct stop words (`min_stop_words`).
    public var minStopWords = 2.0
    /// datatrove's defaults.
    public init() {}

    /// The thresholds' datatrove names, for pipeline files.
    public static let names = ["min_doc_words", "max_doc_words", "min_avg_word_length", "max_avg_word_length",
                               "max_symbol_word_ratio", "max_bullet_lines_ratio", "max_ellipsis_lines_ratio",
                               "max_non_alpha_words_ratio", "min_stop_words"]
    nonisolated(unsafe) private static let paths: [WritableKeyPath<Self, Double>] = [\.minDocWords, \.maxDocWords, \.minAvgWordLength, \.maxAvgWordLength,
                                                                 \.maxSymbolWordRatio, \.maxBulletLinesRatio, \.maxEllipsisLinesRatio,
                                                                 \.maxNonAlphaWordsRatio, \.minStopWords]
    /// Sets a threshold by its datatrove name; false for an unknown name. 0 turns a check off.
    public mutating func set(_ name: String, _ value: Double) -> Bool {
        guard let i = Self.names.firstIndex(of: name) else { return false }
        self[keyPath: Self.paths[i]] = value
        return true
    }
    /// Each threshold with its datatrove name.
    public var values: [(String, Double)] { zip(Self.names, Self.paths.map { self[keyPath: $0] }).map { ($0, $1) } }

    /// The reasons `s` fails, in datatrove's order; empty when it passes.
    public func reasons(_ s: GopherQualitySignals) -> [String] {
        var r: [String] = []
        let n = Double(s.nonSymbolWords)
        if minDocWords != 0 && n < minDocWords { r.append("gopher_short_doc") }
        if maxDocWords != 0 && n > maxDocWords { r.append("gopher_long_doc") }
        guard s.nonSymbolWords > 0 else { return r }
        if minAvgWordLength != 0 && s.meanWordLength < minAvgWordLength { r.append("gopher_below_avg_threshold") }
        if maxAvgWordLength != 0 && s.meanWordLength > maxAvgWordLength { r.append("gopher_above_avg_threshold") }
        if maxSymbolWordRatio != 0 && s.hashToWordRatio > maxSymbolWordRatio { r.append("gopher_too_many_hashes") }
        if maxSymbolWordRatio != 0 && s.ellipsisToWordRatio > maxSymbolWordRatio { r.append("gopher_too_many_ellipsis") }
        if maxBulletLinesRatio != 0 && s.bulletLinesRatio > maxBulletLinesRatio { r.append("gopher_too_many_bullets") }
        if maxEllipsisLinesRatio != 0 && s.ellipsisLinesRatio > maxEllipsisLinesRatio { r.append("gopher_too_many_end_ellipsis") }
        if maxNonAlphaWordsRatio != 0 && s.alphaWordsRatio < maxNonAlphaWordsRatio { r.append("gopher_below_alpha_threshold") }
        if minStopWords != 0, let stopWords = s.stopWords, Double(stopWords) < minStopWords { r.append("gopher_enough_stop_words") }
        return r
    }
}

/// The limits of the Gopher repetition filter, named and defaulted as in datatrove; 0 turns a check off.
public struct GopherRepetitionThresholds: Sendable, Equatable {
    /// Largest share of repeated lines (`dup_line_frac`).
    public var dupLineFrac = 0.3
    /// Largest share of repeated paragraphs (`dup_para_frac`).
    public var dupParaFrac = 0.3
    /// Largest share of characters in repeated lines (`dup_line_char_frac`).
    public var dupLineCharFrac = 0.2
    /// Largest share of characters in repeated paragraphs (`dup_para_char_frac`).
    public var dupParaCharFrac = 0.2
    /// n = 2, 3, 4
    public var topNgramFrac = [0.2, 0.18, 0.16]
    /// n = 5 … 10
    public var dupNgramFrac = [0.15, 0.14, 0.13, 0.12, 0.11, 0.10]
    /// datatrove's defaults.
    public init() {}

    /// The thresholds' datatrove names, for pipeline files.
    public static var names: [String] {
        ["dup_line_frac", "dup_para_frac", "dup_line_char_frac", "dup_para_char_frac"]
            + (2...4).map { "top_\($0)_gram_frac" } + (5...10).map { "dup_\($0)_gram_frac" }
    }
    /// Sets a threshold by its datatrove name; false for an unknown name.
    public mutating func set(_ name: String, _ value: Double) -> Bool {
        switch name {
        case "dup_line_frac": dupLineFrac = value
        case "dup_para_frac": dupParaFrac = value
        case "dup_line_char_frac": dupLineCharFrac = value
        case "dup_para_char_frac": dupParaCharFrac = value
        default:
            if let n = (2...4).first(where: { "top_\($0)_gram_frac" == name }) { topNgramFrac[n - 2] = value; return true }
            if let n = (5...10).first(where: { "dup_\($0)_gram_frac" == name }) { dupNgramFrac[n - 5] = value; return true }
            return false
        }
        return true
    }
    /// Each threshold with its datatrove name.
    public var values: [(String, Double)] {
        [("dup_line_frac", dupLineFrac), ("dup_para_frac", dupParaFrac), ("dup_line_char_frac", dupLineCharFrac),
         ("dup_para_char_frac", dupParaCharFrac)]
            + (2...4).map { ("top_\($0)_gram_frac", topNgramFrac[$0 - 2]) } + (5...10).map { ("dup_\($0)_gram_frac", dupNgramFrac[$0 - 5]) }
    }

    /// The reasons `s` fails, in datatrove's order; empty when it passes.
    public func reasons(_ s: GopherRepetitionSignals) -> [String] {
        if s.empty { return ["empty"] }
        var r: [String] = []
        if dupParaFrac != 0 && s.duplicateParagraphFraction > dupParaFrac { r.append("dup_para_frac") }
        if dupParaCharFrac != 0 && s.duplicateParagraphCharFraction > dupParaCharFrac { r.append("dup_para_char_frac") }
        if dupLineFrac != 0 && s.duplicateLineFraction > dupLineFrac { r.append("dup_line_frac") }
        if dupLineCharFrac != 0 && s.duplicateLineCharFraction > dupLineCharFrac { r.append("dup_line_char_frac") }
        for (k, t) in topNgramFrac.enumerated() where s.topNgramCharFraction[k] > t { r.append("top_\(k + 2)_gram") }
        for (k, t) in dupNgramFrac.enumerated() where s.duplicateNgramCharFraction[k] > t { r.append("duplicated_\(k + 5)_n_grams") }
        return r
    }
}

/// The limit of the C4 filter, named and defaulted as in datatrove; 0 turns the check off.
public struct C4Thresholds: Sendable, Equatable {
    /// Fewest sentences in the kept lines (`min_num_sentences`).
    public var minNumSentences = 5.0
    /// datatrove's defaults.
    public init() {}
    /// The thresholds' datatrove names, for pipeline files.
    public static let names = ["min_num_sentences"]
    /// Sets a threshold by its datatrove name; false for an unknown name.
    public mutating func set(_ name: String, _ value: Double) -> Bool {
        guard name == "min_num_sentences" else { return false }
        minNumSentences = value
        return true
    }
    /// Each threshold with its datatrove name.
    public var values: [(String, Double)] { [("min_num_sentences", minNumSentences)] }

    /// The reasons `s` fails, in datatrove's order; empty when it passes.
    public func reasons(_ s: C4Signals) -> [String] {
        var r: [String] = []
        if s.loremIpsum && s.curlyBracket {
            r += s.firstDocumentReason == "curly_bracket" ? ["curly_bracket", "lorem_ipsum"] : ["lorem_ipsum", "curly_bracket"]
        } else if s.loremIpsum {
            r.append("lorem_ipsum")
        } else if s.curlyBracket {
            r.append("curly_bracket")
        }
        if minNumSentences >= 0 && Double(s.sentences) < minNumSentences { r.append("too_few_sentences") }
        return r
    }
}

/// The limits of the FineWeb filter, named and defaulted as in datatrove; 0 turns a check off.
public struct FineWebThresholds: Sendable, Equatable {
    /// Lowest share of lines ending in terminal punctuation (`line_punct_thr`).
    public var linePunctThr = 0.12
    /// Largest share of short lines (`short_line_thr`).
    public var shortLineThr = 0.67
    /// Largest share of characters in repeated lines (`char_duplicates_ratio`).
    public var charDuplicatesRatio = 0.01
    /// Most newlines per word (`new_line_ratio`).
    public var newLineRatio = 0.3
    /// datatrove's defaults.
    public init() {}
    /// The thresholds' datatrove names, for pipeline files.
    public static let names = ["line_punct_thr", "short_line_thr", "char_duplicates_ratio", "new_line_ratio"]
    /// Sets a threshold by its datatrove name; false for an unknown name.
    public mutating func set(_ name: String, _ value: Double) -> Bool {
        switch name {
        case "line_punct_thr": linePunctThr = value
        case "short_line_thr": shortLineThr = value
        case "char_duplicates_ratio": charDuplicatesRatio = value
        case "new_line_ratio": newLineRatio = value
        default: return false
        }
        return true
    }
    /// Each threshold with its datatrove name.
    public var values: [(String, Double)] {
        [("line_punct_thr", linePunctThr), ("short_line_thr", shortLineThr),
         ("char_duplicates_ratio", charDuplicatesRatio), ("new_line_ratio", newLineRatio)]
    }

    /// The reasons `s` fails, in datatrove's order; empty when it passes.
    public func reasons(_ s: FineWebSignals) -> [String] {
        if s.lines == 0 { return ["empty"] }
        var r: [String] = []
        if s.linePunctuationRatio < linePunctThr { r.append("line_punct_ratio") }
        if s.shortLineRatio > shortLineThr { r.append("short_line_ratio") }
        if s.charDuplicatesRatio > charDuplicatesRatio { r.append("char_dup_ratio") }
        if s.newLineRatio > newLineRatio { r.append("list_ratio") }
        return r
    }
}

/// Thresholds of all four filters.
public struct QualityThresholds: Sendable, Equatable {
    /// The Gopher quality filter's limits.
    public var gopherQuality = GopherQualityThresholds()
    /// The Gopher repetition filter's limits.
    public var gopherRepetition = GopherRepetitionThresholds()
    /// The C4 filter's limits.
    public var c4 = C4Thresholds()
    /// The FineWeb filter's limits.
    public var fineweb = FineWebThresholds()
    /// datatrove's defaults.
    public init() {}

    /// The reasons `s` fails filter `kind`, in datatrove's order; empty when it passes.
    public func reasons(_ kind: QualityFilterKind, _ s: QualitySignals) -> [String] {
        switch kind {
        case .gopherQuality: gopherQuality.reasons(s.gopherQuality)
        case .gopherRepetition: gopherRepetition.reasons(s.gopherRepetition)
        case .c4: c4.reasons(s.c4)
        case .fineweb: fineweb.reasons(s.fineweb)
        }
    }
}
