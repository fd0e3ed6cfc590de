/// Builds an ``HTMLDocument`` from a page the way browsers do, for the parts that decide where
/// text ends up: a faithful subset of the WHATWG tree construction.
///
/// - implied end tags: a block start closes an open `<p>`; `<li>`, `<dt>`, `<dd>`, `<td>`,
///   `<th>`, `<tr>`, `<option>` and headings close their open siblings; end tags close what
///   is open inside them, within the element scopes of the standard (an end tag never
///   crosses a table cell it did not open in);
/// - misnested formatting (`<b><p>x</b>y</p>`): an end tag of a formatting element that would
///   have to close a block is ignored, so text stays in the block it is in;
/// - raw text (`<script>`, `<style>`, `<textarea>`, `<title>`, `<xmp>`, `<iframe>`,
///   `<noembed>`, `<noframes>`, `<noscript>` — scripting is on, as in a browser — and
///   `<plaintext>`) is tokenized as such and left out, except `<plaintext>`'s text;
/// - `<template>`, `<select>` and foreign content (`<svg>`, `<math>`) are left out whole,
///   nesting counted, CDATA sections read as in foreign content;
/// - character references in text and attributes are decoded by ``HTMLTokenizer``.
///
/// Not built: the head/body split, foster parenting of text misplaced in tables, and the
/// re-opening of formatting elements (none moves text from one block to another). Depth is
/// capped at ``maxDepth``; deeper elements become siblings. Linear in the input.
public struct HTMLTreeBuilder: Sendable {
    /// Open elements at most; browsers cap nesting too (Blink at 512).
    public static let maxDepth = 512

    /// A builder.
    public init() {}

    /// Parses a page from its UTF-8 bytes.
    public func parse(_ html: [UInt8]) -> HTMLDocument {
        var state = State(tokenizer: HTMLTokenizer(html))
        state.run()
        return state.doc
    }

    /// Parses a page from a string.
    public func parse(_ html: String) -> HTMLDocument { parse(Array(html.utf8)) }

    private struct State {
        var tokenizer: HTMLTokenizer
        var doc = HTMLDocument()
        var stack: [Int32] = [HTMLDocument.root]
        /// The text node text is appended to, while nothing else came between.
        var openText: Int32 = -1
        /// Whether `<head>` is open, and whether one was seen (there is only one).
        var headOpen = false
        var sawHead = false
        var sawBody = false

        init(tokenizer: HTMLTokenizer) {
            self.tokenizer = tokenizer
            doc.bytes.reserveCapacity(tokenizer.input.count / 3)
            doc.nodes.reserveCapacity(tokenizer.input.count / 40)
        }

        mutating func run() {
            while let token = tokenizer.next() {
                switch token {
                case .text(let span):
                    appendText(span)
                case .startTag(let name, let selfClosing):
                    let (tag, hash) = tokenizer.withBytes(name) { (HTMLTag(name: $0), Self.hash($0)) }
                    startTag(tag, hash: tag == .unknown ? hash : 0, selfClosing: selfClosing)
                case .endTag(let name):
                    let (tag, hash) = tokenizer.withBytes(name) { (HTMLTag(name: $0), Self.hash($0)) }
                    endTag(tag, hash: tag == .unknown ? hash : 0)
                case .comment, .doctype:
                    break
                }
            }
        }

        // MARK: Start tags

