import Foundation

/// Notices a record that stays in one stage for longer than ``threshold`` seconds and says
/// which (file, line, id, stage) on stderr, once; the file's stats count it under `slow`.
/// Also keeps the progress display moving while workers are busy.
///
/// It runs on a thread of its own, not a task: a stage stuck in long synchronous work holds a
/// thread of the cooperative pool, and with every core's worker stuck no task would run.
public final class SlowRecordWatch: Sendable {
    /// Seconds a record may stay in one stage before it is reported.
    public let threshold: Double
    let reporter: ProgressReporter?
    private let state = Locked(State())
    private let interval: Double

    private struct Watched {
        let progress: StageProgress
        var stage: Int
        var record: Int?
        var since: Double
        var reported = false
    }

    private struct State {
        var watched: [ObjectIdentifier: Watched] = [:]
        var running = false
    }

    /// `threshold` 0 or less watches nothing (and ``start()`` starts no thread).
    public init(threshold: Double, reporter: ProgressReporter? = nil, interval: Double? = nil) {
        self.threshold = threshold
        self.reporter = reporter
        self.interval = interval ?? min(1.0, max(0.05, threshold / 4))
    }

    var enabled: Bool { threshold > 0 }

    /// Watches `progress` until ``unwatch(_:)``.
    func watch(_ progress: StageProgress) {
        guard enabled else { return }
        let now = Clock.now()
        let w = progress.location
        state.withLock { $0.watched[ObjectIdentifier(progress)] = Watched(progress: progress, stage: w.stage, record: w.record, since: now) }
    }

    func unwatch(_ progress: StageProgress) {
        guard enabled else { return }
        let done = state.withLock { $0.watched.removeValue(forKey: ObjectIdentifier(progress)) }
        if let done, done.reported { finished(done, now: Clock.now()) }
    }

    /// Starts the watching thread; ``stop()`` ends it.
    public func start() {
        guard enabled, state.withLock({ s in defer { s.running = true }; return !s.running }) else { return }
        let t = Thread { [self] in
            while state.withLock({ $0.running }) {
                Thread.sleep(forTimeInterval: interval)
                check(now: Clock.now())
                reporter?.tick()
            }
        }
        t.name = "sluice-watch"
        t.start()
    }

    /// Stops watching.
    public func stop() {
        state.withLock { $0.running = false }
    }

    /// One look at every watched batch: reports records past the threshold, and the end of
    /// the wait of those reported before. Returns the lines written (for tests).
    @discardableResult
    func check(now: Double) -> [String] {
        var lines: [String] = []
        var ended: [Watched] = []
        var slow: [Watched] = []
        state.withLock { s in
            for (key, var w) in s.watched {
                let at = w.progress.location
                if at.stage != w.stage || at.record != w.record {
                    if w.reported { ended.append(w) }
                    w = Watched(progress: w.progress, stage: at.stage, record: at.record, since: now)
                } else if !w.reported && now - w.since >= threshold {
                    w.reported = true
                    slow.append(w)
                }
                s.watched[key] = w
            }
        }
        for w in ended { lines.append(finished(w, now: now)) }
        for w in slow {
            let stage = w.progress.stageNames.indices.contains(w.stage) ? w.progress.stageNames[w.stage] : "?"
            w.progress.slow.withLock { $0.add(stage) }
            lines.append(emit("sluice: slow record: \(w.progress.describe(record: w.record)) has been in stage \(stage) for \(Int(now - w.since)) s; still working on it"))
        }
        return lines
    }

    @discardableResult
    private func finished(_ w: Watched, now: Double) -> String {
        let stage = w.progress.stageNames.indices.contains(w.stage) ? w.progress.stageNames[w.stage] : "?"
        return emit("sluice: slow record: \(w.progress.describe(record: w.record)) left stage \(stage) after \(Int(now - w.since)) s")
    }

    private func emit(_ line: String) -> String {
        reporter?.clearLine()
        try? FileSystem.writeAll(fd: 2, bytes: Array((line + "\n").utf8), path: "stderr")
        return line
    }
}
