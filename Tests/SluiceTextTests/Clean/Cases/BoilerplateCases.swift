import Testing
@testable import SluiceText

/// Whole boilerplate lines removed in many languages; sentences that merely mention sharing,
/// reading or cookies stay.
@Suite struct BoilerplateCases {
    static let b = CleanCounter.boilerplateLines
    static let body = "The minister spoke on Monday."
    static let cases: [TextCase] = [
        // English.
        TextCase("\(body)\nShare this article", body, counter: b),
        TextCase("Share on Facebook\n\(body)", body, counter: b),
        TextCase("\(body)\n\nFollow us on Twitter\n\nMore text here.", "\(body)\n\nMore text here.", counter: b),
        TextCase("\(body)\nSubscribe to our newsletter!", body, counter: b),
        TextCase("\(body)\n» Read more", body, counter: b),
        TextCase("\(body)\nREAD MORE:", body, counter: b),
        TextCase("Advertisement\n\(body)\nAdvertisement", body, counter: b),
        TextCase("\(body)\nWe use cookies to improve your experience.", body, counter: b),
        TextCase("\(body)\n© 2024 Example Media Ltd. All rights reserved.", body, counter: b),
        TextCase("\(body)\nCopyright © 2023 The Daily Planet", body, counter: b),
        TextCase("\(body)\n- Share -\n| Tweet |", body, counter: b),
        TextCase("\(body)\nAll Rights Reserved.", body, counter: b),
        TextCase("Para one.\n\nShare\n\nPara two.", "Para one.\n\nPara two.", counter: b),
        TextCase("Para one.\nShare\nPara two.", "Para one.\nPara two.", counter: b),
        // Español.
        TextCase("El ministro habló el lunes.\nCompartir en Facebook", "El ministro habló el lunes.", lang: "es", counter: b),
        TextCase("Síguenos en Twitter\nEl ministro habló.", "El ministro habló.", lang: "es", counter: b),
        TextCase("El ministro habló.\nLeer más", "El ministro habló.", lang: "es", counter: b),
        TextCase("El ministro habló.\nPublicidad", "El ministro habló.", lang: "es", counter: b),
        TextCase("El ministro habló.\n© 2024 El Diario. Todos los derechos reservados.", "El ministro habló.", lang: "es", counter: b),
        // Deutsch.
        TextCase("Der Minister sprach.\nArtikel teilen", "Der Minister sprach.", lang: "de", counter: b),
        TextCase("Der Minister sprach.\nFolgen Sie uns auf Instagram", "Der Minister sprach.", lang: "de", counter: b),
        TextCase("ANZEIGE\nDer Minister sprach.", "Der Minister sprach.", lang: "de", counter: b),
        TextCase("Der Minister sprach.\nWeiterlesen →", "Der Minister sprach.", lang: "de", counter: b),
        TextCase("Der Minister sprach.\nDiese Website verwendet Cookies.", "Der Minister sprach.", lang: "de", counter: b),
        TextCase("Der Minister sprach.\nMehr zum Thema:", "Der Minister sprach.", lang: "de", counter: b),
        // Français.
        TextCase("Le ministre a parlé.\nPartager sur Twitter", "Le ministre a parlé.", lang: "fr", counter: b),
        TextCase("Le ministre a parlé.\nSuivez-nous sur Facebook", "Le ministre a parlé.", lang: "fr", counter: b),
        TextCase("Le ministre a parlé.\nAbonnez-vous à notre newsletter", "Le ministre a parlé.", lang: "fr", counter: b),
        TextCase("Le ministre a parlé.\nLire aussi :", "Le ministre a parlé.", lang: "fr", counter: b),
        TextCase("PUBLICITÉ\nLe ministre a parlé.", "Le ministre a parlé.", lang: "fr", counter: b),
        TextCase("Le ministre a parlé.\nTous droits réservés", "Le ministre a parlé.", lang: "fr", counter: b),
        // Italiano.
        TextCase("Il ministro ha parlato.\nCondividi su WhatsApp", "Il ministro ha parlato.", lang: "it", counter: b),
        TextCase("Il ministro ha parlato.\nLeggi anche", "Il ministro ha parlato.", lang: "it", counter: b),
        TextCase("Il ministro ha parlato.\nRIPRODUZIONE RISERVATA", "Il ministro ha parlato.", lang: "it", counter: b),
        TextCase("Il ministro ha parlato.\nQuesto sito utilizza cookie", "Il ministro ha parlato.", lang: "it", counter: b),
        // Português.
        TextCase("O ministro falou.\nCompartilhe", "O ministro falou.", lang: "pt", counter: b),
        TextCase("O ministro falou.\nLeia também:", "O ministro falou.", lang: "pt", counter: b),
        TextCase("O ministro falou.\nSiga-nos nas redes sociais", "O ministro falou.", lang: "pt", counter: b),
        TextCase("O ministro falou.\nTodos os direitos reservados.", "O ministro falou.", lang: "pt", counter: b),
        // Русский.
        TextCase("Министр выступил.\nПоделиться", "Министр выступил.", lang: "ru", counter: b),
        TextCase("Министр выступил.\nЧитайте также:", "Министр выступил.", lang: "ru", counter: b),
        TextCase("Министр выступил.\nПодписывайтесь на наш канал", "Министр выступил.", lang: "ru", counter: b),
        TextCase("РЕКЛАМА\nМинистр выступил.", "Министр выступил.", lang: "ru", counter: b),
        TextCase("Министр выступил.\n© 2024 Все права защищены", "Министр выступил.", lang: "ru", counter: b),
        // Sentences that mention sharing, following, reading, cookies: kept.
        TextCase("Share prices fell sharply on Monday.", "Share prices fell sharply on Monday."),
        TextCase("Readers were asked to share this article with friends.", "Readers were asked to share this article with friends."),
        TextCase("Read more books, the minister said.", "Read more books, the minister said."),
        TextCase("The cookie policy of the EU changed in 2018.", "The cookie policy of the EU changed in 2018."),
        TextCase("Follow us, they shouted, and the crowd did.", "Follow us, they shouted, and the crowd did."),
        TextCase("Die Anzeige wurde am Montag erstattet.", "Die Anzeige wurde am Montag erstattet.", lang: "de"),
        TextCase("Il faut partager les richesses.", "Il faut partager les richesses.", lang: "fr"),
        TextCase("Поделиться опытом решили все участники.", "Поделиться опытом решили все участники.", lang: "ru"),
        TextCase("Los derechos reservados a los autores fueron debatidos.", "Los derechos reservados a los autores fueron debatidos.", lang: "es"),
        TextCase("Copyright law was reformed in 2019.", "Copyright law was reformed in 2019."),
        TextCase("Share this", "", counter: b),
    ]
    @Test(arguments: cases) func boilerplate(_ c: TextCase) { checkText(c) }

    @Test func userPatterns() {
        var o = TextCleaner.Options()
        o.boilerplatePatterns = ["# comment", "", "download our app*", "Mehr von der Redaktion"]
        checkText(TextCase("Text.\nDownload our app for iOS and Android\nMEHR VON DER REDAKTION", "Text.", counter: Self.b), o)
        o.replaceDefaultBoilerplate = true
        checkText(TextCase("Text.\nShare\nDownload our app now", "Text.\nShare", counter: Self.b), o)
    }

    @Test func disabled() {
        var o = TextCleaner.Options()
        o.removeBoilerplate = false
        checkText(TextCase("Text.\nShare this article", "Text.\nShare this article"), o)
    }

    @Test func defaultsCoverLanguages() {
        #expect(BoilerplateMatcher.defaults.count > 250)
        for line in ["Share this article", "Compartir", "Teilen", "Partager", "Condividi", "Compartilhar", "Поделиться"] {
            #expect(BoilerplateMatcher.defaults.matches(line), "\(line)")
        }
    }
}
