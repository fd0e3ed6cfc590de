// Sentence-splitting cases, written by hand for Sluice (not taken from any other project's
// test suite). Each case is a language code, an input and the exact expected sentences.

struct SplitCase: Sendable, CustomStringConvertible {
    let lang: String
    let text: String
    let expected: [String]
    let note: String

    init(_ lang: String, _ text: String, _ expected: [String], _ note: String = "") {
        self.lang = lang
        self.text = text
        self.expected = expected
        self.note = note
    }

    var description: String { "[\(lang)] \(note.isEmpty ? String(text.prefix(40)) : note)" }
}

enum SplitCases {
    static let all: [SplitCase] = basics + english + german + french + spanish + italian + portuguese + dutch + generic

    // MARK: language-independent rules (run in English)

    static let basics: [SplitCase] = [
        SplitCase("en", "", [], "empty"),
        SplitCase("en", "   \n\n  \t ", [], "only whitespace"),
        SplitCase("en", "One sentence.", ["One sentence."]),
        SplitCase("en", "No terminator at all", ["No terminator at all"]),
        SplitCase("en", "First one. Second one.", ["First one.", "Second one."]),
        SplitCase("en", "  Padded.   Both sides.  ", ["Padded.", "Both sides."], "trim"),
        SplitCase("en", "Is it? Yes! Fine.", ["Is it?", "Yes!", "Fine."], "? and !"),
        SplitCase("en", "What?! Really?? Yes!!! Ok.", ["What?!", "Really??", "Yes!!!", "Ok."], "runs"),
        SplitCase("en", "Headline here\nBy Jane Doe\nThe story starts.", ["Headline here", "By Jane Doe", "The story starts."], "lines"),
        SplitCase("en", "Updated 10:45 GMT\n\nThe market fell.", ["Updated 10:45 GMT", "The market fell."], "timestamp line"),
        SplitCase("en", "a line\r\nanother line\rthird", ["a line", "another line", "third"], "CRLF and CR"),
        SplitCase("en", "one\u{2028}two\u{2029}three", ["one", "two", "three"], "unicode line separators"),
        SplitCase("en", "the sentence continues\non the next line", ["the sentence continues", "on the next line"], "newline always splits"),
        SplitCase("en", "It was late. the end", ["It was late. the end"], "lowercase after dot"),
        SplitCase("en", "He said \"Stop.\" Then he left.", ["He said \"Stop.\"", "Then he left."], "closing quote"),
        SplitCase("en", "He left (quickly.) Then it rained.", ["He left (quickly.)", "Then it rained."], "closing paren"),
        SplitCase("en", "She said ‘no.’ Then she left.", ["She said ‘no.’", "Then she left."], "curly single"),
        SplitCase("en", "He said “Go!” Everyone ran.", ["He said “Go!”", "Everyone ran."], "curly double"),
        SplitCase("en", "He won. \"This is great,\" he said.", ["He won.", "\"This is great,\" he said."], "opening quote start"),
        SplitCase("en", "It ended. (See below.) Next part.", ["It ended.", "(See below.)", "Next part."], "opening bracket start"),
        SplitCase("en", "\"Are you coming?\" she asked.", ["\"Are you coming?\" she asked."], "attribution ?"),
        SplitCase("en", "\"Get out!\" he shouted. She left.", ["\"Get out!\" he shouted.", "She left."], "attribution !"),
        SplitCase("en", "\"Are you coming?\" Nobody answered.", ["\"Are you coming?\"", "Nobody answered."], "quote then capital"),
        SplitCase("en", "Wait... what happened?", ["Wait... what happened?"], "ellipsis lowercase"),
        SplitCase("en", "He waited... Nothing happened.", ["He waited...", "Nothing happened."], "ellipsis capital"),
        SplitCase("en", "He waited… and waited… Then he left.", ["He waited… and waited…", "Then he left."], "unicode ellipsis"),
        SplitCase("en", "It costs 3.14 dollars. Cheap.", ["It costs 3.14 dollars.", "Cheap."], "decimal"),
        SplitCase("en", "Population: 1.000.000 people. Wow.", ["Population: 1.000.000 people.", "Wow."], "thousands"),
        SplitCase("en", "Install v2.0.1 now. It fixes bugs.", ["Install v2.0.1 now.", "It fixes bugs."], "version"),
        SplitCase("en", "The train leaves at 4.55 today. Be there.", ["The train leaves at 4.55 today.", "Be there."], "time"),
        SplitCase("en", "Visit example.com today. It is free.", ["Visit example.com today.", "It is free."], "domain"),
        SplitCase("en", "See www.x.org/a.b for more. Thanks.", ["See www.x.org/a.b for more.", "Thanks."], "url path"),
        SplitCase("en", "Go to https://example.com/a.html?x=1. It works.", ["Go to https://example.com/a.html?x=1.", "It works."], "url query"),
        SplitCase("en", "Mail john.doe@example.com now. Bye.", ["Mail john.doe@example.com now.", "Bye."], "email"),
        SplitCase("en", "Open report.pdf first. Then read notes.txt.", ["Open report.pdf first.", "Then read notes.txt."], "file names"),
        SplitCase("en", "The site is example.org. It loads fast.", ["The site is example.org.", "It loads fast."], "domain at end"),
        SplitCase("en", "1. First item\n2. Second item", ["1. First item", "2. Second item"], "numbered list"),
        SplitCase("en", "  3. Indented item here", ["3. Indented item here"], "indented list"),
        SplitCase("en", "a. Apples\nb. Bananas", ["a. Apples", "b. Bananas"], "lettered list"),
        SplitCase("en", "IV. Results and discussion", ["IV. Results and discussion"], "roman list"),
        SplitCase("en", "He was born in 1990. He grew up fast.", ["He was born in 1990.", "He grew up fast."], "year ends sentence"),
        SplitCase("en", "The score was 2. Then it rained.", ["The score was 2.", "Then it rained."], "number ends sentence"),
        SplitCase("en", "He said \"Hi.\nShe left.", ["He said \"Hi.", "She left."], "unmatched quote stays in line"),
        SplitCase("en", "(unclosed bracket. It goes on\nNew line.", ["(unclosed bracket.", "It goes on", "New line."], "unmatched bracket"),
        SplitCase("en", "He said hi.Then left.", ["He said hi.Then left."], "no space no split"),
        SplitCase("en", "First.\tSecond.", ["First.", "Second."], "tab"),
        SplitCase("en", "First.\u{00A0}Second.", ["First.", "Second."], "nbsp"),
        SplitCase("en", "Ok. 42 people came.", ["Ok.", "42 people came."], "digit start"),
        SplitCase("en", "It ended. Это конец. 终于结束了", ["It ended.", "Это конец.", "终于结束了"], "non-Latin start"),
        SplitCase("en", "It is done. Éric agreed.", ["It is done.", "Éric agreed."], "accented capital"),
        SplitCase("en", "It was. — a dash", ["It was. — a dash"], "dash is no start"),
        SplitCase("en", "...", ["..."], "only dots"),
        SplitCase("en", "Hi!\n\n\nBye!", ["Hi!", "Bye!"], "blank lines"),
        SplitCase("en", "Steps: 1. Open it. 2. Close it.", ["Steps: 1. Open it.", "2. Close it."], "inline list"),
        SplitCase("en", "Up 5%. Then down.", ["Up 5%.", "Then down."], "percent"),
        SplitCase("en", "It ended at 10:30. Then we ate.", ["It ended at 10:30.", "Then we ate."], "clock"),
        SplitCase("en", "Why? 3 reasons.", ["Why?", "3 reasons."], "? then digit"),
        SplitCase("en", "Really?!? No way.", ["Really?!?", "No way."], "mixed run"),
        SplitCase("en", "Stop!!! (He meant it.)", ["Stop!!!", "(He meant it.)"], "! then paren"),
        SplitCase("en", "Etc., etc. And so on.", ["Etc., etc.", "And so on."], "etc comma"),
        SplitCase("en", "Its name is \"x.y\". Fine.", ["Its name is \"x.y\".", "Fine."], "quoted dotted"),
        SplitCase("en", "So did I. Then we left.", ["So did I.", "Then we left."], "pronoun I"),
        SplitCase("en", "Read it.\u{3000}Then sleep.", ["Read it.", "Then sleep."], "ideographic space"),
        SplitCase("en", "\u{FEFF}Start here. Go on.", ["Start here.", "Go on."], "BOM trimmed"),
    ]

