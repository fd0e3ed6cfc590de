/// Serializes records to output bytes: JSONL per DESIGN.md, or sentence-per-line text.
public enum RecordEncoder {
    /// Appends `record` in `format`.
    public static func append(_ r: Record, as format: RecordFormat, to w: inout JSONWriter) {
        switch format {
        case .record: appendJSONL(r, to: &w)
        case .sentences: appendText(r, to: &w.bytes)
        case .sentenceLines:
            for s in r.sentences {
                w.bytes.append(contentsOf: s.utf8)
                w.bytes.append(0x0A)
            }
        case .clean:
            w.appendRawASCII("{\"id\":")
            w.appendRaw(r.idJSON)
            w.appendRawASCII(",\"text\":")
            w.appendString(r.text)
            w.appendRawASCII(",")
            appendTagsAndDate(r, to: &w)
            w.appendRawASCII("}\n")
        case .cleanDiff:
            CleanDiff.append(r, to: &w.bytes)
        case .extract:
            w.appendRawASCII("{\"id\":")
            w.appendRaw(r.idJSON)
            w.appendRawASCII(",\"text\":")
            w.appendString(r.text)
            w.appendRawASCII(",")
            appendDate(r, to: &w)
            w.appendRawASCII(",\"attributes\":")
            appendAttributes(r, to: &w)
            w.appendRawASCII("}\n")
        case .split:
            w.appendRawASCII("{\"id\":")
            w.appendRaw(r.idJSON)
            appendSentences(r, to: &w)
            w.appendRawASCII("}\n")
        case .tag:
            w.appendRawASCII("{\"id\":")
            w.appendRaw(r.idJSON)
            w.appendRawASCII(",\"lang\":")
            w.appendString(r.lang ?? "und")
            w.appendRawASCII(",\"lang_score\":")
            w.appendDouble(r.langScore, fractionDigits: 4)
            appendAlternatives(r, to: &w)
            w.appendRawASCII(",\"tags\":")
            appendStrings(r.inputTags + r.tags, to: &w)
            w.appendRawASCII(",\"attributes\":")
            appendAttributes(r, to: &w)
            w.appendRawASCII("}\n")
        }
    }

    /// `,"lang_alternatives":[{"lang":…,"score":…},…]` when the language stage set them.
    private static func appendAlternatives(_ r: Record, to w: inout JSONWriter) {
        guard let alternatives = r.langAlternatives else { return }
        w.appendRawASCII(",\"lang_alternatives\":[")
        for (i, a) in alternatives.enumerated() {
            w.appendRawASCII(i > 0 ? ",{\"lang\":" : "{\"lang\":")
            w.appendString(a.language)
            w.appendRawASCII(",\"score\":")
            w.appendDouble(a.score, fractionDigits: 4)
            w.appendRawASCII("}")
        }
        w.appendRawASCII("]")
    }

    private static func appendStrings(_ items: [String], to w: inout JSONWriter) {
        w.appendRawASCII("[")
        for (i, s) in items.enumerated() {
            if i > 0 { w.appendRawASCII(",") }
            w.appendString(s)
        }
        w.appendRawASCII("]")
    }

    /// `,"sentences":[…]` and/or `,"sentence_spans":[[a,b],…]`, as the split stage chose.
    private static func appendSentences(_ r: Record, to w: inout JSONWriter) {
        if r.writesSentences {
            w.appendRawASCII(",\"sentences\":")
            appendStrings(r.sentences, to: &w)
        }
        if let spans = r.sentenceSpans {
            w.appendRawASCII(",\"sentence_spans\":[")
            for (i, s) in spans.enumerated() {
                w.appendRawASCII(i == 0 ? "[" : ",[")
                w.appendInt(s.lowerBound)
                w.appendRawASCII(",")
                w.appendInt(s.upperBound)
                w.appendRawASCII("]")
            }
            w.appendRawASCII("]")
        }
    }

    private static func appendAttributes(_ r: Record, to w: inout JSONWriter) {
        w.appendRawASCII("{")
        for (i, m) in r.attributes.enumerated() {
            if i > 0 { w.appendRawASCII(",") }
            w.appendKey(m.key)
            w.appendValue(m.value)
        }
        w.appendRawASCII("}")
    }

