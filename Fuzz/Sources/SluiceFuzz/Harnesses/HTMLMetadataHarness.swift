@testable import SluiceText

extension Harness {
    /// ``HTMLMetadataExtractor`` (first byte even) and, directly, its ``JSONLDReader`` (byte % 4
    /// == 1) and ``HTMLDateParser`` (byte % 4 == 3): no crash or hang; the same answer twice;
    /// every text field trimmed, without control characters or runs of spaces; dates are valid
    /// ISO 8601 in one of the written forms; language tags are `xx`/`xx-YY`-shaped; lists bounded.
    static let htmlMetadata = Harness(name: "html-metadata") { input in
        let (choice, rest) = input.split()
        switch choice & 3 {
        case 1:
            _ = JSONLDReader.parse(rest)
        case 3:
            if let d = HTMLDateParser.parse(String(decoding: rest, as: UTF8.self)) { checkISODate(d) }
            if let d = HTMLDateParser.fromURL(String(decoding: rest, as: UTF8.self)) { checkISODate(d) }
        default:
            let bytes = Array(rest)
            let url: String? = choice & 4 != 0 ? "https://ex.com/2019/07/28/a/b.html" : nil
            let m = HTMLMetadataExtractor().extract(bytes, url: url)
            Harness.require(m == HTMLMetadataExtractor().extract(bytes, url: url), "two runs differ")
            for (field, value) in [("title", m.title), ("author", m.author), ("description", m.description), ("sitename", m.sitename)] {
                if let value { checkText(value, field) }
            }
            for v in m.categories + m.tags { checkText(v, "category/tag") }
            Harness.require(m.categories.count <= 50 && m.tags.count <= 50, "too many categories or tags")
            if let d = m.published { checkISODate(d) }
            if let l = m.lang {
                let parts = l.split(separator: "-")
                Harness.require(!l.isEmpty && parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLetter } },
                                "bad language tag \(l)")
            }
            if let u = m.url { Harness.require(!u.isEmpty, "empty url") }
        }
    }

    static func checkText(_ s: String, _ field: String) {
        Harness.require(!s.isEmpty, "empty \(field)")
        Harness.require(s.first != " " && s.last != " " && !s.contains("  "), "\(field) not trimmed or collapsed: \(s.debugDescription)")
        Harness.require(!s.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "control character in \(field): \(s.debugDescription)")
    }

    /// `YYYY-MM-DD`, optionally `Thh:mm:ss` and `±hh:mm`, with the calendar checked.
    static func checkISODate(_ d: String) {
        let b = Array(d.utf8)
        Harness.require([10, 19, 25].contains(b.count), "date of odd length: \(d)")
        guard let y = Int(String(d.prefix(4))), let m = Int(String(d.dropFirst(5).prefix(2))), let day = Int(String(d.dropFirst(8).prefix(2))) else {
            Harness.require(false, "date not numeric: \(d)")
            return
        }
        Harness.require(b[4] == 0x2D && b[7] == 0x2D && HTMLDateParser.format(y, m, day) == String(d.prefix(10)), "invalid date \(d)")
        if b.count >= 19 {
            Harness.require(b[10] == 0x54 && b[13] == 0x3A && b[16] == 0x3A, "bad time in \(d)")
            let h = Int(String(d.dropFirst(11).prefix(2))) ?? 99, mi = Int(String(d.dropFirst(14).prefix(2))) ?? 99
            let s = Int(String(d.dropFirst(17).prefix(2))) ?? 99
            Harness.require(h < 24 && mi < 60 && s < 60, "time out of range in \(d)")
        }
        if b.count == 25 {
            Harness.require((b[19] == 0x2B || b[19] == 0x2D) && b[22] == 0x3A, "bad offset in \(d)")
        }
    }
}
