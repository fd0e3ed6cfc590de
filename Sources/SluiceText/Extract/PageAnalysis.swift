/// Per-node facts about a parsed page that the extractor decides with: which elements are
/// boilerplate by name or role, and how much text and link text each subtree holds.
struct PageAnalysis {
    /// Why an element is left out, if it is.
    enum Removal: UInt8 {
        case kept
        /// Never content: navigation, forms, hidden elements, boilerplate names.
        case boilerplate
        /// A reader-comment section (kept only with the `comments` option).
        case comments
    }

    let doc: HTMLDocument
    var removal: [Removal]
    /// Visible text bytes (whitespace not counted) below each node, removed subtrees excluded.
    var textLength: [Int32]
    /// Of ``textLength``, bytes inside links.
    var linkLength: [Int32]
    /// Commas and full stops below each node: prose has them, menus do not.
    var punctuation: [Int32]
    /// Whether an element's class or id marks it as the article body.
    var contentHint: [Bool]
    /// Whether an element's class or id marks it as an article's lead paragraph.
    var leadHint: [Bool]

    init(_ doc: HTMLDocument) {
        self.doc = doc
        let n = doc.nodes.count
        removal = Array(repeating: .kept, count: n)
        textLength = Array(repeating: 0, count: n)
        linkLength = Array(repeating: 0, count: n)
        punctuation = Array(repeating: 0, count: n)
        contentHint = Array(repeating: false, count: n)
        leadHint = Array(repeating: false, count: n)
        // Two passes. First only what is never text (form controls, hidden elements), to
        // find where the page's prose is; then everything, except that no tag, role or name
        // removes an element around that prose: whole articles sit inside `<aside>`, an
        // unclosed `<header>` or `<div class="has-sidebar">` on real pages.
        classify(names: false, protected: [], holder: -1)
        measure()
        let prose = ContentLocator(analysis: self, favor: .balanced, mixedText: false).best()
        var protected = Set<Int32>()
        var a = prose.map { doc[$0].parent } ?? -1
        while a > 0 {
            protected.insert(a)
            a = doc[a].parent
        }
        for i in removal.indices { removal[i] = .kept }
        classify(names: true, protected: protected, holder: prose ?? -1)
        measure()
    }

    static func tagRemoval(_ tag: HTMLTag) -> Removal? {
        switch tag {
        case .nav, .aside, .footer, .form, .button, .input, .option, .figcaption, .optgroup, .output, .iframe, .embed,
             .object, .canvas, .map, .area, .video, .audio, .dialog, .menu, .fieldset, .legend, .noembed, .noframes,
             .frameset, .frame, .applet, .marquee, .head, .title, .meta, .link, .style, .script, .noscript,
             // Ruby annotations (the reading of each character, shown above it) are not the text.
             .rt, .rp:
            return .boilerplate
        default:
            return nil
        }
    }

