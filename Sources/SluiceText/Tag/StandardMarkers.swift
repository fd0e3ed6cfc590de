/// Words that tell the written standards of a close group apart: Bosnian or Croatian, Malay or
/// Indonesian, Bokmål, Nynorsk or Danish; and the function words of close languages: Czech or
/// Slovak, Catalan, Spanish, Galician or Portuguese, Hindi or Marathi. Their n-gram statistics
/// are nearly the same, so the model often cannot tell them apart on a sentence, while one word
/// that some member does not write rules that member out (`ikkje` is Nynorsk, `ikke` Bokmål or
/// Danish, `af` Danish; `bahawa` is Malay, `bahwa` Indonesian; `sa` is Slovak, `se` Czech;
/// `amb` is Catalan, `con` Spanish or Galician; `आहे` is Marathi, `है` Hindi).
///
/// The lists hold frequent words from each standard's own spelling rules and vocabulary (the
/// Norwegian Language Council's Bokmål and Nynorsk norms, Danish orthography; Croatian and
/// Bosnian standard vocabulary, including the month names, which differ entirely; Malaysian and
/// Indonesian spelling and vocabulary; the grammars' pronouns, articles, prepositions,
/// conjunctions and auxiliaries), chosen from those rules, not from any test data. A word is
/// listed under each member that writes it, and only when some member of its group does not.
enum StandardMarkers {
    /// The close groups, each a list of language codes.
    static let groups: [[String]] = [["bs", "hr", "sr"], ["ms", "id"], ["nb", "nn", "da"], ["cs", "sk"],
                                     ["ca", "es", "gl", "pt"], ["hi", "mr"]]

    /// Whether a group's members are standards of one language in writing, so that the
    /// n-grams alone cannot tell a paragraph from its document (a span needs marker words):
    /// the first three groups. Czech and Slovak, Catalan and Spanish, Hindi and Marathi are
    /// languages of their own, which the n-grams tell apart on a paragraph.
    static func spansNeedMarkers(group: Int) -> Bool { group < 3 }

    /// A script a member is also written in without n-grams in the model: Serbian, whose
    /// n-grams are Cyrillic, in Latin letters. Only marker words can choose it there.
    static func alsoWritten(_ language: String) -> Script? {
        language == "sr" ? .latin : nil
    }

