/// Tells whether a text is a whole HTML document (a web page) rather than prose, or prose
/// with a few tags in it: the `extract` stage extracts the article only from documents.
///
/// A document, after an optional byte order mark, white space, `<?xml …?>` prolog and any
/// number of comments (`<!-- … -->`), starts with one of (ASCII case ignored):
/// `<!doctype html`, `<html`, `<head`, `<body`, `<meta`, `<title` — each followed by white
/// space, `>` or `/` (so `<header>` or `<metadata>` do not count). `<meta` and `<title` are
/// included because scraped pages often lose everything before their head's first element,
/// and neither element begins an article body; an HTML fragment such as `<p>Hi</p>` or
/// `<div>…` is not a document (the clean stage removes its tags).
///
/// One forward pass over at most the document's head bytes: linear, never reads past the end.
public enum HTMLSniffer {
    /// Whether `text` is an HTML document.
    public static func isDocument(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { isDocument($0) }
    }

    /// Whether `bytes` (UTF-8) are an HTML document.
    public static func isDocument(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while true {
            i = skipSpace(bytes, i)
            guard i < n, bytes[i] == 0x3C else { return false }  // "<"
            if hasPrefix(bytes, i, "<!--") {
                // A comment ends at the first "-->" after its opening ("<!-->" ends at once, as in HTML).
                guard let end = find(bytes, from: i + 4, "-->", allowOverlapWithOpening: true) else { return false }
                i = end
                continue
            }
            if hasPrefix(bytes, i, "<?xml") {
                guard let end = find(bytes, from: i + 5, "?>") else { return false }
                i = end
                continue
            }
            if hasPrefix(bytes, i, "<!doctype") {
                var j = i + 9
                let afterKeyword = skipSpace(bytes, j)
                guard afterKeyword > j else { return false }
                j = afterKeyword
                return hasPrefix(bytes, j, "html") && endsName(bytes, j + 4)
            }
            for name in elementNames where hasPrefix(bytes, i + 1, name) {
                return endsName(bytes, i + 1 + name.utf8CodeUnitCount)
            }
            return false
        }
    }

    /// The start tags (without `<`) that begin a document.
    private static let elementNames: [StaticString] = ["html", "head", "body", "meta", "title"]

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    private static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var i = start
        while i < bytes.count, isSpace(bytes[i]) { i += 1 }
        return i
    }

    /// Whether a tag name ends at `i`: white space, `>`, `/`, or the end of the input.
    private static func endsName(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i < bytes.count else { return true }
        let b = bytes[i]
        return isSpace(b) || b == 0x3E || b == 0x2F
    }

    /// Whether `bytes[i...]` starts with `prefix` (lowercase ASCII), ignoring ASCII case.
    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard i >= 0, bytes.count - i >= count else { return false }
        let p = prefix.utf8Start
        for k in 0..<count {
            var b = bytes[i + k]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if b != p[k] { return false }
        }
        return true
    }

    /// The position just after the first `needle` at or after `from`, or nil. With
    /// `allowOverlapWithOpening`, a needle that starts up to two bytes before `from` counts
    /// (`<!-->` and `<!--->` are complete comments in HTML).
    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, _ needle: StaticString,
                             allowOverlapWithOpening: Bool = false) -> Int? {
        let count = needle.utf8CodeUnitCount
        let first = needle.utf8Start[0]
        var i = allowOverlapWithOpening ? from - 2 : from
        while i + count <= bytes.count {
            if bytes[i] == first && hasPrefix(bytes, i, needle) { return i + count }
            i += 1
        }
        return nil
    }
}
