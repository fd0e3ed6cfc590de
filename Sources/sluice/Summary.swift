import Sluice

/// The one-line summary printed on stderr at the end of a run.
enum Summary {
    static func line(_ r: RunReport, output: String) -> String {
        // Files whose outputs could not be written have no file event but count as failed.
        let files = r.files + r.writeFailures
        var parts = ["\(files) file\(files == 1 ? "" : "s")"]
        var detail: [String] = []
        if r.filesSkippedDone > 0 { detail.append("\(r.filesSkippedDone) already done") }
        if r.filesResumed > 0 { detail.append("\(r.filesResumed) resumed") }
        if r.filesSkippedDone > 0 || r.filesResumed > 0 { detail.append("\(r.filesStarted) started") }
        if !r.failed.isEmpty { detail.append("\(r.failed.count) failed") }
        if !detail.isEmpty { parts[0] += " (" + detail.joined(separator: ", ") + ")" }
        if !r.skipped.isEmpty { parts.append("\(r.skipped.count) other file\(r.skipped.count == 1 ? "" : "s") skipped") }
        parts.append("\(r.recordsIn) record\(r.recordsIn == 1 ? "" : "s") in, \(r.recordsOut) out, \(r.rejected) rejected, \(r.dropped) dropped")
        if r.slow > 0 { parts.append("\(r.slow) slow record\(r.slow == 1 ? "" : "s") (see stats.jsonl `slow`)") }
        let mbps = r.seconds > 0 ? Double(r.bytesDecompressed) / r.seconds / 1e6 : 0
        parts.append("\(Format.bytes(r.bytesDecompressed)) in \(Format.fixed(r.seconds, 2)) s (\(Format.fixed(mbps, 1)) MB/s)")
        let dest = output == "-" ? "" : " → \(output)"
        let shard = r.shard.map { " (shard \($0))" } ?? ""
        return "sluice: \(r.status.rawValue)\(shard): " + parts.joined(separator: "; ") + dest
    }

}
