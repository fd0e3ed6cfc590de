#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CSupport

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
    /// The most likely languages, best first, with their scores (the first is `language`);
    /// empty unless asked for, and for `und`.
    public var alternatives: [LanguageScore] = []
}

/// Identifies the language of text: naive Bayes over character n-grams (orders 1–5, inside
/// words, lower-cased) from a ``LanguageModel``, restricted to the languages written in the
/// text's main script; scripts that name a language alone (Greek, Armenian, Georgian, Hebrew,
/// Bengali, Gurmukhi, Gujarati, Tamil, Telugu, Thai, Hangul; Han and kana for zh and ja)
/// decide without the model.
///
/// Works on UTF-8 bytes in one pass, with no allocation per character; paragraphs (lines) are
/// scored on the way, so ``analyze(_:spanMinLetters:alternatives:hint:)`` finds other-language paragraphs at no
/// extra cost. A paragraph stops being scored once its language is decided (after
/// ``earlyStopLetters`` letters, a lead of ``decisiveMargin``); the rest of it is only counted,
/// which more than halves the work on news text and changed no decision on the evaluation set.
/// Once a document of several paragraphs is settled (``settleMargin``), a paragraph that agrees
/// with it stops sooner (``agreeMargin``) and one too short to be a span is only counted.
/// Returns `und` only for text without letters (of any script it knows; marks such as
/// Devanagari vowel signs count as letters), or with fewer than ``minLetters``; short text gets
/// a real answer with a `score` that says how sure it is.
public struct LanguageIdentifier: Sendable {
    /// The n-gram tables it scores with.
    public let model: LanguageModel
    /// Texts with fewer letters than this are `und` (1: only texts without letters).
    public var minLetters: Int
    /// A paragraph becomes a span only when its own language scores at least this.
    public var spanMinScore: Double

    /// The code of an undetermined language.
    public static let undetermined = "und"

    /// Letters of a paragraph scored before it may stop early; 0 scores every letter.
    public var earlyStopLetters: Int
    /// Letters scored between two checks of whether the paragraph is decided. Checking every
    /// 16 letters instead turned 19 of lingua's test sentences from right to wrong (a lead met
    /// on a sentence's opening words that its end would have overturned).
    static let recheckLetters = 64
    /// Lead (tenths of a nat, summed over the five n-gram orders: 750 is odds of about e^15) at
    /// which a paragraph's language counts as decided and its remaining letters are not scored.
    public var decisiveMargin: Int32
    /// Lead of the document's language (with its prior) at which a multi-paragraph document
    /// counts as settled: from then on a paragraph agreeing with it stops early, and a paragraph
    /// too short to be a span is only counted. 0 turns this off.
    public var settleMargin: Int32
    /// Lead at which a paragraph of a settled document agrees with it, checked every
    /// 16 letters: two thirds of ``decisiveMargin`` (odds of about e^10 on top of
    /// the document's own evidence, where a paragraph alone needs e^15). Of 250, 375 and 500,
    /// the lowest that found as many of the exact scoring's spans as the paragraph early stop
    /// alone, on 2,960 benchmark articles with a paragraph of another (mostly neighbouring)
    /// language inserted.
    public var agreeMargin: Int32
    /// Letters between two checks of a paragraph of a settled document.
    static let agreeLetters = 16
    /// Highest a language's score may climb before ``rebase(_:top:ceiling:)`` lowers every
    /// language's: scores are Int32 sums that only grow, and 40 million letters of English
    /// overflowed them (its answer became Dutch or Tagalog with score 0). Lower only in tests.
    var scoreCeiling: Int32 = 1 << 29

    /// An identifier over `model`; the defaults are the `language` stage's.
    public init(model: LanguageModel, minLetters: Int = 1, spanMinScore: Double = 0.9,
                earlyStopLetters: Int = 64, decisiveMargin: Int32 = 750,
                settleMargin: Int32 = 1500, agreeMargin: Int32 = 500) {
        self.model = model
        self.minLetters = minLetters
        self.spanMinScore = spanMinScore
        self.earlyStopLetters = earlyStopLetters
        self.decisiveMargin = decisiveMargin
        self.settleMargin = settleMargin
        self.agreeMargin = agreeMargin
    }

    /// The language of `text` and a confidence in 0…1.
    public func identify(_ text: String) -> (language: String, score: Double) {
        let a = run(text, spanMinLetters: nil, alternatives: 0)
        return (a.language, a.score)
    }

    /// Paragraphs (lines) with at least `minLetters` letters whose language differs from the
    /// document's, consecutive ones of one language merged.
    public func spans(_ text: String, minLetters: Int = 100) -> [LanguageSpan] {
        run(text, spanMinLetters: minLetters, alternatives: 0).spans
    }

    /// Document language and other-language spans in one pass; `spanMinLetters` nil skips spans.
    /// With `alternatives` > 0, also that many of the most likely languages with their scores.
    /// `hint`: the language the text's source declares (a BCP 47 tag such as `en-GB`, from a
    /// page's `<html lang>`), a prior of ``hintNats`` for it (``hintedLanguages(_:)``) in the
    /// document's decision; paragraphs are decided on their own.
    public func analyze(_ text: String, spanMinLetters: Int? = 100, alternatives: Int = 0,
                        hint: String? = nil) -> LanguageAnalysis {
        run(text, spanMinLetters: spanMinLetters, alternatives: alternatives,
            hinted: hint.map(hintedLanguages) ?? [])
    }

