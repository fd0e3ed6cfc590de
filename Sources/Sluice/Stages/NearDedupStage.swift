import Foundation
import SluiceText

/// Near-duplicate removal: a document whose word-shingle Jaccard similarity with an earlier
/// document of the run is at least the threshold is dropped with reason `near_duplicate`,
/// and its rejected record names the kept document (`duplicate_of`).
///
/// When the run reads every input from its start and the stage sees the records as decoded,
/// the decoder decides while it reads (`NearDedupLedger`). Otherwise
/// ``prepared(for:preceding:)`` reads every input of the run once (as the `preceding` stages
/// leave the records), computes each document's MinHash band keys and a larger one-permutation
/// sketch (`ShingleSketch`), and decides for the whole run (``NearDedupIndex``): LSH
/// candidates are confirmed by their sketches' estimated similarity, so precision does not
/// hang on the banding's S-curve, and each cluster keeps its earliest document. The main pass only looks positions up. Because the
/// decision covers every input, finished or not, it is the same for any `--jobs`, after any
/// resume, and — with `--dedup-across-shards` — for any `--shard I/N`.
public struct NearDedupStage: Stage {
    /// Shingles, banding, threshold, sketch and repeated lines.
    public var options: NearDedupOptions
    /// The whole run's decision, when it was made before the run (``prepared(for:preceding:)``).
    public var index: NearDedupIndex?
    /// With `line_dedup`: the lines repeated across the run's documents.
    public var lines: RepeatedLines?
    /// Set when decisions are made by the decoder while it reads (see `NearDedupLedger`).
    var ledger: NearDedupLedger?

    /// A stage with `options`; it decides once prepared for a run.
    public init(options: NearDedupOptions = NearDedupOptions()) {
        self.options = options
    }

    /// `near_dedup`.
    public var name: String { "near_dedup" }
    /// The version of the signatures and decision, and the options.
    public var fingerprint: String { "near_dedup/2 " + options.fingerprint }

    /// Drops the batch's near-duplicates (reason `near_duplicate`, with `duplicate_of`) and,
    /// with `line_dedup`, removes repeated lines from the rest.
    public func process(_ batch: inout Batch, stats: inout StageStats) {
        stats.records += batch.records.count
        defer { stripRepeatedLines(&batch, stats: &stats) }
        let decided = batch.nearDuplicates
        batch.nearDuplicates = [:]
        if ledger != nil {
            guard !decided.isEmpty else { return }
        } else {
            guard let index, index.duplicates > 0 else { return }
        }
        var kept: [Record] = []
        kept.reserveCapacity(batch.records.count)
        var dropped = 0
        for r in batch.records {
            let of = ledger != nil ? decided[r.origin.order]
                : index?.duplicateOf(position: DedupIndex.position(file: batch.fileIndex, line: r.origin.order))
            if let id = of {
                dropped += 1
                var rejected = RejectedRecord(dropping: r, reason: "near_duplicate",
                                              detail: "word-shingle similarity with an earlier document ≥ \(options.threshold)")
                rejected.duplicateOf = id
                batch.dropped.append(rejected)
            } else {
                kept.append(r)
            }
        }
        guard dropped > 0 else { return }
        stats.changed += dropped
        stats.counters.add("near_duplicates", dropped)
        batch.records = kept
    }

    /// Sets up the decision: while reading when the run allows it, else by reading and
    /// signing every input of `corpus` first.
    public func prepared(for corpus: RunCorpus, preceding: [any Stage]) async throws -> any Stage {
        var stage = self
        let readable = corpus.files.filter { !$0.isStdin }
        if decidesWhileReading(corpus, readable: readable, preceding: preceding) {
            stage.ledger = NearDedupLedger(hasher: hasher, bins: options.checkBins, threshold: options.threshold)
            return stage
        }
        if let memory = corpus.memory {
            (stage.index, stage.lines) = try await decideSpilled(corpus, readable: readable, preceding: preceding, memory: memory)
            return stage
        }
        var preloaded: [Int: NearDedupSignatures] = [:]
        if let out = corpus.sharedSignatures {
            preloaded = NearDedupSignatureFile.load(directory: NearDedupSignatureFile.directory(out),
                                                    fingerprint: signatureFingerprint(preceding: preceding), files: readable)
        }
        let docs = await NearDedupReader.signatures(files: readable, decode: corpus.decode, preceding: preceding,
                                                     hasher: hasher, bins: options.checkBins,
                                                     lineMinChars: options.lineDedup?.minChars, jobs: corpus.jobs,
                                                     preloaded: preloaded)
        stage.index = NearDedupIndex(docs, threshold: options.threshold)
        if let o = options.lineDedup { stage.lines = RepeatedLines(options: o, keys: docs.lineKeys) }
        return stage
    }

