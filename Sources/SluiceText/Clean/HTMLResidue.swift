/// Removes HTML left in scraped text: named entities (all of HTML5, `;` required), numeric
/// entities, comments, inline tags (dropped), block tags (turned into line breaks) and
/// `<script>`, `<style>`, `<noscript>`, `<template>` elements with their content.
///
/// Only known HTML element names with well-formed attributes are treated as tags, so
/// `a<b && c>d`, `vector<int>` or `x < y` stay as they are.
enum HTMLResidue {
    struct Counts {
        var entities = 0
        var tags = 0
        var elementsRemoved = 0
        var comments = 0
    }

    /// Whether `p` holds a byte that may start HTML residue (`&` or `<`).
    static func mayContain(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = p.baseAddress, p.count > 0 else { return false }
        return ByteSearch.find(0x26, base, 0, p.count) != nil || ByteSearch.find(0x3C, base, 0, p.count) != nil
    }

    /// The text without HTML residue, or `nil` when nothing changed.
    static func clean(_ p: UnsafeBufferPointer<UInt8>, entities: Bool, tags: Bool, counts: inout Counts) -> [UInt8]? {
        var out: [UInt8] = []
        var copied = 0       // input bytes before this index are in `out` (or dropped)
        var changed = false
        var pendingBreak = 0  // newlines owed before the next content
        var misses = CloseMisses()
        let n = p.count
        var i = 0

        func flush(_ upTo: Int) {
            if !changed {
                changed = true
                out.reserveCapacity(n)
            }
            if upTo > copied { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<upTo])) }
        }
        func emitBreak() {
            if pendingBreak > 0 {
                for _ in 0..<pendingBreak { out.append(0x0A) }
                pendingBreak = 0
            }
        }

        while i < n {
            let b = p[i]
            if b != 0x26 && b != 0x3C {
                if pendingBreak > 0 {
                    // Whitespace after a block tag is absorbed into its break.
                    if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { i += 1; copied = i; continue }
                    emitBreak()
                }
                i += 1
                continue
            }
            if b == 0x26 {
                guard entities, let (value, end) = entity(p, i) else { i += 1; continue }
                flush(i); emitBreak()
                var v = value, e = end
                // Escaped more than once: `&amp;quot;` → `"`, `&amp;amp;#39;` → `'`. Every level
                // is decoded, so the output holds no entity left to decode (idempotence).
                while v == [0x26], let (inner, innerEnd) = entity(afterAmpersand: p, e) {
                    v = inner; e = innerEnd
                    counts.entities += 1
                }
                out.append(contentsOf: v)
                counts.entities += 1
                i = e; copied = e
                continue
            }
            // '<'
            guard tags, let tag = self.tag(p, i, &misses) else { i += 1; continue }
            flush(i)
            switch tag.kind {
            case .comment:
                counts.comments += 1
            case .inline:
                counts.tags += 1
            case .lineBreak:
                counts.tags += 1
                pendingBreak += 1
            case .block(let level):
                counts.tags += 1
                pendingBreak = max(pendingBreak, level)
            case .removed:
                counts.elementsRemoved += 1
            }
            i = tag.end; copied = tag.end
        }
        guard changed else { return nil }
        flush(n)
        return out
    }

    // MARK: Entities

    /// The bytes of the entity at `i` (`&…;`) and the index after it.
    static func entity(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> ([UInt8], Int)? {
        entity(afterAmpersand: p, i + 1)
    }

    /// The entity whose `&` is just before `i` (`quot;`, `#39;`): its bytes and the index after it.
    static func entity(afterAmpersand p: UnsafeBufferPointer<UInt8>, _ i: Int) -> ([UInt8], Int)? {
        let n = p.count
        guard i + 1 < n else { return nil }
        if p[i] == 0x23 {  // '#'
            var j = i + 1
            var hex = false
            if j < n && (p[j] | 0x20) == 0x78 { hex = true; j += 1 }  // 'x'
            let start = j
            var v: UInt32 = 0
            while j < n && j - start < 8 {
                let c = p[j]
                var d: UInt32
                if c >= 0x30 && c <= 0x39 { d = UInt32(c - 0x30) }
                else if hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 { d = UInt32((c | 0x20) - 0x61 + 10) }
                else { break }
                v = v * (hex ? 16 : 10) + d
                j += 1
            }
            guard j > start, j < n, p[j] == 0x3B else { return nil }
            if v >= 0x80 && v <= 0x9F { v = CP1252.scalar(forByte: UInt8(v)) }
            guard v != 0, let s = Unicode.Scalar(v) else { return nil }
            return (Array(String(s).utf8), j + 1)
        }
        return entityName(p, i)
    }

    /// A named entity without its `&` at `i` (`quot;`).
    static func entityName(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> ([UInt8], Int)? {
        let n = p.count
        var j = i
        while j < n && j - i <= HTMLEntities.maxNameLength && isAlnum(p[j]) { j += 1 }
        guard j > i, j < n, p[j] == 0x3B, isAlpha(p[i]) else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: p[i..<j]), as: UTF8.self)
        guard let value = HTMLEntities.table[name] else { return nil }
        return (Array(value.utf8), j + 1)
    }

    // MARK: Tags

    /// Where a search for a closing `-->` or `</script>` (etc.) already failed: a later start
    /// cannot succeed either, so it is not searched again. Without this, text with many
    /// unclosed `<!--` or `<script>` would be rescanned to its end from each one (quadratic).
    struct CloseMisses {
        /// Keyed by element name; the empty name stands for comments.
        var from: [[UInt8]: Int] = [:]
        func known(_ name: [UInt8], at i: Int) -> Bool { from[name].map { i >= $0 } ?? false }
        mutating func record(_ name: [UInt8], at i: Int) { from[name] = min(from[name] ?? i, i) }
    }

    struct Tag {
        enum Kind: Equatable { case comment, inline, lineBreak, block(Int), removed }
        var kind: Kind
        var end: Int
    }

    /// The tag, comment or removed element that starts at `i` (`<`).
    /// `misses` skips closing searches known to fail.
    static func tag(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ misses: inout CloseMisses) -> Tag? {
        let n = p.count
        var j = i + 1
        guard j < n else { return nil }
        if p[j] == 0x21 {  // "<!--"
            guard j + 2 < n, p[j + 1] == 0x2D, p[j + 2] == 0x2D else { return nil }
            guard !misses.known([], at: j + 3) else { return nil }
            guard let end = find(p, "-->", from: j + 3) else { misses.record([], at: j + 3); return nil }
            return Tag(kind: .comment, end: end + 3)
        }
        var closing = false
        if p[j] == 0x2F { closing = true; j += 1 }
        let nameStart = j
        while j < n && j - nameStart < 12 && isAlnum(p[j]) { j += 1 }
        guard j > nameStart, j < n, isAlpha(p[nameStart]) else { return nil }
        var name = [UInt8](UnsafeBufferPointer(rebasing: p[nameStart..<j]))
        for k in name.indices { name[k] |= 0x20 }
        guard let kind = elements[name] else { return nil }
        // Attributes (opening tags only), then optional '/', then '>'.
        j = skipSpace(p, j)
        if !closing {
            while j < n && p[j] != 0x3E && p[j] != 0x2F {
                guard let next = attribute(p, j) else { return nil }
                assert(next > j, "an attribute must consume at least one byte")
                j = skipSpace(p, next)
            }
        }
        if j < n && p[j] == 0x2F { j += 1 }
        guard j < n, p[j] == 0x3E else { return nil }
        let end = j + 1
        if case .removed = kind {
            if closing { return Tag(kind: .inline, end: end) }
            // Up to the matching closing tag, in any case.
            guard !misses.known(name, at: end) else { return nil }
            var k = end
            while let lt = ByteSearch.find(0x3C, p.baseAddress!, k, n) {
                if lt + 1 < n, p[lt + 1] == 0x2F, matchesName(p, lt + 2, name) {
                    if let gt = ByteSearch.find(0x3E, p.baseAddress!, lt, n) { return Tag(kind: .removed, end: gt + 1) }
                    break
                }
                k = lt + 1
            }
            misses.record(name, at: end)
            return nil
        }
        return Tag(kind: kind, end: end)
    }

    /// One attribute at `i`: `name`, `name=value`, `name="value"`, `name='value'`; the index after it.
    static func attribute(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let n = p.count
        var j = i
        guard j < n, isAlpha(p[j]) || p[j] == 0x5F || p[j] == 0x3A || p[j] == 0x40 else { return nil }
        j += 1  // the first byte is consumed here: `@` (Vue's `@click`) is not a name byte after it
        while j < n && (isAlnum(p[j]) || p[j] == 0x2D || p[j] == 0x5F || p[j] == 0x3A || p[j] == 0x2E) { j += 1 }
        let afterName = j
        j = skipSpace(p, j)
        guard j < n, p[j] == 0x3D else { return afterName }  // '='
        j = skipSpace(p, j + 1)
        guard j < n else { return nil }
        let q = p[j]
        if q == 0x22 || q == 0x27 {
            var k = j + 1
            while k < n && p[k] != q { k += 1; if k - j > 4096 { return nil } }
            return k < n ? k + 1 : nil
        }
        var k = j
        while k < n {
            let c = p[k]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x3E || c == 0x3C || c == 0x22 || c == 0x27 || c == 0x60 { break }
            k += 1
        }
        return k > j ? k : nil
    }

    static func matchesName(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ name: [UInt8]) -> Bool {
        guard i + name.count <= p.count else { return false }
        for k in name.indices where p[i + k] | 0x20 != name[k] { return false }
        let after = i + name.count
        return after == p.count || !isAlnum(p[after])
    }

    static func find(_ p: UnsafeBufferPointer<UInt8>, _ s: StaticString, from: Int) -> Int? {
        let needle = UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)
        var k = from
        while let hit = ByteSearch.find(needle[0], p.baseAddress!, k, p.count) {
            if hit + needle.count > p.count { return nil }
            var ok = true
            for m in 1..<needle.count where p[hit + m] != needle[m] { ok = false; break }
            if ok { return hit }
            k = hit + 1
        }
        return nil
    }

    @inline(__always) static func skipSpace(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var j = i
        while j < p.count && (p[j] == 0x20 || p[j] == 0x0A || p[j] == 0x09 || p[j] == 0x0D) { j += 1 }
        return j
    }
    @inline(__always) static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isAlpha(c) || (c >= 0x30 && c <= 0x39) }

    /// Known element names (lowercase) and what their tags become.
    static let elements: [[UInt8]: Tag.Kind] = {
        var d: [[UInt8]: Tag.Kind] = [:]
        let inline = "a abbr b bdi bdo big cite code data del dfn em font i img ins kbd mark q s samp small span strike strong sub sup time tt u var wbr picture source video audio iframe input button label meta link html body head title nobr"
        let block = "address article aside blockquote caption center dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol pre section summary table tbody td tfoot th thead tr ul"
        for w in inline.split(separator: " ") { d[Array(w.utf8)] = .inline }
        for w in block.split(separator: " ") { d[Array(w.utf8)] = .block(1) }
        d[Array("p".utf8)] = .block(2)
        d[Array("br".utf8)] = .lineBreak
        for w in ["script", "style", "noscript", "template"] { d[Array(w.utf8)] = .removed }
        return d
    }()
}

