/// Metadata of a web page, from JSON-LD, OpenGraph and other `<meta>` tags, `<link rel=canonical>`,
/// `<html lang>`, `<title>` and `<time>`. Every field is nil (or empty) when the page does not say.
public struct HTMLMetadata: Sendable, Equatable {
    /// The article's headline (without the site name that `<title>` often appends).
    public var title: String?
    /// Publication date, ISO 8601 (`2019-07-28`, or with time and offset when the page gives them).
    public var published: String?
    /// Author name(s), several joined with "; ".
    public var author: String?
    /// The canonical URL.
    public var url: String?
    /// The page's declared language tag (`de`, `en-GB`), a hint for the language stage.
    public var lang: String?
    /// The page's description.
    public var description: String?
    /// The site's name.
    public var sitename: String?
    /// Categories and tags (keywords) the page gives itself.
    public var categories: [String]
    /// See ``categories``.
    public var tags: [String]

    /// Metadata from its parts; nil for what the page does not say.
    public init(title: String? = nil, published: String? = nil, author: String? = nil, url: String? = nil, lang: String? = nil,
                description: String? = nil, sitename: String? = nil, categories: [String] = [], tags: [String] = []) {
        self.title = title
        self.published = published
        self.author = author
        self.url = url
        self.lang = lang
        self.description = description
        self.sitename = sitename
        self.categories = categories
        self.tags = tags
    }

    /// Whether nothing was found.
    public var isEmpty: Bool { self == HTMLMetadata() }
}
