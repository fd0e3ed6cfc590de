import Foundation
import Testing

/// `sluice run -p Pipelines/web.yaml` and `sluice extract` on web pages (issue 14): HTML inside
/// JSONL (`decode.html_field`), `.html` files, a tar of pages, WARC responses. The pages' article
/// is their only text, so the expected texts hold for any correct extractor.
@Suite struct ExtractEndToEndTests {
    static let first = "The city council approved the new budget for public libraries on Tuesday evening."
    static let second = "Opening hours will be longer from next month, the mayor said."
    static let paragraph = first + " " + second
    static let page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>\n<body><article><p>\(paragraph)</p></article></body></html>\n"
    /// No text at all: no article for any `min_chars` above 0.
    static let emptyPage = "<!DOCTYPE html><html><head></head><body></body></html>"
    static let plain = "A plain text record passes through the extract stage unchanged."

    static let web = E2E.root.appendingPathComponent("Pipelines/web.yaml").path

    static func jsonLine(_ object: [String: String]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    struct Run {
        var result: SluiceBinary.Result
        var records: [[String: Any]]
        var rejected: [[String: Any]]
        var events: [[String: Any]]
        var extract: [String: Any]
        var file: [String: Any] { events.first { $0["event"] as? String == "file" } ?? [:] }
    }

    /// `sluice run INPUT -o OUT -p PIPELINE`, reading `stem`'s output and rejected records.
    static func run(_ input: URL, stems: [String], in tmp: URL, pipeline: String = web) throws -> Run {
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", input.path, "-o", out.path, "-p", pipeline, "--progress", "none"])
        func read(_ rel: String) throws -> [[String: Any]] {
            let url = out.appendingPathComponent(rel)
            return FileManager.default.fileExists(atPath: url.path) ? try E2E.lines(url).map(E2E.json) : []
        }
        let records = try stems.flatMap { try read($0 + ".jsonl.zst") }
        let rejected = try stems.flatMap { try read("_rejected/" + $0 + ".jsonl.zst") }
        let events = try E2E.events(out.appendingPathComponent("stats.jsonl"))
        let extract = events.first { $0["event"] as? String == "stage" && $0["stage"] as? String == "extract" } ?? [:]
        return Run(result: r, records: records, rejected: rejected, events: events, extract: extract)
    }

    static func origin(_ record: [String: Any]) -> [String: Any] { record["origin"] as? [String: Any] ?? [:] }

    /// A kept page, after web.yaml's clean/language/split: the paragraph, in English, two sentences.
    static func expectArticle(_ record: [String: Any], id: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(record["id"] as? String == id, sourceLocation: sourceLocation)
        #expect(record["text"] as? String == paragraph, sourceLocation: sourceLocation)
        #expect(record["sentences"] as? [String] == [first, second], sourceLocation: sourceLocation)
        #expect(record["lang"] as? String == "en", sourceLocation: sourceLocation)
        #expect((record["attributes"] as? [String: Any])?["html"] is [String: Any], sourceLocation: sourceLocation)
    }

    static func expectNoArticle(_ rejected: [[String: Any]], id: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(rejected.map { $0["reason"] as? String } == ["extract:no_article"], sourceLocation: sourceLocation)
        #expect(rejected.first?["detail"] as? String == "no article of at least 100 characters", sourceLocation: sourceLocation)
        let record = rejected.first?["record"] as? [String: Any]
        #expect(record?["id"] as? String == id, sourceLocation: sourceLocation)
        // The page is kept whole: nothing is lost.
        #expect(record?["text"] as? String == emptyPage, sourceLocation: sourceLocation)
    }

    @Test func htmlInsideJSONL() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("pages.jsonl")
        try E2E.write([
            Self.jsonLine(["id": "p1", "url": "https://news.example/budget", "html": Self.page, "date": "2024-05-01"]),
            Self.jsonLine(["id": "p2", "html": Self.emptyPage]),
            Self.jsonLine(["id": "t1", "text": Self.plain]),
        ].joined(separator: "\n") + "\n", to: input)
        let run = try Self.run(input, stems: ["pages"], in: tmp)
        #expect(run.result.status == 0, "stderr: \(run.result.err)")

        #expect(run.records.count == 2)
        Self.expectArticle(run.records[0], id: "p1")
        #expect(run.records[0]["date"] as? String == "2024-05-01")
        #expect(run.records[0]["url"] as? String == "https://news.example/budget")
        #expect(run.records[1]["id"] as? String == "t1")
        #expect(run.records[1]["text"] as? String == Self.plain)
        #expect((run.records[1]["attributes"] as? [String: Any])?["html"] == nil)
        Self.expectNoArticle(run.rejected, id: "p2")

        #expect(run.file["records_in"] as? Int == 3)
        #expect(run.file["records_out"] as? Int == 2)
        #expect(run.file["dropped"] as? [String: Int] == ["extract:no_article": 1])
        let counters = try #require(run.extract["counters"] as? [String: Int])
        #expect(counters["pages"] == 2 && counters["no_article"] == 1 && counters["not_html"] == 1)
        #expect(counters["bytes_in"] == Self.page.utf8.count + Self.emptyPage.utf8.count)
        #expect((counters["bytes_out"] ?? 0) >= Self.paragraph.utf8.count)
        #expect(run.extract["records"] as? Int == 3)
        #expect(run.extract["changed"] as? Int == 1)
    }

