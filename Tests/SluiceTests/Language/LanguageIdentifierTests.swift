import Foundation
import Testing
@testable import Sluice
@testable import SluiceText

@Suite struct LanguageIdentifierTests {
    static let identifier = LanguageModelLoader.bundledIdentifier

    static let table: [(String, String)] = [
        ("en", "The government announced new measures to reduce inflation over the coming months."),
        ("en", "She said the weather would improve by the end of the week."),
        ("de", "Die Regierung hat heute neue Maßnahmen gegen die Inflation angekündigt."),
        ("de", "Wir haben uns am Wochenende mit unseren Freunden im Garten getroffen."),
        ("fr", "Le gouvernement a annoncé aujourd'hui de nouvelles mesures contre l'inflation."),
        ("fr", "Nous sommes allés au marché ce matin pour acheter des légumes frais."),
        ("es", "El gobierno anunció hoy nuevas medidas para reducir la inflación."),
        ("es", "Mañana vamos a visitar a mis abuelos que viven en el campo."),
        ("it", "Il governo ha annunciato oggi nuove misure contro l'inflazione."),
        ("it", "Ieri sera siamo andati al ristorante con i nostri amici."),
        ("pt", "O governo anunciou hoje novas medidas para reduzir a inflação."),
        ("pt", "Ontem à noite fomos jantar com os nossos amigos no centro da cidade."),
        ("nl", "De regering heeft vandaag nieuwe maatregelen tegen de inflatie aangekondigd."),
        ("nl", "Gisteren zijn we met de fiets naar het strand gegaan."),
        ("pl", "Rząd ogłosił dzisiaj nowe środki w walce z inflacją."),
        ("pl", "Wczoraj wieczorem poszliśmy z przyjaciółmi do kina."),
        ("cs", "Vláda dnes oznámila nová opatření proti inflaci."),
        ("cs", "Včera večer jsme byli s přáteli v kině na novém filmu."),
        ("sv", "Regeringen meddelade i dag nya åtgärder mot inflationen."),
        ("sv", "Vi åkte till landet i helgen och badade i sjön."),
        ("fi", "Hallitus ilmoitti tänään uusista toimista inflaation hillitsemiseksi."),
        ("fi", "Kävimme eilen illalla ystävien kanssa elokuvissa."),
        ("hu", "A kormány ma új intézkedéseket jelentett be az infláció ellen."),
        ("hu", "Tegnap este a barátainkkal moziba mentünk."),
        ("ru", "Правительство сегодня объявило о новых мерах по борьбе с инфляцией."),
        ("ru", "Вчера вечером мы ходили в кино с друзьями."),
        ("uk", "Уряд сьогодні оголосив про нові заходи щодо боротьби з інфляцією."),
        ("uk", "Вчора ввечері ми ходили з друзями до кіно і їли морозиво."),
        ("tr", "Hükümet bugün enflasyonla mücadele için yeni önlemler açıkladı."),
        ("tr", "Dün akşam arkadaşlarımızla birlikte sinemaya gittik."),
        ("el", "Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα κατά του πληθωρισμού."),
        ("el", "Χθες το βράδυ πήγαμε στο σινεμά με τους φίλους μας."),
        ("ar", "أعلنت الحكومة اليوم عن إجراءات جديدة لمكافحة التضخم."),
        ("ar", "ذهبنا أمس إلى السينما مع أصدقائنا."),
        ("he", "הממשלה הודיעה היום על צעדים חדשים נגד האינפלציה."),
        ("he", "אתמול בערב הלכנו לקולנוע עם חברים."),
        ("ja", "政府は本日、インフレ対策の新たな措置を発表した。"),
        ("ja", "昨日の夜、友達と一緒に映画を見に行きました。"),
        ("zh", "政府今天宣布了应对通货膨胀的新措施。"),
        ("zh", "昨天晚上我和朋友们一起去看电影。"),
        ("ko", "정부는 오늘 인플레이션에 대응하기 위한 새로운 조치를 발표했다."),
        ("ko", "어제 저녁에 친구들과 함께 영화를 보러 갔습니다."),
        ("th", "รัฐบาลประกาศมาตรการใหม่เพื่อรับมือกับเงินเฟ้อในวันนี้"),
        ("th", "เมื่อวานนี้เราไปดูหนังกับเพื่อน"),
        ("hy", "Կառավարությունն այսօր հայտարարեց նոր միջոցառումների մասին։"),
        ("hy", "Երեկ երեկոյան մենք ընկերների հետ կինո գնացինք։"),
        ("ka", "მთავრობამ დღეს ინფლაციის წინააღმდეგ ახალი ზომები გამოაცხადა."),
        ("ka", "გუშინ საღამოს მეგობრებთან ერთად კინოში წავედით."),
        ("hi", "सरकार ने आज महंगाई से निपटने के लिए नए उपायों की घोषणा की।"),
        ("hi", "कल शाम हम अपने दोस्तों के साथ फिल्म देखने गए थे।"),
        ("vi", "Chính phủ hôm nay đã công bố các biện pháp mới để chống lạm phát."),
        ("vi", "Tối hôm qua chúng tôi đã đi xem phim với bạn bè."),
        ("id", "Pemerintah hari ini mengumumkan langkah-langkah baru untuk mengatasi inflasi."),
        ("id", "Kemarin malam kami pergi menonton film bersama teman-teman."),
        ("ca", "El govern ha anunciat avui noves mesures per reduir la inflació."),
        ("ca", "Ahir a la nit vam anar al cinema amb els nostres amics."),
        ("ro", "Guvernul a anunțat astăzi noi măsuri împotriva inflației."),
        ("ro", "Aseară am mers la cinema cu prietenii noștri."),
        ("da", "Regeringen har i dag bebudet nye tiltag mod inflationen, og det glæder økonomerne."),
        ("da", "Vi tog ud til stranden i weekenden sammen med vores børn og hunden."),
    ]

