import Testing
@testable import SluiceText

/// `near_dedup`'s `normalize` rules: which texts shingle the same with each.
@Suite struct ShingleNormalizationTests {
    static func hashes(_ text: String, _ rules: ShingleNormalization, size: Int = 3) -> [UInt64] {
        var copy = text
        var out: [UInt64] = []
        copy.withUTF8 { WordShingles.forEach(utf8: $0, size: size, normalization: rules) { out.append($0) } }
        return out
    }

    @Test func noRulesIsTheDefault() {
        let text = "Der Bürgermeister sagte am 12. März 2024, der Hafen öffne wieder"
        #expect(Self.hashes(text, []) == WordShinglesTests.hashes(text, size: 3))
    }

    @Test func digitsOfEveryScriptReadAsZero() {
        let a = "Storm kills 12 people in 2024 on the coast"
        #expect(Self.hashes(a, .digits) == Self.hashes("Storm kills 35 people in 1999 on the coast", .digits))
        #expect(Self.hashes(a, []) != Self.hashes("Storm kills 35 people in 1999 on the coast", []))
        // Eight digits at once take the word-at-a-time path; fewer, the byte path.
        #expect(Self.hashes("call 0123456789 now please", .digits) == Self.hashes("call 9876543210 now please", .digits))
        // Arabic-Indic and Devanagari digits are digits too.
        #expect(Self.hashes("قتل ١٢ شخصا في المدينة", .digits) == Self.hashes("قتل 35 شخصا في المدينة", .digits))
        #expect(Self.hashes("कुल २०२४ लोग आए थे", .digits) == Self.hashes("कुल 1999 लोग आए थे", .digits))
        // A digit is not a letter: "a1" and "aa" still differ.
        #expect(Self.hashes("a1 b c d", .digits) != Self.hashes("aa b c d", .digits))
    }

    @Test func caseOfEveryCasedScript() {
        #expect(Self.hashes("ΑΘΗΝΑ ΣΗΜΕΡΑ ΒΡΕΧΕΙ ΠΟΛΥ", .letterCase) == Self.hashes("αθηνα σημερα βρεχει πολυ", .letterCase))
        #expect(Self.hashes("МОСКВА СЕГОДНЯ ИДЁТ ДОЖДЬ", .letterCase) == Self.hashes("москва сегодня идёт дождь", .letterCase))
        #expect(Self.hashes("ÉTÉ À PARIS CETTE ANNÉE", .letterCase) == Self.hashes("été à paris cette année", .letterCase))
        #expect(Self.hashes("МОСКВА СЕГОДНЯ ИДЁТ ДОЖДЬ", []) != Self.hashes("москва сегодня идёт дождь", []))
        // Accents still count under `case` alone.
        #expect(Self.hashes("été à paris cette", .letterCase) != Self.hashes("ete a paris cette", .letterCase))
    }

    @Test func diacriticsPrecomposedAndCombining() {
        let plain = Self.hashes("ete a paris cette annee", .diacritics)
        #expect(Self.hashes("été à paris cette année", .diacritics) == plain)
        // The same accents as combining marks (NFD).
        #expect(Self.hashes("e\u{301}te\u{301} a\u{300} paris cette anne\u{301}e", .diacritics) == plain)
        #expect(Self.hashes("Łódź straße ærø", .diacritics) == Self.hashes("lodz strasse aero", .diacritics))
        #expect(Self.hashes("été à paris cette année", []) != plain)
        // Marks of other scripts are not accents: Hindi vowel signs stay.
        #expect(Self.hashes("किताब पढ़ो अभी", .diacritics) != Self.hashes("कतब पढ अभ", .diacritics))
    }

    @Test func allRulesTogether() {
        let rules: ShingleNormalization = [.digits, .letterCase, .diacritics]
        #expect(Self.hashes("ÉTÉ 2024 À PARIS, ANNÉE RECORD", rules) == Self.hashes("ete 1999 a paris annee record", rules))
        #expect(rules.names == ["digits", "case", "diacritics"])
    }
}
