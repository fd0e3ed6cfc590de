/// `sluice clean --diff`: what cleaning did to one record, as a compact unified-style diff of
/// lines (`-` removed, `+` added, unchanged lines left out), then the lifted tags and date.
///
///     @@ "a2" @@
///     -The summit. , which was held
///     +The summit, which was held
///     -#music #park
///     tags: music, park
enum CleanDiff {
    static func append(_ r: Record, to out: inout [UInt8]) {
        let lifted = !r.tags.isEmpty || r.date != nil
        guard r.rawText != nil || lifted else { return }
        out.append(contentsOf: "@@ ".utf8)
        out.append(contentsOf: r.idJSON)
        out.append(contentsOf: " @@\n".utf8)
        if let raw = r.rawText {
            let a = raw.split(separator: "\n", omittingEmptySubsequences: false)
            let b = r.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (mark, line) in diff(a, b) {
                out.append(mark)
                appendVisible(line, to: &out)
                out.append(0x0A)
            }
        }
        if !r.tags.isEmpty { out.append(contentsOf: ("tags: " + r.tags.joined(separator: ", ") + "\n").utf8) }
        if let d = r.date { out.append(contentsOf: ("date: " + d + "\n").utf8) }
    }

    /// `line` for a terminal: C0 controls, DEL and the C1 controls shown as `\u{…}` escapes, so
    /// that a removed NUL or escape sequence is seen rather than sent to the terminal.
    static func appendVisible(_ line: Substring, to out: inout [UInt8]) {
        for u in line.unicodeScalars {
            if u.value < 0x20 && u != "\t" || (0x7F...0x9F).contains(u.value) {
                out.append(contentsOf: "\\u{\(String(u.value, radix: 16, uppercase: true))}".utf8)
            } else {
                UTF8.encode(u) { out.append($0) }
            }
        }
    }

    /// The lines only in `a` (`-`) and only in `b` (`+`), in order: a longest-common-subsequence
    /// diff, after trimming the common head and tail (large inputs fall back to replace-all).
    static func diff(_ a: [Substring], _ b: [Substring]) -> [(UInt8, Substring)] {
        var lo = 0
        while lo < a.count && lo < b.count && a[lo] == b[lo] { lo += 1 }
        var ha = a.count, hb = b.count
        while ha > lo && hb > lo && a[ha - 1] == b[hb - 1] { ha -= 1; hb -= 1 }
        let x = Array(a[lo..<ha]), y = Array(b[lo..<hb])
        var result: [(UInt8, Substring)] = []
        if x.count * y.count > 4_000_000 {
            return x.map { (0x2D, $0) } + y.map { (0x2B, $0) }
        }
        // lcs[i][j]: LCS length of x[i...] and y[j...].
        let w = y.count + 1
        var lcs = [Int](repeating: 0, count: (x.count + 1) * w)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                lcs[i * w + j] = x[i] == y[j] ? lcs[(i + 1) * w + j + 1] + 1 : max(lcs[(i + 1) * w + j], lcs[i * w + j + 1])
            }
        }
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count && j < y.count && x[i] == y[j] { i += 1; j += 1; continue }
            if j == y.count || (i < x.count && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
                result.append((0x2D, x[i])); i += 1
            } else {
                result.append((0x2B, y[j])); j += 1
            }
        }
        return result
    }
}
