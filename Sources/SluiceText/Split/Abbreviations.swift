// Language data for the sentence splitter.
//
// Every list in this file was written by hand for Sluice from the authors' own knowledge of the
// languages. None was copied or derived from another project's lists (pySBD, pragmatic_segmenter,
// NLTK/Punkt or others). Keep it that way when extending them.
//
// Entries are matched case-insensitively (ASCII and Latin-1 letters), without the final ".".
// Entries are at most 15 UTF-8 bytes.

/// How an abbreviation followed by "." and a capitalised word behaves.
enum AbbreviationKind: UInt8, Sendable {
    /// Never ends a sentence: titles and in-sentence markers ("Mr.", "Dr.", "e.g.", "z.B.").
    case title
    /// Does not end a sentence before a number ("No. 5", "p. 12", "Nr. 3"); otherwise it does.
    case numeric
    /// Ends a sentence only before a common sentence starter ("Inc. The", "U.S. He").
    case ambiguous
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
    /// Month names after which "3." is an ordinal (German "am 3. Oktober").
    let ordinalMonths: Set<WordKey>
    /// Whether "<number>. <Word>" is usually an ordinal (German).
    let ordinalDot: Bool
    /// Lowercased word endings that behave like `numeric` abbreviations in compounds
    /// (German "Hauptstr. 5").
    let numericSuffixes: [[UInt8]]
    /// True for the fallback rules of an unknown language.
    var isGeneric: Bool { starters.isEmpty }

    init(
        code: String,
        title: [String] = [], numeric: [String] = [], ambiguous: [String] = [],
        months: [String] = [], terminal: [String] = [],
        starters: [String] = [], ordinalMonths: [String] = [], ordinalDot: Bool = false,
        numericSuffixes: [String] = []
    ) {
        self.numericSuffixes = numericSuffixes.map { Array($0.utf8) }
        self.code = code
        var table: [WordKey: AbbreviationKind] = [:]
        // Later groups win on a clash; title is strongest, so it goes last.
        for (list, kind) in [
            (terminal, AbbreviationKind.terminal), (months, .month), (ambiguous, .ambiguous),
            (numeric, .numeric), (title, .title),
        ] {
            for word in list {
                guard let key = WordKey.make(word) else { preconditionFailure("abbreviation too long: \(word)") }
                table[key] = kind
            }
        }
        self.abbreviations = table
        self.starters = Set(starters.compactMap { WordKey.make($0) })
        self.ordinalMonths = Set(ordinalMonths.compactMap { WordKey.make($0) })
        self.ordinalDot = ordinalDot
    }

    static let supported: [String] = ["en", "de", "fr", "es", "it", "pt", "nl"]

    /// Rules for an ISO 639-1 code; region suffixes ("en-GB", "pt_BR") are ignored and
    /// unknown codes get the generic rules.
    static func forLanguage(_ code: String) -> LanguageRules {
        var base = ""
        for ch in code.unicodeScalars {
            if ch == "-" || ch == "_" { break }
            base.unicodeScalars.append(ch.properties.lowercaseMapping.unicodeScalars.first ?? ch)
        }
        switch base {
        case "en": return english
        case "de": return german
        case "fr": return french
        case "es": return spanish
        case "it": return italian
        case "pt": return portuguese
        case "nl": return dutch
        default: return generic
        }
    }

    static let generic = LanguageRules(code: "")

    static let english = LanguageRules(
        code: "en",
        title: [
            "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Rev", "Hon", "Gen", "Sen",
            "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Maj", "Adm", "Cmdr", "Brig", "Pres", "Supt",
            "Det", "Insp", "Cpl", "Pvt", "Fr", "St", "Mt", "Ste", "e.g", "i.e", "vs", "v", "cf",
            "viz", "approx", "ca", "esp", "incl", "Atty", "Amb",
        ],
        numeric: [
            "No", "Nos", "Nr", "Vol", "Vols", "p", "pp", "Fig", "Figs", "Ch", "Chap", "Sec", "Sect",
            "Art", "Para", "Eq", "Ref", "Tab", "Op", "Ex", "Pt", "Apt", "Rm", "Tel",
        ],
        ambiguous: [
            "Inc", "Ltd", "Corp", "Co", "LLC", "Plc", "Bros", "Jr", "Sr", "U.S", "U.K", "U.N",
            "U.S.A", "E.U", "a.m", "p.m", "Dept", "Univ", "Assn", "Est", "Ft", "al", "Govt",
            "Ave", "Blvd", "Rd", "Ln", "Hwy", "Ph.D", "M.D", "B.A", "M.A", "B.Sc", "D.C", "hrs",
            "oz", "lb", "lbs", "yd",
        ],
        months: ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"],
        terminal: ["etc"],
        starters: [
            "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
            "those", "there", "here", "his", "her", "its", "their", "our", "my", "your", "but",
            "and", "or", "so", "yet", "if", "when", "while", "after", "before", "as", "at", "in",
            "on", "by", "for", "from", "with", "to", "during", "since", "although", "though",
            "however", "meanwhile", "then", "now", "today", "yesterday", "tomorrow", "also",
            "still", "instead", "indeed", "later", "some", "many", "most", "one", "two", "several",
            "all", "both", "each", "every", "no", "not", "nothing", "what", "why", "how", "who",
            "where", "which", "shares", "mr", "mrs", "ms", "dr", "according", "last", "next",
            "earlier", "despite", "because", "unlike", "in", "under", "over", "once",
        ]
    )

