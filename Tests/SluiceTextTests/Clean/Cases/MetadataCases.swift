import Testing
@testable import SluiceText

/// Leading and trailing timestamp / dateline lines in many languages → `date`; hashtag lines → `tags`.
@Suite struct MetadataCases {
    static let ts = CleanCounter.timestampLines
    static let body = "Body text."
    static let cases: [TextCase] = [
        TextCase("\(body)\n2024-07-08 04:55:57", body, counter: ts, date: "2024-07-08T04:55:57"),
        TextCase("2024-07-08T04:55:57Z\n\(body)", body, counter: ts, date: "2024-07-08T04:55:57Z"),
        TextCase("\(body)\n2024-07-08T04:55:57+02:00", body, counter: ts, date: "2024-07-08T04:55:57+02:00"),
        TextCase("\(body)\n08.07.2024 04:55", body, lang: "de", counter: ts, date: "2024-07-08T04:55:00"),
        TextCase("\(body)\nJuly 8, 2024 4:55 AM", body, counter: ts, date: "2024-07-08T04:55:00"),
        TextCase("\(body)\nMonday, July 8, 2024 at 4:55 PM", body, counter: ts, date: "2024-07-08T16:55:00"),
        // French.
        TextCase("\(body)\n8 juillet 2024", body, lang: "fr", counter: ts, date: "2024-07-08"),
        TextCase("lundi 8 juillet 2024 à 14h30\n\(body)", body, lang: "fr", counter: ts, date: "2024-07-08T14:30:00"),
        TextCase("\(body)\n1er août 2024", body, lang: "fr", counter: ts, date: "2024-08-01"),
        TextCase("Publié le 12 février 2024 à 09:15\n\(body)", body, lang: "fr", counter: ts, date: "2024-02-12T09:15:00"),
        TextCase("\(body)\nMis à jour le 3 déc. 2023", body, lang: "fr", counter: ts, date: "2023-12-03"),
        // Spanish.
        TextCase("\(body)\n8 de julio de 2024", body, lang: "es", counter: ts, date: "2024-07-08"),
        TextCase("miércoles, 3 de enero de 2024 a las 10:30\n\(body)", body, lang: "es", counter: ts, date: "2024-01-03T10:30:00"),
        TextCase("Publicado el 15 de marzo de 2023\n\(body)", body, lang: "es", counter: ts, date: "2023-03-15"),
        // German.
        TextCase("\(body)\n8. Juli 2024", body, lang: "de", counter: ts, date: "2024-07-08"),
        TextCase("Montag, 8. Juli 2024, 14:30 Uhr\n\(body)", body, lang: "de", counter: ts, date: "2024-07-08T14:30:00"),
        TextCase("Veröffentlicht am 3. März 2024\n\(body)", body, lang: "de", counter: ts, date: "2024-03-03"),
        TextCase("\(body)\nStand: 08.07.2024, 16:55 Uhr", body, lang: "de", counter: ts, date: "2024-07-08T16:55:00"),
        // Italian.
        TextCase("\(body)\n8 luglio 2024", body, lang: "it", counter: ts, date: "2024-07-08"),
        TextCase("Pubblicato il 21 settembre 2023 alle 18:05\n\(body)", body, lang: "it", counter: ts, date: "2023-09-21T18:05:00"),
        TextCase("lunedì 8 luglio 2024\n\(body)", body, lang: "it", counter: ts, date: "2024-07-08"),
        // Portuguese.
        TextCase("\(body)\n8 de julho de 2024", body, lang: "pt", counter: ts, date: "2024-07-08"),
        TextCase("segunda-feira, 8 de julho de 2024 às 10:00\n\(body)", body, lang: "pt", counter: ts, date: "2024-07-08T10:00:00"),
        TextCase("Atualizado em 2 de março de 2024\n\(body)", body, lang: "pt", counter: ts, date: "2024-03-02"),
        // Russian.
        TextCase("\(body)\n8 июля 2024", body, lang: "ru", counter: ts, date: "2024-07-08"),
        TextCase("\(body)\n8 июля 2024 г.", body, lang: "ru", counter: ts, date: "2024-07-08"),
        TextCase("Опубликовано 12 марта 2024, 15:20\n\(body)", body, lang: "ru", counter: ts, date: "2024-03-12T15:20:00"),
        // Dutch.
        TextCase("\(body)\n8 juli 2024", body, lang: "nl", counter: ts, date: "2024-07-08"),
        // English labels.
        TextCase("Published: July 8, 2024\n\(body)", body, counter: ts, date: "2024-07-08"),
        TextCase("Updated on 8 July 2024 16:55\n\(body)", body, counter: ts, date: "2024-07-08T16:55:00"),
        // Hashtags and timestamp together, either order.
        TextCase("\(body)\n#Putin #talk #peace\n2024-07-08 04:55:57", body, tags: ["Putin", "talk", "peace"], date: "2024-07-08T04:55:57"),
        TextCase("\(body)\n8 juillet 2024\n#Paris #JO2024", body, lang: "fr", tags: ["Paris", "JO2024"], date: "2024-07-08"),
        TextCase("Texto.\n#Elecciones #España", "Texto.", lang: "es", tags: ["Elecciones", "España"]),
        TextCase("Текст.\n#Москва #новости", "Текст.", lang: "ru", tags: ["Москва", "новости"]),
        // Not date lines: kept.
        TextCase("On 8 juillet 2024 the games opened.", "On 8 juillet 2024 the games opened.", lang: "fr"),
        TextCase("Le 8 juillet 2024, les Jeux ont commencé.", "Le 8 juillet 2024, les Jeux ont commencé.", lang: "fr"),
        TextCase("\(body)\n31 février 2024", "\(body)\n31 février 2024", lang: "fr"),
        TextCase("\(body)\nPublished by Reuters", "\(body)\nPublished by Reuters"),
        TextCase("\(body)\n8 de julio", "\(body)\n8 de julio", lang: "es"),
    ]
    @Test(arguments: cases) func metadata(_ c: TextCase) { checkText(c) }
}

