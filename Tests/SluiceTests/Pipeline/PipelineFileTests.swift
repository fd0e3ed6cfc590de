import Testing
@testable import Sluice

@Suite struct PipelineFileTests {
    private let newsPath = TestPaths.root + "/Pipelines/news.yaml"

    private func problems(_ yaml: String) -> [PipelineFile.Problem] {
        do {
            _ = try PipelineFile.parse(yaml, path: "t.yaml")
            Issue.record("expected problems")
            return []
        } catch {
            return error.problems
        }
    }

    private func problem(_ line: Int, _ column: Int, _ message: String) -> PipelineFile.Problem {
        PipelineFile.Problem(line: line, column: column, message: message)
    }

    /// Filter languages must be language codes, and after the language stage codes it gives
    /// (`[english, German]` once passed `validate` and dropped every record).
    @Test func filterLanguagesAreChecked() throws {
        let names = problems("stages:\n  - filter:\n      languages: [english, de]\n")
        #expect(names == [problem(3, 18, "`filter.languages`: 'english' is not a language code (write ISO 639 codes such as en, de, zh)")])
        let afterStage = problems("stages:\n  - language\n  - filter: {languages: [en, eng, zz]}\n")
        #expect(afterStage.map(\.line) == [3, 3])
        #expect(afterStage.first?.message.hasPrefix("`filter.languages`: the language stage never gives 'eng' (it gives ISO 639-1 codes") == true)
        #expect(afterStage.last?.message.hasPrefix("`filter.languages`: the language stage never gives 'zz'") == true)
        // Without a language stage any code-shaped value may match an input's own `lang`.
        _ = try PipelineFile.parse("stages:\n  - filter: {languages: [eng, pt-BR, zh-Hant, und]}\n")
        #expect(PipelineReader.looksLikeLanguageCode("pt-BR") && !PipelineReader.looksLikeLanguageCode("German")
                && !PipelineReader.looksLikeLanguageCode("e") && !PipelineReader.looksLikeLanguageCode("en-"))
    }

    /// A pipeline file saved with a UTF-8 byte order mark reads as without one.
    @Test func byteOrderMarkIsIgnored() throws {
        let p = try PipelineFile.parse("\u{FEFF}name: bom\nstages:\n  - clean\n", path: "bom.yaml")
        #expect(p.name == "bom")
        #expect(p.stages.map(\.name) == ["clean"])
    }

    @Test func newsFileParses() throws {
        let p = try PipelineFile.load(nameOrPath: newsPath)
        #expect(p.name == "news")
        #expect(p.stages.map(\.name) == ["dedup", "clean", "language", "split", "tag"])
        #expect(p.decode == DecodeOptions())
        #expect(p.sink == SinkOptions())
    }

    @Test func newsFileMatchesBuiltIn() throws {
        let file = try PipelineFile.load(nameOrPath: newsPath)
        #expect(file.fingerprint == Pipeline.news.fingerprint)
        #expect(try PipelineFile.load(nameOrPath: "news").fingerprint == Pipeline.news.fingerprint)
    }

    @Test func optionsAreRead() throws {
        let yaml = """
        name: custom
        decode: {text_field: body, text_fallbacks: [], id_field: uuid, text_layout: blank_line,
                 encoding: WINDOWS-1252, invalid_utf8: reject, batch_records: 10, batch_bytes: 4096}
        stages:
          - clean: {normalization: nfkc, max_blank_lines: 0, keep_raw_text: true}
          - split: {language: de, default_language: fr}
          - tag:
        sink: {format: text, compression_level: 19, write_dropped: false}
        """
        let p = try PipelineFile.parse(yaml)
        #expect(p.name == "custom")
        #expect(p.decode.textField == "body")
        #expect(p.decode.textFallbacks == [])
        #expect(p.decode.idField == "uuid")
        #expect(p.decode.textLayout == .blankLine)
        #expect(p.decode.encoding == "WINDOWS-1252")
        #expect(p.decode.invalidUTF8 == .reject)
        #expect(p.decode.batchRecords == 10)
        #expect(p.decode.batchBytes == 4096)
        #expect(p.stages.map(\.name) == ["clean", "split", "tag"])
        let clean = try #require(p.stages[0] as? CleanStage)
        #expect(clean.cleaner.options.normalization == .nfkc)
        #expect(clean.cleaner.options.maxBlankLines == 0)
        #expect(clean.keepRawText)
        let split = try #require(p.stages[1] as? SplitStage)
        #expect(split.language == "de")
        #expect(split.defaultLanguage == "fr")
        #expect(p.stages[2].fingerprint == "tag/2 hashtags=true counts=true patterns=true spans=false pii=true")
        #expect(p.sink.format == .text)
        #expect(p.sink.compressionLevel == 19)
        #expect(!p.sink.writeDropped)
    }

    @Test func unknownStage() {
        #expect(problems("stages:\n  - clean\n  - frobnicate\n") == [
            problem(3, 5, "unknown stage 'frobnicate' (known: extract, dedup, near_dedup, clean, language, split, tag, quality, pii, terms, filter)"),
        ])
        #expect(problems("stages:\n  - dedup: {keep: first}\n") == [
            problem(2, 13, "unknown option 'keep' in `dedup`"),
        ])
    }

    @Test func unknownOption() {
        #expect(problems("stages:\n  - split: {language: en, colour: red}\n") == [
            problem(2, 27, "unknown option 'colour' in `split` (known: default_language, language, output)"),
        ])
        #expect(problems("nme: x\nstages: [tag]\n") == [
            problem(1, 1, "unknown option 'nme' in `pipeline` (known: decode, name, sink, stages)"),
        ])
    }

    @Test func wrongType() {
        #expect(problems("decode:\n  batch_records: many\nstages: [clean]\n") == [
            problem(2, 18, "`decode.batch_records` must be an integer in 1…1000000"),
        ])
        #expect(problems("stages:\n  - clean: {trim_lines: maybe}\n") == [
            problem(2, 25, "`clean.trim_lines` must be true or false"),
        ])
        #expect(problems("decode: {text_field: [a, b]}\nstages: [clean]\n") == [
            problem(1, 22, "`decode.text_field` must be a string"),
        ])
        #expect(problems("stages: clean\n") == [problem(1, 9, "`stages` must be a list")])
        #expect(problems("sink: {compression_level: 20}\nstages: [clean]\n") == [
            problem(1, 27, "`sink.compression_level` must be an integer in 1…19"),
        ])
    }

    @Test func badEnumValue() {
        #expect(problems("decode:\n  text_layout: paragraphs\nstages: [clean]\n") == [
            problem(2, 16, "`decode.text_layout` must be one of: file, blank_line, line"),
        ])
        #expect(problems("sink:\n  format: parquet\nstages: [clean]\n") == [
            problem(2, 11, "`sink.format` must be one of: jsonl, text"),
        ])
    }

    @Test func unknownEncoding() {
        #expect(problems("decode:\n  encoding: NOPE-8\nstages: [clean]\n") == [
            problem(2, 13, "unknown encoding 'NOPE-8' (use `auto`, or a name from `iconv -l`)"),
        ])
    }

    @Test func invalidYAML() {
        let p = problems("stages: [clean\nname: x\n")
        #expect(p.count == 1)
        #expect(p.first?.message.hasPrefix("invalid YAML: ") == true)
        #expect(p.first.map { ($0.line, $0.column) } ?? (0, 0) == (2, 5))
    }

    @Test func problemsAreAllCollected() {
        let yaml = """
        decode:
          text_layout: paragraphs
          bogus: 1
        stages:
          - clean: {normalization: nfd}
          - frobnicate
        """
        let p = problems(yaml)
        #expect(p.map(\.line) == [2, 3, 5, 6])
        #expect(p.map(\.message) == [
            "`decode.text_layout` must be one of: file, blank_line, line",
            "unknown option 'bogus' in `decode` (known: batch_bytes, batch_records, encoding, html_field, id_field, invalid_utf8, text_fallbacks, text_field, text_layout)",
            "`clean.normalization` must be one of: none, nfc, nfkc",
            "unknown stage 'frobnicate' (known: extract, dedup, near_dedup, clean, language, split, tag, quality, pii, terms, filter)",
        ])
    }

    @Test func missingOrEmpty() {
        #expect(problems("name: x\n") == [problem(1, 1, "missing `stages:` list")])
        #expect(problems("") == [problem(0, 0, "empty pipeline file: expected a mapping with `stages:`")])
    }

    @Test func failureDescriptionHasPathLineAndColumn() {
        do {
            _ = try PipelineFile.parse("stages: [frob]\n", path: "p.yaml")
        } catch {
            #expect(error.description == "p.yaml:1:10: unknown stage 'frob' (known: extract, dedup, near_dedup, clean, language, split, tag, quality, pii, terms, filter)")
        }
    }

    @Test func missingFile() {
        do {
            _ = try PipelineFile.load(nameOrPath: "/nonexistent/pipeline.yaml")
            Issue.record("expected a failure")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems[0].message == "no such pipeline file, and no built-in pipeline of that name (built in: news); "
                    + "give the path of a pipeline file, such as Pipelines/news-neardup.yaml in the repository")
        }
    }

    /// A file that exists but cannot be read keeps the system's reason.
    @Test func unreadableFile() throws {
        do {
            _ = try PipelineFile.load(nameOrPath: "/")
            Issue.record("expected a failure")
        } catch {
            #expect(error.problems.count == 1)
            #expect(!error.problems[0].message.contains("no such pipeline file"))
        }
    }
}
