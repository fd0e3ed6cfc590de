// `sluice-bench stream FILE.jsonl --mode file|stream|slow [--jobs N] [--pipeline news]
//                     [--repeat-input K] [--slow-us U]`
//
// The streaming API against a file run of the same input (issue 18), one mode a process so
// that each peak RSS is its own:
// - file: `Engine` over FILE into a temporary directory (decode, stages, zstd, writes);
// - stream: `Pipeline.process(jsonLines:)` over FILE's lines, held in memory (a source as fast
//   as can be), each result encoded as its JSONL line (`ProcessedRecord.jsonLine`);
// - slow: the same lines K times over from a generator, consumed `U` µs a record: peak RSS
//   stays flat as K grows when the stream holds back the source.
import Foundation
import Sluice

/// Carries the async run's outcome back to the synchronous `main`.
private final class Outcome: @unchecked Sendable {
    var result: Result<String, any Error> = .success("")
}

/// The lines of a file, `times` times over, produced as they are asked for.
struct RepeatedLines: AsyncSequence, Sendable {
    let lines: [String]
    let times: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        let lines: [String]
        let total: Int
        var i = 0
        mutating func next() async -> String? {
            guard i < total else { return nil }
            defer { i += 1 }
            return lines[i % lines.count]
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(lines: lines, total: lines.count * times) }
}

/// Peak resident set of this process, in MB.
func peakRSSMB() -> Double {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_maxrss) / 1024
}

func runStreamBench(path: String, named: [String: String]) throws {
    let mode = named["mode"] ?? "stream"
    let jobs = Int(named["jobs"] ?? "") ?? Engine.defaultJobs
    let pipeline = try PipelineFile.load(nameOrPath: named["pipeline"] ?? "news")
    let times = Int(named["repeat-input"] ?? "1") ?? 1
    let slowMicros = UInt32(named["slow-us"] ?? "100") ?? 100
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    Task {
        do {
            outcome.result = .success(try await streamBench(mode: mode, path: path, pipeline: pipeline, jobs: jobs,
                                                            times: times, slowMicros: slowMicros))
        } catch {
            outcome.result = .failure(error)
        }
        done.signal()
    }
    done.wait()
    print(try outcome.result.get())
}

private func streamBench(mode: String, path: String, pipeline: Pipeline, jobs: Int, times: Int,
                         slowMicros: UInt32) async throws -> String {
    let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    let mb = Double(bytes) / 1e6
    let t0 = Date()
    switch mode {
    case "file":
        let out = NSTemporaryDirectory() + "sluice-stream-bench-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let report = try await Engine(pipeline: pipeline, inputs: [path], output: .directory(out), jobs: jobs,
                                      progress: .none).run()
        let s = Date().timeIntervalSince(t0)
        return "file: \(report.recordsOut) records out, \(fmt(s)) s, \(fmt(mb / s)) MB/s, peak RSS \(fmt(peakRSSMB())) MB"
    case "stream", "slow":
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let source = RepeatedLines(lines: lines.last == "" ? Array(lines.dropLast()) : lines, times: mode == "slow" ? times : 1)
        let loaded = peakRSSMB()
        let t1 = Date()
        var kept = 0, other = 0, outBytes = 0
        for try await r in pipeline.process(jsonLines: source, jobs: jobs, name: (path as NSString).lastPathComponent) {
            outBytes += r.jsonLine.count
            if r.record != nil { kept += 1 } else { other += 1 }
            if mode == "slow" { usleep(slowMicros) }
        }
        let s = Date().timeIntervalSince(t1)
        let input = mb * Double(mode == "slow" ? times : 1)
        return "\(mode): \(kept) kept, \(other) dropped/rejected, \(outBytes) bytes of JSONL, \(fmt(s)) s, \(fmt(input / s)) MB/s, "
            + "peak RSS \(fmt(peakRSSMB())) MB (\(fmt(loaded)) MB with the input lines loaded)"
    default:
        usage()
    }
}
