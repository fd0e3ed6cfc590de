import Foundation
import Testing
@testable import Sluice

private func record(_ id: String, _ text: String, lang: String? = nil, score: Double = 0, line: Int = 1) -> Record {
    var r = Record(idJSON: Array("\"\(id)\"".utf8), text: text, origin: Origin(file: "a.jsonl", line: line))
    r.lang = lang
    r.langScore = score
    return r
}

private func attributes(_ r: Record, _ key: String) -> JSONValue? {
    r.attributes.first { $0.key == key }?.value
}

@Suite struct TagPatternsStageTests {
    @Test func countsPatternsAndPII() {
        var batch = Batch(sequence: 0, records: [
            record("a", "Mail jo@example.com, see https://x.org and www.y.org on 2024-07-08: up 5% to $3bn. #news"),
            record("b", "Nothing to see here."),
        ])
        var stats = StageStats()
        TagStage(counts: false).process(&batch, stats: &stats)
        #expect(attributes(batch.records[0], "patterns") == .object([
            (key: "hashtags", value: .int(1)), (key: "urls", value: .int(2)), (key: "emails", value: .int(1)),
            (key: "dates", value: .int(1)), (key: "money", value: .int(1)), (key: "percentages", value: .int(1)),
        ]))
        #expect(attributes(batch.records[0], "pii") == .object([(key: "emails", value: .int(1))]))
        #expect(attributes(batch.records[1], "patterns") == nil)
        #expect(attributes(batch.records[1], "pii") == nil)
        #expect(stats.counters["patterns:urls"] == 2)
        #expect(stats.counters["pii:emails"] == 1)
    }

    @Test func spansInUnicodeScalars() {
        var batch = Batch(sequence: 0, records: [record("a", "Zoë → zoe@example.com 5%")])
        var stats = StageStats()
        TagStage(hashtags: false, counts: false, spans: true, pii: false).process(&batch, stats: &stats)
        let spans = attributes(batch.records[0], "patterns")?["spans"]
        #expect(spans == .array([
            .object([(key: "type", value: .string("email")), (key: "start", value: .int(6)), (key: "end", value: .int(21))]),
            .object([(key: "type", value: .string("percent")), (key: "start", value: .int(22)), (key: "end", value: .int(24))]),
        ]))
        #expect(attributes(batch.records[0], "pii") == nil)
    }

    @Test func fingerprintNamesEveryOption() {
        #expect(TagStage().fingerprint == "tag/2 hashtags=true counts=true patterns=true spans=false pii=true")
    }
}

@Suite struct PIIStageTests {
    @Test func masksAndCounts() {
        var batch = Batch(sequence: 0, records: [
            record("a", "Call +49 30 1234567 or mail a@b.de from 10.0.0.1."),
            record("b", "Clean text."),
        ])
        var stats = StageStats()
        PIIStage().process(&batch, stats: &stats)
        #expect(batch.records[0].text == "Call <PHONE> or mail <EMAIL> from <IP>.")
        #expect(batch.records[1].text == "Clean text.")
        #expect(attributes(batch.records[0], "pii") == .object([
            (key: "emails", value: .int(1)), (key: "phones", value: .int(1)), (key: "ips", value: .int(1)),
        ]))
        #expect(stats.changed == 1)
        #expect(stats.counters.values == ["emails_masked": 1, "phones_masked": 1, "ips_masked": 1])
    }

    @Test func tagModeKeepsText() {
        let text = "mail a@b.de or c@d.org, call 030 1234567"
        var batch = Batch(sequence: 0, records: [record("a", text)])
        var stats = StageStats()
        PIIStage(mode: .tag, kinds: [.email]).process(&batch, stats: &stats)
        #expect(batch.records[0].text == text)
        #expect(attributes(batch.records[0], "pii") == .object([(key: "emails", value: .int(2))]))
        #expect(stats.counters.values == ["emails": 2])
    }

    @Test func beforeSplitSentencesCarryPlaceholders() throws {
        let p = try PipelineFile.parse("stages:\n  - pii\n  - split: {language: en}\n")
        var batch = Batch(sequence: 0, records: [record("a", "Write to a@b.de today. Thanks.")])
        for s in p.stages { var st = StageStats(); s.process(&batch, stats: &st) }
        #expect(batch.records[0].sentences == ["Write to <EMAIL> today.", "Thanks."])
    }
}

