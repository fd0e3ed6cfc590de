import Testing
@testable import SluiceText

/// HTML residue: entities, tags, comments, scripts — input → exact output.
@Suite struct HTMLCases {
    static let e = CleanCounter.htmlEntities
    static let t = CleanCounter.htmlTags
    static let cases: [TextCase] = [
        // Named entities, several languages.
        TextCase("Fish &amp; chips", "Fish & chips", counter: e),
        TextCase("He said &quot;no&quot;.", "He said \"no\".", counter: e),
        TextCase("It&apos;s &lt;fine&gt;", "It's <fine>", counter: e),
        TextCase("caf&eacute; cr&egrave;me br&ucirc;l&eacute;e", "café crème brûlée", lang: "fr", counter: e),
        TextCase("&laquo;&nbsp;Bonjour&nbsp;&raquo;", "«\u{A0}Bonjour\u{A0}»", lang: "fr", counter: e),
        TextCase("&laquo;&nbsp;Hola&nbsp;&raquo;", "« Hola »", lang: "es", counter: e),
        TextCase("Stra&szlig;e, &Uuml;bermut, &ouml;", "Straße, Übermut, ö", lang: "de", counter: e),
        TextCase("Espa&ntilde;a, &iquest;qu&eacute;? &iexcl;s&iacute;!", "España, ¿qué? ¡sí!", lang: "es", counter: e),
        TextCase("S&atilde;o Paulo, a&ccedil;&atilde;o", "São Paulo, ação", lang: "pt", counter: e),
        TextCase("citt&agrave; e perch&eacute;", "città e perché", lang: "it", counter: e),
        TextCase("&Alpha;&theta;&eta;&nu;&alpha;", "Αθηνα", lang: "el", counter: e),
        TextCase("&Pcy;&rcy;&icy;&vcy;&iecy;&tcy;", "Привет", lang: "ru", counter: e),
        TextCase("Price &euro;5 &mdash; &copy; 2024 &trade;", "Price €5 — © 2024 ™", counter: e),
        TextCase("&hellip;and &ldquo;then&rdquo; &lsquo;now&rsquo;", "…and “then” ‘now’", counter: e),
        TextCase("x &ne; y &le; z &infin;", "x ≠ y ≤ z ∞", counter: e),
        TextCase("&NotNestedGreaterGreater; &bne;", "\u{2AA2}\u{338} =\u{20E5}", counter: e),
        // Numeric entities.
        TextCase("it&#39;s", "it's", counter: e),
        TextCase("it&#8217;s &#x2019;ok&#X2019;", "it’s ’ok’", counter: e),
        TextCase("&#1055;&#1091;&#1090;&#1080;&#1085;", "Путин", lang: "ru", counter: e),
        TextCase("&#x4E2D;&#x6587;", "中文", lang: "zh", counter: e),
        TextCase("&#128512; smile", "😀 smile", counter: e),
        TextCase("&#150; dash &#133;", "– dash …", counter: e),
        // Double escaping.
        TextCase("&amp;quot;quoted&amp;quot;", "\"quoted\"", counter: e),
        TextCase("Tom &amp;amp; Jerry", "Tom & Jerry", counter: e),
        // Not entities: left alone.
        TextCase("AT&T and R&D, Q&A", "AT&T and R&D, Q&A"),
        TextCase("a=1&b=2&copy=3", "a=1&b=2&copy=3"),
        TextCase("&unknownentity; stays", "&unknownentity; stays"),
        TextCase("&#; &#x; &#99999999;", "&#; &#x; &#99999999;"),
        // Inline tags dropped.
        TextCase("This is <b>bold</b> and <i>italic</i>.", "This is bold and italic.", counter: t),
        TextCase("Lisez <a href=\"https://example.fr/a?b=1\">l'article</a> ici.", "Lisez l'article ici.", lang: "fr", counter: t),
        TextCase("<span class='x' data-id=3>Hallo</span> Welt", "Hallo Welt", lang: "de", counter: t),
        TextCase("Foto: <img src=\"a.jpg\" alt=\"x\"/> Reuters", "Foto: Reuters", lang: "es", counter: t),
        TextCase("<STRONG>Важно</STRONG>: новость", "Важно: новость", lang: "ru", counter: t),
        TextCase("E = mc<sup>2</sup>", "E = mc2", counter: t),
        // Block tags become line breaks.
        TextCase("<p>First paragraph.</p><p>Second paragraph.</p>", "First paragraph.\n\nSecond paragraph.", counter: t),
        TextCase("Line one<br>Line two<br/>Line three<br />", "Line one\nLine two\nLine three", counter: t),
        TextCase("Zeile<br>\n<br>\nAbsatz", "Zeile\n\nAbsatz", lang: "de", counter: t),
        TextCase("<ul><li>uno</li><li>dos</li></ul>", "uno\ndos", lang: "es", counter: t),
        TextCase("<h1>Titre</h1>\n<div>Texte du corps.</div>", "Titre\nTexte du corps.", lang: "fr", counter: t),
        TextCase("<h2>Τίτλος</h2><p>Κείμενο.</p>", "Τίτλος\n\nΚείμενο.", lang: "el", counter: t),
        TextCase("<blockquote>Citação</blockquote>fim", "Citação\nfim", lang: "pt", counter: t),
        // Script, style, comments removed with content.
        TextCase("Before<script>var x = \"<p>\";</script> after", "Before after", counter: CleanCounter.htmlElementsRemoved),
        TextCase("<style type=\"text/css\">p { color: red }</style>Testo", "Testo", lang: "it", counter: CleanCounter.htmlElementsRemoved),
        TextCase("a<SCRIPT>x<y</SCRIPT>b", "ab", counter: CleanCounter.htmlElementsRemoved),
        TextCase("Text<!-- hidden comment -->more", "Textmore", counter: CleanCounter.htmlComments),
        TextCase("<noscript>Enable JavaScript</noscript>Article.", "Article.", counter: CleanCounter.htmlElementsRemoved),
        // Not tags: left alone.
        TextCase("if a<b && c>d then", "if a<b && c>d then"),
        TextCase("vector<int> and Map<K, V>", "vector<int> and Map<K, V>"),
        TextCase("x < y > z and <3", "x < y > z and <3"),
        TextCase("Use <b and never close", "Use <b and never close"),

        TextCase("<!-- not closed", "<!-- not closed"),
        TextCase("email <someone@example.com>", "email <someone@example.com>"),
        // Regression (issue 12): `@` as an attribute's first byte was never consumed, so these hung.
        TextCase("a<b@c", "a<b@c"),
        TextCase("<p@", "<p@"),
        TextCase("<a@", "<a@"),
        TextCase("x <S@ y", "x <S@ y"),
        TextCase("<button @click=\"go\">Go</button> on", "Go on", counter: t),
        TextCase("<div @click.prevent=\"x\" :class=\"y\">Hi</div>", "Hi", counter: t),
        // Many unclosed comments or scripts: left as they are (and in linear time).
        TextCase("<!-- a <!-- b <!-- c", "<!-- a <!-- b <!-- c"),
        // A script never closed: its tags go, the text after them stays (`</script` without `>` is no tag).
        TextCase("<script>unterminated", "unterminated", counter: t),
        TextCase("<script>a<script>b</script", "ab</script", counter: t),
    ]
    @Test(arguments: cases) func html(_ c: TextCase) { checkText(c) }

    @Test func disabled() {
        var o = TextCleaner.Options()
        o.htmlEntities = false
        o.htmlTags = false
        checkText(TextCase("<b>a</b> &amp; b", "<b>a</b> &amp; b"), o)
        o.htmlEntities = true
        checkText(TextCase("<b>a</b> &amp; b", "<b>a</b> & b"), o)
    }
}
