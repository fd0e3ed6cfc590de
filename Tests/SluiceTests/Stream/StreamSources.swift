import Foundation
@testable import Sluice

/// An async sequence over fixed lines or texts.
struct AsyncLines: AsyncSequence, Sendable {
    let lines: [String]
    struct AsyncIterator: AsyncIteratorProtocol {
        var rest: ArraySlice<String>
        mutating func next() async -> String? { rest.popFirst() }
    }
    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(rest: lines[...]) }
}

/// An async sequence over fixed records.
struct AsyncRecords: AsyncSequence, Sendable {
    let records: [Record]
    struct AsyncIterator: AsyncIteratorProtocol {
        var rest: ArraySlice<Record>
        mutating func next() async -> Record? { rest.popFirst() }
    }
    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(rest: records[...]) }
}

/// What a source saw: records pulled, the most pulled ahead of the consumer, and when its
/// iterator was released.
final class SourceProbe: Sendable {
    private struct State {
        var pulled = 0
        var consumed = 0
        var maxAhead = 0
        var released = false
        var waiter: CheckedContinuation<Void, Never>?
    }
    private let state = Locked(State())

    var pulled: Int { state.withLock { $0.pulled } }
    var maxAhead: Int { state.withLock { $0.maxAhead } }

    func pull() -> Int {
        state.withLock { s in
            s.pulled += 1
            s.maxAhead = max(s.maxAhead, s.pulled - s.consumed)
            return s.pulled
        }
    }

    func consumed(_ n: Int) { state.withLock { $0.consumed = n } }

    func release() {
        let w = state.withLock { s -> CheckedContinuation<Void, Never>? in
            s.released = true
            defer { s.waiter = nil }
            return s.waiter
        }
        w?.resume()
    }

    /// Returns once the source's iterator is gone.
    func waitReleased() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let now = state.withLock { s -> Bool in
                if s.released { return true }
                s.waiter = c
                return false
            }
            if now { c.resume() }
        }
    }
}

/// Generates records, `limit` of them or without end, reporting to a ``SourceProbe``.
struct CountingRecords: AsyncSequence, Sendable {
    let probe: SourceProbe
    let limit: Int?

    /// A class, so that its release tells the probe the source is no longer iterated.
    final class AsyncIterator: AsyncIteratorProtocol {
        let probe: SourceProbe
        let limit: Int?
        var made = 0
        init(probe: SourceProbe, limit: Int?) {
            self.probe = probe
            self.limit = limit
        }
        func next() async -> Record? {
            if let limit, made >= limit { return nil }
            made = probe.pull()
            return Record(idJSON: Array("\"r\(made)\"".utf8), text: "Record number \(made) of the source.",
                          origin: Origin(file: "gen", line: made))
        }
        deinit { probe.release() }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(probe: probe, limit: limit) }
}

/// `good` JSONL lines, then an error.
struct FailingLines: AsyncSequence, Sendable {
    let good: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        let good: Int
        var i = 0
        mutating func next() async throws -> String? {
            i += 1
            guard i <= good else { throw SourceFailure() }
            return #"{"id":"l\#(i)","text":"Line \#(i) of the source."}"#
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(good: good) }
}

/// The error ``FailingLines`` throws.
struct SourceFailure: Error {}
