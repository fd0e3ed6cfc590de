/// Finds the element that holds a page's article: paragraphs of prose vote for the elements
/// around them (their parent fully, ancestors less), link-heavy elements lose their votes,
/// and the winner's siblings that look like more of the same article join it.
struct ContentLocator {
    let analysis: PageAnalysis
    let favor: ExtractOptions.Favor
    /// Whether text of its own between the blocks of a container (`<section>text<h2>…</h2>text`)
    /// votes. Not in the first look at a page, before boilerplate names are known: footers
    /// and teaser boxes have such text too.
    var mixedText = true

    /// The article's elements in document order (the winner and the siblings that join it),
    /// empty when the page has no paragraph of prose at all.
    func locate() -> [Int32] {
        let v = votes()
        guard v.best > 0 else { return [] }
        return withLead(withTwins(gather(v), v))
    }

    /// The article's other parts in containers of the same name as the winner's (a body
    /// split into several `s-cms-content` sections around ads and pictures) nearby: sharing
    /// an ancestor at most four levels up, not in another `<article>`, with prose of their own.
    private func withTwins(_ roots: [Int32], _ v: Votes) -> [Int32] {
        let doc = analysis.doc
        let best = v.best
        guard let cls = doc.attribute(.class, of: best), !cls.isEmpty else { return roots }
        let name = doc.bytes[cls]
        // The winner's ancestors up to four levels, and whether an <article> lies on the way.
        var ups: [(node: Int32, crossesArticle: Bool)] = []
        var a = doc[best].parent
        var crossed = doc[best].tag == .article
        while a > 0 && ups.count < 4 && !isFrame(a) {
            ups.append((a, crossed))
            if doc[a].tag == .article { crossed = true }
            a = doc[a].parent
        }
        guard let scope = ups.last?.node else { return roots }
        var result = roots
        let tag = doc[best].tag
        var i = Int(scope) + 1
        let end = doc.end(of: scope)
        while i < end {
            let n = doc.nodes[i]
            let k = Int32(i)
            guard n.tag == tag, k != best, analysis.removal[i] == .kept, let c = doc.attribute(.class, of: k),
                  doc.bytes[c].elementsEqual(name) else {
                i += 1
                continue
            }
            let len = analysis.textLength[i]
            let covered = result.contains { $0 == k || isAncestor($0, of: k) || isAncestor(k, of: $0) }
            if !covered && v.prose[i] >= 3 && len > 0 && Float(analysis.linkLength[i]) < Float(len) * 0.5 {
                // The shared ancestor: the first of the winner's that holds this one.
                var crossesArticle = n.tag == .article
                var p = n.parent
                while p > 0 && !ups.contains(where: { $0.node == p }) {
                    if doc[p].tag == .article { crossesArticle = true }
                    p = doc[p].parent
                }
                if let shared = ups.first(where: { $0.node == p }), !crossesArticle && !shared.crossesArticle {
                    result.append(k)
                }
            }
            i = doc.end(of: k)
        }
        return result.count == roots.count ? roots : result.sorted()
    }

    /// The article's lead paragraph when markup names one (`lead`, `intro`, `perex`) shortly
    /// before the article's first element, inside the same container a few levels up: leads
    /// often sit in the article's header, apart from the body.
    private func withLead(_ roots: [Int32]) -> [Int32] {
        guard let first = roots.first else { return roots }
        let doc = analysis.doc
        var a = doc[first].parent
        var levels = 0
        while a > 0 && levels < 4 && !isFrame(a) {
            var j = Int(a) + 1
            while j < Int(first) {
                if analysis.leadHint[j] && analysis.removal[j] == .kept && !isAncestor(Int32(j), of: first) {
                    let len = analysis.textLength[j]
                    if len >= 40 && Float(analysis.linkLength[j]) <= Float(len) * 0.3 { return [Int32(j)] + roots }
                    j = doc.end(of: Int32(j))
                    continue
                }
                j += 1
            }
            a = doc[a].parent
            levels += 1
        }
        return roots
    }

    /// The element with the most votes, nil when no paragraph voted.
    func best() -> Int32? {
        let v = votes()
        return v.best > 0 ? v.best : nil
    }

    struct Votes {
        var score: [Float]
        /// Votes of all the paragraphs in each subtree, undecayed.
        var prose: [Float]
        var scored: [Bool]
        var best: Int32
    }