    /// Marker words (lower case), each list with the members of a group that write its words:
    /// a word two members of a three-member group write (Bokmål and Danish `ikke`) tells those
    /// two from the third.
    static let lists: [(writers: [String], words: [String])] = [
        // Bosnian accepts many Croatian forms, so its list holds words Croatian does not write,
        // and the Croatian list only words Bosnian writes otherwise (months, `hiljada`/`tisuća`,
        // `Evropa`/`Europa`, `milion`/`milijun`, …); both write the ijekavian forms.
        // Serbian in Latin letters: ekavian forms (`vreme`, `reka`, `dete`; Bosnian and Croatian
        // write `vrijeme`, `rijeka`, `dijete`, listed for both) and the vocabulary it shares
        // with Bosnian (`hiljada`, `voz`, the months) or has alone (`istorija`, `hleb`, `kafa`).
        (["bs", "sr"],
         ["hiljada", "hiljade", "hiljadu", "sedmica", "sedmice", "sedmicu", "tačno", "tačka", "tačke",
          "šta", "ko", "uslov", "uslovi", "uslova", "univerzitet", "univerziteta", "univerzitetu",
          "porodica", "porodice", "porodici", "muzika", "muzike", "voz", "vazduh", "vazduha", "hemija",
          "hemijski", "fudbal", "fudbala", "fabrika", "fabrike", "spisak", "saradnja", "saradnje",
          "saradnju", "saradnik", "saradnici", "tokom", "juče", "uopšte", "nauka", "nauke", "nauci",
          "naučni", "naučnih", "naučne", "preduzeće", "preduzeća", "računar", "računara", "pozorište",
          "pozorišta", "milion", "miliona", "milioni", "evropa", "evrope", "evropi", "evropu",
          "evropski", "evropska", "evropske", "evropskoj", "evropskih", "demokratija", "demokratije",
          "glasanje", "glasanja", "učestvovati", "učestvuje", "učešće", "učešća", "januar", "januara",
          "februar", "februara", "mart", "marta", "septembar", "septembra", "oktobar", "oktobra",
          "novembar", "novembra", "decembar", "decembra", "takođe", "niko", "penzija", "penzije",
          "sudija", "sudije", "sekretar", "tačan", "opšti", "opšta", "opšte", "opšteg"]),
        (["bs"],
         ["historija", "historije", "historiji", "historiju", "hljeb", "obezbijediti", "kahva",
          "ljekar", "ljekara", "ljekari", "vjerovatno", "obavještenje", "obavještenja"]),
        (["bs", "hr"],
         ["vrijeme", "rijeka", "rijeke", "mlijeko", "dijete", "djeca", "djece", "djeci", "pjesma",
          "pjesme", "lijepo", "lijep", "lijepa", "mjesto", "mjesta", "mjestu", "vijek", "vijeka",
          "riječ", "riječi", "gdje", "poslije", "vidjeti", "htio", "snijeg", "cijena", "cijene",
          "cijeli", "cijela", "cijelo", "djelo", "djela", "ljeto", "svijet", "svijeta", "svijetu",
          "mjesec", "mjeseca", "mjesecu", "uvijek", "vijest", "vijesti", "predsjednik", "predsjednika",
          "predsjedniku", "ovdje", "prije", "dio", "dijela", "dijelu", "primjer", "primjera", "mjera",
          "mjere", "djevojka", "djevojke", "sjever", "sjevera", "bijeli", "bijela", "bijelo",
          "zvijezda", "sljedeći", "sljedeća", "sljedeće", "sljedećih", "sljedećem", "posljednji",
          "posljednja", "posljednje", "posljednjih", "uspješno", "uspješan", "uspješna", "neuspješno",
          "promjena", "promjene", "promjenu", "promjeni", "izmjena", "izmjene", "izmjenu", "primjena",
          "primjene", "primjenu", "mijenjati", "mijenja", "mijenjaju", "podijeliti", "dijeljenje",
          "podjela", "razmjena", "premjestiti", "vidjeli", "željeli", "smjer", "bilješka", "bilješke",
          "dijelovi", "dijelova", "svjetski", "svjetska", "svjetske", "opći", "opća", "opće", "općeg"]),
        (["hr"],
         ["tisuća", "tisuće", "tisuću", "tjedan", "tjedna", "tjedno", "točno", "točka", "točke", "tko",
          "znanost", "znanosti", "znanstveni", "znanstvenih", "sveučilište", "sveučilišta",
          "sveučilištu", "obitelj", "obitelji", "glazba", "glazbe", "glazbu", "kruh", "vlak", "vlaka",
          "zrakoplov", "kemija", "kemijski", "nogomet", "nogometa", "tvornica", "tvornice", "kava",
          "izvješće", "izvješća", "priopćenje", "gospodarstvo", "gospodarstva", "tijekom", "povijest",
          "povijesti", "povijesni", "povijesne", "ravnatelj", "ravnatelja", "liječnik", "liječnika",
          "liječnici", "tvrtka", "tvrtke", "tvrtki", "tvrtku", "računalo", "računala", "kazalište",
          "kazališta", "milijun", "milijuna", "milijuni", "europa", "europe", "europi", "europu",
          "europski", "europska", "europske", "europskoj", "europskih", "demokracija", "demokracije",
          "glasovanje", "glasovanja", "sudjelovati", "sudjeluje", "sudjelovanje", "sudjelovanja",
          "veleposlanstvo", "veleposlanik", "siječanj", "siječnja", "veljača", "veljače", "ožujak",
          "ožujka", "travanj", "travnja", "svibanj", "svibnja", "lipanj", "lipnja", "srpanj", "srpnja",
          "kolovoz", "kolovoza", "rujan", "rujna", "listopad", "listopada", "studeni", "studenoga",
          "studenog", "prosinac", "prosinca", "vjerojatno", "netko", "nitko", "svatko", "itko",
          "mirovina", "mirovine", "sudac", "suci", "tajnik", "točan"]),
        (["sr"],
         ["vreme", "reka", "reke", "mleko", "dete", "deca", "dece", "deci", "pesma", "pesme", "lepo",
          "lep", "lepa", "mesto", "mesta", "mestu", "vek", "veka", "reč", "reči", "gde", "posle",
          "videti", "hteo", "sneg", "cena", "cene", "celi", "cela", "celo", "celog", "delo", "leto",
          "mesec", "meseca", "mesecu", "uvek", "vest", "vesti", "predsednik", "predsednika",
          "predsedniku", "ovde", "pre", "deo", "delu", "primer", "primera", "mera", "mere", "devojka",
          "devojke", "sever", "severa", "beli", "belo", "zvezda", "verovatno", "bezbednost",
          "obezbediti", "lekar", "lekara", "lekari", "istorija", "istorije", "istoriji", "istoriju",
          "hleb", "kafa", "opština", "opštine", "opštini", "nedelja", "nedelje", "sledeći", "sledeća",
          "sledeće", "sledećih", "sledećem", "poslednji", "poslednja", "poslednje", "poslednjih",
          "uspešno", "uspešan", "uspešna", "neuspešno", "promena", "promene", "promenu", "promeni",
          "izmena", "izmene", "izmenu", "primena", "primene", "primenu", "menjati", "menja", "menjaju",
          "podeliti", "deljenje", "podela", "razmena", "premestiti", "videli", "želeli", "smer",
          "beleška", "beleške", "delovi", "delova", "svetski", "svetska", "svetske", "obaveštenje",
          "obaveštenja"]),
        // Malaysian and Indonesian spelling (`bahawa`/`bahwa`, `-iti`/`-itas`, `telefon`/`telepon`,
        // month names) and vocabulary; words both write with other meanings (`pejabat`, `cukai`,
        // `faham`, `cadangan`, `kumpulan`, `kedai`) are left out.
        (["ms"],
         ["bahawa", "kerana", "iaitu", "sahaja", "mahu", "syarikat", "universiti", "aktiviti",
          "kualiti", "komuniti", "identiti", "fikir", "berfikir", "selepas", "sebarang", "kakitangan",
          "pelancongan", "menerusi", "baharu", "wang", "maklumat", "peratus", "telefon", "televisyen",
          "filem", "muzik", "hospital", "ubat", "kempen", "projek", "polis", "kenderaan",
          "perkhidmatan", "sukan", "mesyuarat", "jawatankuasa", "nombor", "kerusi", "antarabangsa",
          "perlembagaan", "rakan", "berbanding", "manakala", "mengikut", "tentera", "askar", "mac",
          "jun", "julai", "ogos", "disember"]),
        (["id"],
         ["bahwa", "karena", "yaitu", "uang", "universitas", "aktivitas", "kualitas", "komunitas",
          "identitas", "pikir", "berpikir", "paham", "kantor", "pajak", "pariwisata", "bisa", "nggak",
          "enggak", "banget", "aja", "udah", "gimana", "kayak", "ketimbang", "informasi", "persen",
          "telepon", "televisi", "film", "musik", "dokter", "obat", "toko", "kampanye", "proyek",
          "kendaraan", "pelayanan", "panitia", "nomor", "kursi", "bapak", "karyawan", "internasional",
          "konstitusi", "pemilu", "rekan", "tentara", "besok", "kemarin", "maret", "juni", "juli",
          "agustus", "desember"]),
        // Bokmål, Nynorsk and Danish: words one of them writes alone (`noe`, `ikkje`, `af`), and
        // words two write and the third does not (`ikke`, `fra`, `en`: not Nynorsk; `av`,
        // `etter`, `meg`: not Danish). Words all three write (`også`, `når`) are left out.
        (["nb"],
         ["noe", "noen", "mye", "ble", "sier", "hennes", "fikk", "gikk", "vært", "uten", "hva", "mer",
          "vet", "gjør", "dere", "fortsatt", "fremdeles", "dessuten", "uke", "uker", "annet",
          "hverandre", "mulighet", "vanlig", "heter", "ganger"]),
        (["nb", "da"],
         ["ikke", "jeg", "fra", "bare", "hvor", "hvordan", "hvorfor", "hvem", "hvis", "hvilke",
          "hvilken", "hvilket", "en", "et", "disse", "dem", "deres", "hun", "hver", "hvert", "kommer",
          "tidligere", "senere", "selv", "egen", "eget", "egne", "hele", "helt", "flere", "sammen",
          "man", "siden", "mens", "kun", "egentlig", "mennesker", "meget", "mere", "være", "hjem",
          "kirke", "tror", "syv", "sted", "mulig", "mulige", "skole", "ellers", "særlig", "tydelig",
          "endelig", "eneste"]),
        (["nb", "nn"],
         ["av", "etter", "meg", "deg", "seg", "mellom", "gjennom", "hadde", "blir", "bli", "blitt",
          "ei", "mot", "sitt", "mitt", "ditt", "vår", "våre", "oss", "enn", "aldri", "alltid", "ut",
          "opp", "inn", "prosent", "prosjekt", "spørsmål", "slik", "sju", "heim", "kvinne", "kvinner",
          "kanskje", "kjenner", "plass", "dessverre"]),
        (["nn"],
         ["ikkje", "eg", "kva", "korleis", "kvifor", "kven", "kvar", "frå", "berre", "noko", "nokon",
          "nokre", "mykje", "ho", "vere", "vera", "heile", "heilt", "sjølv", "fleire", "meir", "difor",
          "saman", "seier", "deira", "hennar", "sidan", "fekk", "gjekk", "eigen", "eige", "eigne",
          "medan", "utan", "ein", "eit", "då", "hjå", "dei", "døme", "desse", "kjem", "gjer", "trur",
          "veke", "veker", "tidlegare", "seinare", "eigentleg", "framleis", "dykk", "dykkar", "vart",
          "no", "annan", "sjå", "kome", "mogleg", "kvarandre", "òg", "kyrkje", "skule", "gong",
          "gonger", "einaste", "elles", "særleg", "vanleg", "tydeleg", "endeleg", "heiter", "noreg"]),
        (["da"],
         ["af", "hvad", "nu", "efter", "mig", "dig", "sig", "nogle", "noget", "nogen", "blev", "havde",
          "mellem", "gennem", "igennem", "spørgsmål", "kærlighed", "købe", "ud", "op", "ind", "os",
          "vores", "mod", "uden", "aldrig", "altid", "hendes", "siger", "procent", "projekt", "børn",
          "kvinde", "kvinder", "uge", "uger", "sådan", "end", "fik", "gik", "været", "andet",
          "hinanden", "mulighed", "gør", "måske", "lige", "give", "blive", "bliver", "tager", "hedder",
          "kender", "plads", "hvornår", "desværre"]),
        // Czech and Slovak: the forms of `být`/`byť`, pronouns, conjunctions and prepositions
        // whose spelling differs (`jsou`/`sú`, `nebo`/`alebo`, `se`/`sa`, `při`/`pri`).
        (["cs"],
         ["jsem", "jsi", "jsme", "jste", "jsou", "není", "nebo", "jako", "který", "která", "které",
          "kteří", "jejich", "také", "mezi", "když", "proto", "ještě", "pouze", "jen", "byl", "byla",
          "bylo", "byli", "mohou", "může", "řekl", "tři", "již", "při", "přes", "před", "podle", "jak",
          "něco", "nic", "kdy", "proč", "tato", "hodně", "lidé", "člověk", "svět", "být", "mít",
          "mají", "budou", "její", "tedy", "ve", "ze", "se", "mě"]),
        (["sk"],
         ["som", "sme", "ste", "sú", "nie", "alebo", "ako", "ktorý", "ktorá", "ktoré", "ktorí", "ich",
          "tiež", "medzi", "keď", "preto", "ešte", "iba", "len", "bol", "bola", "bolo", "boli", "môžu",
          "môže", "povedal", "tri", "pri", "cez", "pred", "pre", "podľa", "čo", "kedy", "prečo", "nič",
          "niečo", "táto", "ľudia", "človek", "svet", "byť", "mať", "majú", "budú", "teda", "vo", "zo",
          "sa", "aj", "veľmi", "ak"]),
        // Catalan, Spanish, Galician and Portuguese: articles, contractions, prepositions,
        // conjunctions, adverbs and frequent verbs (`amb`/`con`, `els`/`los`, `y`). Left out:
        // one-letter `i` and `e` (a numeral, a letter), enclitics the languages share after a
        // hyphen (`-los`, `-las`), and words the others write in loans, names or addresses:
        // Catalan `per` (`per cápita`), `on`, `any`, `hi`, `ben`, `té` (Spanish "tea"); `com`
        // (`.com`); `iso`, `ten`, `solo`. Czech `co` (`CO2`), `let` and `pro` likewise, and
        // Slovak `jej` ("her"), which formal Czech writes for "it".
        (["ca", "es", "gl"],
         ["el", "en", "un"]),
        (["ca", "es"],
         ["del", "la", "les", "es", "una", "ella"]),
        (["ca", "es", "pt"],
         ["no"]),
        (["ca"],
         ["amb", "però", "més", "molt", "molta", "molts", "moltes", "també", "els", "dels", "als",
          "és", "són", "està", "fou", "ho", "això", "aquest", "aquesta", "aquests", "aquestes", "seva",
          "seves", "quan", "ara", "tot", "tots", "totes", "anys", "fer", "ells", "elles", "nosaltres",
          "fins", "sense", "perquè", "nou", "altre", "altra", "altres", "només", "ja", "tenen",
          "després", "mateix", "govern", "ciutat"]),
        (["ca", "pt"],
         ["havia"]),
        (["es"],
         ["y", "más", "muy", "también", "fue", "hay", "eso", "su", "sus", "cuando", "ahora", "año",
          "años", "hacer", "ellos", "ellas", "nosotros", "dijo", "hasta", "sin", "donde", "nuevo",
          "otro", "otra", "otros", "mucho", "mucha", "muchos", "bien", "ya", "puede", "tiene",
          "tienen", "después", "aunque", "mismo", "gobierno", "ciudad"]),
        (["es", "gl"],
         ["con", "pero", "son", "había", "ese", "esa"]),
        (["es", "gl", "pt"],
         ["por", "para", "está", "este", "esta", "como", "todo", "porque"]),
        (["es", "pt"],
         ["desde"]),
        (["gl", "pt"],
         ["mais", "foi", "isto", "agora", "ano", "anos", "ela", "eles", "elas", "nós", "onde", "novo",
          "outro", "outra", "outros", "só", "pode", "depois", "mesmo", "cidade", "ao", "aos", "é"]),
        (["gl"],
         ["máis", "moi", "tamén", "non", "unha", "hai", "cando", "facer", "dixo", "ata", "sen",
          "moito", "moita", "xa", "teñen", "goberno"]),
        (["pt"],
         ["muito", "muita", "muitos", "muitas", "também", "não", "em", "um", "uma", "são", "há",
          "isso", "sua", "suas", "quando", "fazer", "ele", "você", "vocês", "disse", "até", "sem",
          "esse", "essa", "bem", "já", "tem", "têm", "embora", "governo", "à", "às"]),
        // Hindi and Marathi: postpositions, auxiliaries and conjunctions (`है`/`आहे`, `में`/`मध्ये`,
        // `और`/`आणि`); words both write with other meanings (`या`, `तो`, `हो`, `ही`, `का`, `की`,
        // `होता`, `केला`, `पर`, `साथ`) are left out.
        (["hi"],
         ["है", "हैं", "था", "थे", "थी", "में", "के", "को", "से", "और", "नहीं", "यह", "वह", "भी",
          "लिए", "कि", "गया", "गई", "किया", "करने", "रहा", "रही", "रहे", "हुआ", "हुई", "अपने", "उनके",
          "इस", "उस", "कहा", "सकते", "सकता", "लेकिन", "क्या", "कोई", "बहुत", "अब", "जब", "तक",
          "द्वारा", "दिया"]),
        (["mr"],
         ["आहे", "आहेत", "आणि", "मध्ये", "नाही", "नाहीत", "केली", "करण्यात", "त्यांनी", "त्याने",
          "त्यांच्या", "त्याच्या", "यांनी", "यांच्या", "पण", "म्हणून", "म्हणजे", "असे", "असा", "असते",
          "आता", "काही", "झाले", "झाला", "झाली", "येथे", "तसेच", "आपल्या", "आम्ही", "मी", "माझ्या",
          "त्या", "साठी", "दिले", "गेले"]),
    ]

