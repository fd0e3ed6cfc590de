// A deadline for the case `sluice-bench linear-child` is running (see Linear.swift): past it,
// the child reports the case as a hang and exits, so that one runaway case cannot stall the
// benchmark; the parent restarts the child at the next token.
import Foundation

final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var deadline: Double?
    private var report = ""

    init() {
        Thread.detachNewThread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.25)
                lock.lock()
                let expired = deadline.map { Self.now() > $0 } ?? false
                let line = report
                lock.unlock()
                if expired {
                    emit(line)
                    exit(3)
                }
            }
        }
    }

    func arm(seconds: Double, report: String) {
        lock.lock()
        deadline = Self.now() + seconds
        self.report = report
        lock.unlock()
    }

    func disarm() {
        lock.lock()
        deadline = nil
        lock.unlock()
    }

    private static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
