/// Hands values one at a time from a stream's producing task to its consumer: ``send(_:)``
/// returns only once the consumer has taken the value (or the hand-off is cancelled), so the
/// producer never gets more than one value ahead. That wait is the stream's back-pressure.
///
/// One producer and one consumer. Cancelling either side (``cancel()``) wakes both: a waiting
/// ``send(_:)`` returns, a waiting ``next()`` returns nil.
final class StreamHandoff<Element: Sendable>: Sendable {
    private struct State {
        /// Offered by the producer, not yet taken.
        var offered: Element?
        var producer: CheckedContinuation<Void, Never>?
        var consumer: CheckedContinuation<Element?, any Error>?
        /// Set by ``finish(throwing:)``: nil error for a normal end.
        var ended: (any Error)??
        var cancelled = false
    }

    private let state = Locked(State())

    /// What ``next()`` found: a value (and the producer to wake), the end, or nothing yet.
    private enum Taken {
        case value(Element, CheckedContinuation<Void, Never>?)
        case end((any Error)?)
        case wait
    }

    /// Offers `value` and waits until the consumer takes it, or until cancellation.
    func send(_ value: Element) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let consumer = state.withLock { s -> CheckedContinuation<Element?, any Error>?? in
                    if s.cancelled || s.ended != nil { return .some(nil) }
                    if let waiting = s.consumer {
                        s.consumer = nil
                        return .some(waiting)
                    }
                    s.offered = value
                    s.producer = c
                    return .none
                }
                switch consumer {
                case .none:
                    break  // Resumed by the consumer's next() or by cancel().
                case .some(nil):
                    c.resume()
                case .some(let waiting?):
                    waiting.resume(returning: value)
                    c.resume()
                }
            }
        } onCancel: {
            cancel()
        }
    }

    /// Ends the stream after the values already taken: `error` is thrown to the consumer, or
    /// nil is returned when there is none.
    func finish(throwing error: (any Error)? = nil) {
        let waiting = state.withLock { s -> CheckedContinuation<Element?, any Error>? in
            guard s.ended == nil else { return nil }
            s.ended = .some(error)
            defer { s.consumer = nil }
            return s.consumer
        }
        if let error { waiting?.resume(throwing: error) } else { waiting?.resume(returning: nil) }
    }

    /// The next value, nil at the end or after cancellation; throws the producer's error.
    func next() async throws -> Element? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<Element?, any Error>) in
                let outcome = state.withLock { s -> Taken in
                    if let v = s.offered {
                        s.offered = nil
                        defer { s.producer = nil }
                        return .value(v, s.producer)
                    }
                    if s.cancelled { return .end(nil) }
                    if let ended = s.ended {
                        // The error is thrown once; later calls end quietly.
                        s.ended = .some(nil)
                        return .end(ended)
                    }
                    s.consumer = c
                    return .wait
                }
                switch outcome {
                case .value(let v, let producer):
                    c.resume(returning: v)
                    producer?.resume()
                case .end(let error?):
                    c.resume(throwing: error)
                case .end(nil):
                    c.resume(returning: nil)
                case .wait:
                    break  // Resumed by send(_:), finish(throwing:) or cancel().
                }
            }
        } onCancel: {
            cancel()
        }
    }

    /// Wakes both sides for good: a waiting send returns, a waiting next returns nil.
    func cancel() {
        let (producer, consumer) = state.withLock { s in
            s.cancelled = true
            s.offered = nil
            defer { s.producer = nil; s.consumer = nil }
            return (s.producer, s.consumer)
        }
        producer?.resume()
        consumer?.resume(returning: nil)
    }
}
