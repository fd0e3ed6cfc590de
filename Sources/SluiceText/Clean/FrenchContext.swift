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
            switch words.class(of: key) {
            case 1: french += 1
            case 2: other += 1
            default: break
            }
        }
        if french >= 3 && french > 2 * other { return .french }
        if other >= 3 && other > 2 * french || other >= 2 && french == 0 { return .other }
        return .unknown
    }

    /// Both lists in one small open-addressing table with a multiplicative hash: a `Set`'s
    /// SipHash cost more than the rest of the check.
    struct WordTable {
        private var keys = [UInt64](repeating: 0, count: 256)
        private var classes = [UInt8](repeating: 0, count: 256)

        init(_ lists: [(words: Set<UInt64>, class: UInt8)]) {
            for (words, c) in lists {
                for k in words {
                    var i = Self.home(k)
                    while keys[i] != 0 && keys[i] != k { i = (i + 1) & 255 }
                    // A word on both lists keeps its first class, as the lists were checked in order.
                    if keys[i] == k { continue }
                    keys[i] = k
                    classes[i] = c
                }
            }
        }

        @inline(__always) private static func home(_ k: UInt64) -> Int {
            Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 56)
        }

        /// 1 for a French word, 2 for another language's, 0 for neither (`k` ≠ 0).
        @inline(__always) func `class`(of k: UInt64) -> UInt8 {
            var i = Self.home(k)
            while true {
                let stored = keys[i]
                if stored == k { return classes[i] }
                if stored == 0 { return 0 }
                i = (i + 1) & 255
            }
        }
    }

    static let words = WordTable([(frenchWords, 1), (otherWords, 2)])

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
