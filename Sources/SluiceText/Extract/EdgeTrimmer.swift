/// Trims the lines around an article that are not prose: the date line, reading time and
/// category label before it, the "Read more:", "Share:" and box headings after it. Only short
/// lines without a sentence end go, and only from the two ends, never from the middle.
struct EdgeTrimmer {
    /// Lines at most this long (in bytes) may be trimmed.
    let maxLength: Int

    init(favor: ExtractOptions.Favor) {
        switch favor {
        case .precision: maxLength = 120
        case .balanced: maxLength = 80
        case .recall: maxLength = 0
        }
    }

    /// `text` without its non-prose edge lines.
    func trim(_ text: String) -> String {
        guard maxLength > 0 else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var start = 0
        var end = lines.count
        while end > start && isEdge(lines[end - 1]) { end -= 1 }
        while start < end && isEdge(lines[start]) { start += 1 }
        guard start > 0 || end < lines.count else { return text }
        lines = Array(lines[start..<end])
        return lines.joined(separator: "\n")
    }

    private func isEdge(_ line: Substring) -> Bool {
        let u = line.utf8
        if u.isEmpty { return true }
        guard u.count <= maxLength else { return false }
        // The last non-space byte, or the last scalar for the non-ASCII closers.
        var last = line.unicodeScalars.last
        var it = line.unicodeScalars.reversed().makeIterator()
        while let s = it.next() {
            if !s.properties.isWhitespace {
                last = s
                break
            }
        }
        guard let last else { return true }
        switch last {
        case ".", "!", "?", "…", "\"", "”", "“", "»", "«", "'", "’", ")", "。", "！", "？", "؟", "।":
            return false
        default:
            return true
        }
    }
}
