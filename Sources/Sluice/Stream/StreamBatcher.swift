/// Decodes a stream's inputs and cuts them into batches the way ``BatchSource`` cuts a file:
/// at `decode.batch_records` inputs or `decode.batch_bytes` bytes of text, whichever comes
/// first. Not Sendable (it owns a ``RecordDecoder``): owned by the stream's producing task.
final class StreamBatcher {
    private let options: DecodeOptions
    private let decoder: RecordDecoder
    private let name: String
    /// Inputs read so far, blank lines included: the next input's 1-based line.
    private var position = 0
    private var sequence = 0

    /// `name` stands for the file in origins and generated ids.
    init(options: DecodeOptions, name: String) throws(ReadError) {
        self.options = options
        self.name = name
        // Inputs arrive as Swift strings or bytes already read: no charset conversion.
        var utf8 = options
        utf8.encoding = "UTF-8"
        decoder = try RecordDecoder(options: utf8, file: name)
    }

    /// Whether `batch` is full.
    func isFull(_ batch: Batch, textBytes: Int) -> Bool {
        batch.recordsIn >= options.batchRecords || textBytes >= options.batchBytes
    }

    /// A new, empty batch numbered after the previous one.
    func startBatch() -> Batch {
        defer { sequence += 1 }
        return Batch(sequence: sequence)
    }

    /// Decodes `input` into `batch`, counting its text bytes into `textBytes`.
    func add(_ input: StreamInput, to batch: inout Batch, textBytes: inout Int) {
        position += 1
        let origin = Origin(file: name, line: position)
        let outcome: RecordDecoder.Outcome
        switch input {
        case .record(var r):
            r.origin.order = position
            textBytes += r.text.utf8.count
            outcome = .record(r)
        case .jsonLine(let line):
            textBytes += line.count
            batch.bytesIn += line.count + 1
            outcome = line.withUnsafeBufferPointer { decoder.decodeJSONLine($0, origin: origin) }
        case .text(var text):
            textBytes += text.utf8.count
            batch.bytesIn += text.utf8.count
            outcome = text.withUTF8 { decoder.decodeText($0, origin: origin) }
        }
        batch.add(outcome)
        batch.endLine = position
    }
}
