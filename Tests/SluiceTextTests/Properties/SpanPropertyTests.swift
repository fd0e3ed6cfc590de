import Foundation
import Testing
import SluiceFuzzSupport
@testable import SluiceText

/// Every span a tagger reports lies inside the text, in order, on scalar boundaries (issue 12,
/// point 3): patterns, PII masking, term matches, language spans, word tokens. Byte-level entry
/// points also get bytes that are not UTF-8, where spans must still lie inside the input.
@Suite struct SpanPropertyTests {
    static let inputs = FuzzText.inputs(seed: 41, random: 500, mutated: 500)

    /// Bytes that are often not UTF-8, from random and mutated texts.
    static let brokenInputs: [[UInt8]] = {
        var g = FuzzRandom(seed: 42)
        return FuzzText.inputs(seed: 43, random: 300, mutated: 300, seeds: false).map { FuzzText.brokenUTF8($0, &g) }
    }()

    @Test func patternSpans() {
        var failures: [String: String] = [:]
        func problem(_ text: String) -> String? {
            let bytes = Array(text.utf8)
            let matches = PatternScanner.scan(text)
            let ranges = matches.map { $0.start..<$0.end }
            if let p = SpanChecks.problem(ranges, in: bytes) { return p }
            let scalar = PatternScanner.scalarOffsets(matches, in: text).map { $0.start..<$0.end }
            if scalar != SpanChecks.scalarOffsets(ranges, in: bytes) { return "scalar offsets wrong" }
            return nil
        }
        for x in Self.inputs { if let p = problem(x), failures[p] == nil { failures[p] = x } }
        report(failures, "patterns", problem)
        for b in Self.brokenInputs {
            let ranges = b.withUnsafeBufferPointer { PatternScanner.scan($0) }.map { $0.start..<$0.end }
            if let p = SpanChecks.problem(ranges, count: b.count) { Issue.record("patterns on \(b): \(p)") ; break }
        }
    }

    @Test(arguments: [Set(PIIMasker.Kind.allCases), [.email], [.phone], [.ip]] as [Set<PIIMasker.Kind>])
    func piiMaskReplacesExactlyTheSpans(_ kinds: Set<PIIMasker.Kind>) {
        var failures: [String: String] = [:]
        func problem(_ text: String) -> String? {
            let bytes = Array(text.utf8)
            let matches = PatternScanner.scan(text).filter { PIIMasker.Kind($0.kind).map(kinds.contains) ?? false }
            let masked = PIIMasker.mask(text, kinds: kinds)
            // The text rebuilt from the input's own bytes: equal only if every span is whole scalars.
            var expected: [UInt8] = [], last = 0
            for m in matches {
                guard m.start >= last, m.end <= bytes.count else { return "span \(m.start)..<\(m.end) out of order or outside" }
                expected += bytes[last..<m.start] + Array(PIIMasker.Kind(m.kind)!.placeholder.utf8)
                last = m.end
            }
            expected += bytes[last...]
            if Array(masked.text.utf8) != expected { return "masked text is not the text with its spans replaced" }
            if masked.counts.reduce(0, { $0 + $1.count }) != matches.count { return "counts differ from matches" }
            return nil
        }
        for x in Self.inputs { if let p = problem(x), failures[p] == nil { failures[p] = x } }
        report(failures, "pii \(kinds.map(\.rawValue).sorted())", problem)
    }

    /// Pipelines/topics.yaml's lists and terms that meet the generator's pieces (overlapping
    /// names, marks, scripts without spaces, a term that is a run of marks' base).
    static let termLists: [(tag: String, terms: [String])] = {
        var lists = TopicsFile.lists(FuzzSeeds.root + "/Pipelines/topics.yaml")
        lists.append(("fuzz", ["New York", "New York Times", "York", "UN", "Zürich", "Straße", "Łódź", "élection", "e\u{301}",
                               "中文", "テキスト", "ภาษา", "Привет", "European Commission", "World Cup", "a.m.", "U.S.", "#news", "@user"]))
        return lists
    }()

