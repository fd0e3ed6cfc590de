/// Builders for the `stage` and `run` events of stats.jsonl (DESIGN.md).
public enum StatsEvent {
    public static func stage(_ name: String, _ s: StageStats) -> JSONValue {
        .object([
            .init(key: "event", value: .string("stage")),
            .init(key: "stage", value: .string(name)),
            .init(key: "records", value: .int(s.records)),
            .init(key: "changed", value: .int(s.changed)),
            .init(key: "counters", value: FileStats.object(s.counters)),
            .init(key: "seconds", value: .double(s.seconds, fractionDigits: 3)),
        ])
    }

    public static func run(_ r: RunReport) -> JSONValue {
        var m: [JSONValue.Member] = [
            .init(key: "event", value: .string("run")),
            .init(key: "status", value: .string(r.status.rawValue)),
            .init(key: "files", value: .int(r.files)),
            .init(key: "records_in", value: .int(r.recordsIn)),
            .init(key: "records_out", value: .int(r.recordsOut)),
            .init(key: "rejected", value: .int(r.rejected)),
            .init(key: "dropped", value: .int(r.dropped)),
            .init(key: "bytes_in", value: .int(r.bytesIn)),
            .init(key: "bytes_decompressed", value: .int(r.bytesDecompressed)),
            .init(key: "skipped_files", value: .int(r.skipped.count)),
            .init(key: "seconds", value: .double(r.seconds, fractionDigits: 3)),
            .init(key: "resumed", value: .bool(r.resumed)),
            .init(key: "pipeline", value: .string(r.pipeline)),
        ]
        if !r.failed.isEmpty {
            m.append(.init(key: "failed", value: .array(r.failed.map { .string($0.file) })))
        }
        return .object(m)
    }
}
