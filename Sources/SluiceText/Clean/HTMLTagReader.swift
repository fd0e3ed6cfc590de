/// Reads the tag-shaped tokens of ``HTMLResidue`` in a text: comments, `<!DOCTYPE …>`, and
/// opening and closing tags of known (``HTMLElementNames``) or custom elements.
///
/// A tag is `<` or `</`, an element name, then whitespace, `/` or `>`, well-formed attributes
/// (`name`, `name=value`, `name="value"`, at most ``maxValueless`` in a row without a value),
/// optional `/`, and `>`. So `a<b && c>d`, `if (a<b)`, `x < y`, `<3` and `<b@c>` are not tags.
/// A malformed `<script="async" …>` (a quoted value right after the name) is one.
///
/// The reader remembers what it learned about the text — closing searches that failed, where
/// the next quote is, positions after which attributes cannot end a tag, the closing tags
/// present — so that the scan stays linear in the length of the text, whatever it holds.
struct HTMLTagReader {
    typealias Kind = HTMLElementNames.Kind

    struct Token {
        enum Form: Equatable { case comment, declaration, open, close }
        var form: Form
        /// What the element's tags become; `.inline` for comments and declarations.
        var kind: Kind
        /// `<svg/>`: an opening tag that closes itself.
        var selfClosing: Bool
        /// The index after the token's `>`.
        var end: Int
        /// The element name, lowercase (empty for comments and declarations).
        var name: [UInt8]
    }

    /// Longest element name read (custom element names can be long: `ytd-thumbnail-overlay-…`).
    static let maxName = 128
    /// Longest quoted attribute value: beyond it, a `<b title="` in prose would swallow text
    /// up to some far `">`. Real values (URLs, `srcset`, `data-` JSON, base64 `data:` images)
    /// stay below it.
    static let maxQuoted = 1 << 20
    /// Attributes without a value in a row: a sentence after `<b ` is not a list of them.
    static let maxValueless = 6
    /// The same once an attribute had a value: a quote inside a quoted value
    /// (`alt="the sign "WC" hangs"`) leaves the words after it as attributes, as in a browser.
    static let maxLenientValueless = 32
    /// Longest `<!DOCTYPE …>`.
    static let maxDeclaration = 1024

    let p: UnsafeBufferPointer<UInt8>
    private let base: UnsafePointer<UInt8>

    /// Closing searches known to fail from an index on, by raw-text element name (the empty
    /// name stands for comments): a later start cannot succeed either.
    private var closeMisses: [[UInt8]: Int] = [:]
    /// The last `"` and `'` searches: from where, and the quote found (-1: none to the end).
    private var doubleQuote = (from: Int.max, hit: 0)
    private var singleQuote = (from: Int.max, hit: 0)
    /// Positions just after a quoted value from which the attribute list was seen to fail:
    /// what follows does not depend on how the tag started, so it fails again.
    private var failedAfterQuote: Set<Int> = []
    /// Scratch: the positions after quoted values in the tag being read.
    private var quoteEnds: [Int] = []
    /// The last closing tag's position by lowercase name; built on first use.
    private var lastClosing: [[UInt8]: Int]?

    init(_ p: UnsafeBufferPointer<UInt8>) {
        self.p = p
        base = p.baseAddress!
    }