    // MARK: English

    static let english: [SplitCase] = [
        SplitCase("en", "Mr. Smith went to Washington. He liked it.", ["Mr. Smith went to Washington.", "He liked it."]),
        SplitCase("en", "Mrs. Jones and Dr. Brown met Prof. Lee.", ["Mrs. Jones and Dr. Brown met Prof. Lee."]),
        SplitCase("en", "Ask Dr. The Great. He knows.", ["Ask Dr. The Great.", "He knows."], "title never ends"),
        SplitCase("en", "Ms. Ng lives on St. James Street.", ["Ms. Ng lives on St. James Street."]),
        SplitCase("en", "J. R. R. Tolkien wrote books. They sold well.", ["J. R. R. Tolkien wrote books.", "They sold well."], "initials"),
        SplitCase("en", "George W. Bush spoke. Reporters listened.", ["George W. Bush spoke.", "Reporters listened."], "middle initial"),
        SplitCase("en", "We chose plan B. The others agreed.", ["We chose plan B.", "The others agreed."], "letter then starter"),
        SplitCase("en", "Bring fruit, bread, etc. The rest is optional.", ["Bring fruit, bread, etc.", "The rest is optional."], "etc ends"),
        SplitCase("en", "Bring fruit, bread, etc. and water.", ["Bring fruit, bread, etc. and water."], "etc continues"),
        SplitCase("en", "Fruits, e.g. Apples, are healthy.", ["Fruits, e.g. Apples, are healthy."], "e.g."),
        SplitCase("en", "One thing, i.e. The Plan, matters.", ["One thing, i.e. The Plan, matters."], "i.e."),
        SplitCase("en", "It was Brazil vs. Germany. Germany won.", ["It was Brazil vs. Germany.", "Germany won."], "vs."),
        SplitCase("en", "He moved to the U.S. The weather was better.", ["He moved to the U.S.", "The weather was better."], "U.S. + The"),
        SplitCase("en", "The U.S. Army arrived.", ["The U.S. Army arrived."], "U.S. + noun"),
        SplitCase("en", "She flew to the U.K. It rained.", ["She flew to the U.K.", "It rained."], "U.K. + It"),
        SplitCase("en", "He works at Apple Inc. He likes it.", ["He works at Apple Inc.", "He likes it."], "Inc + He"),
        SplitCase("en", "Apple Inc. Chief Tim Cook spoke.", ["Apple Inc. Chief Tim Cook spoke."], "Inc + noun"),
        SplitCase("en", "They sued Acme Corp. It lost.", ["They sued Acme Corp.", "It lost."], "Corp + It"),
        SplitCase("en", "Acme Corp. Shares rose.", ["Acme Corp.", "Shares rose."], "Corp + Shares"),
        SplitCase("en", "Barclays Ltd. Chairman quit.", ["Barclays Ltd. Chairman quit."], "Ltd + noun"),
        SplitCase("en", "It opens at 9 a.m. The queue is long.", ["It opens at 9 a.m.", "The queue is long."], "a.m. + The"),
        SplitCase("en", "Meet at 5 p.m. Eastern time.", ["Meet at 5 p.m. Eastern time."], "p.m. + noun"),
        SplitCase("en", "It happened on Jan. 5 in Paris.", ["It happened on Jan. 5 in Paris."], "month + number"),
        SplitCase("en", "Sales rose in Sept. The outlook improved.", ["Sales rose in Sept.", "The outlook improved."], "month + The"),
        SplitCase("en", "See Oct. Report for details.", ["See Oct. Report for details."], "month + noun"),
        SplitCase("en", "He lives at No. 10 Downing Street.", ["He lives at No. 10 Downing Street."], "No. + digit"),
        SplitCase("en", "See p. 42 and Fig. 3 for this.", ["See p. 42 and Fig. 3 for this."], "p. Fig."),
        SplitCase("en", "Gen. Patton and Sen. Smith met Gov. Brown.", ["Gen. Patton and Sen. Smith met Gov. Brown."]),
        SplitCase("en", "Lt. Col. Jones saluted Rep. Davis.", ["Lt. Col. Jones saluted Rep. Davis."]),
        SplitCase("en", "Martin Luther King Jr. Day is a holiday.", ["Martin Luther King Jr. Day is a holiday."], "Jr + noun"),
        SplitCase("en", "The winner was John Smith Jr. He was happy.", ["The winner was John Smith Jr.", "He was happy."], "Jr + He"),
        SplitCase("en", "Smith et al. Showed this. We agree.", ["Smith et al. Showed this.", "We agree."], "et al."),
        SplitCase("en", "It was good. It was cheap. It was fast.", ["It was good.", "It was cheap.", "It was fast."]),
        SplitCase("en", "(Mr. Lee agreed.) Others did not.", ["(Mr. Lee agreed.)", "Others did not."], "paren abbreviation"),
        SplitCase("en", "She called it \"nonsense\". Then she laughed.", ["She called it \"nonsense\".", "Then she laughed."], "quote before dot"),
        SplitCase("en", "I met Mr. Smith... Then I left.", ["I met Mr. Smith...", "Then I left."], "abbr then ellipsis"),
        SplitCase("en-GB", "Mr. Brown arrived. He sat.", ["Mr. Brown arrived.", "He sat."], "region code"),
    ]

