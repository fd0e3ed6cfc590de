import SluiceText
import Yams

/// Turns a composed YAML tree into a ``Pipeline``, collecting problems instead of stopping
/// at the first, so `sluice validate` can list them all.
struct PipelineReader {
    var problems: [PipelineFile.Problem] = []
    /// The directory of the pipeline file: relative data-file paths start there.
    var baseDirectory: String?

    mutating func read(_ root: Node?) -> Pipeline {
        var pipeline = Pipeline(name: "custom", stages: [])
        guard let root else {
            problem(nil, "empty pipeline file: expected a mapping with `stages:`")
            return pipeline
        }
        var opts = OptionMap(root, context: "pipeline", reader: &self)
        if let n = opts.string("name", &self) { pipeline.name = n }
        if let d = opts.node("decode") { pipeline.decode = readDecode(d) }
        if let s = opts.node("sink") { pipeline.sink = readSink(s) }
        if let stages = opts.node("stages") {
            if case .sequence(let seq) = stages {
                for item in seq {
                    guard let s = readStage(item) else { continue }
                    if s is ExtractStage, let before = pipeline.stages.first(where: { !($0 is ExtractStage || $0 is DedupStage || $0 is NearDedupStage) }) {
                        // Other stages change the text (clean removes the markup) or annotate
                        // the HTML rather than the article.
                        problem(item, "`extract` must come before `\(before.name)` (only `dedup` may precede it)")
                    }
                    if let filter = s as? FilterStage, filter.minLangScore != nil, !pipeline.stages.contains(where: { $0 is LanguageStage }) {
                        // Without it every score is 0, and every record would be dropped.
                        problem(item, "`filter.min_lang_score` needs a `language` stage before the filter (without one every record's lang_score is 0 and would be dropped)")
                    }
                    if let filter = s as? FilterStage, let wanted = filter.languages, pipeline.stages.contains(where: { $0 is LanguageStage }),
                       case .success(let model) = LanguageModelLoader.bundled {
                        // After the language stage a record's `lang` is one of its codes: any other never matches.
                        let known = Set(model.languages + [LanguageIdentifier.undetermined])
                        for code in wanted where !known.contains(code) {
                            problem(item, "`filter.languages`: the language stage never gives '\(code)' (it gives ISO 639-1 codes "
                                + "where they exist, else 639-3: \(model.languages.sorted().joined(separator: " ")), und)")
                        }
                    }
                    pipeline.stages.append(s)
                }
            } else {
                problem(stages, "`stages` must be a list")
            }
        } else {
            problem(root, "missing `stages:` list")
        }
        opts.finish(&self)
        return pipeline
    }

    /// Whether `code` has the shape of a language code: two or three lowercase letters (ISO 639),
    /// optionally with subtags (`pt-BR`, `zh-Hant`), as input `lang` fields may have.
    static func looksLikeLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// A path from the pipeline file, relative to the file's directory unless absolute.
    func resolve(_ path: String) -> String {
        path.hasPrefix("/") || baseDirectory == nil ? path : baseDirectory! + "/" + path
    }

    mutating func problem(_ node: Node?, _ message: String) {
        problems.append(.init(line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, message: message))
    }

    private mutating func readDecode(_ node: Node) -> DecodeOptions {
        var d = DecodeOptions()
        var o = OptionMap(node, context: "decode", reader: &self)
        if let v = o.string("text_field", &self) { d.textField = v }
        if let v = o.stringList("text_fallbacks", &self) { d.textFallbacks = v }
        if let v = o.string("html_field", &self) {
            if v.isEmpty { problem(o.valueNode("html_field"), "`decode.html_field` must not be empty") } else { d.htmlField = v }
        }
        if let v = o.string("id_field", &self) { d.idField = v }
        if let v = o.choice("text_layout", DecodeOptions.TextLayout.self, &self) { d.textLayout = v }
        if let v = o.string("encoding", &self) {
            if v.lowercased() != DecodeOptions.automatic && (try? TextConverter(from: v)) == nil {
                problem(o.valueNode("encoding"), "unknown encoding '\(v)' (use `auto`, or a name from `iconv -l`)")
            }
            d.encoding = v
        }
        if let v = o.choice("invalid_utf8", DecodeOptions.InvalidUTF8.self, &self) { d.invalidUTF8 = v }
        if let v = o.int("batch_records", 1...1_000_000, &self) { d.batchRecords = v }
        if let v = o.int("batch_bytes", 1024...(1 << 30), &self) { d.batchBytes = v }
        o.finish(&self)
        return d
    }