    /// The prior, in nats, a declared language gets in the document's decision. Not in each
    /// paragraph's: there it would end the scoring of the declared language's paragraphs
    /// sooner, so that they weigh less in the document than the others.
    /// Declarations are often a template's default (on `html-eval`, 26 of 926 pages with one
    /// declare another language than their article's, 22 of them `en`), so it must not outweigh text:
    /// e^4 (odds of 55 to 1) settles close calls between neighbours (bs/hr, nb/nn, ms/id) and
    /// short texts, and is below a paragraph's early-stop lead (e^15) and what a sentence of
    /// another language scores.
    public static let hintNats: Int32 = 4

    /// The model's languages a declared tag names: its primary subtag (`pt` of `pt-BR`,
    /// case-insensitive), with the deprecated codes (`iw` Hebrew, `in` Indonesian, `ji`
    /// Yiddish, `jw` Javanese, `mo` Romanian) read as their successors; `no` (Norwegian)
    /// names both Bokmål and Nynorsk, `sh` (Serbo-Croatian) Bosnian, Croatian and Serbian,
    /// `fil` Tagalog. Empty for a tag it does not know.
    public func hintedLanguages(_ tag: String) -> [Int] {
        var primary = ""
        for u in tag.utf8 {
            if u == UInt8(ascii: "-") || u == UInt8(ascii: "_") { break }
            // Letters only: a tag of anything else names no language.
            guard (u | 0x20) >= UInt8(ascii: "a") && (u | 0x20) <= UInt8(ascii: "z"), primary.utf8.count < 8 else { return [] }
            primary.unicodeScalars.append(Unicode.Scalar(u | 0x20))
        }
        let codes: [String]
        switch primary {
        case "iw": codes = ["he"]
        case "in": codes = ["id"]
        case "ji": codes = ["yi"]
        case "jw": codes = ["jv"]
        case "mo": codes = ["ro"]
        case "no": codes = ["nb", "nn"]
        case "sh": codes = ["bs", "hr", "sr"]
        case "fil": codes = ["tl"]
        default: codes = [primary]
        }
        return codes.compactMap { model.languages.firstIndex(of: $0) }
    }

    // MARK: - Scan

    /// The state of the word being read and of the paragraph's early stop.
    private struct ScanState {
        /// Letters of the current word so far.
        var run = 0
        /// The current word's first `WordCache.maxLetters` letters, 16 bits each (the model
        /// guarantees lower-case letters below U+10000), first letter lowest.
        var k0: UInt64 = 0, k1: UInt64 = 0, k2: UInt64 = 0, k3: UInt64 = 0
        /// Letters whose scores wait in `pending` (UInt16 lanes; each letter adds at most
        /// 5 × 255, so 48 letters cannot overflow).
        var pendingLetters = 0
        /// Early stop: once a paragraph's leader is ahead by `decisiveMargin`, its remaining
        /// letters are only counted (letters, scripts, offsets), not scored.
        var paraScored = 0
        var nextCheck: Int
        var saturated = false
        /// The settled document's language, which the paragraph may stop early by agreeing
        /// with (``agreeMargin``); -1 while the document is not settled.
        var agreeWith = -1
        /// The word before the current one, scored one word late: its cache entry is
        /// prefetched when it ends and read once the next word has been scanned. `queued`
        /// counts its letters (0: none); every reader of the scores scores it first.
        var q0: UInt64 = 0, q1: UInt64 = 0, q2: UInt64 = 0, q3: UInt64 = 0
        var queued = 0
        var queuedEntry: UnsafeMutableRawPointer? = nil
    }

    private struct Paragraph {
        var start: Int
        var end: Int
        var language: String
        var score: Double
        /// Whether marker words decided its language within a close group (``StandardMarkers``).
        var marked: Bool
    }

    private func run(_ text: String, spanMinLetters: Int?, alternatives: Int, hinted: [Int] = []) -> LanguageAnalysis {
        // A paragraph of the settled document's language gets its score only if the document
        // ends in another language (rare): then the text is scanned again, scoring every one.
        let tables = model.tables
        func run(docPriors: UnsafeBufferPointer<Int32>) -> LanguageAnalysis {
            let priors = UnsafeBufferPointer(tables.priorTerms)
            return self.run(text, spanMinLetters: spanMinLetters, alternatives: alternatives, priors: priors,
                            docPriors: docPriors, lazyScores: true)
                ?? self.run(text, spanMinLetters: spanMinLetters, alternatives: alternatives, priors: priors,
                            docPriors: docPriors, lazyScores: false)!
        }
        return withExtendedLifetime(tables) {
            if hinted.isEmpty { return run(docPriors: UnsafeBufferPointer(tables.priorTerms)) }
            // The model's priors, with the declared languages' raised.
            let docPriors = UnsafeMutableBufferPointer<Int32>.allocate(capacity: tables.priorTerms.count)
            defer { docPriors.deallocate() }
            _ = docPriors.initialize(from: tables.priorTerms)
            for l in hinted { docPriors[l] &+= Self.hintNats &* Int32(Self.temperature) }
            return run(docPriors: UnsafeBufferPointer(docPriors))
        }
    }