    @Test(arguments: table)
    func identifiesLanguage(_ expected: String, _ text: String) {
        #expect(Self.identifier.identify(text).language == expected, "\(text)")
    }

    @Test func undeterminedOnlyWithoutLetters() {
        #expect(Self.identifier.identify("").language == "und")
        #expect(Self.identifier.identify("").score == 0)
        #expect(Self.identifier.identify("12345 67 890 — 2024-07-08").language == "und")
        #expect(Self.identifier.identify("   \n\n ").language == "und")
        // Short text gets a real answer; its score says how sure that is.
        let short = Self.identifier.identify("ok")
        #expect(short.language != "und")
        #expect(short.score > 0 && short.score < 0.9)
    }

    /// Vowel signs (Mn/Mc) are letters: a Hindi word pair has enough letters and gets `hi`.
    @Test func marksCountAsLetters() {
        #expect(Self.identifier.identify("मैं आज बाज़ार जा रहा हूँ").language == "hi")
        #expect(Self.identifier.identify("नहीं है").language == "hi")
        // Marks alone, with no letter of a known script: nothing to go on.
        #expect(Self.identifier.identify("\u{0301}\u{0308}").language == "und")
    }

    /// Single words of close languages get their own language.
    @Test(arguments: [("hr", "tjedan"), ("bs", "sedmica"), ("sk", "ktorý"), ("cs", "řekl"), ("nn", "ikkje"),
                      ("ca", "també"), ("pt", "não"), ("es", "también"), ("id", "pemerintah"), ("ms", "kerajaan")])
    func singleWords(_ expected: String, _ word: String) {
        #expect(Self.identifier.identify(word).language == expected, "\(word)")
    }

    /// Close standards whose n-grams are nearly the same: a word only one of them writes
    /// decides (``StandardMarkers``), in both directions of each pair.
    @Test(arguments: [
        ("nn", "Eg veit ikkje kva dei skal gjere med huset no."),
        ("nb", "Hun fikk ikke vite noe om det som skjedde i går."),
        ("da", "Hvad siger du til at vi tager af sted nu efter frokost?"),
        ("bs", "Više od dvije hiljade ljudi došlo je prošle sedmice na koncert u Sarajevu."),
        ("hr", "Više od dvije tisuće ljudi došlo je prošlog tjedna na koncert u Zagrebu."),
        ("ms", "Menteri berkata bahawa kerajaan akan membantu syarikat kecil tahun ini."),
        ("id", "Menteri mengatakan bahwa pemerintah akan membantu perusahaan kecil karena krisis."),
        // The spelling decides where the n-grams alone read the other standard.
        ("ms", "Presiden berkata bahawa pemerintah akan memberikan bantuan kepada rakyat yang terdampak."),
        ("id", "Kementerian menyatakan bahwa kerajaan akan membantu rakyat di kawasan luar bandar."),
        // Words two members write rule out the third: `en` is Bokmål or Danish, not Nynorsk,
        // and of those two the n-grams choose.
        ("nb", "Kurset er utarbeidet i samarbeid med næringen for å sikre en felles standard."),
        ("nb", "Bygda har en lang historie med fiske og jordbruk langs fjorden."),
        // Function words of close languages; Galician's `unha`, `goberno` decide where the
        // n-grams alone read Portuguese.
        ("gl", "O goberno aprobou unha nova lei co apoio dos partidos."),
        ("pt", "O governo aprovou uma nova lei com o apoio dos partidos."),
        ("ca", "El govern ha aprovat una nova llei amb el suport dels partits."),
        ("es", "El gobierno ha aprobado una nueva ley con el apoyo de los partidos."),
        ("cs", "Minulý týden jsme byli na horách a počasí bylo krásné."),
        ("sk", "Minulý týždeň sme boli na horách a počasie bolo krásne."),
        ("hi", "सरकार ने नई योजना की घोषणा की है।"),
        ("mr", "सरकारने नवीन योजनेची घोषणा केली आहे."),
        // Serbian in Latin letters: the model's Serbian n-grams are Cyrillic, its ekavian words
        // (`pre`, `vreme`, `deca`) rule Bosnian and Croatian out.
        ("sr", "Pre dve nedelje deca su se vratila kući, a vreme je bilo lepo."),
        ("bs", "Prije dvije sedmice djeca su se vratila kući, a vrijeme je bilo lijepo."),
        ("sr", "Пре две недеље деца су се вратила кући, а време је било лепо."),
    ])
    func closeStandardsByMarkerWords(_ expected: String, _ text: String) {
        let a = Self.identifier.analyze(text, alternatives: 3)
        #expect(a.language == expected, "\(text)")
        #expect(a.score > 0 && a.score <= 1)
        #expect(a.alternatives.first?.language == expected)
        // Shares stay shares: the decided language's, in order, at most 1 together.
        #expect(a.alternatives.reduce(0) { $0 + $1.score } <= 1.0001)
        #expect(zip(a.alternatives.dropFirst(), a.alternatives.dropFirst(2)).allSatisfy { $0.score >= $1.score })
    }