    @Test func htmlFilesInADirectory() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("in")
        try E2E.write(Self.page, to: input.appendingPathComponent("a.html"))
        try E2E.write(Self.emptyPage, to: input.appendingPathComponent("b.htm"))
        try E2E.write(Self.plain + "\n", to: input.appendingPathComponent("c.txt"))
        // A page in a legacy encoding: the decoder reads it by its declaration before extract sees it.
        let legacy = "<html><head><meta charset=\"windows-1252\"></head><body><p>\(Self.paragraph) The caf\u{E9} stays.</p></body></html>"
        try FileManager.default.createDirectory(at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data(legacy.unicodeScalars.map { UInt8($0.value) }).write(to: input.appendingPathComponent("sub/d.xhtml"))
        let run = try Self.run(input, stems: ["a", "b", "c", "sub/d"], in: tmp)
        #expect(run.result.status == 0, "stderr: \(run.result.err)")

        #expect(run.records.map { $0["id"] as? String } == ["a.html:1", "c.txt:1", "sub/d.xhtml:1"])
        Self.expectArticle(run.records[0], id: "a.html:1")
        #expect(run.records[1]["text"] as? String == Self.plain)
        #expect(run.records[2]["text"] as? String == Self.paragraph + " The café stays.")
        #expect(Self.origin(run.records[2])["encoding"] as? String == "windows-1252")
        Self.expectNoArticle(run.rejected, id: "b.htm:1")
        #expect(Self.origin(run.rejected[0])["file"] as? String == "b.htm")

        // File events come in the order files finish.
        let files = run.events.filter { $0["event"] as? String == "file" }.sorted { ($0["file"] as? String ?? "") < ($1["file"] as? String ?? "") }
        #expect(files.map { $0["file"] as? String } == ["a.html", "b.htm", "c.txt", "sub/d.xhtml"])
        #expect(files.map { $0["dropped"] as? [String: Int] ?? [:] } == [[:], ["extract:no_article": 1], [:], [:]])
        let counters = try #require(run.extract["counters"] as? [String: Int])
        #expect(counters["pages"] == 3 && counters["no_article"] == 1 && counters["not_html"] == 1)
        #expect(counters["bytes_in"] == Self.page.utf8.count + Self.emptyPage.utf8.count + legacy.utf8.count)
    }

    @Test func tarOfPages() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let src = tmp.appendingPathComponent("src")
        try E2E.write(Self.page, to: src.appendingPathComponent("site/a.html"))
        try E2E.write(Self.emptyPage, to: src.appendingPathComponent("site/b.html"))
        try E2E.write(Self.plain, to: src.appendingPathComponent("site/c.txt"))
        try EndToEndArchiveTests.tool(["tar", "--sort=name", "-cf", "../pages.tar", "."], cwd: src)
        let run = try Self.run(tmp.appendingPathComponent("pages.tar"), stems: ["pages"], in: tmp)
        #expect(run.result.status == 0, "stderr: \(run.result.err)")

        #expect(run.records.map { $0["id"] as? String } == ["pages.tar/site/a.html:1", "pages.tar/site/c.txt:1"])
        Self.expectArticle(run.records[0], id: "pages.tar/site/a.html:1")
        #expect(Self.origin(run.records[0])["member"] as? String == "site/a.html")
        #expect(run.records[1]["text"] as? String == Self.plain)
        Self.expectNoArticle(run.rejected, id: "pages.tar/site/b.html:1")
        #expect(Self.origin(run.rejected[0])["member"] as? String == "site/b.html")