    /// The token that starts at `i` (a `<`), or nil when `<` starts no token there.
    mutating func token(at i: Int) -> Token? {
        let n = p.count
        var j = i + 1
        guard j < n else { return nil }
        if p[j] == 0x21 { return declaration(i) }  // '!'
        if p[j] == 0x3F { return xmlDeclaration(i) }  // '?'
        var closing = false
        if p[j] == 0x2F { closing = true; j += 1 }  // '/'
        let nameStart = j
        guard j < n, Self.isAlpha(p[j]) else { return nil }
        j += 1
        var plain = true  // letters and digits only: a candidate for the known names
        while j < n && j - nameStart < Self.maxName {
            let c = p[j]
            if Self.isAlnum(c) { j += 1 } else if c == 0x2D || c == 0x2E || c == 0x5F { plain = false; j += 1 } else { break }
        }
        guard j < n, !Self.isNameByte(p[j]) else { return nil }
        let nameBytes = UnsafeBufferPointer(rebasing: p[nameStart..<j])
        var name: [UInt8]
        let kind: Kind
        let wordLike: Bool
        if plain && nameBytes.count <= 14 {
            name = Array(nameBytes)
            for k in name.indices { name[k] |= 0x20 }
            guard let e = HTMLElementNames.table[name] else { return nil }
            kind = e.kind; wordLike = e.wordLike
        } else if HTMLElementNames.isCustomName(nameBytes) {
            name = Array(nameBytes)
            // A bare custom name could be a placeholder (`<user-name>`): like word-like names.
            kind = .inline; wordLike = true
        } else {
            return nil
        }
        // Elements that are never words (`<script>`, `<svg>`) read their attributes as HTML
        // does, broken ones included (`<script "type=text/javascript" src=…>`); others only
        // after a first attribute with a value has shown that this is markup.
        var lenient = false
        switch kind {
        case .rawText, .container: lenient = !wordLike
        default: break
        }
        guard let (end, attributes, selfClosing) = attributeList(from: j, lenient: lenient) else { return nil }
        if closing { return Token(form: .close, kind: kind, selfClosing: false, end: end, name: name) }
        if wordLike && attributes == 0 && !selfClosing && !closingTagFollows(name, after: end) { return nil }
        return Token(form: .open, kind: kind, selfClosing: selfClosing, end: end, name: name)
    }

    /// The attributes after a name ending at `start`, up to and with `>`: the index after `>`,
    /// the number of attributes, and whether the tag ends in `/>`. `lenient` reads broken
    /// attributes as HTML does (``lenientAttribute(_:)``); a first attribute with a value
    /// turns it on.
    private mutating func attributeList(from start: Int, lenient startLenient: Bool) -> (Int, Int, Bool)? {
        let n = p.count
        var j = start
        var attributes = 0
        var valueless = 0
        var afterQuote = false
        var lenient = startLenient
        quoteEnds.removeAll(keepingCapacity: true)
        if p[j] == 0x3D && j + 1 < n && (p[j + 1] == 0x22 || p[j + 1] == 0x27) {
            // `<script="async" …>`: a value without a name.
            guard let e = quotedEnd(j + 1) else { return nil }
            j = e; afterQuote = true; lenient = true; attributes = 1
            quoteEnds.append(j)
        } else if !(Self.isSpace(p[j]) || p[j] == 0x2F || p[j] == 0x3E) {
            return nil
        }
        // After a quoted value the reader is lenient with no attribute without value in a
        // row, whatever came before: what follows depends on the position only, which makes
        // `failedAfterQuote` sound.
        while true {
            if afterQuote && failedAfterQuote.contains(j) { return failed() }
            var k = Self.skipSpace(p, j)
            // HTML reads a `/` not followed by `>` as a separator (`<a/href=x>`).
            while lenient && k + 1 < n && p[k] == 0x2F && p[k + 1] != 0x3E { k = Self.skipSpace(p, k + 1) }
            let spaced = k > j
            j = k
            guard j < n else { return failed() }
            let c = p[j]
            if c == 0x3E { return (j + 1, attributes, false) }  // '>'
            if c == 0x2F {  // '/'
                guard j + 1 < n, p[j + 1] == 0x3E else { return failed() }
                return (j + 2, attributes, true)
            }
            // Attributes are separated by whitespace (after a quoted value, HTML needs none).
            guard spaced || afterQuote, let a = lenient ? lenientAttribute(j, afterQuote: afterQuote) : attribute(j) else { return failed() }
            assert(a.end > j, "an attribute must consume at least one byte")
            attributes += 1
            if a.valued { valueless = 0; lenient = true } else {
                valueless += 1
                guard valueless <= (lenient ? Self.maxLenientValueless : Self.maxValueless) else { return failed() }
            }
            j = a.end
            afterQuote = a.quoted
            if afterQuote { quoteEnds.append(j) }
        }
    }

    private mutating func failed() -> (Int, Int, Bool)? {
        for q in quoteEnds { failedAfterQuote.insert(q) }
        return nil
    }

