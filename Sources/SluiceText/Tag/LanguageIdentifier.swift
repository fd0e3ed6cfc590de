#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A stretch of a document in another language than the document's: one paragraph (line) or
/// several consecutive ones. Offsets count Unicode scalars (code points) from the start of the
/// text, end exclusive, as Python's `str` indexes.
public struct LanguageSpan: Sendable, Equatable {
    /// First Unicode scalar of the stretch.
    public var start: Int
    /// Scalar after its last one.
    public var end: Int
    /// Its language code.
    public var language: String
    /// How sure the identifier is of it (0…1).
    public var score: Double

    /// A span of `language` over scalars `start..<end`.
    public init(start: Int, end: Int, language: String, score: Double) {
        self.start = start
        self.end = end
        self.language = language
        self.score = score
    }
}

/// The language of a document and the stretches written in other languages.
public struct LanguageAnalysis: Sendable, Equatable {
    /// The document's language code, or `und`.
    public var language: String
    /// How sure the identifier is of it (0…1).
    public var score: Double
    /// Stretches in other languages, in text order.
    public var spans: [LanguageSpan]
}

/// Identifies the language of text: naive Bayes over character n-grams (orders 1–4, inside
/// words, lower-cased) from a ``LanguageModel``, restricted to the languages written in the
/// text's main script; scripts that name a language alone (Greek, Armenian, Georgian, Hebrew,
/// Bengali, Gurmukhi, Gujarati, Tamil, Telugu, Thai, Hangul; Han and kana for zh and ja)
/// decide without the model.
///
/// Works on UTF-8 bytes in one pass, with no allocation per character; paragraphs (lines) are
/// scored on the way, so ``analyze(_:spanMinLetters:)`` finds other-language paragraphs at no
/// extra cost. A paragraph stops being scored once its language is decided (after
/// ``earlyStopLetters`` letters, a lead of ``decisiveMargin``); the rest of it is only counted,
/// which more than halves the work on news text and changed no decision on the evaluation set.
/// Returns `und` for text with fewer than ``minLetters`` letters or in a script it
/// does not know.
public struct LanguageIdentifier: Sendable {
    /// The n-gram tables it scores with.
    public let model: LanguageModel
    /// Texts with fewer letters than this are `und`.
    public var minLetters: Int
    /// A paragraph becomes a span only when its own language scores at least this.
    public var spanMinScore: Double

    /// The code of an undetermined language.
    public static let undetermined = "und"

    /// Letters of a paragraph scored before it may stop early; 0 scores every letter.
    public var earlyStopLetters: Int
    /// Lead (tenths of a nat, summed over the n-gram orders: 600 is odds of about e^15) at
    /// which a paragraph's language counts as decided and its remaining letters are not scored.
    public var decisiveMargin: Int32

    /// An identifier over `model`; the defaults are the `language` stage's.
    public init(model: LanguageModel, minLetters: Int = 4, spanMinScore: Double = 0.9,
                earlyStopLetters: Int = 64, decisiveMargin: Int32 = 600) {
        self.model = model
        self.minLetters = minLetters
        self.spanMinScore = spanMinScore
        self.earlyStopLetters = earlyStopLetters
        self.decisiveMargin = decisiveMargin
    }

    /// The language of `text` and a confidence in 0…1.
    public func identify(_ text: String) -> (language: String, score: Double) {
        let a = run(text, spanMinLetters: nil)
        return (a.language, a.score)
    }

    /// Paragraphs (lines) with at least `minLetters` letters whose language differs from the
    /// document's, consecutive ones of one language merged.
    public func spans(_ text: String, minLetters: Int = 100) -> [LanguageSpan] {
        run(text, spanMinLetters: minLetters).spans
    }

    /// Document language and other-language spans in one pass; `spanMinLetters` nil skips spans.
    public func analyze(_ text: String, spanMinLetters: Int? = 100) -> LanguageAnalysis {
        run(text, spanMinLetters: spanMinLetters)
    }

    // MARK: - Scan

    private struct Paragraph {
        var start: Int
        var end: Int
        var language: String
        var score: Double
    }

