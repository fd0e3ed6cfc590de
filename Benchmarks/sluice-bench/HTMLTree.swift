// Tree construction as text extraction sees it (issue 14), for the differential check against
// html5lib in `Benchmarks/html/tree_diff.py`:
//
//     swift build -c release --product sluice-bench
//     .build/release/sluice-bench html-tree ../shared/data/html-eval/pages.jsonl.zst > /tmp/sluice-tree.jsonl
//
// Prints one line a page: {"id": …, "blocks": [[path, text], …]}. Every text node of the
// ``HTMLTreeBuilder`` tree belongs to its nearest block-level ancestor (``treeBlockTags``);
// consecutive text nodes of the same block are one entry, their whitespace collapsed, and
// `path` is the block tags from the root down to that block, joined by `/` (empty for text
// outside any block). Entries with no text left are dropped. Skipped content (script, style,
// template, select, noscript, SVG, MathML) is not in the tree at all.
import Foundation
import Sluice
import SluiceText

/// The block-level tags the comparison records in paths (tree_diff.py has the same list).
let treeBlockTags: Set<HTMLTag> = [
    .p, .div, .li, .td, .th, .tr, .table, .ul, .ol, .dl, .dt, .dd, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote, .pre,
    .article, .section, .main, .header, .footer, .nav, .aside, .figure, .figcaption, .form, .address,
]

func runHTMLTree(path: String, named: [String: String]) throws {
    var buffer = Data()
    try forEachRecord(path, field: named["field"] ?? "html") { r in
        let doc = HTMLTreeBuilder().parse(Array(r.text.utf8))
        buffer.append(contentsOf: Array("{\"id\":".utf8))
        buffer.append(contentsOf: r.idJSON)
        buffer.append(contentsOf: Array(",\"blocks\":[".utf8))
        var first = true
        for (p, t) in treeBlocks(doc) {
            if !first { buffer.append(0x2C) }
            first = false
            buffer.append(contentsOf: Array("[\(jsonString(p)),\(jsonString(t))]".utf8))
        }
        buffer.append(contentsOf: Array("]}\n".utf8))
        if buffer.count > 1 << 20 {
            FileHandle.standardOutput.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }
    FileHandle.standardOutput.write(buffer)
}

/// The (path, text) blocks of a parsed page in document order.
func treeBlocks(_ doc: HTMLDocument) -> [(String, String)] {
    let nodes = doc.nodes
    // Nearest block ancestor-or-self of every node (0: none), and the path of every block.
    var block = [Int32](repeating: 0, count: nodes.count)
    var paths: [Int32: String] = [0: ""]
    for i in 1..<nodes.count {
        let n = nodes[i]
        let up = block[Int(n.parent)]
        if n.tag != .text && treeBlockTags.contains(n.tag) {
            block[i] = Int32(i)
            let parentPath = paths[up]!
            paths[Int32(i)] = parentPath.isEmpty ? n.tag.name : parentPath + "/" + n.tag.name
        } else {
            block[i] = up
        }
    }
    var result: [(String, String)] = []
    var current: Int32 = -1
    var text: [UInt8] = []
    func flush() {
        let collapsed = collapseWhitespace(text)
        if current >= 0 && !collapsed.isEmpty { result.append((paths[current]!, collapsed)) }
        text.removeAll(keepingCapacity: true)
    }
    for i in 1..<nodes.count where nodes[i].tag == .text {
        let b = block[i]
        if b != current {
            flush()
            current = b
        }
        text.append(contentsOf: doc.text(of: Int32(i)))
    }
    flush()
    return result
}

/// ASCII whitespace runs as one space, none at the ends (the HTML standard's whitespace).
func collapseWhitespace(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var space = false
    for b in bytes {
        if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D {
            space = true
        } else {
            if space && !out.isEmpty { out.append(0x20) }
            space = false
            out.append(b)
        }
    }
    return String(decoding: out, as: UTF8.self)
}
