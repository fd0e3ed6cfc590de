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
        if !r.skipped.isEmpty {
            let kinds = r.skippedByExtension.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
            parts.append("\(r.skipped.count) other file\(r.skipped.count == 1 ? "" : "s") skipped (\(kinds))")
        }
        if !r.skippedInside.values.isEmpty {
            let inside = r.skippedInside.byCount
            let n = inside.reduce(0) { $0 + $1.count }
            parts.append("\(n) archive member\(n == 1 ? "" : "s") or WARC record\(n == 1 ? "" : "s") skipped (\(inside.map { "\($0.name) \($0.count)" }.joined(separator: ", ")))")
        }
        parts.append("\(r.recordsIn) record\(r.recordsIn == 1 ? "" : "s") in, \(r.recordsOut) out, \(r.rejected) rejected, \(r.dropped) dropped")
        if r.slow > 0 { parts.append("\(r.slow) slow record\(r.slow == 1 ? "" : "s") (see stats.jsonl `slow`)") }
        if r.filesSkippedDone > 0 && r.filesStarted == 0 && r.filesResumed == 0 {
            // Nothing read now: a rate of earlier runs' bytes over this run's time means nothing.
            parts.append("\(Format.bytes(r.bytesDecompressed)), all read by an earlier run")
        } else {
            let mbps = r.seconds > 0 ? Double(r.bytesDecompressed) / r.seconds / 1e6 : 0
            parts.append("\(Format.bytes(r.bytesDecompressed)) in \(Format.fixed(r.seconds, 2)) s (\(Format.fixed(mbps, 1)) MB/s)")
        }
        let dest = output == "-" ? "" : " → \(output)"
        let shard = r.shard.map { " (shard \($0))" } ?? ""
        return "sluice: \(r.status.rawValue)\(shard): " + parts.joined(separator: "; ") + dest
    }

    /// What to say when the run read nothing, or nil when it read something.
    static func nothingRead(_ r: RunReport) -> String? {
        guard r.readNothing, r.status == .completed else { return nil }
        if r.readableInputs == 0 {
            let what = r.skipped.isEmpty ? "no input files were found"
                : "none of the \(r.skipped.count) input file\(r.skipped.count == 1 ? "" : "s") is of a kind Sluice reads"
            return "sluice: nothing was read: \(what). Sluice reads \(readable); run with --verbose to list the files skipped"
        }
        return "sluice: nothing was read: every input failed (see the errors above)"
    }

    /// The kinds of input Sluice reads, for messages.
    static let readable = ".jsonl .json .ndjson .txt .html .htm .warc files and .tar .tgz .zip archives, each optionally compressed (.zst .gz .bz2 .xz)"

}
