import Foundation
import Testing
@testable import Sluice

/// The streaming API (issue 18): same outputs as a file run, input order, bounded read-ahead,
/// cancellation.
@Suite struct PipelineStreamTests {
    /// A pipeline that keeps, drops (dedup, filter) and rejects, in small batches so that
    /// the inputs span many of them.
    static var pipeline: Pipeline {
        var p = Pipeline(name: "stream-test") {
            Dedup()
            Clean()
            Filter(minWords: 4)
            Split(language: "en")
            Tag()
        }
        p.decode.batchRecords = 7
        return p
    }

    /// 120 lines: repeated texts (the short one too: dedup drops its repeats before the filter),
    /// short ones, broken JSON, a record without text, blank lines.
    static let lines: [String] = (0..<120).map { i in
        switch i % 12 {
        case 3: return #"{"id":"d\#(i)","text":"broken line without its closing quote}"#
        case 5: return ""
        case 7: return #"{"id":"d\#(i)","text":"Too short."}"#
        case 9: return #"{"id":"d\#(i)","title":"no text here"}"#
        case 11: return #"{"id":"d\#(i)","text":"The same report comes back again and again, word for word."}"#
        default: return #"{"id":"d\#(i)","text":"Report \#(i): the council met on Tuesday. It voted for the #budget by \#(i % 5) votes."}"#
        }
    }

    static func collect(_ stream: PipelineStream) async throws -> [ProcessedRecord] {
        var out: [ProcessedRecord] = []
        for try await r in stream { out.append(r) }
        return out
    }

    @Test func sameOutputsAsAFileRun() async throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("in.jsonl")
        try E2E.write(Self.lines.joined(separator: "\n") + "\n", to: input)
        let out = tmp.appendingPathComponent("out")
        let engine = Engine(pipeline: Self.pipeline, inputs: [input.path], output: .directory(out.path), jobs: 2, progress: .none)
        _ = try await engine.run()
        let fileKept = try E2E.decompress(out.appendingPathComponent("in.jsonl.zst").path)
        let fileRejected = try E2E.decompress(out.appendingPathComponent("_rejected/in.jsonl.zst").path)

        let source = AsyncLines(lines: Self.lines)
        let results = try await Self.collect(Self.pipeline.process(jsonLines: source, jobs: 2, name: "in.jsonl"))
        let kept = results.filter { $0.record != nil }.flatMap(\.jsonLine)
        #expect(kept.count > 0)
        #expect(Data(kept) == fileKept)

        // The file writes each batch's rejected inputs before its dropped ones; the stream
        // yields them in input order: compare line for line, in input order.
        let rejectedLines = results.filter { $0.rejection != nil }.map { Data($0.jsonLine.dropLast()) }
        let fileLines = fileRejected.split(separator: 0x0A).map { Data($0) }
        func line(_ d: Data) -> Int {
            let o = (try? JSONSerialization.jsonObject(with: d)) as? [String: Any]
            return (o?["origin"] as? [String: Any])?["line"] as? Int ?? -1
        }
        #expect(rejectedLines == fileLines.sorted { line($0) < line($1) })
        #expect(Dictionary(grouping: results.compactMap(\.rejection), by: \.reason).mapValues(\.count)
                == ["invalid_json": 10, "no_text": 10, "filter:min_words": 1, "duplicate": 18])
    }

    @Test func inputOrderWhateverTheJobs() async throws {
        let one = try await Self.collect(Self.pipeline.process(jsonLines: AsyncLines(lines: Self.lines), jobs: 1))
        let four = try await Self.collect(Self.pipeline.process(jsonLines: AsyncLines(lines: Self.lines), jobs: 4))
        // 120 lines less 10 blank ones, each once, by position.
        #expect(one.map(\.origin.line) == (1...120).filter { $0 % 12 != 6 })
        #expect(four.map(\.jsonLine) == one.map(\.jsonLine))
    }

    @Test func textsAndRecords() async throws {
        let p = Pipeline(name: "t") { Split(language: "en") }
        let texts = try await Self.collect(p.process(texts: AsyncLines(lines: ["One. Two.", "Three."]), name: "t.txt"))
        #expect(texts.map { $0.record?.sentences ?? [] } == [["One.", "Two."], ["Three."]])
        #expect(texts.map { String(decoding: $0.record?.idJSON ?? [], as: UTF8.self) } == [#""t.txt:1""#, #""t.txt:2""#])

        let records = (1...3).map { Record(idJSON: Array("\($0)".utf8), text: "A \($0). B.", origin: Origin(file: "mine", line: 10 * $0)) }
        let out = try await Self.collect(p.process(records: AsyncRecords(records: records)))
        #expect(out.map { $0.record?.sentences ?? [] } == [["A 1.", "B."], ["A 2.", "B."], ["A 3.", "B."]])
        #expect(out.map(\.origin.line) == [10, 20, 30])
        #expect(out.map(\.origin.order) == [1, 2, 3])
    }

    /// However slowly the consumer takes records, the source is never read more than the
    /// batches in flight and the one being consumed ahead of it.
    @Test func slowConsumerBoundsReadAhead() async throws {
        var p = Pipeline(name: "b") { Clean() }
        p.decode.batchRecords = 10
        let probe = SourceProbe()
        let stream = p.process(records: CountingRecords(probe: probe, limit: 2_000), jobs: 2)
        var n = 0
        for try await r in stream {
            n += 1
            #expect(r.origin.order == n)
            probe.consumed(n)
            // A slow consumer: the producer gets every chance to run ahead.
            for _ in 0..<3 { await Task.yield() }
        }
        #expect(n == 2_000)
        #expect(probe.maxAhead <= (stream.inFlight + 1) * 10)
    }

    /// Cancelling the consuming task stops the work: the source iterator is released.
    @Test(.timeLimit(.minutes(1))) func cancellingTheConsumerStopsTheSource() async throws {
        let probe = SourceProbe()
        let p = Pipeline(name: "c") { Clean() }
        let (reached, signal) = AsyncStream.makeStream(of: Void.self)
        let consumer = Task {
            var n = 0
            for try await _ in p.process(records: CountingRecords(probe: probe, limit: nil), jobs: 2) {
                n += 1
                if n == 600 { signal.yield() }
            }
            return n
        }
        for await _ in reached { break }
        consumer.cancel()
        let result = await consumer.result
        // Either the loop saw the cancellation as an error or the stream ended early.
        if case .success(let n) = result { #expect(n < 1_000_000) }
        await probe.waitReleased()
        #expect(probe.pulled >= 600)
    }

    /// Leaving the loop early releases the source too.
    @Test(.timeLimit(.minutes(1))) func breakingOutReleasesTheSource() async throws {
        let probe = SourceProbe()
        let p = Pipeline(name: "c") { Clean() }
        for try await r in p.process(records: CountingRecords(probe: probe, limit: nil), jobs: 2) where r.origin.order == 100 {
            break
        }
        await probe.waitReleased()
        #expect(probe.pulled >= 100)
    }

    /// A source error ends the stream: the records read before it come first, then the error.
    @Test func sourceErrorComesAfterTheRecordsBeforeIt() async throws {
        var p = Pipeline(name: "e") { Clean() }
        p.decode.batchRecords = 4
        var seen: [Int] = []
        await #expect(throws: SourceFailure.self) {
            for try await r in p.process(jsonLines: FailingLines(good: 10), jobs: 2) { seen.append(r.origin.line) }
        }
        #expect(seen == Array(1...10))
    }
}
