import Foundation
import Testing

/// `sluice run -p Pipelines/filtered.yaml`: language and length filters, PII masking before
/// the split, topic tags, drops counted per reason and written to `_rejected/`.
@Suite struct FilterPipelineTests {
    static let good = QualityFilterTests.good
        + "\nReporters can contact press@city.example.org or call +44 20 7946 0958 about the climate change plan."
    static let russian = String(repeating: "Городской совет во вторник проголосовал за расширение автобусной сети в северных районах. ", count: 4)

    @Test func filteredPipelineEndToEnd() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("in.jsonl")
        let lines = [["id": "good", "text": Self.good], ["id": "ru", "text": Self.russian],
                     ["id": "short", "text": "The council met on Tuesday and voted."]]
        try E2E.write(lines.map { String(decoding: try! JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }.joined(separator: "\n") + "\n", to: input)
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", input.path, "-o", out.path, "-p", E2E.root.appendingPathComponent("Pipelines/filtered.yaml").path,
                                      "--progress", "none"])
        #expect(r.status == 0, "stderr: \(r.err)")
        let kept = try E2E.lines(out.appendingPathComponent("in.jsonl.zst")).map(E2E.json)
        #expect(kept.map { $0["id"] as? String } == ["good"])
        let record = try #require(kept.first)
        let text = try #require(record["text"] as? String)
        #expect(text.hasSuffix("Reporters can contact <EMAIL> or call <PHONE> about the climate change plan."))
        #expect((record["sentences"] as? [String])?.last == "Reporters can contact <EMAIL> or call <PHONE> about the climate change plan.")
        #expect(record["tags"] as? [String] == ["climate"])
        let attributes = try #require(record["attributes"] as? [String: Any])
        #expect(attributes["terms"] as? [String: Int] == ["climate": 1])
        // What the pii stage masked (the tag stage finds none left).
        #expect(attributes["pii"] as? [String: Int] == ["emails": 1, "phones": 1])

        let rejected = try E2E.lines(out.appendingPathComponent("_rejected/in.jsonl.zst")).map(E2E.json)
        #expect(rejected.map { $0["reason"] as? String } == ["filter:language", "filter:min_words"])
        #expect(rejected.map { $0["detail"] as? String } == ["lang ru not in en,de,fr,es,it", "7 words < 20"])

        let events = try E2E.events(out.appendingPathComponent("stats.jsonl"))
        let file = try #require(events.first { $0["event"] as? String == "file" })
        #expect(file["dropped"] as? [String: Int] == ["filter:language": 1, "filter:min_words": 1])
        #expect(file["records_out"] as? Int == 1)
        let stages = events.filter { $0["event"] as? String == "stage" }
        let filter = try #require(stages.first { $0["stage"] as? String == "filter" })
        #expect(filter["counters"] as? [String: Int] == ["language": 1, "min_words": 1])
        let pii = try #require(stages.first { $0["stage"] as? String == "pii" })
        #expect(pii["counters"] as? [String: Int] == ["emails_masked": 1, "phones_masked": 1])
        let terms = try #require(stages.first { $0["stage"] as? String == "terms" })
        #expect(terms["counters"] as? [String: Int] == ["climate": 1])
    }
}