    func votes() -> Votes {
        let doc = analysis.doc
        let nodes = doc.nodes
        var score = [Float](repeating: 0, count: nodes.count)
        var scored = [Bool](repeating: false, count: nodes.count)
        var candidates: [Int32] = []
        var paragraphVotes = [Float](repeating: 0, count: nodes.count)
        for i in 1..<nodes.count {
            let node = nodes[i]
            guard node.tag != .text, analysis.removal[i] == .kept, let own = paragraph(Int32(i)) else { continue }
            let len = own.length
            guard len >= 25 else { continue }
            let linkDensity = Float(own.links) / Float(len)
            if linkDensity > 0.5 { continue }
            let vote = (1 + Float(own.punctuation) + min(Float(len) / 100, 3)) * (1 - linkDensity)
            paragraphVotes[i] = vote
            var a = node.parent
            var level = 0
            while a > 0 && level < 4 {
                if !scored[Int(a)] {
                    scored[Int(a)] = true
                    candidates.append(a)
                }
                score[Int(a)] += vote / Float(level == 0 ? 1 : level == 1 ? 2 : level * 3)
                a = nodes[Int(a)].parent
                level += 1
            }
        }
        guard !candidates.isEmpty else { return Votes(score: score, prose: [], scored: scored, best: -1) }
        var best: Int32 = -1
        var bestScore: Float = -1
        for c in candidates {
            let i = Int(c)
            let len = analysis.textLength[i]
            guard len > 0 else { continue }
            let linkDensity = Float(analysis.linkLength[i]) / Float(len)
            var s = score[i] * (1 - linkDensity)
            if analysis.contentHint[i] || nodes[i].tag == .article { s *= 1.25 }
            score[i] = s
            if s > bestScore {
                bestScore = s
                best = c
            }
        }
        var prose = paragraphVotes
        for i in stride(from: nodes.count - 1, through: 1, by: -1) { prose[Int(nodes[i].parent)] += prose[i] }
        // Of near-equal candidates the first is the page's article; later ones are the next
        // stories of an endless page or teasers (candidates are in document order).
        for c in candidates.sorted() where score[Int(c)] >= bestScore * 0.9 {
            if c != best && !isAncestor(c, of: best) && !isAncestor(best, of: c) { best = c }
            break
        }
        // An element marked as the article body (`itemprop=articleBody`, `article-body`)
        // holding most of the winner's prose is the article.
        if best > 0 {
            let bestProse = prose[Int(best)]
            for i in 1..<nodes.count where analysis.contentHint[i] && analysis.removal[i] == .kept {
                let len = analysis.textLength[i]
                guard len > 0, Float(analysis.linkLength[i]) / Float(len) < 0.5 else { continue }
                let inside = isAncestor(best, of: Int32(i))
                if prose[i] >= bestProse * (inside ? 0.7 : 0.5) {
                    best = Int32(i)
                    break
                }
            }
        }
        return Votes(score: score, prose: prose, scored: scored, best: best)
    }

    private func gather(_ v: Votes) -> [Int32] {
        let doc = analysis.doc
        let prose = v.prose
        var top = v.best
        // Inside an element marked as the article (`<article>`, `<main>`, `article-body`), the
        // rest of it is the article too (the lead in its header, a recipe's ingredients), when it
        // is not much more text and not a list of links.
        var a = doc[top].parent
        var steps = 0
        while a > 0 && steps < 6 && !isFrame(a) && analysis.removal[Int(a)] == .kept {
            if isBoundary(a) {
                let extra = analysis.textLength[Int(a)] - analysis.textLength[Int(top)]
                let extraLinks = analysis.linkLength[Int(a)] - analysis.linkLength[Int(top)]
                // (Link lists inside it are left out when it is written.)
                if extra <= analysis.textLength[Int(top)] && Float(extraLinks) <= Float(extra) * 0.5 { top = a }
                break
            }
            a = doc[a].parent
            steps += 1
        }
        while true {
            // A wrapper adding little text (a heading, a date line) is the same article.
            while !isBoundary(top) {
                let p = doc[top].parent
                guard p > 0, analysis.removal[Int(p)] == .kept, !isFrame(p) else { break }
                let extra = analysis.textLength[Int(p)] - analysis.textLength[Int(top)]
                guard extra <= analysis.textLength[Int(top)] / 10 + 40 else { break }
                top = p
            }
            // Siblings with prose of their own continue it (a story in several columns).
            let parent = doc[top].parent
            guard parent > 0 else { return [top] }
            var result: [Int32] = []
            var covered: Int32 = 0
            var s = doc[parent].firstChild
            while s >= 0 {
                if s == top || (doc[s].tag != .text && analysis.removal[Int(s)] == .kept && joins(s, prose: prose[Int(s)], topProse: prose[Int(top)])) {
                    result.append(s)
                    covered += analysis.textLength[Int(s)]
                }
                s = doc[s].nextSibling
            }
            // When they make up nearly all of their parent, the parent is the article.
            if result.count > 1 && Int(covered) >= Int(analysis.textLength[Int(parent)]) * 8 / 10 && !isFrame(parent) && !isBoundary(top) {
                top = parent
                continue
            }
            return result
        }
    }

