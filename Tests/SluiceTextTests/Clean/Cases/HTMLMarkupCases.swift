import Foundation
import Testing
@testable import SluiceText

/// Issue 14, point 4: the clean stage leaves no markup — tags of every HTML element, custom
/// elements, and the content of elements that hold no text — while prose with `<` and `>`
/// stays. Input → exact output.
@Suite struct HTMLMarkupCases {
    static let t = CleanCounter.htmlTags
    static let r = CleanCounter.htmlElementsRemoved
    static let cases: [TextCase] = [
        // Elements removed with their content.
        TextCase("Icons <svg viewBox=\"0 0 24 24\" aria-hidden=\"true\"><path d=\"M12 2L2 7l10 5\"/></svg> here", "Icons here", counter: r),
        TextCase("Formula <math display=\"block\"><mi>x</mi><mo>=</mo><mn>2</mn></math> here.", "Formula here.", counter: r),
        TextCase("Sort by <select name=\"s\"><option value=\"1\">Date</option><option>Name</option></select> now", "Sort by now", counter: r),
        TextCase("Comment: <textarea rows=\"3\">Write <b>here</b></textarea>Send", "Comment: Send", counter: r),
        TextCase("A<template id=\"x\"><p>hidden</p></template>B", "AB", counter: r),
        TextCase("A<iframe src=\"https://x.example/\">No iframes</iframe>B", "AB", counter: r),
        TextCase("A<object data=\"m.swf\"><param name=\"q\" value=\"1\">Flash</object>B", "AB", counter: r),
        TextCase("A<noscript><img src=\"p.gif\"></noscript>B", "AB", counter: r),
        TextCase("Texto<SVG WIDTH=\"10\"><Path D=\"M0\"/></SVG> final", "Texto final", lang: "es", counter: r),
        TextCase("Icon: <svg/> done", "Icon: done", counter: r),
        // Nested: the closing tag that matches the first `<svg>` ends it.
        TextCase("a <svg><g><svg><path d=\"M0\"/></svg><text>x</text></g></svg> b", "a b", counter: r),
        TextCase("a <svg> one <svg> two </svg> three </svg> b <svg>c</svg>", "a b", counter: r),
        // Never closed: the opening tag goes, the text after it stays.
        TextCase("Start <svg width=\"1\"> the rest of the article.", "Start the rest of the article.", counter: t),
        TextCase("a <svg> b <svg> c </svg> d", "a b d", counter: r),
        TextCase("x <select name=\"a\">y", "x y", counter: t),
        TextCase("<math>unclosed and </svg> stray", "unclosed and stray", counter: t),
        // A closing tag closes what was opened inside it, as in HTML.
        TextCase("a <svg><math> b </svg> c </math> d", "a c d", counter: r),
        // Tags of every element, SVG and MathML ones included.
        TextCase("<section><h2>Title</h2><dialog open>Hi</dialog></section>", "Title\nHi", counter: t),
        TextCase("<path d=\"M0 0\"/><circle cx=\"1\" r=\"2\"/><mi>x</mi>", "x", counter: t),
        TextCase("<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body>Text</body></html>", "TText", counter: t),
        TextCase("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<p>Hi</p>", "Hi", counter: t),
        // Custom elements.
        TextCase("<user-reactions data-count=\"3\">Like</user-reactions> it", "Like it", counter: t),
        TextCase("Ende</my-widget> hier", "Ende hier", lang: "de", counter: t),
        TextCase("<a-paid-content></a-paid-content>Text", "Text", counter: t),
        TextCase("<ytd-thumbnail-overlay-time-status-renderer>3:12</ytd-thumbnail-overlay-time-status-renderer>", "3:12", counter: t),
        TextCase("<x-foo.bar_1>a</x-foo.bar_1>", "a", counter: t),
        // Broken tags as real pages have them.
        TextCase("a<script=\"async\" src=x>var q = 1;</script>b", "ab", counter: r),
        TextCase("a<script=\"async\" src=x>b", "ab", counter: t),
        TextCase("a<script \"type=text/javascript\" src=\"//x.js\"></script>b", "ab", counter: r),
        TextCase("a<style = type=\"text/css\">p{}</style>b", "ab", counter: r),
        TextCase("<span class='lang''>Deutsch</span>", "Deutsch", counter: t),
        TextCase("<div style=\"margin: 0\";>x</div>", "x", counter: t),
        TextCase("<img src=\"a.png\" \"/>Bild", "Bild", lang: "de", counter: t),
        TextCase("<div [hidden]=\"h\" (click)=\"go()\" *ngIf=\"x\" #ref>y</div>", "y", counter: t),
        TextCase("<a\nclass=\"x\"\nhref=\"/y\"\n>multi-line</a>", "multi-line", counter: t),
        // A tag missing its `>` ends at the next one's, as in a browser (only right after a quote).
        TextCase("<img src=\"a.png\"<br>Text", "Text", counter: t),
        TextCase("<img border=\"0\" src=\"b.png\" </a>Text", "Text", counter: t),
        TextCase("<img src=a.png <br>Text", "<img src=a.png\nText", counter: t),
        TextCase("<img alt=\"The sign \"WC only\" hangs\" src=\"x.jpg\">Text", "Text", counter: t),
        // Void elements without closing tags: bare ones are tags unless a common placeholder.
        TextCase("Home<meta> / Baby<meta>", "Home / Baby", counter: t),
        // Word-like names: a bare opening tag counts only when its closing tag follows.
        TextCase("Usage: convert <input> <output>", "Usage: convert <input> <output>"),
        TextCase("grep <pattern> <file> and ping <address>", "grep <pattern> <file> and ping <address>"),
        TextCase("<output>42</output> and <input type=\"text\">", "42 and", counter: t),
        TextCase("ssh <user-name>@host", "ssh <user-name>@host"),
        // Prose stays.
        TextCase("if a<b && c>d then", "if a<b && c>d then"),
        TextCase("vector<int> v; std::map<std::string, int> m;", "vector<int> v; std::map<std::string, int> m;"),
        TextCase("x < y > z and <3 and if (a<b) then", "x < y > z and <3 and if (a<b) then"),
        TextCase("Mail <name@example.com> or <b@example.com>", "Mail <name@example.com> or <b@example.com>"),
        TextCase("Press <Ctrl-C> to stop, <3 :-> >_< <(^_^)>", "Press <Ctrl-C> to stop, <3 :-> >_< <(^_^)>"),
        TextCase("Use <b and never close it. Then x is large and y is small and z > 1", "Use <b and never close it. Then x is large and y is small and z > 1"),
        TextCase("List<String> items = new ArrayList<>();", "List<String> items = new ArrayList<>();"),
        // Custom-element-shaped without attributes or closing tag, and unknown names: kept.
        TextCase("<p-3> and <h7> and <svg-> and <Foo>", "<p-3> and <h7> and <svg-> and <Foo>"),
    ]
    @Test(arguments: cases) func markup(_ c: TextCase) { checkText(c) }

