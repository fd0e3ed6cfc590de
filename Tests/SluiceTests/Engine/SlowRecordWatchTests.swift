import Foundation
import Testing
@testable import Sluice

/// The slow-record watch, driven with explicit times (``SlowRecordWatch/check(now:)``), and
/// once end to end through `sluice run`.
@Suite struct SlowRecordWatchTests {
    static func batch() -> Batch {
        var b = Batch(sequence: 0)
        for line in [3, 4, 9] {
            b.records.append(Record(idJSON: Array("\"r\(line)\"".utf8), text: "x", origin: Origin(file: "a/b.jsonl", line: line)))
        }
        return b
    }

    @Test func reportsOnceWithFileLineIdAndStageThenTheEnd() {
        let watch = SlowRecordWatch(threshold: 30)
        let p = StageProgress(file: "a/b.jsonl", stageNames: ["clean", "language"], batch: Self.batch())
        p.enter(stage: 1, batch: Self.batch())
        p.at(record: 1)
        watch.watch(p)
        let t0 = Clock.now()
        #expect(watch.check(now: t0 + 29).isEmpty)
        #expect(watch.check(now: t0 + 31) == [#"sluice: slow record: a/b.jsonl line 4 (id "r4") has been in stage language for 31 s; still working on it"#])
        #expect(watch.check(now: t0 + 90).isEmpty, "reported once")
        p.at(record: 2)
        #expect(watch.check(now: t0 + 95) == [#"sluice: slow record: a/b.jsonl line 4 (id "r4") left stage language after 95 s"#])
        #expect(p.slow.withLock { $0 }.values == ["language": 1])
        watch.unwatch(p)
        #expect(watch.check(now: t0 + 500).isEmpty)
    }

    @Test func aStageThatDoesNotSayItsRecordGetsTheBatchReported() {
        let watch = SlowRecordWatch(threshold: 1)
        let p = StageProgress(file: "f.txt", stageNames: ["custom"], batch: Self.batch())
        p.enter(stage: 0, batch: Self.batch())
        watch.watch(p)
        let t0 = Clock.now()
        #expect(watch.check(now: t0 + 2) == ["sluice: slow record: f.txt lines 3–9 (one of 3 records) has been in stage custom for 2 s; still working on it"])
    }

    @Test func recordsDroppedByAnEarlierStageAreNotNamed() {
        let p = StageProgress(file: "f.jsonl", stageNames: ["filter", "clean"], batch: Self.batch())
        var after = Self.batch()
        after.records.remove(at: 0)
        p.enter(stage: 1, batch: after)
        p.at(record: 0)
        #expect(p.describe(record: p.location.record) == #"f.jsonl line 4 (id "r4")"#)
    }

    @Test func zeroThresholdWatchesNothing() {
        let watch = SlowRecordWatch(threshold: 0)
        let p = StageProgress(file: "f", stageNames: ["clean"], batch: Self.batch())
        watch.watch(p)
        #expect(watch.check(now: Clock.now() + 1e6).isEmpty)
    }

    /// A record far larger than the others keeps the stages busy past a small threshold: the
    /// run names it, counts it under `slow` in its file event, and completes. The threshold,
    /// 0.1 s, is a tenth of the big record's time in `split` and far above the small one's, so
    /// that a loaded machine's pauses do not name the small one too (at 0.01 s they did once).
    @Test func endToEnd() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let big = String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 100_000)
        let lines = #"{"id":"small","text":"Short text here."}"# + "\n" + #"{"id":"big","text":""# + big + #""}"# + "\n"
        try Data(lines.utf8).write(to: input.appendingPathComponent("a.jsonl"))
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", input.path, "-o", out.path, "--progress", "none", "--slow-record-seconds", "0.1"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains(#"sluice: slow record: a.jsonl line 2 (id "big") has been in stage "#), "\(r.err)")
        #expect(!r.err.contains(#"(id "small")"#))
        let stats = try String(contentsOf: out.appendingPathComponent("stats.jsonl"), encoding: .utf8)
        #expect(stats.contains(#""slow":{"#), "\(stats)")
    }
}