    static let german = LanguageRules(
        code: "de",
        title: [
            "Hr", "Hrn", "Fr", "Frl", "z", "Dr", "Prof", "Dipl", "Ing", "Mag", "St", "z.B", "zB", "bzw",
            "d.h", "vgl", "ca", "u.a", "o.ä", "u.ä", "s.o", "s.u", "z.T", "i.d.R", "u.U", "ggf",
            "evtl", "bspw", "sog", "insb", "inkl", "exkl", "zzgl", "abzgl", "ggü", "lt", "gem",
            "v.a", "o.g", "a.D", "i.A", "i.V", "z.Hd", "geb", "verh", "Dipl.-Ing", "allg", "bzgl",
            "eigtl", "einschl", "entspr", "gegr", "jew", "od", "urspr", "usf", "zw", "zit",
        ],
        numeric: ["Nr", "Abs", "Art", "Bd", "Bde", "Tel", "Kap", "Str", "Abb", "Tab", "Anm", "Hft"],
        ambiguous: [
            "Jh", "Jhd", "Mio", "Mrd", "Tsd", "Std", "Min", "Sek", "e.V", "GmbH", "AG", "Co", "Inc",
            "Ltd", "n.Chr", "v.Chr", "Chr",
        ],
        months: ["Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez"],
        terminal: ["usw", "etc", "u.v.m", "u.s.w"],
        starters: [
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
            "er", "sie", "es", "wir", "ich", "ihr", "du", "man", "dies", "diese", "dieser",
            "dieses", "da", "dann", "doch", "aber", "und", "oder", "auch", "als", "wenn", "weil",
            "nach", "vor", "in", "im", "am", "an", "auf", "bei", "mit", "für", "von", "zu", "zum",
            "zur", "seit", "während", "trotz", "heute", "gestern", "morgen", "jetzt", "nun", "so",
            "hier", "dort", "außerdem", "zudem", "allerdings", "deshalb", "daher", "damit",
            "denn", "sein", "seine", "ihre", "unser", "mein", "was", "wie", "wer", "wo", "warum",
            "wann", "nicht", "kein", "keine", "viele", "einige", "alle", "danach", "davor",
            "später", "zuvor", "bereits", "schon",
        ],
        ordinalMonths: [
            "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
            "September", "Oktober", "November", "Dezember", "Jan", "Feb", "Mär", "Apr", "Jun",
            "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez",
        ],
        ordinalDot: true,
        numericSuffixes: ["str", "straße"]
    )

    static let french = LanguageRules(
        code: "fr",
        title: [
            "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "Me", "Mgr", "St", "Ste", "cf",
            "env", "ex", "vs", "apr", "Vve", "Cie",
        ],
        numeric: ["n", "no", "p", "pp", "art", "vol", "chap", "fig", "tél", "tel", "av", "bd", "t"],
        ambiguous: ["S.A", "Inc", "Ltd", "J.-C"],
        months: ["janv", "févr", "fév", "avr", "juil", "sept", "oct", "nov", "déc"],
        terminal: ["etc"],
        starters: [
            "le", "la", "les", "l", "un", "une", "des", "il", "elle", "ils", "elles", "on", "nous",
            "vous", "je", "tu", "ce", "cette", "ces", "c", "cela", "ça", "mais", "et", "ou",
            "donc", "car", "puis", "alors", "ensuite", "enfin", "si", "quand", "lorsque", "dans",
            "en", "au", "aux", "à", "par", "pour", "sur", "avec", "sans", "selon", "après",
            "avant", "depuis", "pendant", "aujourd", "hier", "demain", "son", "sa", "ses", "leur",
            "leurs", "mon", "ma", "mes", "notre", "qui", "que", "quoi", "comment", "pourquoi",
            "où", "d", "j", "qu", "cependant", "pourtant",
        ]
    )

    static let spanish = LanguageRules(
        code: "es",
        title: [
            "Sr", "Sra", "Srta", "Sres", "Sras", "Dr", "Dra", "D", "Dña", "Ud", "Uds", "Vd", "Vds",
            "Lic", "Ing", "Arq", "Prof", "Profa", "Gral", "Excmo", "Excma", "Ilmo", "Ilma", "Sto",
            "Sta", "p.ej", "vs", "cf", "aprox", "Mons", "Fr",
        ],
        numeric: ["núm", "n", "no", "art", "pág", "págs", "p", "pp", "cap", "vol", "fig", "tel"],
        ambiguous: ["Cía", "S.A", "S.L", "EE.UU", "Inc", "Ltd", "a.C", "d.C", "a.m", "p.m"],
        months: ["ene", "feb", "mar", "abr", "jun", "jul", "ago", "sep", "sept", "oct", "nov", "dic"],
        terminal: ["etc"],
        starters: [
            "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "él", "ella", "ellos",
            "ellas", "yo", "tú", "nosotros", "usted", "ustedes", "este", "esta", "estos", "estas",
            "ese", "esa", "eso", "esto", "pero", "y", "o", "si", "cuando", "mientras", "después",
            "antes", "en", "de", "del", "al", "con", "por", "para", "sin", "sobre", "según",
            "también", "además", "luego", "entonces", "hoy", "ayer", "mañana", "su", "sus", "mi",
            "mis", "nuestro", "qué", "cómo", "quién", "dónde", "no", "hay",
        ]
    )

