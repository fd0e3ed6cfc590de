#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Boundaries that the layout of e-mails, forum posts and web pages marks without punctuation,
/// cut into the sentence scan's spans afterwards:
/// - a rule line (`=====`, `*****`, `_____`, `-----`: at least five of one character)
///   standing as its own word: a sentence of its own;
/// - one URL right after another (`http://a.example/1 http://a.example/2`): each its own;
/// - a mail header's time stamp (`08/16/2000 12:05 PM`): a sentence of its own, cut from the
///   sender's name before it (not from `on` or `at`) and from the text after it;
/// - a greeting at a sentence's start (`Hi, Yes …`, `Dear All, My …`) and a closing before a name
///   (`Best regards, Debra Perlingiere`), in the languages listed in ``formulas``;
/// - a legislative heading (Finnish `4 artikla`) between the sentences around it;
/// - a news dateline with a colon in Arabic script (`تهران - ایرنا:`) before its story.
///
/// Found with `memchr` on their anchor bytes, so prose without them costs a few fast scans.
/// Linear: each anchor is looked at once, and every look-around is bounded or moves the scan.
struct LayoutCuts {
    private let p: UnsafeBufferPointer<UInt8>
    private let formulas: Formulas?

    /// A language's data for the pass, looked up once per splitter rather than per text.
    struct Rules: Sendable {
        var formulas: Formulas?
        var heading: [UInt8]?

        init(language: String) {
            formulas = LayoutCuts.formulas[language]
            heading = LayoutCuts.headings[language]
        }
    }
    /// Cuts found so far: the sentence before ends at `end`, the next starts at `next`.
    private var cuts: [(end: Int, next: Int)] = []

    /// The greetings and closings of a language, lower-case, words separated by one space.
    struct Formulas: Sendable {
        /// Open a letter when followed by "," and a capitalised word that is not a vocative
        /// (`Hi, Yes …` but not `Hi, John, …`).
        var greetings: [[UInt8]]
        /// Open a letter when followed by one to four words and "," (`Dear All,`).
        var salutations: [[UInt8]]
        /// Close a letter when followed by "," and a name (`Regards, Debra Perlingiere`).
        var closings: [[UInt8]]
        /// Bit `c - "a"` for each ASCII letter `c` that starts a formula: a quick no.
        var initials: UInt32 = 0

        init(greetings: [[UInt8]], salutations: [[UInt8]], closings: [[UInt8]]) {
            self.greetings = greetings
            self.salutations = salutations
            self.closings = closings
            for phrase in greetings + salutations + closings where phrase[0] >= 0x61 && phrase[0] <= 0x7A {
                initials |= 1 << UInt32(phrase[0] - 0x61)
            }
        }
    }

    /// Greetings and closings per language (the splitter's base codes). Only formulas that
    /// open or close a letter and nothing else; "Thanks," is left out: it also starts
    /// sentences ("Thanks, Dr Smith and staff!").
    static let formulas: [String: Formulas] = {
        func words(_ list: [String]) -> [[UInt8]] { list.map { Array($0.utf8) } }
        return [
            "en": Formulas(
                greetings: words(["hi", "hello", "hey", "greetings"]),
                salutations: words(["dear"]),
                closings: words(["regards", "best regards", "kind regards", "kindest regards", "warm regards",
                                 "warmest regards", "with best regards", "with kind regards", "best wishes",
                                 "sincerely", "yours sincerely", "yours truly", "yours faithfully",
                                 "very truly yours", "respectfully"])),
            "de": Formulas(greetings: [], salutations: [],
                           closings: words(["mit freundlichen grüßen", "freundliche grüße", "viele grüße",
                                            "beste grüße", "liebe grüße", "herzliche grüße"])),
            "fr": Formulas(greetings: [], salutations: [],
                           closings: words(["cordialement", "bien cordialement", "bien à vous"])),
            "es": Formulas(greetings: [], salutations: [],
                           closings: words(["atentamente", "saludos cordiales", "un cordial saludo"])),
            "pt": Formulas(greetings: [], salutations: [],
                           closings: words(["atenciosamente", "cordialmente", "com os melhores cumprimentos"])),
            "it": Formulas(greetings: [], salutations: [],
                           closings: words(["cordiali saluti", "distinti saluti"])),
            "nl": Formulas(greetings: [], salutations: [],
                           closings: words(["met vriendelijke groet", "met vriendelijke groeten"])),
        ]
    }()

