/// Recognizes whole boilerplate lines ("Share this article", "Lire la suite", "Все права
/// защищены") from patterns in the syntax of `Clean/Data/boilerplate.txt`.
///
/// A line is compared after folding case (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic), collapsing
/// spaces and dropping decorations around it (bullets, arrows, dashes, pipes, colons, final
/// `.`/`!`/`…`). A pattern matches the whole line; `*` matches any text. Lines longer than
/// ``maxLineBytes`` are never boilerplate.
public struct BoilerplateMatcher: Sendable, Equatable, Hashable {
    /// Patterns without `*`.
    private var exact: Set<[UInt8]> = []
    /// Patterns with `*`, split at the stars, by the first two bytes of their first part
    /// (``GlobKey``): a line is only compared with the globs that can start it. Globs whose first
    /// part is shorter than two bytes are under key 0.
    private var globs: [UInt16: [[[UInt8]]]] = [:]
    /// Prefilter without allocation: the first two bytes of the normalized patterns that do not
    /// start with `*` (a pattern of one byte, or with `*` second, by its first byte alone) …
    private var bigrams = Set<UInt16>()
    private var firstOnly = Set<UInt8>()
    /// … and the last three bytes of those that start with `*`.
    private var tails = Set<UInt32>()
    /// Patterns held.
    public private(set) var count = 0

    /// Lines longer than this (in UTF-8 bytes) are never boilerplate.
    public static let maxLineBytes = 160

    /// The matcher of the compiled-in default patterns.
    public static let defaults = BoilerplateMatcher(patterns: BoilerplateDefaults.patterns)

    /// A matcher of `patterns` (blank ones and `#` comments are skipped).
    public init(patterns: [String]) {
        for raw in patterns {
            let t = raw.trimmingSpaces
            guard !t.isEmpty, !t.hasPrefix("#") else { continue }
            let bytes = Array(t.utf8)
            let norm = bytes.withUnsafeBufferPointer { Self.normalize($0, 0..<$0.count, keepStars: true) }
            guard !norm.isEmpty else { continue }
            count += 1
            if norm.contains(0x2A) {
                let parts = norm.split(separator: 0x2A, omittingEmptySubsequences: false).map(Array.init)
                globs[Self.globKey(parts[0]), default: []].append(parts)
            } else {
                exact.insert(norm)
            }
            if norm[0] == 0x2A {
                tails.insert(Self.tail(norm, norm.count))
            } else if norm.count == 1 || norm[1] == 0x2A {
                firstOnly.insert(norm[0])
            } else {
                bigrams.insert(UInt16(norm[0]) << 8 | UInt16(norm[1]))
            }
        }
    }

    /// This matcher with the patterns of `other` added.
    public func adding(_ other: BoilerplateMatcher) -> BoilerplateMatcher {
        var m = self
        m.exact.formUnion(other.exact)
        m.globs.merge(other.globs) { $0 + $1 }
        m.bigrams.formUnion(other.bigrams)
        m.firstOnly.formUnion(other.firstOnly)
        m.tails.formUnion(other.tails)
        m.count += other.count
        return m
    }

    /// Whether it holds no pattern.
    public var isEmpty: Bool { count == 0 }

    /// Whether the line `range` of `p` is boilerplate.
    public func matches(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= Self.maxLineBytes else { return false }
        guard mayMatch(p, range) else { return false }
        let norm = Self.normalize(p, range, keepStars: false)
        guard !norm.isEmpty else { return false }
        if exact.contains(norm) { return true }
        if let list = globs[Self.globKey(norm)], list.contains(where: { Self.glob($0, norm) }) { return true }
        if let list = globs[0], list.contains(where: { Self.glob($0, norm) }) { return true }
        return false
    }

    /// The first two bytes of `b` as the key of ``globs``; 0 when it has fewer.
    static func globKey(_ b: [UInt8]) -> UInt16 {
        b.count >= 2 ? UInt16(b[0]) << 8 | UInt16(b[1]) : 0
    }

    /// Whether the line `s` is boilerplate.
    public func matches(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { matches($0, 0..<$0.count) }
    }

    /// The prefilter: the line's first two normalized bytes or its last three may start or
    /// end a pattern. Works on the bytes in place.
    private func mayMatch(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let base = p.baseAddress!
        var i = range.lowerBound
        let end = range.upperBound
        // First two bytes of the folded text after leading decorations and spaces.
        var b0: UInt8 = 0, b1: UInt8 = 0, got = 0
        while i < end && got < 2 {
            let (v, len) = MojibakeRepair.decode(base, i, end)
            i += len
            if got == 0 && (Self.isSpace(v) || Self.isDecoration(v, keepStars: false)) { continue }
            let f = Self.fold(v)
            if got == 0 {
                if f < 0x80 { b0 = UInt8(f); got = 1 } else { (b0, b1) = Self.firstTwoUTF8(f); got = 2 }
            } else {
                if Self.isSpace(v) { b1 = 0x20 } else if f < 0x80 { b1 = UInt8(f) } else { b1 = Self.firstTwoUTF8(f).0 }
                got = 2
            }
        }
        guard got > 0 else { return false }
        if firstOnly.contains(b0) { return true }
        if got == 2 && bigrams.contains(UInt16(b0) << 8 | UInt16(b1)) { return true }
        if tails.isEmpty { return false }
        // Last three bytes before trailing decorations (ASCII ones; non-ASCII: let it through).
        var j = end
        while j > range.lowerBound {
            let c = p[j - 1]
            if c >= 0x80 { return true }
            if c == 0x20 || c == 0x2E || c == 0x21 || c == 0x3F || (c != 0x2A && Self.isDecoration(UInt32(c), keepStars: false)) { j -= 1; continue }
            break
        }
        guard j - range.lowerBound >= 3 else { return false }
        var t: UInt32 = 0
        for k in (j - 3)..<j { t = t << 8 | UInt32(UInt8(Self.fold(UInt32(p[k])))) }
        return tails.contains(t)
    }

