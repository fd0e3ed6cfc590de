/// Removes HTML left in scraped text: named entities (all of HTML5, `;` required), numeric
/// entities, comments, `<!DOCTYPE>`, tags of known and custom elements (inline ones dropped,
/// block ones turned into line breaks), and the elements whose content is not text, with that
/// content: `<script>`, `<style>`, `<textarea>`, `<iframe>`, `<noscript>` (up to the first
/// closing tag) and `<svg>`, `<math>`, `<select>`, `<template>`, `<object>` (up to the matching
/// closing tag, nesting counted).
///
/// What counts as a tag is read by ``HTMLTagReader``: an element name followed by
/// well-formed attributes and `>`, so `a<b && c>d`, `vector<int>` or `x < y` stay as they are.
/// An element whose closing tag never comes loses only its opening tag, never the text after
/// it: a stray `<svg>` in prose must not delete the rest of the document.
enum HTMLResidue {
    struct Counts {
        var entities = 0
        var tags = 0
        var elementsRemoved = 0
        var comments = 0
    }

    /// An `<svg>`, `<math>`… whose closing tag has not come yet: what to restore if it does.
    private struct OpenContainer {
        var container: Int
        /// The output's length and the line breaks owed at the opening tag.
        var outCount: Int
        var pendingBreak: Int
        var counts: Counts
    }

    /// Whether `p` holds a byte that may start HTML residue (`&` or `<`).
    static func mayContain(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = p.baseAddress, p.count > 0 else { return false }
        return ByteSearch.find(0x26, base, 0, p.count) != nil || ByteSearch.find(0x3C, base, 0, p.count) != nil
    }

    /// The text without HTML residue, or `nil` when nothing changed.
    static func clean(_ p: UnsafeBufferPointer<UInt8>, entities: Bool, tags: Bool, counts: inout Counts) -> [UInt8]? {
        guard p.count > 0 else { return nil }
        var out: [UInt8] = []
        var copied = 0       // input bytes before this index are in `out` (or dropped)
        var changed = false
        var pendingBreak = 0  // newlines owed before the next content
        var reader = HTMLTagReader(p)
        // Containers opened and not closed yet, innermost last, and how many of each kind.
        // Content is written out as usual; a closing tag cuts the output back to its opening
        // tag, so each byte is written and cut at most once (linear, however they nest).
        var open: [OpenContainer] = []
        var openOf = [Int](repeating: 0, count: HTMLElementNames.containers.count)
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
            guard tags, let token = reader.token(at: i) else { i += 1; continue }
            flush(i)
            var end = token.end
            switch (token.form, token.kind) {
            case (.comment, _):
                counts.comments += 1
            case (.declaration, _), (_, .inline):
                counts.tags += 1
            case (_, .lineBreak):
                counts.tags += 1
                pendingBreak += 1
            case (_, .block(let level)):
                counts.tags += 1
                pendingBreak = max(pendingBreak, level)
            case (.open, .rawText):
                if let e = reader.rawTextEnd(token.name, from: token.end) {
                    counts.elementsRemoved += 1
                    end = e
                } else {
                    counts.tags += 1  // never closed: the tag goes, the text after it stays
                }
            case (.close, .rawText):
                counts.tags += 1
            case (.open, .container(let c)):
                if token.selfClosing && (c == 0 || c == 1) {
                    counts.elementsRemoved += 1  // `<svg/>`, `<math/>`: foreign elements may close themselves
                } else {
                    open.append(OpenContainer(container: c, outCount: out.count, pendingBreak: pendingBreak, counts: counts))
                    openOf[c] += 1
                    counts.tags += 1
                }
            case (.close, .container(let c)):
                if openOf[c] > 0 {
                    // Close every element opened inside it, as HTML does with an end tag.
                    while let top = open.popLast() {
                        openOf[top.container] -= 1
                        guard top.container != c else {
                            out.removeSubrange(top.outCount...)
                            pendingBreak = top.pendingBreak
                            counts = top.counts
                            counts.elementsRemoved += 1
                            break
                        }
                    }
                } else {
                    counts.tags += 1
                }
            }
            i = end; copied = end
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

    @inline(__always) static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isAlpha(c) || (c >= 0x30 && c <= 0x39) }
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
