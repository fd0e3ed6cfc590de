// sluice-bench linear: every text algorithm runs in linear time on adversarial text (issue 12,
// point 4).
//
//     swift build -c release --product sluice-bench
//     .build/release/sluice-bench linear [--only clean,split-en,…] [--tokens 0,5,…] [--mb 1]
//
// For each algorithm (LinearCases.algorithms) and each adversarial token (LinearCases.tokens),
// the algorithm runs on a text of `--mb` MB (default 1) and 4× that of long runs of the token.
// The table shows the best thread CPU time at each size (runs batched to 10 ms samples, the
// two sizes alternating so that both see the same machine load, at least 3 samples each) and
// their ratio, flagged SUPERLINEAR above 4.5 (linear is 4). Cases under 2 ms at the large size
// are shown but not judged: there cache effects (the small text fits in L2, the large one does
// not) outweigh the algorithm. A flagged case under 1.5 s at the large size is measured once
// more at 16× the small size: a 4×→16× ratio within 4.5 says the jump was the cache or the
// machine, not the algorithm ("not confirmed"). Cases over 5 s at the large size are measured
// once. The worst ratio closes the table.
//
// Each algorithm runs in a child process (`linear-child`) with a watchdog: a first run over
// 10 s at the small size skips the large one (SLOW); a run past 20 s (small size) or 20× the
// small time (large size) stops the case (HANG) and the child restarts at the next token.
// Exit status 1 when a case is flagged.
import Foundation
import Sluice
import SluiceText

/// Runs every case through child processes and prints the table.
func runLinear(_ named: [String: String]) throws {
    let algorithms = named["only"].map { Set($0.split(separator: ",").map(String.init)) }
    let chosen = LinearCases.algorithms.filter { algorithms?.contains($0.name) ?? true }
    if let algorithms, chosen.count != algorithms.count {
        throw BenchError("unknown algorithm; known: \(LinearCases.algorithms.map(\.name).joined(separator: " "))")
    }
    let tokens = named["tokens"].map { $0.split(separator: ",").compactMap { Int($0) } } ?? Array(LinearCases.tokens.indices)
    let small = Int((Double(named["mb"] ?? "1") ?? 1) * 1_000_000)
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    func label(_ bytes: Int) -> String { "ms@" + (bytes % 1_000_000 == 0 ? "\(bytes / 1_000_000)" : "\(Double(bytes) / 1e6)") + "MB" }
    emit("algorithm".padding(12) + "token".padding(20) + label(small).leftPadding(11) + label(4 * small).leftPadding(11)
          + "ratio".leftPadding(8))
    var table = LinearTable()
    for algorithm in chosen {
        var pending = tokens
        while !pending.isEmpty {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: exe)
            p.arguments = ["linear-child", algorithm.name, pending.map(String.init).joined(separator: ","), String(small)]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            var buffer = Data()
            var done = Set<Int>()
            while true {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let nl = buffer.firstIndex(of: 0x0A) {
                    let line = String(decoding: buffer[buffer.startIndex..<nl], as: UTF8.self)
                    buffer.removeSubrange(buffer.startIndex...nl)
                    if let index = table.add(algorithm: algorithm.name, childLine: line) { done.insert(index) }
                }
            }
            p.waitUntilExit()
            let rest = pending.filter { !done.contains($0) }
            if rest.count == pending.count {
                throw BenchError("linear-child \(algorithm.name) exited \(p.terminationStatus) without a result")
            }
            pending = rest
        }
    }
    table.finish()
}

/// The rows as the children report them, the flagged ones and the worst ratio.
struct LinearTable {
    /// Below this at the large size a ratio is not judged (see the file's comment).
    static let fastMs = 2.0
    var flagged: [String] = []
    var worst: (ratio: Double, row: String) = (0, "")
    var worstConfirmed: (ratio: Double, row: String) = (0, "")

    /// Prints the row of one child line — "INDEX ms1 ms4 [ms16]", "INDEX SLOW ms1" or
    /// "INDEX HANG ms1|>limit [>limit]" — and returns its token index.
    mutating func add(algorithm: String, childLine line: String) -> Int? {
        let f = line.split(separator: " ").map(String.init)
        guard f.count >= 2, let index = Int(f[0]), LinearCases.tokens.indices.contains(index) else { return nil }
        let row = algorithm.padding(12) + LinearCases.tokens[index].name.padding(20)
        func cell(_ k: Int) -> String { k < f.count ? (Double(f[k]).map { fmt($0, 2) } ?? f[k]) : "-" }
        if f[1] == "SLOW" || f[1] == "HANG" {
            let text = row + cell(2).leftPadding(11) + cell(3).leftPadding(11) + "-".leftPadding(8) + "  "
                + (f[1] == "HANG" ? "SUPERLINEAR/HANG (stopped)" : "SUPERLINEAR/SLOW (large size skipped)")
            emit(text)
            flagged.append(text)
            worstConfirmed = (.infinity, text)
            return index
        }
        let ms1 = Double(f[1]) ?? .nan, ms4 = Double(f.count > 2 ? f[2] : "") ?? .nan
        let ratio = ms4 / max(ms1, 1e-6)
        var text = row + cell(1).leftPadding(11) + cell(2).leftPadding(11) + fmt(ratio, 2).leftPadding(8)
        if ms4 < Self.fastMs {
            text += "  (fast: not judged)"
        } else {
            if ratio > 4.5 {
                text += "  SUPERLINEAR"
                if f.count > 3 {
                    let again = (Double(f[3]) ?? .nan) / ms4
                    text += again <= 4.5 ? " (not confirmed: 16×/4× \(fmt(again, 2)))" : " (confirmed: 16×/4× \(fmt(again, 2)))"
                    if again > 4.5, ratio > worstConfirmed.ratio { worstConfirmed = (ratio, text) }
                } else if ms4 >= 1_500 {
                    // Too slow to check at 16×: a ratio far past noise counts as confirmed.
                    text += " (not checked at 16×: too slow)"
                    if ratio > 8, ratio > worstConfirmed.ratio { worstConfirmed = (ratio, text) }
                }
                flagged.append(text)
            }
            if ratio > worst.ratio { worst = (ratio, text) }
        }
        emit(text)
        return index
    }

