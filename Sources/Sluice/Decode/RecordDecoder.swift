/// Turns raw lines or articles of one input file into records, or rejects them with a reason.
///
/// Not Sendable when it owns an iconv converter: one decoder per input file.
public final class RecordDecoder {
    /// What one raw input became.
    public enum Outcome {
        /// A record.
        case record(Record)
        /// An input that could not be read, with its reason.
        case rejected(RejectedRecord)
        /// A blank line between JSONL records: skipped, not counted.
        case blank
    }

    /// How lines and texts are read.
    public let options: DecodeOptions
    /// The input's path relative to its root, used in ids and origins.
    public let file: String
    let converter: TextConverter?
    /// Records whose invalid UTF-8 was replaced by U+FFFD.
    public private(set) var repairedUTF8 = 0

    /// Fields Sluice writes itself; an input value for one of them moves under `"input"`.
    static let ownedFields: Set<String> = [
        "text", "sentences", "sentence_spans", "lang", "lang_score", "attributes", "origin", "input", "raw_text",
    ]

    /// A decoder for `file`; throws when `options.encoding` names no known encoding.
    public init(options: DecodeOptions, file: String) throws(ReadError) {
        self.options = options
        self.file = file
        converter = options.isUTF8 ? nil : try TextConverter(from: options.encoding)
    }