    private mutating func readSink(_ node: Node) -> SinkOptions {
        var s = SinkOptions()
        var o = OptionMap(node, context: "sink", reader: &self)
        if let v = o.choice("format", SinkOptions.Format.self, &self) { s.format = v }
        if let v = o.int("compression_level", 1...19, &self) { s.compressionLevel = v }
        if let v = o.bool("write_dropped", &self) { s.writeDropped = v }
        o.finish(&self)
        return s
    }

    /// A stage is `- name` or `- name: {options}`.
    private mutating func readStage(_ item: Node) -> (any Stage)? {
        let name: String
        var options: Node?
        switch item {
        case .scalar(let s):
            name = s.string
        case .mapping(let m) where m.count == 1:
            guard let k = m.first?.key.string else { problem(item, "stage name must be a string"); return nil }
            name = k
            options = m.first?.value
            // `- clean:`, `- clean: ~` and `- clean: null` all mean no options.
            if case .scalar(let s)? = options, s.string.isEmpty || s.tag == .init(.null) || (s.style == .plain && ["~", "null", "Null", "NULL"].contains(s.string)) {
                options = nil
            }
        default:
            problem(item, "a stage is `- name` or `- name: {options}`")
            return nil
        }
        let empty = Node.mapping(.init([]))
        switch name {
        case "extract": return readExtract(options ?? empty)
        case "clean": return readClean(options ?? empty)
        case "language": return readLanguage(options ?? empty)
        case "split": return readSplit(options ?? empty)
        case "tag": return readTag(options ?? empty)
        case "dedup":
            let o = OptionMap(options ?? empty, context: "dedup", reader: &self)
            o.finish(&self)
            return DedupStage()
        case "near_dedup": return readNearDedup(options ?? empty)
        case "quality": return readQuality(options ?? empty)
        case "pii": return readPII(options ?? empty)
        case "terms": return readTerms(options ?? empty, at: item)
        case "filter": return readFilter(options ?? empty)
        default:
            problem(item, "unknown stage '\(name)' (known: \(Self.stageNames.joined(separator: ", ")))")
            return nil
        }
    }

    static let stageNames = ["extract", "dedup", "near_dedup", "clean", "language", "split", "tag", "quality", "pii", "terms", "filter"]

    /// `near_dedup: {preset: sluice|datatrove, shingle_words: 5, bands: 20, rows: 6, threshold: 0.8, normalize: [digits, case, diacritics], check_bins: 1024}`
    private mutating func readNearDedup(_ node: Node) -> any Stage {
        var o = OptionMap(node, context: "near_dedup", reader: &self)
        var n = NearDedupOptions()
        if let p = o.choice("preset", NearDedupOptions.Preset.self, &self) { n = NearDedupOptions(preset: p) }
        if let v = o.int("shingle_words", 1...16, &self) { n.shingleWords = v }
        if let v = o.int("bands", 1...512, &self) { n.bands = v }
        if let v = o.int("rows", 1...64, &self) { n.rows = v }
        if let v = o.double("threshold", 0.0...1.0, &self) { n.threshold = v }
        if let rules = o.stringList("normalize", &self) {
            n.normalize = []
            for r in rules {
                if let rule = ShingleNormalization.named.first(where: { $0.name == r })?.rule {
                    n.normalize.insert(rule)
                } else {
                    let known = ShingleNormalization.named.map(\.name).joined(separator: ", ")
                    problem(o.valueNode("normalize"), "`near_dedup.normalize`: unknown rule '\(r)' (known: \(known))")
                }
            }
        }
        if let v = o.int("check_bins", 16...65536, &self) {
            if v & (v - 1) == 0 { n.checkBins = v } else { problem(o.valueNode("check_bins"), "`near_dedup.check_bins` must be a power of two") }
        }
        if let l = o.node("line_dedup") {
            var lo = OptionMap(l, context: "near_dedup.line_dedup", reader: &self)
            var line = RepeatedLines.Options()
            if let v = lo.int("min_chars", 1...100_000, &self) { line.minChars = v }
            if let v = lo.int("min_documents", 2...Int(Int32.max), &self) { line.minDocuments = v }
            lo.finish(&self)
            n.lineDedup = line
        }
        if n.bands * n.rows > 1024 {
            problem(o.valueNode("bands") ?? o.valueNode("rows") ?? node, "`near_dedup`: bands × rows must be at most 1024 (is \(n.bands * n.rows))")
        }
        o.finish(&self)
        return NearDedupStage(options: n)
    }

