/// One document flowing through the pipeline.
///
/// Text is a native (UTF-8) `String`; input fields Sluice does not own are kept as raw JSON
/// bytes so numbers, key order and nesting reach the output exactly as they came in.
public struct Record: Sendable {
    /// The id as raw JSON (a string, or the input's own id value as written).
    public var idJSON: [UInt8]
    /// The document text; stages replace it as they clean.
    public var text: String
    /// Where the record came from.
    public var origin: Origin
    /// Top-level input members that pass through, as `"key":value` joined by commas.
    public var passthrough: [UInt8] = []
    /// Input members whose field Sluice writes anew, as `"key":value` joined by commas;
    /// written under `"input"` so nothing is lost.
    public var replaced: [UInt8] = []
    /// The input's own `date` as raw JSON, kept in preference to a lifted one.
    public var inputDateJSON: [UInt8]?
    /// The input's own tags (strings), placed before the tags Sluice finds.
    public var inputTags: [String] = []
    /// The input's own `lang`, a hint for language-dependent stages when no tagger ran.
    public var inputLang: String?

    /// The sentences of ``text``, once a split stage has run.
    public var sentences: [String] = []
    /// Sentence offsets in Unicode scalars into `text`, when the split stage is asked for them
    /// (`output: spans` or `both`); written as `"sentence_spans": [[start, end], …]`.
    public var sentenceSpans: [Range<Int>]?
    /// False when the split stage writes spans instead of sentences (`output: spans`).
    public var writesSentences = true
    /// ISO 639 code, or nil before language tagging.
    public var lang: String?
    /// Confidence of ``lang``, from 0 to 1.
    public var langScore: Double = 0
    /// The most likely languages with their scores (`lang_alternatives`), when the language
    /// stage is asked for them.
    public var langAlternatives: [LanguageScore]?
    /// Date lifted from the text, ISO 8601.
    public var date: String?
    /// Tags found by stages (hashtags, term lists), in order of discovery.
    public var tags: [String] = []
    /// Tagger outputs grouped by tagger name, in the order the taggers ran.
    public var attributes: [JSONValue.Member] = []
    /// The text before cleaning, when the pipeline asks to keep it for audit.
    public var rawText: String?
    /// Whether ``text`` is known to be a whole web page's HTML: an `.html` file or archive
    /// member, a WARC response of an HTML type, or the JSON field `decode.html_field`. The
    /// extract stage extracts such records without looking at their text first.
    public var isHTML = false

    /// A record with id `idJSON` (raw JSON, such as `"\"doc-1\""`), `text` and `origin`.
    public init(idJSON: [UInt8], text: String, origin: Origin) {
        self.idJSON = idJSON
        self.text = text
        self.origin = origin
    }

    /// Sets (or replaces) the attributes of one tagger.
    public mutating func setAttributes(_ tagger: String, _ value: JSONValue) {
        if let i = attributes.firstIndex(where: { $0.key == tagger }) {
            attributes[i].value = value
        } else {
            attributes.append((key: tagger, value: value))
        }
    }

    /// Adds tags not already present, keeping their order.
    public mutating func addTags(_ new: [String]) {
        guard !new.isEmpty else { return }
        var present = UniqueStrings(inputTags)
        for t in tags { present.insert(t) }
        for t in new where present.insert(t) { tags.append(t) }
    }
}

/// The input position of a record: file relative to its input root, and 1-based line.
public struct Origin: Sendable, Equatable {
    /// The input file's path relative to its input root (the stream's `name` for the streaming API).
    public var file: String
    /// 1-based line within the file, or within the archive member when there is one (for a
    /// WARC file, the record's 1-based number).
    public var line: Int
    /// The archive member the record came from (its path inside the archive).
    public var member: String?
    /// The text encoding the record was read in, when Sluice decoded it (`utf-8`,
    /// `windows-1251`, `shift_jis`, …); nil for JSONL, which is UTF-8 by definition.
    public var encoding: String?
    /// Position of the record in its input file across all members: orders records within a
    /// file the way lines do in a plain file (exact dedup keeps the first in this order).
    public var order: Int
    /// For a WARC record, the byte offset of its version line in the decompressed stream
    /// (written as `"offset"`, next to `line`, its number).
    public var offset: Int?

    /// A position; `order` defaults to `line`.
    public init(file: String, line: Int, member: String? = nil, encoding: String? = nil, order: Int? = nil) {
        self.file = file
        self.line = line
        self.member = member
        self.encoding = encoding
        self.order = order ?? line
    }
}