    static func isSection(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .nav, .aside, .footer, .header, .form, .fieldset, .menu, .dialog: return true
        default: return false
        }
    }

    func isHidden(_ i: Int32) -> Bool {
        if doc.attribute(.hidden, of: i) != nil { return true }
        if let r = doc.attribute(.ariaHidden, of: i), Self.equalsFolded(doc.bytes[r], "true") { return true }
        if let r = doc.attribute(.class, of: i), Self.hasHiddenClass(doc.bytes[r]) { return true }
        if let r = doc.attribute(.style, of: i) {
            if Self.containsFolded(doc.bytes[r], "display:none") || Self.containsFolded(doc.bytes[r], "visibility:hidden") { return true }
        }
        return false
    }

    /// Whether a paragraph, quote, list, table or preformatted block lies under `i`; a
    /// figure of more than 4,096 nodes counts as holding one (and so stays), which keeps
    /// nested figures linear.
    private func holdsProseBlocks(_ i: Int32) -> Bool {
        let end = min(doc.end(of: i), Int(i) + 4097)
        if end == Int(i) + 4097 && doc.end(of: i) > end { return true }
        var j = Int(i) + 1
        while j < end {
            switch doc.nodes[j].tag {
            case .p, .blockquote, .table, .pre, .ul, .ol: return true
            default: j += 1
            }
        }
        return false
    }

    /// Class names that hide an element in every layout (`hidden`, `d-none`, `sr-only` is
    /// a boilerplate name instead); not when another class shows it again at some screen size
    /// (`hidden md:block`, `d-none d-lg-block`).
    static func hasHiddenClass(_ b: ArraySlice<UInt8>) -> Bool {
        var hidden = false
        var i = b.startIndex
        while i < b.endIndex {
            while i < b.endIndex && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D) { i += 1 }
            var e = i
            while e < b.endIndex && b[e] != 0x20 && b[e] != 0x09 && b[e] != 0x0A && b[e] != 0x0D { e += 1 }
            let token = b[i..<e]
            if equalsFolded(token, "hidden") || equalsFolded(token, "d-none") || equalsFolded(token, "hide")
                || equalsFolded(token, "invisible") || equalsFolded(token, "is-hidden") || equalsFolded(token, "u-hidden") {
                hidden = true
            } else if token.contains(0x3A) || token.starts(with: dBlockPrefix) {
                return false
            }
            i = e
        }
        return hidden
    }

    private static let dBlockPrefix = Array("d-".utf8)

    /// `protected`: elements around the prose, removed by nothing but hidden-ness and form
    /// controls; `holder`: the element holding the prose, which its tag alone does not remove
    /// (paragraphs right inside an `<aside>`), but its name still can (a comments section).
    private mutating func classify(names: Bool, protected: Set<Int32>, holder: Int32) {
        let nodes = doc.nodes
        var verdicts: [UInt64: BoilerplateNames.Verdict] = [:]
        for i in 1..<nodes.count {
            let node = nodes[i]
            if node.tag == .text { continue }
            let parent = Int(node.parent)
            if parent > 0 && removal[parent] != .kept {
                removal[i] = removal[parent]
                continue
            }
            let frame = protected.contains(Int32(i))
            let sectionKept = frame || Int32(i) == holder
            if let r = Self.tagRemoval(node.tag), names || !Self.isSection(node.tag), !(sectionKept && Self.isSection(node.tag)) {
                removal[i] = r
                continue
            }
            let idx = Int32(i)
            // A figure is an image with its caption and credit ("Photo: AFP"), unless it
            // holds paragraphs, a quote or a table (some pages wrap text in figures).
            if names && node.tag == .figure && !sectionKept && !holdsProseBlocks(idx) {
                removal[i] = .boilerplate
                continue
            }
            if isHidden(idx) {
                removal[i] = .boilerplate
                continue
            }
            if !names { continue }
            if let r = doc.attribute(.role, of: idx), !frame {
                let role = String(decoding: doc.bytes[r], as: UTF8.self).lowercased()
                switch role {
                case "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog", "alertdialog",
                     "search", "toolbar", "tablist", "alert", "status":
                    removal[i] = .boilerplate
                    continue
                default: break
                }
            }
            switch node.tag {
            case .html, .body, .main, .article:
                continue
            default: break
            }
            let cls = doc.attribute(.class, of: idx).map { doc.bytes[$0] }
            let id = doc.attribute(.id, of: idx).map { doc.bytes[$0] }
            if let r = doc.attribute(.itemprop, of: idx), Self.equalsFolded(doc.bytes[r], "articlebody") {
                contentHint[i] = true
                continue
            }
            // Pages repeat the same class names on many elements: decide each pair once.
            var key = FNV1a64()
            if let cls { key.add(cls) }
            key.add(0xFF)
            if let id { key.add(id) }
            let verdict: BoilerplateNames.Verdict
            if let known = verdicts[key.value] {
                verdict = known
            } else {
                verdict = BoilerplateNames.verdict(class: cls, id: id)
                verdicts[key.value] = verdict
            }
            // Around the prose only a name that marks the article (`entry-content`) counts.
            if frame && verdict != .content && verdict != .lead { continue }
            switch verdict {
            case .none: break
            // The element holding the page's densest prose is the article whatever it is
            // called (`cuerpo-ad`, "body of the article with ads"); only a comment section
            // loses it.
            case .boilerplate: if idx != holder { removal[i] = .boilerplate }
            case .comments: removal[i] = .comments
            case .content: contentHint[i] = true
            case .lead: leadHint[i] = true
            }
        }
    }

    /// Sums text, link text and punctuation bottom-up (children follow their parents in the
    /// node array, so one reverse pass does it).
    private mutating func measure() {
        let nodes = doc.nodes
        for i in 0..<nodes.count {
            textLength[i] = 0
            linkLength[i] = 0
            punctuation[i] = 0
        }
        doc.bytes.withUnsafeBufferPointer { bytes in
            for i in stride(from: nodes.count - 1, through: 1, by: -1) {
                let node = nodes[i]
                if node.tag == .text {
                    var len: Int32 = 0
                    var punct: Int32 = 0
                    for j in Int(node.start)..<Int(node.end) {
                        let b = bytes[j]
                        if b > 0x20 { len += 1 }
                        if b == 0x2C || b == 0x2E { punct += 1 }
                    }
                    textLength[i] = len
                    punctuation[i] = punct
                } else if removal[i] == .boilerplate {
                    textLength[i] = 0
                    linkLength[i] = 0
                    punctuation[i] = 0
                    continue
                } else if node.tag == .a {
                    linkLength[i] = textLength[i]
                }
                let p = Int(node.parent)
                // A comment section is measured for its own rendering but counts for nothing
                // around it.
                if removal[i] == .comments && removal[p] != .comments { continue }
                textLength[p] += textLength[i]
                linkLength[p] += linkLength[i]
                punctuation[p] += punctuation[i]
            }
        }
    }


    static func equalsFolded(_ b: ArraySlice<UInt8>, _ s: StaticString) -> Bool {
        guard b.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        var k = 0
        for x in b {
            if x | 0x20 != p[k] { return false }
            k += 1
        }
        return true
    }

    /// Whether `b` holds the lower-case ASCII `s`, ignoring case and spaces in `b`
    /// (`display: None`), without allocating.
    static func containsFolded(_ b: ArraySlice<UInt8>, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        let p = s.utf8Start
        var i = b.startIndex
        while i < b.endIndex {
            var j = i
            var k = 0
            while k < n && j < b.endIndex {
                let x = b[j]
                if x == 0x20 && k > 0 { j += 1; continue }
                if x | 0x20 != p[k] && x != p[k] { break }
                k += 1
                j += 1
            }
            if k == n { return true }
            i += 1
        }
        return false
    }

}

/// 64-bit FNV-1a over bytes, for the per-page memo of class-name verdicts.
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: ArraySlice<UInt8>) {
        for b in bytes { add(b) }
    }

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
}
