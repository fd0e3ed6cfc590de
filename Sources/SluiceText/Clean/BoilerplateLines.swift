/// Recognizes whole boilerplate lines ("Share this article", "Lire la suite", "Все права
/// защищены") from patterns in the syntax of `Clean/Data/boilerplate.txt`.
///
/// A line is compared after folding case (ASCII, Latin-1, Greek, Cyrillic), collapsing
/// spaces and dropping decorations around it (bullets, arrows, dashes, pipes, colons, final
/// `.`/`!`/`…`). A pattern matches the whole line; `*` matches any text. Lines longer than
/// ``maxLineBytes`` are never boilerplate.
public struct BoilerplateMatcher: Sendable, Equatable, Hashable {
    /// Patterns without `*`.
    private var exact: Set<[UInt8]> = []
    /// Patterns with `*`, split at the stars.
    private var globs: [[[UInt8]]] = []
    /// The first byte of a normalized line that any pattern accepts (`true` for all when a
    /// pattern starts with `*`).
    private var firstBytes = [Bool](repeating: false, count: 256)
    public private(set) var count = 0

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
                globs.append(norm.split(separator: 0x2A, omittingEmptySubsequences: false).map(Array.init))
                if norm[0] == 0x2A { firstBytes = [Bool](repeating: true, count: 256) } else { firstBytes[Int(norm[0])] = true }
            } else {
                exact.insert(norm)
                firstBytes[Int(norm[0])] = true
            }
        }
    }

    /// This matcher with the patterns of `other` added.
    public func adding(_ other: BoilerplateMatcher) -> BoilerplateMatcher {
        var m = self
        m.exact.formUnion(other.exact)
        m.globs += other.globs
        for k in 0..<256 where other.firstBytes[k] { m.firstBytes[k] = true }
        m.count += other.count
        return m
    }

    public var isEmpty: Bool { count == 0 }

    /// Whether the line `range` of `p` is boilerplate.
    public func matches(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= Self.maxLineBytes else { return false }
        let norm = Self.normalize(p, range, keepStars: false)
        guard let first = norm.first, firstBytes[Int(first)] else { return false }
        if exact.contains(norm) { return true }
        for g in globs where Self.glob(g, norm) { return true }
        return false
    }

    /// Whether the line `s` is boilerplate.
    public func matches(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { matches($0, 0..<$0.count) }
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
            if v == 0x20 || v == 0x09 || v == 0xA0 || v == 0x202F || (v >= 0x2000 && v <= 0x200A) {
                pendingSpace = !out.isEmpty
                continue
            }
            if out.isEmpty && isDecoration(v, keepStars: keepStars) { continue }
            if pendingSpace { out.append(0x20); pendingSpace = false }
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