    /// Words that follow an article's number in a legislative heading, per language: Finnish
    /// writes "4 artikla" on a line of its own, which flattened text joins to its neighbours
    /// ("… mukaisesti. 4 artikla 1. Toimivaltaisten …").
    static let headings: [String: [UInt8]] = ["fi": Array("artikla".utf8)]

    /// `spans` (from the sentence scan of `p`, in order) with the layout's cuts made.
    static func apply(_ spans: [Range<Int>], in p: UnsafeBufferPointer<UInt8>, rules: Rules) -> [Range<Int>] {
        var finder = LayoutCuts(p: p, formulas: rules.formulas)
        finder.findColonAnchored()
        for c: UInt8 in [0x2D, 0x3D, 0x2A, 0x5F, 0x7E] { finder.findRules(of: c) }
        if let word = rules.heading { finder.findHeadings(word) }
        if finder.cuts.isEmpty && finder.formulas == nil { return spans }
        finder.cuts.sort { $0.end < $1.end }
        // Copied only from the first span that changes: most texts have no cut.
        var out: [Range<Int>]? = nil
        var c = 0
        for (k, span) in spans.enumerated() {
            var lo = span.lowerBound
            while c < finder.cuts.count && finder.cuts[c].end <= lo { c += 1 }
            var pieces: [Range<Int>] = []
            while c < finder.cuts.count && finder.cuts[c].end < span.upperBound {
                let cut = finder.cuts[c]
                c += 1
                guard cut.next < span.upperBound, cut.next >= lo else { continue }
                finder.emit(lo, cut.end, into: &pieces)
                lo = cut.next
            }
            if pieces.isEmpty && lo == span.lowerBound {
                // No cut inside: the scan's span is trimmed already, only a formula may split it.
                guard let cut = finder.formulaCut(span) else {
                    out?.append(span)
                    continue
                }
                finder.split(span, after: cut, into: &pieces)
            } else {
                finder.emit(lo, span.upperBound, into: &pieces)
            }
            if out == nil { out = Array(spans[0..<k]) }
            out!.append(contentsOf: pieces)
        }
        return out ?? spans
    }

    private init(p: UnsafeBufferPointer<UInt8>, formulas: Formulas?) {
        self.p = p
        self.formulas = formulas
    }

    // MARK: URLs, time stamps and datelines (anchored on ":")

    private mutating func findColonAnchored() {
        guard let base = p.baseAddress else { return }
        let n = p.count
        var i = 0
        while i < n, let hit = memchr(base + i, 0x3A, n - i) {
            let c = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            i = max(c + 1, urlAfter(colon: c) ?? stampAround(colon: c) ?? 0)
            if i == c + 1 { datelineBefore(colon: c) }
        }
    }

    /// At the ":" of `http://` or `https://`: cuts after the URL when another follows; returns
    /// the URL's end, or nil when this is no URL.
    private mutating func urlAfter(colon c: Int) -> Int? {
        let n = p.count
        guard c + 2 < n, p[c + 1] == 0x2F, p[c + 2] == 0x2F, startsScheme(colon: c) else { return nil }
        var e = c + 3
        while e < n && !isBlank(e) { e += 1 }
        let w = skipSpaces(e)
        if w > e && w < n && startsURL(w) {
            // A list of URLs: each its own, also the first after a colon ("the photos: http://…").
            let s = c - (p[c - 1] | 0x20 == 0x73 ? 5 : 4)
            var b = s
            while b > 0 && (p[b - 1] == 0x20 || p[b - 1] == 0x09) { b -= 1 }
            if b < s && b > 0 && p[b - 1] == 0x3A { cuts.append((b, s)) }
            cuts.append((e, w))
        }
        return e
    }

    /// Whether "http" or "https" that starts a word ends at the colon at `c`.
    private func startsScheme(colon c: Int) -> Bool {
        for len in [5, 4] where c >= len {
            let s = c - len
            guard p[s] | 0x20 == 0x68, p[s + 1] | 0x20 == 0x74, p[s + 2] | 0x20 == 0x74, p[s + 3] | 0x20 == 0x70,
                  len == 4 || p[s + 4] | 0x20 == 0x73
            else { continue }
            if s == 0 || isBlank(s - 1) || p[s - 1] == 0x28 || p[s - 1] == 0x3C || p[s - 1] == 0x5B { return true }
        }
        return false
    }

