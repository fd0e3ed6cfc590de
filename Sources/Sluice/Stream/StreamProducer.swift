/// The working end of a ``PipelineStream``: reads the source, decodes it into batches, runs
/// them through the stages in a task group and hands each batch's results on, in input order.
///
/// It runs in one task, started by the stream's iterator. Batches run as child tasks of a task
/// group, at most ``inFlight`` at once counting those finished but waiting for an earlier one;
/// each batch's results wait in ``StreamHandoff/send(_:)`` until the consumer takes
/// them. So memory stays bounded and the source is not read ahead of a slow consumer.
struct StreamProducer: Sendable {
    let pipeline: Pipeline
    let name: String
    let jobs: Int
    let inFlight: Int

    /// Runs the stream: ends `handoff` with the source's or the preparation's error, if any.
    func run<S: AsyncSequence & Sendable>(
        _ source: S, convert: @escaping @Sendable (S.Element) -> StreamInput,
        into handoff: StreamHandoff<[ProcessedRecord]>
    ) async {
        do {
            try await produce(source, convert: convert, into: handoff)
            handoff.finish()
        } catch {
            handoff.finish(throwing: error)
        }
    }

    private func produce<S: AsyncSequence & Sendable>(
        _ source: S, convert: @Sendable (S.Element) -> StreamInput,
        into handoff: StreamHandoff<[ProcessedRecord]>
    ) async throws {
        let stages = try await Self.prepare(pipeline, jobs: jobs)
        let ledgers = runOrderLedgers(of: stages)
        let worker = BatchWorker(stages: stages, sink: pipeline.sink, compressor: nil)
        let batcher = try StreamBatcher(options: pipeline.decode, name: name)
        var iterator = source.makeAsyncIterator()
        var sourceEnded = false
        var failure: (any Error)?

        /// The next batch, or nil at the end; a source error ends reading after the inputs
        /// before it, which go on as a last batch.
        func read() async -> Batch? {
            guard !sourceEnded else { return nil }
            var batch = batcher.startBatch()
            var textBytes = 0
            while !batcher.isFull(batch, textBytes: textBytes) {
                let element: S.Element?
                do {
                    element = try await iterator.next()
                } catch {
                    failure = error
                    element = nil
                }
                guard let element else {
                    sourceEnded = true
                    break
                }
                batcher.add(convert(element), to: &batch, textBytes: &textBytes)
            }
            if batch.recordsIn == 0 && sourceEnded { return nil }
            for l in ledgers { l.mark(&batch) }
            return batch
        }

        let limit = inFlight
        await withTaskGroup(of: (sequence: Int, results: [ProcessedRecord]).self) { group in
            // Batches started and not yet handed on: running, or finished out of order.
            var unconsumed = 0
            var pending: [Int: [ProcessedRecord]] = [:]
            var next = 0
            while true {
                while unconsumed < limit && !Task.isCancelled, let batch = await read() {
                    group.addTask { (batch.sequence, Self.results(of: batch, worker: worker)) }
                    unconsumed += 1
                }
                guard let done = await group.next() else { break }
                pending[done.sequence] = done.results
                while let ready = pending.removeValue(forKey: next) {
                    next += 1
                    unconsumed -= 1
                    // Waits for the consumer: this is where a slow consumer holds the source.
                    if !ready.isEmpty { await handoff.send(ready) }
                }
                if Task.isCancelled {
                    group.cancelAll()
                    break
                }
            }
        }
        if let failure { throw failure }
        try Task.checkCancellation()
    }

    /// Runs `batch` through the stages and lists its inputs' fates in input order.
    static func results(of input: Batch, worker: BatchWorker) -> [ProcessedRecord] {
        var batch = input
        _ = worker.runStages(&batch)
        var all: [(order: Int, result: ProcessedRecord)] = []
        all.reserveCapacity(batch.records.count + batch.dropped.count + batch.rejected.count)
        for r in batch.records { all.append((r.origin.order, .kept(r))) }
        for r in batch.dropped { all.append((r.origin.order, .dropped(r))) }
        for r in batch.rejected { all.append((r.origin.order, .rejected(r))) }
        // Stages keep records in order but drop them stage by stage: one position per input
        // puts them back in the order they came.
        all.sort { $0.order < $1.order }
        return all.map(\.result)
    }

    /// The pipeline's stages prepared for a stream: over an empty corpus, since the stream's
    /// inputs cannot be read ahead. Exact dedup as the first stage, and near_dedup after at
    /// most dedup without `line_dedup`, then decide in stream order while the batches are
    /// decoded (their ledgers); placed anywhere else they drop nothing.
    static func prepare(_ pipeline: Pipeline, jobs: Int) async throws -> [any Stage] {
        let corpus = RunCorpus(files: [], reading: [], decode: pipeline.decode, jobs: jobs)
        var stages: [any Stage] = []
        for s in pipeline.stages { stages.append(try await s.prepared(for: corpus, preceding: stages)) }
        return stages
    }

}