    /// One attribute at `i`: `name`, `name=value`, `name="value"`, `name='value'`; the index
    /// after it, whether it has a value and whether that value is quoted. Names may start
    /// with `@ : [ ( # *` (Vue `@click`, Angular `[class]`, `(click)`, `*ngIf`, `#ref`).
    private mutating func attribute(_ i: Int) -> (end: Int, valued: Bool, quoted: Bool)? {
        let n = p.count
        var j = i
        let first = p[j]
        guard Self.isAlpha(first) || first == 0x5F || first == 0x3A || first == 0x40 || first == 0x5B
            || first == 0x28 || first == 0x23 || first == 0x2A else { return nil }
        j += 1  // the first byte is consumed here, whatever it is (`<p@` once hung the cleaner)
        while j < n {
            let c = p[j]
            guard Self.isAlnum(c) || c == 0x2D || c == 0x5F || c == 0x3A || c == 0x2E || c == 0x40
                || c == 0x5B || c == 0x5D || c == 0x28 || c == 0x29 || c == 0x23 || c == 0x2A else { break }
            j += 1
        }
        return value(afterName: j, lenient: false)
    }

    /// A broken attribute as HTML reads it: a name of any bytes but whitespace, `/ > = <`
    /// (a first `=` included: `<style = type=…>`), then an optional value whose unquoted form
    /// may hold quotes (`<script "type=text/javascript" …>`, `<span class='a''>`). `<` ends
    /// it, and starts one only right after a quoted value (a tag missing its `>`:
    /// `<img src="a.png"<br>`, read as HTML does); elsewhere it starts the next tag. Crossing
    /// a `<` only just after a quote keeps ``failedAfterQuote`` enough for linear time.
    private mutating func lenientAttribute(_ i: Int, afterQuote: Bool) -> (end: Int, valued: Bool, quoted: Bool)? {
        let n = p.count
        guard p[i] != 0x3C || afterQuote else { return nil }
        var j = i + 1  // the first byte is consumed, whatever it is
        while j < n {
            let c = p[j]
            if Self.isSpace(c) || c == 0x2F || c == 0x3E || c == 0x3D || c == 0x3C { break }
            j += 1
        }
        return value(afterName: j, lenient: true)
    }

    /// The optional `= value` after an attribute name that ends at `afterName`.
    private mutating func value(afterName: Int, lenient: Bool) -> (end: Int, valued: Bool, quoted: Bool)? {
        let n = p.count
        var j = Self.skipSpace(p, afterName)
        guard j < n, p[j] == 0x3D else { return (afterName, false, false) }  // '='
        j = Self.skipSpace(p, j + 1)
        guard j < n else { return nil }
        let q = p[j]
        if q == 0x22 || q == 0x27 {
            guard let e = quotedEnd(j) else { return nil }
            return (e, true, true)
        }
        var k = j
        while k < n {
            let c = p[k]
            if Self.isSpace(c) || c == 0x3E || c == 0x3C { break }
            if !lenient && (c == 0x22 || c == 0x27 || c == 0x60) { break }
            k += 1
        }
        return k > j ? (k, true, false) : nil
    }

    /// The index after the quoted value whose opening quote is at `i`, if it closes within
    /// ``maxQuoted`` bytes.
    private mutating func quotedEnd(_ i: Int) -> Int? {
        guard let close = nextQuote(p[i], from: i + 1), close - i <= Self.maxQuoted else { return nil }
        return close + 1
    }

    /// The first `q` at or after `k`. Remembers the last answer for each quote: a search
    /// from within `from...hit` has the same answer, so tags that share a long or unclosed
    /// value do not search it again.
    private mutating func nextQuote(_ q: UInt8, from k: Int) -> Int? {
        let memo = q == 0x22 ? doubleQuote : singleQuote
        if k >= memo.from && (memo.hit < 0 || k <= memo.hit) { return memo.hit < 0 ? nil : memo.hit }
        let hit = ByteSearch.find(q, base, k, p.count)
        if q == 0x22 { doubleQuote = (k, hit ?? -1) } else { singleQuote = (k, hit ?? -1) }
        return hit
    }

    /// Whether a closing tag `</name` starts at index `i` or later.
    private mutating func closingTagFollows(_ name: [UInt8], after i: Int) -> Bool {
        if lastClosing == nil {
            // One pass over the text for every name at once.
            var last: [[UInt8]: Int] = [:]
            let n = p.count
            var k = 0
            while let lt = ByteSearch.find(0x3C, base, k, n) {
                k = lt + 1
                guard lt + 2 < n, p[lt + 1] == 0x2F, Self.isAlpha(p[lt + 2]) else { continue }
                var e = lt + 3
                while e < n && e - lt - 2 < Self.maxName && Self.isNameByte(p[e]) { e += 1 }
                var key = Array(UnsafeBufferPointer(rebasing: p[(lt + 2)..<e]))
                for m in key.indices where key[m] >= 0x41 && key[m] <= 0x5A { key[m] |= 0x20 }
                last[key] = lt
                k = e
            }
            lastClosing = last
        }
        return (lastClosing![name] ?? -1) >= i
    }