    // MARK: German

    static let german: [SplitCase] = [
        SplitCase("de", "Das ist gut. Wir gehen heim.", ["Das ist gut.", "Wir gehen heim."]),
        SplitCase("de", "Er kam am 3. Oktober nach Berlin.", ["Er kam am 3. Oktober nach Berlin."], "ordinal month"),
        SplitCase("de", "Am 24. Dez. ist Heiligabend.", ["Am 24. Dez. ist Heiligabend."], "ordinal abbr month"),
        SplitCase("de", "Sie wurde 3. im Rennen.", ["Sie wurde 3. im Rennen."], "ordinal lowercase"),
        SplitCase("de", "Er belegte den 2. Platz. Das war gut.", ["Er belegte den 2. Platz.", "Das war gut."], "ordinal noun"),
        SplitCase("de", "Das war im Jahr 1990. Danach kam die Wende.", ["Das war im Jahr 1990.", "Danach kam die Wende."], "year"),
        SplitCase("de", "Das Ergebnis war 42. Die Leute jubelten.", ["Das Ergebnis war 42.", "Die Leute jubelten."], "number + article"),
        SplitCase("de", "Obst, z.B. Äpfel, ist gesund.", ["Obst, z.B. Äpfel, ist gesund."], "z.B."),
        SplitCase("de", "Obst, z. B. Birnen, ist gesund.", ["Obst, z. B. Birnen, ist gesund."], "z. B. spaced"),
        SplitCase("de", "Äpfel bzw. Birnen sind Obst.", ["Äpfel bzw. Birnen sind Obst."], "bzw."),
        SplitCase("de", "Dr. Müller wohnt in der Hauptstr. 5 in Köln.", ["Dr. Müller wohnt in der Hauptstr. 5 in Köln."], "Dr. and Str."),
        SplitCase("de", "Er wohnt in der Goethe Str. 12.", ["Er wohnt in der Goethe Str. 12."], "Str. + number"),
        SplitCase("de", "Siehe Nr. 7 der Liste.", ["Siehe Nr. 7 der Liste."], "Nr."),
        SplitCase("de", "Äpfel, Birnen usw. Die Kinder aßen alles.", ["Äpfel, Birnen usw.", "Die Kinder aßen alles."], "usw. ends"),
        SplitCase("de", "Es kostet ca. Hundert Euro.", ["Es kostet ca. Hundert Euro."], "ca."),
        SplitCase("de", "Das ist d.h. Unsinn.", ["Das ist d.h. Unsinn."], "d.h."),
        SplitCase("de", "Vgl. Kapitel drei. Dort steht es.", ["Vgl. Kapitel drei.", "Dort steht es."], "vgl."),
        SplitCase("de", "Hr. Meier und Fr. Schulz kamen.", ["Hr. Meier und Fr. Schulz kamen."], "Hr. Fr."),
        SplitCase("de", "Er sagte: »Komm!« Dann ging er.", ["Er sagte: »Komm!«", "Dann ging er."], "guillemets de"),
        SplitCase("de", "Sie fragte: „Wer?“ Niemand antwortete.", ["Sie fragte: „Wer?“", "Niemand antwortete."], "low-high quotes"),
        SplitCase("de", "„Kommst du?“ fragte sie.", ["„Kommst du?“ fragte sie."], "attribution de"),
        SplitCase("de", "Es dauerte 3,5 Stunden. Dann war Schluss.", ["Es dauerte 3,5 Stunden.", "Dann war Schluss."], "decimal comma"),
        SplitCase("de", "Im 19. Jh. Entstanden viele Fabriken.", ["Im 19. Jh. Entstanden viele Fabriken."], "Jh."),
        SplitCase("de", "Über Nacht schneite es. Über den Berg kam er.", ["Über Nacht schneite es.", "Über den Berg kam er."], "umlaut capital start"),
        SplitCase("de", "1. Einleitung\n2. Methoden", ["1. Einleitung", "2. Methoden"], "list de"),
        SplitCase("de", "Er ist Prof. Dr. Schmidt. Er lehrt.", ["Er ist Prof. Dr. Schmidt.", "Er lehrt."]),
        SplitCase("de", "Am 3. 10. 2020 kam er.", ["Am 3. 10. 2020 kam er."], "spaced date"),
        SplitCase("de", "Er spielt beim 1. FC Köln. Das ist toll.", ["Er spielt beim 1. FC Köln.", "Das ist toll."], "1. FC"),
        SplitCase("de", "Am 9. November 1989. Die Mauer fiel.", ["Am 9. November 1989.", "Die Mauer fiel."], "ordinal then year"),
        SplitCase("de", "Das steht auf Seite 12. Dann folgt mehr.", ["Das steht auf Seite 12.", "Dann folgt mehr."], "number + starter"),
        SplitCase("de", "Schritte: 1. Öffnen. 2. Schließen.", ["Schritte: 1. Öffnen.", "2. Schließen."], "inline list de"),
        SplitCase("de", "Ich kam, sah usw. und ging.", ["Ich kam, sah usw. und ging."], "usw lowercase"),
        SplitCase("de", "Wir treffen uns i.d.R. Montags.", ["Wir treffen uns i.d.R. Montags."], "i.d.R."),
    ]

