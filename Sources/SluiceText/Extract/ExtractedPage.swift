/// What ``ArticleExtractor`` found in one HTML page.
public struct ExtractedPage: Sendable, Equatable {
    /// The article's text with its structure as lines: paragraphs separated by a blank line,
    /// headings and list items on lines of their own. Empty when ``hasArticle`` is false.
    public var text: String
    /// Whether the page holds an article (at least ``ExtractOptions/minChars`` of main text).
    public var hasArticle: Bool
    /// The page's metadata, found whether or not it has an article.
    public var metadata: HTMLMetadata

    /// A result from its parts.
    public init(text: String, hasArticle: Bool, metadata: HTMLMetadata) {
        self.text = text
        self.hasArticle = hasArticle
        self.metadata = metadata
    }
}
