/// The processed records of a stream, in input order: what `Pipeline.process(records:)`,
/// `process(jsonLines:)` and `process(texts:)` return.
///
/// Nothing happens until iteration starts. Then one task reads the source, cuts it into
/// batches as a file run does (`decode.batch_records`, `decode.batch_bytes`) and runs them
/// through the stages as child tasks of a task group, in parallel, with at most
/// ``inFlight`` batches started and not yet consumed. When the consumer is slower, that task
/// stops reading the source until the consumer catches up, so memory stays bounded whatever the
/// source's speed.
///
/// Cancelling the consuming task, or dropping the iterator (leaving a `for await` loop early),
/// cancels the work: the source is no longer read, batches not yet started never start, and
/// ``Iterator/next()`` returns nil. A source that blocks should itself end when its task is
/// cancelled.
///
/// A source error ends the stream: the records read before it come first, then the iterator
/// throws the error. A ``PipelineStream`` may be iterated more than once when its source can be:
/// each iteration runs the pipeline anew.
public struct PipelineStream: AsyncSequence, Sendable {
    /// One input's fate: kept, dropped or rejected.
    public typealias Element = ProcessedRecord

    /// Batches started and not yet consumed, at most.
    public let inFlight: Int
    private let start: @Sendable (StreamHandoff<[ProcessedRecord]>) async -> Void

    init(inFlight: Int, start: @escaping @Sendable (StreamHandoff<[ProcessedRecord]>) async -> Void) {
        self.inFlight = inFlight
        self.start = start
    }

    /// Returns an iterator; the work starts with its first ``Iterator/next()``.
    public func makeAsyncIterator() -> Iterator {
        Iterator(start: start)
    }

    /// Yields a stream's processed records, starting the work on the first call to ``next()``.
    public struct Iterator: AsyncIteratorProtocol {
        private let work: Work
        private let results: StreamHandoff<[ProcessedRecord]>
        private var buffer: [ProcessedRecord] = []
        private var index = 0

        init(start: @escaping @Sendable (StreamHandoff<[ProcessedRecord]>) async -> Void) {
            let handoff = StreamHandoff<[ProcessedRecord]>()
            work = Work(handoff: handoff, start: start)
            results = handoff
        }

        /// The next processed record in input order; nil at the end of the source, and once the
        /// consuming task is cancelled. Throws the source's error after the records before it.
        public mutating func next() async throws -> ProcessedRecord? {
            while index == buffer.count {
                let work = self.work
                work.begin()
                let results = self.results
                let batch = try await withTaskCancellationHandler {
                    try await results.next()
                } onCancel: {
                    work.cancel()
                }
                guard let batch else { return nil }
                buffer = batch
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }

    /// The task that produces one iteration's results: started by the first ``Iterator/next()``,
    /// cancelled when the consumer is cancelled or the iterator goes away.
    final class Work: Sendable {
        private let handoff: StreamHandoff<[ProcessedRecord]>
        private let start: @Sendable (StreamHandoff<[ProcessedRecord]>) async -> Void
        private let task = Locked<Task<Void, Never>?>(nil)

        init(handoff: StreamHandoff<[ProcessedRecord]>,
             start: @escaping @Sendable (StreamHandoff<[ProcessedRecord]>) async -> Void) {
            self.handoff = handoff
            self.start = start
        }

        func begin() {
            task.withLock { t in
                guard t == nil else { return }
                let handoff = self.handoff, start = self.start
                t = Task { await start(handoff) }
            }
        }

        func cancel() {
            task.withLock { $0?.cancel() }
            handoff.cancel()
        }

        deinit {
            cancel()
        }
    }
}
