/// Exact dedup: a document whose normalized text (``DedupKey``) was seen earlier in the run —
/// earlier file in the sorted input order, or earlier line of the same file — is dropped with
/// reason `duplicate`.
///
/// Before processing, ``prepared(for:decode:preceding:jobs:)`` reads every input once, runs the
/// stages placed before dedup (usually none: dedup runs first and spares later stages the
/// work), and hashes each text; the main pass then only looks positions up.
public struct DedupStage: Stage {
    public var index: DedupIndex?

    public init() {}

    public var name: String { "dedup" }
    public var fingerprint: String { "dedup/1 key=raw-normalized-fnv64" }

    public func process(_ batch: inout Batch, stats: inout StageStats) {
        guard let index, index.duplicates > 0 else {
            stats.records += batch.records.count
            return
        }
        var kept: [Record] = []
        kept.reserveCapacity(batch.records.count)
        for r in batch.records {
            stats.records += 1
            if index.isDuplicate(position: DedupIndex.position(file: batch.fileIndex, line: r.origin.line)) {
                stats.changed += 1
                stats.counters.add("duplicates")
                batch.dropped.append(RejectedRecord(dropping: r, reason: "duplicate",
                                                    detail: "same normalized text as an earlier document"))
            } else {
                kept.append(r)
            }
        }
        batch.records = kept
    }

    public func prepared(for files: [InputFile], decode: DecodeOptions, preceding: [any Stage], jobs: Int) async throws -> any Stage {
        var stage = self
        stage.index = await DedupIndexBuilder.build(files: files, decode: decode, preceding: preceding, jobs: jobs)
        return stage
    }
}

/// The pre-pass of exact dedup: keys of every record of every file, as many files at a time
/// as the run has jobs.
enum DedupIndexBuilder {
    static func build(files: [InputFile], decode: DecodeOptions, preceding: [any Stage], jobs: Int) async -> DedupIndex {
        let readable = files.filter { !$0.isStdin }
        var pairs: [(key: UInt64, position: UInt64)] = []
        await withTaskGroup(of: [(key: UInt64, position: UInt64)].self) { group in
            var running = 0
            var iterator = readable.makeIterator()
            let limit = max(1, jobs)
            while true {
                while running < limit, let f = iterator.next() {
                    group.addTask { keys(of: f, decode: decode, preceding: preceding) }
                    running += 1
                }
                guard let part = await group.next() else { break }
                running -= 1
                pairs.append(contentsOf: part)
            }
        }
        return DedupIndex(pairs: pairs)
    }

    /// Keys of one file; a file that cannot be read contributes what was read before the error
    /// (the main pass reports the error).
    static func keys(of file: InputFile, decode: DecodeOptions, preceding: [any Stage]) -> [(key: UInt64, position: UInt64)] {
        guard let source = try? BatchSource(file: file, options: decode) else { return [] }
        var out: [(key: UInt64, position: UInt64)] = []
        if preceding.isEmpty && file.format == .jsonl {
            // The usual case (dedup first): keys straight from the lines, no records built.
            source.forEachDedupKey(shouldStop: { Task.isCancelled }) { key, line in
                out.append((key, DedupIndex.position(file: file.index, line: line)))
            }
            return out
        }
        while var batch = source.next() {
            if Task.isCancelled { break }
            for stage in preceding {
                var ignored = StageStats()
                stage.process(&batch, stats: &ignored)
            }
            for r in batch.records {
                out.append((DedupKey.hash(r.text), DedupIndex.position(file: file.index, line: r.origin.line)))
            }
        }
        return out
    }
}