    /// A comment (`<!-- … -->`) or a `<!DOCTYPE …>` at `i`.
    private mutating func declaration(_ i: Int) -> Token? {
        let n = p.count
        let j = i + 2
        if j + 1 < n, p[j] == 0x2D, p[j + 1] == 0x2D {
            guard let end = search("-->", from: j + 2, missKey: []) else { return nil }
            return Token(form: .comment, kind: .inline, selfClosing: false, end: end + 3, name: [])
        }
        // `<!doctype` and whitespace, then `>` before any `<`, not far.
        let doctype: StaticString = "doctype"
        guard j + 7 < n else { return nil }
        for m in 0..<7 where p[j + m] | 0x20 != doctype.utf8Start[m] { return nil }
        guard Self.isSpace(p[j + 7]) else { return nil }
        var k = j + 8
        while k < n && k - i < Self.maxDeclaration && p[k] != 0x3E && p[k] != 0x3C { k += 1 }
        guard k < n, p[k] == 0x3E else { return nil }
        return Token(form: .declaration, kind: .inline, selfClosing: false, end: k + 1, name: [])
    }

    /// `<?xml …>` at `i` (HTML reads it as a comment up to `>`), not far.
    private func xmlDeclaration(_ i: Int) -> Token? {
        let n = p.count
        guard i + 5 < n, p[i + 2] | 0x20 == 0x78, p[i + 3] | 0x20 == 0x6D, p[i + 4] | 0x20 == 0x6C, Self.isSpace(p[i + 5]) else { return nil }
        var k = i + 6
        while k < n && k - i < Self.maxDeclaration && p[k] != 0x3E && p[k] != 0x3C { k += 1 }
        guard k < n, p[k] == 0x3E else { return nil }
        return Token(form: .declaration, kind: .inline, selfClosing: false, end: k + 1, name: [])
    }

    /// The index after the element whose opening tag ends at `from`: after the first closing
    /// tag `</name …>` (`name` in any case), or nil when there is none.
    mutating func rawTextEnd(_ name: [UInt8], from: Int) -> Int? {
        let n = p.count
        if let miss = closeMisses[name], from >= miss { return nil }
        var k = from
        while let lt = ByteSearch.find(0x3C, base, k, n) {
            if lt + 1 < n, p[lt + 1] == 0x2F, matchesName(lt + 2, name) {
                if let gt = ByteSearch.find(0x3E, base, lt, n) { return gt + 1 }
                break
            }
            k = lt + 1
        }
        closeMisses[name] = min(closeMisses[name] ?? from, from)
        return nil
    }

    /// The index of `s` at or after `from`; failures are remembered under `missKey`.
    private mutating func search(_ s: StaticString, from: Int, missKey: [UInt8]) -> Int? {
        if let miss = closeMisses[missKey], from >= miss { return nil }
        let needle = UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)
        var k = from
        while let hit = ByteSearch.find(needle[0], base, k, p.count) {
            if hit + needle.count > p.count { break }
            var ok = true
            for m in 1..<needle.count where p[hit + m] != needle[m] { ok = false; break }
            if ok { return hit }
            k = hit + 1
        }
        closeMisses[missKey] = min(closeMisses[missKey] ?? from, from)
        return nil
    }

    private func matchesName(_ i: Int, _ name: [UInt8]) -> Bool {
        guard i + name.count <= p.count else { return false }
        for k in name.indices where p[i + k] | 0x20 != name[k] { return false }
        let after = i + name.count
        return after == p.count || !Self.isNameByte(p[after])
    }

    @inline(__always) static func skipSpace(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var j = i
        while j < p.count && isSpace(p[j]) { j += 1 }
        return j
    }
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C }
    @inline(__always) static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isAlpha(c) || (c >= 0x30 && c <= 0x39) }
    @inline(__always) static func isNameByte(_ c: UInt8) -> Bool { isAlnum(c) || c == 0x2D || c == 0x2E || c == 0x5F }
}
