import Foundation
import Testing
@testable import Sluice
import SluiceText

/// The clean stage's options in the pipeline file, the user boilerplate file, the fingerprint
/// and `sluice clean --diff`'s line diff.
@Suite struct CleanOptionsTests {
    @Test func readsEveryOption() throws {
        let p = try PipelineFile.parse("""
            stages:
              - clean:
                  mojibake: false
                  html_entities: false
                  html_tags: false
                  boilerplate: false
                  punctuation: false
                  french_spacing: false
            """)
        let c = try #require(p.stages.first as? CleanStage)
        let o = c.cleaner.options
        #expect(!o.repairMojibake && !o.htmlEntities && !o.htmlTags && !o.removeBoilerplate && !o.fixPunctuation && !o.frenchSpacing)
        #expect(c.fingerprint.contains("mojibake=false"))
        #expect(c.fingerprint != CleanStage().fingerprint)
    }

    /// A record with no text left after cleaning is dropped (`clean:empty`) with its text as it
    /// came in, not kept as an empty document; `drop_empty: false` keeps it.
    @Test func recordsCleanedToNothingAreDropped() throws {
        func batch() -> Batch {
            Batch(sequence: 0, records: ["\u{A0}\u{3000}\u{200B}", "Rain is expected on Tuesday.", "Share this article", ""].enumerated().map { i, t in
                Record(idJSON: Array("\"r\(i)\"".utf8), text: t, origin: Origin(file: "a.txt", line: i + 1))
            })
        }
        var b = batch()
        var stats = StageStats()
        CleanStage().process(&b, stats: &stats)
        #expect(b.records.map(\.text) == ["Rain is expected on Tuesday."])
        #expect(b.dropped.map(\.reason) == ["clean:empty", "clean:empty", "clean:empty"])
        #expect(b.dropped.map { $0.record?.text } == ["\u{A0}\u{3000}\u{200B}", "Share this article", ""])
        #expect(b.dropped.map { $0.record?.origin.line } == [1, 3, 4])
        #expect(stats.counters.values["empty_dropped"] == 3)
        var kept = batch()
        CleanStage(dropEmpty: false).process(&kept, stats: &stats)
        #expect(kept.records.map(\.text) == ["", "Rain is expected on Tuesday.", "", ""])
        #expect(kept.dropped.isEmpty)
        let p = try PipelineFile.parse("stages:\n  - clean: {drop_empty: false}\n")
        #expect((p.stages.first as? CleanStage)?.dropEmpty == false)
        #expect(CleanStage().fingerprint.contains("drop_empty=true"))
    }

    @Test func boilerplateFileRelativeToPipeline() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-bp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "# ours\nDownload our app*\n\nZum Newsletter von Beispiel\n".write(to: dir.appendingPathComponent("bp.txt"), atomically: true, encoding: .utf8)
        let yaml = "stages:\n  - clean:\n      boilerplate_file: bp.txt\n"
        let path = dir.appendingPathComponent("p.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let p = try PipelineFile.load(nameOrPath: path)
        let c = try #require(p.stages.first as? CleanStage)
        #expect(c.cleaner.options.boilerplatePatterns == ["Download our app*", "Zum Newsletter von Beispiel"])
        #expect(c.fingerprint.contains("boilerplate_patterns=2:"))
        let r = c.cleaner.clean("Text.\nDownload our app today\nShare this article")
        #expect(r.text == "Text.")
    }

    @Test func missingBoilerplateFileIsAProblem() {
        #expect(throws: PipelineFile.Failure.self) {
            _ = try PipelineFile.parse("stages:\n  - clean:\n      boilerplate_file: /nonexistent/bp.txt\n")
        }
    }

    @Test func lineDiff() {
        let a = ["same", "old one", "kept", "gone"].map { Substring($0) }
        let b = ["same", "new one", "kept"].map { Substring($0) }
        let d = CleanDiff.diff(a, b).map { String(UnicodeScalar($0.0)) + $0.1 }
        #expect(d == ["-old one", "+new one", "-gone"])
    }

    @Test func diffOutputOnlyForChangedRecords() {
        var r = Record(idJSON: Array("\"x\"".utf8), text: "a, b", origin: Origin(file: "f", line: 1))
        var out: [UInt8] = []
        CleanDiff.append(r, to: &out)
        #expect(out.isEmpty)
        r.rawText = "a , b"
        CleanDiff.append(r, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "@@ \"x\" @@\n-a , b\n+a, b\n")
        // Controls a cleaning removed are shown, not sent to the terminal.
        r.rawText = "a\u{0}\u{1B}[2J\u{85}, b\tc"
        r.text = "a[2J, b\tc"
        out = []
        CleanDiff.append(r, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "@@ \"x\" @@\n-a\\u{0}\\u{1B}[2J\\u{85}, b\tc\n+a[2J, b\tc\n")
    }

    /// Problems of pipeline files that a user writes by mistake, said plainly.
    @Test func pipelineFileMistakes() throws {
        func problems(_ yaml: String) -> [String] {
            do {
                _ = try PipelineFile.parse(yaml, path: "p.yaml")
                return []
            } catch {
                return error.description.split(separator: "\n").map(String.init)
            }
        }
        #expect(problems("name: a\nname: b\nstages:\n  - clean\n")
                == ["p.yaml:2:1: invalid YAML: key 'name' given again (first at line 1); give each key once"])
        #expect(problems("stages:\n  - clean:\n      normalization: nfc\n      trim_lines: true\n      \"normalization\" : nfkc\n")
                == ["p.yaml:5:7: invalid YAML: key 'normalization' given again (first at line 3); give each key once"])
        #expect(problems("stages:\n  - clean: ~\n  - split: null\n").isEmpty)
        #expect(problems("stages:\n  - split: {language: klingon, default_language: english}\n")
                == ["p.yaml:2:23: `split.language`: 'klingon' is neither auto nor a language code (write ISO 639 codes such as en, de, zh)",
                    "p.yaml:2:50: `split.default_language`: 'english' is not a language code (write ISO 639 codes such as en, de, zh)"])
        #expect(PipelineFile.Failure(path: "p.yaml", problems: [.init(line: 0, column: 0, message: "cannot open")]).description
                == "p.yaml: cannot open")
    }
}
