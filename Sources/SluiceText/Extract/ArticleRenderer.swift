/// Writes the text of the article's elements as lines: a blank line between paragraphs,
/// headings, list items and table rows on lines of their own, `<br>` a line break; runs of
/// whitespace collapse to one space except inside `<pre>`. Boilerplate and link lists inside
/// the article are left out.
struct ArticleRenderer {
    let analysis: PageAnalysis
    let options: ExtractOptions

    private var out: [UInt8] = []
    /// Line breaks owed before the next text (1: new line, 2: new paragraph).
    private var pendingBreaks = 0
    private var pendingSpace = false
    private var preDepth = 0
    private var inComments = false

    init(analysis: PageAnalysis, options: ExtractOptions) {
        self.analysis = analysis
        self.options = options
    }

    /// The text of `roots` (and their subtrees) in order.
    mutating func render(_ roots: [Int32]) -> String {
        out.reserveCapacity(4096)
        for r in roots {
            breakLine(2)
            node(r, depth: 0)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text of the page's reader-comment sections, in order.
    mutating func renderComments() -> String {
        out.removeAll(keepingCapacity: true)
        pendingBreaks = 0
        pendingSpace = false
        inComments = true
        defer { inComments = false }
        let doc = analysis.doc
        for i in 1..<doc.nodes.count where analysis.removal[i] == .comments && analysis.removal[Int(doc.nodes[i].parent)] != .comments {
            breakLine(2)
            node(Int32(i), depth: 0)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private var linkLimit: Float {
        switch options.favor {
        case .precision: return 0.35
        case .balanced: return 0.5
        case .recall: return 0.7
        }
    }

    private mutating func node(_ i: Int32, depth: Int) {
        let doc = analysis.doc
        let n = doc[i]
        if n.tag == .text {
            text(doc.bytes[Int(n.start)..<Int(n.end)])
            return
        }
        let idx = Int(i)
        switch analysis.removal[idx] {
        case .kept: break
        case .boilerplate: return
        case .comments: if !inComments { return }
        }
        if depth > HTMLTreeBuilder.maxDepth { return }
        let tag = n.tag
        let len = analysis.textLength[idx]
        if len == 0 && tag != .br && tag != .hr {
            // `Hendersonville,<b> </b>who`: an inline element holding only white space still
            // separates the words around it.
            if Self.breaks(tag) == 0 && holdsText(i) { pendingSpace = true }
            return
        }
        if isLinkList(tag, idx) { return }
        if tag == .table && !options.tables && !holdsBlocks(i) { return }
        let breaks = Self.breaks(tag)
        if breaks > 0 { breakLine(breaks) }
        if tag == .br {
            // A second break before any text (`<br><br>`, a break after a block) leaves an
            // empty line, as in a browser: the paragraph break of pages without `<p>`.
            breakLine(pendingBreaks >= 1 ? 2 : 1)
            return
        }
        if tag == .pre { preDepth += 1 }
        var c = n.firstChild
        var firstCell = true
        // Text of the children before the current one.
        var seen: Int32 = 0
        while c >= 0 {
            // "Related articles", "Mehr zum Thema": the heading goes, and near the article's
            // end so does the rest of its container (the box it heads); image credits ("Foto:
            // AFP") go. `favor: recall` keeps both.
            let ci = Int(c)
            let cn = doc.nodes[ci]
            let clen = analysis.textLength[ci]
            if options.favor != .recall, cn.tag != .text, clen > 0, analysis.removal[ci] == .kept {
                let heading = clen <= RelatedHeadings.maxLength && RelatedHeadings.canHead(cn.tag)
                let credit = clen <= RelatedHeadings.maxCreditLength && RelatedHeadings.canCredit(cn.tag)
                if heading || credit {
                    switch RelatedHeadings.kind(analysis, c, heading: heading, credit: credit) {
                    case .none: break
                    case .credit:
                        seen += clen
                        c = cn.nextSibling
                        continue
                    case .boxHeading:
                        // The text after it in this container (children sum to their parent,
                        // comment sections aside): no walk over the siblings per heading.
                        let rest = max(0, len - seen - clen)
                        seen += clen
                        if Int(rest) * 2 <= out.count { c = -1 } else { c = cn.nextSibling }
                        continue
                    }
                }
            }
            if analysis.removal[ci] != .comments { seen += clen }
            if tag == .tr, doc[c].tag == .td || doc[c].tag == .th {
                if !firstCell { tab() }
                firstCell = false
            }
            node(c, depth: depth + 1)
            c = doc[c].nextSibling
        }
        if tag == .pre { preDepth -= 1 }
        if tag == .a && options.links, let href = doc.attribute(.href, of: i), !href.isEmpty {
            let target = doc.bytes[href]
            if target.first != 0x23 && !target.starts(with: Self.javascript) {
                out.append(0x20)
                out.append(0x3C)
                out.append(contentsOf: target)
                out.append(0x3E)
            }
        }
        if breaks > 0 { breakLine(breaks) }
    }

    private static let javascript = Array("javascript:".utf8)

    /// A block that is mostly links (a list of related articles, a tag cloud, a menu).
    private func isLinkList(_ tag: HTMLTag, _ i: Int) -> Bool {
        let len = analysis.textLength[i]
        guard len > 0, analysis.linkLength[i] > 0 else { return false }
        let density = Float(analysis.linkLength[i]) / Float(len)
        switch tag {
        case .ul, .ol, .dl, .div, .section, .table, .tr, .td, .li, .header, .footer, .unknown, .center:
            return density > linkLimit
        case .p, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote, .dd, .dt:
            return density > max(linkLimit, 0.8)
        default:
            return false
        }
    }

    /// Whether any text node lies under `i` (white space only, when its text length is 0).
    private func holdsText(_ i: Int32) -> Bool {
        let doc = analysis.doc
        let end = doc.end(of: i)
        var j = Int(i) + 1
        while j < end {
            if doc.nodes[j].tag == .text { return true }
            j += 1
        }
        return false
    }

    /// Whether a table lays out blocks (paragraphs, lists) rather than holding data.
    private func holdsBlocks(_ i: Int32) -> Bool {
        let doc = analysis.doc
        let end = doc.end(of: i)
        var j = Int(i) + 1
        while j < end {
            switch doc.nodes[j].tag {
            case .p, .div, .ul, .ol, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote: return true
            default: j += 1
            }
        }
        return false
    }

    /// Line breaks around an element: 2 for paragraphs, 1 for lines.
    static func breaks(_ tag: HTMLTag) -> Int {
        switch tag {
        case .p, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote, .pre, .table, .ul, .ol, .dl, .figure, .hr, .article, .section,
             .header, .footer, .main, .aside, .address, .details, .hgroup:
            return 2
        case .div, .li, .dt, .dd, .tr, .caption, .figcaption, .summary, .center, .plaintext, .listing, .xmp, .body, .html,
             .form, .fieldset, .nav, .menu, .dir, .dialog, .search, .legend, .option, .optgroup, .thead, .tbody, .tfoot:
            return 1
        default:
            return 0
        }
    }

    private mutating func breakLine(_ n: Int) {
        pendingBreaks = max(pendingBreaks, n)
        pendingSpace = false
    }

    private mutating func tab() {
        if !out.isEmpty && pendingBreaks == 0 {
            out.append(0x09)
            pendingSpace = false
        }
    }

    private mutating func text(_ bytes: ArraySlice<UInt8>) {
        for b in bytes {
            if preDepth == 0 && (b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C) {
                pendingSpace = true
                continue
            }
            if pendingBreaks > 0 {
                if !out.isEmpty {
                    out.append(0x0A)
                    if pendingBreaks > 1 { out.append(0x0A) }
                }
                pendingBreaks = 0
                pendingSpace = false
            } else if pendingSpace {
                if let last = out.last, last != 0x0A && last != 0x09 { out.append(0x20) }
                pendingSpace = false
            }
            out.append(b)
        }
    }
}
