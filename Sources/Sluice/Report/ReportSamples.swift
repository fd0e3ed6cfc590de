/// Records shown on the report page: `count` kept records and `count` per rejection or drop
/// reason, chosen deterministically and read cheaply.
///
/// Files holding what is wanted are taken evenly spread over the run (by name), and only the
/// first records of each are read: an output is stream-decompressed and closed as soon as
/// enough were found, so the cost does not grow with the corpus.
public struct ReportSamples: Sendable {
    /// One record as shown: where it came from and its text (raw line for unreadable input).
    public struct Sample: Sendable, Equatable {
        /// The input file (`origin.file`) and line, when known.
        public var file: String
        /// The record's line (or order) in that file.
        public var line: Int?
        /// The record's id as text (a JSON number or object serialized).
        public var id: String?
        /// The record's language, when tagged.
        public var lang: String?
        /// The record's text; for an unreadable record, its raw line.
        public var text: String
        /// The record's tags.
        public var tags: [String] = []
        /// The rejection's detail (`duplicate_of`, failing quality rules, parse error).
        public var detail: String?
    }

    /// Kept records, in file name order.
    public var kept: [Sample] = []
    /// Per reason, most frequent reason first.
    public var rejected: [(reason: String, samples: [Sample])] = []

    /// Reads the samples of the run `snapshot` describes: up to `count` of each group.
    public init(snapshot: RunSnapshot, count: Int) {
        guard count > 0 else { return }
        let dir = snapshot.outputDirectory
        let byName = snapshot.files.sorted { $0.stats.file < $1.stats.file }

        // Kept records: the first of evenly spread files, more per file when there are few.
        let withOutput = byName.filter { $0.stats.recordsOut > 0 }
        let chosen = Self.evenlySpaced(withOutput, count)
        let perFile = chosen.isEmpty ? 0 : (count + chosen.count - 1) / chosen.count
        for row in chosen where kept.count < count {
            kept += Self.keptRecords(outputDirectory: dir, file: row.stats.file, limit: min(perFile, count - kept.count))
        }

        // Rejected and dropped records: per reason, evenly spread files that have some.
        var reasons = snapshot.summary.rejected
        reasons.merge(snapshot.summary.dropped)
        var wanted: [String: [String: Int]] = [:]
        for (reason, _) in reasons.byCount {
            let files = byName.filter { $0.stats.rejected[reason] + $0.stats.dropped[reason] > 0 }
            let picked = Self.evenlySpaced(files, count)
            let each = picked.isEmpty ? 0 : (count + picked.count - 1) / picked.count
            for row in picked { wanted[row.stats.file, default: [:]][reason] = each }
        }
        var found: [String: [Sample]] = [:]
        for file in wanted.keys.sorted() {
            for (reason, samples) in Self.rejectedRecords(outputDirectory: dir, file: file, wanted: wanted[file]!) {
                found[reason, default: []] += samples
            }
        }
        rejected = reasons.byCount.map { ($0.name, Array((found[$0.name] ?? []).prefix(count))) }
    }

    /// `k` items spread evenly over `items` (all of them when there are no more than `k`).
    static func evenlySpaced<T>(_ items: [T], _ k: Int) -> [T] {
        guard items.count > k else { return items }
        return (0..<k).map { items[$0 * items.count / k] }
    }

    /// The output of input `file`: finished, or still being written (`.partial`).
    static func existing(_ candidates: [String]) -> String? {
        for c in candidates {
            for path in [c, c + ".partial"] where FileSystem.exists(path) { return path }
        }
        return nil
    }

    /// The first `limit` records of `file`'s output (JSONL records, or text documents).
    static func keptRecords(outputDirectory dir: String, file: String, limit: Int) -> [Sample] {
        let stem = InputFile.stem(of: file)
        guard let path = existing(["\(dir)/\(stem).jsonl.zst", "\(dir)/\(stem).txt.zst"]) else { return [] }
        var out: [Sample] = []
        if path.contains(".txt.zst") {
            // Text sink: one sentence a line, a blank line after each document.
            var lines: [String] = []
            var docs = 0
            forEachLine(path) { line in
                if line.isEmpty {
                    if !lines.isEmpty {
                        docs += 1
                        out.append(Sample(file: file, line: nil, text: lines.joined(separator: "\n")))
                        lines = []
                    }
                } else {
                    lines.append(line)
                }
                return docs < limit
            }
            if !lines.isEmpty && out.count < limit { out.append(Sample(file: file, line: nil, text: lines.joined(separator: "\n"))) }
            return out
        }
        forEachLine(path) { line in
            if let v = try? JSONValue.parse(line) { out.append(sample(record: v, file: file)) }
            return out.count < limit
        }
        return out
    }

    /// Records of `file`'s `_rejected/` output for the reasons `wanted`, as many as wanted each.
    static func rejectedRecords(outputDirectory dir: String, file: String, wanted: [String: Int]) -> [String: [Sample]] {
        let stem = InputFile.stem(of: file)
        guard let path = existing(["\(dir)/_rejected/\(stem).jsonl.zst"]) else { return [:] }
        var need = wanted
        var out: [String: [Sample]] = [:]
        forEachLine(path) { line in
            guard let v = try? JSONValue.parse(line), let reason = v["reason"]?.stringValue,
                  let n = need[reason], n > 0 else { return true }
            need[reason] = n - 1
            var s: Sample
            if let record = v["record"] {
                s = sample(record: record, file: file)
            } else {
                let text = v["raw"]?.stringValue ?? v["raw_base64"]?.stringValue.map { "(not UTF-8; base64) " + $0 } ?? ""
                s = Sample(file: file, line: nil, text: text)
            }
            s.file = v["origin"]?["file"]?.stringValue ?? file
            s.line = v["origin"]?["line"]?.intValue ?? s.line
            var detail: [String] = []
            if let d = v["detail"]?.stringValue { detail.append(d) }
            if let d = v["duplicate_of"] { detail.append("duplicate of " + (d.stringValue ?? d.serialized())) }
            s.detail = detail.isEmpty ? nil : detail.joined(separator: "; ")
            out[reason, default: []].append(s)
            return need.values.contains { $0 > 0 }
        }
        return out
    }

    /// A sample of an output record.
    static func sample(record v: JSONValue, file: String) -> Sample {
        var tags: [String] = []
        if case .array(let items)? = v["tags"] { tags = items.compactMap(\.stringValue) }
        let id = v["id"].map { $0.stringValue ?? $0.serialized() }
        return Sample(file: v["origin"]?["file"]?.stringValue ?? file, line: v["origin"]?["line"]?.intValue,
                      id: id, lang: v["lang"]?.stringValue, text: v["text"]?.stringValue ?? "", tags: tags)
    }

    /// Calls `body` with the lines of a zstd file until it returns false, the file ends or
    /// cannot be read further (an output being written, or damaged: what came before is shown).
    static func forEachLine(_ path: String, _ body: (String) -> Bool) {
        guard let file = try? FileReader(path: path) else { return }
        let reader = LineReader(source: ZstdDecompressor(source: file), chunkSize: 1 << 16)
        var more = true
        while more {
            let got = (try? reader.nextLine { more = body(String(decoding: $0, as: UTF8.self)) }) ?? false
            if !got { break }
        }
    }
}