    @Test(arguments: [(true, false), (true, true), (false, false), (false, true)])
    func termSpans(_ caseInsensitive: Bool, _ diacriticInsensitive: Bool) {
        let matcher = TermMatcher(lists: Self.termLists, options: .init(caseInsensitive: caseInsensitive, diacriticInsensitive: diacriticInsensitive))
        #expect(matcher.terms.count > 100)
        var failures: [String: String] = [:]
        func problem(_ text: String) -> String? {
            let ranges = matcher.matches(in: text).map { $0.start..<$0.end }
            return SpanChecks.problem(ranges, in: Array(text.utf8), order: .byEndThenStart)
        }
        var found = 0
        for x in Self.inputs {
            found += matcher.matches(in: x).count
            if let p = problem(x), failures[p] == nil { failures[p] = x }
        }
        #expect(found > 100, "the inputs should hold terms")
        report(failures, "terms", problem)
        for b in Self.brokenInputs {
            let ranges = b.withUnsafeBufferPointer { matcher.matches(in: $0) }.map { $0.start..<$0.end }
            if let p = SpanChecks.problem(ranges, count: b.count, order: .byEndThenStart) { Issue.record("terms on \(b): \(p)"); break }
        }
    }

    /// The bundled model, read from the source tree (the library bundles it in `Sluice`).
    static let identifier: LanguageIdentifier = {
        let path = FuzzSeeds.root + "/Sources/Sluice/Resources/langid.bin"
        let model = try! LanguageModel(bytes: [UInt8](FileManager.default.contents(atPath: path)!))
        return LanguageIdentifier(model: model)
    }()

    @Test(arguments: [1, 20, 100])
    func languageSpans(_ spanMinLetters: Int) {
        let id = Self.identifier
        let known = Set(id.model.languages + [LanguageIdentifier.undetermined])
        var failures: [String: String] = [:]
        func problem(_ text: String) -> String? {
            let a = id.analyze(text, spanMinLetters: spanMinLetters)
            if !known.contains(a.language) { return "unknown language \(a.language)" }
            if !(a.score >= 0 && a.score <= 1) { return "score \(a.score)" }
            for s in a.spans where !known.contains(s.language) || s.language == a.language || !(s.score >= 0 && s.score <= 1) {
                return "span \(s.language) \(s.score) in a \(a.language) text"
            }
            return SpanChecks.problem(a.spans.map { $0.start..<$0.end }, count: text.unicodeScalars.count)
        }
        var spans = 0
        for x in Self.inputs {
            spans += id.analyze(x, spanMinLetters: spanMinLetters).spans.count
            if let p = problem(x), failures[p] == nil { failures[p] = x }
        }
        // Most generated texts mix scripts line by line: some spans must come out.
        #expect(spans > 0)
        report(failures, "language", problem)
    }

    @Test func wordTokens() {
        var failures: [String: String] = [:]
        func problem(_ text: String) -> String? {
            var copy = text
            let tokens = copy.withUTF8 { b in
                var out: [WordToken] = [], scratch: [WordToken] = []
                WordTokenizer.tokenize(b, 0, b.count, into: &out, scratch: &scratch)
                return out
            }
            let bytes = Array(text.utf8)
            let ranges = tokens.map { $0.start..<$0.end }
            if let p = SpanChecks.problem(ranges, in: bytes) { return p }
            if tokens.map(\.chars) != SpanChecks.scalarOffsets(ranges, in: bytes).map(\.count) { return "token chars wrong" }
            return nil
        }
        for x in Self.inputs { if let p = problem(x), failures[p] == nil { failures[p] = x } }
        report(failures, "words", problem)
    }

    @Test func hashtagsOccurInTheText() {
        var failures: [String: String] = [:]
        func problem(_ text: String) -> String? {
            let tags = HashtagScanner.hashtags(in: text)
            if Set(tags).count != tags.count { return "duplicate tags" }
            return tags.first { $0.isEmpty || !text.contains("#" + $0) }.map { "tag \($0.debugDescription) not in the text" }
        }
        for x in Self.inputs { if let p = problem(x), failures[p] == nil { failures[p] = x } }
        report(failures, "hashtags", problem)
    }

    /// Records one issue per kind of problem, with the input shrunk to a small one.
    private func report(_ failures: [String: String], _ what: String, _ problem: (String) -> String?,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        for (p, x) in failures.sorted(by: { $0.key < $1.key }) {
            let m = Shrink.minimize(x) { problem($0) == p }
            Issue.record("\(what): \(p): \(m.debugDescription)", sourceLocation: sourceLocation)
        }
    }
}
