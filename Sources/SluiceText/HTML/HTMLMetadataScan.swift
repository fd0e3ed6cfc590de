/// One pass of ``HTMLTokenizer`` over a page, collecting what ``HTMLMetadataExtractor`` chooses
/// from: `<meta>` values, `<link rel=canonical>`, `<html lang>`, `<title>`, the first `<h1>`, the
/// JSON-LD blocks, `<time>` and `itemprop=datePublished` dates, and the text of byline elements.
///
/// No tree is built: a stack of open elements (end tags pop to the matching name, a block start
/// tag closes an open `<p>`) is enough to know whether an element sits in an `<article>`/`<header>`
/// or in a comment section, and when a captured element ends. Text is copied only while an
/// element of interest is open, and at most ``captureLimit`` bytes of it.
struct HTMLMetadataScan {
    /// Meta values by key: `name` or `property` lower-cased (`og:title`, `author`), `itemprop:…`
    /// for `itemprop`, `http-equiv:…` for `http-equiv`. At most a few values per key.
    var meta: [String: [String]] = [:]
    var canonical: String?
    var htmlLang: String?
    var title: String?
    /// The first `<h1>`.
    var h1: String?
    /// Headline candidates in page order, with a rank (0: `itemprop=headline`, 1: `<h1>`,
    /// 2: `<h2>`/`<h3>` classed as a title); at most ``maxHeadings``.
    var headings: [(rank: Int, value: String)] = []
    static let maxHeadings = 8
    var jsonLD: [JSONLDReader.Value] = []
    /// Dates found in the body, with a rank (lower is better).
    var dates: [(rank: Int, value: String)] = []
    /// Byline texts, with a rank (lower is better).
    var authors: [(rank: Int, value: String)] = []
    /// The first publication date given under a key in a script that is not JSON-LD
    /// (`"publishedDate": "2016-11-04T20:37:27Z"` in a page's state object or data layer).
    var scriptDate: String?

    /// Bytes of text kept per captured element.
    static let captureLimit = 400
    /// JSON-LD bytes read per page.
    static let jsonLDLimit = 4 << 20
    /// Open elements tracked; deeper ones are counted only.
    static let maxStack = 512

    /// The properties of an open element and its ancestors.
    struct Flags: OptionSet {
        let rawValue: UInt8
        static let article = Flags(rawValue: 1)
        static let header = Flags(rawValue: 2)
        /// In a sidebar, a footer, a teaser list: dates and bylines there are less likely the
        /// article's (but class names are no proof: whole articles sit in `id=sidebar`).
        static let aside = Flags(rawValue: 4)
        static let foreign = Flags(rawValue: 8)
        /// In reader comments.
        static let comment = Flags(rawValue: 16)
        /// Inside a link: a "Von …"/"By …" there is a link's title (a menu item, a teaser), not
        /// a byline, whose label stands outside the link to the author.
        static let link = Flags(rawValue: 32)
        /// In a credit line (`site-credit`, `photo-credit`): "Theme: Graphy by Themegraphy",
        /// "Photo by Ann Lee" name the theme's maker or the photographer, not the writer.
        static let credit = Flags(rawValue: 64)
    }

    private struct Open {
        var hash: UInt64
        var flags: Flags
    }

    /// Text being collected from an open element.
    private struct Capture {
        var depth = -1            // stack depth at which it ends; -1 when inactive
        var rank = 0
        var bytes: [UInt8] = []
        /// Set when what is inside shows it is not what was looked for (a heading that links
        /// to the home page is the site's name).
        var discard = false
        /// Inside a heading: the depth at which a kicker or hidden child ends (-1: none open),
        /// and the text held there, the heading's text only when it has no other.
        var skipDepth = -1
        var skipped: [UInt8] = []
        var active: Bool { depth >= 0 }
        var full: Bool { bytes.count >= HTMLMetadataScan.captureLimit }
    }

    private var stack: [Open] = []
    private var overflow = 0
    private var authorCapture = Capture()
    private var dateCapture = Capture()
    private var headingCapture = Capture()
    private var jsonLDBytes = 0
    /// 0: no text date yet, 1: one outside the article, 2: one in the article.
    private var textDates = 0
    /// Bylines found in plain text ("Autor: Name", "von Name"), and whether the last text was
    /// a label alone (the name is in the next text).
    private var textBylines = 0
    private var pendingLabel = false
    /// The pending label says who wrote ("Verfasst von:", "Posted by"), not just "von".
    private var pendingPhrase = false
    /// Dates found after a publishing label ("Erschienen am:"), and whether the last text was
    /// such a label alone (the date is in the next text).
    private var labelDates = 0
    private var pendingDateLabel = false
    /// Text bytes left in the stretch after the headline (the first `<h1>`) where the article's
    /// own date line is; -1 before the headline and after the stretch.
    private var headlineZone = -1
    static let headlineZoneBytes = 600

    init() {}

    private enum Tag {
        case other, a, html, body, meta, link, title, script, style, rawtext, textarea, plaintext, h1, h2, time, article, header, main
        case aside, nav, footer, foreign, p, void, block
    }

    /// Scans `html`.
    mutating func run(_ html: [UInt8]) {
        var t = HTMLTokenizer(html)
        stack.reserveCapacity(64)
        while let token = t.next() {
            switch token {
            case .startTag(let name, let selfClosing):
                let (tag, hash) = t.withBytes(name) { Self.classify($0) }
                startTag(&t, name, tag, hash, selfClosing)
            case .endTag(let name):
                let hash = t.withBytes(name) { Self.classify($0).1 }
                pop(hash)
            case .text(let span):
                if labelDates < 2, span.count <= 160 { labelledDate(t, span) }
                if textDates < 2 { textDate(t, span) }
                if textBylines < 4, span.count <= 120 { textByline(t, span) }
                if authorCapture.active || dateCapture.active || headingCapture.active {
                    t.withBytes(span) { b in
                        Self.append(b, to: &authorCapture)
                        Self.append(b, to: &dateCapture)
                        if headingCapture.skipDepth >= 0 {
                            Self.append(b, to: &headingCapture, skipped: true)
                        } else {
                            Self.append(b, to: &headingCapture)
                        }
                    }
                    // A full capture ends now, so that it does not hold back the next one.
                    if authorCapture.full || dateCapture.full || headingCapture.full { endCaptures(depth: stack.count, full: true) }
                }
                if headlineZone >= 0 { headlineZone = max(-1, headlineZone - span.count) }
            default: break
            }
        }
        while !stack.isEmpty { popOne() }
    }