    /// A Croatian word quoted in Cyrillic Serbian text does not make it Croatian: Croatian
    /// has no Cyrillic n-grams, and only Serbian is written in both scripts.
    @Test func latinMarkerInCyrillicTextKeepsSerbian() {
        let a = Self.identifier.analyze("Хрватски лист пише „tisuća“ уместо „хиљада“, и то је све што знамо о томе.", alternatives: 3)
        #expect(a.language == "sr")
        #expect(a.alternatives.first?.language == "sr")
    }

    /// Markers of two members of a group in like numbers decide nothing: the n-grams do, and
    /// the answer stays in the group.
    @Test func mixedMarkersLeaveTheNgramsChoice() {
        let text = "Eg veit ikkje, sa hun, men noe er galt."
        let a = Self.identifier.analyze(text)
        #expect(["nb", "nn", "da"].contains(a.language))
    }

    /// In a Bosnian document, a paragraph the n-grams read as Croatian is not a span unless
    /// its words say so.
    @Test func closeStandardSpansNeedMarkers() {
        let bosnian = """
            Vijeće ministara je na današnjoj sjednici usvojilo prijedlog budžeta za narednu godinu, a ministri su rekli da će plate u javnom sektoru biti povećane.
            Prema podacima zavoda za statistiku, prosječna plata u decembru iznosila je nešto više od hiljadu konvertibilnih maraka.
            Sindikati traže da se plate povećaju za najmanje deset posto i najavljuju proteste ukoliko vlada ne prihvati njihove zahtjeve.
            """
        let plain = bosnian + "\nVlada je u ponedjeljak raspravljala o prijedlogu zakona o porezu na dobit i o mjerama za poduzetnike."
        let marked = bosnian + "\nU siječnju je više od tisuću poduzetnika u Zagrebu tražilo pomoć, a tko je ostao bez posla dobio je potporu."
        let a = Self.identifier.analyze(plain, spanMinLetters: 50)
        #expect(a.language == "bs")
        #expect(a.spans.isEmpty)
        let b = Self.identifier.analyze(marked, spanMinLetters: 50)
        #expect(b.language == "bs")
        #expect(b.spans.map(\.language) == ["hr"])
    }