    /// Whether a URL starts at `w`: `http://`, `https://` or `www.`.
    private func startsURL(_ w: Int) -> Bool {
        let n = p.count
        func has(_ s: StaticString, at x: Int) -> Bool {
            let len = s.utf8CodeUnitCount
            guard x + len <= n else { return false }
            let q = s.utf8Start
            for k in 0..<len where p[x + k] | 0x20 != q[k] && p[x + k] != q[k] { return false }
            return true
        }
        return has("http://", at: w) || has("https://", at: w) || has("www.", at: w)
    }

    /// At the ":" of a mail header's `08/16/2000 12:05 PM` (also `12:05:33 PM`, `8/1/01`):
    /// cuts before the stamp after a sender (a capitalised word, an address) and after it
    /// before more text on its line. Returns the stamp's end, or nil when this is none.
    private mutating func stampAround(colon c: Int) -> Int? {
        let n = p.count
        // Hours: one or two digits after a space.
        guard let h = digitsBack(from: c, max: 2), h.start >= 2, p[h.start - 1] == 0x20 else { return nil }
        // The date: d/d/yy (one or two digits for day and month, two or four for the year).
        guard let y = digitsBack(from: h.start - 1, max: 4), y.count == 2 || y.count == 4, y.start >= 4,
              p[y.start - 1] == 0x2F,
              let m = digitsBack(from: y.start - 1, max: 2), m.start >= 2, p[m.start - 1] == 0x2F,
              let first = digitsBack(from: m.start - 1, max: 2)
        else { return nil }
        let start = first.start
        guard start == 0 || isBlank(start - 1) else { return nil }
        // Minutes, optional seconds, then AM or PM.
        var e = c + 1
        guard e + 2 <= n, isDigit(e), isDigit(e + 1) else { return nil }
        e += 2
        if e + 3 <= n && p[e] == 0x3A && isDigit(e + 1) && isDigit(e + 2) { e += 3 }
        if e < n && p[e] == 0x20 { e += 1 }
        guard e + 2 <= n, p[e] | 0x20 == 0x61 || p[e] | 0x20 == 0x70, p[e + 1] | 0x20 == 0x6D else { return nil }
        e += 2
        guard e == n || isBlank(e) || p[e] == 0x0A || p[e] == 0x0D else { return nil }
        // After the stamp: a header's body, or in prose ("sent on … AM by the clerk") the
        // sentence goes on in lowercase.
        let sender = senderEnd(before: start)
        if let sender { cuts.append((sender, start)) }
        let w = skipSpaces(e)
        if w > e && w < n && !isLineBreak(w) && (sender != nil || !isLower(w)) { cuts.append((e, w)) }
        return e
    }

    /// A news dateline "<place> - <agency>:" that opens a sentence ("تهران - ایرنا: …"): a
    /// sentence of its own, cut from the story after its colon. At most five words in Arabic
    /// script, a spaced dash among them, nothing else. Latin-script "X – Y:" is mostly a label
    /// that its sentence goes on after ("HIV - AIDS: Auch …", "Fazit – Firmenwagen: Leasen …").
    private mutating func datelineBefore(colon c: Int) {
        let n = p.count
        let w = skipSpaces(c + 1)
        guard w > c + 1, w < n, !isLineBreak(w) else { return }
        var s = c
        var spaces = 0, dash = false
        while s > 0 && c - s < 96 {
            let b = p[s - 1]
            if b == 0x20 {
                spaces += 1
                if spaces > 5 { return }
            } else if b == 0x2D || (b == 0x93 && s >= 3 && p[s - 3] == 0xE2 && p[s - 2] == 0x80) {
                // A spaced "-" or "–".
                let width = b == 0x2D ? 1 : 3
                guard s - width >= 1, p[s - width - 1] == 0x20, p[s] == 0x20 else { return }
                dash = true
                s -= width
                continue
            } else if b == 0x2E || b == 0x21 || b == 0x3F || b == 0x0A {
                break
            } else if b < 0x80 {
                return
            } else if b >= 0xC0 && !(b >= 0xD8 && b <= 0xDB) {
                return  // a lead byte outside Arabic script
            }
            s -= 1
        }
        guard dash, c - s < 96 else { return }
        // The dateline starts the text, a line or a sentence.
        if s > 0 && p[s - 1] != 0x0A && !(p[s] == 0x20 && [0x2E, 0x21, 0x3F].contains(p[s - 1])) { return }
        cuts.append((c + 1, w))
    }

