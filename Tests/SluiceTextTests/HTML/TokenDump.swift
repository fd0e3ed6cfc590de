import SluiceText

/// A token as plain values, in the shape of the html5lib tests' expected output.
enum TokenDump: Equatable, CustomStringConvertible {
    case doctype(name: String?, publicID: String?, systemID: String?, correct: Bool)
    case start(String, [String: String], selfClosing: Bool)
    case end(String)
    case comment(String)
    case characters(String)

    var description: String {
        switch self {
        case .doctype(let n, let p, let s, let c): return "DOCTYPE(\(n ?? "nil"), \(p ?? "nil"), \(s ?? "nil"), \(c))"
        case .start(let n, let a, let sc): return "StartTag(\(n), \(a.sorted { $0.key < $1.key })\(sc ? ", selfClosing" : ""))"
        case .end(let n): return "EndTag(\(n))"
        case .comment(let d): return "Comment(\(String(reflecting: d)))"
        case .characters(let d): return "Character(\(String(reflecting: d)))"
        }
    }

    /// Every token of `bytes`, adjacent characters joined, starting in `state`.
    static func tokens(_ bytes: [UInt8], state: HTMLTokenizer.State = .data, lastStartTag: String? = nil) -> [TokenDump] {
        var tokenizer = HTMLTokenizer(bytes)
        tokenizer.switchTo(state)
        if let last = lastStartTag { tokenizer.setLastStartTag(last) }
        var out: [TokenDump] = []
        while let token = tokenizer.next() {
            out.append(dump(token, tokenizer))
        }
        return coalesced(out)
    }

    static func tokens(_ html: String, state: HTMLTokenizer.State = .data, lastStartTag: String? = nil) -> [TokenDump] {
        tokens(Array(html.utf8), state: state, lastStartTag: lastStartTag)
    }

    static func dump(_ token: HTMLToken, _ t: HTMLTokenizer) -> TokenDump {
        switch token {
        case .text(let s): return .characters(t.string(s))
        case .comment(let s): return .comment(t.string(s))
        case .endTag(let name): return .end(t.string(name))
        case .startTag(let name, let selfClosing):
            var attrs: [String: String] = [:]
            for a in t.attributes { attrs[t.string(a.name)] = t.string(a.value) }
            return .start(t.string(name), attrs, selfClosing: selfClosing)
        case .doctype(let d):
            return .doctype(name: d.name.map(t.string), publicID: d.publicID.map(t.string),
                            systemID: d.systemID.map(t.string), correct: !d.forceQuirks)
        }
    }

    static func coalesced(_ tokens: [TokenDump]) -> [TokenDump] {
        var out: [TokenDump] = []
        for token in tokens {
            if case .characters(let b) = token, case .characters(let a)? = out.last {
                out[out.count - 1] = .characters(a + b)
            } else {
                out.append(token)
            }
        }
        return out
    }
}