        #expect(run.file["file"] as? String == "pages.tar")
        #expect(run.file["records_in"] as? Int == 3)
        #expect(run.file["records_out"] as? Int == 2)
        #expect(run.file["dropped"] as? [String: Int] == ["extract:no_article": 1])
        let counters = try #require(run.extract["counters"] as? [String: Int])
        #expect(counters["pages"] == 2 && counters["no_article"] == 1 && counters["not_html"] == 1)
    }

    /// WARC responses of an HTML type are pages; the text/plain response and the conversion
    /// record (text already) are not, and are no documents either.
    @Test func warcResponses() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let pipeline = tmp.appendingPathComponent("extract.yaml")
        try E2E.write("name: extract\nstages:\n  - extract: {min_chars: 1}\n", to: pipeline)
        let warc = EndToEndWARCTests.warc.appendingPathComponent("sample.warc")
        let run = try Self.run(warc, stems: ["sample"], in: tmp, pipeline: pipeline.path)
        #expect(run.result.status == 0, "stderr: \(run.result.err)")
        let counters = try #require(run.extract["counters"] as? [String: Int])
        #expect(counters["pages"] == 5 && counters["not_html"] == 2)
        #expect(run.records.count + (counters["no_article"] ?? 0) == 7)
        // Bodies in legacy encodings reach extract as the right letters.
        #expect(run.records.contains { ($0["text"] as? String)?.contains("日本語") == true })
        #expect(!run.records.contains { ($0["text"] as? String)?.contains("\u{FFFD}") == true })
        let notes = run.records.first { $0["url"] as? String == "http://example.org/notes.txt" }
        #expect((notes?["text"] as? String)?.hasPrefix("Plain notes in Latin-1: café, naïve, Zürich.") == true)
        #expect((notes?["attributes"] as? [String: Any])?["html"] == nil)
    }

    /// The language a page declares (`<html lang>`) decides between close neighbours, and
    /// `html_lang_hint: false` turns that off.
    @Test func declaredLanguageIsAHint() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("pages.jsonl")
        let body = "<body><article><p>Jučer smo s prijateljima bili u kinu.</p></article></body></html>"
        try E2E.write([
            Self.jsonLine(["id": "bs", "html": "<!doctype html><html lang=\"bs-BA\">" + body]),
            Self.jsonLine(["id": "none", "html": "<!doctype html><html>" + body]),
        ].joined(separator: "\n") + "\n", to: input)
        var langs: [[String?]] = []
        for hint in ["true", "false"] {
            let (r, out) = try E2E.runPipeline("decode:\n  html_field: html\nstages:\n  - extract:\n      min_chars: 10\n  - language:\n      html_lang_hint: \(hint)\n",
                                               on: input, in: tmp, name: hint)
            #expect(r.status == 0, "stderr: \(r.err)")
            langs.append(try E2E.lines(out.appendingPathComponent("pages.jsonl.zst")).map { try E2E.json($0)["lang"] as? String })
        }
        #expect(langs == [["bs", "hr"], ["hr", "hr"]])
        // The same through the stream commands: `tag` reads the declaration `extract` wrote.
        let extracted = try SluiceBinary.run(["extract", "--html-field", "html", "--min-chars", "10"], stdin: try Data(contentsOf: input))
        #expect(extracted.status == 0, "stderr: \(extracted.err)")
        let tagged = try SluiceBinary.run(["tag"], stdin: Data(extracted.out.utf8))
        #expect(tagged.status == 0, "stderr: \(tagged.err)")
        #expect(try tagged.lines.map { try E2E.json($0)["lang"] as? String } == ["bs", "hr"])
    }

    @Test func validateWebPipeline() throws {
        let r = try SluiceBinary.run(["validate", Self.web])
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.out == "\(Self.web): ok: pipeline 'web': extract → dedup → clean → language → split → tag → jsonl\n")
    }

    @Test func streamCommand() throws {
        let input = [
            Self.jsonLine(["id": "p1", "html": Self.page, "date": "2024-05-01"]),
            Self.jsonLine(["id": "p2", "html": Self.emptyPage]),
            Self.jsonLine(["id": "t1", "text": Self.plain]),
            Self.jsonLine(["id": "t2", "text": Self.page]),
        ]
        let r = try SluiceBinary.run(["extract", "--html-field", "html", "--min-chars", "50", "--favor", "recall", "--no-tables"],
                                     stdin: Data(input.map { $0 + "\n" }.joined().utf8))
        #expect(r.status == 0, "stderr: \(r.err)")
        let out = try r.lines.map(E2E.json)
        #expect(out.map { $0["id"] as? String } == ["p1", "p2", "t1", "t2"])
        #expect(out.map { Array($0.keys).sorted() } == Array(repeating: ["attributes", "date", "id", "text"], count: 4))
        #expect((out[0]["text"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines) == Self.paragraph)
        #expect(out[0]["date"] as? String == "2024-05-01")
        #expect(out[1]["text"] as? String == "")
        #expect(out[1]["date"] is NSNull)
        #expect(out[2]["text"] as? String == Self.plain)
        #expect((out[2]["attributes"] as? [String: Any])?.isEmpty == true)
        // A text that is a whole document is extracted too.
        #expect((out[3]["text"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines) == Self.paragraph)

        let bad = try SluiceBinary.run(["extract", "--favor", "most"])
        #expect(bad.status == 2)
        #expect(bad.err.contains("Please provide one of 'precision', 'balanced' or 'recall'"), "stderr: \(bad.err)")
        let negative = try SluiceBinary.run(["extract", "--min-chars", "-1"])
        #expect(negative.status == 2)
    }
}
