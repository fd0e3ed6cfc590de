extension Batch {
    /// Enters what the decoder made of one input: a record (counting its text encoding) or a
    /// rejected input; a blank line is no record.
    mutating func add(_ outcome: RecordDecoder.Outcome) {
        switch outcome {
        case .record(let r):
            if let e = r.origin.encoding { encodings.add(e) }
            records.append(r)
            recordsIn += 1
        case .rejected(let r):
            rejected.append(r)
            recordsIn += 1
        case .blank:
            break
        }
    }
}
