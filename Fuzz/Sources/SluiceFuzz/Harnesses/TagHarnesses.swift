@testable import Sluice
@testable import SluiceText

extension Harness {
    /// The bundled language model, loaded once per process.
    nonisolated(unsafe) static var identifier: LanguageIdentifier!

    /// Language identification with other-language spans: a known language or `und`, a score
    /// in [0, 1], spans in scalar offsets inside the text, in order, without overlap.
    static let language = Harness(name: "language", setUp: { identifier = LanguageModelLoader.bundledIdentifier }) { input in
        let (choice, rest) = input.split()
        // With bit 2, the input follows two paragraphs of prose that settle the document, so its
        // own bytes go through the settled-document stops (agreeing early, short ones counted);
        // with bit 3, Bokmål prose, so its paragraphs are decided within a close group by
        // marker words (``StandardMarkers``); with bit 4, Serbian in Latin letters, which only
        // marker words choose (its n-grams are Cyrillic).
        let settled = choice & 16 != 0 ? Self.settlingSerbianLatin : choice & 8 != 0 ? Self.settlingBokmaal
            : choice & 4 == 0 ? "" : Self.settlingProse
        let text = settled + String(decoding: rest, as: UTF8.self)
        // With bit 5, a declared language (a page's `<html lang>`): one of the neighbours, a
        // macrolanguage, a region-tagged one, one the model lacks, a malformed tag.
        let hints = ["bs", "no", "en-US", "sh", "tlh", "zh-Hant", "1x", "iw"]
        let hint = choice & 32 == 0 ? nil : hints[(Int(choice >> 6) + rest.count) % hints.count]
        let a = identifier.analyze(text, spanMinLetters: choice & 1 == 0 ? 100 : 5, alternatives: choice & 2 == 0 ? 0 : 3,
                                   hint: hint)
        // Alternatives: none unless asked (and for `und`), else at most 3, the first the decided
        // language with its score, the rest known languages in descending order of score.
        if choice & 2 == 0 || a.language == LanguageIdentifier.undetermined {
            Harness.require(a.alternatives.isEmpty, "alternatives not asked for")
        } else {
            Harness.require(!a.alternatives.isEmpty && a.alternatives.count <= 3, "\(a.alternatives.count) alternatives")
            Harness.require(a.alternatives[0] == LanguageScore(language: a.language, score: a.score), "first alternative")
            for (x, y) in zip(a.alternatives, a.alternatives.dropFirst()) {
                Harness.require(y.score.isFinite && y.score >= 0 && y.score <= x.score + 1e-9 && y.score <= 1, "alternative scores")
            }
            // Shares of one probability, also when marker words moved the group's share.
            Harness.require(a.alternatives.reduce(0) { $0 + $1.score } <= 1 + 1e-9, "alternative scores sum above 1")
        }
        Harness.require(a.language == LanguageIdentifier.undetermined || identifier.model.languages.contains(a.language) || a.language.utf8.count <= 3,
                        "unknown language \(a.language)")
        Harness.require(a.score.isFinite && a.score >= 0 && a.score <= 1, "score \(a.score)")
        let n = text.scalarCount
        var previous = 0
        for s in a.spans {
            Harness.require(s.start >= previous && s.start < s.end && s.end <= n, "language span \(s.start)..<\(s.end) out of order or bounds (\(n) scalars)")
            Harness.require(s.score.isFinite && s.score >= 0 && s.score <= 1, "span score \(s.score)")
            previous = s.end
        }
        // Spans are whole paragraphs: they start at the text's start or after a newline.
        if !a.spans.isEmpty {
            let scalars = Array(text.unicodeScalars)
            for s in a.spans {
                Harness.require(s.start == 0 || scalars[s.start - 1] == "\n", "span \(s.start) not at a paragraph start")
                Harness.require(s.end == scalars.count || scalars[s.end] == "\n", "span end \(s.end) not at a paragraph end")
            }
        }
    }

    /// Two paragraphs of Bokmål (with Bokmål-only words) that settle a document on `nb`.
    static let settlingBokmaal = """
        Kommunestyret møttes mandag for å diskutere budsjettet for neste år, og mye av tiden gikk med til skolene.
        Ordføreren sier at ingen skoler blir lagt ned uten at innbyggerne får si noe først, og at saken ble utsatt.

        """

    /// Two paragraphs of Serbian in Latin letters (ekavian) that settle a document on `sr`.
    static let settlingSerbianLatin = """
        Pre dve nedelje deca su se vratila kući, a vreme je bilo lepo, pa su posle ručka otišla do reke.
        Predsednik opštine je rekao da će cena karata ostati ista i sledeće godine, gde god da putujete.

        """

    /// Two paragraphs of English that settle a document on `en`.
    static let settlingProse = """
        The committee met on Monday morning to review the budget for the coming year and the plans for new schools.
        Members agreed that the money for public transport should grow, and that the report would be published soon.

        """

    /// The model file parser on arbitrary bytes: a model or an error, never a crash or a huge
    /// allocation from a count in the header.
    static let languageModel = Harness(name: "language-model") { input in
        _ = try? LanguageModel(bytes: Array(input.bytes))
    }