    /// The first two bytes of the UTF-8 form of a non-ASCII scalar.
    @inline(__always) static func firstTwoUTF8(_ v: UInt32) -> (UInt8, UInt8) {
        if v < 0x800 { return (UInt8(0xC0 | v >> 6), UInt8(0x80 | v & 0x3F)) }
        if v < 0x10000 { return (UInt8(0xE0 | v >> 12), UInt8(0x80 | (v >> 6) & 0x3F)) }
        return (UInt8(0xF0 | v >> 18), UInt8(0x80 | (v >> 12) & 0x3F))
    }

    @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0xA0 || v == 0x202F || (v >= 0x2000 && v <= 0x200A)
    }

    static func tail(_ norm: [UInt8], _ count: Int) -> UInt32 {
        var t: UInt32 = 0
        for k in max(0, count - 3)..<count { t = t << 8 | UInt32(norm[k]) }
        return t
    }

    // MARK: Normalization

    /// Folds case, collapses spaces, drops decorations at both ends.
    static func normalize(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, keepStars: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        var pendingSpace = false
        while i < range.upperBound {
            let (v, len) = MojibakeRepair.decode(p.baseAddress!, i, range.upperBound)
            i += len
            if Self.isSpace(v) {
                pendingSpace = !out.isEmpty
                continue
            }
            if out.isEmpty && isDecoration(v, keepStars: keepStars) { continue }
            // French puts a space before `:` ("Lire aussi : …"); the patterns are written without.
            if pendingSpace && v != 0x3A { out.append(0x20) }
            pendingSpace = false
            MojibakeRepair.appendUTF8(fold(v), to: &out)
        }
        // Trailing decorations (and the spaces between them).
        while let last = out.last {
            if last == 0x20 { out.removeLast(); continue }
            var j = out.count - 1
            while j > 0 && out[j] & 0xC0 == 0x80 { j -= 1 }
            let v = out.withUnsafeBufferPointer { MojibakeRepair.decode($0.baseAddress!, j, $0.count).0 }
            guard isDecoration(v, keepStars: keepStars) || v == 0x2E || v == 0x21 || v == 0x3F else { break }
            out.removeSubrange(j...)
        }
        return out
    }

    static func isDecoration(_ v: UInt32, keepStars: Bool) -> Bool {
        switch v {
        case 0x2A: return !keepStars
        case 0x2D, 0x7C, 0x3A, 0x3E, 0x3C, 0x5F, 0x3D, 0x2F, 0x5C, 0x7E, 0x2B, 0x23,
             0xAB, 0xBB, 0xB7, 0x2013, 0x2014, 0x2022, 0x2026, 0x2039, 0x203A, 0x2190...0x21FF,
             0x25A0...0x25FF, 0x2794...0x27BF, 0x1F449, 0x1F4E2, 0x1F4F0:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE, 0x391...0x3A1, 0x3A3...0x3AB, 0x410...0x42F: return v + 0x20
        case 0x400...0x40F: return v + 0x50
        // Latin Extended-A (Polish, Czech, Hungarian, Turkish…): capitals at even code points,
        // but at odd ones in U+0139–U+0148 and U+0179–U+017E; İ (U+0130) is left as it is.
        case 0x100...0x12F, 0x132...0x137, 0x14A...0x177: return v & 1 == 0 ? v + 1 : v
        case 0x139...0x148, 0x179...0x17E: return v & 1 == 1 ? v + 1 : v
        default: return v
        }
    }

    /// Whether `s` matches the pattern split at its stars.
    static func glob(_ parts: [[UInt8]], _ s: [UInt8]) -> Bool {
        guard let first = parts.first, let last = parts.last, parts.count >= 2 else { return false }
        guard s.count >= first.count + last.count, s.starts(with: first), s.suffix(last.count).elementsEqual(last) else { return false }
        var i = first.count
        let end = s.count - last.count
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let hit = find(part, in: s, from: i, to: end) else { return false }
            i = hit + part.count
        }
        return i <= end
    }

    private static func find(_ needle: [UInt8], in s: [UInt8], from: Int, to: Int) -> Int? {
        guard needle.count <= to - from else { return nil }
        var k = from
        while k + needle.count <= to {
            if s[k..<(k + needle.count)].elementsEqual(needle) { return k }
            k += 1
        }
        return nil
    }
}

extension String {
    /// The string without ASCII spaces, tabs and CR at both ends.
    var trimmingSpaces: String {
        var u = Substring(self)
        while let f = u.utf8.first, f == 0x20 || f == 0x09 || f == 0x0D { u = u.dropFirst() }
        while let l = u.utf8.last, l == 0x20 || l == 0x09 || l == 0x0D { u = u.dropLast() }
        return String(u)
    }
}
