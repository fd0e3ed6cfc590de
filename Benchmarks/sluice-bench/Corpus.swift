// A deterministic, realistic news-like JSONL corpus (the ideas of Benchmarks/make_corpus.py in
// Swift, so the benchmark needs no Python): articles in eight languages assembled from sentence
// templates and a Zipf-distributed pseudo-vocabulary, with the noise real dumps carry —
// mojibake, HTML entities and tags, boilerplate lines ("Share this article", "Read more: …"),
// trailing hashtag and timestamp lines, NBSP / zero-width spaces, CRLF, stray ". ,", ~1% exact
// duplicates and ~0.1% bad records (invalid JSON, non-string text). All text is generated here (CC0).
//
//     sluice-bench corpus OUT_DIR [--mb 200] [--files 8] [--seed 1]
//
// Writes OUT_DIR/part-XXX.jsonl.zst, zstd level 3 (one frame per ~4 MB of JSONL).
import Foundation
import Sluice

/// SplitMix64: small, fast, and the same sequence on every platform.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// Uniform in lo...hi.
    mutating func int(_ lo: Int, _ hi: Int) -> Int { lo + Int(next() % UInt64(hi - lo + 1)) }
    mutating func pick<T>(_ a: [T]) -> T { a[Int(next() % UInt64(a.count))] }
}

enum CorpusText {
    static let subjects: [String: [String]] = [
        "en": ["The city council", "Prime Minister Ellis", "Dr. Hannah Morrow", "The central bank", "Local farmers",
               "The U.S. delegation", "Mr. Okafor", "Researchers at Northgate University", "The ministry", "Union leaders"],
        "de": ["Der Stadtrat", "Die Bundesregierung", "Prof. Dr. Weber", "Die Zentralbank", "Viele Landwirte", "Die Gewerkschaft"],
        "fr": ["Le conseil municipal", "La ministre", "M. Durand", "La banque centrale", "Les agriculteurs", "Le syndicat"],
        "es": ["El ayuntamiento", "La ministra", "El Sr. García", "El banco central", "Los agricultores", "El sindicato"],
        "it": ["Il consiglio comunale", "La ministra", "Il dott. Rossi", "La banca centrale", "Gli agricoltori"],
        "pt": ["A câmara municipal", "O ministro", "A Dra. Costa", "O banco central", "Os agricultores"],
        "ru": ["Городской совет", "Министр финансов", "Центральный банк", "Фермеры региона", "Профсоюз"],
        "nl": ["De gemeenteraad", "De minister", "Dhr. de Vries", "De centrale bank", "De boeren"],
    ]
    static let verbs: [String: [String]] = [
        "en": ["announced on Tuesday that", "said in a statement that", "warned that", "confirmed at 9:30 a.m. that", "told reporters that"],
        "de": ["teilte am Dienstag mit, dass", "erklärte, dass", "warnte, dass", "bestätigte am 3. Oktober, dass"],
        "fr": ["a annoncé mardi que", "a déclaré que", "a averti que", "a confirmé que"],
        "es": ["anunció el martes que", "dijo en un comunicado que", "advirtió que", "confirmó que"],
        "it": ["ha annunciato martedì che", "ha dichiarato che", "ha avvertito che"],
        "pt": ["anunciou na terça-feira que", "disse em comunicado que", "alertou que"],
        "ru": ["заявил во вторник, что", "сообщил, что", "предупредил, что"],
        "nl": ["maakte dinsdag bekend dat", "zei in een verklaring dat", "waarschuwde dat"],
    ]
    static let objects: [String: [String]] = [
        "en": ["spending would rise by 4.5 percent next year", "the new bridge would open in 2026", "prices had fallen for the third month in a row",
               "about 12,000 homes were still without power", "talks would resume after the summer break", "the plan would cost $3.2 billion"],
        "de": ["die Ausgaben im nächsten Jahr um 4,5 Prozent steigen würden", "die neue Brücke 2026 eröffnet werde", "rund 12.000 Haushalte ohne Strom seien"],
        "fr": ["les dépenses augmenteraient de 4,5 % l'an prochain", "le nouveau pont ouvrirait en 2026", "environ 12 000 foyers étaient privés d'électricité"],
        "es": ["el gasto aumentaría un 4,5 % el próximo año", "el nuevo puente abriría en 2026", "unos 12.000 hogares seguían sin luz"],
        "it": ["la spesa aumenterà del 4,5% il prossimo anno", "il nuovo ponte aprirà nel 2026", "circa 12.000 case erano senza corrente"],
        "pt": ["os gastos subiriam 4,5% no próximo ano", "a nova ponte abriria em 2026", "cerca de 12 mil casas estavam sem luz"],
        "ru": ["расходы вырастут на 4,5 процента в следующем году", "новый мост откроется в 2026 году", "около 12 тысяч домов остаются без света"],
        "nl": ["de uitgaven volgend jaar met 4,5 procent stijgen", "de nieuwe brug in 2026 opengaat", "zo'n 12.000 huizen zonder stroom zaten"],
    ]
    static let quotes: [String: [String]] = [
        "en": ["“We are not giving up[…]we are simply changing course,” she said.", "\"Is this the end?\" he asked. \"No.\"", "Critics called the decision “premature”."],
        "de": ["„Wir geben nicht auf“, sagte sie.", "Kritiker nannten die Entscheidung „verfrüht“."],
        "fr": ["« Nous n'abandonnons pas », a-t-elle dit.", "Les critiques ont jugé la décision « prématurée »."],
        "es": ["«No nos rendimos», dijo ella.", "Los críticos calificaron la decisión de «prematura»."],
        "it": ["«Non ci arrendiamo», ha detto.", "I critici hanno definito la decisione «prematura»."],
        "pt": ["“Não vamos desistir”, disse ela.", "Os críticos chamaram a decisão de “prematura”."],
        "ru": ["«Мы не сдаёмся», — сказала она.", "Критики назвали решение «преждевременным»."],
        "nl": ["‘We geven niet op’, zei ze.", "Critici noemden het besluit ‘voorbarig’."],
    ]
    static let langs = Array(repeating: "en", count: 8) + ["de", "de", "fr", "fr", "es", "es", "it", "pt", "ru", "nl"]
    static let tags = ["economy", "Putin", "climate", "election", "summit", "energy", "football", "health", "Kazakhstan", "budget"]
    static let boilerplate = ["Share this article", "Share on Facebook", "Read more: Markets rally as talks resume",
                              "Follow us on Twitter", "Subscribe to our newsletter", "Advertisement",
                              "© 2024 Example News. All rights reserved.", "Click here to read more"]
    static let syllables = ["ka", "lo", "mer", "an", "sti", "vel", "or", "pa", "ri", "ton", "de", "bru", "sa", "len", "qui", "mo",
                            "har", "el", "ny", "gor", "ta", "vin", "ash", "ford", "ber", "ly", "chen", "za", "ro", "dor", "wick", "ham"]
}