    /// `extract: {favor: precision|balanced|recall, comments: false, tables: true, links: false, min_chars: 100}`
    private mutating func readExtract(_ node: Node) -> any Stage {
        var e = ExtractOptions()
        var o = OptionMap(node, context: "extract", reader: &self)
        if let v = o.choice("favor", ExtractOptions.Favor.self, &self) { e.favor = v }
        if let v = o.bool("comments", &self) { e.comments = v }
        if let v = o.bool("tables", &self) { e.tables = v }
        if let v = o.bool("links", &self) { e.links = v }
        if let v = o.int("min_chars", 0...Int(Int32.max), &self) { e.minChars = v }
        o.finish(&self)
        return ExtractStage(options: e)
    }

    private mutating func readClean(_ node: Node) -> any Stage {
        var c = TextCleaner.Options()
        var o = OptionMap(node, context: "clean", reader: &self)
        if let v = o.choice("normalization", TextCleaner.Normalization.self, &self) { c.normalization = v }
        if let v = o.bool("remove_control", &self) { c.removeControl = v }
        if let v = o.bool("normalize_spaces", &self) { c.normalizeSpaces = v }
        if let v = o.bool("collapse_spaces", &self) { c.collapseSpaces = v }
        if let v = o.bool("trim_lines", &self) { c.trimLines = v }
        if let v = o.int("max_blank_lines", 0...100, &self) { c.maxBlankLines = v }
        if let v = o.bool("lift_hashtags", &self) { c.liftHashtags = v }
        if let v = o.bool("lift_timestamp", &self) { c.liftTimestamp = v }
        if let v = o.bool("mojibake", &self) { c.repairMojibake = v }
        if let v = o.bool("html_entities", &self) { c.htmlEntities = v }
        if let v = o.bool("html_tags", &self) { c.htmlTags = v }
        if let v = o.bool("boilerplate", &self) { c.removeBoilerplate = v }
        if let v = o.bool("boilerplate_defaults", &self) { c.replaceDefaultBoilerplate = !v }
        if let path = o.string("boilerplate_file", &self) {
            let resolved = resolve(path)
            do {
                let text = try PipelineFile.readFile(resolved)
                c.boilerplatePatterns = Self.patternLines(text)
            } catch {
                problem(o.valueNode("boilerplate_file"), "cannot read boilerplate_file '\(resolved)': \(error)")
            }
        }
        if let v = o.bool("punctuation", &self) { c.fixPunctuation = v }
        if let v = o.bool("french_spacing", &self) { c.frenchSpacing = v }
        let keepRaw = o.bool("keep_raw_text", &self) ?? false
        let dropEmpty = o.bool("drop_empty", &self) ?? true
        o.finish(&self)
        return CleanStage(options: c, keepRawText: keepRaw, dropEmpty: dropEmpty)
    }

    private mutating func readLanguage(_ node: Node) -> any Stage {
        var o = OptionMap(node, context: "language", reader: &self)
        let minChars = o.int("min_chars", 0...1_000_000, &self) ?? 1
        let spans = o.bool("spans", &self) ?? true
        let spanMin = o.int("span_min_chars", 1...1_000_000, &self) ?? 100
        // `alternatives: true` writes the top 3 languages with their scores as `lang_alternatives`.
        let alternatives = o.bool("alternatives", &self) == true ? 3 : 0
        // The language a page declares (`attributes.html.lang_hint`, from extract) as a prior.
        let hint = o.bool("html_lang_hint", &self) ?? true
        o.finish(&self)
        return LanguageStage(minChars: minChars, spans: spans, spanMinChars: spanMin, alternatives: alternatives,
                             htmlLangHint: hint)
    }