    /// The first short text with a date, or longer text that starts with one (a paragraph led by
    /// its dateline, "27.1.2022 - Bei der …": a date inside running text is any event's), in the
    /// article (rank 10) or elsewhere outside asides (11).
    private mutating func textDate(_ t: HTMLTokenizer, _ span: HTMLSpan) {
        let flags = currentFlags
        guard !flags.contains(.aside), !flags.contains(.foreign), stack.count > 0 else { return }
        let inArticle = flags.contains(.article) || flags.contains(.header) || headlineZone >= 0
        guard inArticle || textDates == 0 else { return }
        let found: String?
        if span.count <= 120 {
            let hasDigit = t.withBytes(span) { b in b.contains { $0 >= 0x30 && $0 <= 0x39 } }
            found = hasDigit ? HTMLDateParser.parse(t.string(span)) : nil
        } else {
            // A reader's comment that starts with a date is dated by the reader.
            guard !flags.contains(.comment) else { return }
            found = t.withBytes(span) { HTMLDateParser.leading($0) }
        }
        guard let d = found else { return }
        dates.append((inArticle ? 10 : 11, d))
        textDates = inArticle ? 2 : 1
    }

    /// Labels that say the date after them is the publication's, lower case (not "updated" or
    /// "Stand": those give the last change).
    private static let dateLabels = ["veröffentlicht am", "veröffentlicht:", "veröffentlicht", "erschienen am", "erschienen:", "erstellt am",
                                     "publiziert am", "datum:", "date published:", "published on", "published:", "published", "posted on",
                                     "written:", "publié le", "publié :", "publié", "mis en ligne le", "mise en ligne", "publicado el",
                                     "publicado:", "publicado", "pubblicato il", "pubblicato", "gepubliceerd op", "opublikowano",
                                     // A press release gives its own date: "Pressemitteilung vom 25. Januar 2022 | Berlin".
                                     "pressemitteilung vom", "pressemeldung vom", "presseinformation vom", "medienmitteilung vom"]
    private static let dateLabelBytes = dateLabels.map { Array($0.utf8) }

