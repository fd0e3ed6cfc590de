/// Trims the lines around an article that are not prose: the date line, reading time and
/// category label before it, the "Read more:", "Share:" and box headings after it. Only short
/// lines without a sentence end go, only from the two ends, never from the middle, and never
/// the whole text.
struct EdgeTrimmer {
    /// At most this many lines go from the start.
    static let maxLines = 4

    /// Lines at most this long (in bytes) may be trimmed.
    let maxLength: Int

    init(favor: ExtractOptions.Favor) {
        switch favor {
        case .precision: maxLength = 120
        case .balanced: maxLength = 80
        case .recall: maxLength = 0
        }
    }

    /// `text` without its non-prose edge lines. Only the trimmed lines are looked at.
    func trim(_ text: String) -> String {
        guard maxLength > 0 else { return text }
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        // From the end: the last line is bytes[lineStart..<end]. A text whose every line looks
        // like a label (song lyrics, a list of ingredients) is all article, not all edge: it
        // stays whole rather than vanishing.
        var newEnd = end
        while newEnd > start {
            var lineStart = newEnd
            while lineStart > start && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            guard isEdge(bytes[lineStart..<newEnd]) else { break }
            newEnd = lineStart > start ? lineStart - 1 : start
        }
        if newEnd > start { end = newEnd }
        // From the start, where the labels are few (a date, a category, a reading time): a run
        // of more than `maxLines` such lines is a list of the article (ingredients,
        // specifications, verses) and stays whole.
        var newStart = start
        var lines = 0
        while newStart < end {
            var lineEnd = newStart
            while lineEnd < end && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            guard isEdge(bytes[newStart..<lineEnd]) else { break }
            if bytes[newStart..<lineEnd].contains(where: { $0 > 0x20 }) { lines += 1 }
            guard lines <= Self.maxLines else { break }
            newStart = lineEnd < end ? lineEnd + 1 : end
        }
        if lines <= Self.maxLines { start = newStart }
        if start == 0 && end == bytes.count { return text }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Scalars that end a sentence or a quotation: a line ending in one is prose.
    private static let closers: Set<Unicode.Scalar> = [".", "!", "?", "…", "\"", "”", "“", "»", "«", "'", "’", ")", "。", "！", "？", "؟", "।"]

    private func isEdge(_ line: ArraySlice<UInt8>) -> Bool {
        var e = line.endIndex
        while e > line.startIndex && (line[e - 1] == 0x20 || line[e - 1] == 0x09 || line[e - 1] == 0x0D) { e -= 1 }
        if e == line.startIndex { return true }
        guard line.count <= maxLength else { return false }
        // The last scalar: back over continuation bytes to its first byte.
        var s = e - 1
        while s > line.startIndex && line[s] & 0xC0 == 0x80 { s -= 1 }
        guard let last = String(decoding: line[s..<e], as: UTF8.self).unicodeScalars.first else { return true }
        if Self.closers.contains(last) { return false }
        // A line ending in an emoji or a smiley is someone writing, not a label.
        if last.properties.isEmojiPresentation { return false }
        if e - line.startIndex >= 2 {
            let a = line[e - 2], b = line[e - 1]
            if (a == 0x3A || a == 0x3B) && (b == 0x29 || b == 0x28 || b == 0x44 || b == 0x50) { return false }  // :) ;) :( :D :P
            if a == 0x28 && b == 0x3A { return false }  // (:
        }
        return true
    }
}