/// French spacing: no-break spaces before `; : ! ? »` and after `«` stay in French only.
@Suite struct FrenchSpacingCases {
    static let cases: [TextCase] = [
        TextCase("Il a dit\u{A0}: oui", "Il a dit\u{A0}: oui", lang: "fr"),
        TextCase("Vraiment\u{A0}? Oui\u{A0}!", "Vraiment\u{A0}? Oui\u{A0}!", lang: "fr"),
        TextCase("«\u{A0}Non\u{A0}»", "«\u{A0}Non\u{A0}»", lang: "fr"),
        TextCase("Attention\u{202F};", "Attention\u{202F};", lang: "fr-CA"),
        TextCase("Il a dit\u{A0}: oui", "Il a dit: oui", lang: "en", counter: CleanCounter.spacesNormalized),
        TextCase("10\u{A0}000 euros\u{A0}: cher", "10 000 euros\u{A0}: cher", lang: "fr", counter: CleanCounter.spacesNormalized),
        // Language not known (clean before language): the no-break space stays where French
        // typography puts it, and only there.
        TextCase("Il a dit\u{A0}: oui", "Il a dit\u{A0}: oui"),
        TextCase("Il a dit\u{A0}: «\u{202F}oui\u{202F}», 10\u{A0}000 fois", "Il a dit\u{A0}: «\u{202F}oui\u{202F}», 10 000 fois",
                 counter: CleanCounter.spacesNormalized),
        // German »…« quotes: a no-break space after a closing « or before an opening » is
        // no French space (real: html-eval, `»internationaler Notfall« ist?`).
        TextCase("»internationaler Notfall«\u{A0}ist? Er sagte\u{A0}»Nein«.", "»internationaler Notfall« ist? Er sagte »Nein«.",
                 counter: CleanCounter.spacesNormalized),
        TextCase("¿Qué\u{A0}? No", "¿Qué ? No", lang: "es", counter: CleanCounter.spacesNormalized),
    ]
    @Test(arguments: cases) func frenchSpacing(_ c: TextCase) { checkText(c) }

    @Test func optionOff() {
        var o = TextCleaner.Options()
        o.frenchSpacing = false
        checkText(TextCase("Oui\u{A0}!", "Oui !", lang: "fr", counter: CleanCounter.spacesNormalized), o)
    }
}