    // MARK: French

    static let french: [SplitCase] = [
        SplitCase("fr", "Il pleut. Nous restons ici.", ["Il pleut.", "Nous restons ici."]),
        SplitCase("fr", "M. Dupont est arrivé. Il est content.", ["M. Dupont est arrivé.", "Il est content."], "M."),
        SplitCase("fr", "Mme. Martin et Mlle. Durand parlent.", ["Mme. Martin et Mlle. Durand parlent."]),
        SplitCase("fr", "Des fruits, p. ex. Pommes et poires.", ["Des fruits, p. ex. Pommes et poires."], "p. ex."),
        SplitCase("fr", "Des pommes, des poires, etc. Le reste suit.", ["Des pommes, des poires, etc.", "Le reste suit."], "etc. fr"),
        SplitCase("fr", "Vraiment ? Oui, vraiment.", ["Vraiment ?", "Oui, vraiment."], "space before ?"),
        SplitCase("fr", "Quelle surprise ! Je ne savais pas.", ["Quelle surprise !", "Je ne savais pas."], "space before !"),
        SplitCase("fr", "Vraiment\u{202F}? Oui.", ["Vraiment\u{202F}?", "Oui."], "narrow nbsp"),
        SplitCase("fr", "« Bonjour ! » dit-il.", ["« Bonjour ! » dit-il."], "guillemet attribution"),
        SplitCase("fr", "« Bonjour ! » Il est parti.", ["« Bonjour ! »", "Il est parti."], "guillemet spaced closer"),
        SplitCase("fr", "Il a dit : « Partez. » Elle est partie.", ["Il a dit : « Partez. »", "Elle est partie."], "guillemet dot"),
        SplitCase("fr", "C'est fini. L'équipe est rentrée.", ["C'est fini.", "L'équipe est rentrée."]),
        SplitCase("fr", "Voir p. 12 du rapport.", ["Voir p. 12 du rapport."], "p. number"),
        SplitCase("fr", "Il attendit… Rien ne vint.", ["Il attendit…", "Rien ne vint."], "ellipsis fr"),
        SplitCase("fr", "Il attendit… et attendit encore.", ["Il attendit… et attendit encore."]),
        SplitCase("fr", "Le Dr. Roux est là. Il soigne.", ["Le Dr. Roux est là.", "Il soigne."]),
        SplitCase("fr", "Voir le chap. 3 et la fig. 2. Ensuite, lire.", ["Voir le chap. 3 et la fig. 2.", "Ensuite, lire."]),
        SplitCase("fr", "Vraiment ?! Je ne te crois pas.", ["Vraiment ?!", "Je ne te crois pas."]),
        SplitCase("fr", "Il est né en 1802. Écrivain célèbre, il voyagea.", ["Il est né en 1802.", "Écrivain célèbre, il voyagea."], "É start"),
    ]