        mutating func startTag(_ tag: HTMLTag, hash: UInt32, selfClosing: Bool) {
            // The head ends at the first tag that belongs in the body (or at `<body>`).
            if headOpen {
                switch tag {
                case .base, .basefont, .bgsound, .link, .meta, .title, .style, .script, .noscript, .template, .head, .html:
                    break
                default:
                    closeHead()
                }
            }
            switch tag {
            case .script:
                skipRawText(.scriptData, "script")
                return
            case .style, .xmp, .iframe, .noembed, .noframes, .noscript:
                if tag == .xmp { closeParagraph() }
                skipRawText(.rawtext, tag.name)
                return
            case .title, .textarea:
                skipRawText(.rcdata, tag.name)
                return
            case .svg, .math:
                if !selfClosing { skipForeign(tag) }
                return
            case .template, .select:
                // `/>` means nothing on an HTML element: the content follows.
                skipSubtree(tag)
                return
            case .html:
                // Only as the first element; a later one merges into the existing one.
                if doc.nodes.count > 1 { return }
            case .body, .head, .frameset:
                // The elements exist once; repeated or late ones add nothing for the text.
                if stack.contains(where: { doc[$0].tag == tag }) || (tag == .head && (sawHead || sawBody)) || (tag == .body && sawBody) { return }
            case .td, .th, .tr, .tbody, .thead, .tfoot, .caption, .col, .colgroup:
                // Table parts outside a table are ignored.
                if inScope([.table], table: true) == nil { return }
            default:
                break
            }
            switch tag {
            case .td, .th:
                // Cells right in a table get their row.
                let t = doc[stack.last!].tag
                if t == .table || t == .tbody || t == .thead || t == .tfoot {
                    let row = append(.tr, hash: 0, attributes: false)
                    if stack.count < HTMLTreeBuilder.maxDepth { stack.append(row) }
                }
            default:
                break
            }
            if tag.closesParagraph { closeParagraph() }
            switch tag {
            case .li:
                closeListItem([.li])
            case .dd, .dt:
                closeListItem([.dd, .dt])
            case .h1, .h2, .h3, .h4, .h5, .h6:
                if doc[stack.last!].tag.isHeading { pop() }
            case .td, .th:
                if let i = inScope([.td, .th], table: true) { popTo(i) }
            case .tr:
                if let i = inScope([.tr], table: true) { popTo(i) }
            case .thead, .tbody, .tfoot:
                if let i = inScope([.thead, .tbody, .tfoot], table: true) { popTo(i) }
            case .option, .optgroup:
                if doc[stack.last!].tag == .option { pop() }
            case .a:
                // Anchors do not nest: a new one ends the open one.
                if let i = formattingIndex(.a, hash: 0) { popTo(i) }
            case .nobr:
                if let i = formattingIndex(.nobr, hash: 0) { popTo(i) }
            default:
                break
            }
            let node = append(tag, hash: hash)
            if tag == .body { sawBody = true }
            if tag == .head {
                headOpen = true
                sawHead = true
            }
            if !tag.isVoid && stack.count < HTMLTreeBuilder.maxDepth { stack.append(node) }
            if tag == .plaintext { tokenizer.switchTo(.plaintext) }
        }

        // MARK: End tags

        mutating func endTag(_ tag: HTMLTag, hash: UInt32) {
            switch tag {
            case .head:
                closeHead()
                return
            case .html, .body, .document:
                return  // content after </body> still goes into the body
            case .br:
                append(.br, hash: 0)  // `</br>` is a line break in browsers
                return
            case .p:
                if let i = inScope([.p], button: true) { popTo(i) }
                return
            case .li:
                if let i = inScope([.li], list: true) { popTo(i) }
                return
            case .h1, .h2, .h3, .h4, .h5, .h6:
                // Any heading's end tag closes the open heading.
                if let i = inScope([.h1, .h2, .h3, .h4, .h5, .h6]) { popTo(i) }
                return
            default:
                break
            }
            if tag.isFormatting || !tag.isSpecial {
                // "Any other end tag": the nearest element of that name, unless a special
                // element is open above it (then the tag is ignored).
                if let i = formattingIndex(tag, hash: hash) { popTo(i) }
                return
            }
            if let i = inScope([tag], table: tag == .table || tag == .tr || tag == .tbody || tag == .thead || tag == .tfoot) {
                popTo(i)
            }
        }

        // MARK: Stack helpers

        /// The stack index of the nearest open `tag` with no special element above it.
        func formattingIndex(_ tag: HTMLTag, hash: UInt32) -> Int? {
            var i = stack.count - 1
            while i > 0 {
                let n = doc[stack[i]]
                if n.tag == tag && n.nameHash == hash { return i }
                if n.tag.isSpecial { return nil }
                i -= 1
            }
            return nil
        }

        /// The stack index of the nearest open element among `tags` in scope: the default
        /// scope, or button, list-item or table scope.
        func inScope(_ tags: [HTMLTag], button: Bool = false, list: Bool = false, table: Bool = false) -> Int? {
            var i = stack.count - 1
            while i > 0 {
                let t = doc[stack[i]].tag
                if tags.contains(t) { return i }
                if table {
                    if t == .table || t == .template || t == .html { return nil }
                } else if t.boundsScope || (button && t == .button) || (list && (t == .ol || t == .ul)) {
                    return nil
                }
                i -= 1
            }
            return nil
        }