    private func run(_ text: String, spanMinLetters: Int?) -> LanguageAnalysis {
        var copy = text
        return copy.withUTF8 { bytes in
            let nLangs = model.languages.count
            let nScripts = Script.allCases.count
            let cache = WordCache.current(for: model.tables, languages: nLangs)
            let stride = cache.stride
            // One heap block per call for the score and script counters.
            let scoreBuf = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 2 * nLangs)
            let scriptBuf = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2 * nScripts)
            let pendingBuf = UnsafeMutableRawPointer.allocate(byteCount: 2 * stride, alignment: 16)
            let probeBuf = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * WordCache.maxNgrams)
            defer { scoreBuf.deallocate(); scriptBuf.deallocate(); pendingBuf.deallocate(); probeBuf.deallocate() }
            scoreBuf.initialize(repeating: 0)
            scriptBuf.initialize(repeating: 0)
            pendingBuf.initializeMemory(as: UInt16.self, repeating: 0, count: stride)
            let doc = UnsafeMutableBufferPointer(rebasing: scoreBuf[0..<nLangs])
            let para = UnsafeMutableBufferPointer(rebasing: scoreBuf[nLangs..<(2 * nLangs)])
            let docScripts = UnsafeMutableBufferPointer(rebasing: scriptBuf[0..<nScripts])
            let paraScripts = UnsafeMutableBufferPointer(rebasing: scriptBuf[nScripts..<(2 * nScripts)])
            let a = scan(bytes, doc: doc, para: para, pending: pendingBuf, probes: probeBuf, cache: cache,
                         docScripts: docScripts, paraScripts: paraScripts, spanMinLetters: spanMinLetters)
            withExtendedLifetime(cache) {}
            return a
        }
    }

    /// Adds `count` UInt16 lanes (a multiple of 8) at `row` into those at `acc`.
    @inline(__always)
    private static func addRow(_ acc: UnsafeMutableRawPointer, _ row: UnsafeRawPointer, stride: Int) {
        var o = 0
        while o < 2 * stride {
            let a = acc.load(fromByteOffset: o, as: SIMD8<UInt16>.self)
            let r = row.load(fromByteOffset: o, as: SIMD8<UInt16>.self)
            acc.storeBytes(of: a &+ r, toByteOffset: o, as: SIMD8<UInt16>.self)
            o += 16
        }
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>,
                      doc: UnsafeMutableBufferPointer<Int32>, para: UnsafeMutableBufferPointer<Int32>,
                      pending: UnsafeMutableRawPointer, probes: UnsafeMutablePointer<UInt64>, cache: WordCache,
                      docScripts: UnsafeMutableBufferPointer<Int>, paraScripts: UnsafeMutableBufferPointer<Int>,
                      spanMinLetters: Int?) -> LanguageAnalysis {
        let wantSpans = spanMinLetters != nil
        let spanMin = spanMinLetters ?? Int.max
        var paragraphs: [Paragraph] = []
        var docLetters = 0
        var paraLetters = 0
        var asciiLetters = 0
        var paraStart = 0
        var scalarIndex = 0
        // The last three letters of the current word, newest first; `run` counts them.
        var w1: UInt32 = 0, w2: UInt32 = 0, w3: UInt32 = 0
        var run = 0
        // The current word's first `WordCache.maxLetters` letters, 16 bits each (the model
        // guarantees lower-case letters below U+10000), first letter lowest.
        var k0: UInt64 = 0, k1: UInt64 = 0, k2: UInt64 = 0, k3: UInt64 = 0
        // Letters whose scores wait in `pending` (UInt16 lanes; each letter adds at most
        // 4 × 255, so 64 letters cannot overflow).
        var pendingLetters = 0
        let stride = cache.stride
        // Early stop: once a paragraph's leader is ahead by `decisiveMargin`, its remaining
        // letters are only counted (letters, scripts, offsets), not scored.
        var paraScored = 0
        var nextCheck = earlyStopLetters
        var saturated = false
        let canStop = earlyStopLetters > 0

        let tables = model.tables
        let lower = tables.lowercase, scripts = tables.scripts, slots = tables.slots, postings = tables.postings
        do {
            let mask = model.slotMask
            let n = bytes.count
            var i = 0

            /// The posting list of the n-gram with hash `k64`, or an empty range.
            @inline(__always) func lookup(_ k64: UInt64) -> Range<Int> {
                var k = UInt32(truncatingIfNeeded: k64 ^ (k64 >> 32))
                if k == 0 { k = 1 }
                var s = LanguageModel.slotIndex(k, mask)
                while true {
                    let slot = slots[s]
                    if slot == 0 { return 0..<0 }
                    if UInt32(truncatingIfNeeded: slot) == k {
                        let count = Int((slot >> 32) & 0xFF)
                        let first = Int(slot >> 40)
                        return first..<(first + count)
                    }
                    s = (s + 1) & mask
                }
            }

            @inline(__always) func add(_ k64: UInt64) {
                for p in lookup(k64) {
                    let e = postings[p]
                    para[Int(e & 0xFF)] &+= Int32(e >> 8)
                }
            }

            /// Scores of the n-grams ending at `lo`, preceded in its word by `w1`, `w2`, `w3`
            /// (`run` letters before it), each hash passed to `add`.
            @inline(__always) func ngrams(_ lo: UInt32, _ w1: UInt32, _ w2: UInt32, _ w3: UInt32, _ run: Int,
                                          _ add: (UInt64) -> Void) {
                // Hash right to left: order n extends order n - 1 by one step.
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                h = (h ^ UInt64(lo)) &* 0x100_0000_01b3
                add(h)
                if run >= 1 {
                    h = (h ^ UInt64(w1)) &* 0x100_0000_01b3
                    add(h)
                    if run >= 2 {
                        h = (h ^ UInt64(w2)) &* 0x100_0000_01b3
                        add(h)
                        if run >= 3 {
                            h = (h ^ UInt64(w3)) &* 0x100_0000_01b3
                            add(h)
                        }
                    }
                }
            }

            @inline(__always) func letter(_ j: Int) -> UInt32 {
                let w = j < 4 ? k0 : j < 8 ? k1 : j < 12 ? k2 : k3
                return UInt32(truncatingIfNeeded: w >> UInt64((j & 3) * 16)) & 0xFFFF
            }

            /// Scores the buffered letters `0..<count` of the current word straight into `para`.
            func replay(_ count: Int) {
                var p1: UInt32 = 0, p2: UInt32 = 0, p3: UInt32 = 0
                for j in 0..<count {
                    let lo = letter(j)
                    ngrams(lo, p1, p2, p3, j, add)
                    p3 = p2; p2 = p1; p1 = lo
                }
            }

            func flushPending() {
                let acc = pending.assumingMemoryBound(to: UInt16.self)
                for l in 0..<para.count { para[l] &+= Int32(acc[l]) }
                pending.initializeMemory(as: UInt16.self, repeating: 0, count: stride)
                pendingLetters = 0
            }

            /// Scores a word of `run` letters (at most `WordCache.maxLetters`) through the cache.
            func endWord() {
                let count = run
                if count == 0 || count > WordCache.maxLetters { return }
                if pendingLetters + count > 64 { flushPending() }
                pendingLetters += count
                let entry = cache.entries + cache.entryBytes &* cache.slot(k0, k1, k2, k3)
                let key = entry.assumingMemoryBound(to: UInt64.self)
                let row = entry + 32
                if key[0] != k0 || key[1] != k1 || key[2] != k2 || key[3] != k3 {
                    row.initializeMemory(as: UInt16.self, repeating: 0, count: stride)
                    let r = row.assumingMemoryBound(to: UInt16.self)
                    // First all the word's n-grams' keys, slots and first probes (independent
                    // loads, so their cache misses overlap), then the probing and postings.
                    var m = 0
                    var p1: UInt32 = 0, p2: UInt32 = 0, p3: UInt32 = 0
                    for j in 0..<count {
                        let lo = letter(j)
                        ngrams(lo, p1, p2, p3, j) { h64 in
                            var k = UInt32(truncatingIfNeeded: h64 ^ (h64 >> 32))
                            if k == 0 { k = 1 }
                            let slot = LanguageModel.slotIndex(k, mask)
                            probes[m] = UInt64(k) | UInt64(slot) << 32
                            probes[WordCache.maxNgrams + m] = slots[slot]
                            m += 1
                        }
                        p3 = p2; p2 = p1; p1 = lo
                    }
                    for t in 0..<m {
                        let k = UInt32(truncatingIfNeeded: probes[t])
                        var slotIndex = Int(probes[t] >> 32)
                        var slot = probes[WordCache.maxNgrams + t]
                        while slot != 0 {
                            if UInt32(truncatingIfNeeded: slot) == k {
                                let first = Int(slot >> 40)
                                for p in first..<(first + Int((slot >> 32) & 0xFF)) {
                                    let posting = postings[p]
                                    r[Int(posting & 0xFF)] &+= posting >> 8
                                }
                                break
                            }
                            slotIndex = (slotIndex + 1) & mask
                            slot = slots[slotIndex]
                        }
                    }
                    key[0] = k0; key[1] = k1; key[2] = k2; key[3] = k3
                }
                Self.addRow(pending, row, stride: stride)
            }

            /// Whether the paragraph's best language (with its prior) leads the runner-up by
            /// at least `decisiveMargin`: more text would almost never change the decision.
            func decisive() -> Bool {
                flushPending()
                var first = Int32.min, second = Int32.min
                for l in 0..<para.count {
                    let v = para[l] &+ model.priors[l] &* Self.orders
                    if v > first { second = first; first = v } else if v > second { second = v }
                }
                return first &- second >= decisiveMargin
            }

            /// Ends the current word (of `run` letters): scores it and decides whether the
            /// paragraph has been scored enough.
            @inline(__always) func wordEnded() {
                endWord()
                paraScored += run
                if canStop && paraScored >= nextCheck {
                    nextCheck = paraScored + 64
                    saturated = decisive()
                }
                run = 0; k0 = 0; k1 = 0; k2 = 0; k3 = 0
            }

            func endParagraph() {
                flushPending()
                paraScripts[Int(Script.latin.rawValue)] += asciiLetters
                asciiLetters = 0
                saturated = false
                paraScored = 0
                nextCheck = earlyStopLetters
                if wantSpans && paraLetters >= spanMin {
                    let d = decide(para, paraScripts, letters: paraLetters)
                    paragraphs.append(Paragraph(start: paraStart, end: scalarIndex, language: d.language, score: d.score))
                }
                for l in 0..<para.count { doc[l] &+= para[l]; para[l] = 0 }
                for s in 0..<paraScripts.count { docScripts[s] += paraScripts[s]; paraScripts[s] = 0 }
                docLetters += paraLetters
                paraLetters = 0
            }

            while i < n {
                if saturated {
                    // The rest of the paragraph only needs counting; stop at its newline.
                    let c = Self.countRest(bytes, from: i, lowercase: lower, scripts: scripts, counts: paraScripts)
                    i = c.end
                    scalarIndex += c.scalars
                    paraLetters += c.letters
                    saturated = false
                    if i >= n { break }
                }
                let b0 = bytes[i]
                var cp: UInt32
                if b0 < 0x80 {
                    cp = UInt32(b0)
                    i += 1
                } else {
                    cp = Self.decodeMultibyte(bytes, b0, &i)
                }
                scalarIndex += 1
                if cp < 0x3000 {
                    let lo = lower[Int(cp)]
                    if lo == 0 {
                        if run > 0 { wordEnded() }
                        if cp == 0x0A {
                            scalarIndex -= 1
                            endParagraph()
                            scalarIndex += 1
                            paraStart = scalarIndex
                        }
                        continue
                    }
                    paraLetters += 1
                    // ASCII letters (most) are counted in a register, folded in at the paragraph's end.
                    if cp < 0x80 { asciiLetters += 1 } else { paraScripts[Int(scripts[Int(cp)])] += 1 }
                    if run < WordCache.maxLetters {
                        // Buffer the letter; the word is scored when it ends.
                        let shifted = UInt64(lo) << UInt64((run & 3) * 16)
                        switch run >> 2 {
                        case 0: k0 |= shifted
                        case 1: k1 |= shifted
                        case 2: k2 |= shifted
                        default: k3 |= shifted
                        }
                    } else {
                        // Too long for the cache: score the buffered letters, then each one as it comes.
                        if run == WordCache.maxLetters { replay(run) }
                        ngrams(lo, w1, w2, w3, run, add)
                    }
                    w3 = w2; w2 = w1; w1 = lo
                    run += 1
                } else {
                    if run > 0 { wordEnded() }
                    let script = Script.of(cp)
                    if script != .other {
                        paraLetters += 1
                        paraScripts[Int(script.rawValue)] += 1
                    }
                }
            }
            endWord()
            endParagraph()
        }
        withExtendedLifetime(tables) {}

        let d = decide(doc, docScripts, letters: docLetters)
        var spans: [LanguageSpan] = []
        if wantSpans {
            for (k, p) in paragraphs.enumerated() where p.score >= spanMinScore && p.language != d.language
                && p.language != Self.undetermined && d.language != Self.undetermined {
                // Merged with the span before when that one ends at the paragraph just before.
                if let last = spans.last, last.language == p.language, k > 0, paragraphs[k - 1].end == last.end {
                    spans[spans.count - 1].end = p.end
                    spans[spans.count - 1].score = min(last.score, p.score)
                } else {
                    spans.append(LanguageSpan(start: p.start, end: p.end, language: p.language, score: p.score))
                }
            }
        }
        return LanguageAnalysis(language: d.language, score: d.score, spans: spans)
    }

    /// The scalar whose lead byte `b0` (≥ 0x80) is at `i`, moving `i` past it; a sequence cut
    /// off by the end of the text is U+FFFD (the text is valid UTF-8, so nothing else can fail).
    @inline(__always)
    private static func decodeMultibyte(_ bytes: UnsafeBufferPointer<UInt8>, _ b0: UInt8, _ i: inout Int) -> UInt32 {
        let n = bytes.count
        let cp: UInt32
        if b0 < 0xE0 {
            cp = i + 1 < n ? (UInt32(b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)) : 0xFFFD
            i += 2
        } else if b0 < 0xF0 {
            cp = i + 2 < n ? (UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6
                | UInt32(bytes[i + 2] & 0x3F)) : 0xFFFD
            i += 3
        } else {
            cp = i + 3 < n ? (UInt32(b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)) : 0xFFFD
            i += 4
        }
        return cp
    }

    /// Counts the scalars and letters from `start` to the next newline (or the end), adding
    /// each letter to its script's count in `counts`; returns where it stopped.
    private static func countRest(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                                  lowercase: UnsafeMutableBufferPointer<UInt32>,
                                  scripts: UnsafeMutableBufferPointer<UInt8>,
                                  counts: UnsafeMutableBufferPointer<Int>) -> (end: Int, scalars: Int, letters: Int) {
        let n = bytes.count
        var i = start
        var scalars = 0, letters = 0
        // ASCII letters (most of the text) are counted in a register, not through `counts`.
        var ascii = 0
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                if b0 == 0x0A { break }
                if lowercase[Int(b0)] != 0 { ascii += 1 }
                scalars += 1
                i += 1
                continue
            }
            let cp = decodeMultibyte(bytes, b0, &i)
            scalars += 1
            if cp < 0x3000 {
                if lowercase[Int(cp)] != 0 {
                    letters += 1
                    counts[Int(scripts[Int(cp)])] += 1
                }
            } else {
                let script = Script.of(cp)
                if script != .other {
                    letters += 1
                    counts[Int(script.rawValue)] += 1
                }
            }
        }
        counts[Int(Script.latin.rawValue)] += ascii
        return (min(i, n), scalars, letters + ascii)
    }

    // MARK: - Decision

    private static let scriptLanguage: [Script: String] = [
        .greek: "el", .armenian: "hy", .georgian: "ka", .hebrew: "he", .bengali: "bn",
        .gurmukhi: "pa", .gujarati: "gu", .tamil: "ta", .telugu: "te", .thai: "th", .hangul: "ko",
    ]

    /// Log-likelihood units per nat (the model stores tenths of a nat) times the number of
    /// n-gram orders, which score the same letters and so are not independent evidence.
    private static let orders: Int32 = 4
    private static let temperature = 10.0 * Double(orders)

    private func decide(_ scores: UnsafeMutableBufferPointer<Int32>, _ scripts: UnsafeMutableBufferPointer<Int>,
                        letters: Int) -> (language: String, score: Double) {
        guard letters >= minLetters, letters > 0 else { return (Self.undetermined, 0) }
        // Main script. Han and kana count together, and double (a character is nearer a word);
        // Latin counts 0.4, as other scripts' text often quotes Latin commands and names.
        let kana = scripts[Int(Script.kana.rawValue)]
        let cjk = scripts[Int(Script.han.rawValue)] + kana
        var best = Script.other
        var bestWeight = 0
        for s in Script.allCases where s != .han && s != .kana && s != .other {
            let c = scripts[Int(s.rawValue)]
            let w = s == .latin ? c * 2 : s == .hangul ? c * 10 : c * 5
            if w > bestWeight { best = s; bestWeight = w }
        }
        let bestCount = scripts[Int(best.rawValue)]
        if cjk * 10 > bestWeight {
            return (kana * 10 >= cjk ? "ja" : "zh", Double(cjk) / Double(letters))
        }
        guard bestCount > 0 else { return (Self.undetermined, 0) }
        if let lang = Self.scriptLanguage[best] { return (lang, Double(bestCount) / Double(letters)) }
        let bit = UInt32(1) << UInt32(best.rawValue)
        // Priors count once per text; n-gram scores count each letter about `orders` times.
        @inline(__always) func score(_ l: Int) -> Int32 { scores[l] &+ model.priors[l] &* Self.orders }
        var top = -1
        var topScore = Int32.min
        for l in 0..<scores.count where model.scriptMasks[l] & bit != 0 && score(l) > topScore {
            top = l
            topScore = score(l)
        }
        guard top >= 0 else { return (Self.undetermined, 0) }
        var sum = 0.0
        // Languages this far behind add less than e^-30 each: below the 4 decimals of
        // `lang_score` (span scores, written unrounded, may differ in their last bits).
        let negligible = -Int32(30 * Self.temperature)
        for l in 0..<scores.count where model.scriptMasks[l] & bit != 0 {
            let d = score(l) &- topScore
            if d > negligible { sum += exp(Double(d) / Self.temperature) }
        }
        return (model.languages[top], 1 / sum)
    }
}
