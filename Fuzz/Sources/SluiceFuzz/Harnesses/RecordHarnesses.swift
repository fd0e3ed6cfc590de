@testable import Sluice
#if canImport(Glibc)
import Glibc
#endif

extension Harness {
    /// Decode options picked by a selector byte: text field names, id field and UTF-8 rules.
    static func decodeOptions(_ choice: UInt8) -> DecodeOptions {
        var o = DecodeOptions()
        o.invalidUTF8 = DecodeOptions.InvalidUTF8.allCases[Int(choice) % DecodeOptions.InvalidUTF8.allCases.count]
        if choice & 0x08 != 0 { o.textField = "body"; o.textFallbacks = ["text"] }
        if choice & 0x10 != 0 { o.idField = "doc.id" }
        o.textLayout = DecodeOptions.TextLayout.allCases[Int(choice >> 5) % DecodeOptions.TextLayout.allCases.count]
        return o
    }

    /// One JSONL line: a record or a rejection with a reason, never a crash, and the record's
    /// own JSON pieces (id, passthrough, replaced) are valid JSON when written.
    static let record = Harness(name: "record") { input in
        let (choice, rest) = input.split()
        guard let decoder = try? RecordDecoder(options: decodeOptions(choice), file: "f.jsonl") else { return }
        checkOutcome(decoder.decodeJSONLine(firstLine(rest), lineNumber: 1))
    }

    /// Text inputs in each of the three layouts, read the way the engine reads a file
    /// (through ``BatchSource``, from a real file), with the records-in accounting checked.
    static let recordText = Harness(name: "record-text") { input in
        readFile(input, format: .text, name: "a/b.txt")
    }

    /// JSON inputs read the way the engine reads a file: JSON Lines, a JSON array, UTF-16/32
    /// JSON Lines, with the same checks as ``recordText``.
    static let recordJSONFile = Harness(name: "record-json-file") { input in
        readFile(input, format: .jsonl, name: "a/b.json")
    }

    /// Reads `input` (after its selector byte) as a file of `format` through ``BatchSource``.
    static func readFile(_ input: FuzzInput, format: InputFile.Format, name: String) {
        let (choice, rest) = input.split()
        var options = decodeOptions(choice)
        options.batchRecords = 3
        options.batchBytes = 64
        let path = "/dev/shm/sluice-fuzz-\(getpid()).txt"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        if let base = rest.baseAddress { _ = write(fd, base, rest.count) }
        close(fd)
        defer { unlink(path) }
        let file = InputFile(path: path, relative: name, format: format, size: rest.count)
        guard let source = try? BatchSource(file: file, options: options) else { return }
        var lines = 0
        while let batch = source.next() {
            Harness.require(batch.recordsIn == batch.records.count + batch.rejected.count, "records in ≠ records + rejected")
            for r in batch.records { checkRecord(r) }
            lines = batch.endLine
        }
        // Text that starts with a compression's magic bytes (zstd, gzip, bzip2, xz) is read as
        // compressed, whatever the name, so it may end in a decoding error (reported with its
        // offset); any other text reads to its end.
        if let error = source.error {
            // A JSON array that never closes is cut short too.
            Harness.require(Compression.sniff(rest.prefix(6)) != nil || (format == .jsonl && error.kind == .truncated),
                            "a text file failed to read: \(error)")
            Harness.require(error.offset >= 0 && error.offset <= rest.count, "error offset \(error.offset) outside the file")
        }
        Harness.require(lines >= 0, "line count")
    }

    /// The bytes before the first newline: a JSONL line, as the engine's line reader cuts it.
    static func firstLine(_ p: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let nl = p.firstIndex(of: 0x0A) else { return p }
        return UnsafeBufferPointer(rebasing: p[..<nl])
    }

    static func checkOutcome(_ outcome: RecordDecoder.Outcome) {
        switch outcome {
        case .record(let r): checkRecord(r)
        case .rejected(let r):
            var w = JSONWriter()
            RecordEncoder.appendRejected(r, to: &w)
            requireJSONLines(w.bytes)
        case .blank: break
        }
    }

    static func checkRecord(_ r: Record) {
        var w = JSONWriter()
        RecordEncoder.appendJSONL(r, to: &w)
        requireJSONLines(w.bytes)
    }

    /// Each line of `bytes` is one JSON object.
    static func requireJSONLines(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { p in
            var start = 0
            for i in 0..<p.count where p[i] == 0x0A {
                let line = UnsafeBufferPointer(rebasing: p[start..<i])
                do { _ = try JSONScanner.scanObject(line) } catch {
                    Harness.require(false, "output line is not a JSON object (\(error)): \(String(decoding: line, as: UTF8.self))")
                }
                // Strict parsers also refuse escapes of lone surrogates.
                Harness.require(!LoneSurrogates.occur(in: line), "output line has a lone surrogate escape: \(String(decoding: line, as: UTF8.self))")
                start = i + 1
            }
            Harness.require(start == p.count, "output does not end with a newline")
        }
    }
}

extension Harness {
    /// A JSON array read as lines (``JSONArrayLinesReader``), with buffers of 1–64 bytes: it
    /// ends, writes at most a byte per byte read and one more, and an array of the input's
    /// lines that parse as JSON (written compactly) comes out as exactly those lines.
    static let jsonArray = Harness(name: "json-array") { input in
        let (choice, rest) = input.split()
        let size = Int(choice & 63) + 1
        func read(_ bytes: [UInt8]) -> [UInt8]? {
            let peekable = PeekableReader(BufferReader(bytes[...]))
            guard let reader = try? JSONArrayLinesReader.ifArray(peekable) else { return nil }
            var out: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: size)
            while true {
                guard let n = try? buffer.withUnsafeMutableBytes({ try reader.read(into: $0) }), n > 0 else { break }
                out += buffer[0..<n]
                Harness.require(out.count <= bytes.count + 1, "more bytes out (\(out.count)) than in (\(bytes.count))")
            }
            return out
        }
        if choice & 64 == 0 {
            _ = read(Array("[".utf8) + Array(rest))
            return
        }
        let elements = rest.split(separator: 0x0A).compactMap { line -> String? in
            guard let v = try? JSONValue.parse(UnsafeBufferPointer(rebasing: line)) else { return nil }
            return v.serialized()
        }
        let array = "[\n  " + elements.joined(separator: ",\n  ") + "\n]\n"
        let out = read(Array(array.utf8)).map { String(decoding: $0, as: UTF8.self) }
        Harness.require(out == elements.map { $0 + "\n" }.joined(), "elements \(elements) came out as \(out ?? "nil")")
    }
}