    /// Fuzz finding (`language`, Bokmål-settled document): marker words chose `nb` over
    /// n-grams that put another language far ahead, and the alternatives' odds, taken relative
    /// to the decided language, overflowed to NaN. They are now taken relative to the best.
    @Test func alternativesAfterMarkersFarBehindStayFinite() {
        let hex = [
            "1ef098ccd1ffffffffffffffffffffffffffffffff00756b3a20d0a3d180d177898888888888887f7777777777777777",
            "77777773777777777777777777777777777777777777777777777777777777776e777777777777d0be77777777777777",
            "777777777777777777777777d0be777777777777777777777777777777777777777777777777777777777777d0be7777",
            "777777777777777777777777777777777777777777777777737777776677777777777777777777777777777777777777",
            "777777777777777777737777777777776677777777777777777777777777777777feffd19077ffffff77777777777777",
            "737777776677777777777777777777777777777777777777777777777777777777737777776677777777777777777777",
            "777777777777777777feffd19077ffffffffffffffffffffffffffffffffffbe77777777777777777777777777777777",
            "777777d0be777777777777777777777777777777777777777777777777777777777777d0be7777777777777777777777",
            "77777777777777777777777777777773777777667777777777777777777777777777777777777777ffffffffffff7777",
            "7777777777777777777777777777ffffffffffffffffffffffffffffbe77777777777777777777777777777777777777",
            "d0be777777777777777777777777777777777777777777777777777777777777d0be7777777777777777777777777777",
            "777777777777777777777777737777776677777777777777777777777777777777777777ffbe77777777777777777777",
            "777777777777777777d0be777777777777777777777777777777777777777777777777777777777777d0be7777777777",
            "77777777777777777777777777777777777777777773777777667777777777777777777777777777777777777777ffff",
            "ffffffff777777777777777777777777777777777777777777d0be7777777777ffffffffffff77777777777777777777",
            "7777777777777777777777d0be7777777777777777777777777777777777777777777777777777737777776677777777",
            "777777777777777777777777777777feffd19077ffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "777777ffffffffffffffffff77777777777777ffffffffffffffffffffff777777ffffffffffffffffff777777777777",
            "7777d0bed182d0b5ffffffffffffffd181d182ffd182d0b5ff91d181d1822c83d1942e",
        ].joined()
        var bytes: [UInt8] = []
        var i = hex.startIndex
        while i < hex.endIndex {
            let j = hex.index(i, offsetBy: 2)
            bytes.append(UInt8(hex[i..<j], radix: 16)!)
            i = j
        }
        let text = """
            Kommunestyret møttes mandag for å diskutere budsjettet for neste år, og mye av tiden gikk med til skolene.
            Ordføreren sier at ingen skoler blir lagt ned uten at innbyggerne får si noe først, og at saken ble utsatt.

            """ + String(decoding: bytes.dropFirst(), as: UTF8.self)
        let a = Self.identifier.analyze(text, spanMinLetters: 100, alternatives: 3)
        #expect(a.language == "nb")
        #expect(a.alternatives.first == LanguageScore(language: a.language, score: a.score))
        #expect(a.alternatives.allSatisfy { $0.score.isFinite && $0.score >= 0 })
        #expect(zip(a.alternatives, a.alternatives.dropFirst()).allSatisfy { $1.score <= $0.score + 1e-9 })
        #expect(a.alternatives.reduce(0) { $0 + $1.score } <= 1 + 1e-9)
        #expect(a.alternatives.map(\.language) == ["nb", "mt", "nl"])
    }