        mutating func closeHead() {
            guard headOpen else { return }
            headOpen = false
            if let i = stack.lastIndex(where: { doc[$0].tag == .head }) { popTo(i) }
        }

        mutating func closeParagraph() {
            if let i = inScope([.p], button: true) { popTo(i) }
        }

        /// `<li>` (or `<dd>`/`<dt>`): close the open item unless a special element other than
        /// address, div and p is open above it.
        mutating func closeListItem(_ tags: [HTMLTag]) {
            var i = stack.count - 1
            while i > 0 {
                let t = doc[stack[i]].tag
                if tags.contains(t) {
                    popTo(i)
                    return
                }
                if t.isSpecial && t != .address && t != .div && t != .p { return }
                i -= 1
            }
        }

        mutating func pop() {
            if stack.count > 1 { stack.removeLast() }
            openText = -1
        }

        /// Pops the element at stack index `i` and everything above it.
        mutating func popTo(_ i: Int) {
            stack.removeSubrange(max(1, i)...)
            openText = -1
        }

        // MARK: Nodes

        @discardableResult
        mutating func append(_ tag: HTMLTag, hash: UInt32, attributes: Bool = true) -> Int32 {
            let start = Int32(doc.attributes.count)
            if tag != .text && attributes {
                for a in tokenizer.attributes {
                    let name = tokenizer.withBytes(a.name) { HTMLAttributeName($0) }
                    guard let name else { continue }
                    let vs = Int32(doc.bytes.count)
                    tokenizer.withBytes(a.value) { doc.bytes.append(contentsOf: $0) }
                    doc.attributes.append(.init(name: name, start: vs, end: Int32(doc.bytes.count)))
                }
            }
            let parent = stack.last!
            let index = Int32(doc.nodes.count)
            doc.nodes.append(.init(tag: tag, parent: parent, start: start, end: Int32(doc.attributes.count), nameHash: hash))
            link(index, to: parent)
            openText = -1
            return index
        }

        mutating func link(_ index: Int32, to parent: Int32) {
            let last = doc.nodes[Int(parent)].lastChild
            if last >= 0 { doc.nodes[Int(last)].nextSibling = index } else { doc.nodes[Int(parent)].firstChild = index }
            doc.nodes[Int(parent)].lastChild = index
        }

        mutating func appendText(_ span: HTMLSpan) {
            guard !span.isEmpty else { return }
            let start = doc.bytes.count
            // Browsers drop NUL characters in body text.
            tokenizer.withBytes(span) { b in
                if b.contains(0) { doc.bytes.append(contentsOf: b.lazy.filter { $0 != 0 }) } else { doc.bytes.append(contentsOf: b) }
            }
            guard doc.bytes.count > start else { return }
            // Closing the head moves no bytes: the text appended above stays where it is.
            if headOpen && doc.bytes[start...].contains(where: { $0 > 0x20 }) { closeHead() }
            if openText >= 0 {
                doc.nodes[Int(openText)].end = Int32(doc.bytes.count)
                return
            }
            let parent = stack.last!
            let index = Int32(doc.nodes.count)
            doc.nodes.append(.init(tag: .text, parent: parent, start: Int32(start), end: Int32(doc.bytes.count)))
            link(index, to: parent)
            openText = index
        }

        // MARK: Skipped content

        /// Reads a raw-text element's content up to its end tag and drops it.
        mutating func skipRawText(_ state: HTMLTokenizer.State, _ name: String) {
            skipRawTextContent(state, name)
            openText = -1
        }

