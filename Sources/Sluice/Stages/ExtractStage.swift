import SluiceText

/// The extract stage: replaces a web page's HTML with its article (`ArticleExtractor`) and
/// records the page's metadata, before `clean`.
///
/// A record is a page when the decoder marked it (``Record/isHTML``: `.html` files and archive
/// members, WARC HTML responses, `decode.html_field`) or when its text is a whole HTML document
/// (`HTMLSniffer`); any other record passes through unchanged (counter `not_html`), so the
/// stage is harmless in a pipeline over mixed inputs. For a page:
/// - `text` becomes the article's text;
/// - `attributes.html` gets the metadata found (`title`, `author`, `published`, `url`,
///   `lang_hint`, `description`, `sitename`, `categories`, `tags`; only those found), unless the
///   record has an `html` attribute already;
/// - `date` is set from `published` when the record has no date;
/// - a page without an article is dropped with reason `extract:no_article`, written whole (its
///   HTML as `text`, so nothing is lost) to `_rejected/`.
///
/// Counters: `pages`, `no_article`, `not_html`, `bytes_in` (HTML bytes of pages), `bytes_out`
/// (article bytes of the pages kept).
public struct ExtractStage: Stage {
    /// The extractor run on each web page.
    public let extractor: ArticleExtractor
    /// Whether a page without an article is dropped (`sluice run`) or kept with an empty text
    /// (`sluice extract`, which writes one line per input line).
    public let dropsNoArticle: Bool

    /// An extract stage; `dropsNoArticle` drops pages without an article (`extract:no_article`).
    public init(options: ExtractOptions = .init(), dropsNoArticle: Bool = true) {
        extractor = ArticleExtractor(options: options)
        self.dropsNoArticle = dropsNoArticle
    }

    /// The extractor's options.
    public var options: ExtractOptions { extractor.options }

    /// The stage's name in pipeline files and stats.
    public var name: String { "extract" }
    /// The stage's version and options, part of the run fingerprint.
    public var fingerprint: String {
        let o = options
        // Bump the version whenever the extractor's output for the same page changes.
        return "extract/1 favor=\(o.favor.rawValue) comments=\(o.comments) tables=\(o.tables) links=\(o.links) min_chars=\(o.minChars)"
            + (dropsNoArticle ? "" : " keep_no_article")
    }

    /// The drop reason of a page without an article.
    public static let noArticleReason = "extract:no_article"

    /// Runs the stage over `batch`, counting into `stats`.
    public func process(_ batch: inout Batch, stats: inout StageStats) {
        var kept: [Record] = []
        kept.reserveCapacity(batch.records.count)
        let progress = StageProgress.current
        for (i, record) in batch.records.enumerated() {
            progress?.at(record: i)
            stats.records += 1
            guard record.isHTML || HTMLSniffer.isDocument(record.text) else {
                stats.counters.add("not_html")
                kept.append(record)
                continue
            }
            var r = record
            let html = Array(r.text.utf8)
            stats.counters.add("pages")
            stats.counters.add("bytes_in", html.count)
            let page = extractor.extract(html, url: Self.inputURL(of: r))
            Self.apply(page.metadata, to: &r)
            if !page.hasArticle {
                stats.counters.add("no_article")
                if dropsNoArticle {
                    // The page's HTML stays as its text: the rejected record loses nothing.
                    batch.dropped.append(RejectedRecord(dropping: r, reason: Self.noArticleReason,
                                                        detail: "no article of at least \(options.minChars) characters"))
                    continue
                }
            }
            stats.changed += 1
            r.text = page.hasArticle ? page.text : ""
            stats.counters.add("bytes_out", r.text.utf8.count)
            kept.append(r)
        }
        batch.records = kept
    }

    /// Puts `metadata` into `attributes.html` (unless there is one) and fills `date`.
    static func apply(_ metadata: HTMLMetadata, to r: inout Record) {
        if r.inputDateJSON == nil && r.date == nil, let published = metadata.published, !published.isEmpty {
            r.date = published
        }
        guard !r.attributes.contains(where: { $0.key == "html" }) else { return }
        r.setAttributes("html", attributes(of: metadata))
    }

    /// The `attributes.html` object: the fields found, in a fixed order.
    public static func attributes(of m: HTMLMetadata) -> JSONValue {
        var members: [JSONValue.Member] = []
        func add(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { members.append((key: key, value: .string(value))) }
        }
        func add(_ key: String, _ values: [String]) {
            if !values.isEmpty { members.append((key: key, value: .array(values.map(JSONValue.string)))) }
        }
        add("title", m.title)
        add("author", m.author)
        add("published", m.published)
        add("url", m.url)
        add("lang_hint", m.lang)
        add("description", m.description)
        add("sitename", m.sitename)
        add("categories", m.categories)
        add("tags", m.tags)
        return .object(members)
    }

    /// The record's own `url` field (a JSONL input's, or a WARC record's target URI), passed
    /// to the extractor to resolve relative links and as the page's URL when it names none.
    static func inputURL(of r: Record) -> String? {
        let p = r.passthrough
        // Most records have no `url`: a byte search spares them the JSON scan.
        guard contains(p, urlKey) else { return nil }
        var wrapped: [UInt8] = [0x7B]
        wrapped.reserveCapacity(p.count + 2)
        wrapped.append(contentsOf: p)
        wrapped.append(0x7D)
        return wrapped.withUnsafeBufferPointer { buf -> String? in
            guard let members = try? JSONScanner.scanObject(buf),
                  let m = members.first(where: { $0.key == "url" && $0.kind == .string }) else { return nil }
            let url = JSONScanner.decodeString(buf, m.value)
            return url.isEmpty ? nil : url
        }
    }

    /// `"url":` as pass-through members are written (keys are re-encoded by the decoder, so
    /// there is one spelling).
    private static let urlKey: [UInt8] = Array(#""url":"#.utf8)

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}

/// The extract stage, as written in a pipeline builder.
public typealias Extract = ExtractStage
