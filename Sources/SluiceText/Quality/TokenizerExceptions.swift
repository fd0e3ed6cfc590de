/// Words the English tokenizer keeps whole or splits in a fixed way, whatever the affix rules
/// say: contractions (`don't` → `do` `n't`, `I'm` → `I` `'m`, `gonna` → `gon` `na`),
/// abbreviations with periods (`Mr.`, `e.g.`, `a.m.`), times (`5pm` → `5` `pm`), a few
/// emoticons. Each form also exists capitalized and with `’` for `'`.
enum TokenizerExceptions {
    struct Exception {
        /// Byte offsets (from the word's start) where the word is cut; 0 for none.
        var cut1: Int
        var cut2: Int
    }

    private struct Entry {
        var hash: UInt64
        var offset: Int32
        var length: Int32
        var cut1: Int32
        var cut2: Int32
    }

    private static let maxLength = 18
    private static let capacity = 8192

    /// The exception for `b[lo..<hi]`, if the word is one.
    @inline(__always)
    static func lookup(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Exception? {
        let n = hi - lo
        guard n > 0 && n <= maxLength else { return nil }
        let t = table
        let f = filterIndex(n, b[lo], b[hi - 1])
        guard t.filter[f >> 6] & (1 << UInt64(f & 63)) != 0 else { return nil }
        var h: UInt64 = 0xcbf29ce484222325
        for k in lo..<hi { h = (h ^ UInt64(b[k])) &* 0x100000001b3 }
        var slot = Int(truncatingIfNeeded: h) & (capacity - 1)
        while true {
            let e = t.entries[slot]
            if e.length == 0 { return nil }
            if e.hash == h && Int(e.length) == n {
                var same = true
                for k in 0..<n where t.pool[Int(e.offset) + k] != b[lo + k] { same = false; break }
                if same { return Exception(cut1: Int(e.cut1), cut2: Int(e.cut2)) }
            }
            slot = (slot + 1) & (capacity - 1)
        }
    }

    /// A bit of `Table.filter` for a word of `n` bytes from `first` to `last`: most words
    /// share no (length, first byte, last byte) with an exception and are rejected there,
    /// before hashing the whole word.
    @inline(__always)
    private static func filterIndex(_ n: Int, _ first: UInt8, _ last: UInt8) -> Int {
        let key = UInt32(truncatingIfNeeded: n) << 16 | UInt32(first) << 8 | UInt32(last)
        return Int((key &* 0x9E3779B1) >> 16)
    }

    private struct Table {
        var entries: [Entry]
        var pool: [UInt8]
        /// 65 536 bits, set at `filterIndex` of each exception.
        var filter: [UInt64]
    }

    private static let table: Table = build()

    private static func build() -> Table {
        var forms: [[String]] = []
        func add(_ pieces: [String]) { forms.append(pieces) }
        /// `base` + each clitic (a clitic is one or more pieces), lower and capitalized.
        func words(_ bases: [String], _ clitics: [[String]]) {
            for base in bases {
                for b in [base, capitalized(base)] {
                    for c in clitics { add([b] + c) }
                }
            }
        }
        let ll: [[String]] = [["'ll"], ["ll"], ["'ll", "'ve"], ["ll", "ve"]]
        let dd: [[String]] = [["'d"], ["d"], ["'d", "'ve"], ["d", "ve"]]
        let ve: [[String]] = [["'ve"], ["ve"]]
        let re: [[String]] = [["'re"], ["re"]]
        words(["i"], [["'m"], ["m"], ["'m", "a"], ["m", "a"]])
        words(["i", "you", "he", "she", "it", "we", "they"], ll + dd)
        words(["i", "you", "we", "they"], ve)
        words(["you", "we", "they"], re)
        words(["he", "she", "it"], [["'s"], ["s"]])
        let wh = ["who", "what", "when", "where", "why", "how", "there"]
        words(wh + ["that", "this"], [["'s"]])
        words(wh + ["that", "this", "these", "those"], ll + dd)
        words(wh + ["these", "those"], re + ve)
        let nt: [[String]] = [["n't"], ["nt"]]
        words(["ca", "could", "do", "does", "did", "had", "may", "might", "must", "need", "ought", "sha", "should", "wo", "would"],
              nt + [["n't", "'ve"], ["nt", "ve"]])
        words(["could", "might", "must", "should", "would"], ve)
        words(["ai", "are", "is", "was", "were", "have", "has", "dare"], nt)
        for (a, b) in [("can", "not"), ("gon", "na"), ("got", "ta"), ("let", "'s"), ("c'm", "on"), ("not", "'ve"), ("not", "ve"), ("y'", "all"), ("y", "all")] {
            add([a, b])
            add([capitalized(a), b])
        }
        add(["how", "'d", "'y"]); add(["How", "'d", "'y"])
        for h in 1...12 {
            for p in ["am", "pm", "a.m.", "p.m."] { add(["\(h)", p]) }
        }
        // Kept whole.
        for w in ["doin", "goin", "nothin", "nuthin", "ol", "somethin", "lovin", "havin"] {
            for v in [w, capitalized(w)] { add([v + "'"]) }
        }
        let whole = """
            'cause 'cos 'coz 'cuz 'bout 'em 'll 'nuff 'S 's 'd 're 've 'm ma'am o'clock Ma'am O'clock \
            'Cause 'Cos 'Coz 'Cuz '' \
            a.m. p.m. Adm. Bros. co. Co. Corp. D.C. Dr. e.g. E.g. E.G. Gen. Gov. i.e. I.e. I.E. Inc. Jr. \
            Ltd. Md. Messrs. Mo. Mont. Mr. Mrs. Ms. Ph.D. Prof. Rep. Rev. Sen. St. vs. v.s. \
            Ak. Ala. Apr. Ariz. Ark. Aug. Calif. Colo. Conn. Dec. Del. Feb. Fla. Ga. Ia. Id. Ill. Ind. \
            Jan. Jul. Jun. Kan. Kans. Ky. La. Mar. Mass. Mich. Minn. Miss. N.C. N.D. N.H. N.J. N.M. N.Y. \
            Neb. Nebr. Nev. Nov. Oct. Okla. Ore. Pa. S.C. Sep. Sept. Tenn. Va. Wash. Wis. \
            a. b. c. d. e. f. g. h. i. j. k. l. m. n. o. p. q. r. s. t. u. v. w. x. y. z. ä. ö. ü. \
            and/or w/o C++ :) :( :-) :-( ;) ;-) :D :P :p :/ :-/ :| :] :[ :o :O <3 </3 (: ): =) =( ^_^ -_- :'( xD XD
            """
        for w in whole.split(separator: " ") where !w.isEmpty { add([String(w)]) }

        let excluded: Set<String> = ["Ill", "ill", "Its", "its", "Hell", "hell", "Shell", "shell", "Shed", "shed",
                                     "were", "Were", "Well", "well", "Whore", "whore"]
        var entries = [Entry](repeating: Entry(hash: 0, offset: 0, length: 0, cut1: 0, cut2: 0), count: capacity)
        var pool: [UInt8] = []
        var filter = [UInt64](repeating: 0, count: 1024)
        var seen: Set<String> = []
        for pieces in forms {
            for variant in [pieces, pieces.map { $0.replacingApostrophes() }] {
                let key = variant.joined()
                guard !excluded.contains(key), seen.insert(key).inserted else { continue }
                let bytes = Array(key.utf8)
                precondition(bytes.count <= maxLength)
                var cuts: [Int32] = []
                var acc = 0
                for p in variant.dropLast() { acc += p.utf8.count; cuts.append(Int32(acc)) }
                var h: UInt64 = 0xcbf29ce484222325
                for c in bytes { h = (h ^ UInt64(c)) &* 0x100000001b3 }
                var slot = Int(truncatingIfNeeded: h) & (capacity - 1)
                while entries[slot].length != 0 { slot = (slot + 1) & (capacity - 1) }
                entries[slot] = Entry(hash: h, offset: Int32(pool.count), length: Int32(bytes.count),
                                      cut1: cuts.count > 0 ? cuts[0] : 0, cut2: cuts.count > 1 ? cuts[1] : 0)
                pool += bytes
                let f = filterIndex(bytes.count, bytes[0], bytes[bytes.count - 1])
                filter[f >> 6] |= 1 << UInt64(f & 63)
            }
        }
        return Table(entries: entries, pool: pool, filter: filter)
    }

    private static func capitalized(_ s: String) -> String {
        guard let f = s.first else { return s }
        return f.uppercased() + s.dropFirst()
    }
}

private extension String {
    func replacingApostrophes() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "'" ? "\u{2019}" : $0 }))
    }
}
