import Testing
import SluiceText

/// Exact tokens for the tricky parts of the tokenizer, independent of the html5lib data.
@Suite struct HTMLTokenizerTests {
    typealias T = TokenDump

    @Test func tagsAttributesAndText() {
        #expect(T.tokens("a<P Class=x ID='y' data-z=\"1 2\" checked>b</p>") == [
            .characters("a"), .start("p", ["class": "x", "id": "y", "data-z": "1 2", "checked": ""], selfClosing: false),
            .characters("b"), .end("p"),
        ])
        #expect(T.tokens("<br/><img src=a.png />") == [.start("br", [:], selfClosing: true), .start("img", ["src": "a.png"], selfClosing: true)])
        // Duplicate attributes: the first wins.
        #expect(T.tokens("<a x=1 X=2 x=3>") == [.start("a", ["x": "1"], selfClosing: false)])
        // `<` not followed by a letter is text; `</>` vanishes; `</ x>` is a bogus comment.
        #expect(T.tokens("a < b <3 </> </ x>") == [.characters("a < b <3  "), .comment(" x")])
        // An unfinished tag at the end of the input is dropped.
        #expect(T.tokens("text<div class=\"a") == [.characters("text")])
        #expect(T.tokens("<a b='c>") == [])
        // `=` does not end a tag name (the `<script="async">` of issue 14).
        #expect(T.tokens("<script=\"async\" src=x>") == [.start("script=\"async\"", ["src": "x"], selfClosing: false)])
    }

    /// Past 16 attributes duplicates are found through a hash table: same answer.
    @Test func manyAttributes() {
        var html = "<a"
        for k in 0..<40 { html += " a\(k)=\(k)" }
        for k in stride(from: 0, to: 40, by: 3) { html += " A\(k)=x" }
        html += " a&=1 a&=2 a\0=3 a\u{FFFD}=4>"
        var expected: [String: String] = [:]
        for k in 0..<40 { expected["a\(k)"] = "\(k)" }
        expected["a&"] = "1"
        expected["a\u{FFFD}"] = "3"
        #expect(T.tokens(html) == [.start("a", expected, selfClosing: false)])
    }

    @Test func characterReferences() {
        #expect(T.tokens("&amp;&lt;&gt;&quot;&nbsp;&notin;&notit;&not &copy&copyx &;&#;&#x;") ==
                [.characters("&<>\"\u{A0}∉¬it;¬ ©©x &;&#;&#x;")])
        #expect(T.tokens("&#65;&#x41;&#X41&#0;&#x80;&#x81;&#x9F;&#xD800;&#x110000;&#99999999999;&#13;") ==
                [.characters("AAA\u{FFFD}€\u{81}Ÿ\u{FFFD}\u{FFFD}\u{FFFD}\r")])
        // In attributes a reference without `;` followed by `=` or an alphanumeric stays as it is.
        #expect(T.tokens("<a href=\"?x=1&not=2&copy3&amp=4&lt;5&gt\">") ==
                [.start("a", ["href": "?x=1&not=2&copy3&amp=4<5>"], selfClosing: false)])
        // `&notin` without `;` matches the legacy `&not`, then `i` follows: left as it is.
        #expect(T.tokens("<a t=&amp;x&notin>") == [.start("a", ["t": "&x&notin"], selfClosing: false)])
        // Two code points; the longest name.
        #expect(T.tokens("&NotEqualTilde;&CounterClockwiseContourIntegral;") == [.characters("\u{2242}\u{338}\u{2233}")])
    }

    @Test func nulAndNewlines() {
        #expect(T.tokens("a\r\nb\rc\0d") == [.characters("a\nb\nc\0d")])
        #expect(T.tokens("<a\0b c\0=\"\0\r\n\">") == [.start("a\u{FFFD}b", ["c\u{FFFD}": "\u{FFFD}\n"], selfClosing: false)])
        #expect(T.tokens("<!--\0\r-->") == [.comment("\u{FFFD}\n")])
        #expect(T.tokens("x\0\r", state: .rcdata) == [.characters("x\u{FFFD}\n")])
        #expect(T.tokens("\0", state: .cdataSection) == [.characters("\0")])
    }

    @Test func comments() {
        #expect(T.tokens("<!---->") == [.comment("")])
        #expect(T.tokens("<!-->x") == [.comment(""), .characters("x")])
        #expect(T.tokens("<!--->x") == [.comment(""), .characters("x")])
        #expect(T.tokens("<!-- a -- b --->") == [.comment(" a -- b -")])
        #expect(T.tokens("<!--a--!>b") == [.comment("a"), .characters("b")])
        #expect(T.tokens("<!--a--!-->") == [.comment("a--!")])
        #expect(T.tokens("<!-- <!-- nested --> x") == [.comment(" <!-- nested "), .characters(" x")])
        #expect(T.tokens("<!--unterminated -") == [.comment("unterminated ")])
        #expect(T.tokens("<?xml version=\"1.0\"?><!x>") == [.comment("?xml version=\"1.0\"?"), .comment("x")])
        #expect(T.tokens("<![CDATA[a]]>") == [.comment("[CDATA[a]]")])
    }

    @Test func cdataWhenAllowed() {
        var t = HTMLTokenizer("<![CDATA[a<b]]]>c")
        t.allowsCDATA = true
        var out: [TokenDump] = []
        while let token = t.next() { out.append(T.dump(token, t)) }
        #expect(T.coalesced(out) == [.characters("a<b]c")])
    }

    @Test func doctypes() {
        #expect(T.tokens("<!DOCTYPE html>") == [.doctype(name: "html", publicID: nil, systemID: nil, correct: true)])
        #expect(T.tokens("<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" 'http://x'>") ==
                [.doctype(name: "html", publicID: "-//W3C//DTD HTML 4.01//EN", systemID: "http://x", correct: true)])
        #expect(T.tokens("<!DOCTYPE>") == [.doctype(name: nil, publicID: nil, systemID: nil, correct: false)])
        #expect(T.tokens("<!DOCTYPE html SYSTEM>") == [.doctype(name: "html", publicID: nil, systemID: nil, correct: false)])
        #expect(T.tokens("<!DOCTYPE html \"x\">") == [.doctype(name: "html", publicID: nil, systemID: nil, correct: false)])
        #expect(T.tokens("<!DOCTYPE html SYSTEM \"a\" junk>") == [.doctype(name: "html", publicID: nil, systemID: "a", correct: true)])
        #expect(T.tokens("<!DOCTYPE html PUBLIC \"a>b") == [.doctype(name: "html", publicID: "a", systemID: nil, correct: false), .characters("b")])
    }

    @Test func contentStates() {
        #expect(T.tokens("a</b>&amp;<i></TITLE>x", state: .rcdata, lastStartTag: "title") ==
                [.characters("a</b>&<i>"), .end("title"), .characters("x")])
        #expect(T.tokens("a&amp;</style x=1/>", state: .rawtext, lastStartTag: "style") == [.characters("a&amp;"), .end("style")])
        #expect(T.tokens("</titlex></title", state: .rcdata, lastStartTag: "title") == [.characters("</titlex></title")])
        #expect(T.tokens("<b></plaintext>&amp;", state: .plaintext) == [.characters("<b></plaintext>&amp;")])
        // Script data: `<!--<script>` double-escapes, so the first `</script>` is text.
        #expect(T.tokens("a<!--<script>x</script>--></script>b", state: .scriptData, lastStartTag: "script") ==
                [.characters("a<!--<script>x</script>-->"), .end("script"), .characters("b")])
        #expect(T.tokens("<!--x--></script>", state: .scriptData, lastStartTag: "script") == [.characters("<!--x-->"), .end("script")])
        #expect(T.tokens("<!-- </script> -->", state: .scriptData, lastStartTag: "script") ==
                [.characters("<!-- "), .end("script"), .characters(" -->")])
    }

    @Test func treeBuilderSwitchesState() {
        var t = HTMLTokenizer("<title>a<b>&lt;</title><p>c")
        var out: [TokenDump] = []
        while let token = t.next() {
            out.append(T.dump(token, t))
            if case .startTag(let name, _) = token, t.span(name, equals: "title") { t.switchTo(.rcdata) }
        }
        #expect(T.coalesced(out) == [.start("title", [:], selfClosing: false), .characters("a<b><"), .end("title"),
                                     .start("p", [:], selfClosing: false), .characters("c")])
    }

    @Test func spansPointIntoTheInputUnlessRewritten() {
        var t = HTMLTokenizer("hello <div id=main>world &amp; more</div>")
        var spans: [HTMLSpan] = []
        var positions: [Int] = []
        while let token = t.next() {
            positions.append(t.position)
            switch token {
            case .text(let s): spans.append(s)
            case .startTag(let name, _): spans.append(name); spans += t.attributes.flatMap { [$0.name, $0.value] }
            case .endTag(let name): spans.append(name)
            default: break
            }
        }
        #expect(spans.map(\.isDecoded) == [false, false, false, false, true, false])
        #expect(spans[0] == HTMLSpan(start: 0, end: 6, isDecoded: false))
        // A text comes out once the tag after it is read, so both report the tag's end.
        #expect(positions == [19, 19, 41, 41])
    }
}