    /// The pattern lines of a boilerplate file: blank lines and `#` comments dropped.
    static func patternLines(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).compactMap { line in
            var t = Substring(line)
            while let f = t.first, f == " " || f == "\t" { t = t.dropFirst() }
            while let l = t.last, l == " " || l == "\t" { t = t.dropLast() }
            return t.isEmpty || t.hasPrefix("#") ? nil : String(t)
        }
    }

    private mutating func readSplit(_ node: Node) -> any Stage {
        var o = OptionMap(node, context: "split", reader: &self)
        let lang = o.string("language", &self) ?? "auto"
        if lang != "auto" && !Self.looksLikeLanguageCode(lang) {
            problem(o.valueNode("language"), "`split.language`: '\(lang)' is neither auto nor a language code (write ISO 639 codes such as en, de, zh)")
        }
        let fallback = o.string("default_language", &self) ?? "en"
        if !Self.looksLikeLanguageCode(fallback) {
            problem(o.valueNode("default_language"), "`split.default_language`: '\(fallback)' is not a language code (write ISO 639 codes such as en, de, zh)")
        }
        let output = o.choice("output", SplitStage.Output.self, &self) ?? .sentences
        o.finish(&self)
        return SplitStage(language: lang, defaultLanguage: fallback, output: output)
    }

    private mutating func readTag(_ node: Node) -> any Stage {
        var o = OptionMap(node, context: "tag", reader: &self)
        let hashtags = o.bool("hashtags", &self) ?? true
        let counts = o.bool("counts", &self) ?? true
        let patterns = o.bool("patterns", &self) ?? true
        let spans = o.bool("spans", &self) ?? false
        let pii = o.bool("pii", &self) ?? true
        o.finish(&self)
        return TagStage(hashtags: hashtags, counts: counts, patterns: patterns, spans: spans, pii: pii)
    }

    /// `pii: {mode: tag|mask, types: [email, phone, ip]}`
    private mutating func readPII(_ node: Node) -> any Stage {
        var o = OptionMap(node, context: "pii", reader: &self)
        let mode = o.choice("mode", PIIStage.Mode.self, &self) ?? .mask
        var kinds = PIIMasker.Kind.allCases
        if let names = o.stringList("types", &self) {
            kinds = []
            for n in names {
                if let k = PIIMasker.Kind(rawValue: n) { kinds.append(k) } else {
                    problem(o.valueNode("types"), "unknown PII type '\(n)' in `pii.types` (known: email, phone, ip)")
                }
            }
        }
        o.finish(&self)
        return PIIStage(mode: mode, kinds: kinds)
    }

    /// `terms: {file: topics.yaml, lists: {tag: [terms]}, case_insensitive: true, diacritic_insensitive: false}`
    private mutating func readTerms(_ node: Node, at item: Node) -> any Stage {
        var o = OptionMap(node, context: "terms", reader: &self)
        var options = TermMatcher.Options()
        if let v = o.bool("case_insensitive", &self) { options.caseInsensitive = v }
        if let v = o.bool("diacritic_insensitive", &self) { options.diacriticInsensitive = v }
        var lists: [(tag: String, terms: [String])] = []
        var source = "inline"
        if let path = o.string("file", &self) {
            let resolved = resolve(path)
            source = path
            do {
                let text = try PipelineFile.readFile(resolved)
                if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                    lists += readTermYAML(text, file: resolved, at: o.valueNode("file"))
                } else {
                    lists += Self.patternLines(text).map { (tag: $0, terms: [$0]) }
                }
            } catch {
                problem(o.valueNode("file"), "cannot read terms file '\(resolved)': \(error)")
            }
        }
        if let n = o.node("lists") { lists += readTermMapping(n, context: "terms.lists") }
        if lists.isEmpty && problems.isEmpty { problem(item, "`terms` needs `file:` or `lists:` with at least one term") }
        o.finish(&self)
        return TermsStage(lists: lists, options: options, source: source)
    }

    private mutating func readTermYAML(_ text: String, file: String, at node: Node?) -> [(tag: String, terms: [String])] {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            problem(node, "terms file '\(file)' is not valid YAML: \(error)")
            return []
        }
        guard let root else { return [] }
        if case .sequence = root {
            return termSequence(root, context: file).map { (tag: $0, terms: [$0]) }
        }
        guard case .mapping = root else {
            problem(node, "terms file '\(file)' must map tag names to lists of terms")
            return []
        }
        return readTermMapping(root, context: file)
    }

    /// A mapping of tag name → list of terms (a single string counts as a list of one).
    private mutating func readTermMapping(_ node: Node, context: String) -> [(tag: String, terms: [String])] {
        guard case .mapping(let m) = node else {
            problem(node, "`\(context)` must map tag names to lists of terms")
            return []
        }
        var out: [(tag: String, terms: [String])] = []
        for (k, v) in m {
            guard let tag = k.string, !tag.isEmpty else { problem(k, "tag names in `\(context)` must be strings"); continue }
            if case .scalar(let s) = v { out.append((tag, [s.string])); continue }
            out.append((tag, termSequence(v, context: "\(context).\(tag)")))
        }
        return out
    }

    private mutating func termSequence(_ node: Node, context: String) -> [String] {
        guard case .sequence(let seq) = node else { problem(node, "`\(context)` must be a list of terms"); return [] }
        var out: [String] = []
        for item in seq {
            guard case .scalar(let s) = item else { problem(item, "`\(context)` must be a list of strings"); continue }
            out.append(s.string)
        }
        return out
    }

    /// `filter: {languages: [en, de], min_lang_score: 0.5, min_words: 50, max_words: 100000, min_chars: …, max_chars: …}`
    private mutating func readFilter(_ node: Node) -> any Stage {
        var o = OptionMap(node, context: "filter", reader: &self)
        var f = FilterStage()
        f.languages = o.stringList("languages", &self)
        for code in f.languages ?? [] where !Self.looksLikeLanguageCode(code) {
            problem(o.valueNode("languages"), "`filter.languages`: '\(code)' is not a language code (write ISO 639 codes such as en, de, zh)")
        }
        if let n = o.node("min_lang_score") {
            if let v = n.float, v >= 0, v <= 1 { f.minLangScore = v } else {
                problem(n, "`filter.min_lang_score` must be a number in 0…1")
            }
        }
        f.minWords = o.int("min_words", 0...Int(Int32.max), &self)
        f.maxWords = o.int("max_words", 0...Int(Int32.max), &self)
        f.minChars = o.int("min_chars", 0...Int(Int32.max), &self)
        f.maxChars = o.int("max_chars", 0...Int(Int32.max), &self)
        if let a = f.minWords, let b = f.maxWords, a > b { problem(o.valueNode("max_words"), "`filter.max_words` is below `filter.min_words`") }
        if let a = f.minChars, let b = f.maxChars, a > b { problem(o.valueNode("max_chars"), "`filter.max_chars` is below `filter.min_chars`") }
        o.finish(&self)
        return f
    }

    /// `quality: {filters: [...], drop: [...], gopher_quality: {min_doc_words: 50, ...}, ...}`
    private mutating func readQuality(_ node: Node) -> any Stage {
        var o = OptionMap(node, context: "quality", reader: &self)
        let known = QualityFilterKind.allCases.map(\.rawValue).joined(separator: ", ")
        func kinds(_ key: String, _ r: inout PipelineReader, _ o: inout OptionMap) -> [QualityFilterKind]? {
            guard let names = o.stringList(key, &r) else { return nil }
            var out: [QualityFilterKind] = []
            for n in names {
                if let k = QualityFilterKind(rawValue: n) { out.append(k) } else {
                    r.problem(o.valueNode(key), "unknown quality filter '\(n)' in `quality.\(key)` (known: \(known))")
                }
            }
            return out
        }
        let filters = kinds("filters", &self, &o) ?? QualityFilterKind.allCases
        let drop = kinds("drop", &self, &o) ?? []
        var t = QualityThresholds()
        for kind in QualityFilterKind.allCases {
            guard let n = o.node(kind.rawValue) else { continue }
            guard case .mapping(let m) = n else { problem(n, "`quality.\(kind.rawValue)` must be a mapping of thresholds"); continue }
            for (k, v) in m {
                let key = k.string ?? ""
                guard let value = v.float else { problem(v, "`quality.\(kind.rawValue).\(key)` must be a number"); continue }
                let ok: Bool
                switch kind {
                case .gopherQuality: ok = t.gopherQuality.set(key, value)
                case .gopherRepetition: ok = t.gopherRepetition.set(key, value)
                case .c4: ok = t.c4.set(key, value)
                case .fineweb: ok = t.fineweb.set(key, value)
                }
                if !ok { problem(k, "unknown threshold '\(key)' in `quality.\(kind.rawValue)`") }
            }
        }
        o.finish(&self)
        return QualityStage(filters: filters, drop: drop, thresholds: t)
    }
}