    /// Marker words by language: the words of every list it is among the writers of.
    static let words: [String: [String]] = {
        var words: [String: [String]] = [:]
        for list in lists {
            for language in list.writers { words[language, default: []] += list.words }
        }
        return words
    }()

    /// The index in ``groups`` of the group `language` belongs to, or nil. A switch: it runs
    /// for every decision, and most languages are in no group.
    static func group(of language: String) -> Int? {
        switch language {
        case "bs", "hr", "sr": 0
        case "ms", "id": 1
        case "nb", "nn", "da": 2
        case "cs", "sk": 3
        case "ca", "es", "gl", "pt": 4
        case "hi", "mr": 5
        default: nil
        }
    }

    /// A word of at most ``WordKey/maxLetters`` letters, lower-cased, 16 bits a letter.
    struct WordKey: Hashable {
        static let maxLetters = 16
        var k0: UInt64 = 0, k1: UInt64 = 0, k2: UInt64 = 0, k3: UInt64 = 0

        /// Adds letter number `j` (below ``maxLetters``).
        @inline(__always) mutating func set(_ j: Int, _ letter: UInt32) {
            let shifted = UInt64(letter & 0xFFFF) << UInt64((j & 3) * 16)
            switch j >> 2 {
            case 0: k0 |= shifted
            case 1: k1 |= shifted
            case 2: k2 |= shifted
            default: k3 |= shifted
            }
        }
    }