    // MARK: Spanish

    static let spanish: [SplitCase] = [
        SplitCase("es", "Hace calor. Vamos a la playa.", ["Hace calor.", "Vamos a la playa."]),
        SplitCase("es", "¿Vienes? Sí, ahora voy.", ["¿Vienes?", "Sí, ahora voy."], "inverted ?"),
        SplitCase("es", "¡Hola! ¿Qué tal?", ["¡Hola!", "¿Qué tal?"], "inverted marks start"),
        SplitCase("es", "El Sr. García llegó. La Sra. López no.", ["El Sr. García llegó.", "La Sra. López no."]),
        SplitCase("es", "Dña. Carmen y Ud. Pueden pasar.", ["Dña. Carmen y Ud. Pueden pasar."], "Dña Ud"),
        SplitCase("es", "La Dra. Ruiz operó. Todo salió bien.", ["La Dra. Ruiz operó.", "Todo salió bien."]),
        SplitCase("es", "Frutas, verduras, etc. Todo fresco.", ["Frutas, verduras, etc.", "Todo fresco."], "etc. es"),
        SplitCase("es", "Ver pág. 20 del libro.", ["Ver pág. 20 del libro."], "pág."),
        SplitCase("es", "Viajó a EE.UU. El viaje fue largo.", ["Viajó a EE.UU.", "El viaje fue largo."], "EE.UU. + El"),
        SplitCase("es", "—¿Vienes? —preguntó ella.", ["—¿Vienes? —preguntó ella."], "dialogue dash"),
        SplitCase("es", "Ñoño no es. Ñandú sí.", ["Ñoño no es.", "Ñandú sí."], "Ñ start"),
        SplitCase("es", "Nació en 1950. Murió en 2020.", ["Nació en 1950.", "Murió en 2020."]),
        SplitCase("es", "El Dr. Pérez y la Srta. Gómez. Ellos llegaron.", ["El Dr. Pérez y la Srta. Gómez.", "Ellos llegaron."]),
        SplitCase("es", "¿De verdad?, preguntó.", ["¿De verdad?, preguntó."], "?, attribution"),
        SplitCase("es", "Espera... ¿Qué pasó?", ["Espera...", "¿Qué pasó?"], "ellipsis then ¿"),
    ]

