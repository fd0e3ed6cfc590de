/// Bytes of a token: a range of the tokenizer's input, or of its decoded buffer when a character
/// reference, a NUL, a CR or an upper-case letter had to be rewritten. Read it with
/// ``HTMLTokenizer/withBytes(_:_:)`` or ``HTMLTokenizer/string(_:)`` before the next call to
/// ``HTMLTokenizer/next()``.
public struct HTMLSpan: Equatable, Hashable, Sendable {
    /// Start offset (in the input, or in the decoded buffer when ``isDecoded``).
    public var start: Int
    /// End offset, exclusive.
    public var end: Int
    /// Whether the bytes are in the decoded buffer rather than the input.
    public var isDecoded: Bool

    /// An empty span.
    public static let empty = HTMLSpan(start: 0, end: 0, isDecoded: false)

    /// A span of bytes `start..<end`, in the decoded buffer when `isDecoded`.
    public init(start: Int, end: Int, isDecoded: Bool) {
        self.start = start
        self.end = end
        self.isDecoded = isDecoded
    }

    /// Length in bytes.
    public var count: Int { end - start }
    /// Whether it holds no bytes.
    public var isEmpty: Bool { end == start }
}

/// One attribute of a tag: its lower-cased name and its value with references decoded.
public struct HTMLAttribute: Equatable, Sendable {
    /// The name, lower-cased.
    public var name: HTMLSpan
    /// The value, character references decoded.
    public var value: HTMLSpan

    /// An attribute from its parts.
    public init(name: HTMLSpan, value: HTMLSpan) {
        self.name = name
        self.value = value
    }
}

/// A DOCTYPE token (the identifiers are nil when missing, which differs from empty).
public struct HTMLDoctype: Equatable, Sendable {
    /// The DOCTYPE's name.
    public var name: HTMLSpan?
    /// The public identifier.
    public var publicID: HTMLSpan?
    /// The system identifier.
    public var systemID: HTMLSpan?
    /// The force-quirks flag.
    public var forceQuirks: Bool

    /// A DOCTYPE from its parts.
    public init(name: HTMLSpan? = nil, publicID: HTMLSpan? = nil, systemID: HTMLSpan? = nil, forceQuirks: Bool = false) {
        self.name = name
        self.publicID = publicID
        self.systemID = systemID
        self.forceQuirks = forceQuirks
    }
}

/// A token of ``HTMLTokenizer``. Spans stay readable until the next call to
/// ``HTMLTokenizer/next()``; a start tag's attributes are ``HTMLTokenizer/attributes``.
public enum HTMLToken: Equatable, Sendable {
    /// A run of characters (adjacent runs may come as several tokens).
    case text(HTMLSpan)
    /// A start tag: lower-cased name, whether it ended in `/>`.
    case startTag(name: HTMLSpan, selfClosing: Bool)
    /// An end tag: lower-cased name (its attributes, an error, are dropped).
    case endTag(name: HTMLSpan)
    /// A comment's data (also bogus comments such as `<?xml …>` and `<![CDATA[…]]>` outside foreign content).
    case comment(HTMLSpan)
    /// A DOCTYPE.
    case doctype(HTMLDoctype)
}
