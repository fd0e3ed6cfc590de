import SluiceText

extension Harness {
    /// Languages the splitter is run in: every one with rules, plus one without.
    static let splitLanguages = SentenceSplitter.supportedLanguages + ["xx"]

    /// The text without white space as the splitter sees it: Unicode White_Space, plus the
    /// zero-width space and the BOM (zero-width no-break space), which it trims like spaces.
    static func squeezed(_ s: some StringProtocol) -> String.UnicodeScalarView {
        var v = String.UnicodeScalarView()
        for u in s.unicodeScalars where !u.properties.isWhitespace && u.value != 0x200B && u.value != 0xFEFF { v.append(u) }
        return v
    }

    /// ``SentenceSplitter`` in every language: sentences, byte spans and scalar spans agree,
    /// lie in the text in order without overlap, and together hold all of its non-space text.
    static let split = Harness(name: "split") { input in
        let (choice, rest) = input.split()
        let text = String(decoding: rest, as: UTF8.self)
        let splitter = SentenceSplitter(language: splitLanguages[Int(choice) % splitLanguages.count])
        let sentences = splitter.split(text)
        let spans = splitter.spans(text)
        let (same, scalarSpans) = splitter.splitWithScalarSpans(text)
        Harness.require(sentences == same && spans.count == sentences.count && scalarSpans.count == sentences.count, "split, spans and scalar spans disagree")
        var previous = 0
        let bytes = Array(text.utf8)
        for (k, r) in spans.enumerated() {
            Harness.require(r.lowerBound >= previous && r.lowerBound < r.upperBound && r.upperBound <= bytes.count, "span \(r) out of order or bounds")
            Harness.require(String(decoding: bytes[r], as: UTF8.self) == sentences[k], "span \(r) is not its sentence")
            previous = r.upperBound
        }
        previous = 0
        let scalarCount = text.scalarCount
        for r in scalarSpans {
            Harness.require(r.lowerBound >= previous && r.lowerBound < r.upperBound && r.upperBound <= scalarCount, "scalar span \(r) out of order or bounds")
            previous = r.upperBound
        }
        Harness.require(String(squeezed(sentences.joined())) == String(squeezed(text)), "sentences lost or added text")
    }
}
