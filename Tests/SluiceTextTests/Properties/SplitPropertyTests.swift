import Testing
import SluiceFuzzSupport
@testable import SluiceText

/// Properties of ``SentenceSplitter`` in every language with rules and in one without
/// (issue 12, point 3): the sentences hold all of the text but white space, and the byte and
/// scalar spans agree, in order, inside the text.
@Suite struct SplitPropertyTests {
    static let languages = SentenceSplitter.supportedLanguages + ["xx"]

    @Test(arguments: languages)
    func sentencesHoldTheText(_ language: String) {
        let splitter = SentenceSplitter(language: language)
        func problem(_ text: String) -> String? {
            let bytes = Array(text.utf8)
            let sentences = splitter.split(text)
            let spans = splitter.spans(text)
            if let p = SpanChecks.problem(spans, in: bytes) { return p }
            if sentences != spans.map({ String(decoding: bytes[$0], as: UTF8.self) }) { return "split and spans differ" }
            if splitter.scalarSpans(text) != SpanChecks.scalarOffsets(spans, in: bytes) { return "scalarSpans wrong" }
            let both = splitter.splitWithScalarSpans(text)
            if both.sentences != sentences || both.spans != SpanChecks.scalarOffsets(spans, in: bytes) { return "splitWithScalarSpans differs" }
            if SpanChecks.withoutWhiteSpace(sentences.joined()) != SpanChecks.withoutWhiteSpace(text) { return "sentences lose text" }
            return nil
        }
        // Every fixture text in English and without rules; random and mutated ones everywhere.
        let seed = UInt64(Self.languages.firstIndex(of: language)! + 1)
        var failures: [String: String] = [:]
        for x in FuzzText.inputs(seed: seed, random: 150, mutated: 150, seeds: language == "en" || language == "xx") {
            if let p = problem(x), failures[p] == nil { failures[p] = x }
        }
        for (p, x) in failures.sorted(by: { $0.key < $1.key }) {
            let m = Shrink.minimize(x) { problem($0) == p }
            Issue.record("[\(language)] \(p): \(m.debugDescription) → \(splitter.split(m).debugDescription)")
        }
    }
}