    /// The analysis, or nil when `lazyScores` left out a score the spans need.
    /// `priors` are the paragraphs', `docPriors` the document's (with a declared language's).
    private func run(_ text: String, spanMinLetters: Int?, alternatives: Int, priors: UnsafeBufferPointer<Int32>,
                     docPriors: UnsafeBufferPointer<Int32>, lazyScores: Bool) -> LanguageAnalysis? {
        var copy = text
        return copy.withUTF8 { bytes in
            let nLangs = model.languages.count
            let nScripts = Int(Script.other.rawValue) + 1
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
                         docScripts: docScripts, paraScripts: paraScripts, spanMinLetters: spanMinLetters,
                         alternatives: alternatives, priors: priors, docPriors: docPriors, lazyScores: lazyScores)
            withExtendedLifetime(cache) {}
            return a
        }
    }

    /// The best language of `scores` (with its prior; the first of equals) and its lead over
    /// the runner-up. Plain loops over the lanes, which the compiler vectorizes, instead of one
    /// with two data-dependent branches per language.
    private func leading(_ scores: UnsafeMutableBufferPointer<Int32>, _ priors: UnsafeBufferPointer<Int32>) -> (language: Int, lead: Int32) {
        let s = scores.baseAddress!, p = priors.baseAddress!
        let n = scores.count
        var first = Int32.min
        for l in 0..<n { first = max(first, s[l] &+ p[l]) }
        var leader = 0
        while leader < n && s[leader] &+ p[leader] != first { leader += 1 }
        var second = Int32.min
        for l in 0..<leader { second = max(second, s[l] &+ p[l]) }
        if leader + 1 < n { for l in (leader + 1)..<n { second = max(second, s[l] &+ p[l]) } }
        return (leader, first &- second)
    }

    /// Lowers every lane of `lanes` (whose highest is `top`, above `ceiling`) by the same
    /// amount, so that the highest is half of `ceiling`; a lane further behind than that stays
    /// at 0. Only differences between lanes are ever read, and a language that far behind has
    /// odds below e^-(ceiling / 100) (50 units a nat): no decision or score changes.
    @inline(never)
    static func rebase(_ lanes: UnsafeMutableBufferPointer<Int32>, top: Int32, ceiling: Int32) {
        let base = top &- ceiling / 2
        for l in 0..<lanes.count { lanes[l] = max(lanes[l] &- base, 0) }
    }

    /// Letter `j` of a word whose letters are packed 16 bits each into `k0`…`k3`.
    @inline(__always)
    private static func lane(_ j: Int, _ k0: UInt64, _ k1: UInt64, _ k2: UInt64, _ k3: UInt64) -> UInt32 {
        let w = j < 4 ? k0 : j < 8 ? k1 : j < 12 ? k2 : k3
        return UInt32(truncatingIfNeeded: w >> UInt64((j & 3) * 16)) & 0xFFFF
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

    /// Adds a dense row (`stride` bytes, a multiple of 16) to the UInt16 lanes at `acc`.
    @inline(__always)
    private static func addDenseRow(_ acc: UnsafeMutableRawPointer, _ row: UnsafeRawPointer, stride: Int) {
        var o = 0
        while o < stride {
            let b = row.loadUnaligned(fromByteOffset: o, as: SIMD16<UInt8>.self)
            let a = acc.loadUnaligned(fromByteOffset: 2 * o, as: SIMD16<UInt16>.self)
            acc.storeBytes(of: a &+ SIMD16<UInt16>(truncatingIfNeeded: b), toByteOffset: 2 * o, as: SIMD16<UInt16>.self)
            o += 16
        }
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>,
                      doc: UnsafeMutableBufferPointer<Int32>, para: UnsafeMutableBufferPointer<Int32>,
                      pending: UnsafeMutableRawPointer, probes: UnsafeMutablePointer<UInt64>, cache: WordCache,
                      docScripts: UnsafeMutableBufferPointer<Int>, paraScripts: UnsafeMutableBufferPointer<Int>,
                      spanMinLetters: Int?, alternatives: Int, priors: UnsafeBufferPointer<Int32>,
                      docPriors: UnsafeBufferPointer<Int32>, lazyScores: Bool) -> LanguageAnalysis? {
        let wantSpans = spanMinLetters != nil
        let spanMin = spanMinLetters ?? Int.max
        var paragraphs: [Paragraph] = []
        // Marker words (``StandardMarkers``), tallied once per byte: the paragraphs' as they
        // are decided, added up for the document, which tallies only the rest of its text.
        let tallies = UnsafeMutablePointer<Int>.allocate(capacity: 2 * StandardMarkers.tallySize)
        tallies.initialize(repeating: 0, count: 2 * StandardMarkers.tallySize)
        defer { tallies.deallocate() }
        let docTally = tallies, paraTally = tallies + StandardMarkers.tallySize
        var talliedTo = 0
        var untallied: [Range<Int>] = []
        var docLetters = 0
        var paraLetters = 0
        var asciiLetters = 0
        var paraStart = 0
        var paraByteStart = 0
        var scalarIndex = 0
        // The last three letters of the current word, newest first; `run` counts them.
        var w1: UInt32 = 0, w2: UInt32 = 0, w3: UInt32 = 0, w4: UInt32 = 0
        // The word and early-stop state, in one value behind a pointer: the local functions
        // that end a word capture no variable (each captured variable costs a dynamic
        // exclusivity check per access).
        let st = UnsafeMutablePointer<ScanState>.allocate(capacity: 1)
        st.initialize(to: ScanState(nextCheck: earlyStopLetters))
        defer { st.deallocate() }
        let stride = cache.stride
        let canStop = earlyStopLetters > 0
        let ceiling = scoreCeiling

        let tables = model.tables
        let lower = tables.lowercase, scripts = tables.scripts, slots = tables.slots, postings = tables.postings
        let dense = tables.dense, denseStride = tables.denseStride
        let asciiByWords = tables.asciiLettersAreLatin
        let denseBase = UnsafeRawPointer(dense.baseAddress!)
        do {
            let mask = model.slotMask, shift = model.slotShift
            let n = bytes.count
            var i = 0

            /// The slot of the n-gram with hash `k64`, or 0.
            @inline(__always) func lookup(_ k64: UInt64) -> UInt64 {
                let k = LanguageModel.fold(k64)
                var s = LanguageModel.slotIndex(k, shift)
                while true {
                    let slot = slots[s]
                    if slot == 0 || UInt32(truncatingIfNeeded: slot) == k { return slot }
                    s = (s + 1) & mask
                }
            }

            /// Adds the n-gram's scores to `para` (words too long for the cache; rare).
            @inline(__always) func add(_ k64: UInt64) {
                let slot = lookup(k64)
                if slot == 0 { return }
                let tag = slot >> 62
                if tag != 0 {
                    para[Int((slot >> 32) & 0x7F)] &+= Int32((slot >> 39) & 0xFF)
                    if tag == 2 { para[Int((slot >> 47) & 0x7F)] &+= Int32((slot >> 54) & 0xFF) }
                    return
                }
                let count = Int((slot >> 32) & 0xFF)
                let first = Int(slot >> 40)
                if count == 0 {
                    let row = dense.baseAddress! + first &* denseStride
                    for l in 0..<para.count { para[l] &+= Int32(row[l]) }
                } else {
                    for p in first..<(first + count) {
                        let e = postings[p]
                        para[Int(e & 0xFF)] &+= Int32(e >> 8)
                    }
                }
            }

            /// Scores of the n-grams ending at `lo`, preceded in its word by `w1` … `w4`
            /// (`run` letters before it), each hash passed to `add`.
            @inline(__always) func ngrams(_ lo: UInt32, _ w1: UInt32, _ w2: UInt32, _ w3: UInt32, _ w4: UInt32, _ before: Int,
                                          _ add: (UInt64) -> Void) {
                // Hash right to left: order n extends order n - 1 by one step.
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                h = (h ^ UInt64(lo)) &* 0x100_0000_01b3
                add(h)
                if before >= 1 {
                    h = (h ^ UInt64(w1)) &* 0x100_0000_01b3
                    add(h)
                    if before >= 2 {
                        h = (h ^ UInt64(w2)) &* 0x100_0000_01b3
                        add(h)
                        if before >= 3 {
                            h = (h ^ UInt64(w3)) &* 0x100_0000_01b3
                            add(h)
                            if before >= 4 {
                                h = (h ^ UInt64(w4)) &* 0x100_0000_01b3
                                add(h)
                            }
                        }
                    }
                }
            }

            @inline(__always) func letter(_ j: Int) -> UInt32 {
                Self.lane(j, st.pointee.k0, st.pointee.k1, st.pointee.k2, st.pointee.k3)
            }

            /// Scores the buffered letters `0..<count` of the current word straight into `para`.
            func replay(_ count: Int) {
                var p1: UInt32 = 0, p2: UInt32 = 0, p3: UInt32 = 0, p4: UInt32 = 0
                for j in 0..<count {
                    let lo = letter(j)
                    ngrams(lo, p1, p2, p3, p4, j, add)
                    p4 = p3; p3 = p2; p2 = p1; p1 = lo
                }
            }

            /// Adds the scores waiting in `pending` (UInt16 lanes) to `para`.
            @inline(__always) func flushLanes() {
                let acc = pending.assumingMemoryBound(to: UInt16.self)
                var top: Int32 = 0
                for l in 0..<para.count {
                    para[l] &+= Int32(acc[l])
                    top = max(top, para[l])
                }
                if top > ceiling { Self.rebase(para, top: top, ceiling: ceiling) }
                pending.initializeMemory(as: UInt16.self, repeating: 0, count: stride)
                st.pointee.pendingLetters = 0
            }

            /// Brings `para` up to date: the queued word, then the waiting lanes.
            @inline(__always) func flushPending() {
                if st.pointee.queued > 0 { scoreQueued() }
                flushLanes()
            }

            @inline(__always) func queuedLetter(_ j: Int) -> UInt32 {
                Self.lane(j, st.pointee.q0, st.pointee.q1, st.pointee.q2, st.pointee.q3)
            }

            /// Scores the queued word through the cache into `pending`.
            func scoreQueued() {
                let count = st.pointee.queued
                st.pointee.queued = 0
                // A word's row adds at most 5 × 255 per letter: 48 letters fit in UInt16 lanes.
                if st.pointee.pendingLetters + count > 48 { flushLanes() }
                st.pointee.pendingLetters += count
                let entry = st.pointee.queuedEntry!
                let key = entry.assumingMemoryBound(to: UInt64.self)
                let row = entry + 32
                if key[0] != st.pointee.q0 || key[1] != st.pointee.q1 || key[2] != st.pointee.q2 || key[3] != st.pointee.q3 {
                    row.initializeMemory(as: UInt16.self, repeating: 0, count: stride)
                    let r = row.assumingMemoryBound(to: UInt16.self)
                    // Three passes, each over all the word's n-grams, so that their cache misses
                    // overlap: hash and prefetch every home slot; find each n-gram's slot (inline
                    // postings added at once) and prefetch its dense row or posting list; add those.
                    var m = 0
                    var p1: UInt32 = 0, p2: UInt32 = 0, p3: UInt32 = 0, p4: UInt32 = 0
                    for j in 0..<count {
                        let lo = queuedLetter(j)
                        ngrams(lo, p1, p2, p3, p4, j) { h64 in
                            let k = LanguageModel.fold(h64)
                            let slot = LanguageModel.slotIndex(k, shift)
                            probes[m] = UInt64(k) | UInt64(slot) << 32
                            sluice_prefetch(slots.baseAddress! + slot)
                            m += 1
                        }
                        p4 = p3; p3 = p2; p2 = p1; p1 = lo
                    }
                    var rest = 0
                    for t in 0..<m {
                        let k = UInt32(truncatingIfNeeded: probes[t])
                        var slotIndex = Int(probes[t] >> 32)
                        var slot = slots[slotIndex]
                        while slot != 0 {
                            if UInt32(truncatingIfNeeded: slot) == k {
                                let tag = slot >> 62
                                if tag != 0 {
                                    // One or two postings inline (most n-grams): no second load.
                                    r[Int((slot >> 32) & 0x7F)] &+= UInt16(truncatingIfNeeded: (slot >> 39) & 0xFF)
                                    if tag == 2 {
                                        r[Int((slot >> 47) & 0x7F)] &+= UInt16(truncatingIfNeeded: (slot >> 54) & 0xFF)
                                    }
                                } else {
                                    let first = Int(slot >> 40)
                                    if (slot >> 32) & 0xFF == 0 {
                                        sluice_prefetch(denseBase + first &* denseStride)
                                    } else {
                                        sluice_prefetch(postings.baseAddress! + first)
                                    }
                                    probes[WordCache.maxNgrams + rest] = slot
                                    rest += 1
                                }
                                break
                            }
                            slotIndex = (slotIndex + 1) & mask
                            slot = slots[slotIndex]
                        }
                    }
                    for t in 0..<rest {
                        let slot = probes[WordCache.maxNgrams + t]
                        let first = Int(slot >> 40)
                        let count = Int((slot >> 32) & 0xFF)
                        if count == 0 {
                            Self.addDenseRow(row, denseBase + first &* denseStride, stride: denseStride)
                        } else {
                            for p in first..<(first + count) {
                                let posting = postings[p]
                                r[Int(posting & 0xFF)] &+= posting >> 8
                            }
                        }
                    }
                    key[0] = st.pointee.q0; key[1] = st.pointee.q1; key[2] = st.pointee.q2; key[3] = st.pointee.q3
                }
                Self.addRow(pending, row, stride: stride)
            }

            /// Ends a word of `run` letters (at most `WordCache.maxLetters`): prefetches its
            /// cache entry, scores the word queued before it, and queues it.
            @inline(__always) func endWord() {
                let count = st.pointee.run
                if count == 0 || count > WordCache.maxLetters { return }
                let entry = cache.entries + cache.entryBytes &* cache.slot(st.pointee.k0, st.pointee.k1, st.pointee.k2, st.pointee.k3)
                var line = 0
                while line < cache.entryBytes {
                    sluice_prefetch(entry + line)
                    line += 64
                }
                if st.pointee.queued > 0 { scoreQueued() }
                st.pointee.q0 = st.pointee.k0; st.pointee.q1 = st.pointee.k1
                st.pointee.q2 = st.pointee.k2; st.pointee.q3 = st.pointee.k3
                st.pointee.queued = count
                st.pointee.queuedEntry = entry
            }

            /// Whether the paragraph's best language (with its prior) leads the runner-up by
            /// at least `decisiveMargin` after `earlyStopLetters` letters, or, in a settled
            /// document, is the document's language and leads by `agreeMargin`: more text would
            /// almost never change the decision.
            func decisive() -> Bool {
                flushPending()
                let (leader, lead) = leading(para, priors)
                if st.pointee.paraScored >= earlyStopLetters && lead >= decisiveMargin { return true }
                return leader == st.pointee.agreeWith && lead >= agreeMargin
            }

            /// The document's leader so far when it leads by `settleMargin`, else -1.
            func settledLeader() -> Int {
                let (leader, lead) = leading(doc, docPriors)
                return lead >= settleMargin ? leader : -1
            }

            /// Ends the current word (of `run` letters): scores it and decides whether the
            /// paragraph has been scored enough.
            @inline(__always) func wordEnded() {
                endWord()
                st.pointee.paraScored += st.pointee.run
                if canStop && st.pointee.paraScored >= st.pointee.nextCheck {
                    st.pointee.nextCheck = st.pointee.paraScored
                        + (st.pointee.agreeWith >= 0 ? Self.agreeLetters : Self.recheckLetters)
                    st.pointee.saturated = decisive()
                }
                st.pointee.run = 0; st.pointee.k0 = 0; st.pointee.k1 = 0; st.pointee.k2 = 0; st.pointee.k3 = 0
            }

            func endParagraph() {
                flushPending()
                paraScripts[Int(Script.latin.rawValue)] += asciiLetters
                asciiLetters = 0
                st.pointee.saturated = false
                st.pointee.paraScored = 0
                if wantSpans && paraLetters >= spanMin {
                    let range = paraByteStart..<min(i, n)
                    let d = decide(para, paraScripts, priors, letters: paraLetters, evidence: { g in
                        // The paragraph's marker words, kept for the document's.
                        paraTally.initialize(repeating: 0, count: StandardMarkers.tallySize)
                        StandardMarkers.tally(UnsafeBufferPointer(rebasing: bytes[range]), lowercase: UnsafeBufferPointer(lower),
                                              into: paraTally)
                        for k in 0..<StandardMarkers.tallySize { docTally[k] += paraTally[k] }
                        if range.lowerBound > talliedTo { untallied.append(talliedTo..<range.lowerBound) }
                        talliedTo = range.upperBound
                        return StandardMarkers.evidence(tally: paraTally, group: g)
                    }, lazyFor: lazyScores ? st.pointee.agreeWith : -1)
                    paragraphs.append(Paragraph(start: paraStart, end: scalarIndex, language: d.language, score: d.score,
                                                marked: d.marked))
                }
                var top: Int32 = 0
                for l in 0..<para.count {
                    doc[l] &+= para[l]
                    para[l] = 0
                    top = max(top, doc[l])
                }
                if top > ceiling { Self.rebase(doc, top: top, ceiling: ceiling) }
                for s in 0..<paraScripts.count { docScripts[s] += paraScripts[s]; paraScripts[s] = 0 }
                docLetters += paraLetters
                paraLetters = 0
                // Recomputed at every paragraph: a document that turns to another language
                // stops being settled on the old one.
                if canStop && settleMargin > 0 { st.pointee.agreeWith = settledLeader() }
                st.pointee.nextCheck = st.pointee.agreeWith >= 0 ? Self.agreeLetters : earlyStopLetters
            }

            /// At a paragraph's start in a settled document: a paragraph with fewer bytes than a
            /// span needs letters cannot be a span, and adds nothing the settled document needs.
            @inline(__always) func skipsShortParagraph() -> Bool {
                guard st.pointee.agreeWith >= 0 else { return false }
                let rest = n - i
                guard rest > 0 else { return false }
                let limit = min(rest, spanMin)
                let base = bytes.baseAddress! + i
                guard let nl = memchr(base, 0x0A, limit) else { return limit < spanMin }
                return base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) < spanMin
            }

            while i < n {
                if st.pointee.saturated {
                    // The rest of the paragraph only needs counting; stop at its newline.
                    let c = Self.countRest(bytes, from: i, lowercase: lower, scripts: scripts, counts: paraScripts,
                                           asciiByWords: asciiByWords)
                    i = c.end
                    scalarIndex += c.scalars
                    paraLetters += c.letters
                    st.pointee.saturated = false
                    if i >= n { break }
                }
                let cp = Self.decodeScalar(bytes, &i)
                scalarIndex += 1
                if cp < 0x3000 {
                    let lo = lower[Int(cp)]
                    if lo == 0 {
                        if st.pointee.run > 0 { wordEnded() }
                        if cp == 0x0A {
                            scalarIndex -= 1
                            endParagraph()
                            scalarIndex += 1
                            paraStart = scalarIndex
                            paraByteStart = i
                            if skipsShortParagraph() { st.pointee.saturated = true }
                        } else if cp >= 0x80 {
                            // A mark (a Devanagari vowel sign) or a letter without n-grams in
                            // the model: a letter of its script, outside any n-gram.
                            let s = scripts[Int(cp)]
                            if s != Script.other.rawValue {
                                paraLetters += 1
                                paraScripts[Int(s)] += 1
                            }
                        }
                        continue
                    }
                    paraLetters += 1
                    // ASCII letters (most) are counted in a register, folded in at the paragraph's end.
                    if cp < 0x80 { asciiLetters += 1 } else { paraScripts[Int(scripts[Int(cp)])] += 1 }
                    if st.pointee.run < WordCache.maxLetters {
                        // Buffer the letter; the word is scored when it ends.
                        let shifted = UInt64(lo) << UInt64((st.pointee.run & 3) * 16)
                        switch st.pointee.run >> 2 {
                        case 0: st.pointee.k0 |= shifted
                        case 1: st.pointee.k1 |= shifted
                        case 2: st.pointee.k2 |= shifted
                        default: st.pointee.k3 |= shifted
                        }
                    } else {
                        // Too long for the cache: score the buffered letters, then each one as it comes.
                        if st.pointee.run == WordCache.maxLetters { replay(st.pointee.run) }
                        ngrams(lo, w1, w2, w3, w4, st.pointee.run, add)
                        // A word of millions of letters adds at most 5 × 255 a letter.
                        if st.pointee.run & 0xFFFF == 0xFFFF, let top = para.max(), top > ceiling {
                            Self.rebase(para, top: top, ceiling: ceiling)
                        }
                    }
                    w4 = w3; w3 = w2; w2 = w1; w1 = lo
                    st.pointee.run += 1
                } else {
                    if st.pointee.run > 0 { wordEnded() }
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

        let d = decide(doc, docScripts, docPriors, letters: docLetters, evidence: { g in
            // The paragraphs' marker words, and those of the text no paragraph tallied.
            untallied.append(talliedTo..<bytes.count)
            for r in untallied where !r.isEmpty {
                StandardMarkers.tally(UnsafeBufferPointer(rebasing: bytes[r]), lowercase: UnsafeBufferPointer(lower),
                                      into: docTally)
            }
            return StandardMarkers.evidence(tally: docTally, group: g)
        })
        var spans: [LanguageSpan] = []
        if wantSpans {
            for p in paragraphs where p.score.isNaN && p.language != d.language { return nil }
            let docGroup = StandardMarkers.group(of: d.language)
            for (k, p) in paragraphs.enumerated() where p.score >= spanMinScore && p.language != d.language
                && p.language != Self.undetermined && d.language != Self.undetermined
                // Within a group of standards of one language only marker words tell a paragraph
                // from its document.
                && (p.marked || docGroup == nil || StandardMarkers.group(of: p.language) != docGroup
                    || !StandardMarkers.spansNeedMarkers(group: docGroup!)) {
                // Merged with the span before when that one ends at the paragraph just before.
                if let last = spans.last, last.language == p.language, k > 0, paragraphs[k - 1].end == last.end {
                    spans[spans.count - 1].end = p.end
                    spans[spans.count - 1].score = min(last.score, p.score)
                } else {
                    spans.append(LanguageSpan(start: p.start, end: p.end, language: p.language, score: p.score))
                }
            }
        }
        var a = LanguageAnalysis(language: d.language, score: d.score, spans: spans)
        if alternatives > 0 && d.language != Self.undetermined {
            a.alternatives = ranked(doc, docScripts, docPriors, language: d.language, score: d.score, count: alternatives)
        }
        return a
    }

    /// The scalar at `i`, moving `i` past it (by at least one byte); a sequence cut off by the
    /// end of the text is U+FFFD (the text is valid UTF-8, so nothing else can fail).
    @inline(__always)
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UInt32 {
        let b0 = bytes[i]
        if b0 < 0x80 {
            i += 1
            return UInt32(b0)
        }
        return decodeMultibyte(bytes, b0, &i)
    }

    /// The scalar whose lead byte `b0` (≥ 0x80) is at `i`, moving `i` past it (see
    /// ``decodeScalar(_:_:)``).
    @inline(__always)
    static func decodeMultibyte(_ bytes: UnsafeBufferPointer<UInt8>, _ b0: UInt8, _ i: inout Int) -> UInt32 {
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
    /// each letter to its script's count in `counts`; returns where it stopped. With
    /// `asciiByWords` (the model's ASCII letters are `A`–`Z`, `a`–`z`), eight bytes of ASCII
    /// are counted at a time: a byte loop with a table lookup and a branch per byte took a
    /// fifth of the language stage on English articles of short paragraphs.
    private static func countRest(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                                  lowercase: UnsafeMutableBufferPointer<UInt32>,
                                  scripts: UnsafeMutableBufferPointer<UInt8>,
                                  counts: UnsafeMutableBufferPointer<Int>,
                                  asciiByWords: Bool) -> (end: Int, scalars: Int, letters: Int) {
        let n = bytes.count
        var i = start
        var scalars = 0, letters = 0
        // ASCII letters (most of the text) are counted in a register, not through `counts`.
        var ascii = 0
        // The paragraph's end, found once; words of eight bytes before it need no newline test
        // (without `asciiByWords`, none are taken).
        var lineEnd = start
        if asciiByWords && i < n {
            lineEnd = memchr(bytes.baseAddress! + i, 0x0A, n - i)
                .map { bytes.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n
        }
        while i < n {
            // Eight ASCII bytes: a byte is a letter when, folded to lower case, it lies in
            // 0x61...0x7A (each byte below 0x80, so the per-byte additions carry into no
            // neighbour).
            while i + 8 <= lineEnd {
                let w = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 { break }
                let y = w | 0x2020_2020_2020_2020
                let atLeastA = y &+ 0x1F1F_1F1F_1F1F_1F1F  // high bit: y >= 0x61
                let pastZ = y &+ 0x0505_0505_0505_0505     // high bit: y >= 0x7B
                ascii &+= (atLeastA & ~pastZ & 0x8080_8080_8080_8080).nonzeroBitCount
                scalars &+= 8
                i &+= 8
            }
            guard i < n else { break }
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
                let s = scripts[Int(cp)]
                if s != Script.other.rawValue {
                    letters += 1
                    counts[Int(s)] += 1
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

    /// The language a script names alone. A switch, not a static dictionary: ``decide`` runs
    /// once a paragraph, where a dictionary costs a lazy-initialisation check and a hash.
    private static func language(of script: Script) -> String? {
        switch script {
        case .greek: "el"
        case .armenian: "hy"
        case .georgian: "ka"
        case .hebrew: "he"
        case .bengali: "bn"
        case .gurmukhi: "pa"
        case .gujarati: "gu"
        case .tamil: "ta"
        case .telugu: "te"
        case .thai: "th"
        case .hangul: "ko"
        default: nil
        }
    }

    /// Log-likelihood units per nat (the model stores tenths of a nat) times the number of
    /// n-gram orders, which score the same letters and so are not independent evidence.
    private static let orders: Int32 = LanguageModel.orders
    private static let temperature = 10.0 * Double(orders)

    /// The `count` best languages among those written in the main script of the decided
    /// `language`, with their shares of the probability; a language decided by its script
    /// alone (or zh/ja) is the only one.
    private func ranked(_ scores: UnsafeMutableBufferPointer<Int32>, _ scripts: UnsafeMutableBufferPointer<Int>,
                        _ priorTerms: UnsafeBufferPointer<Int32>, language: String, score: Double, count: Int) -> [LanguageScore] {
        let byScript = language == "zh" || language == "ja" || Script.allCases.contains { Self.language(of: $0) == language }
        guard !byScript, let top = model.languages.firstIndex(of: language) else {
            return [LanguageScore(language: language, score: score)]
        }
        var mask = model.scriptMasks[top]
        // Serbian chosen by its words in Latin letters: its rivals are the Latin languages.
        if let also = StandardMarkers.alsoWritten(language) { mask |= UInt32(1) << UInt32(also.rawValue) }
        // The script decide() chose is one of the winner's; its rivals share a script with it.
        var best = Script.other
        var bestWeight = 0
        for raw in 0...Script.other.rawValue where mask & (UInt32(1) << UInt32(raw)) != 0 {
            let c = scripts[Int(raw)]
            let w = raw == Script.latin.rawValue ? c * 2 : raw == Script.hangul.rawValue ? c * 10 : c * 5
            if w > bestWeight { best = Script(rawValue: raw)!; bestWeight = w }
        }
        let bit = UInt32(1) << UInt32(best.rawValue)
        @inline(__always) func total(_ l: Int) -> Int32 { scores[l] &+ priorTerms[l] }
        // Scores relative to the best (the n-grams' choice), so that no odds overflow when
        // marker words chose a language far behind it.
        var bestTotal = Int32.min
        for l in 0..<scores.count where model.scriptMasks[l] & bit != 0 { bestTotal = max(bestTotal, total(l)) }
        var candidates: [(index: Int, d: Int32)] = []
        for l in 0..<scores.count where model.scriptMasks[l] & bit != 0 {
            candidates.append((l, total(l) &- bestTotal))
        }
        var sum = 0.0
        for c in candidates { sum += exp(Double(c.d) / Self.temperature) }
        // A language without n-grams in the script (Serbian in Latin letters) is still first.
        if !candidates.contains(where: { $0.index == top }) { candidates.append((top, total(top) &- bestTotal)) }
        // When marker words chose the decided language over the n-grams' choice (a member of
        // its close group that scores higher), the group's share is the decided language's, so
        // the other members get none.
        let group = StandardMarkers.group(of: language).map { StandardMarkers.groups[$0] } ?? []
        let topD = total(top) &- bestTotal
        let moved = candidates.contains { c in
            c.index != top && group.contains(model.languages[c.index]) && (c.d > topD || (c.d == topD && c.index < top))
        }
        func share(_ c: (index: Int, d: Int32)) -> Double {
            if c.index == top { return score }
            if moved && group.contains(model.languages[c.index]) { return 0 }
            return exp(Double(c.d) / Self.temperature) / sum
        }
        // The decided language first; then the largest shares (the best scores first where
        // shares round to equal), ties by language number, so the order is deterministic.
        typealias Ranked = (index: Int, d: Int32, share: Double)
        func before(_ a: Ranked, _ b: Ranked) -> Bool {
            if (a.index == top) != (b.index == top) { return a.index == top }
            if a.share != b.share { return a.share > b.share }
            if a.d != b.d { return a.d > b.d }
            return a.index < b.index
        }
        let ranked: [Ranked] = candidates.map { (index: $0.index, d: $0.d, share: share($0)) }.sorted(by: before)
        return ranked.prefix(count).map { LanguageScore(language: model.languages[$0.index], score: $0.share) }
    }

    /// The language of `scores` and how sure it is; when that language is number `lazyFor`,
    /// the score is left out (NaN): summing the other languages' odds takes an `exp` each.
    /// When the n-grams' choice is in a close group (``StandardMarkers``) and the text's marker
    /// words (`evidence`, asked for the group's number) rule it out, the n-grams' best of the
    /// members they leave is chosen; its score is then the group's share. `marked`: the words
    /// chose, or left only the n-grams' choice.
    private func decide(_ scores: UnsafeMutableBufferPointer<Int32>, _ scripts: UnsafeMutableBufferPointer<Int>,
                        _ priorTerms: UnsafeBufferPointer<Int32>, letters: Int, evidence: (Int) -> [Int],
                        lazyFor: Int = -1) -> (language: String, score: Double, marked: Bool) {
        guard letters >= minLetters, letters > 0 else { return (Self.undetermined, 0, false) }
        // Main script. Han and kana count together, and double (a character is nearer a word);
        // Latin counts 0.4, as other scripts' text often quotes Latin commands and names.
        let kana = scripts[Int(Script.kana.rawValue)]
        let cjk = scripts[Int(Script.han.rawValue)] + kana
        var best = Script.other
        var bestWeight = 0
        // The scripts before Han: all but Han, kana and other.
        for raw in 0..<Script.han.rawValue {
            let c = scripts[Int(raw)]
            let w = raw == Script.latin.rawValue ? c * 2 : raw == Script.hangul.rawValue ? c * 10 : c * 5
            if w > bestWeight { best = Script(rawValue: raw)!; bestWeight = w }
        }
        let bestCount = scripts[Int(best.rawValue)]
        if cjk * 10 > bestWeight {
            return (kana * 10 >= cjk ? "ja" : "zh", Double(cjk) / Double(letters), false)
        }
        guard bestCount > 0 else { return (Self.undetermined, 0, false) }
        if let lang = Self.language(of: best) { return (lang, Double(bestCount) / Double(letters), false) }
        let bit = UInt32(1) << UInt32(best.rawValue)
        // Priors count once per text; n-gram scores count each letter about `orders` times.
        @inline(__always) func score(_ l: Int) -> Int32 { scores[l] &+ priorTerms[l] }
        var top = -1
        var topScore = Int32.min
        for l in 0..<scores.count where model.scriptMasks[l] & bit != 0 && score(l) > topScore {
            top = l
            topScore = score(l)
        }
        guard top >= 0 else { return (Self.undetermined, 0, false) }
        var chosen = top
        var marked = false
        var group: [String] = []
        if let g = StandardMarkers.group(of: model.languages[top]) {
            group = StandardMarkers.groups[g]
            let out = StandardMarkers.ruledOut(evidence(g), members: group.count)
            let member = group.firstIndex(of: model.languages[top])!
            if out[member] {
                // The n-grams' best of the members the words leave; a member the model has no
                // n-grams for in this script (Serbian in Latin letters) when the words leave it
                // alone.
                var bestScore = Int32.min
                var unscored = -1
                var left = 0
                for (j, code) in group.enumerated() where !out[j] {
                    guard let l = model.languages.firstIndex(of: code) else { continue }
                    if model.scriptMasks[l] & bit != 0 {
                        left += 1
                        if score(l) > bestScore {
                            chosen = l
                            bestScore = score(l)
                        }
                    } else if StandardMarkers.alsoWritten(code) == best {
                        left += 1
                        unscored = l
                    }
                }
                if left == 1 && unscored >= 0 { chosen = unscored }
                marked = chosen != top
            } else {
                // The words leave only the n-grams' choice.
                marked = group.indices.allSatisfy { $0 == member || out[$0] }
            }
        }
        if chosen == lazyFor { return (model.languages[chosen], .nan, marked) }
        var sum = 0.0, groupSum = 0.0
        // Languages this far behind add less than e^-30 each: below the 4 decimals of
        // `lang_score` (span scores, written unrounded, may differ in their last bits).
        let negligible = -Int32(30 * Self.temperature)
        for l in 0..<scores.count where model.scriptMasks[l] & bit != 0 {
            let d = score(l) &- topScore
            if d > negligible {
                let odds = exp(Double(d) / Self.temperature)
                sum += odds
                if chosen != top && group.contains(model.languages[l]) { groupSum += odds }
            }
        }
        // Chosen by its markers over the n-grams' choice: as sure as the n-grams are of the group.
        return (model.languages[chosen], chosen == top ? 1 / sum : groupSum / sum, marked)
    }
}
