import Testing
@testable import Sluice

@Suite struct SplitStageTests {
    private func run(_ stage: SplitStage, _ texts: [(String, String?)]) -> [Record] {
        var batch = Batch(sequence: 0, records: texts.enumerated().map { i, t in
            var r = Record(idJSON: Array("\(i)".utf8), text: t.0, origin: Origin(file: "f", line: i + 1))
            r.inputLang = t.1
            return r
        })
        var stats = StageStats()
        stage.process(&batch, stats: &stats)
        return batch.records
    }

    @Test func languageChoice() {
        let text = "Er kam am 3. Oktober. Das war gut."
        // Input lang picks German rules; without it, English rules split after "3.".
        #expect(run(SplitStage(), [(text, "de")])[0].sentences == ["Er kam am 3. Oktober.", "Das war gut."])
        #expect(run(SplitStage(), [(text, nil)])[0].sentences.count == 3)
        // --lang / language: overrides the record.
        #expect(run(SplitStage(language: "de"), [(text, "en")])[0].sentences.count == 2)
        // Region codes and aliases.
        #expect(run(SplitStage(), [(text, "de-AT")])[0].sentences.count == 2)
        // Greek script without a tag: ";" is a question mark.
        #expect(run(SplitStage(), [("Πού πας; Στο σπίτι.", nil)])[0].sentences == ["Πού πας;", "Στο σπίτι."])
    }

    @Test func spansOutput() {
        let text = "Héllo wörld. 你好。再见！ 🎉 Done."
        let r = run(SplitStage(output: .spans), [(text, nil)])[0]
        #expect(r.sentenceSpans == [0..<12, 13..<16, 16..<19, 20..<27])
        #expect(!r.writesSentences)
        let scalars = Array(text.unicodeScalars)
        let pieces = r.sentenceSpans!.map { String(String.UnicodeScalarView(scalars[$0])) }
        #expect(pieces == ["Héllo wörld.", "你好。", "再见！", "🎉 Done."])
        var w = JSONWriter()
        RecordEncoder.append(r, as: .split, to: &w)
        #expect(w.bytes.utf8String == #"{"id":0,"sentence_spans":[[0,12],[13,16],[16,19],[20,27]]}"# + "\n")

        let both = run(SplitStage(output: .both), [(text, nil)])[0]
        #expect(both.sentences.count == 4 && both.sentenceSpans?.count == 4 && both.writesSentences)
        #expect(SplitStage(output: .both).fingerprint == "split/2 language=auto default_language=en output=both")
    }

    @Test func pipelineOption() throws {
        let p = try PipelineFile.parse("stages:\n  - split: {output: spans}\n")
        #expect(p.stages[0].fingerprint.hasSuffix("output=spans"))
        #expect(throws: (any Error).self) { try PipelineFile.parse("stages:\n  - split: {output: words}\n") }
    }
}
