import Testing
@testable import Sluice

/// Reading stats files into the report's snapshot, and the sample choice, without a run.
@Suite struct ReportSnapshotTests {
    static let file = #"{"event":"file","file":"a.jsonl","status":"done","records_in":3,"records_out":2,"rejected":{"invalid_json":1},"dropped":{},"words_hist":[0,2],"top_tags":{"x":2}}"#
    static let stage = #"{"event":"stage","stage":"clean","records":2,"changed":1,"counters":{"html_entities":4},"seconds":0.5}"#
    static let run = #"{"event":"run","status":"completed","files":1,"records_in":3,"records_out":2,"bytes_decompressed":2000000,"seconds":2.0,"resumed":false,"pipeline":"news"}"#

    static func snapshot(_ text: String, name: String = "stats.jsonl") -> RunSnapshot {
        var s = RunSnapshot(empty: "out")
        var seen = Set<String>()
        s.addStats(Array(text.utf8), name: name, seen: &seen)
        return s
    }

    @Test func finishedRun() {
        let s = Self.snapshot([Self.file, Self.stage, Self.run].joined(separator: "\n") + "\n")
        #expect(s.isComplete)
        #expect(s.badLines == [])
        #expect(s.eventsRead == 3)
        #expect(s.files.map(\.status) == ["done"])
        #expect(s.summary.total.wordsHistogram.counts == [0, 2])
        #expect(s.summary.total.tags["x"] == 2)
        #expect(s.runs == [RunSnapshot.RunEvent(status: "completed", shard: nil, pipeline: "news", files: 1, recordsIn: 3, recordsOut: 2,
                                                 bytesDecompressed: 2_000_000, seconds: 2, resumed: false)])
        #expect(s.runs[0].megabytesPerSecond == 1)
        #expect(s.pipelineName == "news")
    }

    @Test func tornAndUnfinished() {
        let s = Self.snapshot(Self.file + "\n\n" + #"{"event":"stage","stage":"#, name: "stats.shard-1-of-4.jsonl")
        #expect(s.badLines == [RunSnapshot.BadLine(file: "stats.shard-1-of-4.jsonl", line: 3)])
        #expect(s.incomplete == ["stats.shard-1-of-4.jsonl has no run event yet: the run is still going, or was killed"])
        #expect(s.files.map(\.shard) == ["1/4"])
    }

    @Test func interruptedRun() {
        let s = Self.snapshot(Self.file + "\n" + Self.run.replacingOccurrences(of: "completed", with: "interrupted"))
        #expect(s.incomplete == ["the run was interrupted; running the same command again finishes it"])
    }

    /// The time any invocation ran: overlapping shards count once, shards one after another
    /// add up, the time between them is not counted; unknown without every start.
    @Test func runningSecondsIsTheUnionOfInvocations() {
        func run(_ started: Double?, _ seconds: Double) -> RunSnapshot.RunEvent {
            RunSnapshot.RunEvent(status: "completed", shard: nil, pipeline: "p", files: 1, recordsIn: 1, recordsOut: 1,
                                 bytesDecompressed: 1, seconds: seconds, resumed: false, started: started)
        }
        var s = RunSnapshot(empty: "out")
        #expect(s.runningSeconds == nil)
        s.runs = [run(100, 10), run(105, 10)]
        #expect(s.runningSeconds == 15)
        s.runs = [run(200, 5), run(100, 10), run(110, 4), run(300, 1)]
        #expect(s.runningSeconds == 20)
        s.runs = [run(100, 10), run(102, 3)]
        #expect(s.runningSeconds == 10)
        s.runs = [run(100, 10), run(nil, 3)]
        #expect(s.runningSeconds == nil)
    }

    @Test func evenlySpacedIsDeterministicAndSpread() {
        #expect(ReportSamples.evenlySpaced(Array(0..<10), 3) == [0, 3, 6])
        #expect(ReportSamples.evenlySpaced(Array(0..<3), 5) == [0, 1, 2])
        #expect(ReportSamples.evenlySpaced(Array(0..<1000), 4) == [0, 250, 500, 750])
        #expect(ReportSamples.evenlySpaced([Int](), 4) == [])
    }

    @Test func chartsEscapeLabelsAndCountBars() {
        let bars = [SVGChart.Bar(label: "<b>&x", value: 3, display: "3"), SVGChart.Bar(label: "z", value: 0, display: "0")]
        let svg = SVGChart.bars(id: "c", title: "t\"", bars)
        #expect(svg.contains(#"data-bars="2""#))
        #expect(svg.components(separatedBy: #"<rect class="bar""#).count - 1 == 2)
        #expect(svg.contains("<title>&lt;b&gt;&amp;x: 3</title>") && !svg.contains("<b>"))
        #expect(svg.contains(#"aria-label="t&quot;""#))
        let hist = SVGChart.histogram(id: "h", title: "h", xLabel: "words", bars)
        #expect(hist.components(separatedBy: #"<rect class="bar""#).count - 1 == 2)
    }

    /// Tick labels of a histogram never overlap: 24 bars of 27.3 px with labels of up to 11
    /// characters (76 px) get every third labelled, whole.
    @Test func histogramTicksDoNotOverlap() throws {
        // As the report labels log buckets: 0, 1, then 2–3, 4–7, …, 8192–16.4k, …
        let labels = (0..<24).map { b in
            b <= 1 ? "\(b)" : "\(SVGChart.compact(Double(1 << (b - 1))))–\(SVGChart.compact(Double((1 << b) - 1)))"
        }
        let svg = SVGChart.histogram(id: "h", title: "h", xLabel: "words",
                                     labels.map { SVGChart.Bar(label: $0, value: 1, display: "1") })
        let ticks = svg.components(separatedBy: #"<text class="tick" x=""#).dropFirst(3)
        let xs = try ticks.map { try #require(Double($0.prefix { $0 != "\"" })) }
        #expect(xs.count == 8)
        #expect(zip(xs, xs.dropFirst()).allSatisfy { $1 - $0 >= SVGChart.tickWidth("16.4k–32.8k") })
        #expect(svg.contains(">1.0M–2.1M</text>"))
        #expect(!svg.contains("…") && svg.contains(">131k–262k</text>"))
        let short = SVGChart.histogram(id: "s", title: "s", xLabel: "x", (0..<8).map { SVGChart.Bar(label: "\($0)", value: 1, display: "1") })
        #expect(short.components(separatedBy: #"<text class="tick""#).count - 1 == 2 + 8)
    }
}
