/// Builders for the `stage` and `run` events of stats.jsonl (DESIGN.md).
public enum StatsEvent {
    /// The `stage` event of stage `name`.
    public static func stage(_ name: String, _ s: StageStats) -> JSONValue {
        .object([
            (key: "event", value: .string("stage")),
            (key: "stage", value: .string(name)),
            (key: "records", value: .int(s.records)),
            (key: "changed", value: .int(s.changed)),
            (key: "counters", value: FileStats.object(s.counters)),
            (key: "seconds", value: .double(s.seconds, fractionDigits: 3)),
        ])
    }

    /// The `run` event of a run.
    public static func run(_ r: RunReport) -> JSONValue {
        var m: [JSONValue.Member] = [
            (key: "event", value: .string("run")),
            (key: "status", value: .string(r.status.rawValue)),
            (key: "files", value: .int(r.files)),
            (key: "records_in", value: .int(r.recordsIn)),
            (key: "records_out", value: .int(r.recordsOut)),
            (key: "rejected", value: .int(r.rejected)),
            (key: "dropped", value: .int(r.dropped)),
            (key: "bytes_in", value: .int(r.bytesIn)),
            (key: "bytes_decompressed", value: .int(r.bytesDecompressed)),
            (key: "skipped_files", value: .int(r.skipped.count)),
            (key: "skipped_by_extension", value: .object(r.skippedByExtension.map { (key: $0.name, value: .int($0.count)) })),
            (key: "seconds", value: .double(r.seconds, fractionDigits: 3)),
            (key: "resumed", value: .bool(r.resumed)),
            (key: "pipeline", value: .string(r.pipeline)),
        ]
        if !r.skippedInside.values.isEmpty { m.append((key: "skipped_inside", value: FileStats.object(r.skippedInside))) }
        if !r.encodings.values.isEmpty { m.append((key: "encodings", value: FileStats.object(r.encodings))) }
        if let shard = r.shard { m.append((key: "shard", value: .string(shard))) }
        // When the invocation started (seconds since the epoch): `sluice report` adds up the
        // time during which any invocation ran, for shards run side by side or one after another.
        if r.started > 0 { m.append((key: "started", value: .double(r.started, fractionDigits: 3))) }
        if !r.failed.isEmpty {
            m.append((key: "failed", value: .array(r.failed.map { .string($0.file) })))
        }
        return .object(m)
    }
}
