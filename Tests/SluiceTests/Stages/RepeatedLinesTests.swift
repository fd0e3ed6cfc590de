import Testing
@testable import Sluice

@Suite struct RepeatedLinesTests {
    static let footer = "All rights reserved. Harbour Media Group 2024."

    static func lines(_ texts: [String], minChars: Int = 20, minDocuments: Int = 3) -> RepeatedLines {
        var keys: [UInt64] = []
        for t in texts { RepeatedLines.keys(of: t, minChars: minChars, into: &keys) }
        var o = RepeatedLines.Options()
        o.minChars = minChars
        o.minDocuments = minDocuments
        return RepeatedLines(options: o, keys: keys)
    }

    @Test func linesInEnoughDocumentsAreRemoved() {
        let texts = [
            "First story about the port.\n" + Self.footer,
            "Second story, other words.\n" + Self.footer.uppercased() + "\n" + Self.footer,
            "Third one.\n  all rights  reserved. harbour media group 2024.  ",
            "Only two documents share this long line.\nshort",
            "Only two documents share this long line.\nshort",
        ]
        let r = Self.lines(texts)
        // The footer is in 3 documents (counted once in the second, spacing and case ignored);
        // the other long line in 2, the short line is too short to count.
        #expect(r.count == 1)
        #expect(r.strip(texts[0]) == ("First story about the port.", 1))
        #expect(r.strip(texts[1]) == ("Second story, other words.", 2))
        #expect(r.strip(texts[3]).removed == 0)
        #expect(r.strip(Self.footer) == ("", 1))
        #expect(Self.lines(texts, minDocuments: 4).count == 0)
        #expect(Self.lines(texts, minChars: 100).count == 0)
    }

    @Test func stageCountsPerDocumentAndDropsEmptied() {
        var options = NearDedupOptions()
        options.lineDedup = RepeatedLines.Options()
        var stage = NearDedupStage(options: options)
        var o = RepeatedLines.Options()
        o.minChars = 20
        o.minDocuments = 2
        var keys: [UInt64] = []
        for t in ["a\n" + Self.footer, "b\n" + Self.footer] { RepeatedLines.keys(of: t, minChars: 20, into: &keys) }
        stage.lines = RepeatedLines(options: o, keys: keys)
        var batch = Batch(sequence: 0)
        for (i, t) in ["Kept words.\n" + Self.footer, Self.footer, "Untouched."].enumerated() {
            batch.records.append(Record(idJSON: Array("\"r\(i)\"".utf8), text: t, origin: Origin(file: "f", line: i + 1)))
        }
        var stats = StageStats()
        stage.process(&batch, stats: &stats)
        #expect(batch.records.map(\.text) == ["Kept words.", "Untouched."])
        #expect(batch.records[0].attributes.first?.key == "line_dedup")
        #expect(batch.records[0].attributes.first?.value == .object([(key: "lines_removed", value: .int(1))]))
        #expect(batch.records[1].attributes.isEmpty)
        #expect(batch.dropped.map(\.reason) == ["empty_after_line_dedup"])
        #expect(stats.counters["lines_removed"] == 2 && stats.counters["empty_after_line_dedup"] == 1)
        #expect(stage.fingerprint == "near_dedup/2 shingle=5 bands=20 rows=6 threshold=0.8 check_bins=1024 line_dedup=30/10")
    }
}
