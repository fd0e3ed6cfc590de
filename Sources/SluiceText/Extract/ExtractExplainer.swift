/// A diagnostic of the extractor for benchmark tooling (not public API): which elements it
/// chose, and for a piece of text, the elements above it with the votes and verdicts that
/// decided its fate.
package struct ExtractExplainer {
    /// An explainer for extraction with `options`.
    package init(options: ExtractOptions = .init()) {
        self.options = options
    }

    let options: ExtractOptions

    /// Lines describing the chosen roots and where each of `needles` sits.
    package func explain(_ html: [UInt8], needles: [String]) -> String {
        let doc = HTMLTreeBuilder().parse(html)
        let analysis = PageAnalysis(doc)
        let locator = ContentLocator(analysis: analysis, favor: options.favor)
        let v = locator.votes()
        let roots = locator.locate()
        var lines: [String] = []
        func describe(_ i: Int32) -> String {
            let n = doc[i]
            var s = "#\(i) <\(n.tag)"
            if let c = doc.string(.class, of: i) { s += " class=\"\(c.prefix(60))\"" }
            if let c = doc.string(.id, of: i) { s += " id=\"\(c.prefix(40))\"" }
            s += "> len=\(analysis.textLength[Int(i)]) link=\(analysis.linkLength[Int(i)]) score=\(v.score[Int(i)])"
            if !v.prose.isEmpty { s += " prose=\(v.prose[Int(i)])" }
            s += " \(analysis.removal[Int(i)])"
            if analysis.contentHint[Int(i)] { s += " content" }
            if analysis.leadHint[Int(i)] { s += " lead" }
            return s
        }
        lines.append("best: " + (v.best > 0 ? describe(v.best) : "none"))
        for r in roots { lines.append("root: " + describe(r)) }
        for needle in needles {
            let key = Array(needle.utf8.prefix(20))
            lines.append("needle: \(needle)")
            var found = false
            for i in 1..<doc.nodes.count where doc.nodes[i].tag == .text {
                let t = doc.bytes[Int(doc.nodes[i].start)..<Int(doc.nodes[i].end)]
                guard t.count >= key.count, Self.contains(t, key) else { continue }
                var chain: [Int32] = []
                var a = doc.nodes[i].parent
                while a > 0 {
                    chain.append(a)
                    a = doc[a].parent
                }
                for c in chain.reversed() { lines.append("   " + describe(c)) }
                found = true
                break
            }
            if !found { lines.append("   (not in one text node)") }
        }
        return lines.joined(separator: "\n")
    }

    private static func contains(_ t: ArraySlice<UInt8>, _ key: [UInt8]) -> Bool {
        var i = t.startIndex
        while i + key.count <= t.endIndex {
            if t[i..<(i + key.count)].elementsEqual(key) { return true }
            i += 1
        }
        return false
    }
}
