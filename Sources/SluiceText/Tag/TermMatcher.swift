/// One term-list match: which term (index into the terms given to ``TermMatcher``), its tag,
/// and the UTF-8 byte range of the original text it covers.
public struct TermMatch: Sendable, Equatable {
    /// Index of the term in the terms given to the matcher.
    public var term: Int
    /// Index of the term's tag.
    public var tag: Int
    /// UTF-8 offset of the first byte.
    public var start: Int
    /// UTF-8 offset past the last byte.
    public var end: Int

    /// A match from its parts.
    public init(term: Int, tag: Int, start: Int, end: Int) {
        self.term = term
        self.tag = tag
        self.start = start
        self.end = end
    }
}

/// Matches lists of terms (gazetteers) in text with an Aho–Corasick automaton over UTF-8
/// bytes, on word boundaries, optionally ignoring case and diacritics.
///
/// Text and terms are folded the same way, scalar by scalar, while the automaton runs:
/// lowercase (`case_insensitive`), base letters without combining marks (`é` → `e`, `ß` →
/// `ss`, `ł` → `l`; `diacritic_insensitive`), runs of white space as one space. Matches are
/// found on the folded bytes and reported with the offsets of the original text; every match
/// is reported, overlapping ones included (`New York` and `York`). A match must start and
/// end on word boundaries (no letter, digit or mark just outside), except at the edge of a
/// term in a script written without spaces (Chinese, Japanese, Thai).
public struct TermMatcher: Sendable {
    /// How terms are compared with the text.
    public struct Options: Sendable, Equatable, Hashable {
        /// Letters match whatever their case.
        public var caseInsensitive: Bool
        /// Letters match whatever their accents.
        public var diacriticInsensitive: Bool

        /// Options; case-insensitive and accent-sensitive by default.
        public init(caseInsensitive: Bool = true, diacriticInsensitive: Bool = false) {
            self.caseInsensitive = caseInsensitive
            self.diacriticInsensitive = diacriticInsensitive
        }
    }

    /// How terms are compared with the text.
    public let options: Options
    /// Tag names, indexed by ``TermMatch/tag``.
    public let tags: [String]
    /// Terms as given, indexed by ``TermMatch/term``.
    public let terms: [String]
    private let termTag: [Int32]
    private let termLength: [Int32]
    /// Whether the term's first / last scalar needs a word boundary outside it.
    private let termBounded: [UInt8]
    private let fold: FoldTable
    /// Byte → column of the transition table (bytes no term uses share column 0).
    private let column: [UInt8]
    private let columns: Int
    /// Dense transitions: `delta[state * columns + column]`.
    private let delta: [Int32]
    /// Per state: first term ending here (or -1), and the next state on the output chain (or -1).
    private let outputStart: [Int32]
    private let outputs: [Int32]
    private let outputNext: [Int32]
    private let dictLink: [Int32]
    private let maxLength: Int

