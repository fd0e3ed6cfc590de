import SluiceText

extension Harness {
    static let htmlStates: [HTMLTokenizer.State] = [.data, .rcdata, .rawtext, .scriptData, .plaintext, .cdataSection]

    /// ``HTMLTokenizer``: no crash or hang; the position never goes back and every token but a
    /// text returned ahead of its tag consumes input; spans lie inside the input (or the decoded
    /// buffer); no span of the input holds a CR; names are non-empty and lower case. Calling `switchTo(.data)`
    /// after every tag changes nothing, and switching to any state after the k-th start tag (the
    /// first byte chooses both) gives the same tokens as a fresh tokenizer started in that state on
    /// the rest of the input with that tag as the last start tag.
    static let htmlTokenizer = Harness(name: "html-tokenizer") { input in
        let (choice, rest) = input.split()
        let bytes = Array(rest)
        let target = htmlStates[Int(choice & 7) % htmlStates.count]
        let boundary = Int(choice >> 3)

        var plain = HTMLTokenizer(bytes)
        let a = htmlTokens(&plain) { _, _ in false }
        var noOp = HTMLTokenizer(bytes)
        let b = htmlTokens(&noOp) { t, token in
            if case .text = token { return false }
            t.switchTo(.data)
            return false
        }
        Harness.require(a == b, "switching to the data state after tags changed the tokens")

        var starts = 0
        var cut: (position: Int, name: String)?
        var switched = HTMLTokenizer(bytes)
        let c = htmlTokens(&switched) { t, token in
            guard cut == nil, case .startTag(let name, _) = token else { return false }
            starts += 1
            guard starts - 1 == boundary else { return false }
            t.switchTo(target)
            cut = (t.position, t.string(name))
            return true
        }
        guard let (position, name) = cut else { return }
        // The tokens after the cut: everything after the start tag's own dump line.
        guard let k = c.firstIndex(where: { $0.hasPrefix("\u{1}cut") }) else {
            Harness.require(false, "cut marker missing")
            return
        }
        var fresh = HTMLTokenizer(Array(bytes[position...]))
        fresh.switchTo(target)
        fresh.setLastStartTag(name)
        let d = htmlTokens(&fresh) { _, _ in false }
        Harness.require(Array(c[(k + 1)...]) == d, "switching to \(target) after <\(name)> differs from a fresh start: \(c[(k + 1)...]) vs \(d)")
    }

    /// The tokens as strings (text coalesced), checking the per-token invariants; `after` runs
    /// after each token and returns true to mark the place with a "\u{1}cut" line.
    static func htmlTokens(_ t: inout HTMLTokenizer, after: (inout HTMLTokenizer, HTMLToken) -> Bool) -> [String] {
        var out: [String] = []
        var last = 0
        var count = 0
        var prevWasText = false
        let n = t.input.count
        func check(_ span: HTMLSpan, _ t: HTMLTokenizer, name: Bool = false) -> String {
            Harness.require(span.start <= span.end, "span \(span) reversed")
            if !span.isDecoded { Harness.require(span.end <= n, "span \(span) past the input (\(n))") }
            return t.withBytes(span) { b in
                // Input CRs all become LF; only a reference (`&#13;`) gives a CR, in a decoded span.
                Harness.require(span.isDecoded || !b.contains(0x0D), "a CR of the input in a token")
                if name {
                    Harness.require(!b.isEmpty, "an empty name")
                    Harness.require(!b.contains { $0 >= 0x41 && $0 <= 0x5A }, "an upper-case name")
                    Harness.require(!b.contains { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x2F || $0 == 0x3E },
                                    "white space, / or > in a tag name")
                }
                return String(decoding: b, as: UTF8.self)
            }
        }
        while let token = t.next() {
            count += 1
            Harness.require(count <= 2 * n + 2, "more tokens than the input allows")
            Harness.require(t.position >= last && t.position <= n, "position went from \(last) to \(t.position)")
            if case .text = token {} else {
                Harness.require(t.position > last || prevWasText, "a token consumed nothing")
            }
            var line: String
            switch token {
            case .text(let s):
                let text = check(s, t)
                Harness.require(!text.isEmpty, "an empty text token")
                Harness.require(t.position > last, "a text token consumed nothing")
                // Not `hasPrefix("T:")`: a text starting with a combining mark joins the `:`.
                if prevWasText, let prev = out.last {
                    out[out.count - 1] = prev + text
                    last = t.position
                    prevWasText = true
                    if after(&t, token) { out.append("\u{1}cut") }
                    continue
                }
                line = "T:" + text
            case .comment(let s): line = "C:" + check(s, t)
            case .endTag(let name): line = "E:" + check(name, t, name: true)
            case .startTag(let name, let selfClosing):
                line = "S:" + check(name, t, name: true) + (selfClosing ? "/" : "")
                var names = Set<[UInt8]>()     // bytes: invalid UTF-8 would make distinct names equal strings
                for attr in t.attributes {
                    let key = check(attr.name, t)
                    let raw = t.withBytes(attr.name) { Array($0) }
                    Harness.require(!raw.isEmpty && names.insert(raw).inserted, "an empty or repeated attribute name")
                    line += " " + key + "=" + check(attr.value, t)
                }
            case .doctype(let d):
                line = "D:" + (d.name.map { check($0, t) } ?? "-") + "|" + (d.publicID.map { check($0, t) } ?? "-")
                    + "|" + (d.systemID.map { check($0, t) } ?? "-") + (d.forceQuirks ? "|q" : "")
            }
            out.append(line)
            if case .text = token { prevWasText = true } else { prevWasText = false }
            last = t.position
            if after(&t, token) { out.append("\u{1}cut") }
        }
        Harness.require(t.position == n, "stopped at \(t.position) of \(n)")
        return out
    }
}