    /// The start of the run of at most `max` digits that ends at `end` (exclusive), if any.
    private func digitsBack(from end: Int, max: Int) -> (start: Int, count: Int)? {
        var s = end
        while s > 0 && end - s < max && isDigit(s - 1) { s -= 1 }
        return s < end ? (s, end - s) : nil
    }

    /// The end of the word before a stamp at `start` on its line when it names a sender: a
    /// capitalised word, or one with an "@" or ending in ">"; nil after "on", "at", a digit.
    private func senderEnd(before start: Int) -> Int? {
        var e = start
        while e > 0 && (p[e - 1] == 0x20 || p[e - 1] == 0x09) { e -= 1 }
        guard e > 0, e < start, !isLineBreak(e - 1) else { return nil }
        if p[e - 1] == 0x3E { return e }
        var s = e
        var at = false
        while s > 0 && s > e - 64 && !isBlank(s - 1) && !isLineBreak(s - 1) {
            if p[s - 1] == 0x40 { at = true }
            s -= 1
        }
        return at || (p[s] >= 0x41 && p[s] <= 0x5A) ? e : nil
    }

    // MARK: rule lines

    /// Rule lines of `c`, found with `memchr`.
    private mutating func findRules(of c: UInt8) {
        guard let base = p.baseAddress else { return }
        let n = p.count
        // Shorter runs are ratings and table cells ("88% *** 70%"), or dashes.
        let minimum = 5
        var i = 0
        while i < n, let hit = memchr(base + i, Int32(c), n - i) {
            let s = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var e = s + 1
            while e < n && p[e] == c { e += 1 }
            i = e
            guard e - s >= minimum, s == 0 || isBlank(s - 1) || isLineBreak(s - 1),
                  e == n || isBlank(e) || isLineBreak(e) else { continue }
            // Between lowercase words a run of hyphens is a dash ("moved ---- see").
            let w = skipSpaces(e)
            guard w >= n || !isLower(w) else { continue }
            cuts.append((s, s))
            if w < n && !isLineBreak(w) { cuts.append((e, w)) }
        }
    }

    // MARK: legislative headings

    /// Headings "<number> <word>": cut from a clause that ends before them and from a capital
    /// or a number after them. Inflected forms ("4 artiklan mukaan") are no headings.
    private mutating func findHeadings(_ word: [UInt8]) {
        guard let base = p.baseAddress, let first = word.first else { return }
        let n = p.count
        var i = 0
        while i < n, let hit = memchr(base + i, Int32(first), n - i) {
            let s = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            i = s + 1
            let e = s + word.count
            guard e <= n, s >= 2, p[s - 1] == 0x20, e == n || isBlank(e),
                  (0..<word.count).allSatisfy({ p[s + $0] == word[$0] }),
                  let d = digitsBack(from: s - 1, max: 5)?.start, d == 0 || isBlank(d - 1)
            else { continue }
            var b = d
            while b > 0 && (p[b - 1] == 0x20 || p[b - 1] == 0x09) { b -= 1 }
            if b > 0 && b < d, [0x2E, 0x3A, 0x3B, 0x22, 0x29].contains(p[b - 1]) { cuts.append((b, d)) }
            let w = skipSpaces(e)
            if w > e && w < n && (isDigit(w) || UTF8Bytes.classify(UTF8Bytes.scalar(p, w).value) == .upper) {
                cuts.append((e, w))
            }
            i = e
        }
    }

    // MARK: greetings and closings, at a sentence's start

    /// Appends the trimmed span `lo..<hi` (if not empty), split after a greeting or closing
    /// that opens it.
    private func emit(_ lo: Int, _ hi: Int, into out: inout [Range<Int>]) {
        guard let span = UTF8Bytes.trimmed(p, lo, hi) else { return }
        if let cut = formulaCut(span) {
            split(span, after: cut, into: &out)
        } else {
            out.append(span)
        }
    }

    /// Appends the trimmed `span` as two sentences, the first ending at `cut`.
    private func split(_ span: Range<Int>, after cut: Int, into out: inout [Range<Int>]) {
        out.append(span.lowerBound..<cut)
        let next = skipSpaces(cut)
        if next < span.upperBound { out.append(next..<span.upperBound) }
    }

