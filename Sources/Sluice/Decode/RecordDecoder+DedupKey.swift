import SluiceText

extension RecordDecoder {
    /// The dedup key of the record a JSONL line decodes to — `DedupKey.hash(record.text)`
    /// after ``decodeJSONLine(_:lineNumber:)`` — or nil when the line yields no record.
    ///
    /// Dedup's reading pass (inputs read ahead of a run); for UTF-8 lines that scan it hashes the
    /// text's bytes where they lie in the line instead of building a `Record` (its `String`,
    /// id and pass-through fields). Any other line takes the full decode, so keys are the same.
    func dedupKey(ofJSONLine whole: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> UInt64? {
        let line = Self.droppingBOM(whole)
        if converter == nil, let members = try? JSONScanner.scanObject(line),
           let text = textMember(of: members), text.kind == .string {
            // The scan validated the line's UTF-8, and unescaping writes U+FFFD for a lone
            // surrogate, so these are the bytes the record's `String` would hold.
            return JSONScanner.withDecodedBytes(line, text.value) { DedupKey.hash(utf8: $0) }
        }
        if case .record(let r) = decodeJSONLine(line, lineNumber: lineNumber) { return DedupKey.hash(r.text) }
        return nil
    }
}