    /// The languages of all groups in one list, so that a word's writers fit in a bit mask.
    private static let members: [String] = groups.flatMap { $0 }

    /// The marker words in an open-addressing table (a Swift dictionary would hash each word's
    /// 32-byte key with SipHash): each word's key and the bit mask of the languages (in
    /// ``members``) that write it; a mask of 0 is an empty slot.
    private struct Table {
        static let bits = 12
        var keys = [WordKey](repeating: WordKey(), count: 1 << bits)
        var masks = [UInt32](repeating: 0, count: 1 << bits)

        @inline(__always) static func home(_ key: WordKey) -> Int {
            let h = (key.k0 &* 0x9E37_79B9_7F4A_7C15) ^ (key.k1 &* 0xC2B2_AE3D_27D4_EB4F)
                ^ (key.k2 &* 0x1656_67B1_9E37_79F9) ^ (key.k3 &* 0x27D4_EB2F_1656_67C5)
            return Int(truncatingIfNeeded: h >> UInt64(64 - bits))
        }

        /// The mask of `key`, 0 when it is no marker.
        func mask(_ key: WordKey) -> UInt32 {
            keys.withUnsafeBufferPointer { k in masks.withUnsafeBufferPointer { Self.mask(key, k, $0) } }
        }

        /// The mask of `key` in the table's `keys` and `masks`, 0 when it is no marker.
        @inline(__always) static func mask(_ key: WordKey, _ keys: UnsafeBufferPointer<WordKey>,
                                           _ masks: UnsafeBufferPointer<UInt32>) -> UInt32 {
            var s = home(key)
            while true {
                let m = masks[s]
                if m == 0 || keys[s] == key { return m }
                s = (s + 1) & ((1 << bits) - 1)
            }
        }