/// The options of one YAML mapping: typed getters that record wrong types, and
/// ``finish(_:)`` that reports keys nobody asked for (unknown options).
struct OptionMap {
    private var pairs: [(key: String, keyNode: Node, value: Node)] = []
    private var used: Set<String> = []
    private let context: String

    init(_ node: Node, context: String, reader: inout PipelineReader) {
        self.context = context
        guard case .mapping(let m) = node else {
            reader.problem(node, "`\(context)` must be a mapping of options")
            return
        }
        for (k, v) in m {
            guard let key = k.string else { reader.problem(k, "option names must be strings"); continue }
            pairs.append((key, k, v))
        }
    }

    func valueNode(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }

    mutating func node(_ key: String) -> Node? {
        used.insert(key)
        return valueNode(key)
    }

    private mutating func scalar(_ key: String) -> (Node, Node.Scalar)?? {
        guard let n = node(key) else { return nil }
        if case .scalar(let s) = n { return .some((n, s)) }
        return .some(nil)
    }

    mutating func string(_ key: String, _ r: inout PipelineReader) -> String? {
        guard let found = scalar(key) else { return nil }
        guard let (_, s) = found else { r.problem(valueNode(key), "`\(context).\(key)` must be a string"); return nil }
        return s.string
    }

    mutating func bool(_ key: String, _ r: inout PipelineReader) -> Bool? {
        guard let found = scalar(key) else { return nil }
        guard let (n, _) = found, let b = n.bool else {
            r.problem(valueNode(key), "`\(context).\(key)` must be true or false")
            return nil
        }
        return b
    }

