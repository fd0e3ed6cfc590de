/// Whether a text of unknown language is French, from its function words — the cheap check
/// that lets the clean stage, which runs before the language stage, keep French typography
/// (the space before `;` and `:`) and repair it in other languages.
///
/// Counts the words of the first ``window`` bytes that are frequent in French and rare
/// elsewhere (`les`, `des`, `est`, `dans`, `avec`, `c'est`…) against those frequent in the other
/// Latin-script languages Sluice sees most (`the`, `und`, `der`, `los`, `della`, `não`…). Words
/// are packed into a `UInt64`, so the check allocates nothing; it runs only for texts that hold
/// a space before `;` or `:`.
enum FrenchContext {
    /// Bytes looked at, at most.
    static let window = 4096

    /// The verdict: French, another language, or too little text to tell.
    enum Verdict: Equatable { case french, other, unknown }

    static func verdict(_ p: UnsafeBufferPointer<UInt8>) -> Verdict {
        var french = 0, other = 0
        var i = 0
        let end = min(p.count, window)
        while i < end {
            // A word: ASCII letters and the Latin-1 letters French writes (à, é, è, ç, ê…).
            var key: UInt64 = 0
            var len = 0
            let start = i
            while i < end {
                let c = p[i]
                if c >= 0x41 && c <= 0x5A || c >= 0x61 && c <= 0x7A {
                    if len < 8 { key = key << 8 | UInt64(c | 0x20) }
                    len += 1
                    i += 1
                } else if c == 0xC3, i + 1 < end {
                    if len < 7 { key = key << 16 | UInt64(0xC3) << 8 | UInt64(p[i + 1] | 0x20) }
                    len += 2
                    i += 2
                } else {
                    break
                }
            }
            if i == start { i += 1; continue }   // not a letter: step over it
            guard len <= 8 else { continue }
            if frenchWords.contains(key) { french += 1 } else if otherWords.contains(key) { other += 1 }
        }
        if french >= 3 && french > 2 * other { return .french }
        if other >= 3 && other > 2 * french || other >= 2 && french == 0 { return .other }
        return .unknown
    }

    private static func pack(_ w: String) -> UInt64 {
        var k: UInt64 = 0
        for b in w.utf8 { k = k << 8 | UInt64(b) }
        return k
    }

    /// French function words (lower case; `c'est` counts as `c` and `est`).
    static let frenchWords: Set<UInt64> = Set([
        "les", "des", "est", "une", "dans", "pour", "avec", "pas", "sur", "qui", "aux", "cette", "sont", "nous", "vous",
        "mais", "leur", "leurs", "plus", "aussi", "ont", "été", "être", "très", "où", "à", "déjà", "après", "selon", "lors",
    ].map(pack))

    /// Function words of English, German, Spanish, Italian, Portuguese and Dutch that French
    /// does not use.
    static let otherWords: Set<UInt64> = Set([
        "the", "and", "of", "is", "was", "with", "that", "this", "for", "are", "have", "from", "they", "will", "which",
        "der", "die", "und", "das", "ist", "nicht", "mit", "ein", "eine", "auch", "dem", "den", "vor", "ihre", "sich", "auf",
        "für", "von", "zu", "wird", "werden", "nach", "bei", "aus", "oder", "aber", "wie",
        "los", "las", "del", "con", "por", "para", "una", "el", "lo", "al", "pero", "como", "más",
        "della", "che", "non", "sono", "degli", "gli", "nel", "alla", "anche",
        "não", "em", "com", "uma", "os", "ao", "pelo",
        "het", "een", "van", "niet", "zijn",
    ].map(pack))
}
