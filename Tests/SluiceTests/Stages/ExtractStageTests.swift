import Testing
@testable import Sluice

/// The extract stage's plumbing (issue 14): options, metadata → attributes, date, drops,
/// pass-through and counters. The assertions on article text hold for any correct extractor:
/// the pages' article is their only text.
@Suite struct ExtractStageTests {
    static let paragraph = "The city council approved the new budget for public libraries on Tuesday evening after a long debate."
    static let page = "<!DOCTYPE html><html><body><article><p>\(paragraph)</p></article></body></html>"
    static let emptyPage = "<html><head></head><body></body></html>"

    static func record(_ id: String, _ text: String, line: Int = 1) -> Record {
        Record(idJSON: Array("\"\(id)\"".utf8), text: text, origin: Origin(file: "f.jsonl", line: line))
    }

    static func run(_ stage: ExtractStage, _ records: [Record]) -> (Batch, StageStats) {
        var batch = Batch(sequence: 0, records: records)
        var stats = StageStats()
        stage.process(&batch, stats: &stats)
        return (batch, stats)
    }

    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let c = t.first, c.isWhitespace { t = t.dropFirst() }
        while let c = t.last, c.isWhitespace { t = t.dropLast() }
        return String(t)
    }

    // MARK: options

    @Test func defaultOptionsAndFingerprint() throws {
        let p = try PipelineFile.parse("stages:\n  - extract\n  - clean\n")
        let stage = try #require(p.stages.first as? ExtractStage)
        #expect(stage.options == ExtractOptions())
        #expect(stage.fingerprint == "extract/1 favor=balanced comments=false tables=true links=false min_chars=100")
        #expect(stage.name == "extract")
    }

    @Test func optionsAreRead() throws {
        let yaml = """
        stages:
          - extract: {favor: precision, comments: true, tables: false, links: true, min_chars: 250}
        """
        let stage = try #require(try PipelineFile.parse(yaml).stages.first as? ExtractStage)
        #expect(stage.options == ExtractOptions(favor: .precision, comments: true, tables: false, links: true, minChars: 250))
        #expect(stage.fingerprint == "extract/1 favor=precision comments=true tables=false links=true min_chars=250")
        #expect(ExtractStage(options: .init(favor: .recall)).fingerprint.contains("favor=recall"))
        #expect(ExtractStage(dropsNoArticle: false).fingerprint.hasSuffix(" keep_no_article"))
    }

    @Test func optionErrors() {
        let yaml = """
        stages:
          - extract: {favor: most, comments: maybe, tables: 1x, links: [], min_chars: -5, tabels: true}
        """
        do {
            _ = try PipelineFile.parse(yaml, path: "w.yaml")
            Issue.record("expected problems")
        } catch {
            #expect(error.description.split(separator: "\n") == [
                "w.yaml:2:22: `extract.favor` must be one of: precision, balanced, recall",
                "w.yaml:2:38: `extract.comments` must be true or false",
                "w.yaml:2:53: `extract.tables` must be true or false",
                "w.yaml:2:64: `extract.links` must be true or false",
                "w.yaml:2:79: `extract.min_chars` must be an integer in 0…2147483647",
                "w.yaml:2:83: unknown option 'tabels' in `extract` (known: comments, favor, links, min_chars, tables)",
            ])
        }
    }

    @Test func extractComesBeforeClean() throws {
        do {
            _ = try PipelineFile.parse("stages:\n  - clean\n  - extract\n", path: "o.yaml")
            Issue.record("expected a problem")
        } catch {
            #expect(error.description == "o.yaml:3:5: `extract` must come before `clean` (only `dedup` may precede it)")
        }
        // Dedup may come first (exact duplicates of whole pages), as may several extract stages.
        let p = try PipelineFile.parse("stages:\n  - dedup\n  - extract\n  - clean\n")
        #expect(p.stages.map(\.name) == ["dedup", "extract", "clean"])
    }

    @Test func htmlFieldIsReadAndFingerprinted() throws {
        let p = try PipelineFile.parse("decode: {html_field: raw_content}\nstages: [extract]\n")
        #expect(p.decode.htmlField == "raw_content")
        #expect(p.fingerprint.contains("batch_bytes=1048576 html_field=raw_content\n"))
        // Pipelines without it keep the fingerprint they had (journals of earlier runs resume).
        #expect(!Pipeline.news.fingerprint.contains("html_field"))
        do {
            _ = try PipelineFile.parse("decode: {html_field: ''}\nstages: []\n", path: "e.yaml")
            Issue.record("expected a problem")
        } catch {
            #expect(error.description == "e.yaml:1:22: `decode.html_field` must not be empty")
        }
    }

    @Test func webPipelineFile() throws {
        let p = try PipelineFile.load(nameOrPath: TestPaths.root + "/Pipelines/web.yaml")
        #expect(p.name == "web")
        #expect(p.stages.map(\.name) == ["extract", "dedup", "clean", "language", "split", "tag"])
        #expect(p.decode.htmlField == "html")
        #expect((p.stages[0] as? ExtractStage)?.options == ExtractOptions())
    }

    // MARK: metadata

    @Test func metadataBecomesAttributesInOrderWithoutEmptyFields() {
        let m = HTMLMetadata(title: "Budget passes", published: "2024-07-08T04:55:57+02:00", author: "A. Writer; B. Writer",
                             url: "https://example.org/a", lang: "en-GB", description: "", sitename: "Example News",
                             categories: ["Politics"], tags: [])
        let v = ExtractStage.attributes(of: m)
        #expect(v.serialized() == #"{"title":"Budget passes","author":"A. Writer; B. Writer","published":"2024-07-08T04:55:57+02:00","url":"https://example.org/a","lang_hint":"en-GB","sitename":"Example News","categories":["Politics"]}"#)
        let all = HTMLMetadata(title: "t", published: "p", author: "a", url: "u", lang: "l", description: "d", sitename: "s",
                               categories: ["c1", "c2"], tags: ["x"])
        #expect(ExtractStage.attributes(of: all).serialized()
            == #"{"title":"t","author":"a","published":"p","url":"u","lang_hint":"l","description":"d","sitename":"s","categories":["c1","c2"],"tags":["x"]}"#)
        #expect(ExtractStage.attributes(of: HTMLMetadata()).serialized() == "{}")
    }

    @Test func publishedFillsOnlyAMissingDate() {
        let m = HTMLMetadata(title: "T", published: "2019-07-28")
        var r = Self.record("a", "x")
        ExtractStage.apply(m, to: &r)
        #expect(r.date == "2019-07-28")
        #expect(r.attributes.map(\.key) == ["html"])

        var withInput = Self.record("b", "x")
        withInput.inputDateJSON = Array("\"2020-01-01\"".utf8)
        ExtractStage.apply(m, to: &withInput)
        #expect(withInput.date == nil)

        var withLifted = Self.record("c", "x")
        withLifted.date = "2021-02-03"
        ExtractStage.apply(m, to: &withLifted)
        #expect(withLifted.date == "2021-02-03")

        var noPublished = Self.record("d", "x")
        ExtractStage.apply(HTMLMetadata(published: ""), to: &noPublished)
        #expect(noPublished.date == nil)
    }

    @Test func anExistingHTMLAttributeIsKept() {
        var r = Self.record("a", "x")
        r.setAttributes("html", .object([(key: "title", value: .string("mine"))]))
        ExtractStage.apply(HTMLMetadata(title: "theirs", published: "2019-07-28"), to: &r)
        #expect(r.attributes.count == 1)
        #expect(r.attributes[0].value.serialized() == #"{"title":"mine"}"#)
        #expect(r.date == "2019-07-28")
    }

    @Test func inputURLComesFromThePassThroughField() {
        var r = Self.record("a", "x")
        #expect(ExtractStage.inputURL(of: r) == nil)
        r.passthrough = Array(#""source":"web","url":"https:\/\/example.org\/a?b=1","n":3"#.utf8)
        #expect(ExtractStage.inputURL(of: r) == "https://example.org/a?b=1")
        r.passthrough = Array(#""url":null,"meta":{"url":"https://nested.example"}"#.utf8)
        #expect(ExtractStage.inputURL(of: r) == nil)
        r.passthrough = Array(#""note":"\"url\":\"x\"""#.utf8)
        #expect(ExtractStage.inputURL(of: r) == nil)
        r.passthrough = Array(#""url":"""#.utf8)
        #expect(ExtractStage.inputURL(of: r) == nil)
    }

    // MARK: processing

    @Test func pagesAreExtractedOthersPassAndEmptyPagesAreDropped() throws {
        let stage = ExtractStage(options: .init(minChars: 40))
        var marked = Self.record("marked", Self.page, line: 1)
        marked.isHTML = true
        let sniffed = Self.record("sniffed", Self.page, line: 2)
        let plain = Self.record("plain", "A plain text with a <b>tag</b> in it.", line: 3)
        var empty = Self.record("empty", Self.emptyPage, line: 4)
        empty.isHTML = true
        let (batch, stats) = Self.run(stage, [marked, sniffed, plain, empty])

        #expect(batch.records.map { String(decoding: $0.idJSON, as: UTF8.self) } == [#""marked""#, #""sniffed""#, #""plain""#])
        #expect(Self.trimmed(batch.records[0].text) == Self.paragraph)
        #expect(Self.trimmed(batch.records[1].text) == Self.paragraph)
        #expect(batch.records[2].text == "A plain text with a <b>tag</b> in it.")
        // Extracted pages carry attributes.html (whatever the page says); a text that is no page, nothing.
        #expect(batch.records[0].attributes.map(\.key) == ["html"])
        #expect(batch.records[2].attributes.isEmpty)

        #expect(batch.dropped.count == 1)
        let dropped = try #require(batch.dropped.first)
        #expect(dropped.reason == "extract:no_article")
        #expect(dropped.detail == "no article of at least 40 characters")
        #expect(dropped.origin.line == 4)
        // The dropped record keeps its HTML: nothing is lost.
        #expect(dropped.record?.text == Self.emptyPage)

        #expect(stats.records == 4)
        #expect(stats.changed == 2)
        #expect(stats.counters["pages"] == 3)
        #expect(stats.counters["no_article"] == 1)
        #expect(stats.counters["not_html"] == 1)
        #expect(stats.counters["bytes_in"] == 2 * Self.page.utf8.count + Self.emptyPage.utf8.count)
        #expect(stats.counters["bytes_out"] == batch.records[0].text.utf8.count + batch.records[1].text.utf8.count)
        #expect(stats.counters.values.count == 5)
    }

    @Test func minCharsDecidesWhatIsAnArticle() {
        let short = Self.record("s", "<html><body><p>Short note.</p></body></html>")
        let (kept, _) = Self.run(ExtractStage(options: .init(minChars: 5)), [short])
        #expect(kept.records.count == 1)
        let (dropped, stats) = Self.run(ExtractStage(options: .init(minChars: 500)), [short])
        #expect(dropped.records.isEmpty && dropped.dropped.map(\.reason) == ["extract:no_article"])
        #expect(stats.counters["no_article"] == 1 && stats.counters["bytes_out"] == 0)
    }

    @Test func streamModeKeepsAPageWithoutArticleWithEmptyText() {
        let (batch, stats) = Self.run(ExtractStage(dropsNoArticle: false), [Self.record("e", Self.emptyPage)])
        #expect(batch.records.map(\.text) == [""])
        #expect(batch.dropped.isEmpty)
        #expect(stats.counters["no_article"] == 1 && stats.counters["pages"] == 1)
    }

    @Test func aMarkedRecordIsExtractedEvenWithoutADocumentStart() {
        var fragment = Self.record("f", "<p>\(Self.paragraph)</p>")
        #expect(!HTMLSniffer.isDocument(fragment.text))
        let (passed, s1) = Self.run(ExtractStage(options: .init(minChars: 40)), [fragment])
        #expect(passed.records.first?.text == fragment.text && s1.counters["not_html"] == 1)
        fragment.isHTML = true
        let (extracted, s2) = Self.run(ExtractStage(options: .init(minChars: 40)), [fragment])
        #expect(Self.trimmed(extracted.records.first?.text ?? "") == Self.paragraph && s2.counters["pages"] == 1)
    }

    @Test func badBytesNeverCrash() {
        // U+FFFD from repaired input, NULs, an unclosed comment, a huge attribute.
        let texts = ["<html>\u{FFFD}\u{0}<body><!-- open", "<html><body><p a=\"" + String(repeating: "x", count: 100_000),
                     "<!doctype html>", "<html>" + String(repeating: "<div>", count: 10_000)]
        let (batch, stats) = Self.run(ExtractStage(), texts.enumerated().map { Self.record("\($0.offset)", $0.element) })
        #expect(batch.records.count + batch.dropped.count == texts.count)
        #expect(stats.counters["pages"] == texts.count)
    }

    @Test
    func realExtractorMetadataAndBoilerplate() throws {
        let html = """
        <!DOCTYPE html><html lang="en-GB"><head><title>Budget passes | Example News</title>
        <meta property="og:title" content="Budget passes">
        <meta name="author" content="A. Writer">
        <meta property="article:published_time" content="2024-07-08T04:55:57+02:00">
        <meta property="og:site_name" content="Example News">
        <meta name="description" content="Libraries get more money.">
        <link rel="canonical" href="https://example.org/budget">
        </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Budget passes</h1><p>\(Self.paragraph)</p><p>The mayor said the money would go to longer opening hours.</p></article>
        <footer>© Example News. All rights reserved.</footer></body></html>
        """
        var r = Self.record("a", html)
        r.isHTML = true
        let (batch, _) = Self.run(ExtractStage(), [r])
        let out = try #require(batch.records.first)
        #expect(out.text.contains(Self.paragraph))
        #expect(!out.text.contains("Home") && !out.text.contains("All rights reserved"))
        #expect(out.date == "2024-07-08T04:55:57+02:00")
        #expect(out.attributes.first?.value.serialized()
            == #"{"title":"Budget passes","author":"A. Writer","published":"2024-07-08T04:55:57+02:00","url":"https://example.org/budget","lang_hint":"en-GB","description":"Libraries get more money.","sitename":"Example News"}"#)
    }
}