        /// Drops an SVG or MathML subtree: up to the end tag that closes its root, self-closing
        /// tags honoured and CDATA sections read as text, as in foreign content.
        mutating func skipForeign(_ root: HTMLTag) {
            tokenizer.allowsCDATA = true
            defer { tokenizer.allowsCDATA = false }
            var depth = 1
            // Inside `<foreignObject>`, `<desc>`, `<title>` (SVG) or MathML's text elements,
            // HTML content belongs to the foreign element and does not break out.
            var integration = 0
            while let token = tokenizer.next() {
                switch token {
                case .startTag(let name, let selfClosing):
                    let (n, hash) = tokenizer.withBytes(name) { (HTMLTag(name: $0), Self.hash($0)) }
                    if n == root && !selfClosing { depth += 1 }
                    if Self.isIntegrationPoint(n, hash) {
                        if !selfClosing { integration += 1 }
                        continue
                    }
                    if integration > 0 { continue }
                    // HTML content breaks out of foreign content (an unclosed `<svg>` ends at
                    // the next `<p>` or `<div>`), as in browsers.
                    if Self.breaksOutOfForeign(n) {
                        tokenizer.allowsCDATA = false
                        startTag(n, hash: n == .unknown ? hash : 0, selfClosing: selfClosing)
                        return
                    }
                case .endTag(let name):
                    let (n, hash) = tokenizer.withBytes(name) { (HTMLTag(name: $0), Self.hash($0)) }
                    if Self.isIntegrationPoint(n, hash) {
                        integration = max(0, integration - 1)
                    } else if n == root {
                        depth -= 1
                        if depth == 0 { return }
                    } else if integration > 0 {
                        continue
                    } else if n == .p || n == .br || (n != .unknown && n != .a && n != .title && n != .script && n != .style
                                                      && n != .font && stack.contains(where: { doc[$0].tag == n })) {
                        // The end tag of an HTML element open around the foreign content closes it too.
                        tokenizer.allowsCDATA = false
                        endTag(n, hash: n == .unknown ? hash : 0)
                        return
                    }
                default:
                    break
                }
            }
        }

        static let integrationHashes: Set<UInt32> = Set(["foreignobject", "desc", "mi", "mo", "mn", "ms", "mtext", "annotation-xml"].map { name in
            var bytes = Array(name.utf8)
            return bytes.withUnsafeMutableBufferPointer { hash(UnsafeBufferPointer($0)) }
        })

        static func isIntegrationPoint(_ tag: HTMLTag, _ hash: UInt32) -> Bool {
            tag == .title || (tag == .unknown && integrationHashes.contains(hash))
        }

        static func breaksOutOfForeign(_ tag: HTMLTag) -> Bool {
            switch tag {
            case .b, .big, .blockquote, .body, .br, .center, .code, .dd, .div, .dl, .dt, .em, .embed, .h1, .h2, .h3, .h4,
                 .h5, .h6, .head, .hr, .i, .img, .li, .listing, .menu, .meta, .nobr, .ol, .p, .pre, .ruby, .s, .small,
                 .span, .strong, .strike, .sub, .sup, .table, .tt, .u, .ul, .var:
                return true
            default:
                return false
            }
        }

        /// Drops a `<template>` or `<select>` subtree, nesting counted; a `<select>` also ends
        /// at `<input>`, `<textarea>` or `<keygen>`, as in browsers.
        mutating func skipSubtree(_ root: HTMLTag) {
            var depth = 1
            while let token = tokenizer.next() {
                switch token {
                case .startTag(let name, let selfClosing):
                    let n = tokenizer.withBytes(name) { HTMLTag(name: $0) }
                    if root == .select && (n == .input || n == .textarea || n == .keygen) {
                        startTag(n, hash: 0, selfClosing: selfClosing)
                        return
                    }
                    switch n {
                    case .script: skipRawTextContent(.scriptData, "script")
                    case .style, .xmp, .iframe, .noembed, .noframes, .noscript: skipRawTextContent(.rawtext, n.name)
                    case .title, .textarea: skipRawTextContent(.rcdata, n.name)
                    default: if n == root && !selfClosing && root == .template { depth += 1 }
                    }
                case .endTag(let name):
                    let n = tokenizer.withBytes(name) { HTMLTag(name: $0) }
                    if n == root {
                        depth -= 1
                        if depth == 0 { return }
                    }
                default:
                    break
                }
            }
        }

        /// The tokens of a raw-text element up to its end tag, dropped.
        mutating func skipRawTextContent(_ state: HTMLTokenizer.State, _ name: String) {
            tokenizer.switchTo(state)
            tokenizer.setLastStartTag(name)
            while let token = tokenizer.next() {
                if case .endTag = token { return }
            }
        }


        /// FNV-1a of a name, for matching the end tags of custom elements.
        static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt32 {
            var h: UInt32 = 2_166_136_261
            for x in b { h = (h ^ UInt32(x)) &* 16_777_619 }
            return h | 1
        }
    }
}