        mutating func add(_ key: WordKey, _ bit: UInt32) {
            var s = Self.home(key)
            while masks[s] != 0 && keys[s] != key { s = (s + 1) & ((1 << Self.bits) - 1) }
            keys[s] = key
            masks[s] |= bit
        }
    }

    private static let table: Table = {
        var table = Table()
        var count = 0
        for list in lists {
            let bits = list.writers.reduce(UInt32(0)) { $0 | UInt32(1) << UInt32(members.firstIndex(of: $1)!) }
            for word in list.words {
                var key = WordKey()
                for (j, scalar) in word.unicodeScalars.enumerated() { key.set(j, scalar.value) }
                precondition(table.mask(key) & bits == 0, "marker \(word) listed twice for one of \(list.writers)")
                if table.mask(key) == 0 { count += 1 }
                table.add(key, bits)
            }
        }
        // At most half full, so that a miss (most words) ends after a probe or two.
        precondition(count * 2 <= 1 << Table.bits, "marker table too full")
        return table
    }()

    /// Counters of a tally: 16 per group, one per set of its members.
    static let tallySize = groups.count * 16

    /// Each group's first member in ``members`` and the mask of all its members.
    private static let shapes: [(offset: UInt32, all: UInt32)] = groups.indices.map { g in
        (UInt32(groups[..<g].reduce(0) { $0 + $1.count }), (UInt32(1) << UInt32(groups[g].count)) - 1)
    }

