import Testing
@testable import Sluice

/// The page's one escaper: nothing from the data may become markup.
@Suite struct ReportHTMLTests {
    @Test func escapesMarkupAndQuotes() {
        #expect(HTML.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(HTML.escape(#"a & b "c" 'd'"#) == "a &amp; b &quot;c&quot; &#39;d&#39;")
        #expect(HTML.escape("&amp;") == "&amp;amp;")
        #expect(HTML.escape("\"><img src=x onerror=alert(1)>") == "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
    }

    @Test func keepsTextAndLineBreaksReplacesControls() {
        #expect(HTML.escape("Grüße, 東京 👋\tend\nnext\r\n") == "Grüße, 東京 👋\tend\nnext\r\n")
        #expect(HTML.escape("a\u{0}b\u{1B}c\u{7F}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(HTML.escape("") == "")
    }

    /// Escaped text never holds a character that could open a tag, end an attribute or
    /// start an entity of its own.
    @Test func escapedTextHasNoActiveCharacters() {
        let nasty = ["</pre><script>x</script>", "'\" onmouseover='x'", "&#x3C;", "]]><!--", "<\u{0}svg/onload=1>"]
        for s in nasty {
            let e = HTML.escape(s)
            #expect(!e.contains("<") && !e.contains(">") && !e.contains("\"") && !e.contains("'"), "\(e)")
            // Every & starts one of the escaper's own entities.
            let amps = e.components(separatedBy: "&").dropFirst()
            #expect(amps.allSatisfy { part in ["amp;", "lt;", "gt;", "quot;", "#39;"].contains { part.hasPrefix($0) } }, "\(e)")
        }
    }
}
