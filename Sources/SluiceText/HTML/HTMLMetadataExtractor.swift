/// Reads ``HTMLMetadata`` from a page: JSON-LD, OpenGraph and other `<meta>` tags,
/// `<link rel=canonical>`, `<html lang>`, `<title>`, the first `<h1>`, `<time>` elements and
/// bylines, and as a last resort a date in the page's URL.
///
/// The page is tokenized once (`HTMLMetadataScan`); each field is then taken from the most
/// reliable source that gives it (structured data first, markup conventions last). Linear in the
/// page's size; text is copied only for the few elements that can hold metadata.
public struct HTMLMetadataExtractor: Sendable {
    /// An extractor.
    public init() {}

    /// The metadata of `html` (UTF-8 bytes of a whole page); `url` is where the page came from,
    /// if known (to resolve a relative canonical URL and as the last source of a date).
    public func extract(_ html: [UInt8], url: String? = nil) -> HTMLMetadata {
        var scan = HTMLMetadataScan()
        scan.run(html)
        let ld = JSONLDMetadata(scan.jsonLD)
        var out = HTMLMetadata()

        func meta(_ keys: String...) -> [String] {
            keys.flatMap { scan.meta[$0] ?? [] }
        }
        func first(_ keys: String..., limit: Int = 1000) -> String? {
            for k in keys {
                for v in scan.meta[k] ?? [] {
                    if let s = HTMLMetadataText.plain(v, limit: limit) { return s }
                }
            }
            return nil
        }

        // Site name first: the title's clean-up uses it.
        out.sitename = first("og:site_name", limit: 200) ?? ld.sitename ?? first("application-name", "twitter:site", limit: 200)
            .flatMap { $0.hasPrefix("@") ? nil : $0 }

        // URL.
        let canonical = scan.canonical.flatMap { HTMLMetadataText.clean($0, limit: 2000) } ?? first("og:url", limit: 2000)
        if let c = canonical { out.url = HTMLMetadataText.resolve(c, base: url) }

        // Title.
        var siteNames: [String] = []
        if let s = out.sitename { siteNames.append(s) }
        if let h = HTMLMetadataText.hostName(out.url ?? url ?? "") { siteNames.append(h) }
        out.title = title(scan, ld, site: siteNames).map { untruncated($0, scan, ld) }

        // Date.
        let metaDates = meta("article:published_time", "og:published_time", "published_time", "article:published", "date", "pubdate",
                             "publishdate", "publish-date", "publish_date", "dc.date.issued", "dcterms.date", "dc.date", "dcterms.issued",
                             "dcterms.created", "dc.date.created", "sailthru.date", "parsely-pub-date", "itemprop:datepublished",
                             "article.published", "citation_publication_date", "citation_date", "date.available", "created",
                             "originalpublicationdate", "og:article:published_time", "datepublished", "release_date")
        // Dates in the body: the best rank, the first of it; a date in the URL beats the
        // weakest (a date class that is not about dates, any short text with a date).
        let bodyDate = scan.dates.min(by: { $0.rank < $1.rank })
        let urlDate = (url ?? out.url).flatMap(HTMLDateParser.fromURL)
        let strongBody: String? = bodyDate.flatMap { $0.rank < 8 ? $0.value : nil }
        let modified: [String] = (ld.modified.map { [$0] } ?? []) + meta("article:modified_time", "og:updated_time", "last-modified",
                                                                         "dcterms.modified", "itemprop:datemodified", "http-equiv:last-modified")
        let parsedMeta = metaDates.compactMap(HTMLDateParser.parse)
        // A date under a publication key in a script (a page's state object) is the page's more
        // often than not, but may be a related item's or a reference's: after all the others
        // but the modification date.
        var candidates: [String?] = [ld.published, parsedMeta.first, strongBody, urlDate, bodyDate?.value, scan.scriptDate]
        candidates.append(modified.lazy.compactMap(HTMLDateParser.parse).first)
        out.published = candidates.lazy.compactMap { $0 }.first
        // A UTC time can fall on another day than the publisher's; when another source gives
        // the same moment in local time, its day is the one the page shows.
        if let p = out.published {
            let others = [ld.published].compactMap { $0 } + parsedMeta + scan.dates.map(\.value)
            out.published = HTMLDateParser.localEquivalent(of: p, among: others)
                ?? [bodyDate?.value, urlDate].lazy.compactMap { $0 }.compactMap { HTMLDateParser.localDay(of: p, shown: $0) }.first
                ?? p
        }

        // Author.
        // The first source that names a person: JSON-LD, meta tags, then the best byline of the
        // page. A name that is the site's (`"author": "Example News"`) only counts when no
        // source names anyone else.
        var metaAuthors: [String] = []
        for v in meta("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl",
                      "citation_author", "og:article:author", "book:author", "itemprop:author") {
            if let a = HTMLMetadataText.plain(v, limit: 300).flatMap(HTMLMetadataText.author), !metaAuthors.contains(a) { metaAuthors.append(a) }
        }
        // Yoast's `twitter:label1` "Written by" / `twitter:data1` name.
        for k in 1...4 {
            if let label = scan.meta["twitter:label\(k)"]?.first?.lowercased(),
               ["written by", "verfasst von", "geschrieben von", "autor", "author", "écrit par", "escrito por"].contains(where: { label.hasPrefix($0) }),
               let v = scan.meta["twitter:data\(k)"]?.first, let a = HTMLMetadataText.plain(v, limit: 300).flatMap(HTMLMetadataText.author),
               !metaAuthors.contains(a) {
                metaAuthors.append(a)
            }
        }
        let bylines = scan.authors.sorted { $0.rank < $1.rank }.map(\.value)
        let publisher = siteNames + [ld.sitename, ld.publisherName].compactMap { $0 }
        let sources = [ld.authors, metaAuthors] + bylines.map { [$0] }
        var authors = sources.first { list in !list.isEmpty && !list.allSatisfy { HTMLMetadataText.isSiteName($0, site: publisher, loose: true) } }
            ?? sources.first { !$0.isEmpty }
        // A user name in the metadata (`robert.stitz`) is the login of the name the byline shows.
        if let a = authors, a.count == 1, HTMLMetadataText.isHandle(a[0]) {
            let key = HTMLMetadataText.nameKey(a[0])
            if let shown = bylines.first(where: { $0.contains(" ") && HTMLMetadataText.nameKey($0) == key }) { authors = [shown] }
        }
        // An organisation or the site in the metadata (`Deutscher Caritasverband e. V.`) is the
        // publisher; a person the page names in a byline is the author.
        // Unless the page's own first byline repeats the metadata's name. A byline's own
        // impersonal name (`Redaktion`, `DT`) gives way to a later one of several words.
        if let a = authors, a.allSatisfy({ HTMLMetadataText.isImpersonalAuthor($0, site: publisher) }) {
            let fromMetadata = a == ld.authors || a == metaAuthors
            for b in bylines {
                if a.contains(b) {
                    if fromMetadata { break } else { continue }
                }
                if b.count >= 3, fromMetadata || b.contains(" "), HTMLMetadataText.looksLikeNames(b),
                   !HTMLMetadataText.isImpersonalAuthor(b, site: publisher) {
                    authors = [b]
                    break
                }
            }
        }
        if let authors { out.author = authors.prefix(10).joined(separator: "; ") }

        // Language.
        out.lang = scan.htmlLang.flatMap(HTMLMetadataText.languageTag)
            ?? meta("http-equiv:content-language", "content-language", "language", "dc.language").lazy.compactMap(HTMLMetadataText.languageTag).first
            ?? meta("og:locale").lazy.compactMap(HTMLMetadataText.languageTag).first

        out.description = first("og:description", "description", "twitter:description", "dc.description") ?? ld.description

        // Categories and tags.
        out.categories = unique(meta("article:section").compactMap { HTMLMetadataText.plain($0, limit: 100) } + ld.sections)
        var tags = meta("article:tag").compactMap { HTMLMetadataText.plain($0, limit: 100) }
        for k in meta("keywords", "news_keywords") {
            tags += k.split(separator: ",").compactMap { HTMLMetadataText.plain(String($0), limit: 100) }
        }
        out.tags = unique(tags + ld.keywords)
        return out
    }

