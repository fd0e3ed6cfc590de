/// Repairs punctuation artifacts of scraped and spun text, on text whose spaces are already
/// collapsed and whose lines are trimmed:
/// - a space before `,` `.` `;` `:` (`word , next` → `word, next`); the space before `;` and
///   `:` is kept in French (French typography wants one) and when the language is unknown;
/// - doubled punctuation before a comma (`summit. , which` → `summit, which`; after an
///   abbreviation the period stays: `etc. , and` → `etc., and`);
/// - a missing space after an ellipsis or a bracketed ellipsis / citation (`wait…what`,
///   `[…]we`, `[3]The` → `wait… what`, `[…] we`, `[3] The`).
///
/// Decimals (`.5`), URLs and e-mails (`.com`), ellipses (` ...`), emoticons (` :)`) and
/// times (`10 : 30`) are left alone: punctuation is only moved when a space, a line end or a
/// closing quote follows it.
enum PunctuationFix {
    /// The fixed text, or `nil` when nothing changed; `fixed` counts the repairs.
    /// `language` nil (unknown): the space before `;` and `:` is kept, as in French.
    static func fix(_ p: UnsafeBufferPointer<UInt8>, french: Bool, languageKnown: Bool = true, fixed: inout Int) -> [UInt8]? {
        let knownNotFrench = languageKnown && !french
        let n = p.count
        var out: [UInt8] = []
        var changed = false
        var copied = 0
        var i = 0

        func start() {
            if !changed { changed = true; out.reserveCapacity(n + 16) }
        }
        /// The `d`-th byte before `i` in the text as repaired so far (`out`, then the input from
        /// `copied`), 0 before its start: a repair just before `i` (`d , ,` → `d, ,`) must be
        /// seen by the next one, or a run would take one cleaning pass per item.
        func before(_ d: Int) -> UInt8 {
            let k = i - d
            if k >= copied { return k >= 0 ? p[k] : 0 }
            let o = out.count - (copied - k)
            return o >= 0 ? out[o] : 0
        }

        let interesting = Self.interesting
        while i < n {
            // Skip to the next byte that may start an artifact.
            while i < n && !interesting[Int(p[i])] { i += 1 }
            guard i < n else { break }
            // `, . ; :` after a space: look from the space.
            if p[i] < 0x5D && p[i] != 0x29 {
                if i >= 2 && p[i - 1] == 0x20 { i -= 1 } else { i += 1; continue }
            }
            let c = p[i]
            if c == 0x20, i > 0, i + 1 < n, isArtifact(p[i + 1]) {
                let punct = p[i + 1]
                let prev = before(1)
                if prev != 0x0A && prev != 0x20 && followsCleanly(p, i + 2, punct: punct)
                    && (punct == 0x2C || punct == 0x2E || knownNotFrench)
                    && !(isArtifact(prev) && (i < 2 || before(2) == 0x0A || before(2) == 0x20))
                    && !(punct == 0x3A && isDigit(prev) && i + 3 < n && isDigit(p[i + 3])) {
                    start()
                    if punct == 0x2C && isArtifact(prev) && i >= 2 && before(2) != prev && before(2) != 0x20 && before(2) != 0x0A {
                        // "X. ," → "X," — unless the period ends an abbreviation.
                        if prev == 0x2E && isAbbreviation(p, end: i - 1) {
                            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<i]))
                        } else if i - 1 >= copied {
                            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<(i - 1)]))
                        } else {
                            out.removeLast()  // the period came from the repair just before
                        }
                    } else {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<i]))
                    }
                    out.append(punct)
                    fixed += 1
                    i += 2
                    copied = i
                    continue
                }
                i += 2  // past the punctuation
                continue
            }
            // "…" + letter, "[…]" / "[3]" + letter: a space is missing.
            if c == 0xE2, i + 3 < n, p[i + 1] == 0x80, p[i + 2] == 0xA6, i > 0, p[i - 1] != 0x20, p[i - 1] != 0x0A,
               p[i - 1] != 0x5B, p[i - 1] != 0x28, isLetterStart(p, i + 3) {
                start()
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<(i + 3)]))
                out.append(0x20)
                fixed += 1
                i += 3
                copied = i
                continue
            }
            if (c == 0x5D || c == 0x29), i + 1 < n, isLetterStart(p, i + 1), closesEllipsisOrCitation(p, i) {
                start()
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied...i]))
                out.append(0x20)
                fixed += 1
                i += 1
                copied = i
                continue
            }
            i += 1
        }
        guard changed else { return nil }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<n]))
        return out
    }

    /// Bytes where an artifact may be: `, . ; :` (after a space), `…`'s lead byte, `]`, `)`.
    nonisolated(unsafe) static let interesting: UnsafeMutablePointer<Bool> = {
        let t = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
        t.initialize(repeating: false, count: 256)
        for b in [0x2C, 0x2E, 0x3B, 0x3A, 0xE2, 0x5D, 0x29] { t[b] = true }
        return t
    }()

    @inline(__always) static func isArtifact(_ d: UInt8) -> Bool { d == 0x2C || d == 0x2E || d == 0x3B || d == 0x3A }
    /// ``isArtifact(_:)`` on the eight byte lanes of `w` (``ByteLanes``).
    @inline(__always) static func artifactLanes(_ w: UInt64) -> UInt64 {
        ByteLanes.equal(w, 0x2C) | ByteLanes.equal(w, 0x2E) | ByteLanes.equal(w, 0x3B) | ByteLanes.equal(w, 0x3A)
    }
    @inline(__always) static func isDigit(_ d: UInt8) -> Bool { d >= 0x30 && d <= 0x39 }

    /// Whether what follows punctuation at `j` lets it move: the end, a space, a line break,
    /// or (for `,` and `.`) a closing quote or bracket.
    static func followsCleanly(_ p: UnsafeBufferPointer<UInt8>, _ j: Int, punct: UInt8) -> Bool {
        guard j < p.count else { return true }
        let c = p[j]
        if c == 0x20 || c == 0x0A { return true }
        guard punct == 0x2C || punct == 0x2E else { return false }
        if c == 0x22 || c == 0x27 || c == 0x29 { return true }
        // ” ’ »
        if c == 0xE2 && j + 2 < p.count && p[j + 1] == 0x80 && (p[j + 2] == 0x9D || p[j + 2] == 0x99) { return true }
        if c == 0xC2 && j + 1 < p.count && p[j + 1] == 0xBB { return true }
        return false
    }

    /// Whether a letter starts at `j` (ASCII letter, or a non-ASCII alphabetic scalar).
    static func isLetterStart(_ p: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
        j < p.count && WordClass.classify(p, j).isLetter
    }

    /// Whether the bracket at `i` closes `[…]`, `[...]`, `(…)` or a numeric citation `[12]`.
    static func closesEllipsisOrCitation(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let open: UInt8 = p[i] == 0x5D ? 0x5B : 0x28
        if i >= 4 && p[i - 4] == open && p[i - 3] == 0xE2 && p[i - 2] == 0x80 && p[i - 1] == 0xA6 { return true }
        if i >= 4 && p[i - 4] == open && p[i - 3] == 0x2E && p[i - 2] == 0x2E && p[i - 1] == 0x2E { return true }
        guard open == 0x5B else { return false }
        var j = i - 1
        while j >= 0 && isDigit(p[j]) && i - j <= 3 { j -= 1 }
        return j >= 0 && j < i - 1 && p[j] == 0x5B
    }

    /// Whether the word that ends with the period at `end` is an abbreviation: one letter
    /// (an initial), a word with inner periods (`U.S.`, `e.g.`), or a known abbreviation.
    static func isAbbreviation(_ p: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
        var j = end
        while j > 0 && p[j - 1] != 0x20 && p[j - 1] != 0x0A { j -= 1 }
        let word = UnsafeBufferPointer(rebasing: p[j..<end])
        if word.count == 1 { return true }
        if word.contains(0x2E) { return true }
        var lower = [UInt8](word)
        for k in lower.indices where lower[k] < 0x80 { lower[k] |= 0x20 }
        return abbreviations.contains(lower)
    }

    static let abbreviations: Set<[UInt8]> = Set([
        "etc", "inc", "ltd", "corp", "co", "jr", "sr", "vs", "approx", "dept", "est", "no", "nos", "vol",
        "mr", "mrs", "ms", "dr", "prof", "st", "mt", "gen", "gov", "sen", "rep", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "usw", "bzw", "ca", "vgl", "nr", "sra", "sr",
        "cf", "ibid", "al", "fig", "p", "pp", "ed", "eds", "av", "avda", "mme", "mlle", "ss", "sig", "dott",
    ].map { Array($0.utf8) })
}