    /// Inputs that would make a careless scanner restart at every `<` (quadratic): each runs
    /// in linear time and gives the exact result.
    @Test func adversarialMarkupIsLinear() {
        let cleaner = TextCleaner()
        let clock = ContinuousClock()
        let started = clock.now
        // 100,000 `<svg>` never closed: every tag goes, the text stays.
        #expect(cleaner.clean(String(repeating: "<svg>a ", count: 100_000)).text == String(repeating: "a ", count: 100_000).dropLast())
        // 100,000 `<my-el` without `>`: no tags.
        let myEl = String(repeating: "<my-el x ", count: 100_000)
        #expect(cleaner.clean(myEl).text == String(myEl.dropLast()))
        // Openers of every container, then closers in the wrong order.
        let mixed = String(repeating: "<math><select>x", count: 20_000) + String(repeating: "</svg></math>", count: 20_000)
        #expect(cleaner.clean(mixed).text == "")
        // Nested 50,000 deep, then closed: all removed.
        #expect(cleaner.clean("a " + String(repeating: "<svg>", count: 50_000) + "b" + String(repeating: "</svg>", count: 50_000) + " c").text == "a c")
        // Quoted values that never close, and values sharing one far quote.
        let unclosed = String(repeating: "<b x=\"", count: 50_000)
        #expect(cleaner.clean(unclosed).text == unclosed)
        let shared = String(repeating: "<b x=\"<b y=1 ", count: 30_000) + String(repeating: "a ", count: 30_000)
        #expect(cleaner.clean(shared).text == String(shared.dropLast()))
        // Raw-text elements never closed, and bare custom names with and without closers.
        #expect(cleaner.clean(String(repeating: "<textarea>x", count: 50_000)).text == String(repeating: "x", count: 50_000))
        let names = (0..<20_000).map { "<x-\($0)>" }.joined()
        #expect(cleaner.clean(names).text == names)
        #expect(cleaner.clean(names + (0..<20_000).map { "</x-\($0)>" }.joined()).text == "")
        #expect(clock.now - started < .seconds(20))
    }
}
