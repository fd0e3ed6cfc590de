// The cases of `sluice-bench linear` (see Linear.swift): adversarial tokens and the text
// algorithms timed on long runs of them.
import Foundation
import Sluice
import SluiceText

enum LinearCases {
    /// An adversarial text: a name for the table and a builder of about `bytes` bytes of it.
    struct Token {
        var name: String
        var make: @Sendable (Int) -> String
    }

    /// `prefix`, then `unit` repeated up to `bytes` bytes.
    static func run(_ unit: String, prefix: String = "") -> @Sendable (Int) -> String {
        { bytes in prefix + String(repeating: unit, count: max(1, (bytes - prefix.utf8.count) / unit.utf8.count)) }
    }

    /// Issue 12's tokens first, then ours: distinct hashtags, punctuation and mojibake runs,
    /// and the shapes that made scans restart before (`www.-`, `a:`), openers, initials.
    static let tokens: [Token] = [
        Token(name: "<", make: run("<")),
        Token(name: "&", make: run("&")),
        Token(name: "#", make: run("#")),
        Token(name: "@", make: run("@")),
        Token(name: "\"", make: run("\"")),
        Token(name: "'", make: run("'")),
        Token(name: ".", make: run(".")),
        Token(name: "1234567890", make: run("1234567890")),
        Token(name: "a+U+0301", make: run("a\u{301}")),
        Token(name: "a then U+0301 run", make: run("\u{301}", prefix: "a")),
        Token(name: "U+200B", make: run("\u{200B}")),
        Token(name: "<p@", make: run("<p@")),
        Token(name: "<!--", make: run("<!--")),
        Token(name: "<script>", make: run("<script>")),
        Token(name: "&#", make: run("&#")),
        Token(name: "http://", make: run("http://")),
        Token(name: "a.b.", make: run("a.b.")),
        Token(name: "Mr. ", make: run("Mr. ")),
        Token(name: "<a x=\"", make: run("<a x=\"")),
        Token(name: "\\n", make: run("\n")),
        Token(name: "space-tab", make: run(" \t  \t")),
        Token(name: ":)", make: run(":)")),
        Token(name: "--", make: run("--")),
        Token(name: "NBSP", make: run("\u{A0}")),
        // Ours.
        Token(name: "#tN distinct", make: { bytes in
            var s = "", i = 0
            while s.utf8.count < bytes { s += "#t\(i) "; i += 1 }
            return s
        }),
        Token(name: "d then ' ,' run", make: run(" ,", prefix: "d")),
        Token(name: "' .' run", make: run(" .")),
        Token(name: "Ã©", make: run("Ã©")),
        Token(name: "www.-", make: run("www.-")),
        Token(name: "a:", make: run("a:")),
        Token(name: "1:", make: run("1:")),
        Token(name: "?!", make: run("?!")),
        Token(name: "A. ", make: run("A. ")),
        Token(name: "&amp;", make: run("&amp;")),
        // Issue 16's splitter rules: inline list markers, spaced dots, stray and passage quotes,
        // typewriter quotes, dialogue dashes, fronted phrases, citations, Armenian colons.
        Token(name: "1) x ", make: run("1) x ")),
        Token(name: "1. A 2. A ", make: { bytes in
            var s = "", i = 1
            while s.utf8.count < bytes { s += "\(i). A "; i += 1 }
            return s
        }),
        Token(name: " . . .", make: run(" . . .")),
        Token(name: "x\" ", make: run("x\" ")),
        Token(name: "\"A. B. ", make: run("\"A. B. ")),
        Token(name: ",, A. '' ", make: run(",, A. '' ")),
        Token(name: "a. - A ", make: run("a. - A ")),
        Token(name: "At a.m. ", make: run("At a.m. ")),
        Token(name: "A\" (a). ", make: run("A\" (a). ")),
        Token(name: "; The ", make: run("; The ")),
        Token(name: "Ա: ", make: run("Ա: ")),
        Token(name: "<b>", make: run("<b>")),
        Token(name: "(", make: run("(")),
        Token(name: "“(« „", make: run("“(« „")),
        Token(name: "x@y.", make: run("x@y.")),
        // Issue 16's third round: e-mail addresses before capitals, "!" before lowercase in
        // dialogue lines, Armenian ellipses, Norwegian colons, Marathi attributions.
        Token(name: "a@b.c A ", make: run("a@b.c A ")),
        Token(name: "- a! b ", make: run("- a! b ")),
        Token(name: "a... A ", make: run("a... A ")),
        Token(name: "a: «A ", make: run("a: «A ")),
        Token(name: "\"a?\" b c ", make: run("\"a?\" b c ")),
        Token(name: "+1 ", make: run("+1 ")),
        // Issue 16's fourth round: colons before quotations (pt, sv), spaced closing quotes
        // before speech verbs (da), day-month dates, glued dashes and "”", abbreviated compounds.
        Token(name: "a: \"A. B.\" ", make: run("a: \"A. B.\" ")),
        Token(name: "a, \"siger ", make: run("a, \"siger ")),
        Token(name: "4.5. a ", make: run("4.5. a ")),
        Token(name: "a. −A ”B ", make: run("a. −A ”B ")),
        Token(name: "4-cyl. a ", make: run("4-cyl. a ")),
        Token(name: "U+FEFF", make: run("\u{FEFF}")),
        Token(name: "a b (words)", make: run("a b ")),
        // Issue 16 round 5's layout cuts and scan rules: URL lists, rule lines, header stamps,
        // letter formulas, datelines, omission marks, mirrored honorifics, glued hyphens.
        Token(name: "http://a.b/c ", make: run("http://a.b/c ")),
        Token(name: "===== A ", make: run("===== A ")),
        Token(name: "Ann 1/2/03 4:05 PM ", make: run("Ann 1/2/03 4:05 PM ")),
        Token(name: "Regards, Ann B. ", make: run("Regards, Ann B. ")),
        Token(name: "Rome - AP: A. ", make: run("Rome - AP: A. ")),
        Token(name: "a. (...) A ", make: run("a. (...) A ")),
        Token(name: ") ع (", make: run(") ع (")),
        Token(name: "a. -A ", make: run("a. -A ")),
        Token(name: "1 artikla A ", make: run("1 artikla A ")),
        // The HTML tokenizer's (issue 14): distinct attributes on one tag, near-miss references,
        // end tags that almost close RCDATA or script data, nested comment and DOCTYPE openers.
        Token(name: "<a aN distinct", make: { bytes in
            var s = "<a", i = 0
            while s.utf8.count < bytes { s += " a\(i)"; i += 1 }
            return s
        }),
        Token(name: "&CounterClockwiseContourIntegra", make: run("&CounterClockwiseContourIntegra")),
        Token(name: "</title", make: run("</title")),
        Token(name: "<!--<script>", make: run("<!--<script>")),
        Token(name: "<!DOCTYPE", make: run("<!DOCTYPE")),
        // Tree construction and extraction's: nesting past the depth cap, misnested formatting
        // and stray end tags that search the open elements, cells and items that close
        // siblings, unclosed foreign content, paragraphs with class names to classify.
        Token(name: "<div>", make: run("<div>")),
        Token(name: "</div>", make: run("</div>")),
        Token(name: "<b><p>", make: run("<b><p>")),
        Token(name: "<a><a>", make: run("<a>x<a>")),
        Token(name: "<x-a>", make: run("<x-a>")),
        Token(name: "<table><td>", make: run("<table><td>")),
        Token(name: "<li>", make: run("<li>x")),
        Token(name: "<svg><p>", make: run("<svg><p>")),
        Token(name: "<h1>x</h2>", make: run("<h1>x</h2>")),
        Token(name: "<p class=share>", make: run("<p class='share-box article-body'>Text, more text.</p>")),
    ]

