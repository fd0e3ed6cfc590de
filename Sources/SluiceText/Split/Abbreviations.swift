// Language rules for the sentence splitter.
//
// The word lists live in Data/<code>.txt (one file per language, `common.txt` shared by all) and
// are turned into LanguageData.swift by Scripts/gen_split_data.py. Every list was written by hand
// for Sluice from the authors' own knowledge of the languages; none was copied or derived from
// another project's lists (pySBD, pragmatic_segmenter, NLTK/Punkt, sentencex or others).
//
// Entries are matched case-insensitively (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic and
// Armenian letters are folded), without the final ".". Entries are at most 15 UTF-8 bytes.

/// How an abbreviation followed by "." and a capitalised word behaves.
enum AbbreviationKind: UInt8, Sendable {
    /// Never ends a sentence: titles and in-sentence markers ("Mr.", "Dr.", "e.g.", "z.B.").
    case title
    /// Does not end a sentence before a number ("No. 5", "p. 12", "Nr. 3"); otherwise it does.
    case numeric
    /// Ends a sentence only before a common sentence starter ("U.S. He", "a.m. The").
    case ambiguous
    /// A company suffix ("Inc.", "Corp."): ends a sentence before a starter, or before a
    /// capitalised word that is not a title/continuation and is followed by a lowercase word
    /// ("Apple Inc. Reported earnings …"), but not in "Apple Inc. Chief Executive …".
    case company
    /// A month: not before a number ("Jan. 5"), otherwise like `ambiguous`.
    case month
    /// Ends a sentence before any capitalised word ("etc.", "usw.").
    case terminal
}

/// Immutable per-language rule data, built once per language.
struct LanguageRules: Sendable {
    let code: String
    let abbreviations: [WordKey: AbbreviationKind]
    /// Lowercased words that commonly begin a sentence.
    let starters: Set<WordKey>
    /// Speech verbs: `"Why?" Tom asked.` stays one sentence.
    let speech: Set<WordKey>
    /// Words that continue a noun phrase after a company suffix ("Inc. Chief …").
    let continuers: Set<WordKey>
    /// Small words that tie a phrase together ("of", "and"): a capitalised word followed by one
    /// is read as part of a name, and an initial after one is read as a name's initial.
    let connectors: Set<WordKey>
    /// Words before a number that make "<number>." an ordinal (German "am 3.", "der 2.").
    let ordinalPrecursors: Set<WordKey>
    /// Words after "<number>." that make it an ordinal (German "3. Platz", "19. Jahrhundert").
    let ordinalNouns: Set<WordKey>
    /// Month names after which "3." is an ordinal (German "am 3. Oktober").
    let ordinalMonths: Set<WordKey>
    /// Words after which "!" is part of a name ("Yahoo! News").
    let exclaim: Set<WordKey>
    /// Whether "<small number>. <word>" is usually an ordinal (de, da, nb, fi, cs, pl, tr).
    let ordinalDot: Bool
    /// Whether ";" is a question mark (Greek).
    let greekQuestion: Bool
    /// Whether a quote closed after a terminator and followed by a quote particle (Japanese と)
    /// continues the sentence.
    let quoteParticle: Bool
    /// Whether ":" ends a sentence like a full stop (Armenian, where ASCII ":" stands in for "։").
    let colonFullStop: Bool
    /// Whether ":" before a capital ends a sentence (Norwegian, whose orthography writes a
    /// capital after a colon only when a full sentence or a quotation follows).
    let colonCapital: Bool
    /// Whether ":" before a quotation that opens with a capital ends a sentence (Portuguese
    /// `disse: «Não vamos.»`, Swedish `löd: 'Du skall lyda.'`): the quoted words are a
    /// sentence of their own, as their capital shows; a colon before anything else does not.
    let colonQuote: Bool
    /// Whether a short clause ending in a speech verb after a sentence is its attribution
    /// (verb-final Marathi: `"…?" राजाने विचारले.`).
    let speechAfter: Bool
    /// Whether "." is a pause mark rather than a full stop (the Armenian mijaket): it never ends
    /// a sentence, so initials and "as follows." stay inside their sentence.
    let dotNotFullStop: Bool
    /// Lowercased word endings that behave like `numeric` abbreviations in compounds
    /// (German "Hauptstr. 5").
    let numericSuffixes: [[UInt8]]
    /// True for the fallback rules of an unknown language.
    var isGeneric: Bool { code.isEmpty }

    init(code: String, lists: [String: [String]]) {
        self.code = code
        func list(_ name: String) -> [String] { lists[name] ?? [] }
        func set(_ name: String) -> Set<WordKey> { Set(list(name).compactMap { WordKey.make($0) }) }
        var table: [WordKey: AbbreviationKind] = [:]
        // Later groups win on a clash; title is strongest, so it goes last.
        for (name, kind) in [
            ("terminal", AbbreviationKind.terminal), ("months", .month), ("company", .company),
            ("ambiguous", .ambiguous), ("numeric", .numeric), ("title", .title),
        ] {
            for word in list(name) {
                guard let key = WordKey.make(word) else { preconditionFailure("abbreviation too long: \(word)") }
                table[key] = kind
            }
        }
        abbreviations = table
        starters = set("starters")
        speech = set("speech")
        continuers = set("continuers")
        connectors = set("connectors")
        ordinalPrecursors = set("ordinal_precursors")
        ordinalNouns = set("ordinal_nouns")
        ordinalMonths = set("ordinal_months")
        exclaim = set("exclaim")
        numericSuffixes = list("numeric_suffixes").map { Array($0.utf8) }
        let flags = Set(list("flags"))
        ordinalDot = flags.contains("ordinal_dot")
        greekQuestion = flags.contains("greek_question")
        quoteParticle = flags.contains("quote_particle")
        colonFullStop = flags.contains("colon_stop")
        colonCapital = flags.contains("colon_capital")
        colonQuote = flags.contains("colon_quote")
        speechAfter = flags.contains("speech_after")
        dotNotFullStop = flags.contains("dot_pause")
    }

    /// The language code of `code` without region or script ("pt_BR" → "pt", "zh-Hant" → "zh"),
    /// lowercased, with aliases resolved ("no"/"nn" → "nb").
    static func baseCode(_ code: String) -> String {
        var base = ""
        for ch in code.unicodeScalars {
            if ch == "-" || ch == "_" { break }
            base.unicodeScalars.append(ch.properties.lowercaseMapping.unicodeScalars.first ?? ch)
        }
        switch base {
        case "no", "nn": return "nb"
        case "zho", "cmn", "yue": return "zh"
        case "jpn": return "ja"
        case "eng": return "en"
        case "deu", "ger": return "de"
        default: return base
        }
    }

    /// Rules for an ISO 639 code; region suffixes ("en-GB", "pt_BR") are ignored and
    /// unknown codes get the generic rules.
    static func forLanguage(_ code: String) -> LanguageRules {
        builtIn(baseCode(code)) ?? generic
    }
}
