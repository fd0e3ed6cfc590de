/// The decode end of a file's pipeline: opens the input (zstd confirmed by magic bytes),
/// reads records in the pipeline's layout and cuts them into batches.
///
/// Batch boundaries depend only on the input and the decode options, never on timing, so
/// every output is the same for any `--jobs`. Not Sendable: owned by the file's task.
final class BatchSource {
    let file: InputFile
    private let options: DecodeOptions
    private let lines: LineReader
    private let decoder: RecordDecoder
    private let rawReader: FileReader
    private var sequence = 0
    private var done = false
    /// Why reading stopped early; records before it were delivered.
    private(set) var error: ReadError?

    init(file: InputFile, options: DecodeOptions) throws(ReadError) {
        self.file = file
        self.options = options
        let raw = file.isStdin ? FileReader(descriptor: 0) : try FileReader(path: file.path)
        rawReader = raw
        let head = try raw.peek(4)
        let reader: any ByteReader
        if ZstdFormat.hasMagic(head) {
            reader = ZstdDecompressor(source: raw)
        } else if file.compressedByName && !head.isEmpty {
            throw ReadError(kind: .notZstd, offset: 0,
                            message: "named .zst but not zstd data (no zstd magic bytes); recompress it or drop the .zst suffix")
        } else {
            reader = raw
        }
        lines = LineReader(source: reader)
        decoder = try RecordDecoder(options: options, file: file.relative)
    }

    /// Raw (possibly compressed) bytes read so far.
    var rawBytesRead: Int { rawReader.bytesRead }
    /// Decompressed bytes consumed so far.
    var bytesDecompressed: Int { lines.bytesConsumed }
    /// Records whose invalid UTF-8 was repaired.
    var repairedUTF8: Int { decoder.repairedUTF8 }

    /// Skips the input a checkpoint already accounts for: `bytes` decompressed bytes, which
    /// end on a line boundary, and continues numbering batches at `sequence`.
    func skip(bytes: Int, sequence: Int) throws(ReadError) {
        self.sequence = sequence
        guard bytes > 0 else { return }
        do {
            while lines.bytesConsumed < bytes {
                guard try lines.nextLine({ _ in }) else { break }
            }
        } catch let e as ReadError {
            throw e
        } catch {
            throw ReadError(kind: .io, offset: rawReader.bytesRead, message: "\(error)")
        }
        guard lines.bytesConsumed == bytes else {
            throw ReadError(kind: .io, offset: rawReader.bytesRead,
                            message: "input does not match its checkpoint (\(lines.bytesConsumed) bytes of lines where \(bytes) were recorded)")
        }
    }

    /// The next batch, or nil at the end. After a read error the records read before it come
    /// as a last batch and ``error`` is set.
    func next() -> Batch? {
        guard !done else { return nil }
        var batch = Batch(sequence: sequence)
        batch.fileIndex = file.index
        let before = lines.bytesConsumed
        let repairedBefore = decoder.repairedUTF8
        var textBytes = 0
        do {
            switch (file.format, options.textLayout) {
            case (.jsonl, _):
                while batch.recordsIn < options.batchRecords && textBytes < options.batchBytes {
                    let more = try lines.nextLine { line in
                        textBytes += line.count
                        add(decoder.decodeJSONLine(line, lineNumber: lines.lineNumber), to: &batch)
                    }
                    if !more { done = true; break }
                }
            case (.text, .file):
                let all = try lines.readAll()
                if !all.isEmpty || lines.rawBytesRead > 0 {
                    all.withUnsafeBufferPointer { add(decoder.decodeText($0, lineNumber: 1), to: &batch) }
                }
                done = true
            case (.text, .line):
                while batch.recordsIn < options.batchRecords && textBytes < options.batchBytes {
                    let more = try lines.nextLine { line in
                        textBytes += line.count
                        if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                            add(decoder.decodeText(line, lineNumber: lines.lineNumber), to: &batch)
                        }
                    }
                    if !more { done = true; break }
                }
            case (.text, .blankLine):
                try readBlankLineArticles(into: &batch, textBytes: &textBytes)
            }
        } catch let e as ReadError {
            error = e
            done = true
        } catch {
            self.error = ReadError(kind: .io, offset: rawReader.bytesRead, message: "\(error)")
            done = true
        }
        batch.bytesIn = lines.bytesConsumed - before
        batch.endLine = lines.lineNumber
        batch.endOffset = lines.bytesConsumed
        batch.repaired = decoder.repairedUTF8 - repairedBefore
        if batch.recordsIn == 0 && batch.bytesIn == 0 && done { return nil }
        sequence += 1
        return batch
    }

    /// Hands `body` the dedup key and line number of each record of a JSONL input, in order,
    /// without building records (``RecordDecoder/dedupKey(ofJSONLine:lineNumber:)``). Stops at
    /// a read error — the main pass reports it — or when the task is cancelled.
    func forEachDedupKey(_ body: (_ key: UInt64, _ line: Int) -> Void) {
        var count = 0
        do {
            while try lines.nextLine({ line in
                if let key = decoder.dedupKey(ofJSONLine: line, lineNumber: lines.lineNumber) {
                    body(key, lines.lineNumber)
                }
            }) {
                count += 1
                if count & 1023 == 0 && Task.isCancelled { break }
            }
        } catch {}
    }

    /// Lines of the article being gathered in blank-line layout, kept across batches.
    private var article: [UInt8] = []
    private var articleLine = 0

    private func readBlankLineArticles(into batch: inout Batch, textBytes: inout Int) throws {
        func flush() {
            if !article.isEmpty {
                article.withUnsafeBufferPointer { add(decoder.decodeText($0, lineNumber: articleLine), to: &batch) }
                textBytes += article.count
                article.removeAll(keepingCapacity: true)
            }
        }
        while batch.recordsIn < options.batchRecords && textBytes < options.batchBytes {
            let more = try lines.nextLine { line in
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    flush()
                } else {
                    if article.isEmpty { articleLine = lines.lineNumber } else { article.append(0x0A) }
                    article.append(contentsOf: line)
                }
            }
            if !more { flush(); done = true; break }
        }
    }

    private func add(_ outcome: RecordDecoder.Outcome, to batch: inout Batch) {
        switch outcome {
        case .record(let r):
            batch.records.append(r)
            batch.recordsIn += 1
        case .rejected(let r):
            batch.rejected.append(r)
            batch.recordsIn += 1
        case .blank:
            break
        }
    }
}