    /// A text algorithm: given the text, its input is prepared (untimed) and the returned
    /// closure, timed, runs the algorithm once and returns something to keep its result alive.
    struct Algorithm {
        var name: String
        var prepare: @Sendable (String) -> () -> Int
    }

    /// Every cleaning step on, NFKC: the most work the cleaner can do.
    static let cleaner: TextCleaner = {
        var o = TextCleaner.Options(normalization: .nfkc)
        o.boilerplatePatterns = ["read more", "share this"]
        return TextCleaner(options: o)
    }()

    /// The terms of Pipelines/topics.yaml, case- and diacritic-insensitive.
    static func topicsMatcher() -> TermMatcher {
        let topics = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Pipelines/linear.yaml").path
        let yaml = "stages:\n  - terms: {file: topics.yaml, case_insensitive: true, diacritic_insensitive: true}\n"
        guard let p = try? PipelineFile.parse(yaml, path: topics), let stage = p.stages.first as? TermsStage else {
            fatalError("cannot read Pipelines/topics.yaml")
        }
        return stage.matcher
    }

    /// `{"id":"x","text":…}` holding `text`.
    static func jsonLine(_ text: String) -> [UInt8] {
        var w = JSONWriter(capacity: text.utf8.count + 32)
        w.appendRawASCII("{\"id\":\"x\",\"text\":")
        w.appendString(text)
        w.appendRawASCII("}")
        return w.bytes
    }