    /// `lists`: tag name and its terms, in order. Empty terms are ignored.
    public init(lists: [(tag: String, terms: [String])], options: Options = Options()) {
        self.options = options
        let fold = FoldTable(options)
        self.fold = fold
        var tags: [String] = []
        var terms: [String] = []
        var termTag: [Int32] = []
        var folded: [[UInt8]] = []
        var bounded: [UInt8] = []
        var seen = Set<[UInt8]>()
        for (tag, list) in lists {
            let t = Int32(tags.count)
            tags.append(tag)
            seen.removeAll(keepingCapacity: true)
            for term in list {
                let f = fold.foldTerm(term)
                // A term listed twice under one tag (or folding to the same bytes) counts once.
                guard !f.isEmpty, seen.insert(f).inserted else { continue }
                terms.append(term)
                termTag.append(t)
                folded.append(f)
                var b: UInt8 = 0
                if let first = term.unicodeScalars.first(where: { !$0.properties.isWhitespace }), !WordCounter.isUnspacedScript(first) { b |= 1 }
                if let last = term.unicodeScalars.last(where: { !$0.properties.isWhitespace }), !WordCounter.isUnspacedScript(last) { b |= 2 }
                bounded.append(b)
            }
        }
        self.tags = tags
        self.terms = terms
        self.termTag = termTag
        self.termLength = folded.map { Int32($0.count) }
        self.termBounded = bounded
        self.maxLength = folded.map(\.count).max() ?? 0

        // Columns: one per byte used by some term.
        var column = [UInt8](repeating: 0, count: 256)
        var columns = 1
        for f in folded { for b in f where column[Int(b)] == 0 { column[Int(b)] = UInt8(columns); columns += 1 } }
        self.column = column
        self.columns = columns

        // Trie.
        var delta: [Int32] = Array(repeating: -1, count: columns)
        var outputStart: [Int32] = [-1]
        var outputs: [Int32] = []
        var outputNext: [Int32] = []
        // In reverse, so that terms ending in the same state chain in list order.
        for (k, f) in folded.enumerated().reversed() {
            var s = 0
            for b in f {
                let c = Int(column[Int(b)])
                if delta[s * columns + c] < 0 {
                    delta[s * columns + c] = Int32(outputStart.count)
                    outputStart.append(-1)
                    delta.append(contentsOf: repeatElement(-1, count: columns))
                }
                s = Int(delta[s * columns + c])
            }
            // Terms ending in the same state chain through `outputNext`.
            outputs.append(Int32(k))
            outputNext.append(outputStart[s])
            outputStart[s] = Int32(outputs.count - 1)
        }
        // Failure links by breadth-first search; missing transitions become the failure's.
        let states = outputStart.count
        var fail = [Int32](repeating: 0, count: states)
        var dictLink = [Int32](repeating: -1, count: states)
        var queue: [Int] = []
        queue.reserveCapacity(states)
        for c in 0..<columns {
            let t = delta[c]
            if t < 0 { delta[c] = 0 } else { fail[Int(t)] = 0; queue.append(Int(t)) }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]; head += 1
            let f = Int(fail[s])
            dictLink[s] = outputStart[f] >= 0 ? Int32(f) : dictLink[f]
            for c in 0..<columns {
                let t = delta[s * columns + c]
                if t < 0 {
                    delta[s * columns + c] = delta[f * columns + c]
                } else {
                    fail[Int(t)] = delta[f * columns + c]
                    queue.append(Int(t))
                }
            }
        }
        self.delta = delta
        self.outputStart = outputStart
        self.outputs = outputs
        self.outputNext = outputNext
        self.dictLink = dictLink
    }

    /// Every match in `text`, ordered by end, then by start (longest first).
    public func matches(in text: String) -> [TermMatch] {
        guard !terms.isEmpty else { return [] }
        var copy = text
        return copy.withUTF8 { matches(in: $0) }
    }

    /// Every term occurrence in UTF-8 text `p`, in text order.
    public func matches(in p: UnsafeBufferPointer<UInt8>) -> [TermMatch] {
        var found: [TermMatch] = []
        guard !terms.isEmpty else { return found }
        // Ring of the original start offset of recent folded bytes; bit 0: first byte of its scalar.
        var ringSize = 1
        while ringSize <= maxLength { ringSize <<= 1 }
        let mask = ringSize - 1
        var ring = [Int](repeating: 0, count: ringSize)
        var fed = 0
        var state = 0
        var lastSpace = true  // leading white space is dropped
        var marks = MarkRun()
        let n = p.count
        var i = 0
        let columns = self.columns
        return ring.withUnsafeMutableBufferPointer { ring in
            delta.withUnsafeBufferPointer { delta in
                column.withUnsafeBufferPointer { column in
                    while i < n {
                        let b = p[i]
                        let start = i
                        var len = 1
                        var out: FoldTable.Bytes
                        if b < 0x80 {
                            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                                if lastSpace { i += 1; continue }
                                out = FoldTable.Bytes(0x20)
                                lastSpace = true
                            } else {
                                out = FoldTable.Bytes(fold.ascii[Int(b)])
                                lastSpace = false
                            }
                        } else {
                            let (scalar, l) = WordClass.decodeScalar(p, i)
                            len = l
                            if let scalar, scalar.value == 0xA0 || scalar.value == 0x202F || scalar.value == 0x2009 {
                                if lastSpace { i += len; continue }
                                out = FoldTable.Bytes(0x20)
                                lastSpace = true
                            } else {
                                out = scalar.map { fold.fold($0, p, i, len) } ?? FoldTable.Bytes(b)
                                if out.count == 0 { i += len; continue }  // dropped combining mark
                                lastSpace = false
                            }
                        }
                        let end = i + len
                        for k in 0..<out.count {
                            let fb = out[k]
                            ring[fed & mask] = start << 1 | (k == 0 ? 1 : 0)
                            fed += 1
                            state = Int(delta[state * columns + Int(column[Int(fb)])])
                            guard k == out.count - 1 else { continue }
                            var s = outputStart[state] >= 0 ? state : Int(dictLink[state])
                            while s >= 0 {
                                var o = Int(outputStart[s])
                                while o >= 0 {
                                    let term = Int(outputs[o])
                                    report(term, fed: fed, end: end, ring: ring, mask: mask, p: p, marks: &marks, into: &found)
                                    o = Int(outputNext[o])
                                }
                                s = Int(dictLink[s])
                            }
                        }
                        i = end
                    }
                    return found
                }
            }
        }
    }

    /// The last run of combining marks measured: `from..<end` are all marks. Match ends only
    /// grow, so a later end inside the run needs no new walk (linear time on long mark runs).
    struct MarkRun {
        var from = -1
        var end = -1
    }

    @inline(__always)
    private func report(_ term: Int, fed: Int, end: Int, ring: UnsafeMutableBufferPointer<Int>, mask: Int,
                        p: UnsafeBufferPointer<UInt8>, marks: inout MarkRun, into found: inout [TermMatch]) {
        let length = Int(termLength[term])
        guard length <= fed else { return }
        let entry = ring[(fed - length) & mask]
        guard entry & 1 == 1 else { return }  // starts inside a scalar's folding (the second s of ß)
        let start = entry >> 1
        // Combining marks after the last letter belong to it.
        var e = end
        if end >= marks.from && end <= marks.end {
            e = marks.end
        } else {
            while e < p.count, p[e] >= 0xCC, let m = Self.markLength(p, e) { e += m }
            marks = MarkRun(from: end, end: e)
        }
        let bounded = termBounded[term]
        if bounded & 1 != 0 && WordClass.isWord(before: start, in: p) { return }
        if bounded & 2 != 0 && e < p.count && WordClass.classify(p, e).isWord { return }
        found.append(TermMatch(term: term, tag: Int(termTag[term]), start: start, end: e))
    }

    /// The length of a combining mark (U+0300–U+036F, U+1AB0–U+1AFF, U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F) at `i`.
    static func markLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let (scalar, len) = WordClass.decodeScalar(p, i)
        guard let v = scalar?.value else { return nil }
        return FoldTable.isCombiningMark(v) ? len : nil
    }

}

