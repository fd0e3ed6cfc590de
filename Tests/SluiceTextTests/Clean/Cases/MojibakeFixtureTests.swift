import Foundation
import Testing
@testable import SluiceText

/// The mojibake cases of `Fixtures/mojibake_cases.jsonl` (written by
/// `Benchmarks/make_mojibake_cases.py`, also read by `Benchmarks/compare_ftfy.py`): text
/// decoded as Windows-1252 or Latin-1, once or twice, whole or in part, in 40 languages,
/// and correct text that must stay as it is.
@Suite struct MojibakeFixtureTests {
    struct Row: Decodable, CustomTestStringConvertible, Sendable {
        let id: String, lang: String, kind: String, input: String, expected: String
        var testDescription: String { "\(id) \(lang)/\(kind)" }
    }

    static let rows: [Row] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/mojibake_cases.jsonl")
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
    }()

    @Test func loaded() { #expect(Self.rows.count >= 200) }

    /// Cases the repair leaves alone on purpose (reported as misses by compare_ftfy.py):
    /// m119 — a lone Greek capital "Η" garbled as "Î—" is also a capital I and a dash, and the
    /// text holds no other mojibake to confirm it.
    static let knownMisses: Set<String> = ["m119"]

    @Test(arguments: rows) func mojibake(_ r: Row) {
        if Self.knownMisses.contains(r.id) {
            #expect(TextCleaner().clean(r.input, language: r.lang).counters[CleanCounter.mojibakeFixed] == 0)
            return
        }
        let c = TextCase(r.input, r.expected, lang: r.lang, counter: r.kind == "clean" ? nil : CleanCounter.mojibakeFixed)
        checkText(c)
    }
}

/// Hand-written mojibake cases: NBSP residue, symbols, mixed with correct text.
@Suite struct MojibakeCases {
    static let m = CleanCounter.mojibakeFixed
    static let cases: [TextCase] = [
        TextCase("cafÃ©", "café", counter: m),
        TextCase("itâ€™s", "it’s", counter: m),
        TextCase("Ã\u{A0} bientôt", "à bientôt", lang: "fr", counter: m),
        TextCase("Â£20 and 25Â°C", "£20 and 25°C", counter: m),
        TextCase("100Â\u{A0}km", "100 km", counter: m),
        TextCase("â€œQuoteâ€\u{9D} â€” done", "“Quote” — done", counter: m),
        TextCase("ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет", lang: "ru", counter: m),
        TextCase("BerÃ¼hmt und schÃ¶n, sagt der Ã–konom.", "Berühmt und schön, sagt der Ökonom.", lang: "de", counter: m),
        TextCase("Ã‰tat et sociÃ©tÃ©", "État et société", lang: "fr", counter: m),
        TextCase("La niÃ±a y el niÃ±o", "La niña y el niño", lang: "es", counter: m),
        TextCase("SÃ£o Paulo Ã© grande", "São Paulo é grande", lang: "pt", counter: m),
        TextCase("cittÃ  perchÃ©", "città perché", lang: "it", counter: m),
        TextCase("Ông Văn Ã sinh", "Ông Văn Ã sinh", lang: "vi"),
        TextCase("ðŸ˜€ emoji", "😀 emoji", counter: m),
        TextCase("Ã¢â‚¬Å“twiceÃ¢â‚¬\u{9D}", "“twice”", counter: m),
        TextCase("Correct é and broken Ã© in one line", "Correct é and broken é in one line", counter: m),
        TextCase("“SÃO PAULO” and the cafÃ© nearby", "“SÃO PAULO” and the café nearby", lang: "en", counter: m),
        TextCase("the word AMANHÃ” and cafÃ©", "the word AMANHÔ and café", lang: "en", counter: m),
        TextCase("plain text “AMANHÔ here", "plain text “AMANHÔ here"),
    ]
    @Test(arguments: cases) func mojibake(_ c: TextCase) { checkText(c) }

    @Test func disabled() {
        var o = TextCleaner.Options()
        o.repairMojibake = false
        checkText(TextCase("cafÃ©", "cafÃ©"), o)
    }
}