    /// The pattern scan: matches in order, disjoint, inside the text, on scalar boundaries
    /// (their scalar offsets convert), and counts that add up.
    static let patterns = Harness(name: "patterns") { input in
        let text = input.text
        let matches = PatternScanner.scan(text)
        let n = text.utf8.count
        var previous = 0
        let bytes = Array(text.utf8)
        for m in matches {
            Harness.require(m.start >= previous && m.start < m.end && m.end <= n, "pattern \(m.kind) \(m.start)..<\(m.end) out of order or bounds")
            Harness.require(bytes[m.start] & 0xC0 != 0x80 && (m.end == n || bytes[m.end] & 0xC0 != 0x80), "pattern \(m.kind) cuts a scalar")
            previous = m.end
        }
        let scalars = PatternScanner.scalarOffsets(matches, in: text)
        let sn = text.scalarCount
        Harness.require(scalars.count == matches.count && scalars.allSatisfy { $0.start < $0.end && $0.end <= sn }, "scalar offsets")
        Harness.require(PatternScanner.counts(matches).reduce(0, +) == matches.count, "counts")
    }

    /// PII masking: every match replaced by its placeholder, counts as the scan finds them,
    /// and masking the masked text finds nothing more to mask.
    static let pii = Harness(name: "pii") { input in
        let text = input.text
        let (masked, counts) = PIIMasker.mask(text)
        let expected = PIIMasker.counts(PatternScanner.counts(PatternScanner.scan(text)))
        Harness.require(counts.map(\.name) == expected.map(\.name) && counts.map(\.count) == expected.map(\.count), "mask counts \(counts) ≠ scan counts \(expected)")
        _ = PIIMasker.mask(masked)
    }

    /// Quality signals: every ratio and fraction finite and in [0, 1].
    static let quality = Harness(name: "quality") { input in
        let s = QualitySignals.compute(input.text)
        let g = s.gopherQuality
        for (name, v) in [("hash/word", g.hashToWordRatio), ("ellipsis/word", g.ellipsisToWordRatio), ("bullet lines", g.bulletLinesRatio),
                          ("ellipsis lines", g.ellipsisLinesRatio), ("alpha words", g.alphaWordsRatio)] {
            Harness.require(v.isFinite && v >= 0, "\(name) = \(v)")
        }
        Harness.require(g.meanWordLength.isFinite && g.meanWordLength >= 0, "mean word length \(g.meanWordLength)")
        let r = s.gopherRepetition
        for v in [r.duplicateLineFraction, r.duplicateParagraphFraction, r.duplicateLineCharFraction, r.duplicateParagraphCharFraction]
            + r.duplicateNgramCharFraction {
            Harness.require(v.isFinite && v >= 0 && v <= 1.000001, "repetition fraction \(v)")
        }
        // As in datatrove (whose counts these match), the top n-gram's characters include the
        // spaces that join its words, so text with words not separated by spaces (`<a@`) can
        // score above 1: only finite and non-negative is an invariant here.
        for v in r.topNgramCharFraction { Harness.require(v.isFinite && v >= 0, "top n-gram fraction \(v)") }
    }

    /// The term matcher, with the term lists taken from the input too (lines before a 0 byte):
    /// matches lie inside the text on scalar boundaries and name a term of their tag.
    static let terms = Harness(name: "terms") { input in
        let (head, tail) = input.cut()
        let first = head.first ?? 0
        let terms = String(decoding: head.dropFirst(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).prefix(64).map(String.init)
        let half = terms.count / 2
        let matcher = TermMatcher(lists: [("a", Array(terms[..<half])), ("b", Array(terms[half...]))],
                                  options: .init(caseInsensitive: first & 1 != 0, diacriticInsensitive: first & 2 != 0))
        let text = String(decoding: tail, as: UTF8.self)
        let bytes = Array(text.utf8)
        for m in matcher.matches(in: text) {
            Harness.require(m.start >= 0 && m.start < m.end && m.end <= bytes.count, "term match \(m.start)..<\(m.end) out of bounds")
            Harness.require(bytes[m.start] & 0xC0 != 0x80 && (m.end == bytes.count || bytes[m.end] & 0xC0 != 0x80), "term match cuts a scalar")
            Harness.require(m.term >= 0 && m.term < matcher.terms.count && m.tag >= 0 && m.tag < matcher.tags.count, "term or tag index")
        }
    }

    /// The word tokenizer of the quality signals and the word counter of the tag stage:
    /// words are non-empty, and there are no more of them than scalars.
    static let words = Harness(name: "words") { input in
        let text = input.text
        let words = WordTokenizer.words(text)
        let scalars = WordCounter.scalarCount(text)
        Harness.require(words.allSatisfy { !$0.isEmpty }, "an empty word")
        Harness.require(words.count <= scalars && WordCounter.count(text) <= scalars, "more words than scalars")
    }

    /// Dedup keys: the same for the string and its bytes, and for the text after a round trip.
    static let dedupKey = Harness(name: "dedup-key") { input in
        let text = input.text
        let k = DedupKey.hash(text)
        var copy = text
        let k2 = copy.withUTF8 { DedupKey.hash(utf8: $0) }
        Harness.require(k == k2, "string and byte keys differ")
    }
}