    /// `"tags":[…],"date":…` (the order of `sluice clean`).
    private static func appendTagsAndDate(_ r: Record, to w: inout JSONWriter) {
        appendTags(r, to: &w)
        w.appendRawASCII(",")
        appendDate(r, to: &w)
    }

    /// `"tags":[…]`: the input's tags first, then those Sluice found.
    private static func appendTags(_ r: Record, to w: inout JSONWriter) {
        w.appendRawASCII("\"tags\":")
        appendStrings(r.inputTags + r.tags, to: &w)
    }

    /// `"date":…`: the input's own date (raw), else the lifted one, else null.
    private static func appendDate(_ r: Record, to w: inout JSONWriter) {
        w.appendRawASCII("\"date\":")
        if let d = r.inputDateJSON {
            w.appendRaw(d)
        } else if let d = r.date {
            w.appendString(d)
        } else {
            w.appendNull()
        }
    }

    /// Appends `record` as one JSON line.
    public static func appendJSONL(_ r: Record, to w: inout JSONWriter) {
        w.appendRawASCII("{\"id\":")
        w.appendRaw(r.idJSON)
        w.appendRawASCII(",\"text\":")
        w.appendString(r.text)
        appendSentences(r, to: &w)
        w.appendRawASCII(",\"lang\":")
        w.appendString(r.lang ?? "und")
        w.appendRawASCII(",\"lang_score\":")
        w.appendDouble(r.langScore, fractionDigits: 4)
        appendAlternatives(r, to: &w)
        w.appendRawASCII(",")
        appendDate(r, to: &w)
        w.appendRawASCII(",")
        appendTags(r, to: &w)
        w.appendRawASCII(",\"attributes\":")
        appendAttributes(r, to: &w)
        if let raw = r.rawText {
            w.appendRawASCII(",\"raw_text\":")
            w.appendString(raw)
        }
        if !r.passthrough.isEmpty {
            w.appendRawASCII(",")
            w.appendRaw(r.passthrough)
        }
        if !r.replaced.isEmpty {
            w.appendRawASCII(",\"input\":{")
            w.appendRaw(r.replaced)
            w.appendRawASCII("}")
        }
        appendOrigin(r.origin, to: &w)
        w.appendRawASCII("}\n")
    }

    /// Appends the sentences of `record`, one per line, then a blank line.
    public static func appendText(_ r: Record, to bytes: inout [UInt8]) {
        for s in r.sentences {
            // A sentence never holds a newline (every line break ends one), so lines stay lines.
            bytes.append(contentsOf: s.utf8)
            bytes.append(0x0A)
        }
        bytes.append(0x0A)
    }

    /// Appends a rejected record as one JSON line.
    public static func appendRejected(_ r: RejectedRecord, to w: inout JSONWriter) {
        w.appendRawASCII("{\"reason\":")
        w.appendString(r.reason)
        if let d = r.detail {
            w.appendRawASCII(",\"detail\":")
            w.appendString(d)
        }
        if let id = r.duplicateOf {
            w.appendRawASCII(",\"duplicate_of\":")
            w.appendRaw(id)
        }
        if let record = r.record {
            w.appendRawASCII(",\"record\":")
            appendJSONL(record, to: &w)
            // appendJSONL ends the line; the record is nested here.
            w.bytes.removeLast()
        } else if let s = String(validating: r.raw, as: UTF8.self) {
            w.appendRawASCII(",\"raw\":")
            w.appendString(s)
        } else {
            w.appendRawASCII(",\"raw_base64\":")
            w.appendString(Base64.encode(r.raw))
        }
        appendOrigin(r.origin, to: &w)
        w.appendRawASCII("}\n")
    }

    private static func appendOrigin(_ o: Origin, to w: inout JSONWriter) {
        w.appendRawASCII(",\"origin\":{\"file\":")
        w.appendString(o.file)
        if let m = o.member {
            w.appendRawASCII(",\"member\":")
            w.appendString(m)
        }
        w.appendRawASCII(",\"line\":")
        w.appendInt(o.line)
        if let offset = o.offset {
            w.appendRawASCII(",\"offset\":")
            w.appendInt(offset)
        }
        if let e = o.encoding {
            w.appendRawASCII(",\"encoding\":")
            w.appendString(e)
        }
        w.appendRawASCII("}")
    }
}