    /// Where a greeting or closing that opens the trimmed span `span` ends (after its comma),
    /// when a sentence or a name follows it.
    private func formulaCut(_ span: Range<Int>) -> Int? {
        guard let f = formulas else { return nil }
        let lo = span.lowerBound, hi = span.upperBound
        let b = p[lo]
        guard b >= 0x41 && b <= 0x5A, f.initials & (1 << UInt32(b - 0x41)) != 0 else { return nil }
        // Every formula ends in a comma within its first words.
        guard memchr(p.baseAddress! + lo, 0x2C, min(hi - lo, 48)) != nil else { return nil }
        for g in f.greetings {
            if let comma = phraseEnd(g, lo, hi), let w = capitalAfter(comma, hi), !isVocative(w, hi) { return comma + 1 }
        }
        for s in f.salutations {
            // "Dear All," "Dear Mr. Smith,": the comma ends one to four words.
            guard let e = phraseEnd(s, lo, hi, comma: false) else { continue }
            var x = e, spaces = 0
            while x < hi && x < e + 64 && spaces < 4 && p[x] != 0x2C && p[x] != 0x0A {
                if p[x] == 0x20 { spaces += 1 }
                x += 1
            }
            if x > e && x < hi && p[x] == 0x2C, capitalAfter(x, hi) != nil { return x + 1 }
        }
        for c in f.closings {
            if let comma = phraseEnd(c, lo, hi), let w = capitalAfter(comma, hi), isName(w, hi) { return comma + 1 }
        }
        return nil
    }

    /// The offset of the "," right after `phrase` (ASCII letters compared without case) at
    /// `lo`, or with `comma: false` the offset after the phrase and one space.
    private func phraseEnd(_ phrase: [UInt8], _ lo: Int, _ hi: Int, comma: Bool = true) -> Int? {
        guard lo + phrase.count < hi else { return nil }
        for k in 0..<phrase.count {
            let b = p[lo + k]
            let folded = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            if folded != phrase[k] { return nil }
        }
        let e = lo + phrase.count
        if comma { return p[e] == 0x2C ? e : nil }
        return p[e] == 0x20 ? e + 1 : nil
    }

    /// The start of a capitalised word after the comma at `comma` and one or more spaces.
    private func capitalAfter(_ comma: Int, _ hi: Int) -> Int? {
        let w = skipSpaces(comma + 1)
        guard w > comma + 1, w < hi, p[w] >= 0x41 && p[w] <= 0x5A else { return nil }
        return w
    }

    /// Whether the word at `w` is a vocative: followed right away by punctuation or the end
    /// (`Hi, John,` `Hello, Anna!`).
    private func isVocative(_ w: Int, _ hi: Int) -> Bool {
        let e = wordEnd(w, hi)
        return e >= hi || p[e] != 0x20
    }

    /// Whether the word at `w` reads as a signature's name: the end follows, or another
    /// capitalised word or a dash (`Debra Perlingiere - ENRON`, `Traci Traci Warner`).
    private func isName(_ w: Int, _ hi: Int) -> Bool {
        let e = wordEnd(w, hi)
        if e >= hi { return true }
        guard p[e] == 0x20, e + 1 < hi else { return false }
        let b = p[e + 1]
        return (b >= 0x41 && b <= 0x5A) || b == 0x2D
    }

    private func wordEnd(_ w: Int, _ hi: Int) -> Int {
        var e = w
        while e < hi && e < w + 64 && (UTF8Bytes.isASCIILetter(p[e]) || p[e] >= 0x80 || p[e] == 0x2D || p[e] == 0x27) {
            e += 1
        }
        return e
    }

    // MARK: bytes

    @inline(__always) private func isDigit(_ i: Int) -> Bool { UTF8Bytes.isDigit(p[i]) }
    @inline(__always) private func isLower(_ i: Int) -> Bool {
        UTF8Bytes.classify(UTF8Bytes.scalar(p, i).value) == .lower
    }
    @inline(__always) private func isBlank(_ i: Int) -> Bool { UTF8Bytes.space(p, i) > 0 || p[i] == 0x0A || p[i] == 0x0D }
    @inline(__always) private func isLineBreak(_ i: Int) -> Bool { UTF8Bytes.lineBreak(p, i) > 0 }

    @inline(__always) private func skipSpaces(_ from: Int) -> Int { UTF8Bytes.skipSpaces(p, from) }
}
