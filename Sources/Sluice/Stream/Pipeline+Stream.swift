/// The streaming API: a pipeline over any `AsyncSequence`, with the same outputs as a file run.
///
/// Each input becomes one ``ProcessedRecord`` (blank JSONL lines aside), yielded in input
/// order; ``Origin/line`` and ``Origin/order`` are the input's 1-based position in the stream
/// and ``Origin/file`` is `name`. Kept records are those a file run of the same inputs writes
/// to its output, dropped and rejected ones those it writes to `_rejected/`, with the same
/// reasons.
///
/// Stages that decide over the whole corpus see only the stream, in stream order: exact
/// `dedup` as the first stage drops a document repeating an earlier one of the stream, and so
/// does `near_dedup` when only `dedup` precedes it and it has no `line_dedup`. Anywhere else in
/// the pipeline they cannot read the corpus ahead, and drop nothing.
extension Pipeline {
    /// Processes records built by the caller.
    ///
    /// - Parameters:
    ///   - records: The source. The stream sets each record's ``Origin/order`` to its
    ///     position; the rest of its origin is kept.
    ///   - jobs: Batches processed at once (at most `jobs + 1` in flight; 1 keeps one batch).
    ///   - name: Stands for the input file in origins.
    public func process<S: AsyncSequence & Sendable>(records: S, jobs: Int = Engine.defaultJobs,
                                                     name: String = "stream") -> PipelineStream
    where S.Element == Record {
        stream(records, jobs: jobs, name: name) { .record($0) }
    }

    /// Processes raw JSONL lines (without their newlines), decoded as a file run decodes them:
    /// invalid JSON, a missing text field and the like come out as ``ProcessedRecord/rejected(_:)``.
    ///
    /// - Parameters:
    ///   - jsonLines: The source, one JSON object a line.
    ///   - jobs: Batches processed at once (at most `jobs + 1` in flight; 1 keeps one batch).
    ///   - name: Stands for the input file in origins and generated ids.
    public func process<S: AsyncSequence & Sendable>(jsonLines: S, jobs: Int = Engine.defaultJobs,
                                                     name: String = "stream") -> PipelineStream
    where S.Element == String {
        stream(jsonLines, jobs: jobs, name: name) { .jsonLine(Array($0.utf8)) }
    }

    /// Processes raw JSONL lines given as bytes, which may hold invalid UTF-8: it is repaired or
    /// rejected as `decode.invalid_utf8` says, as in a file run.
    ///
    /// - Parameters:
    ///   - jsonLines: The source, one JSON object a line, without the newline.
    ///   - jobs: Batches processed at once (at most `jobs + 1` in flight; 1 keeps one batch).
    ///   - name: Stands for the input file in origins and generated ids.
    public func process<S: AsyncSequence & Sendable>(jsonLines: S, jobs: Int = Engine.defaultJobs,
                                                     name: String = "stream") -> PipelineStream
    where S.Element == [UInt8] {
        stream(jsonLines, jobs: jobs, name: name) { .jsonLine($0) }
    }

    /// Processes plain texts, one document each, with ids generated from their position as for
    /// a text file (`name:line`).
    ///
    /// - Parameters:
    ///   - texts: The source, one document an element.
    ///   - jobs: Batches processed at once (at most `jobs + 1` in flight; 1 keeps one batch).
    ///   - name: Stands for the input file in origins and generated ids.
    public func process<S: AsyncSequence & Sendable>(texts: S, jobs: Int = Engine.defaultJobs,
                                                     name: String = "stream") -> PipelineStream
    where S.Element == String {
        stream(texts, jobs: jobs, name: name) { .text($0) }
    }

    private func stream<S: AsyncSequence & Sendable>(_ source: S, jobs: Int, name: String,
                                                      convert: @escaping @Sendable (S.Element) -> StreamInput) -> PipelineStream {
        let jobs = max(1, jobs)
        let producer = StreamProducer(pipeline: self, name: name, jobs: jobs, inFlight: Engine.batchesInFlight(jobs: jobs))
        return PipelineStream(inFlight: producer.inFlight) { handoff in
            await producer.run(source, convert: convert, into: handoff)
        }
    }
}