    /// Adds the marker words of `bytes` to `tally` (``tallySize`` counters): for each group,
    /// the words each set of its members writes (`tally[group * 16 + set]`, a set as a bit mask
    /// of the group's members). Words are runs of letters by `lowercase` (the model's table: 0
    /// for a non-letter, else the lower-case letter); longer words than any marker, and
    /// capitalized words of four letters or more inside a sentence (names), are skipped. The
    /// tallies of the pieces of a text cut after line breaks add up to the whole text's, so a
    /// document's tally is its paragraphs'.
    static func tally(_ bytes: UnsafeBufferPointer<UInt8>, lowercase: UnsafeBufferPointer<UInt32>,
                      into tally: UnsafeMutablePointer<Int>) {
        // One loop, no local function (each captured variable would cost an exclusivity check
        // per access): this runs over every byte of a text the n-grams put in a group.
        let table = Self.table
        table.keys.withUnsafeBufferPointer { keys in
            table.masks.withUnsafeBufferPointer { masks in
                Self.shapes.withUnsafeBufferPointer { shapes in
                    var key = WordKey()
                    var run = 0
                    // A capitalized word of four letters or more inside a sentence is a name
                    // (`Sveta Nedelja`, `Vera`), not a marker; shorter ones are more often a
                    // sentence's first word after a break without punctuation (`… kontakt Jeg
                    // melder meg`). `afterStop` says whether a word starts a sentence, `name`
                    // whether the current one is capitalized (upper case, then lower case).
                    var afterStop = true
                    var capital = false
                    var name = false
                    var i = 0
                    let count = bytes.count
                    let lowerCount = UInt32(lowercase.count)
                    while i <= count {
                        // Past the end: a space, which ends the last word.
                        var cp: UInt32 = 0x20
                        if i < count {
                            // Decoded as the identifier does; it moves `i` on by at least one byte.
                            cp = LanguageIdentifier.decodeScalar(bytes, &i)
                            var lo = cp < lowerCount ? lowercase[Int(cp)] : 0
                            // Devanagari vowel signs and viramas are marks, outside the model's
                            // letters, but inside words (`है` is a letter and a sign).
                            if lo == 0 && cp &- 0x0900 <= 0x63 { lo = cp }
                            if lo != 0 {
                                if run == 0 {
                                    capital = lo != cp && !afterStop
                                } else if run == 1 && capital {
                                    name = lo == cp
                                }
                                if run < WordKey.maxLetters { key.set(run, lo) }
                                run += 1
                                continue
                            }
                        } else {
                            i += 1
                        }
                        if run > 0 {
                            if run <= WordKey.maxLetters && !(name && run >= 4) {
                                let mask = Table.mask(key, keys, masks)
                                if mask != 0 {
                                    for g in 0..<shapes.count {
                                        let writers = (mask >> shapes[g].offset) & shapes[g].all
                                        if writers != 0 && writers != shapes[g].all { tally[g * 16 + Int(writers)] += 1 }
                                    }
                                }
                            }
                            key = WordKey()
                            run = 0
                            name = false
                            afterStop = false
                        }
                        // Sentence ends, line breaks, and the quotes and brackets that may
                        // open a sentence start one; other non-spaces (commas, digits) do not.
                        switch cp {
                        case 0x2E, 0x21, 0x3F, 0x0A, 0x3A, 0x22, 0x28, 0x5B, 0xAB, 0xBB, 0x201C, 0x201E, 0x0964: afterStop = true
                        case 0x20, 0x09, 0x0D, 0xA0: break
                        default: afterStop = false
                        }
                    }
                }
            }
        }
    }

    /// The markers' evidence for group number `group` of ``groups``, with `n` members, from a
    /// ``tally(_:lowercase:into:)``: `evidence[a * n + b]` counts the words member `a` writes
    /// and member `b` does not.
    static func evidence(tally: UnsafePointer<Int>, group: Int) -> [Int] {
        let n = groups[group].count
        var evidence = [Int](repeating: 0, count: n * n)
        for writers in 1..<(1 << n) - 1 {
            let c = tally[group * 16 + writers]
            if c == 0 { continue }
            for a in 0..<n where writers & (1 << a) != 0 {
                for b in 0..<n where writers & (1 << b) == 0 { evidence[a * n + b] += c }
            }
        }
        return evidence
    }

    /// The members the evidence rules out: `b` is out when some member `a` has more than
    /// twice as many words for it against `b` as `b` has against `a` (so one word settles a
    /// sentence, and a quotation in another standard does not turn a document).
    static func ruledOut(_ evidence: [Int], members n: Int) -> [Bool] {
        (0..<n).map { b in
            (0..<n).contains { a in a != b && evidence[a * n + b] > 2 * evidence[b * n + a] }
        }
    }
}