/// The folding of scalars for ``TermMatcher``: a table for ASCII, one for U+0080–U+1FFF
/// (Latin, Greek, Cyrillic and the other alphabets with case), built once per option set.
struct FoldTable: Sendable {
    /// Up to 4 folded bytes held inline (no allocation per scalar).
    struct Bytes {
        var raw: UInt32 = 0
        var count: Int = 0
        init() {}
        init(_ b: UInt8) { raw = UInt32(b); count = 1 }
        subscript(_ k: Int) -> UInt8 { UInt8(truncatingIfNeeded: raw >> (8 * UInt32(k))) }
        mutating func append(_ b: UInt8) { raw |= UInt32(b) << (8 * UInt32(count)); count += 1 }
    }

    let options: TermMatcher.Options
    let ascii: [UInt8]
    /// For scalars 0x80..<0x2000: folded UTF-8 packed in the low 24 bits… see `bmp`.
    let bmp: [UInt32]
    let bmpCount: [UInt8]
    static let bmpLimit: UInt32 = 0x2000

    init(_ options: TermMatcher.Options) {
        self.options = options
        var ascii = [UInt8](repeating: 0, count: 128)
        for b in 0..<128 {
            ascii[b] = options.caseInsensitive && b >= 0x41 && b <= 0x5A ? UInt8(b) | 0x20 : UInt8(b)
        }
        self.ascii = ascii
        var strip: [UInt32: String] = [:]
        if options.diacriticInsensitive { for (k, v) in diacriticFoldPairs { strip[k] = v } }
        var bmp = [UInt32](repeating: 0, count: Int(Self.bmpLimit))
        var bmpCount = [UInt8](repeating: 0, count: Int(Self.bmpLimit))
        for v in UInt32(0x80)..<Self.bmpLimit {
            guard let scalar = Unicode.Scalar(v) else { continue }
            var s: String
            if options.diacriticInsensitive && Self.isCombiningMark(v) {
                s = ""
            } else {
                s = strip[v] ?? String(Character(scalar))
                if options.caseInsensitive { s = s.lowercased() }
            }
            var bytes = Bytes()
            let utf8 = Array(s.utf8)
            if utf8.count > 4 { continue }  // keep as is (never happens below U+2000)
            for b in utf8 { bytes.append(b) }
            bmp[Int(v)] = bytes.raw
            bmpCount[Int(v)] = UInt8(bytes.count)
        }
        self.bmp = bmp
        self.bmpCount = bmpCount
    }