/// Windows-1252: the scalars of bytes 0x80–0x9F (undefined bytes map to the C1 control of
/// the same value, as browsers and ftfy's "sloppy" decoder do).
enum CP1252 {
    static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D, 0x17D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
    ]

    static func scalar(forByte b: UInt8) -> UInt32 {
        b >= 0x80 && b <= 0x9F ? high[Int(b - 0x80)] : UInt32(b)
    }

    /// The byte a scalar stands for when text was decoded as Windows-1252 or Latin-1.
    @inline(__always)
    static func byte(for v: UInt32) -> UInt8? {
        if v >= 0x80 && v <= 0xFF { return UInt8(v) }
        switch v {
        case 0x20AC: return 0x80
        case 0x201A: return 0x82
        case 0x192: return 0x83
        case 0x201E: return 0x84
        case 0x2026: return 0x85
        case 0x2020: return 0x86
        case 0x2021: return 0x87
        case 0x2C6: return 0x88
        case 0x2030: return 0x89
        case 0x160: return 0x8A
        case 0x2039: return 0x8B
        case 0x152: return 0x8C
        case 0x17D: return 0x8E
        case 0x2018: return 0x91
        case 0x2019: return 0x92
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2022: return 0x95
        case 0x2013: return 0x96
        case 0x2014: return 0x97
        case 0x2DC: return 0x98
        case 0x2122: return 0x99
        case 0x161: return 0x9A
        case 0x203A: return 0x9B
        case 0x153: return 0x9C
        case 0x17E: return 0x9E
        case 0x178: return 0x9F
        default: return nil
        }
    }
}
