/// The decode end of a file's pipeline: opens the input (compression confirmed by magic
/// bytes), walks its units (the file, or an archive's members), reads records in each unit's
/// format and cuts them into batches.
///
/// Batch boundaries depend only on the input and the decode options, never on timing, so
/// every output is the same for any `--jobs`. A batch may hold records of several members.
/// Not Sendable: owned by the file's task.
final class BatchSource {
    let file: InputFile
    private let options: DecodeOptions
    private let units: InputUnits
    /// Decodes JSONL lines (UTF-8, or the forced encoding converted line by line).
    private let jsonDecoder: RecordDecoder
    /// Decodes text that is UTF-8 already (converted by the unit's ``TranscodingReader``).
    private let textDecoder: RecordDecoder
    /// The encoding every text unit is read in, when `decode.encoding` names one.
    private let forcedEncoding: EncodingGuess?
    private var sequence = 0
    private var done = false
    /// Why reading stopped early; records before it were delivered.
    private(set) var error: ReadError?

    // The unit being read.
    private var unit: InputUnits.Unit?
    private var lines: LineReader?
    private var warc: WARCReader?
    /// Encoding detection and conversion of WARC bodies, one record at a time.
    private lazy var bodies = WARCBodyDecoder(forced: forcedEncoding)
    private var transcoder: TranscodingReader?
    /// The unit's lines consumed (1 once a whole-file unit is read).
    private var unitLines = 0
    private var unitDone = false
    /// Lines of the units before the current one: origins' `order` continues across members.
    private var linesBase = 0
    /// Decompressed bytes of the units before the current one.
    private var bytesBase = 0

    init(file: InputFile, options: DecodeOptions) throws(ReadError) {
        self.file = file
        self.options = options
        units = try InputUnits(file: file)
        jsonDecoder = try RecordDecoder(options: options, file: file.relative)
        var utf8 = options
        utf8.encoding = "UTF-8"
        textDecoder = try RecordDecoder(options: utf8, file: file.relative)
        forcedEncoding = options.detectsEncoding ? nil : try EncodingGuess.forced(options.encoding)
    }

    /// Whether the file is compressed as a whole (error offsets are then compressed bytes).
    var isCompressed: Bool { units.isCompressed }

    /// Raw (possibly compressed) bytes read so far.
    var rawBytesRead: Int { units.raw.bytesRead }
    /// Decompressed bytes consumed so far.
    var bytesDecompressed: Int { bytesBase + unitPosition }

    /// Decompressed bytes of the current unit consumed: whole lines, or whole WARC records.
    private var unitPosition: Int { lines?.bytesConsumed ?? warc?.position ?? 0 }

    /// Skips the input a checkpoint already accounts for — `bytes` decompressed bytes of unit
    /// number `unit` (named `member`), ending on a line boundary, after `lines` lines in all —
    /// and continues numbering batches at `sequence`.
    func skip(unit target: Int = 0, member: String? = nil, bytes: Int, lines total: Int = 0, sequence: Int) throws(ReadError) {
        self.sequence = sequence
        do {
            while true {
                guard let u = try openNextUnitIfNeeded() else {
                    // The checkpoint is at the very end: nothing is left to read.
                    if bytes == 0 { return }
                    throw ReadError(kind: .io, offset: rawBytesRead,
                                    message: "input does not match its checkpoint (it has fewer than \(target + 1) readable members)")
                }
                if u.index == target { break }
                finishUnit()
            }
            guard bytes == 0 || unit?.member == member else {
                throw ReadError(kind: .io, offset: rawBytesRead,
                                message: "input does not match its checkpoint (member \(target + 1) is '\(unit?.member ?? "-")', not '\(member ?? "-")')")
            }
            if bytes > 0, let warc {
                // Whole records: skip one at a time until the recorded position.
                while warc.position < bytes {
                    guard try warc.skip(records: 1) == 1 else { break }
                }
                unitLines = warc.recordsRead
                guard warc.position == bytes else {
                    throw ReadError(kind: .io, offset: rawBytesRead,
                                    message: "input does not match its checkpoint (WARC records end at byte \(warc.position), not \(bytes))")
                }
            } else if bytes > 0, let lines = self.lines {
                if isWholeUnit {
                    _ = try lines.readAll()
                    unitLines = 1
                } else {
                    while lines.bytesConsumed < bytes {
                        guard try lines.nextLine({ _ in }) else { break }
                    }
                    unitLines = lines.lineNumber
                }
                guard lines.bytesConsumed == bytes else {
                    throw ReadError(kind: .io, offset: rawBytesRead,
                                    message: "input does not match its checkpoint (\(lines.bytesConsumed) bytes of lines where \(bytes) were recorded)")
                }
            }
            linesBase = total - unitLines
        } catch let e as ReadError {
            throw e
        } catch {
            throw ReadError(kind: .io, offset: rawBytesRead, message: "\(error)")
        }
        // Members skipped before the checkpoint are in its stats already.
        units.skipped = Counters()
    }

