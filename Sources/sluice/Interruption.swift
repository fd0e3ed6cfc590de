import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT/SIGTERM into task cancellation: the first signal cancels the work, which
/// closes its outputs and returns; a second signal, or work still running after a grace
/// period, exits at once with status 130.
enum Interruption {
    static let grace = 1.7

    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        // Past a file-size limit, write(2) must fail with EFBIG (reported, resumable) rather
        // than the signal killing the process mid-write.
        signal(SIGXFSZ, SIG_IGN)
        let (signals, continuation) = AsyncStream<Int32>.makeStream()
        let queue = DispatchQueue(label: "sluice.signals")
        let count = Atomic<Int>(0)
        let sources = [SIGINT, SIGTERM].map { sig in
            let s = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            s.setEventHandler {
                let seen = count.add(1, ordering: .relaxed).newValue
                if seen >= 2 { _exit(130) }
                queue.asyncAfter(deadline: .now() + grace) { _exit(130) }
                continuation.yield(sig)
            }
            s.resume()
            return s
        }
        defer {
            for s in sources { s.cancel() }
            continuation.finish()
        }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                for await _ in signals { return nil }
                return nil
            }
            // Whichever child finishes first: work done, or a signal (then cancel the work
            // and wait for it to close its outputs).
            var result: T?
            while let next = try await group.next() {
                if let value = next {
                    result = value
                    group.cancelAll()
                } else if result == nil {
                    group.cancelAll()
                }
            }
            guard let result else { throw CancellationError() }
            return result
        }
    }
}
