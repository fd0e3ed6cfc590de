#if canImport(Glibc)
import Glibc
#endif

/// Live progress on stderr: files, records/s, MB/s and an ETA from compressed bytes read.
public final class ProgressReporter: Sendable {
    /// How progress is shown.
    public enum Mode: String, Sendable, CaseIterable {
        /// A bar when stderr is a terminal, otherwise nothing until the summary.
        case auto
        /// Files, records/s, MB/s and an ETA on one line redrawn on stderr.
        case bar
        /// One line every few seconds, for logs.
        case plain
        /// Nothing but the summary at the end.
        case none
    }

    private struct State {
        var filesDone = 0
        var filesTotal = 0
        var records = 0
        var rawBytes = 0
        var decompressed = 0
        var totalBytes = 0
        var lastDraw = 0.0
        var drewBar = false
    }

    private let state = Locked(State())
    private let started = Clock.now()
    /// How progress is shown.
    public let mode: Mode

    /// A reporter in `mode`.
    public init(mode: Mode) {
        if mode == .auto {
            self.mode = isatty(2) == 1 ? .bar : .none
        } else {
            self.mode = mode
        }
    }

    func begin(files: Int, totalBytes: Int) {
        state.withLock { $0.filesTotal = files; $0.totalBytes = totalBytes }
    }

    func advance(records: Int, rawBytes: Int, decompressed: Int) {
        state.withLock { s in
            s.records += records
            s.rawBytes += rawBytes
            s.decompressed += decompressed
        }
        drawIfDue()
    }

    func fileDone() {
        state.withLock { $0.filesDone += 1 }
        drawIfDue()
    }

    private func drawIfDue() {
        guard mode == .bar || mode == .plain else { return }
        let now = Clock.now()
        let line: String? = state.withLock { s in
            let interval = mode == .bar ? 0.2 : 5.0
            guard now - s.lastDraw >= interval else { return nil }
            s.lastDraw = now
            s.drewBar = mode == .bar
            return render(s, now: now)
        }
        if let line { emit(line) }
    }

    private func render(_ s: State, now: Double) -> String {
        let elapsed = max(now - started, 0.001)
        let mbps = Double(s.decompressed) / elapsed / 1e6
        let rps = Double(s.records) / elapsed
        let fraction = s.totalBytes > 0 ? min(1, Double(s.rawBytes) / Double(s.totalBytes)) : 0
        let eta = fraction > 0.001 ? elapsed * (1 - fraction) / fraction : 0
        var text = "files \(s.filesDone)/\(s.filesTotal)  \(Int(rps)) rec/s  \(Format.fixed(mbps, 1)) MB/s  ETA \(Format.duration(eta))"
        if mode == .bar {
            let width = 24
            let filled = Int(fraction * Double(width))
            text = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
                + "\(Int(fraction * 100))%  " + text
        }
        return text
    }

    private func emit(_ line: String) {
        let out = mode == .bar ? "\r\u{1B}[K" + line : line + "\n"
        try? FileSystem.writeAll(fd: 2, bytes: Array(out.utf8), path: "stderr")
    }

    /// Redraws when due, also while no batch completes (called by the ``SlowRecordWatch``).
    func tick() { drawIfDue() }

    /// Clears the bar so that another line can be written to stderr; the next draw restores it.
    func clearLine() {
        let drew = state.withLock { s in defer { s.drewBar = false; s.lastDraw = 0 }; return s.drewBar }
        if drew { try? FileSystem.writeAll(fd: 2, bytes: Array("\r\u{1B}[K".utf8), path: "stderr") }
    }

    /// Clears the bar so the summary line starts clean.
    func finish() {
        let drew = state.withLock { $0.drewBar }
        if drew { try? FileSystem.writeAll(fd: 2, bytes: Array("\r\u{1B}[K".utf8), path: "stderr") }
    }
}

/// Number formatting for human output, without Foundation.
public enum Format {
    /// `v` with `digits` decimals.
    public static func fixed(_ v: Double, _ digits: Int) -> String {
        guard v.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (abs(v) * scale).rounded()
        let whole = Int(r / scale)
        let frac = Int(r) - whole * Int(scale)
        let sign = v < 0 && r != 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(whole)" }
        let f = String(frac)
        return "\(sign)\(whole).\(String(repeating: "0", count: digits - f.count))\(f)"
    }

    /// `s` seconds for people: `42s`, `3m05s`, `2h10m`.
    public static func duration(_ s: Double) -> String {
        let t = Int(s.rounded())
        return t >= 3600 ? "\(t / 3600)h\(pad(t / 60 % 60))m" : t >= 60 ? "\(t / 60)m\(pad(t % 60))s" : "\(t)s"
    }

    private static func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// A byte count in B, kB, MB or GB.
    public static func bytes(_ n: Int) -> String {
        let v = Double(n)
        if v >= 1e9 { return fixed(v / 1e9, 2) + " GB" }
        if v >= 1e6 { return fixed(v / 1e6, 1) + " MB" }
        if v >= 1e3 { return fixed(v / 1e3, 1) + " kB" }
        return "\(n) B"
    }
}