    @Test func modelCoversRequiredLanguages() {
        let langs = Set(Self.identifier.model.languages)
        let eu = ["bg", "hr", "cs", "da", "nl", "en", "et", "fi", "fr", "de", "hu", "ga", "it", "lv", "lt",
                  "mt", "pl", "pt", "ro", "sk", "sl", "es", "sv"]
        let more = ["ru", "uk", "be", "tr", "az", "kk", "ar", "fa", "ur", "hi", "mr", "vi", "id", "ms", "sw",
                    "ca", "eu", "gl", "sr", "bs", "mk", "sq"]
        for code in eu + more { #expect(langs.contains(code), "\(code)") }
        #expect(langs.count == 77)
    }

    @Test func spansOfAnotherLanguage() {
        let text = """
            The city council met on Tuesday to discuss the new budget for public transport and schools.
            El alcalde dijo que el presupuesto para el transporte público aumentará un diez por ciento el próximo año, según el informe de la comisión.
            Council members will vote on the final proposal next month after a public consultation.
            Residents who want to comment can write to the council or speak at the meeting in the town hall.
            """
        let a = Self.identifier.analyze(text)
        #expect(a.language == "en")
        #expect(a.spans.count == 1)
        let span = a.spans[0]
        #expect(span.language == "es")
        #expect(span.start == 92)
        #expect(span.end == 231)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])).hasPrefix("El alcalde"))
        #expect(Self.identifier.spans(text, minLetters: 1000).isEmpty)
        #expect(Self.identifier.analyze(text, spanMinLetters: nil).spans.isEmpty)
    }

    /// Once a document is settled, its paragraphs stop early when they agree with it and short
    /// ones are only counted; a paragraph of a neighbouring language is still a span, at the
    /// right offsets, and the answers equal those of the identifier without the settled stop.
    @Test func settledDocumentKeepsSpans() {
        let spanish = """
            El ayuntamiento aprobó ayer el presupuesto del próximo año con los votos de todos los grupos municipales.
            La partida más grande se destinará a las escuelas públicas y al mantenimiento de las calles del centro.
            Los vecinos podrán presentar sus propuestas hasta el final del mes en la oficina de atención ciudadana.
            """
        let text = spanish + """

            Muito obrigado.
            Mariana Silva, presidente da associação de moradores, disse que a prefeitura vai investir muito mais dinheiro nas escolas e nos hospitais.
            El alcalde recordó que las obras de la plaza mayor comenzarán en primavera si el tiempo lo permite.
            """
        var unsettled = Self.identifier
        unsettled.settleMargin = 0
        let a = Self.identifier.analyze(text)
        #expect(a.language == "es")
        #expect(a.spans.map(\.language) == ["pt"])
        let scalars = Array(text.unicodeScalars)
        let span = a.spans[0]
        #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])).hasPrefix("Mariana Silva"))
        #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])).hasSuffix("hospitais."))
        let b = unsettled.analyze(text)
        #expect(b.language == a.language)
        #expect(b.spans.map { [$0.start, $0.end] } == a.spans.map { [$0.start, $0.end] })
        // Without spans, a settled document's remaining paragraphs are only counted.
        #expect(Self.identifier.identify(text).language == "es")
    }

    /// A document that settles on one language and ends in another: its first paragraphs,
    /// whose scores were left out while they agreed with the settled language, become spans
    /// with real scores (the text is scanned again), at the offsets found without the settled
    /// stop.
    @Test func documentThatTurnsAfterSettling() {
        let english = """
            The council approved the budget for next year with the votes of every group on Tuesday evening, after a long debate about the price of housing in the city.
            Most of the money will go to the public schools and to the repair of the streets and bridges in the old town, which were damaged by the floods last winter.
            Residents may send their proposals until the end of the month to the office at the town hall, or by letter to the mayor, who has promised to read all of them.
            """
        let german = (1...6).map { _ in
            "Der Gemeinderat hat am Dienstagabend den Haushalt für das kommende Jahr mit den Stimmen aller Fraktionen beschlossen, und die Bürger können ihre Vorschläge bis zum Ende des Monats im Rathaus einreichen."
        }.joined(separator: "\n")
        let text = english + "\n" + german
        var unsettled = Self.identifier
        unsettled.settleMargin = 0
        let a = Self.identifier.analyze(text)
        let b = unsettled.analyze(text)
        #expect(a.language == "de")
        #expect(a.spans.map(\.language) == ["en"])
        #expect(a.spans.map { [$0.start, $0.end] } == [[0, english.unicodeScalars.count]])
        #expect(a.spans.allSatisfy { !$0.score.isNaN && $0.score >= 0.9 })
        #expect(a.spans.map { [$0.start, $0.end] } == b.spans.map { [$0.start, $0.end] })
    }

    @Test func deterministic() {
        let text = "Die Regierung hat heute neue Maßnahmen gegen die Inflation angekündigt."
        let first = Self.identifier.analyze(text)
        for _ in 0..<5 { #expect(Self.identifier.analyze(text) == first) }
        #expect(first.language == "de")
        #expect(first.score > 0.99)
    }

    /// Words are scored through a per-thread cache (words of up to 16 letters) or letter by
    /// letter (longer ones); a word's scores must not depend on which path or on what came first.
    @Test func wordCacheKeepsScores() {
        let long = "Donaudampfschifffahrtsgesellschaftskapitän und Rechtsschutzversicherungsgesellschaften"
        let text = "Die Regierung hat heute neue Maßnahmen angekündigt. \(long)\nDie Regierung hat heute."
        let first = Self.identifier.analyze(text, spanMinLetters: 10)
        // Warm the cache with other words in the same slots, then with the text's own words.
        _ = Self.identifier.analyze(String(repeating: "The government announced new measures today. ", count: 50))
        for _ in 0..<3 { #expect(Self.identifier.analyze(text, spanMinLetters: 10) == first) }
        #expect(first.language == "de")
        // Paragraph scores add up to the document's: one paragraph alone scores as the whole.
        #expect(Self.identifier.identify(long).language == Self.identifier.identify(long + "\n").language)
    }

    /// A word is scored one word late (its cache entry prefetched meanwhile), and a word the
    /// cache lacks has its n-grams prefetched before any is read: with every letter scored, a
    /// text's scores are the same whether its words share a line (the lag carries a word
    /// across the next one) or each ends a paragraph (every line end scores what waits), and
    /// whatever the cache held, also for a word repeated right after itself.
    @Test func scoresDoNotDependOnWhenAWordIsScored() {
        var exact = Self.identifier
        exact.earlyStopLetters = 0
        let words = ["Haus", "Haus", "Maus", "Haus", "und", "und", "Maus", "Gartenhaus", "Gartenhaus",
                     "Straßenbahnhaltestellen", "Haus", "ja", "ja", "ja"]
        let oneLine = exact.analyze(words.joined(separator: " "), spanMinLetters: nil, alternatives: 5)
        let lines = exact.analyze(words.joined(separator: "\n"), spanMinLetters: nil, alternatives: 5)
        #expect(oneLine.alternatives.count == 5)
        #expect(oneLine == lines)
        _ = exact.analyze(String(repeating: "Maus Gartenhaus the mouse ", count: 40))
        #expect(exact.analyze(words.joined(separator: " "), spanMinLetters: nil, alternatives: 5) == oneLine)
        #expect(exact.analyze(words.reversed().joined(separator: " "), spanMinLetters: nil, alternatives: 5) == oneLine)
    }

    /// The three likeliest languages, best first, the first being the decided one; scores of
    /// a close pair share the probability.
    @Test func alternatives() {
        let a = Self.identifier.analyze("Vlada je danas objavila nove mjere protiv inflacije.", alternatives: 3)
        #expect(a.alternatives.count == 3)
        #expect(a.alternatives.first == LanguageScore(language: a.language, score: a.score))
        #expect(Set(a.alternatives.map(\.language)).isSuperset(of: ["hr", "bs"]))
        #expect(a.alternatives[0].score >= a.alternatives[1].score && a.alternatives[1].score >= a.alternatives[2].score)
        #expect(a.alternatives.reduce(0) { $0 + $1.score } <= 1.0001)
        // Decided by its script alone: one entry. No letters: none.
        #expect(Self.identifier.analyze("Καλημέρα σας", alternatives: 3).alternatives.map(\.language) == ["el"])
        #expect(Self.identifier.analyze("12 34", alternatives: 3).alternatives.isEmpty)
        #expect(Self.identifier.analyze("Guten Morgen").alternatives.isEmpty)
    }

    @Test func stageWritesAlternatives() throws {
        var batch = Batch(sequence: 0, records: [
            Record(idJSON: Array("\"a\"".utf8), text: "Wir haben uns am Wochenende im Garten getroffen.",
                   origin: Origin(file: "f", line: 1)),
        ])
        var stats = StageStats()
        LanguageStage(alternatives: 3).process(&batch, stats: &stats)
        let alternatives = try #require(batch.records[0].langAlternatives)
        #expect(alternatives.count == 3)
        #expect(alternatives[0].language == "de")
        var plain = batch
        plain.records[0].langAlternatives = nil
        LanguageStage().process(&plain, stats: &stats)
        #expect(plain.records[0].langAlternatives == nil)
    }

    @Test func rejectsBadModels() {
        #expect(throws: LanguageModel.FormatError.badMagic) { try LanguageModel(bytes: [1, 2, 3, 4, 5, 6, 7, 8]) }
        #expect(throws: LanguageModel.FormatError.unsupportedVersion(1)) {
            try LanguageModel(bytes: Array("SLID".utf8) + [1, 0, 0, 0, 3, 0])
        }
        #expect(throws: LanguageModel.FormatError.truncated) {
            try LanguageModel(bytes: Array("SLID".utf8) + [2, 0, 0, 0, 3, 0])
        }
        let invalid = LanguageModel.FormatError.invalid("bad n-gram entry or posting")
        // A language named twice in one n-gram's list.
        #expect(throws: invalid) { try LanguageModel(bytes: Self.tinyModel([(0x61, [(0, 10), (0, 20)])])) }
        // Two n-grams with one hash (a hash difference of 0).
        #expect(throws: invalid) { try LanguageModel(bytes: Self.tinyModel([(0x61, [(0, 10)]), (0x61, [(1, 10)])])) }
        // A language number beyond the model's languages.
        #expect(throws: invalid) { try LanguageModel(bytes: Self.tinyModel([(0x61, [(5, 10)])])) }
    }

    /// The bytes of a format-2 model of three Latin-script languages (xa, xb, xc) and the letters
    /// a, b, c (A, B, C upper case), with the n-grams given as (hash, [(language, value)]).
    static func tinyModel(_ grams: [(UInt32, [(UInt8, UInt8)])]) -> [UInt8] {
        func u32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)] }
        var b = Array("SLID".utf8) + u32(2) + u32(3)
        for code in ["xa", "xb", "xc"] { b += [2] + Array(code.utf8) + u32(1) + [0] }
        b += u32(6)
        for (cp, lo) in [(0x41, 0x61), (0x42, 0x62), (0x43, 0x63), (0x61, 0x61), (0x62, 0x62), (0x63, 0x63)] as [(UInt32, UInt32)] {
            b += u32(cp) + u32(lo)
        }
        b += u32(UInt32(grams.count)) + u32(UInt32(grams.reduce(0) { $0 + $1.1.count }))
        var previous: UInt32 = 0
        for (h, _) in grams {
            var d = h &- previous
            previous = h
            while d >= 0x80 { b.append(UInt8(d & 0x7F) | 0x80); d >>= 7 }
            b.append(UInt8(d))
        }
        for (_, list) in grams {
            for (k, (lang, value)) in list.enumerated() { b += [lang | (k == list.count - 1 ? 0x80 : 0), value] }
        }
        return b
    }

    /// The hash of an n-gram as build_model.py computes it (FNV-1a, right to left, folded, 26 bits).
    static func gramHash(_ gram: String) -> UInt32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for s in gram.unicodeScalars.reversed() { h = (h ^ UInt64(s.value)) &* 0x100_0000_01b3 }
        let k = UInt32(truncatingIfNeeded: h ^ (h >> 32)) & 0x3FF_FFFF
        return k == 0 ? 1 : k
    }

    /// Format 2: an n-gram's one or two postings inline in its slot, longer lists apart; every
    /// kind scores. Scores are exact sums of the stored values (tenths of a nat, five orders).
    @Test func formatTwoScoresEveryListKind() throws {
        // a: xa only; b: xa and xb; c: all three; "ab": xb only.
        var grams: [(UInt32, [(UInt8, UInt8)])] = [
            (Self.gramHash("a"), [(0, 100)]), (Self.gramHash("b"), [(0, 10), (1, 30)]),
            (Self.gramHash("c"), [(0, 5), (1, 6), (2, 50)]), (Self.gramHash("ab"), [(1, 200)]),
        ]
        grams.sort { $0.0 < $1.0 }
        let id = LanguageIdentifier(model: try LanguageModel(bytes: Self.tinyModel(grams)))
        #expect(id.model.languages == ["xa", "xb", "xc"])
        // "a a a": 300 for xa, nothing else: xa by e^(300 / 50).
        let a = id.analyze("a a a", alternatives: 3)
        #expect(a.language == "xa")
        #expect(a.alternatives.map(\.language) == ["xa", "xb", "xc"])
        // "ab": xa 100 + 10, xb 30 + 200.
        #expect(id.identify("AB").language == "xb")
        // "c c": the three-posting list: xc 100, xa 10, xb 12.
        let c = id.analyze("c c", alternatives: 3)
        #expect(c.language == "xc")
        #expect(c.alternatives.map(\.language) == ["xc", "xb", "xa"])
        let expected = 1 / (1 + exp(-88.0 / 50) + exp(-90.0 / 50))
        #expect(abs(c.score - expected) < 1e-9)
    }

    @Test func rebaseKeepsTheLeadersDifferences() {
        var lanes: [Int32] = [10, 5000, 9000]
        lanes.withUnsafeMutableBufferPointer { LanguageIdentifier.rebase($0, top: 9000, ceiling: 4096) }
        #expect(lanes == [0, 0, 2048])
        var close: [Int32] = [7000, 9000, 8999]
        close.withUnsafeMutableBufferPointer { LanguageIdentifier.rebase($0, top: 9000, ceiling: 4096) }
        #expect(close == [48, 2048, 2047])
    }

    /// Scores are Int32 sums; 40 million letters of English once overflowed them. With the
    /// ceiling lowered so that the lanes are lowered many times over a short text (and in a
    /// word too long for the cache), every answer is the one of the default ceiling.
    @Test func loweredScoreCeilingChangesNoAnswer() {
        let exact = Self.identifier
        var often = Self.identifier
        often.scoreCeiling = 1 << 14
        let en = "The committee met on Tuesday to discuss the budget. Members raised concerns about rising costs."
        let de = "Die Regierung hat heute neue Maßnahmen gegen die Inflation angekündigt, sagte der Sprecher am Abend. "
            + "Die Opposition kritisierte die Pläne als zu spät und zu zaghaft."
        let es = "El gobierno anunció hoy nuevas medidas para reducir la inflación durante los próximos meses del año."
        let texts = [
            Array(repeating: en, count: 40).joined(separator: "\n\n") + "\n" + de + "\n" + en,
            Array(repeating: [en, es, en].joined(separator: "\n"), count: 15).joined(separator: "\n"),
            String(repeating: "abcdefghij", count: 7_000) + " " + en,
            String(repeating: en + " ", count: 60),
        ]
        for text in texts {
            let a = exact.analyze(text, alternatives: 3)
            let b = often.analyze(text, alternatives: 3)
            #expect(a.language == b.language)
            #expect(a.score == b.score)
            #expect(a.spans == b.spans)
            // Languages held at 0 tie; their shares are 0 either way.
            let likely = { (x: LanguageAnalysis) in x.alternatives.filter { $0.score > 1e-12 } }
            #expect(likely(a).map(\.language) == likely(b).map(\.language))
            #expect(likely(a).map(\.score) == likely(b).map(\.score))
        }
        #expect(often.analyze(texts[0]).language == "en")
        #expect(often.analyze(texts[0]).spans.map(\.language) == ["de"])
    }

    @Test func stageSetsLangAndSpans() {
        var batch = Batch(sequence: 0, records: [
            Record(idJSON: Array("\"a\"".utf8), text: "Wir haben uns am Wochenende mit unseren Freunden im Garten getroffen.",
                   origin: Origin(file: "f", line: 1)),
            Record(idJSON: Array("\"b\"".utf8), text: "42", origin: Origin(file: "f", line: 2)),
        ])
        var stats = StageStats()
        LanguageStage().process(&batch, stats: &stats)
        #expect(batch.records[0].lang == "de")
        #expect(batch.records[1].lang == "und")
        #expect(batch.records[1].langScore == 0)
        #expect(stats.records == 2)
    }

    /// A declared tag names the model's languages by its primary subtag, deprecated codes as
    /// their successors, macrolanguage codes as all their members.
    @Test func hintedLanguagesOfTags() {
        let id = Self.identifier
        func codes(_ tag: String) -> [String] { id.hintedLanguages(tag).map { id.model.languages[$0] } }
        #expect(codes("en-GB") == ["en"])
        #expect(codes("DE_at") == ["de"])
        #expect(codes("pt-BR") == ["pt"])
        #expect(codes("iw") == ["he"])
        #expect(codes("in-ID") == ["id"])
        #expect(codes("no") == ["nb", "nn"])
        #expect(codes("sh") == ["bs", "hr", "sr"])
        #expect(codes("x-klingon").isEmpty)
        #expect(codes("").isEmpty)
        #expect(codes("en1").isEmpty)
        #expect(codes("tlh").isEmpty)
    }

    /// The declared language settles text its neighbours also write, and does not outweigh
    /// text that says otherwise (a template's default `en`, a neighbour's distinct spelling).
    @Test func hintDecidesOnlyCloseCalls() {
        let id = Self.identifier
        let neutral = "Jučer smo s prijateljima bili u kinu."
        #expect(id.analyze(neutral).language == "hr")
        #expect(id.analyze(neutral, hint: "bs").language == "bs")
        #expect(id.analyze(neutral, hint: "hr-HR").language == "hr")
        #expect(id.analyze(neutral, hint: "en-US").language == "hr")
        #expect(id.analyze(neutral, hint: "en-US").score == id.analyze(neutral).score)
        let norwegian = "Vi var på kino i går kveld med venner."
        #expect(id.analyze(norwegian).language == "nb")
        #expect(id.analyze(norwegian, hint: "nn").language == "nn")
        // `no` raises both written standards alike.
        #expect(id.analyze(norwegian, hint: "no").language == "nb")
        // Indonesian spellings outweigh a Malay declaration.
        #expect(id.analyze("Pemerintah mengumumkan langkah baru hari ini untuk menekan inflasi.", hint: "ms").language == "id")
        let english = "The government announced new measures to reduce inflation over the coming months."
        #expect(id.analyze(english, hint: "de").language == "en")
        // A paragraph is decided on its own: the hint is the document's prior only.
        let mixed = "Die Regierung hat heute neue Maßnahmen gegen die Inflation angekündigt, sagte der Sprecher am Montag in Berlin vor der Presse.\n"
            + "The government announced new measures to reduce inflation over the coming months, the spokesman said on Monday."
        #expect(id.analyze(mixed, spanMinLetters: 50, hint: "de").spans == id.analyze(mixed, spanMinLetters: 50).spans)
    }

    /// The stage reads the page's declaration from `attributes.html.lang_hint`, and counts it.
    @Test func stageUsesTheDeclaredLanguage() {
        var record = Record(idJSON: Array("\"a\"".utf8), text: "Jučer smo s prijateljima bili u kinu.", origin: Origin(file: "f", line: 1))
        record.setAttributes("html", .object([(key: "lang_hint", value: .string("bs-BA"))]))
        var batch = Batch(sequence: 0, records: [record])
        var stats = StageStats()
        LanguageStage().process(&batch, stats: &stats)
        #expect(batch.records[0].lang == "bs")
        #expect(stats.counters.values["lang_hints"] == 1)
        var off = Batch(sequence: 0, records: [record])
        var offStats = StageStats()
        LanguageStage(htmlLangHint: false).process(&off, stats: &offStats)
        #expect(off.records[0].lang == "hr")
        #expect(offStats.counters.values["lang_hints"] == nil)
        #expect(LanguageStage().fingerprint != LanguageStage(htmlLangHint: false).fingerprint)
    }
}
