/// The text clean-up of ``HTMLMetadataExtractor``: white space, markup inside JSON-LD strings,
/// bylines, site names in titles, language tags and relative URLs.
enum HTMLMetadataText {
    /// Whitespace runs (Unicode spaces and NBSP included) become one space, ends trimmed; cut to
    /// `limit` characters (at a character boundary), in NFC. Nil when nothing is left.
    static func clean(_ s: String, limit: Int = 1000) -> String? {
        var out = String()
        var pendingSpace = false
        var count = 0
        out.reserveCapacity(min(s.utf8.count, limit * 4))
        for ch in s.unicodeScalars {
            // ASCII first: the property lookup is the slow part.
            let space = ch.value < 0x80 ? (ch.value == 0x20 || (ch.value >= 0x09 && ch.value <= 0x0D))
                : (ch.properties.isWhitespace || ch == "\u{200B}" || ch == "\u{FEFF}")
            if space {
                pendingSpace = !out.isEmpty
                continue
            }
            if ch.value < 0x20 || ch.value == 0x7F { continue }
            if pendingSpace {
                if count + 1 >= limit { break }   // never end on the space
                out.unicodeScalars.append(" ")
                pendingSpace = false
                count += 1
            }
            out.unicodeScalars.append(ch)
            count += 1
            if count >= limit { break }
        }
        if out.isEmpty { return nil }
        // In NFC, as `clean` leaves the text: a title written with a composition-excluded
        // letter (Bengali U+09DC) or a decomposed accent is the same title as the text's.
        return UnicodeNormalizer.normalize(out, .nfc) ?? out
    }

    /// Tags removed and character references decoded (JSON-LD strings and meta values often
    /// carry `<b>`, `&amp;`), then ``clean(_:limit:)``.
    static func plain(_ s: String, limit: Int = 1000) -> String? {
        guard s.utf8.contains(where: { $0 == 0x3C || $0 == 0x26 }) else { return clean(s, limit: limit) }
        var t = HTMLTokenizer(s)
        var out: [UInt8] = []
        while let token = t.next(), out.count < limit * 4 {
            if case .text(let span) = token { t.withBytes(span) { out.append(contentsOf: $0) } }
        }
        return clean(String(decoding: out, as: UTF8.self), limit: limit)
    }

    /// Whether `s` looks like a URL or an e-mail address rather than a name.
    static func isURL(_ s: String) -> Bool {
        s.hasPrefix("http://") || s.hasPrefix("https://") || s.hasPrefix("//") || s.hasPrefix("www.") || s.hasPrefix("/")
            || (s.contains("@") && !s.contains(" "))
    }

