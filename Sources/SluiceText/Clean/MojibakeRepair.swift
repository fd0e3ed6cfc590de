/// Repairs mojibake: UTF-8 that was decoded as Windows-1252 or Latin-1 (once or twice,
/// in the whole text or in part of it), such as `cafÃ©`, `â€™`, `Ð¿Ñ€Ð¸Ð²ÐµÑ‚`.
///
/// Runs of characters that each stand for one byte in Windows-1252 / Latin-1 are turned
/// back into bytes; every complete UTF-8 sequence among those bytes whose scalar is
/// plausible in text (letters of the common scripts, punctuation, symbols, CJK, emoji —
/// never controls, IPA, combining marks or private use) replaces the characters it came from.
/// A sequence that could also be real text — a capital letter at the end of a word
/// followed by a closing quote or dash, as in `“AMANHÔ` — is repaired only when the same
/// text holds unambiguous mojibake. Up to three rounds undo double encoding.
enum MojibakeRepair {
    /// Whether the scalar at `i` (a byte ≥ 0x80 of valid UTF-8) may start mojibake: a
    /// character that stands for a UTF-8 lead byte (`Â`…`ô`, U+00C2–U+00F4) directly followed
    /// by one that stands for a continuation byte. Cheap enough for the filter's hot loop.
    @inline(__always)
    static func mayStartAt(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
        guard p[i] == 0xC3, i + 2 < n else { return false }
        let b1 = p[i + 1]
        // `cittÃ  ` (à whose no-break space became a space).
        if b1 == 0x83 && p[i + 2] == 0x20 && i > 0 && p[i - 1] >= 0x61 && p[i - 1] <= 0x7A { return true }
        guard b1 >= 0x82 && b1 <= 0xB4 else { return false }
        return isContinuationChar(p, i + 2, n)
    }

    /// Whether the scalar at `j` stands for a byte 0x80–0xBF in Windows-1252 / Latin-1.
    @inline(__always)
    static func isContinuationChar(_ p: UnsafePointer<UInt8>, _ j: Int, _ n: Int) -> Bool {
        let c = p[j]
        if c == 0xC2 { return j + 1 < n && p[j + 1] >= 0x80 && p[j + 1] <= 0xBF }
        if c == 0xC5 || c == 0xC6 || c == 0xCB || c == 0xE2 {
            let (v, _) = decode(p, j, n)
            guard let b = CP1252.byte(for: v) else { return false }
            return b <= 0xBF
        }
        return false
    }

    /// The repaired text, or `nil` when nothing was repaired; `fixed` counts repaired sequences.
    static func repair(_ p: UnsafeBufferPointer<UInt8>, fixed: inout Int) -> [UInt8]? {
        var current: [UInt8]? = nil
        for _ in 0..<3 {
            let next: [UInt8]?
            if let c = current {
                next = c.withUnsafeBufferPointer { repairOnce($0, fixed: &fixed) }
            } else {
                next = repairOnce(p, fixed: &fixed)
            }
            guard let next else { break }
            current = next
        }
        return current
    }

    /// A repair found in one round: input bytes `range` become `scalar`.
    private struct Candidate {
        var range: Range<Int>
        var scalar: UInt32
        var weak: Bool
    }

    private static func repairOnce(_ buf: UnsafeBufferPointer<UInt8>, fixed: inout Int) -> [UInt8]? {
        guard let p = buf.baseAddress else { return nil }
        let n = buf.count
        var candidates: [Candidate] = []
        // The current run: the byte each character stands for, and where the character is.
        var runBytes: [UInt8] = []
        var runStarts: [Int] = []
        var i = 0
        while i < n {
            let c = p[i]
            if c < 0x80 {
                if !runBytes.isEmpty { flushRun(p, n, &runBytes, &runStarts, end: i, into: &candidates) }
                // Skip ASCII quickly.
                i += 1
                while i < n && p[i] < 0x80 { i += 1 }
                continue
            }
            let (v, len) = decode(p, i, n)
            if v == 0xC3 && i + 2 < n && p[i + 2] == 0x20 && i > 0 && p[i - 1] >= 0x61 && p[i - 1] <= 0x7A
                && (i + 3 == n || p[i + 3] == 0x20 || p[i + 3] == 0x0A || p[i + 3] == 0x2E || p[i + 3] == 0x2C) {
                // `cittÃ  perché`: the no-break space of `à` (C3 A0) became a space.
                if !runBytes.isEmpty { flushRun(p, n, &runBytes, &runStarts, end: i, into: &candidates) }
                candidates.append(Candidate(range: i..<(i + 3), scalar: 0xE0, weak: false))
                i += 3
                continue
            }
            if let b = CP1252.byte(for: v) {
                runBytes.append(b)
                runStarts.append(i)
            } else if !runBytes.isEmpty {
                flushRun(p, n, &runBytes, &runStarts, end: i, into: &candidates)
            }
            i += len
        }
        if !runBytes.isEmpty { flushRun(p, n, &runBytes, &runStarts, end: n, into: &candidates) }
        guard !candidates.isEmpty else { return nil }
        let applyWeak = candidates.contains { !$0.weak }
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var copied = 0
        var applied = 0
        for cand in candidates where applyWeak || !cand.weak {
            out.append(contentsOf: UnsafeBufferPointer(start: p + copied, count: cand.range.lowerBound - copied))
            appendUTF8(cand.scalar, to: &out)
            copied = cand.range.upperBound
            applied += 1
        }
        guard applied > 0 else { return nil }
        out.append(contentsOf: UnsafeBufferPointer(start: p + copied, count: n - copied))
        fixed += applied
        return out
    }

