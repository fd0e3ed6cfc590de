/// Headings that open the boxes after an article rather than its text: related and
/// recommended articles, "read more", author boxes and share bars, in the languages of the
/// web's news sites. Such a heading is never article text, and near the end of an article
/// it ends it: what follows it inside the same container is the box. Also the labels of
/// image credits ("Foto: …"), which are never article text either.
enum RelatedHeadings {
    /// Normalized heading texts: lower case, white space collapsed, a trailing `:`, `?`,
    /// `!`, `.` or `…` removed.
    static let phrases: Set<String> = [
        // English
        "related", "related articles", "related posts", "related stories", "related content", "related news",
        "related coverage", "related topics", "related reading", "read more", "read also", "read next", "also read",
        "more on this topic", "more on this story", "more stories", "more news", "you may also like",
        "you might also like", "you may be interested in", "recommended", "recommended for you", "see also",
        "further reading", "most read", "most popular", "trending now", "share this", "share this article",
        "share this story", "share this post", "about the author", "more from the author", "latest news",
        // German
        "mehr zum thema", "mehr zu diesem thema", "das könnte sie auch interessieren",
        "das könnte dich auch interessieren", "das könnte ihnen auch gefallen", "das könnte dir auch gefallen",
        "auch interessant", "ebenfalls interessant", "lesen sie auch", "lesen sie mehr", "lies auch", "weitere artikel",
        "weitere beiträge", "ähnliche artikel", "ähnliche beiträge", "verwandte artikel", "verwandte beiträge",
        "schon gelesen", "mehr dazu", "empfehlungen", "unsere empfehlungen", "meistgelesen", "meistgelesene artikel",
        "über den autor", "über die autorin", "zum autor", "zur autorin", "artikel teilen", "diesen artikel teilen",
        "beitrag teilen", "dazu passend", "passend zum thema", "mehr aus dem ressort", "weitere informationen",
        "weitere nachrichten", "neueste beiträge", "aktuelle beiträge", "themen", "lust auf mehr", "top themen",
        "mehr lesen", "mehr laden", "lade weitere inhalte", "load more", "show more",
        // The contact and sources blocks after a press release or report.
        "kontakt", "pressekontakt", "ansprechpartner", "ansprechpartnerin", "ihr ansprechpartner", "ihre ansprechpartnerin",
        "zusatzinformationen", "quellen", "quellenangaben", "originalpublikation", "media contact", "press contact",
        "media contacts", "contact", "sources",
        // Spanish, Portuguese, Italian
        "te puede interesar", "le puede interesar", "también te puede interesar", "también le puede interesar",
        "noticias relacionadas", "artículos relacionados", "contenido relacionado", "lee también", "lea también",
        "más noticias", "leia também", "veja também", "notícias relacionadas", "leggi anche", "potrebbe interessarti",
        "articoli correlati",
        // French
        "vous aimerez aussi", "à lire aussi", "a lire aussi", "lire aussi", "sur le même sujet", "articles similaires",
        "à voir aussi", "dans la même rubrique", "articles liés",
        // Polish, Dutch
        "zobacz też", "zobacz także", "czytaj też", "czytaj także", "przeczytaj też", "przeczytaj także", "polecamy",
        "dowiedz się więcej", "lees ook", "gerelateerde artikelen", "meer over dit onderwerp",
    ]

    /// At most this many visible bytes: longer elements are no box heading.
    static let maxLength: Int32 = 48

    /// Labels that start an image credit ("Foto: AFP", "Photograph by …"), lower case.
    static let creditLabels: [String] = [
        "foto:", "fotos:", "foto ©", "foto: ©", "fotocredit", "photo:", "photos:", "photo by", "photograph by", "photo credit",
        "image:", "image credit", "image by", "credit:", "credits:", "bild:", "bilder:", "bildquelle:", "titelbild:",
        "beitragsbild:", "quelle: foto", "crédit photo", "crédits photo", "crédit :", "fotografía:", "foto de", "zdjęcie:",
    ]

    /// At most this many nodes are read under a candidate element.
    static let maxVisits = 256

    /// At most this many visible bytes: longer elements are no credit line.
    static let maxCreditLength: Int32 = 100

    /// What a short element is, by its text.
    enum Kind {
        case none
        /// Opens a box after the article (one of ``phrases``).
        case boxHeading
        /// An image credit (starts with one of ``creditLabels``).
        case credit
    }

    /// The kind of element `i` is; `heading`: its tag can head a box and its text is short
    /// enough (at most ``maxLength`` visible bytes); `credit`: it can be a credit line (at most
    /// ``maxCreditLength``). One reading of its text for both.
    static func kind(_ analysis: PageAnalysis, _ i: Int32, heading: Bool, credit: Bool) -> Kind {
        let text = normalized(analysis, i)
        if text.isEmpty { return .none }
        if heading && phrases.contains(text) { return .boxHeading }
        if credit && creditLabels.contains(where: { text.hasPrefix($0) }) { return .credit }
        return .none
    }

    /// The kept text under `i`, lower case, white space collapsed, trailing `:?!.…` removed.
    private static func normalized(_ analysis: PageAnalysis, _ i: Int32) -> String {
        let doc = analysis.doc
        var bytes: [UInt8] = []
        var space = false
        let end = doc.end(of: i)
        var j = Int(i) + 1
        // A short text spread over very many elements is no heading; the bound keeps nested
        // candidates linear.
        var visits = 0
        while j < end {
            visits += 1
            if visits > maxVisits || bytes.count > 4 * Int(maxCreditLength) { return "" }
            let n = doc.nodes[j]
            if n.tag == .text {
                for b in doc.bytes[Int(n.start)..<Int(n.end)] {
                    if b <= 0x20 {
                        space = true
                        continue
                    }
                    if space && !bytes.isEmpty { bytes.append(0x20) }
                    space = false
                    bytes.append(b)
                }
                j += 1
            } else if analysis.removal[j] != .kept {
                j = doc.end(of: Int32(j))
            } else {
                j += 1
            }
        }
        while let last = bytes.last, last == 0x3A || last == 0x3F || last == 0x21 || last == 0x2E || last == 0x20 { bytes.removeLast() }
        // "…" (U+2026) at the end.
        if bytes.count >= 3 && bytes[(bytes.count - 3)...].elementsEqual([0xE2, 0x80, 0xA6]) { bytes.removeLast(3) }
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }

    /// Whether `i`'s tag can hold a credit line.
    static func canCredit(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .p, .div, .span, .small, .em, .i, .li, .figcaption, .cite: return true
        default: return false
        }
    }

    /// Whether `i`'s tag can hold a box heading.
    static func canHead(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .h1, .h2, .h3, .h4, .h5, .h6, .p, .div, .span, .strong, .b, .header, .dt, .li, .section: return true
        default: return false
        }
    }
}
