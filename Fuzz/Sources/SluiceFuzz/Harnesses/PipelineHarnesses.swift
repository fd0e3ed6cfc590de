@testable import Sluice

extension Harness {
    /// The stages of the default and filtering pipelines that work record by record, and the
    /// optional ones (PII, quality signals and filters, terms), in pipeline order.
    nonisolated(unsafe) static var stages: [any Stage] = []

    /// A pipeline file on arbitrary text: a pipeline or an error with a line, never a crash.
    static let pipelineYAML = Harness(name: "pipeline-yaml") { input in
        do {
            let p = try PipelineFile.parse(input.text, path: "/nonexistent/fuzz.yaml")
            _ = p.fingerprint
        } catch {
            _ = "\(error)"
        }
    }

    /// One JSONL line through the decoder, every record stage and the encoder: whatever the
    /// line, each record is kept, dropped or rejected, and every output line is a JSON object.
    static let pipelineRecord = Harness(name: "pipeline-record", setUp: {
        stages = [CleanStage(options: allSteps, keepRawText: true), LanguageStage(),
                  FilterStage(languages: ["en", "de"], minLangScore: 0.5, minWords: 3, maxWords: 1000),
                  PIIStage(), SplitStage(output: .both), TagStage(spans: true),
                  QualityStage(), TermsStage(lists: [("t", ["New York", "élection", "北京", "a"])])]
    }) { input in
        let (choice, rest) = input.split()
        let line = firstLine(rest)
        guard let decoder = try? RecordDecoder(options: decodeOptions(choice), file: "f.jsonl") else { return }
        var batch = Batch(sequence: 0)
        switch decoder.decodeJSONLine(line, lineNumber: 1) {
        case .record(let r): batch.records = [r]
        case .rejected(let r): checkOutcome(.rejected(r)); return
        case .blank: return
        }
        let active = choice & 0x80 != 0 ? stages : stages.filter { !($0 is FilterStage) }
        for stage in active {
            var stats = StageStats()
            stage.process(&batch, stats: &stats)
        }
        Harness.require(batch.records.count + batch.dropped.count == 1, "a record vanished or was duplicated")
        for r in batch.records {
            checkRecord(r)
            for format in [RecordFormat.clean, .split, .tag] {
                var w = JSONWriter()
                RecordEncoder.append(r, as: format, to: &w)
                requireJSONLines(w.bytes)
            }
        }
        for d in batch.dropped {
            var w = JSONWriter()
            RecordEncoder.appendRejected(d, to: &w)
            requireJSONLines(w.bytes)
        }
    }
}
