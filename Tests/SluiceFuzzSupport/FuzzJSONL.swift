/// Random JSONL input lines for the pipeline properties: records with random ids, texts
/// (``FuzzText``) under random escaping, extra fields of every JSON type, fields Sluice owns
/// (`lang`, `tags`, `date`, `sentences`, `attributes`, …) with odd values, and broken lines:
/// cut or damaged JSON, bytes that are not UTF-8, lone surrogate escapes, non-objects, missing
/// or non-string text, blank lines, fixture lines.
public enum FuzzJSONL {
    /// One line, without its newline; `huge` allows a text of several hundred kilobytes.
    public static func line(_ g: inout FuzzRandom, huge: Bool = false) -> [UInt8] {
        switch g.below(24) {
        case 0, 1:
            // A valid line, damaged: cut anywhere, or one byte replaced.
            var b = Array(object(&g).utf8)
            if g.chance(50) { b.removeSubrange(g.below(b.count)...) } else { b[g.below(b.count)] = g.pick(Array("\"{}[]:,\\x\u{0} ".utf8)) }
            return b
        case 2, 3:
            // A text that is not UTF-8.
            return Array(#"{"id":"u\#(g.below(1000))","text":""#.utf8) + FuzzText.brokenUTF8(FuzzText.text(&g, maxPieces: 8), &g)
                .map { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 ? 0x20 : $0 } + Array(#""}"#.utf8)
        case 4:
            return Array(g.pick([#"{"text":12}"#, #"{"text":null}"#, #"{"text":["a"]}"#, "{}", #"{"id":"n"}"#, #"{"text":{"a":1}}"#,
                                 #"{"content":"fallback text."}"#, #"{"body":"body text.","content":7}"#, #"{"text":"","id":1}"#,
                                 #"{"text":" \n\t "}"#, #"{"text":"\u0000"}"#, #"{"text":"a","text":"b"}"#]).utf8)
        case 5:
            return Array(g.pick(["", " ", "\t", "\r", "  \r", "[1,2]", #""str""#, "42", "null", #"{"a":1}{"b":2}"#, #"{"text":"x"} trailing"#,
                                 #"{"text":"\ud800"}"#, #"{"text":"a\udc00b","id":"\ud83d"}"#, #"{"text":"\u12"}"#, #"{"text":"\x"}"#,
                                 "{\"text\":\"tab\there\"}", #"{"text":"ok","n":1e308}"#, #"{"text":"ok","n":-0.0e-0}"#,
                                 "\u{FEFF}{\"text\":\"bom\"}", #"{"text":"deep","a":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"#]).utf8)
        case 6:
            return Array(g.pick(FuzzSeeds.jsonLines).utf8)
        case 7 where huge:
            let unit = FuzzText.text(&g, maxPieces: 30) + "\n"
            return Array("{\"id\":\"huge\",\"text\":\(string(String(repeating: unit, count: 200_000 / max(1, unit.utf8.count) + 1), &g))}".utf8)
        default:
            return Array(object(&g).utf8)
        }
    }

    /// A valid JSON object: a record with a random text and random other fields, in random order.
    public static func object(_ g: inout FuzzRandom) -> String {
        var fields: [String] = []
        if g.chance(80) { fields.append("\"id\":" + g.pick([string("id-\(g.below(100_000))", &g), "\(g.below(1000))", "-1.5e3", "null", #"{"k":1}"#, "true"])) }
        let text = g.chance(30) ? FuzzText.mutate(g.pick(FuzzSeeds.texts), &g) : FuzzText.text(&g)
        fields.append((g.chance(90) ? "\"text\":" : g.pick(["\"content\":", "\"body\":"])) + string(text, &g))
        let extra = ["lang", "lang_score", "tags", "date", "sentences", "attributes", "origin", "input", "raw_text", "title", "url",
                     "meta", "n", "content", "body", "sentence_spans", "id", "text", "\u{e9}t\u{e9}", ""]
        for _ in 0..<g.below(5) {
            let key = g.pick(extra)
            let v: String
            switch key {
            case "lang": v = g.pick([string(g.pick(["en", "fr", "de", "fr-CA", "zz", "", "ja", "ru", "und", "xx-Latn"]), &g), "5", "null"])
            case "tags": v = g.pick(["[" + (0..<g.below(4)).map { _ in string(FuzzText.piece(&g), &g) }.joined(separator: ",") + "]", "\"t\"", "[1,null]"])
            case "date": v = g.pick(["\"2024-07-08T04:55:57\"", "1720414557", "null", string(FuzzText.piece(&g), &g)])
            default: v = value(&g, depth: 0)
            }
            fields.append(string(key, &g) + ":" + v)
        }
        for i in fields.indices.reversed() where i > 0 { fields.swapAt(i, g.below(i + 1)) }
        let ws = g.chance(20) ? " " : ""
        return "{" + ws + fields.joined(separator: "," + ws) + ws + "}"
    }

    /// A random JSON value, at most a few levels deep.
    static func value(_ g: inout FuzzRandom, depth: Int) -> String {
        switch depth > 2 ? g.below(5) : g.below(7) {
        case 0: return string(FuzzText.text(&g, maxPieces: 3), &g)
        case 1: return g.pick(["0", "-0", "1.50", "1e10", "-2.5E-3", "12345678901234567890123", "3.141592653589793238"])
        case 2: return g.pick(["true", "false", "null"])
        case 3: return "\"\""
        case 4: return string(FuzzText.piece(&g), &g)
        case 5: return "[" + (0..<g.below(4)).map { _ in value(&g, depth: depth + 1) }.joined(separator: ",") + "]"
        default:
            return "{" + (0..<g.below(4)).map { _ in string(FuzzText.piece(&g), &g) + ":" + value(&g, depth: depth + 1) }.joined(separator: ",") + "}"
        }
    }

    /// `s` as a JSON string, escaped in a random but valid way (`\u` escapes, surrogate pairs, `\/`).
    public static func string(_ s: String, _ g: inout FuzzRandom) -> String {
        var out = "\""
        let escapeOften = g.chance(20)
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "/" where g.chance(30): out += "\\/"
            default:
                if u.value < 0x20 || (escapeOften && g.chance(30)) {
                    if u.value > 0xFFFF {
                        let v = u.value - 0x10000
                        out += hex4(0xD800 + (v >> 10)) + hex4(0xDC00 + (v & 0x3FF))
                    } else {
                        out += hex4(u.value)
                    }
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    static func hex4(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - h.count) + h
    }
}
