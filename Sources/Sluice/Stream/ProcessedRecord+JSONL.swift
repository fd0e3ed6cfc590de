extension ProcessedRecord {
    /// The line a file run writes for this input, newline included: a kept record as its
    /// output writes it (DESIGN.md's record format), a dropped or rejected one as `_rejected/`
    /// does (`reason`, `detail`, `origin` and the record or raw input).
    public var jsonLine: [UInt8] {
        var w = JSONWriter()
        switch self {
        case .kept(let r): RecordEncoder.append(r, as: .record, to: &w)
        case .dropped(let r), .rejected(let r): RecordEncoder.appendRejected(r, to: &w)
        }
        return w.bytes
    }
}
