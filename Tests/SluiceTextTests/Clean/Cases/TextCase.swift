import Testing
@testable import SluiceText

/// One case of a step table: input, exact expected text, the record language, and
/// optionally a counter that must be non-zero, expected tags and date.
struct TextCase: CustomTestStringConvertible, Sendable {
    let input: String
    let expected: String
    let lang: String?
    let counter: String?
    let tags: [String]
    let date: String?

    init(_ input: String, _ expected: String, lang: String? = nil, counter: String? = nil,
         tags: [String] = [], date: String? = nil) {
        self.input = input; self.expected = expected; self.lang = lang; self.counter = counter
        self.tags = tags; self.date = date
    }
    var testDescription: String { (lang.map { "[\($0)] " } ?? "") + String(reflecting: input) }
}

/// Cleans `c.input` with `options` and checks text (byte for byte), tags, date and counter.
func checkText(_ c: TextCase, _ options: TextCleaner.Options = .init()) {
    let r = TextCleaner(options: options).clean(c.input, language: c.lang)
    #expect(Array(r.text.utf8) == Array(c.expected.utf8), "\(r.text.debugDescription) ≠ \(c.expected.debugDescription)")
    #expect(r.tags == c.tags)
    #expect(r.date == c.date)
    if let counter = c.counter { #expect(r.counters[counter] > 0, "counter \(counter) not counted: \(r.counters.values)") }
    if c.input == c.expected { #expect(r.counters.values.isEmpty, "\(r.counters.values)") }
}
