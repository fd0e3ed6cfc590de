/// Finds the main text of a web page (the article) and its metadata.
///
/// The page is parsed like a browser would (``HTMLTreeBuilder``); elements that are never
/// article text by their tag, role, visibility or class and id names (navigation, sharing,
/// related links, cookie banners, comments) are set aside; paragraphs of prose then vote
/// for the element around them, and the winner with the siblings that continue it is
/// written out as lines, without the link lists inside it.
public struct ArticleExtractor: Sendable {
    /// What the extractor keeps.
    public let options: ExtractOptions

    /// An extractor keeping what `options` says.
    public init(options: ExtractOptions = .init()) {
        self.options = options
    }

    /// Extracts the article from `html`, the UTF-8 bytes of one whole page; `url` is where the
    /// page came from, if known. Linear in the page's size.
    public func extract(_ html: [UInt8], url: String? = nil) -> ExtractedPage {
        let metadata = HTMLMetadataExtractor().extract(html, url: url)
        let doc = HTMLTreeBuilder().parse(html)
        let analysis = PageAnalysis(doc)
        var roots = ContentLocator(analysis: analysis, favor: options.favor).locate()
        // No paragraph long enough to vote (a short note, a fragment without <body>): the
        // page's text outside boilerplate is all there is, and `min_chars` decides.
        if roots.isEmpty { roots = [HTMLDocument.root] }
        var renderer = ArticleRenderer(analysis: analysis, options: options)
        var text = EdgeTrimmer(favor: options.favor).trim(renderer.render(roots))
        if options.comments {
            let comments = renderer.renderComments()
            if !comments.isEmpty && !text.isEmpty { text += "\n\n" + comments }
        }
        // Characters of text, white space not counted.
        // (Bytes that start a scalar, ASCII white space left out: no Unicode property lookups.)
        let length = text.utf8.count { $0 > 0x20 && ($0 < 0x80 || $0 >= 0xC0) }
        let hasArticle = length >= options.minChars && (length > 0 || options.minChars == 0)
        return ExtractedPage(text: hasArticle ? text : "", hasArticle: hasArticle, metadata: metadata)
    }
}