    static let italian = LanguageRules(
        code: "it",
        title: [
            "Sig", "Sigg", "Sig.ra", "Sig.na", "Sigra", "Dott", "Dott.ssa", "Dottssa", "Prof",
            "Prof.ssa", "Avv", "Ing", "Arch", "On", "Geom", "Rag", "Mons", "Sen", "Dr", "S", "Sant",
            "p.es", "es", "cfr", "vs", "ca", "Egr", "Gent", "Spett",
        ],
        numeric: ["n", "nr", "art", "pag", "pagg", "p", "pp", "cap", "vol", "fig", "tel", "c"],
        ambiguous: ["S.p.A", "SpA", "S.r.l", "Srl", "Inc", "Ltd", "a.C", "d.C"],
        months: ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "sett", "ott", "nov", "dic"],
        terminal: ["ecc", "etc"],
        starters: [
            "il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una", "egli", "lui", "lei",
            "loro", "noi", "voi", "io", "tu", "questo", "questa", "questi", "queste", "quello",
            "quella", "ma", "e", "o", "se", "quando", "mentre", "dopo", "prima", "in", "di", "del",
            "della", "nel", "nella", "con", "per", "da", "su", "secondo", "anche", "inoltre",
            "poi", "allora", "oggi", "ieri", "domani", "suo", "sua", "suoi", "mio", "mia", "che",
            "cosa", "come", "perché", "chi", "dove", "non", "c", "ci", "è", "però", "infatti",
        ]
    )

    static let portuguese = LanguageRules(
        code: "pt",
        title: [
            "Sr", "Sra", "Srta", "Srs", "Sras", "Dr", "Dra", "Drs", "Prof", "Profa", "Eng", "Exmo",
            "Exma", "Ilmo", "Ilma", "D", "V.Exa", "Sto", "Sta", "p.ex", "vs", "cf", "aprox", "Pe",
        ],
        numeric: ["n", "nº", "art", "pág", "págs", "p", "pp", "cap", "vol", "fig", "tel"],
        ambiguous: ["Ltda", "Cia", "S.A", "Inc", "Ltd", "a.C", "d.C", "EUA"],
        months: ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
        terminal: ["etc"],
        starters: [
            "o", "a", "os", "as", "um", "uma", "uns", "umas", "ele", "ela", "eles", "elas", "eu",
            "tu", "nós", "você", "vocês", "este", "esta", "estes", "estas", "esse", "essa",
            "isso", "isto", "mas", "e", "ou", "se", "quando", "enquanto", "depois", "antes", "em",
            "no", "na", "nos", "nas", "do", "da", "de", "com", "por", "para", "sem", "sobre",
            "segundo", "também", "além", "então", "hoje", "ontem", "amanhã", "seu", "sua",
            "seus", "meu", "minha", "que", "como", "porque", "quem", "onde", "não", "há",
            "contudo", "porém",
        ]
    )

    static let dutch = LanguageRules(
        code: "nl",
        title: [
            "dhr", "hr", "mevr", "mw", "mej", "dr", "prof", "mr", "ir", "drs", "ing", "st", "bijv",
            "d.w.z", "m.a.w", "o.a", "i.p.v", "t.a.v", "m.b.t", "ca", "vs", "resp", "vgl", "evt",
            "jl", "a.s", "z.g.a.n", "zgn", "i.v.m", "m.u.v", "t.o.v", "o.b.v",
        ],
        numeric: ["nr", "blz", "art", "p", "pp", "hfst", "vol", "fig", "tel", "afb"],
        ambiguous: ["b.v", "bv", "n.v", "nv", "e.d", "Co", "Inc", "Ltd", "v.Chr", "n.Chr"],
        months: ["jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec"],
        terminal: ["enz", "etc"],
        starters: [
            "de", "het", "een", "hij", "zij", "ze", "wij", "we", "ik", "jij", "je", "u", "dit",
            "dat", "deze", "die", "er", "daar", "hier", "maar", "en", "of", "als", "toen", "want",
            "dus", "omdat", "na", "voor", "in", "op", "aan", "bij", "met", "van", "naar", "uit",
            "over", "door", "tijdens", "sinds", "vandaag", "gisteren", "morgen", "ook", "nog",
            "toch", "zijn", "haar", "hun", "ons", "mijn", "wat", "hoe", "wie", "waar", "waarom",
            "niet", "geen", "veel", "alle", "daarna", "later",
        ]
    )
}
