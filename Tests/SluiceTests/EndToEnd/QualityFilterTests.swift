import Foundation
import Testing
@testable import Sluice

/// The quality stage: signals under attributes.quality, and the drop path.
@Suite struct QualityFilterTests {
    static let good = """
        The city council voted on Tuesday to expand the bus network across the northern districts of the region.
        Officials said the first new routes should open in early spring, with more planned for the following year.
        Residents who attended the public meeting in the old town hall welcomed the decision but asked about fares.
        A spokesperson for the transport authority told reporters that prices would stay the same until next winter.
        Critics of the plan argue that the money could have been spent on repairing roads and bridges instead.
        The mayor defended the project and promised a detailed report on costs before the summer recess.
        """

    static let gut = """
        Der Stadtrat hat am Dienstag beschlossen, das Busnetz in den nördlichen Bezirken der Region auszubauen.
        Die ersten neuen Linien sollen nach Angaben der Verwaltung im Frühjahr starten, weitere folgen im Jahr darauf.
        Die Bürgerinnen und Bürger, die zur Sitzung ins alte Rathaus gekommen waren, begrüßten die Entscheidung.
        Ein Sprecher der Verkehrsbetriebe sagte, die Preise für Fahrkarten würden bis zum nächsten Winter gleich bleiben.
        Kritiker meinen, das Geld wäre besser in die Reparatur von Straßen und Brücken investiert worden.
        Der Bürgermeister verteidigte das Projekt und versprach vor der Sommerpause einen Bericht über die Kosten.
        """

    @Test func stageDropsFailingRecordsWithReason() {
        var batch = Batch(sequence: 0, records: [
            Record(idJSON: Array(#""short""#.utf8), text: "Too short to keep.", origin: Origin(file: "a.jsonl", line: 1)),
            Record(idJSON: Array(#""good""#.utf8), text: Self.good, origin: Origin(file: "a.jsonl", line: 2)),
        ])
        var stats = StageStats()
        QualityStage(drop: [.gopherQuality]).process(&batch, stats: &stats)
        #expect(batch.records.map(\.origin.line) == [2])
        #expect(batch.dropped.count == 1)
        #expect(batch.dropped.first?.reason == "filter:gopher_quality")
        #expect(batch.dropped.first?.detail == "gopher_short_doc,gopher_enough_stop_words")
        // The record whole, as every stage drops (it was a JSON string under `raw`).
        #expect(batch.dropped.first?.record?.idJSON == Array(#""short""#.utf8))
        #expect(batch.dropped.first?.raw.isEmpty == true)
        #expect(stats.counters.values["gopher_quality:gopher_short_doc"] == 1)
        let kept = batch.records[0].attributes.first { $0.key == "quality" }?.value
        #expect(kept?["gopher_quality"]?["keep"] == .bool(true))
        #expect(kept?["c4"]?["keep"] == .bool(true))
        #expect(kept?["fineweb"]?["keep"] == .bool(true))
    }

    @Test func tagOnlyDropsNothing() {
        var batch = Batch(sequence: 0, records: [Record(idJSON: Array(#""x""#.utf8), text: "Short.", origin: Origin(file: "a", line: 1))])
        var stats = StageStats()
        QualityStage().process(&batch, stats: &stats)
        #expect(batch.records.count == 1 && batch.dropped.isEmpty)
        let q = batch.records[0].attributes.first { $0.key == "quality" }?.value
        #expect(q?["gopher_quality"]?["reasons"] == .array([.string("gopher_short_doc"), .string("gopher_below_alpha_threshold"),
                                                             .string("gopher_enough_stop_words")]))
        #expect(q?["gopher_quality"]?["words"] == .int(2))
    }

    @Test func pipelineFileReadsQualityOptions() throws {
        let p = try PipelineFile.parse("stages:\n  - quality:\n      filters: [c4]\n      drop: [fineweb]\n      fineweb: {line_punct_thr: 0.5}\n")
        let stage = try #require(p.stages.first as? QualityStage)
        #expect(stage.filters == [.c4, .fineweb])
        #expect(stage.drop == [.fineweb])
        #expect(stage.thresholds.fineweb.linePunctThr == 0.5)
        #expect(throws: PipelineFile.Failure.self) { try PipelineFile.parse("stages:\n  - quality:\n      drop: [nope]\n") }
        #expect(throws: PipelineFile.Failure.self) { try PipelineFile.parse("stages:\n  - quality:\n      c4: {nope: 1}\n") }
    }

    @Test func filteredPipelineDropsToRejectedAndCountsInStats() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("in.jsonl")
        let lines = [["id": "bad", "text": "Home\nNews\nContact"], ["id": "good", "text": Self.good], ["id": "gut", "text": Self.gut]]
        try E2E.write(lines.map { String(decoding: try! JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }.joined(separator: "\n") + "\n", to: input)
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", input.path, "-o", out.path, "-p", E2E.root.appendingPathComponent("Pipelines/filtered.yaml").path,
                                      "--progress", "none"])
        #expect(r.status == 0, "stderr: \(r.err)")
        // German is kept: its stop words are German ones (English ones dropped it).
        #expect(try E2E.lines(out.appendingPathComponent("in.jsonl.zst")).map { try E2E.json($0)["id"] as? String } == ["good", "gut"])
        let rejected = try E2E.lines(out.appendingPathComponent("_rejected/in.jsonl.zst")).map(E2E.json)
        // Three words: the filter stage drops it before the quality stage sees it.
        #expect(rejected.map { $0["reason"] as? String } == ["filter:min_words"])
        let file = try #require(try E2E.events(out.appendingPathComponent("stats.jsonl")).first)
        #expect(file["dropped"] as? [String: Int] == ["filter:min_words": 1])
        #expect(file["records_out"] as? Int == 2)
    }
}
