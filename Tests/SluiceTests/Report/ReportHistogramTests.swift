import Testing
@testable import Sluice

/// The compact histograms added to `file` events for the report.
@Suite struct ReportHistogramTests {
    @Test func logBuckets() {
        #expect([0, 1, 2, 3, 4, 7, 8, 1000, 1023, 1024].map(Histogram.logBucket) == [0, 1, 2, 2, 3, 3, 4, 10, 10, 11])
        #expect((0...5).map(Histogram.logBucketStart) == [0, 1, 2, 4, 8, 16])
        #expect(Histogram.logBucket(-3) == 0)
    }

    @Test func ratioBuckets() {
        #expect([0, 0.05, 0.1, 0.55, 0.99, 1.0, 1.7, -1, .nan].map(Histogram.ratioBucket) == [0, 0, 1, 5, 9, 9, 9, 0, 0])
    }

    @Test func addMergeAndTrim() {
        var a = Histogram()
        a.add(bucket: 3)
        a.add(bucket: 0, 2)
        #expect(a.counts == [2, 0, 0, 1])
        var b = Histogram(counts: [1, 1, 0, 0])
        #expect(b.counts == [1, 1])
        b.merge(a)
        #expect(b.counts == [3, 1, 0, 1])
        #expect(b.total == 5)
        a.add(bucket: -1)
        #expect(a.counts == [2, 0, 0, 1])
    }

    @Test func jsonRoundTripAndBadInput() throws {
        let h = Histogram(counts: [0, 4, 2])
        #expect(h.json().serialized() == "[0,4,2]")
        #expect(Histogram(json: h.json()) == h)
        #expect(Histogram(json: try JSONValue.parse("[1,-2]")) == nil)
        #expect(Histogram(json: try JSONValue.parse(#"{"a":1}"#)) == nil)
        #expect(Histogram(json: nil) == nil)
    }

    /// The new fields are written only when non-empty, read back, and the event lists only
    /// the top tags while a checkpoint keeps them all.
    @Test func fileEventFields() throws {
        var f = FileStats(file: "a.jsonl")
        #expect(f.json().serialized().contains("hist") == false)
        f.wordsHistogram = Histogram(counts: [0, 1, 0, 2])
        f.sentencesHistogram = Histogram(counts: [1])
        f.qualityHistograms["fineweb.line_punct_ratio"] = Histogram(counts: [0, 0, 3])
        for i in 0..<25 { f.tags.add("t\(i)", 100 - i) }
        let event = f.json()
        #expect(event["words_hist"]?.serialized() == "[0,1,0,2]")
        #expect(event["sentences_hist"]?.serialized() == "[1]")
        #expect(event["quality_hist"]?.serialized() == #"{"fineweb.line_punct_ratio":[0,0,3]}"#)
        guard case .object(let top)? = event["top_tags"] else { Issue.record("no top_tags"); return }
        #expect(top.count == FileStats.topTagsInEvent)
        #expect(top.first?.key == "t0" && top.last?.key == "t19")
        let back = try #require(FileStats(json: event))
        #expect(back.wordsHistogram == f.wordsHistogram && back.qualityHistograms == f.qualityHistograms)
        #expect(back.tags.values.count == 20)
        let full = try #require(FileStats(json: f.json(topTags: nil)))
        #expect(full == f)
    }
}