    static func isCombiningMark(_ v: UInt32) -> Bool {
        (0x300...0x36F).contains(v) || (0x1AB0...0x1AFF).contains(v) || (0x1DC0...0x1DFF).contains(v)
            || (0x20D0...0x20FF).contains(v) || (0xFE20...0xFE2F).contains(v)
    }

    /// The folded bytes of the scalar at `i` (length `len`) of `p`.
    @inline(__always)
    func fold(_ scalar: Unicode.Scalar, _ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ len: Int) -> Bytes {
        let v = scalar.value
        if v < Self.bmpLimit {
            var b = Bytes()
            b.raw = bmp[Int(v)]
            b.count = Int(bmpCount[Int(v)])
            if b.count > 0 || (options.diacriticInsensitive && Self.isCombiningMark(v)) { return b }
        } else if options.diacriticInsensitive && Self.isCombiningMark(v) {
            return Bytes()
        }
        var b = Bytes()
        for k in 0..<len { b.append(p[i + k]) }
        return b
    }

    /// A term folded the way text is: trimmed, white space runs as one space.
    func foldTerm(_ term: String) -> [UInt8] {
        var out: [UInt8] = []
        var copy = term
        copy.withUTF8 { p in
            var i = 0
            var lastSpace = true
            while i < p.count {
                let (scalar, len) = WordClass.decodeScalar(p, i)
                if let scalar, scalar.properties.isWhitespace {
                    if !lastSpace { out.append(0x20) }
                    lastSpace = true
                } else if p[i] < 0x80 {
                    out.append(ascii[Int(p[i])])
                    lastSpace = false
                } else {
                    let f = scalar.map { fold($0, p, i, len) } ?? Bytes(p[i])
                    for k in 0..<f.count { out.append(f[k]) }
                    if f.count > 0 { lastSpace = false }
                }
                i += len
            }
        }
        if out.last == 0x20 { out.removeLast() }
        return out
    }
}
