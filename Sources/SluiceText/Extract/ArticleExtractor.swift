/// Finds the main text of a web page (the article) and its metadata.
///
/// (Placeholder while the extractor is built: keeps all text outside script, style and similar
/// elements, without boilerplate removal.)
public struct ArticleExtractor: Sendable {
    public let options: ExtractOptions

    public init(options: ExtractOptions = .init()) {
        self.options = options
    }

    /// Extracts the article from `html`, the UTF-8 bytes of one whole page; `url` is where the
    /// page came from, if known. Linear in the page's size.
    public func extract(_ html: [UInt8], url: String? = nil) -> ExtractedPage {
        let metadata = HTMLMetadataExtractor().extract(html, url: url)
        var tokenizer = HTMLTokenizer(html)
        var out: [UInt8] = []
        var skipDepth = 0
        while let token = tokenizer.next() {
            switch token {
            case .startTag(let name, let selfClosing):
                let n = tokenizer.string(name)
                switch n {
                case "script": tokenizer.switchTo(.scriptData); tokenizer.setLastStartTag(n)
                case "style", "xmp", "iframe", "noembed", "noframes": tokenizer.switchTo(.rawtext); tokenizer.setLastStartTag(n)
                case "title", "textarea": tokenizer.switchTo(.rcdata); tokenizer.setLastStartTag(n)
                default: break
                }
                if !selfClosing, ["script", "style", "title", "textarea", "svg", "math", "template", "noscript", "select"].contains(n) { skipDepth += 1 }
                if ["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"].contains(n) { out.append(0x0A) }
            case .endTag(let name):
                let n = tokenizer.string(name)
                if ["script", "style", "title", "textarea", "svg", "math", "template", "noscript", "select"].contains(n) { skipDepth = max(0, skipDepth - 1) }
            case .text(let span):
                if skipDepth == 0 { tokenizer.withBytes(span) { out.append(contentsOf: $0) } }
            default: break
            }
        }
        let text = String(decoding: out, as: UTF8.self)
        return ExtractedPage(text: text, hasArticle: text.utf8.count >= options.minChars, metadata: metadata)
    }
}
