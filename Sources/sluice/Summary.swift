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
        let mbps = r.seconds > 0 ? Double(r.bytesDecompressed) / r.seconds / 1e6 : 0
        parts.append("\(bytes(r.bytesDecompressed)) in \(fixed(r.seconds, 2)) s (\(fixed(mbps, 1)) MB/s)")
        let dest = output == "-" ? "" : " → \(output)"
        return "sluice: \(r.status.rawValue): " + parts.joined(separator: "; ") + dest
    }

    static func fixed(_ v: Double, _ digits: Int) -> String {
        var s = 1.0
        for _ in 0..<digits { s *= 10 }
        let r = (v * s).rounded() / s
        var text = "\(r)"
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        }
        return text
    }

    static func bytes(_ n: Int) -> String {
        let v = Double(n)
        if v >= 1e9 { return fixed(v / 1e9, 2) + " GB" }
        if v >= 1e6 { return fixed(v / 1e6, 1) + " MB" }
        if v >= 1e3 { return fixed(v / 1e3, 1) + " kB" }
        return "\(n) B"
    }
}
