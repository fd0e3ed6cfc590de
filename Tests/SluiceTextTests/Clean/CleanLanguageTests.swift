import Testing
@testable import SluiceText

/// Dirty text in several languages: input, expected output.
@Suite struct CleanLanguageTests {
    static let cases: [CleanCase] = [
        CleanCase("The  summit\u{A0}was held in Astana.\r\n\r\n\r\nIt ended.  ",
                  "The summit was held in Astana.\n\nIt ended.",
                  ["spaces_collapsed": 1, "spaces_normalized": 1, "newlines_normalized": 3,
                   "blank_lines_removed": 1, "spaces_trimmed": 1]),
        CleanCase("Die Stra\u{AD}ße ist   gesperrt.\u{200B}", "Die Straße ist gesperrt.",
                  ["zero_width_removed": 2, "spaces_collapsed": 1]),
        // French no-break spaces stay when the language is not known (clean runs before the
        // language stage); TextCleanerLanguageTests has them with a known language.
        CleanCase("Il a dit\u{202F}: «\u{A0}Non\u{A0}»", "Il a dit\u{202F}: «\u{A0}Non\u{A0}»"),
        CleanCase("Cafe\u{301} de Pari\u{301}s", "Café de París", ["nfc_normalized": 1]),
        CleanCase("¿Qué\tpasó?\u{0}", "¿Qué pasó?", ["spaces_normalized": 1, "control_removed": 1]),
        CleanCase("Путин\u{00A0}заявил,\u{2009}что…", "Путин заявил, что…", ["spaces_normalized": 2]),
        CleanCase("И\u{306} ещё", "Й ещё", ["nfc_normalized": 1]),
        CleanCase("\u{3000}上海合作组织峰会\u{3000}", "上海合作组织峰会", ["spaces_normalized": 2, "spaces_trimmed": 2]),
        CleanCase("\u{202B}السلام عليكم\u{202C}", "السلام عليكم", ["control_removed": 2]),
        CleanCase("\u{200F}مرحبا\u{200F} بالعالم", "مرحبا بالعالم", ["control_removed": 2]),
        CleanCase("क्\u{200D}ष  और\u{200B} क्\u{200C}ष", "क्\u{200D}ष और क्\u{200C}ष",
                  ["spaces_collapsed": 1, "zero_width_removed": 1]),
        CleanCase("می\u{200C}خواهم\u{FEFF}", "می\u{200C}خواهم", ["zero_width_removed": 1]),
        CleanCase("👨\u{200D}👩\u{200D}👧 \u{200B}family", "👨\u{200D}👩\u{200D}👧 family", ["zero_width_removed": 1]),
    ]

    @Test(arguments: cases) func languages(_ c: CleanCase) { check(c) }
}
