import Foundation

// Sentence-splitting cases, written by hand for Sluice (not taken from any other project's test
// suite). They live in Fixtures/split_cases.jsonl, built from Fixtures/split/ by make_fixture.py,
// so that Benchmarks/compare_splitters.py scores other splitters on exactly the same cases.

struct SplitCase: Sendable, CustomStringConvertible {
    let lang: String
    let text: String
    let expected: [String]
    let note: String

    var description: String { "[\(lang)] \(note): \(text.prefix(60))" }
}

enum SplitCases {
    static let all: [SplitCase] = load()

    private struct Line: Decodable {
        let lang: String
        let text: String
        let sentences: [String]
        let rule: String?
    }

    private static func load() -> [SplitCase] {
        guard let url = Bundle.module.url(forResource: "split_cases", withExtension: "jsonl", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url)
        else { fatalError("Fixtures/split_cases.jsonl missing") }
        let decoder = JSONDecoder()
        return data.split(separator: 0x0A).map { line in
            guard let c = try? decoder.decode(Line.self, from: Data(line)) else {
                fatalError("bad case: \(String(decoding: line, as: UTF8.self))")
            }
            return SplitCase(lang: c.lang, text: c.text, expected: c.sentences, note: c.rule ?? "")
        }
    }
}
