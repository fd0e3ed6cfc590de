/// Random, fuzz-like texts for the property tests: prose glued to the pieces that text
/// algorithms treat specially (HTML, entities, marks, invisible and control characters, many
/// scripts, terminators, quotes, patterns, line breaks, mojibake, timestamps, boilerplate), in
/// runs, and mutations of real fixture texts. Deterministic for a given generator state.
public enum FuzzText {
    /// Pieces by kind; a text draws a kind, then a piece.
    public static let kinds: [[String]] = [prose, html, scripts, invisible, patterns, punctuation, whitespace, metadata, compatibility]

    static let prose = [
        "the", "The", "a", "news", "said", "Hello world.", "It was late.", "and then", "Mr.", "Dr.", "U.S.", "etc.",
        "e.g.", "i.e.", "St.", "No.", "Inc.", "a.m.", "J.", "R.", "vitamin C.", "Apple Inc.", "z.B.", "usw.", "am 3.",
        "Yahoo!", "wait…what", "[…]we", "summit. , which", "hello , world", "Why?", "Run!", "He said \"Stop. Go home.\"",
        "Café", "naïve", "Zürich", "Straße", "Łódź", "élection", "climate change", "European Commission", "World Cup",
        "UN", "UNESCO", "New York Times", "Brussels", "the end.Next one", "I.", "IV.", "1.", "a.", "cittÃ ", "Ⓐ",
    ]

    static let html = [
        "<p@", "<b>", "</b>", "<p>", "</p>", "<br>", "<br/>", "<br />", "<div class=\"x\">", "</div>", "<li>", "<h1>",
        "<tr>", "<a href=\"http://x.org/\">", "</a>", "<a x=\"", "<img src='a.png' alt=\"\">", "&amp;", "&#x;", "&#x41;",
        "&#150;", "&#8217;", "&#", "&", "&amp;quot;", "&nbsp;", "&eacute;", "&eacute", "&lt;", "&gt;", "&#0;", "&#x110000;",
        "&#xD800;", "&#99999999999;", "&;", "<!--", "-->", "<!-- note -->", "<script>", "</script>", "<script>var a=1<2;</script>",
        "<style>p{}</style>", "<noscript>", "<template>", "</template>", "<", ">", "vector<int>", "a<b && c>d", "</", "<!",
        "<!DOCTYPE html>", "<?xml ?>", "<p\n>", "<b\tclass=x>",
        "<svg>", "</svg>", "<svg viewBox=\"0 0 1 1\">", "<path d=\"M0\"/>", "<svg/>", "<math>", "</math>", "<select>",
        "<option value=1>", "</select>", "<textarea>", "</textarea>", "<object>", "</object>", "<my-el>", "</my-el>",
        "<x-a b=1>", "<script=\"async\" src=x>", "<style = type=x>", "<img src=\"a\"", "<input>", "<output>", "</output>",
    ]

    static let scripts = [
        "😀", "👍🏽", "👨‍👩‍👧", "🇩🇪", "❤️", "中文句子。", "日本語のテキスト。", "カタカナ", "한국어", "！", "？", "｡", "Привет мир.",
        "А. С. Пушкин", "т.е.", "г.", "Київ", "مرحبا بالعالم؟", "۔", "؟", "سلام", "नमस्ते दुनिया।", "॥", "मराठी", "Γεια σου;",
        "Բարեւ։", "ሰላም።", "မင်္ဂလာပါ။", "עברית", "ภาษาไทย", "Ελλάδα", "ąęśćżź", "ğüşöçİı", "e\u{301}", "\u{301}", "\u{300}\u{36F}",
        "Å", "A\u{30A}", "ﬀ", "\u{1F3FD}", "\u{E0001}", "\u{10FFFF}", "\u{FFFD}", "\u{FFFE}", "\u{E000}",
    ]