    /// Whether the current unit is one record: a web page, or text in `file` layout.
    private var isWholeUnit: Bool {
        guard let unit else { return false }
        return unit.format == .html || (unit.format == .text && options.textLayout == .file)
    }

    /// Opens the next unit when none is open; returns the open one.
    private func openNextUnitIfNeeded() throws(ReadError) -> InputUnits.Unit? {
        if let unit { return unit }
        guard let u = try units.next() else { return nil }
        unit = u
        unitLines = 0
        unitDone = false
        let source: any ByteReader
        switch u.format {
        case .text, .html:
            let t = TranscodingReader(source: u.reader, forced: forcedEncoding,
                                      sniffLimit: file.isStdin ? 1 << 16 : 1 << 20)
            transcoder = t
            // Layouts that split a text file at its lines also split at lone CRs.
            source = u.format == .text && options.textLayout != .file ? LoneCarriageReturnReader(source: t) : t
        case .warc:
            transcoder = nil
            warc = WARCReader(source: u.reader)
            lines = nil
            return u
        default:
            transcoder = nil
            var utf8: PeekableReader = PeekableReader(u.reader)
            if Self.mayBeWideUnicode(try utf8.peek(4)), Self.isWideUnicode(try utf8.peek(4096)) {
                // JSON Lines in UTF-16 or UTF-32 (what Windows PowerShell's `>` writes): read
                // through the transcoder, which knows them by their BOM or zero bytes.
                let t = TranscodingReader(source: utf8, forced: nil, sniffLimit: 1 << 16)
                transcoder = t
                utf8 = PeekableReader(t)
            }
            // A JSON file holding one array of records is read element by element.
            source = try JSONArrayLinesReader.ifArray(utf8) ?? utf8
        }
        // Members are often small: a small first buffer, grown for long lines as needed.
        lines = LineReader(source: source, chunkSize: u.member == nil ? 1 << 20 : 1 << 16)
        return u
    }

    /// Whether JSON text starting with these four bytes could be UTF-16 or UTF-32: a
    /// byte-order mark, or a zero byte among the first two (UTF-8 JSON has none). Looked at
    /// first, so that a stream on stdin is not held up for ``isWideUnicode(_:)``'s 4 KB.
    static func mayBeWideUnicode(_ head: [UInt8]) -> Bool {
        head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || (head.count >= 2 && (head[0] == 0 || head[1] == 0))
    }

    /// Whether JSON text starting with `head` is UTF-16 or UTF-32 by ``EncodingDetector``'s
    /// rules: a byte-order mark, or UTF-16's zero bytes.
    static func isWideUnicode(_ head: [UInt8]) -> Bool {
        head.withUnsafeBufferPointer { b in
            if let bom = EncodingDetector.bom(UnsafeRawBufferPointer(b)) { return bom.iconvName != "UTF-8" }
            return EncodingDetector.utf16WithoutBOM(b) != nil
        }
    }

    private func finishUnit() {
        linesBase += unitLines
        bytesBase += unitPosition
        unit = nil
        lines = nil
        warc = nil
        transcoder = nil
    }

