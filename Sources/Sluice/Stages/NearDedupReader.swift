import SluiceText

/// Near-dedup's reading pass: the signatures of every record of `files`, in run order, as many
/// files at a time as the run has jobs.
enum NearDedupReader {
    static func signatures(files: [InputFile], decode: DecodeOptions, preceding: [any Stage],
                           hasher: MinHasher, bins: Int, lineMinChars: Int?, jobs: Int,
                           preloaded: [Int: NearDedupSignatures] = [:]) async -> NearDedupSignatures {
        var parts = preloaded
        let read = await self.parts(files: files.filter { preloaded[$0.index] == nil }, decode: decode, preceding: preceding,
                                    hasher: hasher, bins: bins, lineMinChars: lineMinChars, jobs: jobs)
        parts.merge(read) { a, _ in a }
        // Joined in run order, whatever order the files finished in.
        var all = NearDedupSignatures(permutations: hasher.permutations, bands: hasher.bands, bins: bins)
        all.reserve(parts.values.reduce(0) { $0 + $1.count })
        // Each part is released once copied, so the run holds one copy of the signatures.
        for i in parts.keys.sorted() { all.append(parts.removeValue(forKey: i)!) }
        return all
    }

    /// The stages that shape the texts signed: exact dedup only drops documents that near-dedup
    /// drops too (an exact copy of an earlier one), so leaving it out makes the signatures the
    /// same whether a stage was prepared or not (`--near-dedup-prepare` signs with unprepared stages).
    static func signing(_ preceding: [any Stage]) -> [any Stage] {
        preceding.filter { !($0 is DedupStage || $0 is NearDedupStage) }
    }

    /// Each file's signatures, by file index.
    static func parts(files: [InputFile], decode: DecodeOptions, preceding: [any Stage],
                      hasher: MinHasher, bins: Int, lineMinChars: Int?, jobs: Int) async -> [Int: NearDedupSignatures] {
        var parts: [Int: NearDedupSignatures] = [:]
        await forEachPart(files: files, decode: decode, preceding: preceding, hasher: hasher, bins: bins,
                          lineMinChars: lineMinChars, jobs: jobs) { parts[$0] = $1 }
        return parts
    }

    /// Calls `body` with each file's index and signatures as the file is done (in completion
    /// order), so a caller that writes them out holds at most `jobs` files' signatures.
    static func forEachPart(files: [InputFile], decode: DecodeOptions, preceding: [any Stage],
                            hasher: MinHasher, bins: Int, lineMinChars: Int?, jobs: Int,
                            _ body: (Int, NearDedupSignatures) -> Void) async {
        let preceding = signing(preceding)
        await ReadingPass.forEach(files, jobs: jobs, {
            signatures(of: $0, decode: decode, preceding: preceding, hasher: hasher, bins: bins, lineMinChars: lineMinChars)
        }) { i, part in
            body(i, part)
            return true
        }
    }

    /// Signatures of one file; a file that cannot be read contributes what was read before
    /// the error (the main pass reports the error).
    static func signatures(of file: InputFile, decode: DecodeOptions, preceding: [any Stage],
                           hasher: MinHasher, bins: Int, lineMinChars: Int? = nil) -> NearDedupSignatures {
        var out = NearDedupSignatures(permutations: hasher.permutations, bands: hasher.bands, bins: bins)
        guard let source = try? BatchSource(file: file, options: decode) else { return out }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: hasher.permutations) { scratch in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: bins) { sketch in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: hasher.bands) { keys in
                source.forEachRecord(after: preceding) { r in
                    out.add(text: r.text, id: r.idJSON, position: DedupIndex.position(file: file.index, line: r.origin.order),
                            hasher: hasher, scratch: scratch, sketch: sketch, keys: keys, lineMinChars: lineMinChars)
                }
            }
            }
        }
        return out
    }

    /// Memory mode: signs every record of `files` into `spill` (one `NearDedupSpill/FileWriter`
    /// per file, as many files at a time as the run has jobs), after the files already in it.
    static func spill(files: [InputFile], decode: DecodeOptions, preceding: [any Stage], hasher: MinHasher,
                      into spill: NearDedupSpill, lineMinChars: Int?, jobs: Int) async throws(WriteError) -> NearDedupSpill {
        let preceding = signing(preceding)
        var spill = spill
        let target = spill
        var failure: WriteError?
        await ReadingPass.forEach(files, jobs: jobs, { f in
            Result { () throws(WriteError) in
                try spillSignatures(of: f, decode: decode, preceding: preceding, hasher: hasher,
                                    into: target, lineMinChars: lineMinChars)
            }
        }) { i, result in
            switch result {
            case .success(let n): spill.counts[i] = n
            case .failure(let e): if failure == nil { failure = e }
            }
            return failure == nil
        }
        if let failure { throw failure }
        return spill
    }

    /// Signs one file's records into `spill`; returns how many documents were written. A file
    /// that cannot be read contributes what was read before the error (the main pass reports it).
    static func spillSignatures(of file: InputFile, decode: DecodeOptions, preceding: [any Stage], hasher: MinHasher,
                                into spill: NearDedupSpill, lineMinChars: Int?) throws(WriteError) -> Int {
        let writer = try NearDedupSpill.FileWriter(spill, file: file.index)
        var failure: WriteError?
        if let source = try? BatchSource(file: file, options: decode) {
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: hasher.permutations) { scratch in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: spill.bins) { sketch in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: hasher.bands) { keys in
                    source.forEachRecord(after: preceding) { r in
                        guard failure == nil else { return }
                        do throws(WriteError) {
                            try writer.add(text: r.text, id: r.idJSON, position: DedupIndex.position(file: file.index, line: r.origin.order),
                                           hasher: hasher, scratch: scratch, sketch: sketch, keys: keys, lineMinChars: lineMinChars)
                        } catch {
                            failure = error
                        }
                    }
                }
                }
            }
        }
        if let failure { throw failure }
        try writer.finish()
        return writer.count
    }
}
