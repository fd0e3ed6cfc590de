/// Finds hashtags (`#Putin`, `#COP29`, `#élection`) inside running text.
///
/// A hashtag starts with `#` at the start of the text or after a character that is not a
/// word character or `&` (so `C#`, `&#39;` and URL fragments `a/#b` are not hashtags), and
/// runs over letters, marks, digits and underscores; all-digit tags (`#1`) are not hashtags.
public enum HashtagScanner {
    /// The hashtags of `text` without `#`, in order of first appearance, without duplicates.
    public static func hashtags(in text: String) -> [String] {
        var found: [String] = []
        var copy = text
        copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let n = bytes.count
            // Most texts hold no '#' or a few: jump between them (vectorized memchr).
            var i = ByteSearch.find(0x23, base, 0, n) ?? n
            while i < n {
                guard bytes[i] == 0x23 else { i = ByteSearch.find(0x23, base, i, n) ?? n; continue }  // '#'
                if i > 0 && precededByWord(bytes, i) { i += 1; continue }
                var j = i + 1
                var hasLetter = false
                while j < n {
                    let (isWord, isLetter, len) = WordClass.classify(bytes, j)
                    guard isWord else { break }
                    hasLetter = hasLetter || isLetter
                    j += len
                }
                if hasLetter && j - i > 1 {
                    let tag = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j]), as: UTF8.self)
                    if !found.contains(tag) { found.append(tag) }
                }
                i = max(j, i + 1)
            }
        }
        return found
    }

    private static func precededByWord(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let prev = bytes[i - 1]
        return prev == 0x26 || prev == 0x2F || prev == 0x23 || WordClass.isWord(before: i, in: bytes)
    }
}