struct CorpusGenerator {
    var rng: SplitMix64
    let words: [String]
    let cumulative: [Double]
    var recent: [String] = []
    var n = 0

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
        var v = SplitMix64(seed: 12345)
        var words: [String] = []
        var cum: [Double] = []
        var total = 0.0
        for i in 0..<30_000 {
            let k = v.pick([1, 2, 2, 3, 3, 4])
            words.append((0..<k).map { _ in v.pick(CorpusText.syllables) }.joined())
            total += 1.0 / pow(Double(i + 1), 0.9)
            cum.append(total)
        }
        self.words = words
        self.cumulative = cum
    }

    /// A Zipf-distributed pseudo-word: real text's vocabulary keeps zstd near 3:1 on text.
    mutating func word() -> String {
        let x = rng.unit() * cumulative[cumulative.count - 1]
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return words[lo]
    }

    mutating func phrase(_ k: Int) -> String { (0..<k).map { _ in word() }.joined(separator: " ") }

    mutating func sentence(_ lang: String) -> String {
        let name = word().capitalized + " " + word().capitalized
        let extra = phrase(rng.int(2, 9))
        let number: String
        switch rng.int(0, 2) {
        case 0: number = "\(rng.int(2, 999))"
        case 1: number = "\(rng.int(1, 99)).\(rng.int(0, 9))"
        default:
            let v = rng.int(1000, 99_999)
            number = "\(v / 1000),\(String(format: "%03d", v % 1000))"
        }
        return "\(rng.pick(CorpusText.subjects[lang]!)) \(rng.pick(CorpusText.verbs[lang]!)) "
            + "\(rng.pick(CorpusText.objects[lang]!)), \(extra) \(number) \(name)."
    }

    mutating func article(_ lang: String) -> String {
        var paras: [String] = []
        let html = rng.unit() < 0.05      // an article whose markup survived extraction
        for _ in 0..<rng.int(3, 8) {
            var sents = (0..<rng.int(2, 5)).map { _ in sentence(lang) }
            if rng.unit() < 0.3 { sents.insert(rng.pick(CorpusText.quotes[lang]!), at: rng.int(0, sents.count)) }
            var p = sents.joined(separator: " ")
            let r = rng.unit()
            if r < 0.05 { p = replacingFirst(p, ". ", ". , which ") }
            else if r < 0.10 { p = replacingFirst(p, " ", "\u{00A0}", count: 2) }
            else if r < 0.13 { p = replacingFirst(p, " ", "  ", count: 3) }
            else if r < 0.15 { p = replacingFirst(p, "e", "e\u{200B}") }
            else if r < 0.17 { p = p.replacingOccurrences(of: "’", with: "â€™").replacingOccurrences(of: "é", with: "Ã©") }
            else if r < 0.19 { p += " &amp; more &quot;news&quot; &#8217;s" }
            else if r < 0.21 { p = "<b>" + replacingFirst(p, ". ", ". <a href=\"https://example.com/x\">link</a> ") + "</b>" }
            if html { p = "<p>" + p + "</p>" }
            paras.append(p)
            if rng.unit() < 0.04 { paras.append(rng.pick(CorpusText.boilerplate)) }
        }
        if rng.unit() < 0.15 { paras.append(rng.pick(CorpusText.boilerplate)) }
        var text = paras.joined(separator: rng.unit() < 0.5 ? "\n\n" : "\n")
        if rng.unit() < 0.4 {
            var pool = CorpusText.tags
            let k = rng.int(2, 5)
            var chosen: [String] = []
            for _ in 0..<k { chosen.append(pool.remove(at: rng.int(0, pool.count - 1))) }
            text += "\n" + chosen.map { "#" + $0 }.joined(separator: " ")
        }
        if rng.unit() < 0.4 {
            text += String(format: "\n2024-%02d-%02d %02d:%02d:%02d", rng.int(1, 12), rng.int(1, 28),
                           rng.int(0, 23), rng.int(0, 59), rng.int(0, 59))
        }
        if rng.unit() < 0.05 { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        return text
    }

    /// The next JSONL line (without its newline).
    mutating func line() -> String {
        n += 1
        let r = rng.unit()
        if r < 0.0005 { return "{\"id\": \"bad-\(n)\", \"text\": \"cut off" }
        if r < 0.001 { return "{\"id\": \"bad-\(n)\", \"text\": \(n)}" }
        let lang = rng.pick(CorpusText.langs)
        let text = !recent.isEmpty && rng.unit() < 0.01 ? rng.pick(recent) : article(lang)
        recent.append(text)
        if recent.count > 50 { recent.removeFirst() }
        let title = String(sentence(lang).dropLast())
        let section = rng.pick(["world", "business", "sport"])
        let score = String(format: "%.3f", rng.unit())
        return "{\"id\": \"doc-\(String(format: "%08d", n))\", \"url\": \"https://news\(n % 97).example/\(lang)/\(n)\", "
            + "\"title\": \(jsonString(title)), \"text\": \(jsonString(text)), \"source\": \"news\(n % 97).example\", "
            + "\"meta\": {\"section\": \"\(section)\", \"score\": \(score)}}"
    }

    private mutating func replacingFirst(_ s: String, _ target: String, _ with: String, count: Int = 1) -> String {
        var out = s
        var from = out.startIndex
        for _ in 0..<count {
            guard let r = out.range(of: target, range: from..<out.endIndex) else { break }
            out.replaceSubrange(r, with: with)
            from = out.index(r.lowerBound, offsetBy: with.count, limitedBy: out.endIndex) ?? out.endIndex
        }
        return out
    }
}

