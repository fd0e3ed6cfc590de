#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cleans article text: pure function over UTF-8, no I/O.
///
/// The steps, each one optional (``Options``):
/// 1. HTML residue (`HTMLResidue`): entities, tags, comments, scripts — only when the text
///    holds `&` or `<`;
/// 2. one byte-level pass (`CharacterFilter`) normalizes line breaks, removes invisible
///    characters, normalizes and collapses spaces and trims lines; it also notices text that
///    may hold mojibake or punctuation artifacts;
/// 3. mojibake repair (`MojibakeRepair`), then the byte pass again — only for text the
///    first pass flagged;
/// 4. whole boilerplate lines removed (``BoilerplateMatcher``);
/// 5. punctuation artifacts repaired (`PunctuationFix`) — only for flagged text;
/// 6. metadata lines (trailing hashtags, a leading or trailing timestamp) lifted out;
/// 7. NFC or NFKC, calling into Foundation only when the quick check fails.
/// A text that needs no change is returned as it is, without a copy.
public struct TextCleaner: Sendable {
    /// What the cleaner does.
    public let options: Options
    /// The boilerplate patterns in use: the defaults and ``Options/boilerplatePatterns``; none
    /// when ``Options/removeBoilerplate`` is off (the cleaner's own NFKC pass builds one per
    /// document, so an unused matcher must cost nothing).
    public let boilerplate: BoilerplateMatcher

    /// A cleaner doing what `options` says.
    public init(options: Options = Options()) {
        self.options = options
        if options.removeBoilerplate {
            let extra = BoilerplateMatcher(patterns: options.boilerplatePatterns)
            boilerplate = options.replaceDefaultBoilerplate ? extra : BoilerplateMatcher.defaults.adding(extra)
        } else {
            boilerplate = BoilerplateMatcher(patterns: [])
        }
    }

    /// Cleans `text` and lifts metadata lines out of it. `language` (ISO 639 code of the
    /// record, when known) selects language rules: French spacing keeps no-break spaces
    /// before `; : ! ?` and the space before `;` and `:`. Without it (clean runs before the
    /// language stage), no-break spaces in those places stay, and whether the space before
    /// `;` and `:` is French is decided from the text's function words (`FrenchContext`).
    public func clean(_ text: String, language: String? = nil) -> CleanedText {
        cleanCountingPasses(text, language: language).result
    }

    /// ``clean(_:language:)`` and the number of passes it took; at ``maxPasses`` the text may
    /// not be a fixed point yet (the fuzz harness checks idempotence below that).
    func cleanCountingPasses(_ text: String, language: String?) -> (result: CleanedText, passes: Int) {
        var result = cleanOnce(text, language: language)
        // One step can make work for an earlier one: removing an invisible character joins
        // `&laq` and `uo;` into an entity, NFKC turns `＆` into `&`, a lifted line uncovers a
        // boilerplate line. Cleaning again until nothing changes makes the cleaner idempotent,
        // so a cleaned corpus stays as it is when cleaned again. Text the first pass left
        // unchanged is already a fixed point and costs nothing more.
        var passes = 1
        var before = text
        while passes < Self.maxPasses && !(result.counters.values.isEmpty && Self.sameBytes(result.text, before)) {
            let again = cleanOnce(result.text, language: language)
            // Not every change is counted (a blank line trimmed at an end, say): the text decides.
            if Self.sameBytes(again.text, result.text) && again.tags.isEmpty && again.date == nil { break }
            before = result.text
            result.text = again.text
            if !again.tags.isEmpty {
                // Lines lifted later stood before those lifted first.
                var seen = Set<String>()
                result.tags = (again.tags + result.tags).filter { seen.insert($0).inserted }
            }
            if result.date == nil { result.date = again.date }
            result.counters.merge(again.counters)
            passes += 1
        }
        return (result, passes)
    }

