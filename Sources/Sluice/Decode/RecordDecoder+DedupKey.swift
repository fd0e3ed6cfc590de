import SluiceText

extension RecordDecoder {
    /// The dedup key of the record a JSONL line decodes to — `DedupKey.hash(record.text)`
    /// after ``decodeJSONLine(_:lineNumber:)`` — or nil when the line yields no record.
    ///
    /// Dedup's pre-pass reads every input once more; for UTF-8 lines that scan it hashes the
    /// text's bytes where they lie in the line instead of building a `Record` (its `String`,
    /// id and pass-through fields). Any other line takes the full decode, so keys are the same.
    func dedupKey(ofJSONLine line: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> UInt64? {
        if converter == nil, !isBlank(line), let members = try? JSONScanner.scanObject(line),
           let text = textMember(of: members), text.kind == .string {
            let key: UInt64? = JSONScanner.withDecodedBytes(line, text.value) { bytes in
                // An escaped lone surrogate is not UTF-8; `String` would repair it: full path.
                UTF8Validator.isValid(bytes) ? DedupKey.hash(utf8: bytes) : nil
            }
            if let key { return key }
        }
        if case .record(let r) = decodeJSONLine(line, lineNumber: lineNumber) { return DedupKey.hash(r.text) }
        return nil
    }
}