    /// The HTML tokenizer over the whole text from `state`, counting tokens.
    static func htmlTokenize(_ text: String, _ state: HTMLTokenizer.State, _ lastStartTag: String) -> () -> Int {
        let bytes = Array(text.utf8)
        return {
            var t = HTMLTokenizer(bytes)
            t.switchTo(state)
            t.setLastStartTag(lastStartTag)
            var k = 0
            while t.next() != nil { k += 1 }
            return k
        }
    }

    static let splitLanguages = ["en", "de", "fr", "ru", "zh", "ar", "hi", "hy", "nb", "mr", "pt", "da", "fi", "fa", "es", "xx"]

    static let algorithms: [Algorithm] = {
        var all: [Algorithm] = [
            Algorithm(name: "clean") { t in { cleaner.clean(t).text.utf8.count } },
        ]
        for code in splitLanguages {
            let splitter = SentenceSplitter(language: code)
            all.append(Algorithm(name: "split-\(code)") { t in { splitter.split(t).count } })
        }
        all += [
            Algorithm(name: "language") { t in
                let id = LanguageModelLoader.bundledIdentifier
                return { id.analyze(t).spans.count }
            },
            Algorithm(name: "patterns") { t in { PatternScanner.scan(t).count } },
            Algorithm(name: "html-tokenize") { t in htmlTokenize(t, .data, "") },
            Algorithm(name: "html-tokenize-rcdata") { t in htmlTokenize(t, .rcdata, "title") },
            Algorithm(name: "html-tokenize-script") { t in htmlTokenize(t, .scriptData, "script") },
            Algorithm(name: "html-tree") { t in
                let bytes = Array(t.utf8)
                return { HTMLTreeBuilder().parse(bytes).nodes.count }
            },
            Algorithm(name: "article-extract") { t in
                let bytes = Array(t.utf8)
                let extractor = ArticleExtractor(options: .init(minChars: 0))
                return { extractor.extract(bytes).text.utf8.count }
            },
            Algorithm(name: "pii-mask") { t in { PIIMasker.mask(t).text.utf8.count } },
            Algorithm(name: "quality") { t in { QualitySignals.compute(t).gopherQuality.words } },
            Algorithm(name: "terms") { t in
                let m = topicsMatcher()
                return { m.matches(in: t).count }
            },
            Algorithm(name: "words") { t in { WordTokenizer.words(t).count } },
            Algorithm(name: "word-count") { t in { WordCounter.count(t) } },
            Algorithm(name: "dedupkey") { t in { Int(truncatingIfNeeded: DedupKey.hash(t)) } },
            Algorithm(name: "hashtags") { t in { HashtagScanner.hashtags(in: t).count } },
            Algorithm(name: "json-scan") { t in
                let line = jsonLine(t)
                return {
                    line.withUnsafeBufferPointer { b in
                        guard let m = try? JSONScanner.scanObject(b), let text = m.last else { return -1 }
                        return JSONScanner.decodeString(b, text.value).utf8.count
                    }
                }
            },
            Algorithm(name: "json-decode") { t in
                let line = jsonLine(t)
                let decoder = try! RecordDecoder(options: DecodeOptions(), file: "linear.jsonl")
                return {
                    line.withUnsafeBufferPointer { b in
                        if case .record(let r) = decoder.decodeJSONLine(b, lineNumber: 1) { return r.text.utf8.count }
                        return -1
                    }
                }
            },
            Algorithm(name: "decode-text") { t in
                let bytes = Array(t.utf8)
                let decoder = try! RecordDecoder(options: DecodeOptions(), file: "linear.txt")
                return {
                    bytes.withUnsafeBufferPointer { b in
                        if case .record(let r) = decoder.decodeText(b, lineNumber: 1) { return r.text.utf8.count }
                        return -1
                    }
                }
            },
            Algorithm(name: "tag-stage") { t in
                let tag = TagStage()
                return {
                    var batch = Batch(sequence: 0, records: [Record(idJSON: [], text: t, origin: Origin(file: "", line: 1))])
                    var stats = StageStats()
                    tag.process(&batch, stats: &stats)
                    return batch.records[0].attributes.count
                }
            },
        ]
        return all
    }()
}