    // MARK: Italian

    static let italian: [SplitCase] = [
        SplitCase("it", "Oggi piove. Restiamo a casa.", ["Oggi piove.", "Restiamo a casa."]),
        SplitCase("it", "Il Sig. Rossi è arrivato. Ha fame.", ["Il Sig. Rossi è arrivato.", "Ha fame."]),
        SplitCase("it", "Il Dott. Bianchi visita la Sig.ra Verdi.", ["Il Dott. Bianchi visita la Sig.ra Verdi."]),
        SplitCase("it", "Mele, pere, ecc. Tutto buono.", ["Mele, pere, ecc.", "Tutto buono."], "ecc."),
        SplitCase("it", "Mele, pere ecc. e altro.", ["Mele, pere ecc. e altro."]),
        SplitCase("it", "Frutta, ad es. Mele, fa bene.", ["Frutta, ad es. Mele, fa bene."], "es."),
        SplitCase("it", "Vedi pag. 10 e cap. 3 del testo.", ["Vedi pag. 10 e cap. 3 del testo."]),
        SplitCase("it", "Davvero? Sì, davvero.", ["Davvero?", "Sì, davvero."]),
        SplitCase("it", "È tardi. È ora di andare.", ["È tardi.", "È ora di andare."], "È start"),
        SplitCase("it", "Lavora alla Fiat S.p.A. Il lavoro è duro.", ["Lavora alla Fiat S.p.A.", "Il lavoro è duro."]),
        SplitCase("it", "L'ho visto. L'altro no.", ["L'ho visto.", "L'altro no."]),
        SplitCase("it", "Nato il 5 gen. 1950 a Roma.", ["Nato il 5 gen. 1950 a Roma."], "month + year"),
        SplitCase("it", "La Prof.ssa Neri insegna. Gli studenti ascoltano.", ["La Prof.ssa Neri insegna.", "Gli studenti ascoltano."]),
    ]

