/// HTML element names the tree builder and the extractor tell apart; every other name,
/// custom elements included, is ``unknown`` and compared by its name's hash.
public enum HTMLTag: UInt8, Sendable, CaseIterable {
    /// Any other element; the document node; a text node.
    case unknown, document, text
    /// Document structure and metadata elements.
    case html, head, body, title, base, link, meta, style, script, noscript, template
    /// Sectioning elements.
    case article, section, nav, aside, header, footer, main, address, hgroup, search
    /// Headings.
    case h1, h2, h3, h4, h5, h6
    /// Block elements.
    case p, div, pre, blockquote, figure, figcaption, center, details, summary, dialog, menu, dir, listing, plaintext, xmp
    /// Lists.
    case ul, ol, li, dl, dt, dd
    /// Breaks.
    case hr, br, wbr
    /// Table elements.
    case table, caption, colgroup, col, thead, tbody, tfoot, tr, td, th
    /// Forms and interactive content.
    case form, fieldset, legend, label, input, button, select, option, optgroup, textarea, output, keygen
    /// Embedded content and obsolete frames.
    case img, picture, source, track, video, audio, iframe, embed, object, param, canvas, map, area, svg, math, noembed, noframes, frameset, frame, applet, marquee, basefont, bgsound
    /// Links and formatting.
    case a, b, big, code, em, font, i, nobr, s, small, strike, strong, tt, u
    /// Other phrasing content.
    case span, abbr, cite, q, sub, sup, mark, time, dfn, kbd, samp, `var`, ins, del, bdi, bdo, ruby, rt, rp, data

    /// The tag of a lower-case element name.
    public init(name: UnsafeBufferPointer<UInt8>) {
        guard name.count <= 10, let key = Self.key(name), let tag = Self.byKey[key] else {
            self = .unknown
            return
        }
        self = tag
    }

    /// The tag of a lower-case element name.
    public init(_ name: String) {
        var bytes = Array(name.utf8)
        self = bytes.withUnsafeMutableBufferPointer { HTMLTag(name: UnsafeBufferPointer($0)) }
    }

    /// The element's name (empty for ``unknown``, ``document`` and ``text``).
    public var name: String {
        switch self {
        case .unknown, .document, .text: return ""
        default: return String(describing: self)
        }
    }

    /// Names up to 10 bytes packed into an integer: 7 bits a byte fits 70 bits, so the low 64
    /// bits of the first 9 bytes plus the 10th in the high part.
    private static func key(_ name: UnsafeBufferPointer<UInt8>) -> UInt128? {
        var k: UInt128 = 0
        for b in name {
            guard b < 0x80 else { return nil }
            k = k << 7 | UInt128(b)
        }
        return k | UInt128(name.count) << 100
    }

    private static let byKey: [UInt128: HTMLTag] = {
        var d: [UInt128: HTMLTag] = [:]
        for tag in HTMLTag.allCases where !tag.name.isEmpty {
            var bytes = Array(tag.name.utf8)
            if let k = bytes.withUnsafeMutableBufferPointer({ key(UnsafeBufferPointer($0)) }) { d[k] = tag }
        }
        return d
    }()

    // MARK: - Categories used by tree construction

    /// Elements with no content and no end tag.
    public var isVoid: Bool {
        switch self {
        case .area, .base, .br, .col, .embed, .hr, .img, .input, .keygen, .link, .meta, .param, .source, .track, .wbr,
             .basefont, .bgsound, .frame:
            return true
        default: return false
        }
    }

    /// Start tags that close an open `<p>` (WHATWG "in body": address, article, … ul).
    var closesParagraph: Bool {
        switch self {
        case .address, .article, .aside, .blockquote, .center, .details, .dialog, .dir, .div, .dl, .fieldset,
             .figcaption, .figure, .footer, .header, .hgroup, .main, .menu, .nav, .ol, .p, .search, .section,
             .summary, .ul, .h1, .h2, .h3, .h4, .h5, .h6, .pre, .listing, .form, .li, .dd, .dt, .plaintext,
             .table, .hr, .xmp:
            return true
        default: return false
        }
    }

    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: return true
        default: return false
        }
    }

    /// Formatting elements (the adoption agency's), whose misnested end tags are tolerated.
    var isFormatting: Bool {
        switch self {
        case .a, .b, .big, .code, .em, .font, .i, .nobr, .s, .small, .strike, .strong, .tt, .u: return true
        default: return false
        }
    }

    /// The WHATWG "special" category: an end tag of another element never closes one of these.
    var isSpecial: Bool {
        switch self {
        case .address, .applet, .area, .article, .aside, .base, .basefont, .bgsound, .blockquote, .body, .br, .button,
             .caption, .center, .col, .colgroup, .dd, .details, .dir, .div, .dl, .dt, .embed, .fieldset, .figcaption,
             .figure, .footer, .form, .frame, .frameset, .h1, .h2, .h3, .h4, .h5, .h6, .head, .header, .hgroup, .hr,
             .html, .iframe, .img, .input, .keygen, .li, .link, .listing, .main, .marquee, .menu, .meta, .nav,
             .noembed, .noframes, .noscript, .object, .ol, .p, .param, .plaintext, .pre, .script, .search, .section,
             .select, .source, .style, .summary, .table, .tbody, .td, .template, .textarea, .tfoot, .th, .thead,
             .title, .tr, .track, .ul, .wbr, .xmp, .document:
            return true
        default: return false
        }
    }

    /// Boundaries of the default "has an element in scope".
    var boundsScope: Bool {
        switch self {
        case .applet, .caption, .html, .table, .td, .th, .marquee, .object, .template, .document: return true
        default: return false
        }
    }
}