    /// The next batch, or nil at the end. After a read error the records read before it come
    /// as a last batch and ``error`` is set.
    func next() -> Batch? {
        guard !done else { return nil }
        var batch = Batch(sequence: sequence)
        batch.fileIndex = file.index
        let before = bytesDecompressed
        let repairedBefore = jsonDecoder.repairedUTF8 + textDecoder.repairedUTF8
        var textBytes = 0
        do {
            while batch.recordsIn < options.batchRecords && textBytes < options.batchBytes {
                guard let u = try openNextUnitIfNeeded() else {
                    done = true
                    break
                }
                if let problem = u.problem {
                    reject(u, problem, inMember: false, into: &batch)
                } else {
                    do {
                        try read(u, into: &batch, textBytes: &textBytes)
                    } catch let e as ReadError where u.member != nil && !units.archiveFailed {
                        // A member's own compression is damaged: the archive reads on.
                        reject(u, e, inMember: u.compression != nil, into: &batch)
                    }
                }
                if unitDone {
                    batch.endUnit = u.index + 1
                    batch.endOffset = 0
                    finishUnit()
                }
            }
        } catch let e as ReadError {
            error = e
            done = true
        } catch {
            self.error = ReadError(kind: .io, offset: rawBytesRead, message: "\(error)")
            done = true
        }
        batch.skipped.merge(units.skipped)
        units.skipped = Counters()
        if let u = unit {
            batch.endUnit = u.index
            batch.endMember = u.member
            batch.endOffset = unitPosition
        }
        batch.endLine = linesBase + unitLines
        batch.bytesIn = bytesDecompressed - before
        batch.repaired = jsonDecoder.repairedUTF8 + textDecoder.repairedUTF8 - repairedBefore
        if batch.recordsIn == 0 && batch.bytesIn == 0 && batch.skipped.values.isEmpty && done { return nil }
        sequence += 1
        return batch
    }

