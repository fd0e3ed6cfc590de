extension FileCheckpoint {
    func json() -> JSONValue {
        var m: [JSONValue.Member] = [
            (key: "file", value: .string(file)),
            (key: "status", value: .string(status.rawValue)),
            (key: "fingerprint", value: .object([
                (key: "size", value: .int(fingerprint.size)),
                (key: "mtime_ns", value: .int(fingerprint.mtimeNanoseconds)),
                (key: "head", value: .string(String(fingerprint.headHash, radix: 16))),
                (key: "tail", value: .string(String(fingerprint.tailHash, radix: 16))),
            ])),
            (key: "next_sequence", value: .int(nextSequence)),
            (key: "lines_consumed", value: .int(linesConsumed)),
            (key: "bytes_consumed", value: .int(bytesConsumed)),
            (key: "unit", value: .int(unit)),
            (key: "output_bytes", value: .int(outputBytes)),
            (key: "rejected_bytes", value: .int(rejectedBytes)),
            (key: "stats", value: stats.json(topTags: nil)),
            (key: "stage_stats", value: .array(stageStats.map { $0.json() })),
            (key: "saved_at", value: .double(savedAt, fractionDigits: 3)),
        ]
        if let member { m.append((key: "member", value: .string(member))) }
        if let completion { m.append((key: "completion", value: .int(completion))) }
        return .object(m)
    }

    init?(json v: JSONValue) {
        guard let file = v["file"]?.stringValue,
              let status = v["status"]?.stringValue.flatMap(Status.init(rawValue:)),
              let f = v["fingerprint"],
              let size = f["size"]?.intValue, let mtime = f["mtime_ns"]?.intValue,
              let head = f["head"]?.stringValue.flatMap({ UInt64($0, radix: 16) }),
              let tail = f["tail"]?.stringValue.flatMap({ UInt64($0, radix: 16) }),
              let statsJSON = v["stats"], let stats = FileStats(json: statsJSON),
              case .array(let stages)? = v["stage_stats"]
        else { return nil }
        self.init(file: file, fingerprint: InputFingerprint(size: size, mtimeNanoseconds: mtime, headHash: head, tailHash: tail),
                  stages: stages.count)
        self.status = status
        nextSequence = v["next_sequence"]?.intValue ?? 0
        linesConsumed = v["lines_consumed"]?.intValue ?? 0
        bytesConsumed = v["bytes_consumed"]?.intValue ?? 0
        unit = v["unit"]?.intValue ?? 0
        member = v["member"]?.stringValue
        outputBytes = v["output_bytes"]?.intValue ?? 0
        rejectedBytes = v["rejected_bytes"]?.intValue ?? 0
        self.stats = stats
        stageStats = stages.map(StageStats.init(json:))
        completion = v["completion"]?.intValue
        savedAt = v["saved_at"]?.doubleValue ?? 0
    }
}