    private func isAncestor(_ a: Int32, of b: Int32) -> Bool {
        Int(b) > Int(a) && Int(b) < analysis.doc.end(of: a)
    }

    /// An element that is a whole article by its markup: growing past it would take in the
    /// page around the article.
    private func isBoundary(_ i: Int32) -> Bool {
        let tag = analysis.doc[i].tag
        return tag == .article || tag == .main || analysis.contentHint[Int(i)]
    }

    /// The page's frame, never an article.
    private func isFrame(_ i: Int32) -> Bool {
        let tag = analysis.doc[i].tag
        return tag == .body || tag == .html || tag == .document
    }

    /// Whether a sibling of the winner is more of the article.
    private func joins(_ s: Int32, prose: Float, topProse: Float) -> Bool {
        let i = Int(s)
        let len = analysis.textLength[i]
        guard len > 0 else { return false }
        let linkDensity = Float(analysis.linkLength[i]) / Float(len)
        let share: Float = favor == .recall ? 0.1 : favor == .precision ? 0.3 : 0.2
        // A sibling with a paragraph of real prose of its own joins however long the winner
        // is: page builders put every paragraph of an article in a module of its own.
        let enough: Float = favor == .recall ? 5 : favor == .precision ? 12 : 8
        if prose >= max(3, min(topProse * share, enough)) && linkDensity < 0.3 { return true }
        if analysis.doc[s].tag == .p && linkDensity < 0.25 && len >= (favor == .recall ? 40 : 80) && analysis.punctuation[i] > 0 {
            return true
        }
        return false
    }

    /// The text of an element that makes a paragraph: `<p>`, `<pre>`, table cells and the like
    /// with all their text, and block containers with text of their own (`<div>text<br>text</div>`,
    /// or text between the headings and blocks of a `<section>`), counted without their blocks.
    struct Paragraph {
        var length: Int32
        var links: Int32
        var punctuation: Int32
    }

    private func paragraph(_ i: Int32) -> Paragraph? {
        switch analysis.doc[i].tag {
        case .p, .pre, .td, .blockquote, .dd:
            let k = Int(i)
            return Paragraph(length: analysis.textLength[k], links: analysis.linkLength[k], punctuation: analysis.punctuation[k])
        case .div, .section, .article, .main, .li, .center, .font, .span, .unknown:
            // Direct text and inline children; text outside links must make a paragraph.
            let doc = analysis.doc
            var c = doc[i].firstChild
            var own = Paragraph(length: 0, links: 0, punctuation: 0)
            while c >= 0 {
                let n = doc[c]
                let k = Int(c)
                if n.tag == .text || (isInline(n.tag) && analysis.removal[k] == .kept) {
                    own.length += analysis.textLength[k]
                    own.links += analysis.linkLength[k]
                    own.punctuation += analysis.punctuation[k]
                }
                else if !mixedText && !isInline(n.tag) { return nil }
                c = n.nextSibling
            }
            return own.length - own.links >= 25 ? own : nil
        default:
            return nil
        }
    }

    func isInline(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .a, .b, .big, .code, .em, .font, .i, .nobr, .s, .small, .strike, .strong, .tt, .u, .span, .abbr, .cite,
             .q, .sub, .sup, .mark, .time, .dfn, .kbd, .samp, .var, .ins, .del, .bdi, .bdo, .ruby, .rt, .rp, .data,
             .br, .wbr, .img, .picture, .unknown, .label:
            return true
        default:
            return false
        }
    }
}