    /// Reads records of `u` into `batch` until the batch is full or the unit ends.
    private func read(_ u: InputUnits.Unit, into batch: inout Batch, textBytes: inout Int) throws {
        if let warc {
            try readWARC(u, warc, into: &batch, textBytes: &textBytes)
            return
        }
        guard let lines else { return }
        let encoding = { [transcoder] in transcoder?.guess?.label }
        switch u.format {
        case .jsonl:
            while batch.recordsIn < options.batchRecords && textBytes < options.batchBytes {
                let more = try lines.nextLine { line in
                    textBytes += line.count
                    unitLines = lines.lineNumber
                    // UTF-8 JSON Lines name no encoding; UTF-16/32 ones, read through the transcoder, do.
                    batch.add(jsonDecoder.decodeJSONLine(line, origin: origin(u, line: lines.lineNumber,
                                                                              encoding: transcoder == nil ? nil : encoding())))
                }
                if !more { unitDone = true; break }
            }
        case .text where options.textLayout == .line:
            while batch.recordsIn < options.batchRecords && textBytes < options.batchBytes {
                let more = try lines.nextLine { line in
                    textBytes += line.count
                    unitLines = lines.lineNumber
                    if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                        batch.add(textDecoder.decodeText(line, origin: origin(u, line: lines.lineNumber, encoding: encoding())))
                    }
                }
                if !more { unitDone = true; break }
            }
        case .text where options.textLayout == .blankLine:
            try readBlankLineArticles(u, into: &batch, textBytes: &textBytes)
        case .text, .html:
            let all = try lines.readAll()
            unitLines = 1
            // A file of blank lines is no record, as an empty one (`"\n"` once made an empty
            // record, and every blank file after it a duplicate of that one).
            if !all.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C }) {
                textBytes += all.count
                let o = origin(u, line: 1, encoding: encoding())
                var outcome = all.withUnsafeBufferPointer { textDecoder.decodeText($0, origin: o) }
                if u.format == .html, case .record(var r) = outcome {
                    r.isHTML = true
                    outcome = .record(r)
                }
                batch.add(outcome)
            }
            unitDone = true
        case .warc:
            // Read by ``readWARC``.
            unitDone = true
        case .tar, .zip:
            // Nested archives are skipped by ``InputUnits``.
            unitDone = true
        }
        if unitDone, let t = transcoder { batch.invalidBytes += t.invalidSequences }
    }

    private func origin(_ u: InputUnits.Unit, line: Int, encoding: String? = nil) -> Origin {
        Origin(file: file.relative, line: line, member: u.member, encoding: encoding, order: linesBase + line)
    }

    /// Reads WARC records: documents become records (`url`, `date`, `warc_record_id`, the body
    /// in its detected encoding); other records are counted as skipped by kind.
    private func readWARC(_ u: InputUnits.Unit, _ warc: WARCReader, into batch: inout Batch, textBytes: inout Int) throws {
        while batch.recordsIn < options.batchRecords && textBytes < options.batchBytes {
            let next: WARCRecord?
            do {
                next = try warc.next()
            } catch {
                // The reader's message names the record and its decompressed offset; the
                // file's error names the raw offset reached.
                throw ReadError(kind: error.kind, offset: rawBytesRead, message: error.message)
            }
            guard let record = next else {
                unitDone = true
                return
            }
            unitLines = warc.recordsRead
            let line = record.ordinal + 1
            func warcOrigin(encoding: String? = nil) -> Origin {
                var o = origin(u, line: line, encoding: encoding)
                o.offset = record.offset
                return o
            }
            switch WARCSelection(record) {
            case .skipped(let reason):
                batch.skipped.add(reason)
            case .rejected(let reason, let detail):
                batch.rejected.append(RejectedRecord(origin: warcOrigin(), reason: reason,
                                                     detail: "\(detail) (WARC record at byte \(record.offset))", raw: record.block))
                batch.recordsIn += 1
            case .document(let url, let date, let recordID, let contentType, let charset, let isHTML, let body):
                textBytes += body.count
                let (text, guess, invalid) = bodies.decode(body, httpCharset: charset)
                var r = Record(idJSON: JSONWriter.string(recordID), text: text,
                               origin: warcOrigin(encoding: guess.label))
                r.inputDateJSON = JSONWriter.string(date)
                r.isHTML = isHTML
                var fields = JSONWriter()
                fields.appendKey("url")
                fields.appendString(url)
                fields.appendRawASCII(",")
                fields.appendKey("warc_record_id")
                fields.appendString(recordID)
                fields.appendRawASCII(",")
                fields.appendKey("content_type")
                fields.appendString(contentType)
                r.passthrough = fields.bytes
                batch.invalidBytes += invalid
                batch.add(.record(r))
            }
        }
    }

    /// A member that cannot be read becomes one rejected record naming the problem; `inMember`:
    /// the error's offset counts the member's own compressed bytes (its decompressor failed).
    private func reject(_ u: InputUnits.Unit, _ e: ReadError, inMember: Bool, into batch: inout Batch) {
        let place = inMember ? "of the member's \(u.compression?.rawValue ?? "compressed") data" : "of the archive"
        let detail = "member \(u.member ?? file.relative): \(e.message) (at byte \(e.offset) \(place)); "
            + "the archive's other members were read; replace this member with a whole copy to read it"
        batch.rejected.append(RejectedRecord(origin: origin(u, line: max(unitLines, 1)), reason: "unreadable_member",
                                             detail: detail, raw: []))
        batch.recordsIn += 1
        unitLines = max(unitLines, 1)
        unitDone = true
    }

    /// Hands `body` the dedup key and line number of each record of a JSONL input, in order,
    /// without building records (``RecordDecoder/dedupKey(ofJSONLine:lineNumber:)``). Stops at
    /// a read error — the main pass reports it — or when the task is cancelled.
    func forEachDedupKey(_ body: (_ key: UInt64, _ line: Int) -> Void) {
        var count = 0
        do {
            guard let u = try openNextUnitIfNeeded(), u.format == .jsonl, u.member == nil, let lines else { return }
            while try lines.nextLine({ line in
                if let key = jsonDecoder.dedupKey(ofJSONLine: line, lineNumber: lines.lineNumber) {
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

    private func readBlankLineArticles(_ u: InputUnits.Unit, into batch: inout Batch, textBytes: inout Int) throws {
        guard let lines else { return }
        func flush() {
            if !article.isEmpty {
                let o = origin(u, line: articleLine, encoding: transcoder?.guess?.label)
                article.withUnsafeBufferPointer { batch.add(textDecoder.decodeText($0, origin: o)) }
                textBytes += article.count
                article.removeAll(keepingCapacity: true)
            }
        }
        while batch.recordsIn < options.batchRecords && textBytes < options.batchBytes {
            let more = try lines.nextLine { line in
                unitLines = lines.lineNumber
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    flush()
                } else {
                    if article.isEmpty { articleLine = lines.lineNumber } else { article.append(0x0A) }
                    article.append(contentsOf: line)
                }
            }
            if !more { flush(); unitDone = true; break }
        }
    }

}

extension BatchSource {
    /// Every record of the source as the stages of `preceding` leave it (their stats are not
    /// kept): the pre-passes of dedup and near-dedup see what their stage will see. Stops
    /// when the task is cancelled.
    func forEachRecord(after preceding: [any Stage], _ body: (Record) -> Void) {
        while var batch = next() {
            if Task.isCancelled { break }
            for stage in preceding {
                var ignored = StageStats()
                stage.process(&batch, stats: &ignored)
            }
            for r in batch.records { body(r) }
        }
    }
}