/// A JSON string literal (UTF-8 kept as is, like `json.dumps(ensure_ascii=False)`).
func jsonString(_ s: String) -> String {
    var out = "\""
    out.reserveCapacity(s.utf8.count + 8)
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
        }
    }
    return out + "\""
}

/// Writes `files` files of about `mb / files` MB of JSONL each, zstd-compressed; returns
/// (records, uncompressed bytes, compressed bytes).
@discardableResult
func generateCorpus(directory: String, mb: Double, files: Int, seed: UInt64) throws -> (Int, Int, Int) {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var gen = CorpusGenerator(seed: seed)
    let compressor = ZstdCompressor(level: 3)
    let perFile = Int(mb * 1e6) / files
    var raw = 0, packed = 0
    for f in 0..<files {
        let path = directory + "/" + String(format: "part-%03d.jsonl.zst", f)
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw BenchError("cannot write \(path)") }
        var size = 0
        var chunk: [UInt8] = []
        chunk.reserveCapacity(4 << 20 + 65536)
        func flush() throws {
            guard !chunk.isEmpty else { return }
            var frame: [UInt8] = []
            compressor.compressFrame(chunk, appendingTo: &frame)
            try handle.write(contentsOf: frame)
            packed += frame.count
            chunk.removeAll(keepingCapacity: true)
        }
        while size < perFile {
            let line = gen.line()
            chunk.append(contentsOf: line.utf8)
            chunk.append(0x0A)
            size += line.utf8.count + 1
            if chunk.count >= 4 << 20 { try flush() }
        }
        try flush()
        try handle.close()
        raw += size
    }
    return (gen.n, raw, packed)
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