    /// A date after a publishing label ("Erschienen am: 01.11.2023"), or in the text after a
    /// label alone ("Mise en ligne" then "23 mai 2019"). Ranked below `<time pubdate>` only:
    /// the page says in words what the date is.
    private mutating func labelledDate(_ t: HTMLTokenizer, _ span: HTMLSpan) {
        let flags = currentFlags
        guard !flags.contains(.foreign), !flags.contains(.comment) else { pendingDateLabel = false; return }
        let blank = t.withBytes(span) { b in b.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D } }
        if blank { return }
        if pendingDateLabel {
            pendingDateLabel = false
            if let d = HTMLDateParser.parse(t.string(span)) { addLabelled(d, flags) }
            return
        }
        guard let rest = t.withBytes(span, { b in Self.afterLabel(b, Self.dateLabelBytes) }) else {
            // A blog template's sentence with the date in an element of its own: "Dieser Beitrag
            // wurde am <nobr>19. Mai 2010</nobr> … gepostet", "This entry was posted on <a>…".
            // Only a short text: in running prose "wurde am" begins any event's date.
            if span.count <= 40, t.withBytes(span, { Self.endsWithLabel($0) }) { pendingDateLabel = true }
            return
        }
        if rest < 0 {
            pendingDateLabel = true
        } else if let d = t.withBytes(span, { b in HTMLDateParser.parse(String(decoding: b[rest...], as: UTF8.self)) }) {
            addLabelled(d, flags)
        }
    }

    /// Labels that end a sentence's first part when the date follows in the next element, lower case.
    private static let trailingDateLabels: [StaticString] = ["wurde am", "was posted on", "veröffentlicht am", "gepostet am"]

    /// Whether `b` ends with one of ``trailingDateLabels`` (white space after it skipped), as a
    /// word of its own.
    static func endsWithLabel(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = b.count
        while end > 0 {
            if b[end - 1] == 0x20 || b[end - 1] == 0x0A || b[end - 1] == 0x09 || b[end - 1] == 0x0D {
                end -= 1
            } else if end >= 2, b[end - 2] == 0xC2, b[end - 1] == 0xA0 {      // no-break space
                end -= 2
            } else {
                break
            }
        }
        for l in trailingDateLabels {
            let n = l.utf8CodeUnitCount
            let start = end - n
            guard start >= 0, start == 0 || b[start - 1] == 0x20 || b[start - 1] == 0x0A || b[start - 1] == 0x09 else { continue }
            // ASCII letters without case, other bytes (the `ö`) as they are.
            let p = l.utf8Start
            var same = true
            for k in 0..<n {
                let c = b[start + k], w = p[k]
                if w >= 0x61 && w <= 0x7A ? c | 0x20 != w : c != w { same = false; break }
            }
            if same { return true }
        }
        return false
    }

    private mutating func addLabelled(_ d: String, _ flags: Flags) {
        dates.append((3 + rankOffset(flags), d))
        labelDates += 1
    }

    /// Where the text after one of `labels` starts in `b` (white space and `|`, `-`, `·`, `•`
    /// before the label skipped; ASCII letters compared without case); -1 when the label stands
    /// alone; nil when `b` starts with none of them or the label runs on into a word.
    static func afterLabel(_ b: UnsafeBufferPointer<UInt8>, _ labels: [[UInt8]]) -> Int? {
        var i = 0
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 || b[i] == 0x0D || b[i] == 0x7C || b[i] == 0x2D
                || (b[i] == 0xC2 && i + 1 < b.count && (b[i + 1] == 0xB7 || b[i + 1] == 0xA0)) || b[i] == 0xB7 || b[i] == 0xA0 {
            i += 1
        }
        if i + 2 < b.count, b[i] == 0xE2, b[i + 1] == 0x80, b[i + 2] == 0xA2 { i += 3 }     // •
        while i < b.count, b[i] == 0x20 { i += 1 }
        for l in labels where i + l.count <= b.count {
            var same = true
            for j in 0..<l.count {
                let c = b[i + j], w = l[j]
                if w >= 0x61 && w <= 0x7A ? c | 0x20 != w : c != w { same = false; break }
            }
            guard same else { continue }
            var j = i + l.count
            // "Published" is no label in "Publishers"; "Datum:" ends with its colon.
            if l.last != 0x3A, j < b.count, b[j] >= 0x80 || (b[j] | 0x20 >= 0x61 && b[j] | 0x20 <= 0x7A) { continue }
            while j < b.count, b[j] == 0x20 || b[j] == 0x0A || b[j] == 0x09 || b[j] == 0x0D || b[j] == 0x3A
                    || (b[j] == 0xC2 && j + 1 < b.count && b[j + 1] == 0xA0) || b[j] == 0xA0 {
                j += 1
            }
            return j == b.count ? -1 : j
        }
        return nil
    }

    /// Labels that start a byline in running text, lower case.
    private static let bylineLabels = ["ein artikel von", "ein beitrag von", "verfasst von", "geschrieben von", "written by", "posted by",
                                       "gespeichert von", "erstellt von", "eingestellt von", "submitted by", "publié par", "écrit par",
                                       "escrito por", "publicado por", "redaktion:",
                                       "text von", "text:", "autoren:", "autoren", "autorin:", "autorin", "autor:", "autor", "author:",
                                       "auteur:", "auteur", "von:", "von", "by:", "by", "par", "por"]
    private static let bylineLabelBytes = bylineLabels.map { Array($0.utf8) }

    /// A short text that is a byline: a label and a name ("Autor: Name", "von Name"), or a label
    /// alone whose name is the next text. Ranked like a byline class (plus 1).
    private mutating func textByline(_ t: HTMLTokenizer, _ span: HTMLSpan) {
        let blank = t.withBytes(span) { b in b.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 } }
        if blank { return }
        if currentFlags.contains(.credit) { pendingLabel = false; return }
        if pendingLabel {
            pendingLabel = false
            // The element after "Posted by" holds the name alone, which may be a user name
            // ("rasos") rather than capitalised words; after a bare "von" or "by" only one that
            // cannot be a word ("delta201", "j.doe": "von … bis" is a date range).
            if let name = HTMLMetadataText.author(t.string(span)),
               HTMLMetadataText.looksLikeNames(name)
                || HTMLMetadataText.isHandle(name) && (pendingPhrase || name.contains { $0.isNumber || $0 == "." || $0 == "_" }) {
                authors.append((5 + authorOffset(currentFlags), name))
                textBylines += 1
            }
            return
        }
        // Byte comparison before any string work: most texts start with no label.
        var from = 0
        var phrase = false
        let label = t.withBytes(span) { b -> Int? in
            var i = 0
            // White space, and the separator a byline may follow ("| By Name"); a no-break space
            // after the separator too ("-&nbsp;Redaktion: Name"), but not alone: it ties the
            // text to what stands before it ("Logo des Awards&nbsp;von <em>Magazin</em>").
            var separated = false
            while i < b.count {
                if b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 || b[i] == 0x7C || b[i] == 0x2D {
                    if b[i] == 0x7C || b[i] == 0x2D { separated = true }
                    i += 1
                } else if separated, b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 {
                    i += 2
                } else {
                    break
                }
            }
            from = i
            for (k, l) in Self.bylineLabelBytes.enumerated() where i + l.count <= b.count {
                var same = true
                for j in 0..<l.count {
                    let c = b[i + j], w = l[j]
                    if w >= 0x61 && w <= 0x7A ? c | 0x20 != w : c != w { same = false; break }
                }
                guard same else { continue }
                let rest = b.count - i - l.count
                let next = rest > 0 ? b[i + l.count] : 0
                // The label alone (the name is the next text), or followed by a space or after a colon.
                var j = i + l.count
                if next == 0x3A { j += 1 }
                while j < b.count, b[j] == 0x20 || b[j] == 0x0A || b[j] == 0x09 { j += 1 }
                if j == b.count {
                    phrase = l.contains(0x20) || l.last == 0x3A || next == 0x3A
                    return -1
                }
                if next == 0x20 || l.last == 0x3A { return k }
            }
            return nil
        }
        guard let label else {
            if headlineZone >= 0 { datedByline(t, span) }
            return
        }
        if currentFlags.contains(.link) { return }
        if label < 0 {
            pendingLabel = true
            pendingPhrase = phrase
        } else if let name = HTMLMetadataText.author(t.withBytes(span) { String(decoding: $0[from...], as: UTF8.self) }),
                  HTMLMetadataText.looksLikeNames(name) {
            authors.append((5 + authorOffset(currentFlags), name))
            textBylines += 1
        }
    }

    /// Under the headline, a date line that ends with the author's name: "11.12.2019 - Ann Lee",
    /// "06.11.2023 13:30 von Olga".
    private mutating func datedByline(_ t: HTMLTokenizer, _ span: HTMLSpan) {
        guard span.count <= 100, t.withBytes(span, { b in b.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 }.map { $0 >= 0x30 && $0 <= 0x39 } ?? false })
        else { return }
        let text = t.string(span)
        var name: String?
        if let r = [" - ", " | ", " – ", " · ", " • "].lazy.compactMap({ text.range(of: $0) }).first,
           HTMLDateParser.parse(String(text[..<r.lowerBound])) != nil {
            let rest = String(text[r.upperBound...])
            let last = [" - ", " | ", " – ", " · ", " • "].reduce(rest) { s, sep in s.components(separatedBy: sep).last ?? s }
            name = HTMLMetadataText.author(last).flatMap { $0.contains(" ") ? $0 : nil }
        } else if HTMLDateParser.parse(text) != nil, text.contains(" von ") || text.contains(" by ") {
            name = HTMLMetadataText.author(text)
        }
        guard let name, HTMLMetadataText.looksLikeNames(name), !name.contains(where: \.isNumber) else { return }
        authors.append((5 + authorOffset(currentFlags), name))
        textBylines += 1
    }

    private static func append(_ b: UnsafeBufferPointer<UInt8>, to c: inout Capture, skipped: Bool = false) {
        guard c.active else { return }
        if skipped {
            guard c.skipped.count < captureLimit else { return }
            c.skipped.append(contentsOf: UnsafeBufferPointer(rebasing: b[0..<min(b.count, captureLimit - c.skipped.count)]))
            c.skipped.append(0x20)
            return
        }
        guard c.bytes.count < captureLimit else { return }
        c.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[0..<min(b.count, captureLimit - c.bytes.count)]))
        c.bytes.append(0x20)
    }

    private var currentFlags: Flags { stack.last?.flags ?? [] }

    private mutating func startTag(_ t: inout HTMLTokenizer, _ name: HTMLSpan, _ tag: Tag, _ hash: UInt64, _ selfClosing: Bool) {
        var flags = currentFlags
        let foreign = flags.contains(.foreign)
        let a = Attributes(t)
        // RDFa on any element: `<span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00">`
        // is the page's structured date as much as `itemprop=datePublished` (a `<meta>`'s
        // `property` is read with the meta tags).
        if tag != .meta, let p = a.property, let v = a.content ?? a.datetime, t.withBytes(p, { Self.isDateProperty($0) }) {
            addDate(t.string(v), rank: 2 + rankOffset(flags))
        }

        switch tag {
        case .script:
            if !foreign {
                t.switchTo(.scriptData); t.setLastStartTag("script")
                if a.type.map({ t.string($0).lowercased().contains("ld+json") }) ?? false {
                    readRaw(&t, limit: max(0, Self.jsonLDLimit - jsonLDBytes), into: { s, text in
                        if s.jsonLDBytes < Self.jsonLDLimit {
                            s.jsonLDBytes += text.count
                            s.jsonLD += JSONLDReader.parse(text)
                        }
                    })
                } else if scriptDate == nil {
                    readScript(&t)
                } else {
                    readRaw(&t, into: nil)
                }
                return
            }
        case .style, .rawtext:
            if !foreign {
                t.switchTo(.rawtext); t.setLastStartTag(t.string(name))
                return readRaw(&t, into: nil)
            }
        case .title, .textarea:
            if !foreign {
                t.switchTo(.rcdata); t.setLastStartTag(tag == .title ? "title" : "textarea")
                if tag == .title, title == nil {
                    readRaw(&t, into: { s, text in
                        s.title = HTMLMetadataText.clean(String(decoding: text, as: UTF8.self), limit: 1000) ?? ""
                    })
                } else {
                    readRaw(&t, into: nil)
                }
                return
            }
        case .plaintext:
            t.switchTo(.plaintext)
            return
        case .html:
            // `lang`, else XHTML's `xml:lang`; an empty one declares nothing.
            if htmlLang == nil {
                for span in [a.lang, a.xmlLang] {
                    if let span, case let l = t.string(span), !l.isEmpty { htmlLang = l; break }
                }
            }
        case .meta:
            readMeta(t, a)
            return
        case .link:
            if canonical == nil, let rel = a.rel, let href = a.href, t.withBytes(rel, { Attributes.contains($0, "canonical") }) {
                canonical = t.string(href)
            }
            return
        case .void:
            if let prop = a.itemprop, t.span(prop, equals: "datepublished"), let v = a.content ?? a.datetime ?? a.title {
                addDate(t.string(v), rank: 2 + rankOffset(flags))
            }
            return
        case .p, .block, .h1, .h2:
            if let top = stack.last, top.hash == Self.pHash { popOne() }
            flags = currentFlags
            // The next heading ends what follows the headline.
            if tag == .h1 || tag == .h2 { headlineZone = -1 }
        case .article, .main:
            flags.insert(.article)
        case .header:
            flags.insert(.header)
        case .aside, .nav, .footer:
            flags.insert(.aside)
        case .a:
            // Links to a person (a profile, a mail address) hold bylines; others hold titles.
            if let href = a.href, !t.withBytes(href, { Self.isPersonLink($0) }) { flags.insert(.link) }
        case .foreign:
            flags.insert(.foreign)
        default: break
        }
        let c = a.classFlags(t)
        // Containers of the whole page carry classes like `one-sidebar` that say nothing about them.
        if tag != .body, tag != .html, tag != .article, tag != .main {
            if c.contains(.aside) { flags.insert(.aside) }
            if c.contains(.comment) { flags.insert(.comment) }
            if c.contains(.credit) { flags.insert(.credit) }
        }

        // Dates: <time datetime>, itemprop=datePublished, elements classed as dates.
        let itemprop = a.itemprop.map { t.string($0).lowercased() }
        if tag == .time || itemprop == "datepublished" {
            let pubdate = a.pubdate || itemprop == "datepublished"
            let rank = (pubdate ? 2 : 4) + rankOffset(flags)
            if let v = a.datetime ?? a.content ?? a.title, let d = HTMLDateParser.parse(t.string(v)) {
                dates.append((rank, d))
            } else {
                dateCapture = Capture(depth: stack.count + 1, rank: rank)
            }
        } else if c.contains(.date) {
            // An inner element replaces an outer one: it is the more specific.
            dateCapture = Capture(depth: stack.count + 1, rank: (c.contains(.dateWord) ? 6 : 8) + rankOffset(flags))
        }
        // Bylines: itemprop=author, rel=author, class/id with author or byline.
        if !c.contains(.comment) {
            var rank = -1
            if itemprop == "author" || itemprop == "creator" {
                if let v = a.content, let name = HTMLMetadataText.author(t.string(v)) {
                    authors.append((1 + authorOffset(flags), name))
                } else {
                    rank = 1
                }
            } else if let rel = a.rel, t.withBytes(rel, { Attributes.contains($0, "author") }) {
                rank = 2
            } else if tag == .a, let href = a.href, t.withBytes(href, { Self.isAuthorPath($0) }) {
                rank = 2
            } else if c.contains(.author) {
                rank = c.contains(.byline) ? 3 : 4
            }
            if rank >= 0 { authorCapture = Capture(depth: stack.count + 1, rank: rank + authorOffset(flags)) }
        }
        if headingCapture.active, tag == .a, let href = a.href, t.withBytes(href, { Self.isHomePage($0) }) {
            headingCapture.discard = true
        }
        // A kicker above the headline inside the heading ("<h1><span class=dachzeile>Kicker</span>
        // Headline</h1>", "<small>"): the headline is the rest, as readers and annotators see it.
        if headingCapture.active, headingCapture.skipDepth < 0, stack.count >= headingCapture.depth,
           c.contains(.kicker) || hash == Self.smallHash {
            headingCapture.skipDepth = stack.count + 1
        }
        if headings.count < Self.maxHeadings, !headingCapture.active, !c.contains(.site) {
            if itemprop == "headline" {
                headingCapture = Capture(depth: stack.count + 1, rank: 0)
            } else if tag == .h1 {
                headingCapture = Capture(depth: stack.count + 1, rank: 1)
            } else if tag == .h2, c.contains(.title) {
                headingCapture = Capture(depth: stack.count + 1, rank: 2)
            }
        }
        if tag == .void || selfClosing && foreign { return finishTag() }
        if stack.count < Self.maxStack {
            stack.append(Open(hash: hash, flags: flags))
        } else {
            overflow += 1
        }
        finishTag()
    }

    /// A capture that opened on a void element ends at once.
    private mutating func finishTag() {
        endCaptures(depth: stack.count)
    }

    /// How much less a date is worth by where it is.
    /// Just after the headline counts as the article: the date line under it is the article's
    /// even when no `<article>` says so.
    private func rankOffset(_ f: Flags) -> Int {
        (f.contains(.article) || f.contains(.header) || headlineZone >= 0 ? 0 : 1) + (f.contains(.aside) ? 10 : 0) + (f.contains(.comment) ? 20 : 0)
    }

    /// How much less a byline is worth by where it is.
    private func authorOffset(_ f: Flags) -> Int {
        (f.contains(.article) || f.contains(.header) || headlineZone >= 0 ? 0 : 3) + (f.contains(.aside) ? 10 : 0) + (f.contains(.comment) ? 20 : 0)
    }

    /// Whether a link goes to a site's home page (`/`, `https://host/`, `index.html`).
    private static func isHomePage(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        // Skip `scheme://host`.
        if let colon = b.firstIndex(of: 0x3A), colon + 2 < b.count, b[colon + 1] == 0x2F, b[colon + 2] == 0x2F {
            i = colon + 3
            while i < b.count, b[i] != 0x2F { i += 1 }
        } else if b.count >= 2, b[0] == 0x2F, b[1] == 0x2F {
            i = 2
            while i < b.count, b[i] != 0x2F { i += 1 }
        }
        let rest = UnsafeBufferPointer(rebasing: b[i...])
        if rest.isEmpty || (rest.count == 1 && (rest[0] == 0x2F || rest[0] == 0x23)) { return true }
        func eq(_ s: StaticString) -> Bool {
            rest.count == s.utf8CodeUnitCount && zip(rest, UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)).allSatisfy { $0 == $1 }
        }
        return eq("./") || eq("/index.html") || eq("/index.php") || eq("index.html") || eq("index.php")
    }

    /// Path segments of author pages (`/author/name`, `/autoren/name`).
    private static let authorSegments: [StaticString] = ["author/", "authors/", "autor/", "autoren/", "auteur/"]
    /// Path segments of pages about a person: an author's, a user's or member's profile.
    private static let personSegments: [StaticString] = authorSegments + ["user/", "users/", "profile/", "member/"]

    /// Whether a link goes to an author page.
    private static func isAuthorPath(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        hasSegment(b, authorSegments)
    }

    /// A link to a person: an author or user page, or a mail address (also behind `javascript:`,
    /// as sites hide addresses from harvesters). It runs for every `<a>`.
    private static func isPersonLink(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < b.count, b[start] == 0x20 || b[start] == 0x0A || b[start] == 0x09 { start += 1 }
        return Attributes.hasPrefix(b, at: start, "mailto:") || Attributes.hasPrefix(b, at: start, "javascript:")
            || hasSegment(b, personSegments)
    }

    /// Whether a `/` in `b` is followed by one of `segments` (lower-case ASCII, case ignored):
    /// one pass, the segments compared only where a `/` is.
    private static func hasSegment(_ b: UnsafeBufferPointer<UInt8>, _ segments: [StaticString]) -> Bool {
        var i = 0
        while i + 1 < b.count {
            if b[i] == 0x2F {
                for s in segments where Attributes.hasPrefix(b, at: i + 1, s) { return true }
            }
            i += 1
        }
        return false
    }

    /// RDFa terms (the name after a vocabulary's prefix or URI, lower case) that give the date a
    /// work was published or created: `schema:datePublished`, `dc:date`, `dcterms:created`.
    private static let dateProperties: [StaticString] = ["datepublished", "datecreated", "date", "created", "issued"]

    /// Whether an RDFa `property` value (terms separated by white space) names a publication date.
    static func isDateProperty(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 || b[i] == 0x0D { i += 1 }
            // The term's local name starts after its last `:`, `/` or `#`.
            var start = i
            while i < b.count, b[i] != 0x20, b[i] != 0x0A, b[i] != 0x09, b[i] != 0x0D {
                if b[i] == 0x3A || b[i] == 0x2F || b[i] == 0x23 { start = i + 1 }
                i += 1
            }
            for p in dateProperties where i - start == p.utf8CodeUnitCount && Attributes.hasPrefix(b, at: start, p) { return true }
        }
        return false
    }

    private mutating func addDate(_ s: String, rank: Int) {
        if let d = HTMLDateParser.parse(s) { dates.append((rank, d)) }
    }

    private mutating func readMeta(_ t: HTMLTokenizer, _ a: Attributes) {
        guard let content = a.content ?? a.value else { return }
        var keys: [String] = []
        if let n = a.name { keys.append(t.string(n).lowercased()) }
        if let n = a.property { keys.append(t.string(n).lowercased()) }
        if let n = a.itemprop { keys.append("itemprop:" + t.string(n).lowercased()) }
        if let n = a.httpEquiv { keys.append("http-equiv:" + t.string(n).lowercased()) }
        guard !keys.isEmpty else { return }
        let value = t.string(content)
        for key in keys {
            // Property lists like `property="og:title twitter:title"` occur.
            for k in key.split(separator: " ") {
                let k = String(k)
                if meta[k, default: []].count < 30 { meta[k, default: []].append(value) }
            }
        }
        if let n = a.itemprop, t.span(n, equals: "datepublished") || t.string(n).lowercased() == "datepublished" {
            addDate(value, rank: 2)
        }
    }

    /// Reads the raw text up to the end tag `</name>` (the tokenizer is in the raw state) and gives it to `body`.
    /// At most `limit` bytes are kept (an unclosed `<title>` runs to the end of the page).
    private mutating func readRaw(_ t: inout HTMLTokenizer, limit: Int = 1 << 16,
                                  into body: ((inout HTMLMetadataScan, UnsafeBufferPointer<UInt8>) -> Void)?) {
        var text: [UInt8] = []
        while let token = t.next() {
            switch token {
            case .text(let span):
                if body != nil, text.count < limit {
                    t.withBytes(span) { text.append(contentsOf: UnsafeBufferPointer(rebasing: $0.prefix(limit - text.count))) }
                }
            case .endTag:
                if let body { text.withUnsafeBufferPointer { body(&self, $0) } }
                return
            default:
                if let body { text.withUnsafeBufferPointer { body(&self, $0) } }
                return
            }
        }
        if let body { text.withUnsafeBufferPointer { body(&self, $0) } }
    }

    /// Reads a script (not JSON-LD) up to its end tag, looking for a publication date key.
    private mutating func readScript(_ t: inout HTMLTokenizer) {
        while let token = t.next() {
            guard case .text(let span) = token else { return }
            if scriptDate == nil { scriptDate = t.withBytes(span) { Self.scriptDate(in: $0) } }
        }
    }

    /// Keys (lower case, letters only) that name a publication date when a key ends with them:
    /// `datePublished`, `publishedDate`, `published_at`, `publish_date`, `cmsPublishingDate`…
    private static let publishedKeys: [[UInt8]] = ["datepublished", "publisheddate", "publishdate", "publishingdate", "publicationdate",
                                                   "publishedat", "publishedon", "publishedtime", "publicationtime", "publishtime",
                                                   "firstpublished"].map { Array($0.utf8) }

    /// The first date given under a publication key (a JSON member or a JavaScript property,
    /// quoted or not, its value a quoted string) in `b`. One pass: a key is looked at only
    /// where the bytes `publi` occur in it.
    static func scriptDate(in b: UnsafeBufferPointer<UInt8>) -> String? {
        func isIdent(_ c: UInt8) -> Bool { c == 0x5F || (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
        var i = 0
        let n = b.count
        while i + 5 <= n {
            guard b[i + 1] == 0x75, b[i] | 0x20 == 0x70, b[i + 2] == 0x62, b[i + 3] == 0x6C, b[i + 4] == 0x69 else { i += 1; continue }
            var start = i
            while start > 0, i - start < 40, isIdent(b[start - 1]) { start -= 1 }
            var end = i + 5
            while end < n, end - i < 40, isIdent(b[end]) { end += 1 }
            i = end
            // The key's letters, lower case.
            var key: [UInt8] = []
            key.reserveCapacity(end - start)
            for k in start..<end where b[k] != 0x5F && !(b[k] >= 0x30 && b[k] <= 0x39) { key.append(b[k] | 0x20) }
            guard publishedKeys.contains(where: { key.count >= $0.count && key.suffix($0.count).elementsEqual($0) }) else { continue }
            // `"key": "value"`, `key: 'value'`, `\"key\":\"value\"` (JSON inside a string).
            var k = end
            while k < n, b[k] == 0x5C || b[k] == 0x22 || b[k] == 0x27 || isSpace(b[k]) { k += 1 }
            guard k < n, b[k] == 0x3A || b[k] == 0x3D else { continue }
            k += 1
            while k < n, b[k] == 0x5C || isSpace(b[k]) { k += 1 }
            guard k < n, b[k] == 0x22 || b[k] == 0x27 else { continue }
            let quote = b[k]
            k += 1
            var value: [UInt8] = []
            while k < n, b[k] != quote, value.count < 60 {
                if b[k] != 0x5C { value.append(b[k]) }    // `2020\/02\/24`
                k += 1
            }
            guard let first = value.first, first >= 0x30 && first <= 0x39 else { continue }
            if let d = HTMLDateParser.parse(String(decoding: value, as: UTF8.self)) { return d }
        }
        return nil
    }

    private mutating func pop(_ hash: UInt64) {
        if overflow > 0 { overflow -= 1; return }
        // Pop to the matching open element, if it is among the last few (a stray end tag is ignored).
        var k = stack.count - 1
        let floor = max(0, stack.count - 48)
        while k >= floor {
            if stack[k].hash == hash {
                while stack.count > k { popOne() }
                return
            }
            k -= 1
        }
    }

    private mutating func popOne() {
        stack.removeLast()
        endCaptures(depth: stack.count)
    }

    /// Ends the captures whose element is no longer open.
    private mutating func endCaptures(depth: Int, full: Bool = false) {
        if authorCapture.active, depth < authorCapture.depth || full && authorCapture.full {
            let text = String(decoding: authorCapture.bytes, as: UTF8.self)
            if !authorCapture.full, let name = HTMLMetadataText.author(text) {
                authors.append((authorCapture.rank, name))
            }
            authorCapture = Capture()
        }
        if dateCapture.active, depth < dateCapture.depth || full && dateCapture.full {
            if let d = HTMLDateParser.parse(String(decoding: dateCapture.bytes, as: UTF8.self)) {
                dates.append((dateCapture.rank, d))
            }
            dateCapture = Capture()
        }
        if headingCapture.skipDepth >= 0, depth < headingCapture.skipDepth { headingCapture.skipDepth = -1 }
        if headingCapture.active, depth < headingCapture.depth || full && headingCapture.full {
            let text = HTMLMetadataText.clean(String(decoding: headingCapture.bytes, as: UTF8.self), limit: 500)
                ?? HTMLMetadataText.clean(String(decoding: headingCapture.skipped, as: UTF8.self), limit: 500)
            if !headingCapture.discard, let text = text.map(Self.withoutTrailingSeparator) {
                if headingCapture.rank == 1, h1 == nil {
                    h1 = text
                    headlineZone = Self.headlineZoneBytes
                }
                headings.append((headingCapture.rank, text))
            }
            headingCapture = Capture()
        }
    }

    // MARK: - Tag names

    /// A heading without a separator left at its end by a hidden or kicker child
    /// ("Headline :" from `Headline<span class=aural>: </span><small>Topic</small>`).
    private static func withoutTrailingSeparator(_ s: String) -> String {
        var t = Substring(s)
        while t.count > 2, let last = t.last, ":|–—-·•/".contains(last), t.dropLast().last == " " {
            t = t.dropLast().dropLast()
            while t.last == " " { t = t.dropLast() }
        }
        return String(t)
    }

    private static let pHash = hash(Array("p".utf8))
    private static let smallHash = hash(Array("small".utf8))

    private static func hash<C: Collection>(_ b: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for c in b { h = (h ^ UInt64(c)) &* 0x100000001b3 }
        return h
    }

    private static func classify(_ b: UnsafeBufferPointer<UInt8>) -> (Tag, UInt64) {
        let h = hash(b)
        func eq(_ s: StaticString) -> Bool {
            guard b.count == s.utf8CodeUnitCount else { return false }
            let a = s.utf8Start
            for i in 0..<b.count where b[i] != a[i] { return false }
            return true
        }
        let tag: Tag
        switch b.count {
        case 1: tag = b[0] == 0x70 ? .p : b[0] == 0x61 ? .a : .other
        case 2:
            if eq("h1") { tag = .h1 } else if eq("br") || eq("hr") { tag = .void } else if eq("h2") || eq("h3") { tag = .h2 } else if eq("ul") || eq("ol") || eq("dl")
                || eq("h4") || eq("h5") || eq("h6") || eq("li") { tag = .block } else { tag = .other }
        case 3:
            if eq("img") || eq("col") || eq("wbr") { tag = .void } else if eq("nav") { tag = .nav } else if eq("svg") { tag = .foreign }
            else if eq("div") || eq("pre") { tag = .block } else if eq("xmp") { tag = .rawtext } else { tag = .other }
        case 4:
            if eq("meta") { tag = .meta } else if eq("link") { tag = .link } else if eq("html") { tag = .html } else if eq("body") { tag = .body } else if eq("time") { tag = .time }
            else if eq("main") { tag = .main } else if eq("math") { tag = .foreign } else if eq("area") || eq("base") { tag = .void }
            else { tag = .other }
        case 5:
            if eq("title") { tag = .title } else if eq("style") { tag = .style } else if eq("aside") { tag = .aside }
            else if eq("input") || eq("embed") || eq("param") || eq("track") { tag = .void } else if eq("table") { tag = .block }
            else { tag = .other }
        case 6:
            if eq("script") { tag = .script } else if eq("header") { tag = .header } else if eq("footer") { tag = .footer }
            else if eq("iframe") { tag = .rawtext } else if eq("source") { tag = .void } else if eq("figure") || eq("section") { tag = .block }
            else { tag = .other }
        case 7:
            if eq("article") { tag = .article } else if eq("noembed") { tag = .rawtext } else if eq("section") { tag = .block } else { tag = .other }
        case 8:
            if eq("textarea") { tag = .textarea } else if eq("noframes") { tag = .rawtext } else { tag = .other }
        case 9:
            tag = eq("plaintext") ? .plaintext : .other
        default: tag = .other
        }
        return (tag, h)
    }

    // MARK: - Attributes

    /// What class and id values say about an element.
    struct ClassFlags: OptionSet {
        let rawValue: UInt16
        static let author = ClassFlags(rawValue: 1)
        static let byline = ClassFlags(rawValue: 2)
        static let date = ClassFlags(rawValue: 4)
        static let aside = ClassFlags(rawValue: 8)
        /// `date`, `datum`, `publish` (`date` alone: also `meta`, `time`, `posted`, `submitted`).
        static let dateWord = ClassFlags(rawValue: 16)
        static let comment = ClassFlags(rawValue: 32)
        static let title = ClassFlags(rawValue: 64)
        /// `logo`, `site-title`, `brand`…: the site's name, not a headline.
        static let site = ClassFlags(rawValue: 128)
        /// `kicker`, `dachzeile`, `topline`, `overline`, `eyebrow`, `subtitle`…: the line set
        /// above or beside a headline inside its heading; also text hidden from the eye
        /// (`sr-only`, `hidden`, `invisible`), such as the separator after a kicker.
        static let kicker = ClassFlags(rawValue: 256)
        /// `site-credit`, `photo-credit`: who made the theme or took the picture.
        static let credit = ClassFlags(rawValue: 512)
    }

    /// The attributes of a start tag that matter here.
    struct Attributes {
        var `class`, id, itemprop, rel, name, property, content, value, datetime, lang, xmlLang, httpEquiv, href, type, title: HTMLSpan?
        var pubdate = false

        init(_ t: HTMLTokenizer) {
            for attr in t.attributes {
                let v = attr.value
                t.withBytes(attr.name) { b in
                    func eq(_ s: StaticString) -> Bool {
                        guard b.count == s.utf8CodeUnitCount else { return false }
                        let a = s.utf8Start
                        for i in 0..<b.count where b[i] != a[i] { return false }
                        return true
                    }
                    switch b.count {
                    case 2: if eq("id") { id = v }
                    case 3: if eq("rel") { rel = v }
                    case 4: if eq("name") { name = v } else if eq("lang") { lang = v } else if eq("href") { href = v } else if eq("type") { type = v }
                    case 5: if eq("class") { `class` = v } else if eq("value") { value = v } else if eq("title") { title = v }
                    case 7: if eq("content") { content = v } else if eq("pubdate") { pubdate = true }
                    case 8: if eq("itemprop") { itemprop = v } else if eq("property") { property = v } else if eq("datetime") { datetime = v } else if eq("xml:lang") { xmlLang = v }
                    case 10: if eq("http-equiv") { httpEquiv = v }
                    default: break
                    }
                }
            }
        }

        /// Class and id matched against the words that mark bylines, dates and asides (case-insensitive substrings).
        func classFlags(_ t: HTMLTokenizer) -> ClassFlags {
            var f: ClassFlags = []
            for span in [`class`, id] {
                guard let span, !span.isEmpty else { continue }
                t.withBytes(span) { b in f.formUnion(Self.scanWords(b)) }
            }
            return f
        }

        /// The flags of one class or id value, in one pass: at each byte only the words that
        /// start with its letter are compared (case-insensitive substrings).
        static func scanWords(_ b: UnsafeBufferPointer<UInt8>) -> ClassFlags {
            var f: ClassFlags = []
            var i = 0
            func at(_ w: StaticString) -> Bool {
                let n = w.utf8CodeUnitCount
                guard i + n <= b.count else { return false }
                let a = w.utf8Start
                for k in 1..<n where b[i + k] | 0x20 != a[k] { return false }
                return true
            }
            while i < b.count {
                switch b[i] | 0x20 {
                case 0x61: if at("author") || at("autor") { f.insert(.author) }                                     // a
                case 0x62:                                                                                          // b
                    if at("byline") { f.formUnion([.author, .byline]) } else if at("brand") || at("blog-title") { f.insert(.site) }
                case 0x63: if at("comment") { f.insert(.comment) } else if at("credit") { f.insert(.credit) }       // c
                case 0x64:                                                                                          // d
                    if at("date") || at("datum") { f.formUnion([.date, .dateWord]) } else if at("dachzeile") { f.insert(.kicker) }
                case 0x65: if at("eyebrow") { f.insert(.kicker) }                                                   // e
                case 0x66: if at("footer") { f.insert(.aside) }                                                     // f
                case 0x68: if at("headline") { f.insert(.title) } else if at("hidden") { f.insert(.kicker) }         // h
                case 0x69: if at("invisible") { f.insert(.kicker) }                                                 // i
                case 0x6B: if at("kicker") { f.insert(.kicker) }                                                    // k
                case 0x6C: if at("logo") { f.insert(.site) }                                                        // l
                case 0x6D: if at("meta") { f.insert(.date) }                                                        // m
                case 0x6F: if at("overline") { f.insert(.kicker) }                                                  // o
                case 0x70:                                                                                          // p
                    if at("publish") { f.formUnion([.date, .dateWord]) } else if at("posted") { f.insert(.date) }
                case 0x72:                                                                                          // r
                    if at("related") || at("recommend") { f.insert(.aside) } else if at("roofline") { f.insert(.kicker) }
                case 0x73:                                                                                          // s
                    if at("sidebar") { f.insert(.aside) } else if at("submitted") { f.insert(.date) }
                    else if at("site-title") || at("site-name") || at("sitename") || at("site_title") { f.insert(.site) }
                    else if at("subtitle") || at("sub-heading") || at("subheading") || at("supertitle") || at("sr-only") {
                        f.insert(.kicker)
                    }
                case 0x74:                                                                                          // t
                    if at("title") { f.insert(.title) } else if at("time") { f.insert(.date) } else if at("teaser") { f.insert(.aside) }
                    else if at("topline") { f.insert(.kicker) }
                default: break
                }
                i += 1
            }
            return f
        }

        /// Whether `b` holds the lower-case ASCII `prefix` at `at`, ignoring case.
        static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, at: Int, _ prefix: StaticString) -> Bool {
            let n = prefix.utf8CodeUnitCount
            guard at >= 0, at + n <= b.count else { return false }
            let p = prefix.utf8Start
            for k in 0..<n where b[at + k] | 0x20 != p[k] { return false }
            return true
        }

        /// Whether `b` contains the lower-case ASCII `needle`, ignoring case.
        static func contains(_ b: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
            let n = needle.utf8CodeUnitCount
            guard b.count >= n else { return false }
            let a = needle.utf8Start
            let first = a[0]
            var i = 0
            while i <= b.count - n {
                if b[i] | 0x20 == first {
                    var k = 1
                    while k < n, b[i + k] | 0x20 == a[k] { k += 1 }
                    if k == n { return true }
                }
                i += 1
            }
            return false
        }
    }
}
