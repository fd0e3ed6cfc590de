/// What the JSON-LD blocks of a page say about it: the fields of the article-like object
/// (`Article`, `NewsArticle`, `BlogPosting`…) first, of a web-page object (`WebPage`…) or
/// any other object with a headline or date second. Objects are found in arrays, in `@graph`
/// and nested as values (`mainEntity`); authors given as `{"@id": …}` are looked up by id.
struct JSONLDMetadata {
    var title: String?
    /// Whether ``title`` is an article's `headline` (not a page's `name`).
    var titleIsHeadline = false
    var published: String?
    /// `dateModified`, the last resort for a date.
    var modified: String?
    var authors: [String] = []
    var sitename: String?
    /// The publisher's name (also when `sitename` came from elsewhere).
    var publisherName: String?
    var description: String?
    var sections: [String] = []
    var keywords: [String] = []
    var url: String?

    /// Objects visited at most (a page with a huge block still costs little).
    private static let maxObjects = 5000

    /// Reads the parsed blocks of one page.
    init(_ blocks: [JSONLDReader.Value]) {
        var objects: [JSONLDReader.Value] = []
        var byID: [String: JSONLDReader.Value] = [:]
        var stack = blocks.reversed() as [JSONLDReader.Value]
        while let v = stack.popLast(), objects.count < Self.maxObjects {
            switch v {
            case .array(let items): stack.append(contentsOf: items.reversed())
            case .object(let members):
                objects.append(v)
                if let id = v["@id"]?.string, members.count > 1, byID[id] == nil { byID[id] = v }
                for m in members.reversed() where m.key != "@context" {
                    if case .object = m.value { stack.append(m.value) } else if case .array = m.value { stack.append(m.value) }
                }
            default: break
            }
        }
        // Rank: article-like objects, then web pages, then anything with a headline or date.
        func rank(_ o: JSONLDReader.Value) -> Int {
            let types = (o["@type"]?.list ?? []).compactMap(\.string)
            if types.contains(where: Self.isArticle) { return 0 }
            if types.contains(where: { $0.hasSuffix("WebPage") || $0 == "WebSite" }) { return 2 }
            if types.contains(where: { ["Person", "Organization", "ImageObject", "BreadcrumbList", "ListItem", "SiteNavigationElement",
                                        "SearchAction", "Comment", "Corporation", "NewsMediaOrganization"].contains($0) }) { return 3 }
            return 1
        }
        let ranked = objects.enumerated().map { (rank($0.element), $0.offset, $0.element) }.filter { $0.0 < 3 }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)

        for o in ranked {
            if title == nil, let s = (o["headline"] ?? o["name"])?.list.first?.string, let t = HTMLMetadataText.plain(s, limit: 500) {
                if (o["headline"] != nil) || rank(o) < 2 {
                    title = t
                    titleIsHeadline = o["headline"] != nil && rank(o) == 0
                }
            }
            if published == nil, let s = o["datePublished"]?.list.first?.string ?? o["dateCreated"]?.list.first?.string {
                published = HTMLDateParser.parse(s)
            }
            if modified == nil, let s = o["dateModified"]?.list.first?.string { modified = s }
            if authors.isEmpty, let a = o["author"] ?? o["creator"] {
                authors = Self.names(a, byID: byID)
            }
            if sitename == nil, let p = o["publisher"] {
                let publisher = p.list.first.flatMap { $0["@id"]?.string }.flatMap { byID[$0] } ?? p.list.first
                // A person who publishes their own site (Yoast's `"@type": ["Person", "Organization"]`)
                // is its author, not a site name that a byline naming them would be mistaken for.
                if !(publisher?["@type"]?.list ?? []).contains(where: { $0.string == "Person" }) {
                    sitename = publisher?["name"]?.string.flatMap { HTMLMetadataText.plain($0, limit: 200) }
                    publisherName = sitename
                }
            }
            if description == nil, let s = o["description"]?.list.first?.string { description = HTMLMetadataText.plain(s) }
            if sections.isEmpty, let s = o["articleSection"] {
                sections = s.list.compactMap { $0.string.flatMap { HTMLMetadataText.plain($0, limit: 100) } }
            }
            if keywords.isEmpty, let k = o["keywords"] {
                keywords = k.list.compactMap(\.string).flatMap { $0.split(separator: ",") }
                    .compactMap { HTMLMetadataText.plain(String($0), limit: 100) }
            }
            if url == nil, rank(o) == 0, let u = o["url"]?.string ?? o["mainEntityOfPage"]?["@id"]?.string { url = u }
        }
        // The site's own name when no publisher said it.
        if sitename == nil {
            for o in objects where (o["@type"]?.list ?? []).contains(where: { $0.string == "WebSite" }) {
                if let n = o["name"]?.string { sitename = HTMLMetadataText.plain(n, limit: 200); break }
            }
        }
    }

    static func isArticle(_ type: String) -> Bool {
        type.hasSuffix("Article") || type.hasSuffix("Posting") || type == "Report" || type == "Review" || type == "Recipe"
            || type == "Thesis" || type == "Blog" || type == "CreativeWork" || type == "VideoObject" || type == "Event"
    }

    /// Author names from a string, an object (its `name`, or the object its `@id` names), or a list.
    private static func names(_ v: JSONLDReader.Value, byID: [String: JSONLDReader.Value]) -> [String] {
        var out: [String] = []
        for item in v.list.prefix(20) {
            var name: String?
            switch item {
            case .string(let s): name = s
            case .object:
                var o = item
                if o["name"] == nil, let id = o["@id"]?.string, let target = byID[id] { o = target }
                if let n = o["name"]?.list.first?.string {
                    name = n
                } else if let g = o["givenName"]?.string {
                    name = g + " " + (o["familyName"]?.string ?? "")
                }
            default: break
            }
            if let name, let a = HTMLMetadataText.plain(name, limit: 200).flatMap(HTMLMetadataText.author), !out.contains(a) {
                out.append(a)
            }
        }
        return out
    }
}