    // MARK: Portuguese

    static let portuguese: [SplitCase] = [
        SplitCase("pt", "Está calor. Vamos à praia.", ["Está calor.", "Vamos à praia."]),
        SplitCase("pt", "O Sr. Silva chegou. A Dra. Costa também.", ["O Sr. Silva chegou.", "A Dra. Costa também."]),
        SplitCase("pt", "Frutas, legumes, etc. Tudo fresco.", ["Frutas, legumes, etc.", "Tudo fresco."]),
        SplitCase("pt", "Veja a pág. 5 do livro.", ["Veja a pág. 5 do livro."]),
        SplitCase("pt", "Você vem? Não sei.", ["Você vem?", "Não sei."]),
        SplitCase("pt", "Trabalha na Vale Ltda. Ela cresceu.", ["Trabalha na Vale Ltda.", "Ela cresceu."], "Ltda + Ela"),
        SplitCase("pt", "Trabalha na Petro S.A. Ele gosta.", ["Trabalha na Petro S.A.", "Ele gosta."]),
        SplitCase("pt", "O Prof. Souza ensina. Os alunos ouvem.", ["O Prof. Souza ensina.", "Os alunos ouvem."]),
        SplitCase("pt", "Custa 2,50 euros. Óptimo preço.", ["Custa 2,50 euros.", "Óptimo preço."]),
        SplitCase("pt", "Veja, p.ex. Lisboa e Porto.", ["Veja, p.ex. Lisboa e Porto."], "p.ex."),
        SplitCase("pt", "Chegou a 5 de set. De manhã, choveu.", ["Chegou a 5 de set.", "De manhã, choveu."], "month + starter"),
        SplitCase("pt", "Em set. Lisboa recebe turistas.", ["Em set. Lisboa recebe turistas."], "month + non-starter"),
    ]

