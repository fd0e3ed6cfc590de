/// Words that only one written standard of a close group uses: Bosnian or Croatian, Malay or
/// Indonesian, Bokmål, Nynorsk or Danish. Their n-gram statistics are nearly the same, so the
/// model often cannot tell such standards apart on a sentence, while one word the other
/// standard does not write settles it (`ikkje` is Nynorsk, `ikke` Bokmål or Danish; `bahawa`
/// is Malay, `bahwa` Indonesian; `tisuća` is Croatian, `hiljada` Bosnian).
///
/// The lists hold frequent words from each standard's own spelling rules and vocabulary (the
/// Norwegian Language Council's Bokmål and Nynorsk norms, Danish orthography; Croatian and
/// Bosnian standard vocabulary, including the month names, which differ entirely; Malaysian and
/// Indonesian spelling and vocabulary), chosen from those rules, not from any test data. A word
/// is listed only when the other members of its group do not write it.
enum StandardMarkers {
    /// The close groups, each a list of language codes.
    static let groups: [[String]] = [["bs", "hr"], ["ms", "id"], ["nb", "nn", "da"]]

    /// Marker words by language (lower case).
    static let words: [String: [String]] = [
        // Bosnian (and Serbian in Latin script, which the model has no n-grams for). Bosnian
        // accepts many Croatian forms, so its list holds words Croatian does not write, and the
        // Croatian list only words Bosnian writes otherwise (months, `hiljada`/`tisuća`, …).
        "bs": ["hiljada", "hiljade", "hiljadu", "sedmica", "sedmice", "sedmicu", "historija", "historije",
               "historiji", "historiju", "tačno", "tačka", "tačke", "šta", "uslov", "uslovi", "uslova",
               "univerzitet", "univerziteta", "univerzitetu", "porodica", "porodice", "porodici",
               "muzika", "muzike", "hljeb", "voz", "vazduh", "vazduha", "hemija", "hemijski", "fudbal",
               "fudbala", "fabrika", "fabrike", "spisak", "saradnja", "saradnje", "saradnju", "saradnik",
               "saradnici", "obezbijediti", "kahva", "januar", "januara", "februar", "februara",
               "mart", "marta", "septembar", "septembra", "oktobar", "oktobra", "novembar",
               "novembra", "decembar", "decembra"],
        "hr": ["tisuća", "tisuće", "tisuću", "tjedan", "tjedna", "tjedno", "točno", "točka", "točke",
               "tko", "znanost", "znanosti", "znanstveni", "znanstvenih", "sveučilište",
               "sveučilišta", "sveučilištu", "obitelj", "obitelji", "glazba", "glazbe", "glazbu",
               "kruh", "vlak", "vlaka", "zrakoplov", "kemija", "kemijski", "nogomet", "nogometa",
               "tvornica", "tvornice", "kava", "izvješće", "izvješća", "priopćenje", "gospodarstvo",
               "gospodarstva", "siječanj", "siječnja", "veljača", "veljače", "ožujak", "ožujka",
               "travanj", "travnja", "svibanj", "svibnja", "lipanj", "lipnja", "srpanj", "srpnja",
               "kolovoz", "kolovoza", "rujan", "rujna", "listopad", "listopada", "studeni",
               "studenoga", "studenog", "prosinac", "prosinca"],
        // Malaysian and Indonesian spelling (`bahawa`/`bahwa`, `-iti`/`-itas`, month names) and
        // vocabulary; words both write with other meanings (`pejabat`, `cukai`, `faham`) are left out.
        "ms": ["bahawa", "kerana", "iaitu", "sahaja", "mahu", "syarikat", "universiti", "aktiviti",
               "kualiti", "komuniti", "identiti", "fikir", "berfikir", "selepas", "sebarang",
               "kakitangan", "pelancongan", "menerusi", "julai", "ogos", "disember", "baharu"],
        "id": ["bahwa", "karena", "yaitu", "uang", "universitas", "aktivitas", "kualitas",
               "komunitas", "identitas", "pikir", "berpikir", "paham", "kantor", "pajak",
               "pariwisata", "bisa", "nggak", "enggak", "banget", "ketimbang", "maret", "agustus",
               "desember"],
        // Each word here is written by one of the three only: Bokmål words that Danish writes
        // too (`ikke`, `jeg`, `hvor`) and Bokmål words Nynorsk writes too (`av`, `etter`, `meg`)
        // are left out.
        "nb": ["noe", "noen", "mye", "ble", "sier", "hennes", "fikk", "gikk", "vært", "uten", "hva"],
        "nn": ["ikkje", "eg", "kva", "korleis", "kvifor", "kven", "kvar", "frå", "berre", "noko",
               "nokon", "nokre", "mykje", "ho", "vere", "vera", "heile", "sjølv", "fleire", "meir",
               "difor", "saman", "seier", "deira", "hennar", "sidan", "fekk", "gjekk", "eigen",
               "eige", "eigne", "medan", "utan", "ein", "eit", "då", "hjå", "dei", "døme"],
        "da": ["af", "hvad", "nu", "efter", "mig", "dig", "sig", "nogle", "noget", "blev", "havde",
               "mellem", "gennem", "igennem", "spørgsmål", "kærlighed", "købe"],
    ]

