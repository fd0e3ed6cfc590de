import Foundation
import Testing
@testable import SluiceText

@Suite struct CleanSampleTests {
    @Test func sampleArticle() {
        let r = cleaned(SampleArticle.text)
        #expect(r.tags == ["Putin", "talk", "peace", "alliance", "Kazakhstan", "summit"])
        #expect(r.date == "2024-07-08T04:55:57")
        let lines = SampleArticle.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 9)
        // The punctuation artifacts of the sample are repaired: ". , which" and "[…]we".
        let expected = lines.dropLast(2).joined(separator: "\n")
            .replacingOccurrences(of: "summit. , which", with: "summit, which")
            .replacingOccurrences(of: "[…]we", with: "[…] we")
        #expect(r.text == expected)
        #expect(!r.text.contains("#Putin"))
        #expect(!r.text.contains("04:55:57"))
        #expect(r.counters.values == ["hashtag_lines": 1, "timestamp_lines": 1, "punctuation_fixed": 2])
    }

    @Test func sampleWithWindowsNewlinesAndNoise() {
        let noisy = "\u{FEFF}" + SampleArticle.text.split(separator: "\n", omittingEmptySubsequences: false)
            .joined(separator: " \r\n")
        let r = cleaned(noisy)
        #expect(r.tags.count == 6)
        #expect(r.date == "2024-07-08T04:55:57")
        #expect(r.text == cleaned(SampleArticle.text).text)
    }
}