    mutating func int(_ key: String, _ range: ClosedRange<Int>, _ r: inout PipelineReader) -> Int? {
        guard let found = scalar(key) else { return nil }
        guard let (n, _) = found, let v = n.int, range.contains(v) else {
            r.problem(valueNode(key), "`\(context).\(key)` must be an integer in \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return v
    }

    mutating func double(_ key: String, _ range: ClosedRange<Double>, _ r: inout PipelineReader) -> Double? {
        guard let found = scalar(key) else { return nil }
        guard let (n, _) = found, let v = n.float, range.contains(v) else {
            r.problem(valueNode(key), "`\(context).\(key)` must be a number in \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return v
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ key: String, _: E.Type, _ r: inout PipelineReader) -> E? where E.RawValue == String {
        guard let found = scalar(key) else { return nil }
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        guard let (_, s) = found, let v = E(rawValue: s.string) else {
            r.problem(valueNode(key), "`\(context).\(key)` must be one of: \(allowed)")
            return nil
        }
        return v
    }

    mutating func stringList(_ key: String, _ r: inout PipelineReader) -> [String]? {
        guard let n = node(key) else { return nil }
        guard case .sequence(let seq) = n else { r.problem(n, "`\(context).\(key)` must be a list of strings"); return nil }
        var out: [String] = []
        for item in seq {
            guard case .scalar(let s) = item else { r.problem(item, "`\(context).\(key)` must be a list of strings"); continue }
            out.append(s.string)
        }
        return out
    }

    func finish(_ r: inout PipelineReader) {
        for p in pairs where !used.contains(p.key) {
            let known = knownKeys
            r.problem(p.keyNode, "unknown option '\(p.key)' in `\(context)`" + (known.isEmpty ? "" : " (known: \(known))"))
        }
    }

    private var knownKeys: String { used.sorted().joined(separator: ", ") }
}
