/// A check on UTF-8 bytes that a text is in NFC because nothing in it can make it otherwise:
/// no code point whose NFC quick-check answer is No; no combining mark (canonical combining
/// class above 0: a virama, a Hebrew point) right after another, so none needs reordering; and
/// no code point that composes with some character before it (quick check Maybe: a combining
/// accent, a Bengali vowel sign, a Hangul vowel jamo) right after a mark, after a character it
/// composes with, or after one with a decomposition (`â` + U+0323 is `ậ` in NFC). Tables in
/// `NFCQuickCheck+Table.swift`, from `Scripts/gen_nfc_table.py`.
///
/// With a table lookup per non-ASCII code point it answers "certainly NFC", or names the
/// stretches it cannot vouch for, which are all the standard library's normalizer then sees:
/// run over whole texts with any mark, it took a twentieth of the default pipeline on
/// multilingual text.
enum NFCQuickCheck {
    /// Whether `bytes` (valid UTF-8) are certainly in NFC.
    static func isCertainlyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        unsureSegment(bytes, from: 0) == nil
    }

    /// The first stretch at or after `start` (a code point boundary) that the table cannot vouch
    /// for, cut at normalization boundaries: from the last code point before it that is ASCII
    /// or of kind "fine" (combining class 0, quick check Yes: nothing before it composes or
    /// reorders with it) to the next such code point after it (or the end). NFC of the text is
    /// then NFC of each such stretch with the bytes between them as they are; nil when there
    /// is none.
    static func unsureSegment(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int>? {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        return blockIndex.withUnsafeBufferPointer { index in
            blocks.withUnsafeBufferPointer { bits in
                @inline(__always) func kind(_ cp: UInt32) -> UInt64 {
                    guard cp < 0x110000 else { return 2 }
                    let word = bits[Int(index[Int(cp >> 8)]) &* 8 &+ Int((cp >> 5) & 7)]
                    return (word >> UInt64(2 * (cp & 31))) & 3
                }
                var i = start
                // Where the last ASCII or "fine" code point starts: a boundary before it.
                var boundary = start
                // The code point before, and whether it was a mark (or a code point that composes).
                var prev: UInt32 = 0
                var afterMark = false
                while i < n {
                    // Eight ASCII bytes at a time (ASCII is in every normalization form).
                    if i + 8 <= n, ByteLanes.load(base + i) & ByteLanes.high == 0 {
                        repeat {
                            i &+= 8
                        } while i + 8 <= n && ByteLanes.load(base + i) & ByteLanes.high == 0
                        prev = UInt32(base[i - 1])
                        boundary = i - 1
                        afterMark = false
                        continue
                    }
                    let at = i
                    let (cp, width) = UTF8Bytes.scalar(bytes, i)
                    i &+= width
                    var sure = true
                    switch kind(cp) {
                    case 0:
                        boundary = at
                        afterMark = false
                    case 1:
                        if afterMark { sure = false }
                        afterMark = true
                    case 3:
                        if afterMark || composes(prev, cp) || contains(decomposable, prev) { sure = false }
                        // It may be a mark itself: nothing may follow it unchecked.
                        afterMark = true
                    default:
                        sure = false
                    }
                    if !sure {
                        // On to the next boundary: the next ASCII or "fine" code point.
                        while i < n {
                            if base[i] < 0x80 { break }
                            let (next, w) = UTF8Bytes.scalar(bytes, i)
                            if kind(next) == 0 { break }
                            i &+= w
                        }
                        return boundary..<i
                    }
                    prev = cp
                }
                return nil
            }
        }
    }

    /// Whether `first` followed by `second` composes into one code point.
    static func composes(_ first: UInt32, _ second: UInt32) -> Bool {
        // Hangul: a leading consonant and a vowel; a syllable without a final and a final.
        if (0x1161...0x1175).contains(second) { return (0x1100...0x1112).contains(first) }
        if (0x11A8...0x11C2).contains(second) { return (0xAC00...0xD7A3).contains(first) && (first - 0xAC00) % 28 == 0 }
        return contains(compositions, UInt64(first) << 32 | UInt64(second))
    }

    /// Whether the ascending `table` holds `key` (binary search).
    static func contains<T: BinaryInteger>(_ table: [T], _ key: T) -> Bool {
        var lo = 0, hi = table.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if table[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < table.count && table[lo] == key
    }
}
