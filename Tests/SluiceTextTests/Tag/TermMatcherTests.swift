import Testing
@testable import SluiceText

/// "tag:matched text" per match of `matcher` in `text`.
private func found(_ matcher: TermMatcher, _ text: String) -> [String] {
    let bytes = Array(text.utf8)
    return matcher.matches(in: text).map { matcher.tags[$0.tag] + ":" + String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
}

@Suite struct TermMatcherTests {
    static let plain = TermMatcher(lists: [
        ("city", ["New York", "York", "Paris"]),
        ("org", ["New York Times", "UN"]),
    ], options: .init(caseInsensitive: false))

    @Test func reportsOverlappingMatches() {
        #expect(found(Self.plain, "The New York Times on York and Paris.")
                == ["city:New York", "city:York", "org:New York Times", "city:York", "city:Paris"])
    }

    @Test func requiresWordBoundaries() {
        #expect(found(Self.plain, "Yorkshire, NewYork, UNESCO, Parisian, UN-backed, (UN)") == ["org:UN", "org:UN"])
        #expect(found(Self.plain, "New York2 and 4Paris") == [])
    }

    @Test func caseSensitiveByOption() {
        #expect(found(Self.plain, "new york and PARIS") == [])
        let m = TermMatcher(lists: [("city", ["New York", "Paris"])], options: .init(caseInsensitive: true))
        #expect(found(m, "new york and PARIS") == ["city:new york", "city:PARIS"])
    }

    @Test func whiteSpaceRunsMatchOneSpace() {
        let m = TermMatcher(lists: [("city", ["New  York"])])
        #expect(found(m, "in New\nYork and New \t York") == ["city:New\nYork", "city:New \t York"])
    }

    @Test func diacriticInsensitive() {
        let m = TermMatcher(lists: [("t", ["Zurich", "Sao Paulo", "Strasse", "Lodz", "élection"])],
                            options: .init(caseInsensitive: true, diacriticInsensitive: true))
        #expect(found(m, "Zürich, São Paulo, Straße, Łódź, ELECTION, e\u{301}lection")
                == ["t:Zürich", "t:São Paulo", "t:Straße", "t:Łódź", "t:ELECTION", "t:e\u{301}lection"])
        let strict = TermMatcher(lists: [("t", ["Zurich"])], options: .init(caseInsensitive: true, diacriticInsensitive: false))
        #expect(found(strict, "Zürich") == [])
    }

    @Test func accentedTermsMatchPlainText() {
        let m = TermMatcher(lists: [("t", ["Zürich", "Ελλάδα", "Ёлка"])], options: .init(caseInsensitive: true, diacriticInsensitive: true))
        #expect(found(m, "zurich, ΕΛΛΑΔΑ, елка") == ["t:zurich", "t:ΕΛΛΑΔΑ", "t:елка"])
    }

    @Test func offsetsInMultiByteText() {
        let m = TermMatcher(lists: [("pl", ["Łódź"]), ("ru", ["Москва"])], options: .init(caseInsensitive: true, diacriticInsensitive: true))
        let text = "🎉 «lodz» и МОСКВА."
        let r = m.matches(in: text)
        #expect(r.map(\.start) == [7, 17])   // bytes: 🎉 4, space 1, « 2; », space, и, space: 6
        #expect(r.map(\.end) == [11, 29])
        #expect(r.map(\.tag) == [0, 1])
    }

    @Test func partialFoldedScalarsDoNotMatch() {
        // "s" must not match the second half of ß folded to "ss".
        let m = TermMatcher(lists: [("t", ["s", "sse"])], options: .init(caseInsensitive: true, diacriticInsensitive: true))
        #expect(found(m, "Straße s") == ["t:s"])
    }

    @Test func unspacedScriptsNeedNoBoundary() {
        let m = TermMatcher(lists: [("city", ["東京", "北京"])])
        #expect(found(m, "我在北京和東京都") == ["city:北京", "city:東京"])
    }

    @Test func sharedPrefixesAndSuffixes() {
        let m = TermMatcher(lists: [("t", ["he", "she", "his", "hers"])])
        #expect(found(m, "she hers his he ushers") == ["t:she", "t:hers", "t:his", "t:he"])
    }

    @Test func duplicateTermsCountOnce() {
        let m = TermMatcher(lists: [("a", ["Paris", "paris", "Paris"]), ("b", ["paris"])])
        #expect(found(m, "Paris") == ["a:Paris", "b:Paris"])
        #expect(m.terms == ["Paris", "paris"])
    }

    @Test func emptyListsAndTerms() {
        let m = TermMatcher(lists: [("t", ["", "  "])])
        #expect(m.terms.isEmpty)
        #expect(m.matches(in: "anything").isEmpty)
    }
}
