/// Finds hashtags (`#Putin`, `#COP29`, `#élection`) inside running text.
///
/// A hashtag starts with `#` at the start of the text or after a character that is not a
/// word character or `&` (so `C#`, `&#39;` and URL fragments `a/#b` are not hashtags), and
/// runs over letters, marks, digits and underscores; all-digit tags (`#1`) are not hashtags.
public enum HashtagScanner {
    /// The hashtags of `text` without `#`, in order of first appearance, without duplicates.
    public static func hashtags(in text: String) -> [String] {
        var found = UniqueStrings()
        var copy = text
        copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let n = bytes.count
            // Most texts hold no '#' or a few: jump between them (vectorized memchr).
            var i = ByteSearch.find(0x23, base, 0, n) ?? n
            while i < n {
                guard bytes[i] == 0x23 else { i = ByteSearch.find(0x23, base, i, n) ?? n; continue }  // '#'
                guard let j = tagEnd(bytes, at: i) else { i += 1; continue }
                let tag = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j]), as: UTF8.self)
                found.insert(tag)
                i = j
            }
        }
        return found.items
    }

    /// The end of the hashtag whose `#` is at `i`, or nil when none starts there (see the
    /// type's rules). The pattern scanner counts hashtags with the same rule.
    static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        if i > 0 {
            let prev = bytes[i - 1]
            if prev == 0x26 || prev == 0x2F || prev == 0x23 || WordClass.isWord(before: i, in: bytes) { return nil }
        }
        var j = i + 1
        var hasLetter = false
        while j < bytes.count {
            let (isWord, isLetter, len) = WordClass.classify(bytes, j)
            guard isWord else { break }
            hasLetter = hasLetter || isLetter
            j += len
        }
        return hasLetter ? j : nil
    }
}