    func finish() {
        func name(_ row: String) -> String { row.split(separator: " ").prefix(2).joined(separator: " ") }
        emit("worst ratio: " + (worst.row.isEmpty ? "-" : fmt(worst.ratio, 2) + " (" + name(worst.row) + ")"))
        emit("worst confirmed: " + (worstConfirmed.row.isEmpty ? "none" : (worstConfirmed.ratio.isFinite ? fmt(worstConfirmed.ratio, 2) : "hang")
            + " (" + name(worstConfirmed.row) + ")"))
        if flagged.isEmpty {
            emit("no superlinear case")
        } else {
            emit("\(flagged.count) flagged:")
            for f in flagged { emit("  " + f) }
            exit(1)
        }
    }
}

/// The child: times `algorithm` on each token in `tokens` (indices) at `small` and 4× bytes
/// (and 16× for a ratio over 4.5), printing a line per token as soon as it is done.
func runLinearChild(algorithm name: String, tokens: [Int], small: Int) {
    guard let algorithm = LinearCases.algorithms.first(where: { $0.name == name }) else {
        FileHandle.standardError.write(Data("unknown algorithm \(name)\n".utf8))
        exit(2)
    }
    let watchdog = Watchdog()
    var sink = 0
    for index in tokens {
        let token = LinearCases.tokens[index]
        let runSmall = algorithm.prepare(token.make(small))
        // The first run decides whether the case is worth repeating (and the large size).
        watchdog.arm(seconds: 20, report: "\(index) HANG >20000")
        let first = cpuMilliseconds { sink &+= runSmall() }
        if first > 10_000 {
            watchdog.disarm()
            emit("\(index) SLOW \(first)")
            continue
        }
        let runLarge = algorithm.prepare(token.make(4 * small))
        // Linear is 4× the small time: 20× is far past any noise.
        let limit = max(5000, 20 * first)
        watchdog.arm(seconds: limit / 1000, report: "\(index) HANG \(first) >\(Int(limit))")
        let firstLarge = cpuMilliseconds { sink &+= runLarge() }
        // Slow cases are measured once: a repeat would not change the verdict, only the wait.
        var (best1, best4) = (first, firstLarge)
        if firstLarge < 5_000 {
            watchdog.arm(seconds: 20 * (3 * firstLarge + 200) / 1000, report: "\(index) HANG \(first) \(firstLarge)")
            (best1, best4) = alternatingBest(first, firstLarge, { sink &+= runSmall() }, { sink &+= runLarge() })
        }
        var line = "\(index) \(best1) \(best4)"
        // The check at 16× only where it takes seconds, not minutes.
        if best4 / best1 > 4.5 && best4 >= LinearTable.fastMs && best4 < 1_500 {
            let runHuge = algorithm.prepare(token.make(16 * small))
            watchdog.arm(seconds: max(5, 20 * 3 * best4 / 1000), report: "\(index) HANG \(best1) \(best4)")
            let firstHuge = cpuMilliseconds { sink &+= runHuge() }
            line += " \(min(firstHuge, alternatingBest(firstHuge, firstHuge, { sink &+= runHuge() }, {}).0))"
        }
        watchdog.disarm()
        emit(line)
    }
    if sink == 42 { print("") }
}

/// The best time of one run of `a` and of `b`, whose first runs took `firstA` and `firstB`
/// ms: each is batched into samples of at least 10 ms (a sub-millisecond time alone is mostly
/// noise), the two alternate, at least 3 samples each, more while the total stays under 0.4 s
/// (up to 30 each).
private func alternatingBest(_ firstA: Double, _ firstB: Double, _ a: () -> Void, _ b: () -> Void) -> (Double, Double) {
    func batch(_ first: Double) -> Int { min(10_000, max(1, Int((10 / max(first, 0.000_1)).rounded(.up)))) }
    let batchA = batch(firstA), batchB = batch(firstB)
    var bestA = batchA == 1 ? firstA : .infinity, bestB = batchB == 1 ? firstB : .infinity
    var total = firstA + firstB, samples = 0
    while samples < 3 || (total < 400 && samples < 30) {
        let ta = cpuMilliseconds { for _ in 0..<batchA { a() } }
        let tb = cpuMilliseconds { for _ in 0..<batchB { b() } }
        bestA = min(bestA, ta / Double(batchA))
        bestB = min(bestB, tb / Double(batchB))
        total += ta + tb
        samples += 1
    }
    return (bestA, bestB)
}

/// This thread's CPU time for `body`, in milliseconds: on a shared machine it is steadier than
/// wall time.
private func cpuMilliseconds(_ body: () -> Void) -> Double {
    let t0 = threadCPUSeconds()
    body()
    return (threadCPUSeconds() - t0) * 1e3
}

/// One line to stdout, unbuffered: the child's to the parent (the watchdog may exit right
/// after), the parent's to whoever waits for the table.
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

extension String {
    fileprivate func padding(_ n: Int) -> String {
        count >= n ? self + " " : padding(toLength: n, withPad: " ", startingAt: 0)
    }
    fileprivate func leftPadding(_ n: Int) -> String {
        count >= n ? " " + self : String(repeating: " ", count: n - count) + self
    }
}