    /// Decodes one JSONL line (without its newline).
    public func decodeJSONLine(_ whole: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> Outcome {
        decodeJSONLine(whole, origin: Origin(file: file, line: lineNumber))
    }

    /// Decodes one JSONL line from `origin` (an archive member's line).
    public func decodeJSONLine(_ whole: UnsafeBufferPointer<UInt8>, origin: Origin) -> Outcome {
        // A UTF-8 byte order mark before a line (a file saved by an editor that writes one,
        // or files with one concatenated) is no part of the JSON.
        let line = Self.droppingBOM(whole)
        if isBlank(line) { return .blank }
        // Fast path: the JSON scanner validates the UTF-8 of every string in full, and any
        // byte ≥ 0x80 outside a string is a JSON error, so a UTF-8 line that scans is valid
        // UTF-8: no separate validation pass. Lines that fail take the path below (validate,
        // repair or reject, scan again), so outcomes are the same as validating first.
        if converter == nil, let members = try? JSONScanner.scanObject(line) {
            return parseJSONRecord(line, origin: origin, raw: line, members: members)
        }
        return withUTF8(line, origin: origin) { utf8 in
            parseJSONRecord(utf8, origin: origin, raw: line)
        }
    }

    /// Decodes one plain-text article starting at `lineNumber`.
    public func decodeText(_ bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> Outcome {
        decodeText(bytes, origin: Origin(file: file, line: lineNumber))
    }

    /// Decodes one plain-text article from `origin` (an archive member, a detected encoding).
    public func decodeText(_ bytes: UnsafeBufferPointer<UInt8>, origin: Origin) -> Outcome {
        withUTF8(bytes, origin: origin) { utf8 in
            let text = String(decoding: utf8, as: UTF8.self)
            return .record(Record(idJSON: Self.generatedID(origin), text: text, origin: origin))
        }
    }

    static func droppingBOM(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF else { return line }
        return UnsafeBufferPointer(rebasing: line[3...])
    }

    private func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in line where b != 0x20 && b != 0x09 && b != 0x0D { return false }
        return true
    }

    /// Converts to UTF-8 when needed, then validates; repairs or rejects invalid sequences.
    private func withUTF8(_ input: UnsafeBufferPointer<UInt8>, origin: Origin,
                          _ body: (UnsafeBufferPointer<UInt8>) -> Outcome) -> Outcome {
        var converted: [UInt8]?
        var invalid = false
        if let converter {
            let (bytes, bad) = converter.convert(input)
            converted = bytes
            invalid = bad > 0
        } else if !UTF8Validator.isValid(input) {
            invalid = true
            converted = options.invalidUTF8 == .windows1252
                ? Windows1252Fallback.decode(input)
                : Array(String(decoding: input, as: UTF8.self).utf8)
        }
        if invalid {
            if options.invalidUTF8 == .reject {
                return .rejected(RejectedRecord(origin: origin, reason: "invalid_utf8",
                                                detail: "bytes are not valid \(options.detectsEncoding ? "UTF-8" : options.encoding)", raw: Array(input)))
            }
            repairedUTF8 += 1
        }
        guard let converted else { return body(input) }
        return converted.withUnsafeBufferPointer { body($0) }
    }

    private func parseJSONRecord(_ line: UnsafeBufferPointer<UInt8>, origin: Origin,
                                 raw: UnsafeBufferPointer<UInt8>, members scanned: [JSONMember]? = nil) -> Outcome {
        let members: [JSONMember]
        if let scanned {
            members = scanned
        } else {
            do {
                members = try JSONScanner.scanObject(line)
            } catch {
                return .rejected(RejectedRecord(origin: origin, reason: "invalid_json",
                                                detail: error.description, raw: Array(raw)))
            }
        }
        guard let textMember = textMember(of: members) else {
            // Each name once (`--text-field body` is also a fallback).
            var names: [String] = []
            for n in (options.htmlField.map { [$0] } ?? []) + [options.textField] + options.textFallbacks where !names.contains(n) {
                names.append(n)
            }
            return .rejected(RejectedRecord(origin: origin, reason: "no_text",
                                            detail: "no \(names.map { "\"\($0)\"" }.joined(separator: ", ")) field",
                                            raw: Array(raw)))
        }
        guard textMember.kind == .string else {
            let kind = "\(textMember.kind)"
            let what = kind == "null" ? "null" : (kind.first.map { "aeiou".contains($0) } == true ? "an " : "a ") + kind
            return .rejected(RejectedRecord(origin: origin, reason: "no_text",
                                            detail: "field \"\(textMember.key)\" is \(what), not a string",
                                            raw: Array(raw)))
        }
        var record = Record(idJSON: [], text: JSONScanner.decodeString(line, textMember.value), origin: origin)
        record.isHTML = options.htmlField != nil && textMember.key == options.htmlField
        var passthrough = JSONWriter()
        var replaced = JSONWriter()
        for m in members {
            if m.key == textMember.key && m.value == textMember.value { continue }
            let value = UnsafeBufferPointer(rebasing: line[m.value])
            if m.key == options.idField && (m.kind == .string || m.kind == .number) && record.idJSON.isEmpty {
                record.idJSON = Array(value)
            } else if m.key == "date" && record.inputDateJSON == nil {
                record.inputDateJSON = Array(value)
            } else if m.key == "tags", let tags = Self.stringArray(value) {
                record.inputTags.append(contentsOf: tags)
            } else if m.key == "lang" && m.kind == .string {
                record.inputLang = JSONScanner.decodeString(line, m.value)
                Self.appendMember(&replaced, m.key, value)
            } else if Self.ownedFields.contains(m.key) || m.key == "tags" || m.key == options.idField || m.key == "date" {
                Self.appendMember(&replaced, m.key, value)
            } else {
                Self.appendMember(&passthrough, m.key, value)
            }
        }
        if record.idJSON.isEmpty { record.idJSON = Self.generatedID(origin) }
        record.passthrough = passthrough.bytes
        record.replaced = replaced.bytes
        if LoneSurrogates.occur(in: line) {
            // Raw values pass through as written, except for what is no character at all.
            record.idJSON = LoneSurrogates.replaced(record.idJSON)
            record.inputDateJSON = record.inputDateJSON.map(LoneSurrogates.replaced)
            record.passthrough = LoneSurrogates.replaced(record.passthrough)
            record.replaced = LoneSurrogates.replaced(record.replaced)
        }
        return .record(record)
    }

    /// The member holding the text: the HTML field (when set and a string), else the text
    /// field, else the first fallback present.
    func textMember(of members: [JSONMember]) -> JSONMember? {
        var textMember: JSONMember?
        var textRank = Int.max
        for m in members {
            if let html = options.htmlField, m.key == html {
                // A null or missing page (a failed fetch) leaves the record to its text field.
                if m.kind == .string { return m }
            } else if m.key == options.textField {
                textMember = m; textRank = -1
            } else if let r = options.textFallbacks.firstIndex(of: m.key), r < textRank {
                textMember = m; textRank = r
            }
        }
        return textMember
    }

    private static func appendMember(_ w: inout JSONWriter, _ key: String, _ value: UnsafeBufferPointer<UInt8>) {
        if !w.bytes.isEmpty { w.appendRawASCII(",") }
        w.appendKey(key)
        w.appendRaw(value)
    }

    private static func stringArray(_ raw: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard case .array(let items)? = try? JSONValue.parse(raw) else { return nil }
        var out = UniqueStrings()
        for item in items {
            guard let s = item.stringValue else { return nil }
            out.insert(s)
        }
        return out.items
    }

    /// `"<relative path>:<line>"` as a JSON string; `"<archive>/<member>:<line>"` for a member.
    static func generatedID(_ origin: Origin) -> [UInt8] {
        var w = JSONWriter()
        if let member = origin.member {
            w.appendString("\(origin.file)/\(member):\(origin.line)")
        } else {
            w.appendString("\(origin.file):\(origin.line)")
        }
        return w.bytes
    }
}