    /// The headline: a heading of the page (`itemprop=headline`, `<h1>`, an `<h2>` classed as a
    /// title) that the metadata titles agree with (most of its words are in one of them: it is
    /// what the reader sees, while `og:title` and `<title>` are often reworded for search
    /// engines or carry the site's name), else the first metadata title that is not the site's
    /// name, without the site's name; else the first heading.
    private func title(_ scan: HTMLMetadataScan, _ ld: JSONLDMetadata, site: [String]) -> String? {
        var metaTitles: [String] = []
        if let t = ld.title { metaTitles.append(t) }
        for k in ["og:title", "twitter:title", "title", "dc.title", "headline", "itemprop:headline"] {
            if let v = scan.meta[k]?.first.flatMap({ HTMLMetadataText.plain($0, limit: 500) }) { metaTitles.append(v) }
        }
        if let t = scan.title.flatMap({ HTMLMetadataText.clean($0, limit: 500) }) { metaTitles.append(t) }
        let candidates = metaTitles.filter { !HTMLMetadataText.isSiteName($0, site: site) && !HTMLMetadataText.isNavigationName($0) }
        let headings = scan.headings.filter { !HTMLMetadataText.isSiteName($0.value, site: site) && !HTMLMetadataText.isNavigationName($0.value) }
        // The agreeing heading that shares the most words with a title (a section name such as
        // "News" also agrees, but shares one word), the better rank and the earlier on ties.
        var best: (shared: Int, rank: Int, value: String)?
        let candidateWords = candidates.map(HTMLMetadataText.wordSet)
        for h in headings {
            let hw = HTMLMetadataText.wordSet(h.value)
            let shared = candidateWords.map { HTMLMetadataText.agreement(hw, $0) }.max() ?? 0
            guard shared > 0 else { continue }
            if best == nil || shared > best!.shared || (shared == best!.shared && h.rank < best!.rank) { best = (shared, h.rank, h.value) }
        }
        if let best { return best.value }
        // No title agrees: the metadata titles are reworded for search engines, and the page's
        // one headline (`itemprop=headline`, else its only `<h1>`) is what readers see, unless it
        // is a single word ("Details", "Literatur": a section's label), a site's `Name | Part`,
        // or the site's name; an article's JSON-LD `headline` is given for just this and stays.
        let h1s = headings.filter { $0.rank == 1 }
        if !ld.titleIsHeadline, let h = headings.first(where: { $0.rank == 0 }) ?? (h1s.count == 1 ? h1s.first : nil),
           h.value.contains(" "), !h.value.contains(" | "), !HTMLMetadataText.isSiteName(h.value, site: site, loose: true) {
            return h.value
        }
        if let t = candidates.first { return HTMLMetadataText.stripSite(t, site: site, h1: scan.h1) }
        return headings.first?.value ?? metaTitles.first
    }

    /// A title cut short with an ellipsis ("…gehen…") completed from a heading or metadata title
    /// that starts with the same words and goes on.
    private func untruncated(_ t: String, _ scan: HTMLMetadataScan, _ ld: JSONLDMetadata) -> String {
        var stem = Substring(t)
        if stem.hasSuffix("…") { stem = stem.dropLast() } else if stem.hasSuffix("...") { stem = stem.dropLast(3) } else { return t }
        while stem.last == " " { stem = stem.dropLast() }
        guard stem.count >= 20 else { return t }
        var others = scan.headings.map(\.value) + [ld.title].compactMap { $0 }
        for k in ["og:title", "twitter:title", "title"] { others += scan.meta[k] ?? [] }
        for o in others {
            guard let full = HTMLMetadataText.plain(o, limit: 500), full.count > stem.count, full.hasPrefix(stem),
                  !full.hasSuffix("…"), !full.hasSuffix("...") else { continue }
            return full
        }
        return t
    }

    /// The first of each value (case-insensitive), at most 50.
    private func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for v in values where seen.insert(v.lowercased()).inserted {
            out.append(v)
            if out.count == 50 { break }
        }
        return out
    }
}