    /// The index in ``groups`` of the group `language` belongs to, or nil. A switch: it runs
    /// for every decision, and most languages are in no group.
    static func group(of language: String) -> Int? {
        switch language {
        case "bs", "hr": 0
        case "ms", "id": 1
        case "nb", "nn", "da": 2
        default: nil
        }
    }

    /// A word of at most ``WordKey/maxLetters`` letters, lower-cased, 16 bits a letter.
    struct WordKey: Hashable {
        static let maxLetters = 16
        var k0: UInt64 = 0, k1: UInt64 = 0, k2: UInt64 = 0, k3: UInt64 = 0

        /// Adds letter number `j` (below ``maxLetters``).
        mutating func set(_ j: Int, _ letter: UInt32) {
            let shifted = UInt64(letter & 0xFFFF) << UInt64((j & 3) * 16)
            switch j >> 2 {
            case 0: k0 |= shifted
            case 1: k1 |= shifted
            case 2: k2 |= shifted
            default: k3 |= shifted
            }
        }
    }

    /// Each marker word's key, with the index of its language in ``groups``' flattened order.
    private static let keys: [WordKey: String] = {
        var keys: [WordKey: String] = [:]
        for (language, list) in words {
            for word in list {
                var key = WordKey()
                for (j, scalar) in word.unicodeScalars.enumerated() { key.set(j, scalar.value) }
                precondition(keys[key] == nil, "marker \(word) listed twice")
                keys[key] = language
            }
        }
        return keys
    }()

    /// How many marker words of each language of `group` the text holds. Words are runs of
    /// letters by `lowercase` (the model's table: 0 for a non-letter, else the lower-case
    /// letter); longer words than any marker are skipped.
    static func counts(_ bytes: UnsafeBufferPointer<UInt8>, group: [String],
                       lowercase: UnsafeBufferPointer<UInt32>) -> [Int] {
        var counts = [Int](repeating: 0, count: group.count)
        var key = WordKey()
        var run = 0
        @inline(__always) func endWord() {
            if run > 0 && run <= WordKey.maxLetters, let language = keys[key],
               let g = group.firstIndex(of: language) {
                counts[g] += 1
            }
            key = WordKey()
            run = 0
        }
        var i = 0
        let n = bytes.count
        while i < n {
            // Decoded as the identifier does; it moves `i` on by at least one byte.
            let cp = LanguageIdentifier.decodeScalar(bytes, &i)
            let lo = cp < UInt32(lowercase.count) ? lowercase[Int(cp)] : 0
            if lo == 0 {
                endWord()
            } else {
                if run < WordKey.maxLetters { key.set(run, lo) }
                run += 1
            }
        }
        endWord()
        return counts
    }

    /// The member of the group the markers name: the one with the most marker words, when it
    /// has more than twice as many as each other member (so one word settles a sentence, and a
    /// quotation in another standard does not turn a document); else nil.
    static func decisive(_ counts: [Int]) -> Int? {
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else { return nil }
        for (g, c) in counts.enumerated() where g != best && counts[best] <= 2 * c { return nil }
        return best
    }
}
