import SluiceText

extension Harness {
    /// ``HTMLSniffer``: no crash or hang; the answer does not change when ASCII letters are
    /// upper-cased (every keyword is case-insensitive), nor when white space or a comment is put
    /// in front (both are skipped before the first tag), for inputs without a byte order mark.
    static let htmlSniffer = Harness(name: "html-sniffer") { input in
        let bytes = input.bytes
        let answer = HTMLSniffer.isDocument(bytes)
        let upper = bytes.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
        Harness.require(upper.withUnsafeBufferPointer { HTMLSniffer.isDocument($0) } == answer, "upper-casing changed the answer")
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        guard !hasBOM else { return }
        for prefix in [" \r\n\t", "<!-- a -> -- --!> -->", "<?xml version=\"1.0\"?>"] {
            let prefixed = Array(prefix.utf8) + Array(bytes)
            Harness.require(prefixed.withUnsafeBufferPointer { HTMLSniffer.isDocument($0) } == answer,
                            "putting \(prefix.debugDescription) in front changed the answer")
        }
        // The String entry point reads the same bytes (valid UTF-8 only: repair changes bytes).
        if let s = String(validating: bytes, as: UTF8.self) {
            Harness.require(HTMLSniffer.isDocument(s) == answer, "String and bytes disagree")
        }
    }

    /// ``ArticleExtractor`` on any bytes, with options chosen by the first byte: no crash or
    /// hang (linear in the page); the same page gives the same result twice; an article has at
    /// least `minChars` characters, and a page without one has no text.
    static let articleExtract = Harness(name: "article-extract") { input in
        let (choice, rest) = input.split()
        let favor = ExtractOptions.Favor.allCases[Int(choice % 3)]
        let minChars = [0, 1, 100, 1000][Int(choice >> 6)]
        let options = ExtractOptions(favor: favor, comments: choice & 0x04 != 0, tables: choice & 0x08 != 0,
                                     links: choice & 0x10 != 0, minChars: minChars)
        let html = Array(rest)
        let extractor = ArticleExtractor(options: options)
        let url: String? = choice & 0x20 != 0 ? "https://example.org/dir/page.html" : nil
        let page = extractor.extract(html, url: url)
        if page.hasArticle { Harness.require(page.text.unicodeScalars.count >= minChars, "too short an article") }
        Harness.require(page.hasArticle || page.text.isEmpty, "text without an article")
        // Output is text, never markup the page did not write as text: no NUL, and lines trimmed.
        Harness.require(!page.text.utf8.contains(0), "NUL in the article")
        Harness.require(extractor.extract(html, url: url) == page, "two extractions of one page differ")
        // The metadata reader on its own, which the extractor may refine: no crash, deterministic.
        let metadata = HTMLMetadataExtractor().extract(html, url: url)
        Harness.require(HTMLMetadataExtractor().extract(html, url: url) == metadata, "two metadata readings differ")
    }

    /// ``HTMLTreeBuilder``: no crash or hang; the tree is well formed (every node's parent comes
    /// before it, sibling and child links agree, a subtree is one run of the node array) and
    /// never deeper than ``HTMLTreeBuilder/maxDepth``.
    static let htmlTree = Harness(name: "html-tree") { input in
        let doc = HTMLTreeBuilder().parse(Array(input.bytes))
        Harness.require(doc.nodes.first?.tag == .document, "no document node")
        var depth = [Int](repeating: 0, count: doc.nodes.count)
        for i in 1..<doc.nodes.count {
            let n = doc.nodes[i]
            Harness.require(n.parent >= 0 && Int(n.parent) < i, "node \(i): parent \(n.parent) not before it")
            depth[i] = depth[Int(n.parent)] + 1
            Harness.require(depth[i] <= HTMLTreeBuilder.maxDepth + 1, "node \(i) deeper than the cap")
            if n.tag == .text {
                Harness.require(n.firstChild < 0 && n.start <= n.end && Int(n.end) <= doc.bytes.count, "text node \(i) malformed")
            }
            if n.nextSibling >= 0 {
                Harness.require(Int(n.nextSibling) > i && doc.nodes[Int(n.nextSibling)].parent == n.parent, "node \(i): bad sibling")
                Harness.require(doc.end(of: Int32(i)) == Int(n.nextSibling), "node \(i): subtree not contiguous")
            }
        }
        for i in doc.nodes.indices {
            var c = doc.nodes[i].firstChild
            var last: Int32 = -1
            while c >= 0 {
                Harness.require(Int(doc.nodes[Int(c)].parent) == i, "child \(c) of \(i) has another parent")
                last = c
                c = doc.nodes[Int(c)].nextSibling
            }
            Harness.require(last == doc.nodes[i].lastChild, "node \(i): lastChild disagrees")
        }
    }
}
