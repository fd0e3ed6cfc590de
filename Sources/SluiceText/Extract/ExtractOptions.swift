/// Options of ``ArticleExtractor`` (the `extract` stage's options in a pipeline file).
public struct ExtractOptions: Sendable, Equatable {
    /// Which way to lean when a block could be article or boilerplate.
    public enum Favor: String, Sendable, CaseIterable {
        /// Leave out doubtful blocks: less boilerplate, some article text lost.
        case precision
        /// The default trade-off.
        case balanced
        /// Keep doubtful blocks: more article text, some boilerplate kept.
        case recall
    }

    /// Which way doubtful blocks go.
    public var favor: Favor
    /// Keep reader comments (after the article, separated by a blank line).
    public var comments: Bool
    /// Keep tables inside the article, one row a line, cells separated by a tab.
    public var tables: Bool
    /// Keep link targets: a link's text is followed by its URL in angle brackets.
    public var links: Bool
    /// An article with fewer characters of text than this is no article (`extract:no_article`).
    public var minChars: Int

    /// Options; the defaults are those of the `extract` stage.
    public init(favor: Favor = .balanced, comments: Bool = false, tables: Bool = true, links: Bool = false, minChars: Int = 100) {
        self.favor = favor
        self.comments = comments
        self.tables = tables
        self.links = links
        self.minChars = minChars
    }
}
