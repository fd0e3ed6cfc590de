import Testing
@testable import SluiceText

/// Punctuation artifacts of scraped and spun text; decimals, URLs, e-mails, abbreviations,
/// ellipses, emoticons and French spacing are left alone.
@Suite struct PunctuationCases {
    static let p = CleanCounter.punctuationFixed
    static let cases: [TextCase] = [
        // Space before , . ; :
        TextCase("The summit , which was held", "The summit, which was held", counter: p),
        TextCase("It ended .", "It ended.", counter: p),
        TextCase("It ended . Then it began .", "It ended. Then it began.", counter: p),
        TextCase("Three items : a, b and c", "Three items: a, b and c", lang: "en", counter: p),
        TextCase("Three items : a, b and c", "Three items : a, b and c"),
        TextCase("First ; second", "First; second", lang: "en", counter: p),
        TextCase("He said \"no\" , then left", "He said \"no\", then left", counter: p),
        TextCase("Sie kam , sah und siegte .", "Sie kam, sah und siegte.", lang: "de", counter: p),
        TextCase("Dijo que sí , pero no vino .", "Dijo que sí, pero no vino.", lang: "es", counter: p),
        TextCase("Disse che , forse , verrà .", "Disse che, forse, verrà.", lang: "it", counter: p),
        TextCase("Ele disse : vamos .", "Ele disse: vamos.", lang: "pt", counter: p),
        TextCase("Он сказал , что придёт .", "Он сказал, что придёт.", lang: "ru", counter: p),
        TextCase("Ο υπουργός είπε , ότι .", "Ο υπουργός είπε, ότι.", lang: "el", counter: p),
        TextCase("word ,\nnext line", "word,\nnext line", counter: p),
        TextCase("“quoted” , he said", "“quoted”, he said", counter: p),
        TextCase("end of sentence .”", "end of sentence.”", counter: p),
        // Doubled punctuation.
        TextCase("the summit. , which is celebrated", "the summit, which is celebrated", counter: p),
        TextCase("the summit; , which", "the summit, which", counter: p),
        TextCase("la cumbre. , que se celebra", "la cumbre, que se celebra", lang: "es", counter: p),
        TextCase("der Gipfel. , der am Montag", "der Gipfel, der am Montag", lang: "de", counter: p),
        TextCase("apples, pears etc. , and more", "apples, pears etc., and more", counter: p),
        TextCase("the U.S. , Canada and Mexico", "the U.S., Canada and Mexico", counter: p),
        TextCase("John F. , his son", "John F., his son", counter: p),
        // Missing space after an ellipsis or a bracketed ellipsis / citation.
        TextCase("alliances […]we are acting", "alliances […] we are acting", counter: p),
        TextCase("alliances [...]we are acting", "alliances [...] we are acting", counter: p),
        TextCase("wait…what happened", "wait… what happened", counter: p),
        TextCase("Il attendait…rien", "Il attendait… rien", lang: "fr", counter: p),
        TextCase("Он ждал…ничего", "Он ждал… ничего", lang: "ru", counter: p),
        TextCase("as shown[12]The next", "as shown[12] The next", counter: p),
        TextCase("dijo (…)que no", "dijo (…) que no", lang: "es", counter: p),
        // French rules: the space before ; and : stays; before , and . goes.
        TextCase("Il a dit : oui ; puis non .", "Il a dit : oui ; puis non.", lang: "fr", counter: p),
        TextCase("Bonjour , madame", "Bonjour, madame", lang: "fr", counter: p),
        TextCase("Attention : danger", "Attention : danger", lang: "fr"),
        TextCase("Attention : danger", "Attention: danger", lang: "en", counter: p),
        // Left alone.
        TextCase("It costs .5 dollars", "It costs .5 dollars"),
        TextCase("Visit example .com or the .NET site", "Visit example .com or the .NET site"),
        TextCase("Write to me at a.b@example.com, or call.", "Write to me at a.b@example.com, or call."),
        TextCase("See https://example.com/a,b;c:d.e for more.", "See https://example.com/a,b;c:d.e for more."),
        TextCase("It went on and on ...", "It went on and on ..."),
        TextCase("Well ... maybe", "Well ... maybe"),
        TextCase("…and then nothing", "…and then nothing"),
        TextCase("Wait… what?", "Wait… what?"),
        TextCase("Hi :) and ;)", "Hi :) and ;)", lang: "en"),
        TextCase("Kick-off at 10 : 30 today", "Kick-off at 10 : 30 today", lang: "en"),
        TextCase("Pi is 3.14159, e is 2,71828.", "Pi is 3.14159, e is 2,71828."),
        TextCase("Dr. Smith, Mr. Brown and e.g. Mrs. Green.", "Dr. Smith, Mr. Brown and e.g. Mrs. Green."),
        TextCase("array[i]x and f(x)y and (s)he", "array[i]x and f(x)y and (s)he"),
        TextCase("Il y a 3,5 % de hausse ; c'est peu !", "Il y a 3,5 % de hausse ; c'est peu !", lang: "fr"),
        TextCase(". , leading punctuation", ". , leading punctuation"),
        // Language unknown: the space before ; : goes only when the words say "not French".
        TextCase("He said : yes, and the people went out with the dog that was there.",
                 "He said: yes, and the people went out with the dog that was there.", counter: p),
        TextCase("Il a dit : oui, et les gens sont partis dans la rue pour une fête.",
                 "Il a dit : oui, et les gens sont partis dans la rue pour une fête."),
        TextCase("Three items : a, b", "Three items : a, b"),
        // Look-alikes the new rules leave: German low quotes, a closing ,, pair, doubled
        // brackets, ratios, code, command-line values, CJK, two-dot ellipses.
        TextCase("unter der Angabe ,religiöse Gründe‘ beschnitten", "unter der Angabe ,religiöse Gründe‘ beschnitten"),
        TextCase("in diesem ,,Mord“ ermittelt", "in diesem ,,Mord“ ermittelt"),
        TextCase("Schalter ,,wyłącznika awaryjnego,, dalej", "Schalter ,,wyłącznika awaryjnego,, dalej"),
        TextCase("Syntax: (( Ausdruck ))", "Syntax: (( Ausdruck ))"),
        TextCase("Zucker : Wasser im Verhältnis 1 : 1 : 1,5 und die Lösung ist fertig",
                 "Zucker : Wasser im Verhältnis 1 : 1 : 1,5 und die Lösung ist fertig"),
        TextCase("odd = lambda x : bool(x % 2) and the rest of the code", "odd = lambda x : bool(x % 2) and the rest of the code"),
        TextCase("z.B. »-u root,nobody« oder", "z.B. »-u root,nobody« oder"),
        TextCase("Sunrise,我喜欢", "Sunrise,我喜欢"),
        TextCase("tar [z,j]xvf name.tar", "tar [z,j]xvf name.tar"),
        TextCase("( ^_^ ) and [ ] and ( )", "( ^_^ ) and [ ] and ( )"),
        TextCase("Thanks in advance..", "Thanks in advance.."),
        TextCase("no matter what..period", "no matter what..period"),
    ]
    @Test(arguments: cases) func punctuation(_ c: TextCase) { checkText(c) }

    @Test func disabled() {
        var o = TextCleaner.Options()
        o.fixPunctuation = false
        checkText(TextCase("The summit , which […]we", "The summit , which […]we"), o)
    }
}