@Suite struct TermsStageTests {
    @Test func tagsAndCounts() {
        let stage = TermsStage(lists: [("climate", ["climate change", "Klimawandel"]), ("sport", ["World Cup"]), ("unused", ["zzz"])],
                               options: .init(caseInsensitive: true, diacriticInsensitive: true))
        var r = record("a", "Climate change and the KLIMAWANDEL; climate change again.")
        r.tags = ["existing"]
        var batch = Batch(sequence: 0, records: [r, record("b", "The world cup."), record("c", "Nothing.")])
        var stats = StageStats()
        stage.process(&batch, stats: &stats)
        #expect(batch.records[0].tags == ["existing", "climate"])
        #expect(attributes(batch.records[0], "terms") == .object([(key: "climate", value: .int(3))]))
        #expect(batch.records[1].tags == ["sport"])
        #expect(batch.records[2].tags == [])
        #expect(attributes(batch.records[2], "terms") == nil)
        #expect(stats.changed == 2)
        #expect(stats.counters.values == ["climate": 3, "sport": 1])
    }

    @Test func topicsFileLoadsAndMatches() throws {
        let yaml = "stages:\n  - terms: {file: topics.yaml, diacritic_insensitive: true}\n"
        let p = try PipelineFile.parse(yaml, path: TestPaths.root + "/Pipelines/x.yaml")
        let stage = try #require(p.stages.first as? TermsStage)
        #expect(stage.matcher.tags.contains("climate"))
        var batch = Batch(sequence: 0, records: [record("a", "Les élections et le changement climatique; la Copa del Mundo.")])
        var stats = StageStats()
        stage.process(&batch, stats: &stats)
        #expect(batch.records[0].tags == ["climate", "elections", "sport"])
    }

    @Test func lineListFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-terms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "# people\nAngela Merkel\n\nEmmanuel Macron\n".write(to: dir.appendingPathComponent("people.txt"), atomically: true, encoding: .utf8)
        let p = try PipelineFile.parse("stages:\n  - terms: {file: people.txt, case_insensitive: false}\n", path: dir.path + "/p.yaml")
        let stage = try #require(p.stages.first as? TermsStage)
        #expect(stage.matcher.tags == ["Angela Merkel", "Emmanuel Macron"])
        #expect(stage.fingerprint.hasPrefix("terms/1 source=people.txt lists="))
        #expect(stage.fingerprint.hasSuffix(" case_insensitive=false diacritic_insensitive=false"))
    }

    @Test func inlineLists() throws {
        let p = try PipelineFile.parse("stages:\n  - terms:\n      lists: {eu: [Brussels, European Commission], un: UN}\n")
        let stage = try #require(p.stages.first as? TermsStage)
        #expect(stage.matcher.tags == ["eu", "un"])
        #expect(stage.matcher.terms == ["Brussels", "European Commission", "UN"])
    }
}

@Suite struct FilterStageTests {
    static let words30 = Array(repeating: "word", count: 30).joined(separator: " ")

    @Test func dropsWithReasonsCounted() {
        let stage = FilterStage(languages: ["en", "de"], minLangScore: 0.5, minWords: 5, maxWords: 25, minChars: 10, maxChars: 140)
        var batch = Batch(sequence: 0, records: [
            record("fr", "Bonjour tout le monde, comment allez-vous?", lang: "fr", score: 0.99, line: 1),
            record("low", "Hello there my dear friends of old.", lang: "en", score: 0.3, line: 2),
            record("few", "Hi there friend.", lang: "en", score: 0.9, line: 3),
            record("many", Self.words30, lang: "en", score: 0.9, line: 4),
            record("ok", "Guten Morgen, liebe Freunde und Nachbarn.", lang: "de", score: 0.95, line: 5),
            record("none", "No language tagged here at all.", line: 6),
            record("short", "a b c d e", lang: "en", score: 0.9, line: 7),
            record("long", String(repeating: "abcdefghij ", count: 15), lang: "en", score: 0.9, line: 8),
        ])
        var stats = StageStats()
        stage.process(&batch, stats: &stats)
        #expect(batch.records.map(\.origin.line) == [5])
        #expect(batch.dropped.map(\.reason) == ["filter:language", "filter:lang_score", "filter:min_words", "filter:max_words",
                                                 "filter:language", "filter:min_chars", "filter:max_chars"])
        #expect(batch.dropped.map(\.detail) == ["lang fr not in en,de", "lang_score 0.3 < 0.5", "3 words < 5", "30 words > 25",
                                                 "lang und not in en,de (no language stage ran and the record has no lang field)",
                                                 "9 chars < 10", "165 chars > 140"])
        #expect(batch.dropped.allSatisfy { $0.record != nil })
        #expect(stats.records == 8)
        #expect(stats.changed == 7)
        #expect(stats.counters.values == ["language": 2, "lang_score": 1, "min_words": 1, "max_words": 1, "min_chars": 1, "max_chars": 1])
    }

    /// Without a language stage the input's own `lang` is compared (it dropped every record).
    @Test func filterReadsTheInputsLangWithoutALanguageStage() {
        var labelled = record("a", "Rain is expected on Tuesday.")
        labelled.inputLang = "en"
        var other = record("b", "Il pleuvra mardi.")
        other.inputLang = "fr"
        var batch = Batch(sequence: 0, records: [labelled, other])
        var stats = StageStats()
        FilterStage(languages: ["en"]).process(&batch, stats: &stats)
        #expect(batch.records.map(\.idJSON) == [Array("\"a\"".utf8)])
        #expect(batch.dropped.map(\.detail) == ["lang fr not in en"])
        // The language stage's answer, when there is one, is what counts.
        var relabelled = labelled
        relabelled.lang = "de"
        var second = Batch(sequence: 0, records: [relabelled])
        FilterStage(languages: ["en"]).process(&second, stats: &stats)
        #expect(second.records.isEmpty && second.dropped.map(\.detail) == ["lang de not in en"])
    }

    @Test func noOptionsKeepsEverything() {
        var batch = Batch(sequence: 0, records: [record("a", "")])
        var stats = StageStats()
        FilterStage().process(&batch, stats: &stats)
        #expect(batch.records.count == 1 && batch.dropped.isEmpty)
        #expect(FilterStage().fingerprint == "filter/2 languages=- min_lang_score=- min_words=- max_words=- min_chars=- max_chars=-")
    }

    @Test func readFromYAML() throws {
        let p = try PipelineFile.parse("stages:\n  - language\n  - filter: {languages: [en, de], min_lang_score: 0.8, min_words: 50, max_chars: 9000}\n")
        let f = try #require(p.stages.last as? FilterStage)
        #expect(f.languages == ["en", "de"])
        #expect(f.minLangScore == 0.8)
        #expect(f.minWords == 50)
        #expect(f.maxWords == nil)
        #expect(f.maxChars == 9000)
    }
}