    // MARK: Dutch

    static let dutch: [SplitCase] = [
        SplitCase("nl", "Het regent. We blijven thuis.", ["Het regent.", "We blijven thuis."]),
        SplitCase("nl", "Dhr. Jansen en mevr. De Vries kwamen.", ["Dhr. Jansen en mevr. De Vries kwamen."]),
        SplitCase("nl", "Fruit, bijv. Appels, is gezond.", ["Fruit, bijv. Appels, is gezond."], "bijv."),
        SplitCase("nl", "Appels, peren enz. De rest volgt.", ["Appels, peren enz.", "De rest volgt."], "enz."),
        SplitCase("nl", "Zie blz. 4 van het boek.", ["Zie blz. 4 van het boek."]),
        SplitCase("nl", "Dat is d.w.z. Onzin.", ["Dat is d.w.z. Onzin."]),
        SplitCase("nl", "Hij werkt bij Philips B.V. Hij is blij.", ["Hij werkt bij Philips B.V.", "Hij is blij."]),
        SplitCase("nl", "Kom je? Ja, ik kom.", ["Kom je?", "Ja, ik kom."]),
        SplitCase("nl", "Hij kwam i.p.v. Jan. Dat was raar.", ["Hij kwam i.p.v. Jan.", "Dat was raar."], "i.p.v. + month-like"),
        SplitCase("nl", "Zie hfst. 2 en afb. 3.", ["Zie hfst. 2 en afb. 3."]),
        SplitCase("nl", "Prof. Dr. Bakker sprak. Iedereen luisterde.", ["Prof. Dr. Bakker sprak.", "Iedereen luisterde."]),
    ]

    // MARK: generic fallback

    static let generic: [SplitCase] = [
        SplitCase("xx", "One. Two. Three.", ["One.", "Two.", "Three."]),
        SplitCase("xx", "Mr. Smith came.", ["Mr.", "Smith came."], "no abbreviations"),
        SplitCase("xx", "J. R. R. Tolkien wrote.", ["J. R. R. Tolkien wrote."], "initials universal"),
        SplitCase("xx", "The U.S. Navy came. It left.", ["The U.S. Navy came.", "It left."], "acronym universal"),
        SplitCase("en", "Agents of the F.B.I. Raided it.", ["Agents of the F.B.I. Raided it."], "unlisted acronym"),
        SplitCase("en", "Agents of the F.B.I. They left.", ["Agents of the F.B.I.", "They left."], "unlisted acronym + starter"),
        SplitCase("xx", "Value 3.14 here. Next.", ["Value 3.14 here.", "Next."]),
        SplitCase("sv", "Hej. Vad heter du?", ["Hej.", "Vad heter du?"]),
        SplitCase("ru", "Привет. Как дела? Хорошо.", ["Привет.", "Как дела?", "Хорошо."], "cyrillic"),
        SplitCase("ru", "Это т. е. пример.", ["Это т. е. пример."], "cyrillic lowercase"),
        SplitCase("el", "Γεια σου. Τι κάνεις;", ["Γεια σου.", "Τι κάνεις;"], "greek"),
        SplitCase("xx", "Line one\nLine two", ["Line one", "Line two"]),
    ]
}