    static let invisible = [
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{AD}", "\u{2060}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}",
        "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{0}", "\u{1}", "\u{7}", "\u{1B}",
        "\u{7F}", "\u{80}", "\u{85}", "\u{8D}", "\u{9F}", "\u{A0}", "\u{202F}", "\u{3000}", "\u{2003}", "\u{1680}", "\u{2028}",
        "\u{2029}", "\u{B}", "\u{C}",
    ]

    static let patterns = [
        "#news", "#élection", "#COP29", "#1", "C#", "#", "@user", "@jo_doe", "@", "http://example.com/a?b=c#d",
        "https://x.org.", "www.y.org", "ftp://f.example/", "http://", "https://", "jo@example.com", "a.b@c.de", "x@y",
        "+49 30 1234567", "+1 (555) 123-4567", "(555) 123-4567", "555-123-4567", "030 1234567", "01 23 45 67 89",
        "0171/1234567", "1234567890", "192.168.0.1", "999.1.1.1", "2001:db8::1", "::", "::1", "std::vector", "fe80::1%eth0",
        "$4.7 million", "US$5", "€12", "12,50 €", "£3.2bn", "USD 3bn", "12 EUR", "4.5%", "4,5 %", "12 percent", "20 Prozent",
        "July 8, 2024", "08.07.2024", "7/8/24", "8. Juli 2024", "1er janvier", "8 de julio de 2024", "Jan. 8", "3.14",
        "1,000", "10:30", "0", "00", "1990 2000", "example.com", "file.txt", "v1.2.3", "-5", "1e10",
    ]

    static let punctuation = [
        ".", ". ", "...", "…", "?!", "!", "?", ";", ":", ",", " ,", " .", ". ,", "\"", "'", "“", "”", "«", "»", "„", "‘", "’",
        "(", ")", "[", "]", "{", "}", "[…]", "--", "—", "–", ":)", ";-)", "*", "•", "|", "→", "/", "\\", "_", "~", "`", "^",
    ]

    static let whitespace = [" ", " ", " ", "  ", "\n", "\n", "\n\n", "\n\n\n\n", "\r\n", "\r", "\t", " \t ", "\u{85}", "\u{A0}"]

    static let metadata = [
        "2024-07-08 04:55:57", "2024-07-08T04:55:57+02:00", "2024-07-08T04:55:57Z", "08.07.2024 04:55", "July 8, 2024 4:55 AM",
        "8 juillet 2024", "lundi 8 juillet 2024 à 14h30", "Montag, 8. Juli 2024, 14:30 Uhr", "8 июля 2024 г.", "Published: July 8, 2024",
        "Publié le 8 juillet 2024", "\n#Putin #talk #peace", "\n#a #b\n#c", "\n2024-07-08 04:55:57", "Share this article",
        "Read more", "Advertisement", "Follow us on Twitter", "© 2024 All rights reserved", "Subscribe to our newsletter",
        "Ã©", "cafÃ©", "â€™", "â€œbestâ€", "Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "Ã¢â‚¬â„¢", "Ã ", "Î—", "“AMANHÔ", "Ã", "Â", "Ð",
    ]

    static let compatibility = [
        "ﬁ", "Ⅳ", "²", "ｆｕｌｌ", "¨", "½", "㎏", "ﷺ", "ﷻ", "ﾊﾝｶｸ", "µ", "Ω", "ǅ", "ſt", "ﬆ", "⁉", "․", "‥", "︙", "﹒", "．", "。",
    ]

    /// A random text of up to `maxPieces` pieces; now and then a long run of one piece.
    public static func text(_ g: inout FuzzRandom, maxPieces: Int = 40) -> String {
        var out = ""
        let n = g.below(maxPieces + 1)
        for _ in 0..<n {
            switch g.below(20) {
            case 0:
                out += String(repeating: piece(&g), count: g.int(2...60))
            case 1:
                out += randomScalars(&g, count: g.int(1...6))
            case 2:
                // Combining marks after anything, also at the start of the text.
                for _ in 0..<g.int(1...4) { out.unicodeScalars.append(Unicode.Scalar(UInt32(0x300 + g.below(0x70)))!) }
            default:
                out += piece(&g)
            }
            if g.chance(55) { out += g.chance(85) ? " " : g.pick(whitespace) }
        }
        return out
    }

    /// One piece of a random kind.
    public static func piece(_ g: inout FuzzRandom) -> String {
        g.pick(g.pick(kinds))
    }

    /// Scalars drawn from all of Unicode (no surrogates): ASCII, Latin, the BMP, other planes.
    public static func randomScalars(_ g: inout FuzzRandom, count: Int) -> String {
        var s = String.UnicodeScalarView()
        for _ in 0..<count {
            let v: UInt32
            switch g.below(4) {
            case 0: v = UInt32(g.below(0x80))
            case 1: v = UInt32(0x80 + g.below(0x780))
            case 2: v = UInt32(g.below(0x10000))
            default: v = UInt32(0x10000 + g.below(0x100000))
            }
            s.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
        return String(s)
    }

    /// `seed` with a few random edits at scalar positions: pieces inserted, stretches deleted
    /// or repeated.
    public static func mutate(_ seed: String, _ g: inout FuzzRandom) -> String {
        var scalars = Array(seed.unicodeScalars)
        for _ in 0..<g.int(1...5) {
            let at = g.below(scalars.count + 1)
            switch g.below(4) {
            case 0, 1:
                scalars.insert(contentsOf: (g.chance(50) ? piece(&g) : text(&g, maxPieces: 4)).unicodeScalars, at: at)
            case 2:
                let end = min(scalars.count, at + g.below(12))
                scalars.removeSubrange(at..<end)
            default:
                let end = min(scalars.count, at + g.below(12))
                scalars.insert(contentsOf: Array(scalars[at..<end]), at: end)
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Bytes that are often not UTF-8: `text`'s bytes with lone continuation bytes, overlong
    /// and surrogate encodings, bytes that never occur in UTF-8, and truncated sequences
    /// spliced in, sometimes cut in the middle of a character.
    public static func brokenUTF8(_ text: String, _ g: inout FuzzRandom) -> [UInt8] {
        var bytes = Array(text.utf8)
        let bad: [[UInt8]] = [
            [0x80], [0xBF], [0xC0], [0xC1], [0xC3], [0xE2, 0x82], [0xF0, 0x9F], [0xF0, 0x9F, 0x98], [0xE0, 0x80, 0x80],
            [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xFE], [0xFF],
            [0xE9], [0xC3, 0x28], [0xA0, 0xA1],
        ]
        for _ in 0..<g.int(0...4) {
            bytes.insert(contentsOf: g.pick(bad), at: g.below(bytes.count + 1))
        }
        if g.chance(20), !bytes.isEmpty { bytes.removeSubrange(g.below(bytes.count)...) }
        return bytes
    }
}

extension FuzzText {
    /// The inputs of one property: every fixture text (when `seeds`), then `random` generated
    /// texts and `mutated` mutations of fixture texts, all from `seed`.
    public static func inputs(seed: UInt64, random: Int, mutated: Int, seeds: Bool = true) -> [String] {
        var g = FuzzRandom(seed: seed)
        var out = seeds ? FuzzSeeds.texts : []
        out.reserveCapacity(out.count + random + mutated)
        for _ in 0..<random { out.append(text(&g)) }
        for _ in 0..<mutated { out.append(mutate(g.pick(FuzzSeeds.texts), &g)) }
        return out
    }
}
