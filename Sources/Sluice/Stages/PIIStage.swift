import SluiceText

/// The pii stage: e-mail addresses, phone numbers and IP addresses counted under
/// `attributes.pii` (`{"emails": 1, "phones": 2, "ips": 1}`, non-zero only) and, in `mask`
/// mode, replaced in `text` by `<EMAIL>`, `<PHONE>`, `<IP>`. It can go anywhere in a
/// pipeline: placed before `split`, sentences carry the placeholders too; placed after
/// `split`, only `text` is masked, so put it before.
public struct PIIStage: Stage {
    /// `mask` replaces what was found by a placeholder; `tag` only counts it.
    public enum Mode: String, CaseIterable, Sendable {
        /// Only count what was found.
        case tag
        /// Replace what was found by `<EMAIL>`, `<PHONE>`, `<IP>`.
        case mask
    }

    /// Mask or only count.
    public let mode: Mode
    /// What is looked for.
    public let kinds: [PIIMasker.Kind]

    /// A PII stage looking for `kinds`.
    public init(mode: Mode = .mask, kinds: [PIIMasker.Kind] = PIIMasker.Kind.allCases) {
        self.mode = mode
        self.kinds = PIIMasker.Kind.allCases.filter(kinds.contains)
    }

    /// The stage's name in pipeline files and stats.
    public var name: String { "pii" }
    /// The stage's version and options, part of the run fingerprint.
    public var fingerprint: String { "pii/1 mode=\(mode.rawValue) types=\(kinds.map(\.rawValue).joined(separator: ","))" }

    /// Runs the stage over `batch`, counting into `stats`.
    public func process(_ batch: inout Batch, stats: inout StageStats) {
        let wanted = Set(kinds)
        let progress = StageProgress.current
        for i in batch.records.indices {
            progress?.at(record: i)
            stats.records += 1
            let counts: [(name: String, count: Int)]
            switch mode {
            case .mask:
                let (text, c) = PIIMasker.mask(batch.records[i].text, kinds: wanted)
                if !c.isEmpty {
                    batch.records[i].text = text
                    stats.changed += 1
                }
                counts = c
            case .tag:
                let c = PatternScanner.counts(PatternScanner.scan(batch.records[i].text))
                let names = Set(wanted.map(\.countName))
                counts = PIIMasker.counts(c).filter { names.contains($0.name) }
                if !counts.isEmpty { stats.changed += 1 }
            }
            for (name, n) in counts { stats.counters.add(mode == .mask ? name + "_masked" : name, n) }
            if !counts.isEmpty {
                batch.records[i].setAttributes("pii", .object(counts.map { (key: $0.name, value: .int($0.count)) }))
            }
        }
    }
}

/// The pii stage, as written in a pipeline builder.
public typealias PII = PIIStage