    /// A byline's name: a leading "By"/"Von"/"Par"/"Por"/"Di"/"Author:"… removed; nil when what
    /// is left is no name (empty, too long, a URL, mostly digits).
    static func author(_ raw: String) -> String? {
        // Soft hyphens are invisible and split a name (`Mat\u{AD}thi\u{AD}as`).
        guard var s = clean(raw.contains("\u{AD}") ? raw.replacingOccurrences(of: "\u{AD}", with: "") : raw, limit: 300) else { return nil }
        let prefixes = ["written by ", "posted by ", "published by ", "geschrieben von ", "verfasst von ", "ein beitrag von ", "beitrag von ",
                        "text von ", "text: ", "texte : ", "texte: ", "autor: ", "autorin: ", "autoren: ", "author: ", "auteur: ", "autor ", "autorin ", "autoren ",
                        "author ", "auteur ", "ein artikel von ",
                        "by: ", "by ", "von ", "par ", "por ", "di ", "de ", "door ", "av ", "von: ", "från ",
                        "gespeichert von ", "erstellt von ", "eingestellt von ", "submitted by ", "publié par ", "écrit par ",
                        "escrito por ", "publicado por ", "redaktion: "]
        var changed = true
        while changed {
            changed = false
            let lower = s.lowercased()
            for p in prefixes where lower.hasPrefix(p) {
                s = String(s.dropFirst(p.count)).trimmingSpaces
                changed = true
                break
            }
        }
        // "Name | 28.07.2019", "Name @ 12:00", "Name am 21. April 2020": keep the name part.
        for sep in [" | ", " · ", " • ", " – ", " — ", " @ ", "\n"] {
            if let r = s.firstRange(of: sep) { s = String(s[..<r.lowerBound]).trimmingSpaces }
        }
        // "Text & Fotos: Name", "Interview: Name": the credit's label goes.
        if let colon = s.firstIndex(of: ":"), s.index(after: colon) < s.endIndex, s[s.index(after: colon)] == " " {
            let words = s[..<colon].lowercased().split(whereSeparator: { " &/,+".contains($0) })
            if !words.isEmpty, words.count <= 4, words.allSatisfy({ creditWords.contains(String($0)) }) {
                s = String(s[s.index(after: colon)...]).trimmingSpaces
            }
        }
        // "Name (Pressesprecher)": a role or affiliation in brackets after the name.
        if s.last == ")", let open = s.lastIndex(of: "("), open > s.startIndex, s[s.index(before: open)] == " " {
            s = String(s[..<open]).trimmingSpaces
        }
        // "Name - http://example.org", "Name (www.example.org)": links are no part of a name.
        if s.contains("://") || s.contains("www.") {
            var kept = s.split(separator: " ").filter { !($0.contains("://") || $0.hasPrefix("www.") || $0.hasPrefix("(www.")) }
            while let last = kept.last, last.allSatisfy({ !$0.isLetter }) { kept.removeLast() }
            s = kept.joined(separator: " ")
        }
        // "Posted on September 21, 2020 by Name": the name follows a "by" after a date.
        let words = s.split(separator: " ")
        if let k = words.firstIndex(where: { ["by", "von", "par", "por", "door"].contains($0.lowercased()) }), k > 0, k + 1 < words.count,
           words[..<k].contains(where: { $0.contains(where: \.isNumber) }) {
            s = words[(k + 1)...].joined(separator: " ")
        }
        // "Name am 21. April 2020", "Name, 21.01.2015": the name precedes the date.
        if let digit = s.firstIndex(where: { $0.isNumber }) {
            var words = s[..<digit].split(separator: " ")
            let connectors = ["am", "on", "le", "el", "il", "den", "vom", "at", "um", "|", "-", "–", "·", "•"]
            if let last = words.last, connectors.contains(last.lowercased()) || last.hasSuffix(",") {
                while let last = words.last, connectors.contains(last.lowercased()) { words.removeLast() }
                s = words.joined(separator: " ")
                // `Allgemein , Essen ,`: punctuation and the spaces before it (fuzz finding).
                while let last = s.last, ",;:(- ".contains(last) { s.removeLast() }
            }
        }
        // "Von R. R. am" with the date in a link after it: the connector left at the end goes.
        var tail = s.split(separator: " ")
        while tail.count > 1, let last = tail.last, ["am", "on", "le", "el", "il", "den", "vom", "at", "um", "|", "-", "–", "·", "•"].contains(last) {
            tail.removeLast()
            s = tail.joined(separator: " ")
        }
        if s.hasPrefix("@") || s.hasSuffix(":") || s.contains("[at]") || s.first?.isNumber == true { return nil }
        let lower = s.lowercased()
        if ["by", "von", "par", "por", "di", "de", "autor", "author", "admin", "follow", "no author", "name", "mehr", "more"].contains(lower)
            || lower.hasSuffix("admin") || ["photo", "foto", "bild", "image", "alle ", "all ", "more ", "mehr "].contains(where: { lower.hasPrefix($0) })
            || ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "monday", "tuesday", "wednesday",
                "thursday", "friday", "saturday", "sunday"].contains(lower) {
            return nil
        }
        if !isNameNotLabel(lower) { return nil }
        guard !s.isEmpty, s.count <= 80, !isURL(s) else { return nil }
        let letters = s.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        // Spaces and the dots of initials ("R. R.") are neither letters nor the digits this keeps out.
        let others = s.unicodeScalars.filter { !$0.properties.isAlphabetic && $0 != " " && $0 != "." }.count
        guard letters * 2 >= letters + others, letters >= 2 else { return nil }
        return s
    }

    /// The words of a credit's label ("Text und Fotos:").
    private static let creditWords: Set<String> = [
        "text", "texte", "textes", "words", "foto", "fotos", "fotografie", "photo", "photos", "photography", "bild", "bilder", "illustration",
        "illustrationen", "interview", "recherche", "reporting", "und", "and", "et", "y", "autor", "autorin", "author", "redaktion", "grafik",
    ]

    /// Words and legal forms that name an organisation, not a person (`Deutscher Caritasverband
    /// e. V.`, `Web Commerce GmbH`).
    private static let organisationWords: Set<String> = [
        "e.v.", "ev", "gmbh", "ag", "kg", "se", "ltd", "ltd.", "inc", "inc.", "llc", "s.a.", "sa", "plc", "verlag", "verband", "stiftung",
        "landesanstalt", "institut", "institute", "redaktion", "editorial", "team", "magazin", "magazine", "zeitung", "news", "online",
        "gruppe", "group", "media", "medien", "verein", "bund", "ministerium", "amt", "agentur", "agency", "illustrierte",
    ]

    /// Whether an author from the metadata names no person: the site (`Die FURCHE` on
    /// furche.at), an organisation, an abbreviation (`LN`, `JF`: a paper's initials), or words that
    /// start in lower case (`deinen Hochzeitsbloggern`) but are no user name.
    static func isImpersonalAuthor(_ s: String, site: [String]) -> Bool {
        if isSiteName(s, site: site, loose: true) || isOrganisation(s) { return true }
        let k = siteKey(s)
        if k.count >= 5, site.contains(where: { let key = siteKey($0); return key.count >= 5 && k.contains(key) }) { return true }
        if s.count <= 3, s.allSatisfy({ $0.isUppercase }) { return true }
        return s.contains(" ") && s.first?.isLowercase == true
    }

    /// Whether a name is an organisation's: one of its words is a legal form or such a noun
    /// (`e. V.` is read as `e.v.`), or it has a web address's dot (`finanztreff.de`).
    static func isOrganisation(_ s: String) -> Bool {
        let lower = s.lowercased().replacingOccurrences(of: "e. v.", with: "e.v.")
        let words = lower.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," })
        if words.contains(where: { organisationWords.contains(String($0)) }) { return true }
        if let last = words.last, let dot = last.lastIndex(of: "."), last.index(after: dot) < last.endIndex,
           last[last.index(after: dot)...].allSatisfy(\.isLetter), (2...4).contains(last.distance(from: dot, to: last.endIndex) - 1) {
            return !last.hasSuffix(".") && words.count == 1
        }
        return false
    }

    /// Words that a byline element holds besides the name: what is left of "Published on
    /// <date>" once the date is cut, a label whose name is elsewhere ("Autorenseite von" with the
    /// name only in the link), a relative time ("vor 5 Stunden", "2 hours ago"), a link to the
    /// author's article list. None of them is a name.
    private static let publishingVerbs: Set<String> = [
        "veröffentlicht", "publiziert", "erschienen", "aktualisiert", "geändert", "published", "posted", "updated",
        "last updated", "publié", "publié le", "mis à jour", "publicado", "actualizado", "pubblicato", "aggiornato",
        "geplaatst", "bijgewerkt", "opublikowano", "publicerad", "julkaistu",
    ]

    /// Whether a lower-cased byline value can be a name rather than one of the labels above.
    static func isNameNotLabel(_ lower: String) -> Bool {
        if publishingVerbs.contains(lower) { return false }
        let words = lower.split(separator: " ")
        // A label whose name did not follow: "Autorenseite von", "Artikel von", "Posts by".
        if words.count >= 2, let last = words.last, ["von", "by", "par", "por", "di", "door", "av"].contains(last) { return false }
        // A relative time: "vor 5 Stunden", "5 hours ago", "il y a 3 jours", "hace 2 horas".
        if lower.contains(where: \.isNumber),
           words.first == "vor" || words.last == "ago" || lower.hasPrefix("il y a ") || words.first == "hace" {
            return false
        }
        // The link to an author's article list: "Zur Artikelübersicht", "All posts", "View profile".
        return !["übersicht", "overview", "profil", "profile"].contains(where: { lower.hasSuffix($0) })
    }

    /// Whether a byline found in running text looks like names: at most six words, each
    /// capitalised (or in a script without case) but for joining words ("und", "van"), no
    /// sentence punctuation. Text after "von"/"by" is mostly prose otherwise.
    static func looksLikeNames(_ s: String) -> Bool {
        let joining: Set<String> = ["und", "and", "y", "e", "et", "von", "van", "der", "den", "de", "la", "le", "del", "da", "di", "du", "mit",
                                    "with", "&", "zu", "v.", "ten", "ter", "bin", "al"]
        let words = s.split(separator: " ")
        guard words.count <= 8, !s.contains(where: { ".?!«»\"„“:".contains($0) && $0 != "." }) else { return false }
        var named = 0
        for w in words {
            if joining.contains(w.lowercased()) { continue }
            guard let c = w.first(where: { $0.isLetter }) else { return false }
            if c.isLowercase { return false }
            named += 1
        }
        return named >= 1 && named <= 6
    }

    /// Whether `s` is one user name rather than a person's name: one word of letters and digits
    /// with at most `.`, `_`, `-` in it (`rasos`, `delta201`, `robert.stitz`).
    static func isHandle(_ s: String) -> Bool {
        guard (2...30).contains(s.utf8.count), !s.contains(" ") else { return false }
        return s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-" }
            && s.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// Letters and digits of `s`, lower case: `robert.stitz` and `Robert Stitz` have the same.
    static func nameKey(_ s: String) -> String { siteKey(s) }

    /// Names of a site's parts that headings and metadata titles carry on pages of every kind
    /// (the home page's name in a breadcrumb's `WebPage`, a theme's "Post navigation" `<h1>`):
    /// never an article's headline.
    private static let navigationNames: Set<String> = [
        "home", "homepage", "startseite", "start", "accueil", "inicio", "menu", "menü", "navigation", "main navigation",
        "hauptnavigation", "post navigation", "beitragsnavigation", "beitrags-navigation", "search", "suche", "skip to content",
        "zum inhalt springen", "inhalt",
    ]

    static func isNavigationName(_ s: String) -> Bool {
        s.utf8.count <= 24 && navigationNames.contains(s.lowercased())
    }

    /// The separators between a headline and a site name in `<title>`.
    static let titleSeparators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // ", " / ", " • ", " : "]

    /// A title without the site name: the part that is not `site` (or the domain's name), or the
    /// part equal to the first `<h1>`; the whole title when neither says which part is the site.
    static func stripSite(_ title: String, site: [String], h1: String?) -> String {
        for sep in titleSeparators where title.contains(sep) {
            let parts = title.split(separator: sep, omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            guard parts.count >= 2 else { continue }
            let keys = site.map(siteKey).filter { !$0.isEmpty }
            if let h1 = h1.map(siteKey), !h1.isEmpty, parts.contains(where: { siteKey($0) == h1 }) {
                return parts.first(where: { siteKey($0) == h1 })!
            }
            if !keys.isEmpty {
                if let last = parts.last, keys.contains(where: { matchesSite(siteKey(last), $0) }) {
                    return parts.dropLast().joined(separator: sep)
                }
                if let first = parts.first, keys.contains(where: { matchesSite(siteKey(first), $0) }) {
                    return parts.dropFirst().joined(separator: sep)
                }
            }
        }
        return title
    }

    /// Whether `s` is just the site's name.
    /// `loose`: also when one starts with the other (`tagesschau.de` and `tagesschau`).
    static func isSiteName(_ s: String, site: [String], loose: Bool = false) -> Bool {
        let k = siteKey(s)
        guard !k.isEmpty else { return false }
        return site.contains { loose ? matchesSite(k, siteKey($0)) : siteKey($0) == k }
    }

    /// How many words the heading `h` and the title `t` share when they agree: most (60%) of
    /// the heading's words are in the title and they make a quarter of the title's; else 0.
    static func agreement(_ h: String, _ t: String) -> Int {
        agreement(wordSet(h), wordSet(t))
    }

    /// The distinct words of `s`, for ``agreement(_:_:)-(Set<String>,Set<String>)`` on many pairs.
    static func wordSet(_ s: String) -> Set<String> { Set(words(s)) }

    static func agreement(_ hw: Set<String>, _ tw: Set<String>) -> Int {
        guard !hw.isEmpty else { return 0 }
        let shared = hw.intersection(tw).count
        return shared * 5 >= hw.count * 3 && shared * 4 >= tw.count ? shared : 0
    }

    /// Lower-cased words (letters and digits).
    private static func words(_ s: String) -> [String] {
        var out: [String] = []
        var word = String.UnicodeScalarView()
        for c in s.lowercased().unicodeScalars {
            if isWordScalar(c) {
                word.append(c)
            } else if !word.isEmpty {
                out.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { out.append(String(word)) }
        return out
    }

    /// Letters and digits, ASCII without a property lookup.
    private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            let v = c.value | 0x20
            return (v >= 0x61 && v <= 0x7A) || (c.value >= 0x30 && c.value <= 0x39)
        }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// Lower case, letters and digits only (so "SPIEGEL ONLINE" matches "spiegel.de" as "spiegel").
    private static func siteKey(_ s: String) -> String {
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter(isWordScalar)))
    }

    private static func matchesSite(_ part: String, _ key: String) -> Bool {
        guard !part.isEmpty else { return false }
        return part == key || (part.count >= 4 && key.hasPrefix(part)) || (key.count >= 4 && part.hasPrefix(key))
    }

    /// The name part of a host: `www.spiegel.de` → `spiegel`; for an archive's copy
    /// (`https://web.archive.org/web/2014/http://www.x.com/a`) the original's.
    static func hostName(_ url: String) -> String? {
        let schemes = url.ranges(of: "://")
        guard let r = schemes.last else { return nil }
        let rest = url[r.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        let labels = host.split(separator: ".").filter { !["www", "m", "amp"].contains($0) }
        guard labels.count >= 2 else { return labels.first.map(String.init) }
        return String(labels[labels.count - 2])
    }

    /// A language tag as `de` or `en-GB` (`en_gb`, `EN-gb` → `en-GB`); nil unless it looks like one.
    static func languageTag(_ raw: String) -> String? {
        guard let s = clean(raw, limit: 40) else { return nil }
        let first = s.split(separator: ",").first.map { String($0).trimmingSpaces } ?? s
        let parts = first.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let lang = parts.first, (2...3).contains(lang.count), lang.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        var out = lang.lowercased()
        if parts.count >= 2 {
            let region = parts[1]
            if region.count == 2, region.allSatisfy({ $0.isASCII && $0.isLetter }) {
                out += "-" + region.uppercased()
            } else if region.count == 4, region.allSatisfy({ $0.isASCII && $0.isLetter }) {
                out += "-" + region.prefix(1).uppercased() + region.dropFirst().lowercased()    // zh-Hant
            }
        }
        return out
    }

    /// `ref` resolved against `base` (RFC 3986 §5.2, dot segments removed); `ref` unchanged when
    /// it is absolute or there is no usable base.
    static func resolve(_ ref: String, base: String?) -> String {
        if let colon = ref.firstIndex(of: ":"), ref[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }),
           !ref[..<colon].isEmpty {
            return ref
        }
        guard let base, let schemeEnd = base.firstRange(of: "://") else { return ref }
        let scheme = base[..<schemeEnd.lowerBound]
        let afterScheme = base[schemeEnd.upperBound...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let root = scheme + "://" + authority
        var path = String(afterScheme.dropFirst(authority.count).prefix { $0 != "?" && $0 != "#" })
        if path.isEmpty { path = "/" }
        if ref.hasPrefix("//") { return scheme + ":" + ref }
        if ref.isEmpty { return String(base.prefix { $0 != "#" }) }
        if ref.hasPrefix("#") { return String(base.prefix { $0 != "#" }) + ref }
        if ref.hasPrefix("?") { return root + path + ref }
        var joined: String
        if ref.hasPrefix("/") {
            joined = ref
        } else {
            joined = String(path[..<(path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.endIndex)]) + ref
        }
        // Remove dot segments from the path (not from the query or fragment).
        let tailStart = joined.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? joined.endIndex
        let tail = joined[tailStart...]
        var out: [Substring] = []
        let segments = joined[..<tailStart].split(separator: "/", omittingEmptySubsequences: false)
        for (k, seg) in segments.enumerated() {
            if seg == "." { if k == segments.count - 1 { out.append("") }; continue }
            if seg == ".." {
                if out.count > 1 { out.removeLast() }
                if k == segments.count - 1 { out.append("") }
                continue
            }
            out.append(seg)
        }
        joined = out.joined(separator: "/")
        if !joined.hasPrefix("/") { joined = "/" + joined }
        return root + joined + tail
    }
}