    /// Finds the UTF-8 sequences among the bytes of a run that ends at `end`.
    private static func flushRun(_ p: UnsafePointer<UInt8>, _ n: Int, _ bytes: inout [UInt8], _ starts: inout [Int],
                                 end: Int, into candidates: inout [Candidate]) {
        defer { bytes.removeAll(keepingCapacity: true); starts.removeAll(keepingCapacity: true) }
        let m = bytes.count
        guard m >= 2 else { return }
        var k = 0
        // The byte each output character stands for so far (0 when none): a C1 control is a
        // plausible result only inside a sequence that the next round completes.
        var pendingNeed = 0
        while k < m {
            guard let (v, len) = sequence(bytes, k),
                  isPlausible(v) || (v >= 0x80 && v <= 0x9F && pendingNeed > 0) else {
                pendingNeed = needAfter(bytes[k], pendingNeed)
                k += 1
                continue
            }
            let lo = starts[k]
            let hi = k + len < m ? starts[k + len] : end
            var weak = false
            if len == 2 && weakContinuations.contains(bytes[k + 1]) {
                // A capital letter alone or at the end of a word, then closing punctuation:
                // may be real text (“AMANHÔ, “Ç”).
                let after = hi < n ? decode(p, hi, n).0 : nil
                weak = !(after.map(isLetterOrDigit) ?? false)
            }
            candidates.append(Candidate(range: lo..<hi, scalar: v, weak: weak))
            pendingNeed = needAfter(CP1252.byte(for: v) ?? 0, pendingNeed)
            k += len
        }
    }

    /// Closing punctuation that legitimately follows a capital letter at the end of a word.
    private static let weakContinuations: Set<UInt8> = [0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0xA8, 0xAB, 0xB4, 0xB7, 0xBB]

    /// Continuation bytes still expected after the output byte `b`, given `need` before it.
    private static func needAfter(_ b: UInt8, _ need: Int) -> Int {
        switch b {
        case 0xC2...0xDF: return 1
        case 0xE0...0xEF: return 2
        case 0xF0...0xF4: return 3
        case 0x80...0xBF: return max(0, need - 1)
        default: return 0
        }
    }

    /// The valid UTF-8 multi-byte sequence at `k` of `b`: its scalar and length.
    private static func sequence(_ b: [UInt8], _ k: Int) -> (UInt32, Int)? {
        let lead = b[k]
        let len: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: len = 2
        case 0xE0: len = 3; lo = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: len = 3
        case 0xED: len = 3; hi = 0x9F
        case 0xF0: len = 4; lo = 0x90
        case 0xF1...0xF3: len = 4
        case 0xF4: len = 4; hi = 0x8F
        default: return nil
        }
        guard k + len <= b.count, b[k + 1] >= lo, b[k + 1] <= hi else { return nil }
        var v = UInt32(lead) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
        for m in 1..<len {
            let c = b[k + m]
            guard c >= 0x80 && c <= 0xBF else { return nil }
            v = v << 6 | UInt32(c & 0x3F)
        }
        return (v, len)
    }

    /// Scalars that text plausibly holds.
    static func isPlausible(_ v: UInt32) -> Bool {
        switch v {
        case 0xA0...0x24F,        // Latin-1 letters and symbols, Latin Extended-A/B
             0x2C6, 0x2DC,        // ˆ ˜ (Windows-1252)
             0x370...0x3FF,       // Greek
             0x400...0x52F,       // Cyrillic
             0x531...0x58F,       // Armenian
             0x5D0...0x5F4,       // Hebrew letters
             0x600...0x6FF,       // Arabic
             0x900...0xDFF,       // Indic scripts, Sinhala
             0xE00...0xEFF,       // Thai, Lao
             0x10A0...0x10FF,     // Georgian
             0x1E00...0x1EFF,     // Latin Extended Additional (Vietnamese)
             0x1F00...0x1FFF,     // Greek Extended
             0x2010...0x2027, 0x2030...0x205E,  // general punctuation
             0x20A0...0x20C0,     // currency
             0x2100...0x215F, 0x2190...0x21FF, 0x2200...0x22FF, 0x2460...0x24FF, 0x2500...0x27BF,
             0x3000...0x30FF,     // CJK punctuation, kana
             0x3100...0x9FFF,     // CJK
             0xAC00...0xD7A3,     // Hangul
             0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF01...0xFFEF,
             0x1F000...0x1FAFF,   // emoji
             0x20000...0x2FFFF:   // CJK extensions
            return true
        default:
            return false
        }
    }

    private static func isLetterOrDigit(_ v: UInt32) -> Bool {
        if v < 0x80 {
            let c = UInt8(v)
            return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39)
        }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isAlphabetic
    }

    @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (UInt32, Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0, i + 1 < n { return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
        if b0 < 0xF0, i + 2 < n {
            return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
        }
        if i + 3 < n {
            return ((b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | (v >> 6) & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | (v >> 12) & 0x3F))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