@Suite struct TaggingOptionErrorTests {
    private func problems(_ yaml: String, path: String = "t.yaml") -> [String] {
        do {
            _ = try PipelineFile.parse(yaml, path: path)
            Issue.record("expected problems")
            return []
        } catch {
            return error.problems.map { "\($0.line):\($0.column): \($0.message)" }
        }
    }

    @Test func tagOptions() {
        #expect(problems("stages:\n  - tag: {patterns: lots}\n") == ["2:21: `tag.patterns` must be true or false"])
        #expect(problems("stages:\n  - tag: {span: true}\n") == ["2:11: unknown option 'span' in `tag` (known: counts, hashtags, patterns, pii, spans)"])
    }

    @Test func piiOptions() {
        #expect(problems("stages:\n  - pii: {mode: hide}\n") == ["2:17: `pii.mode` must be one of: tag, mask"])
        #expect(problems("stages:\n  - pii: {types: [email, ssn]}\n") == ["2:18: unknown PII type 'ssn' in `pii.types` (known: email, phone, ip)"])
    }

    @Test func termsOptions() {
        #expect(problems("stages:\n  - terms\n") == ["2:5: `terms` needs `file:` or `lists:` with at least one term"])
        #expect(problems("stages:\n  - terms: {file: nope.yaml}\n", path: "/nonexistent-dir/p.yaml").first?.hasPrefix("2:19: cannot read terms file '/nonexistent-dir/nope.yaml'") == true)
        #expect(problems("stages:\n  - terms: {lists: [a, b]}\n") == ["2:20: `terms.lists` must map tag names to lists of terms"])
        #expect(problems("stages:\n  - terms: {lists: {a: [x, [y]]}}\n") == ["2:28: `terms.lists.a` must be a list of strings"])
        #expect(problems("stages:\n  - terms: {lists: {a: x}, case_insensitive: 2}\n") == ["2:46: `terms.case_insensitive` must be true or false"])
    }

    @Test func filterOptions() {
        #expect(problems("stages:\n  - filter: {min_words: -1}\n") == ["2:25: `filter.min_words` must be an integer in 0…2147483647"])
        #expect(problems("stages:\n  - filter: {min_lang_score: 2}\n") == ["2:30: `filter.min_lang_score` must be a number in 0…1"])
        // Every score is 0 without a language stage: every record would go.
        #expect(problems("stages:\n  - filter: {min_lang_score: 0.5}\n")
                == ["2:5: `filter.min_lang_score` needs a `language` stage before the filter (without one every record's lang_score is 0 and would be dropped)"])
        #expect((try? PipelineFile.parse("stages:\n  - language\n  - filter: {min_lang_score: 0.5}\n")) != nil)
        #expect(problems("stages:\n  - filter: {languages: en}\n") == ["2:25: `filter.languages` must be a list of strings"])
        #expect(problems("stages:\n  - filter: {min_words: 10, max_words: 5}\n") == ["2:40: `filter.max_words` is below `filter.min_words`"])
        #expect(problems("stages:\n  - filter: {min_len: 5}\n") == ["2:14: unknown option 'min_len' in `filter` (known: languages, max_chars, max_words, min_chars, min_lang_score, min_words)"])
    }
}