    /// Memory mode: signatures spilled under the run's spill directory, band keys sorted in
    /// runs on disk (``NearDedupIndex/decide(_:threshold:memory:lineDedup:)``); the files are
    /// removed once decided.
    private func decideSpilled(_ corpus: RunCorpus, readable: [InputFile], preceding: [any Stage],
                               memory: Int) async throws -> (NearDedupIndex, RepeatedLines?) {
        let root = corpus.spillDirectory ?? (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp") + "/sluice-spill-\(getpid())"
        var spill = NearDedupSpill(directory: root + "/near_dedup", bands: options.bands, bins: options.checkBins)
        spill.remove()
        try FileSystem.makeDirectories(spill.directory)
        defer { spill.remove(); rmdir(root) }
        if let out = corpus.sharedSignatures {
            try NearDedupSignatureFile.forEachPart(directory: NearDedupSignatureFile.directory(out),
                                                   fingerprint: signatureFingerprint(preceding: preceding),
                                                   files: readable) { (file, docs) throws(WriteError) in
                let writer = try NearDedupSpill.FileWriter(spill, file: file)
                try writer.add(contentsOf: docs)
                try writer.finish()
                spill.counts[file] = writer.count
            }
        }
        let signed = spill
        spill = try await NearDedupReader.spill(files: readable.filter { signed.counts[$0.index] == nil }, decode: corpus.decode,
                                                preceding: preceding, hasher: hasher, into: spill,
                                                lineMinChars: options.lineDedup?.minChars, jobs: corpus.jobs)
        return try NearDedupIndex.decide(spill, threshold: options.threshold, memory: memory, lineDedup: options.lineDedup)
    }

    /// Whether the decoder can decide while it reads (`NearDedupLedger`), sparing the
    /// reading pass: the run reads every input from its start, in run order, and the
    /// stage sees the records as decoded. Repeated lines need counts over the whole run first.
    func decidesWhileReading(_ corpus: RunCorpus, readable: [InputFile], preceding: [any Stage]) -> Bool {
        options.lineDedup == nil && corpus.sharedSignatures == nil && corpus.memory == nil && corpus.resumed.isEmpty
            && preceding.allSatisfy { $0 is DedupStage }
            && corpus.reading == readable.map(\.index)
    }

    /// What signatures depend on: this stage's options and the stages that change texts before it.
    func signatureFingerprint(preceding: [any Stage]) -> String {
        var parts: [String] = []
        for s in preceding where !(s is DedupStage || s is NearDedupStage) { parts.append(s.fingerprint) }
        parts.append(fingerprint)
        return parts.joined(separator: " | ")
    }

    /// `--near-dedup-prepare`: signs `files` (one shard's inputs) and writes them for the run
    /// step's tasks; returns the file written.
    public func writeSignatures(files: [InputFile], decode: DecodeOptions, preceding: [any Stage], jobs: Int,
                                outputDirectory: String, shard: Shard) async throws -> String {
        var inputs: [Int: (file: InputFile, fingerprint: InputFingerprint)] = [:]
        for f in files where !f.isStdin { if let fp = InputFingerprint(path: f.path) { inputs[f.index] = (f, fp) } }
        let readable = files.filter { inputs[$0.index] != nil }
        let fingerprint = signatureFingerprint(preceding: preceding)
        let dir = NearDedupSignatureFile.directory(outputDirectory)
        try FileSystem.makeDirectories(dir)
        let path = dir + "/" + NearDedupSignatureFile.name(shard: shard.name, fingerprint: fingerprint)
        // Written aside and renamed, so a reader never sees half a file; each file's part is
        // written as it is done, so the task holds at most `jobs` files' signatures.
        let out = try OutputFile(path: path)
        try out.write(NearDedupSignatureFile.header(fingerprint: fingerprint, parts: readable.count))
        var failure: WriteError?
        await NearDedupReader.forEachPart(files: readable, decode: decode, preceding: preceding, hasher: hasher,
                                          bins: options.checkBins, lineMinChars: options.lineDedup?.minChars, jobs: jobs) { i, docs in
            guard failure == nil, let (f, fp) = inputs[i] else { return }
            let part = NearDedupSignatureFile.Part(relative: f.relative, index: i, size: fp.size, mtime: fp.mtimeNanoseconds, docs: docs)
            do throws(WriteError) { try out.write(NearDedupSignatureFile.encode(part)) } catch { failure = error }
        }
        if let failure { out.close(); throw failure }
        try out.commit()
        return path
    }

    /// Removes repeated lines from the kept records (counted per record in
    /// `attributes.line_dedup` and in the stage's counters); a record left without text is
    /// dropped with reason `empty_after_line_dedup`.
    private func stripRepeatedLines(_ batch: inout Batch, stats: inout StageStats) {
        guard let lines, lines.count > 0 else { return }
        var kept: [Record] = []
        kept.reserveCapacity(batch.records.count)
        for var r in batch.records {
            let (text, removed) = lines.strip(r.text)
            guard removed > 0 else { kept.append(r); continue }
            stats.counters.add("lines_removed", removed)
            stats.changed += 1
            if text.utf8.allSatisfy(Self.isBlank) {
                stats.counters.add("empty_after_line_dedup", 1)
                batch.dropped.append(RejectedRecord(dropping: r, reason: "empty_after_line_dedup",
                                                    detail: "every line (\(removed)) occurs in at least \(lines.options.minDocuments) documents"))
                continue
            }
            r.text = text
            r.setAttributes("line_dedup", .object([(key: "lines_removed", value: .int(removed))]))
            kept.append(r)
        }
        batch.records = kept
    }

    /// Space, tab, CR or LF: what is left of a document whose every line was removed.
    static func isBlank(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09
    }

    var hasher: MinHasher {
        MinHasher(shingleWords: options.shingleWords, bands: options.bands, rows: options.rows, normalization: options.normalize)
    }
}