    /// Whether `a` and `b` hold the same bytes (`==` on strings compares canonical equivalence).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { pa in b.withUTF8 { pb in pa.count == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0 } }
    }

    /// Cleaning passes at most: each one after the first only handles what the previous one
    /// uncovered, so more than two is rare. Mojibake nested many times over loses a few layers
    /// per pass; each layer at least doubles the bytes, so no real text needs more than this.
    static let maxPasses = 32

    /// One pass of every step over `text`.
    private func cleanOnce(_ text: String, language: String?) -> CleanedText {
        var counters = Counters()
        let french = language.map(Self.isFrench) ?? false
        let pass = text.utf8.withContiguousStorageIfAvailable { bytes in
            firstPass(bytes, original: text, french: french, languageKnown: language != nil, counters: &counters)
        } ?? Array(text.utf8).withUnsafeBufferPointer { bytes in
            firstPass(bytes, original: nil, french: french, languageKnown: language != nil, counters: &counters)
        }
        var result = CleanedText(text: pass.text, tags: pass.lifted.tags, date: pass.lifted.date, counters: Counters())
        // Text whose every non-ASCII scalar is NFC in any context needs no NFC pass.
        if pass.nonASCII && options.normalization != .none && !(options.normalization == .nfc && pass.nfcQuickYes) {
            normalize(&result, counters: &counters)
        }
        result.counters = counters
        return result
    }

    static func isFrench(_ language: String) -> Bool {
        let u = language.utf8
        guard u.count >= 2 else { return false }
        let a = u[u.startIndex] | 0x20, b = u[u.index(after: u.startIndex)] | 0x20
        return a == 0x66 && b == 0x72 && (u.count == 2 || u[u.index(u.startIndex, offsetBy: 2)] == 0x2D
            || u[u.index(u.startIndex, offsetBy: 2)] == 0x5F || (u.count == 3 && u.last! | 0x20 == 0x61))  // fr, fr-CA, fr_FR, fra
    }

    /// The outcome of the byte-level passes and the lifting of metadata.
    private struct FirstPass {
        var text: String
        var lifted: Lifted
        var nonASCII: Bool
        /// Whether the text is known to be in NFC already (see ``CharacterFilter/Result``).
        var nfcQuickYes: Bool
    }

    /// Runs the byte-level steps on `bytes`, lifts the metadata and builds the text once;
    /// `original` is the string `bytes` come from, returned as it is (or sliced, without
    /// validating it again) when no step changes anything.
    private func firstPass(_ bytes: UnsafeBufferPointer<UInt8>, original: String?, french: Bool, languageKnown: Bool, counters: inout Counters) -> FirstPass {
        // 1. HTML residue.
        var source: [UInt8]? = nil
        if (options.htmlEntities || options.htmlTags) && HTMLResidue.mayContain(bytes) {
            var c = HTMLResidue.Counts()
            source = HTMLResidue.clean(bytes, entities: options.htmlEntities, tags: options.htmlTags, counts: &c)
            counters.add(CleanCounter.htmlEntities, c.entities)
            counters.add(CleanCounter.htmlTags, c.tags)
            counters.add(CleanCounter.htmlComments, c.comments)
            counters.add(CleanCounter.htmlElementsRemoved, c.elementsRemoved)
        }
        // 2. Characters, spaces, lines; 3. mojibake.
        // A no-break space before `; : ! ? »` or after `«` is French typography wherever it
        // stands: it stays unless the record's language is known and not French.
        let filter = CharacterFilter(options: options, frenchSpacing: options.frenchSpacing && (french || !languageKnown))
        func run(_ b: UnsafeBufferPointer<UInt8>) -> CharacterFilter.Result { filter.run(b) }
        var filtered = source.map { s in s.withUnsafeBufferPointer { run($0) } } ?? run(bytes)
        if filtered.mojibakeCandidate {
            var fixed = 0
            let repaired = source.map { s in s.withUnsafeBufferPointer { MojibakeRepair.repair($0, fixed: &fixed) } }
                ?? MojibakeRepair.repair(bytes, fixed: &fixed)
            if let repaired {
                counters.add(CleanCounter.mojibakeFixed, fixed)
                source = repaired
                filtered.bytes?.deallocate()
                filtered = repaired.withUnsafeBufferPointer { run($0) }
            }
        }
        defer { filtered.bytes?.deallocate() }
        filtered.report(into: &counters)
        // The filter's output: its own bytes, else a prefix of its input (kept alive while used).
        let result = filtered
        if let fb = filtered.bytes {
            return finishPass(UnsafeBufferPointer(start: fb, count: filtered.count), filtered: result, unchanged: false,
                              bytes: bytes, original: original, french: french, languageKnown: languageKnown, counters: &counters)
        }
        if let s = source {
            return s.withUnsafeBufferPointer {
                finishPass(UnsafeBufferPointer(rebasing: $0[0..<result.count]), filtered: result, unchanged: false,
                           bytes: bytes, original: original, french: french, languageKnown: languageKnown, counters: &counters)
            }
        }
        return finishPass(UnsafeBufferPointer(rebasing: bytes[0..<filtered.count]), filtered: result, unchanged: true,
                          bytes: bytes, original: original, french: french, languageKnown: languageKnown, counters: &counters)
    }

    /// Steps 4–6 on the filter's output `p`; `unchanged` when `p` is a prefix of `bytes`.
    private func finishPass(_ p: UnsafeBufferPointer<UInt8>, filtered: CharacterFilter.Result, unchanged: Bool,
                            bytes: UnsafeBufferPointer<UInt8>, original: String?, french: Bool, languageKnown: Bool,
                            counters: inout Counters) -> FirstPass {
        // 4. Boilerplate lines; 5. punctuation.
        var post: [UInt8]? = nil
        if options.removeBoilerplate && !boilerplate.isEmpty {
            var removed = 0
            post = removeBoilerplateLines(p, removed: &removed)
            counters.add(CleanCounter.boilerplateLines, removed)
        }
        if options.fixPunctuation {
            func fix(_ q: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
                guard filtered.punctuationCandidate || (q.count > 0 && ByteSearch.find(0x5D, q.baseAddress!, 0, q.count) != nil)
                        || PunctuationFix.mayHoldUnflaggedArtifact(q)
                else { return nil }
                var fixed = 0
                let r = PunctuationFix.fix(q, french: french, languageKnown: languageKnown, fixed: &fixed)
                counters.add(CleanCounter.punctuationFixed, fixed)
                return r
            }
            if let fixedText = post.map({ b in b.withUnsafeBufferPointer { fix($0) } }) ?? fix(p) { post = fixedText }
        }
        // 6. Metadata, and the text.
        if let post {
            return post.withUnsafeBufferPointer { q in
                let lifted = liftMetadata(q, count: q.count, counters: &counters)
                let text = String(decoding: UnsafeBufferPointer(rebasing: q[lifted.range]), as: UTF8.self)
                return FirstPass(text: text, lifted: lifted, nonASCII: filtered.nonASCII, nfcQuickYes: filtered.nfcQuickYes)
            }
        }
        let lifted = liftMetadata(p, count: p.count, counters: &counters)
        let text: String
        if unchanged, let original {
            if lifted.range == 0..<bytes.count {
                text = original
            } else {
                // Line boundaries are scalar boundaries: the slice copies without validation.
                let u = original.utf8
                let lo = u.index(u.startIndex, offsetBy: lifted.range.lowerBound)
                let hi = u.index(lo, offsetBy: lifted.range.count)
                text = String(original[lo..<hi])
            }
        } else {
            text = String(decoding: UnsafeBufferPointer(rebasing: p[lifted.range]), as: UTF8.self)
        }
        return FirstPass(text: text, lifted: lifted, nonASCII: filtered.nonASCII, nfcQuickYes: filtered.nfcQuickYes)
    }

    /// `p` without its boilerplate lines (`nil` when it has none); the blank lines around a
    /// removed line merge, within ``Options/maxBlankLines``, and none are left at either end.
    /// Whether the line `lo..<hi` ends with `:` (or the full-width `：`), spaces aside.
    static func endsWithColon(_ p: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        var e = hi
        while e > lo && p[e - 1] == 0x20 { e -= 1 }
        if e > lo && p[e - 1] == 0x3A { return true }
        return e - lo >= 3 && p[e - 3] == 0xEF && p[e - 2] == 0xBC && p[e - 1] == 0x9A
    }

    /// Whether the line `lo..<hi` reads as a headline: at most 150 bytes, not starting with a
    /// small ASCII letter, not ending like a sentence or a clause (`.` `,` `;` `:`).
    static func isHeadline(_ p: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        guard hi - lo <= 150 else { return false }
        var e = hi
        while e > lo && p[e - 1] == 0x20 { e -= 1 }
        guard e > lo else { return false }
        let first = p[lo], last = p[e - 1]
        if first >= 0x61 && first <= 0x7A { return false }
        return last != 0x2E && last != 0x2C && last != 0x3B && last != 0x3A
    }

    func removeBoilerplateLines(_ p: UnsafeBufferPointer<UInt8>, removed: inout Int) -> [UInt8]? {
        guard let base = p.baseAddress, p.count > 0 else { return nil }
        let n = p.count
        func isBoilerplate(_ lo: Int, _ hi: Int) -> Bool {
            hi > lo && hi - lo <= BoilerplateMatcher.maxLineBytes && boilerplate.matches(p, lo..<hi)
        }
        // Most texts have none: look before allocating; lines before the first hit are not
        // matched again below.
        var lineStart = 0
        var firstHit: Int?
        while true {
            let lineEnd = ByteSearch.find(0x0A, base, lineStart, n) ?? n
            if isBoilerplate(lineStart, lineEnd) { firstHit = lineStart; break }
            if lineEnd >= n { break }
            lineStart = lineEnd + 1
        }
        guard let firstHit else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var blankRun = 0
        var wroteContent = false
        // After a lead-in label ending with a colon ("Lesen Sie auch:", "Leggi anche:"), the next
        // line is the linked headline when it looks like one.
        var afterLeadIn = false
        lineStart = 0
        while true {
            let lineEnd = ByteSearch.find(0x0A, base, lineStart, n) ?? n
            if lineEnd == lineStart {
                if wroteContent && lineEnd < n { blankRun += 1 }
            } else if lineStart >= firstHit && isBoilerplate(lineStart, lineEnd) {
                removed += 1
                afterLeadIn = Self.endsWithColon(p, lineStart, lineEnd)
            } else if afterLeadIn && Self.isHeadline(p, lineStart, lineEnd) {
                removed += 1
                afterLeadIn = false
            } else {
                afterLeadIn = false
                if wroteContent {
                    out.append(0x0A)
                    let keep = options.maxBlankLines < 0 ? blankRun : min(blankRun, options.maxBlankLines)
                    for _ in 0..<keep { out.append(0x0A) }
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[lineStart..<lineEnd]))
                wroteContent = true
                blankRun = 0
            }
            if lineEnd >= n { break }
            lineStart = lineEnd + 1
        }
        return out
    }

    /// Puts the text and the tags in the normalization form of the options.
    private func normalize(_ result: inout CleanedText, counters: inout Counters) {
        let form = options.normalization
        if let n = UnicodeNormalizer.normalize(result.text, form) {
            counters.add(form == .nfkc ? CleanCounter.nfkcNormalized : CleanCounter.nfcNormalized)
            result.text = n
            if form == .nfkc {
                // Compatibility mappings can yield spaces (U+00A8 → " ̈"): filter once more.
                var again = TextCleaner.Options(normalization: .none)
                again.removeControl = options.removeControl
                again.normalizeSpaces = options.normalizeSpaces
                again.collapseSpaces = options.collapseSpaces
                again.trimLines = options.trimLines
                again.maxBlankLines = options.maxBlankLines
                again.liftHashtags = false
                again.liftTimestamp = false
                again.repairMojibake = false
                again.htmlEntities = false
                again.htmlTags = false
                again.removeBoilerplate = false
                again.fixPunctuation = false
                let second = TextCleaner(options: again).clean(n)
                result.text = second.text
                counters.merge(second.counters)
            }
        }
        for k in result.tags.indices where result.tags[k].utf8.contains(where: { $0 >= 0x80 }) {
            if let n = UnicodeNormalizer.normalize(result.tags[k], form) { result.tags[k] = n }
        }
        if !result.tags.isEmpty {
            var seen = Set<String>()
            result.tags = result.tags.filter { seen.insert($0).inserted }
        }
    }
}

/// The result of ``TextCleaner/clean(_:language:)``.
public struct CleanedText: Sendable, Equatable {
    /// The cleaned text.
    public var text: String
    /// Hashtags lifted from a trailing hashtag line, in order, without duplicates, without `#`.
    public var tags: [String]
    /// A date lifted from a leading or trailing timestamp line, ISO 8601 (`2024-07-08T04:55:57`).
    public var date: String?
    /// What was changed, by kind (`control_removed`, `spaces_collapsed`, …); see ``CleanCounter``.
    public var counters: Counters

    /// A result from its parts.
    public init(text: String, tags: [String], date: String?, counters: Counters) {
        self.text = text; self.tags = tags; self.date = date; self.counters = counters
    }
}
