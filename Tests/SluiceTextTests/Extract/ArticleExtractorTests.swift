import Foundation
import Testing
import SluiceText

/// Exact text from ``ArticleExtractor`` on small pages of one obvious article: a news story
/// of a few paragraphs in the usual frame of a site (cookie banner, header menu, navigation,
/// sidebar, footer), one structure or kind of boilerplate a test.
@Suite struct ArticleExtractorTests {
    static let p1 = "The harbour town of Kelmouth has begun rebuilding its sea wall, more than two years after a winter storm tore a forty-metre gap in the old stone barrier."
    static let p2 = "Engineers from the county council said the new wall would be built from concrete blocks faced with local granite, so that it matches the rest of the seafront."
    static let p3 = "Residents, many of whom have sandbagged their doors every winter since the storm, welcomed the work. \"We have waited a long time for this,\" said Mary Holt, who runs a café on the quay."
    static let p4 = "The project is expected to cost 4.2 million pounds and to be finished by the end of next summer, weather permitting."
    static let story = [p1, p2, p3, p4].joined(separator: "\n\n")

    static func paragraphs(_ ps: [String]) -> String { ps.map { "<p>\($0)</p>" }.joined(separator: "\n") }

    /// A whole page around `main` (the content of `<main>`), with the site's frame.
    static func page(main: String, bodyStart: String = "", bodyEnd: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Kelmouth starts work on its new sea wall | The Coastal Herald</title>
        <link rel="stylesheet" href="/css/site.css">
        <style>body { font-family: Georgia, serif; } .share-buttons a { display: inline-block; }</style>
        <script>window.dataLayer = window.dataLayer || []; dataLayer.push({"section": "news"});</script>
        </head>
        <body>
        \(bodyStart)
        <header class="site-header">
          <a class="logo" href="/">The Coastal Herald</a>
          <div class="top-menu"><ul>
            <li><a href="/subscribe">Subscribe</a></li><li><a href="/login">Sign in</a></li>
          </ul></div>
          <nav class="primary"><ul>
            <li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li>
            <li><a href="/opinion">Opinion</a></li><li><a href="/business">Business</a></li>
          </ul></nav>
        </header>
        <main>
        \(main)
        <aside class="sidebar">
          <h3>Most read</h3>
          <ol>
            <li><a href="/news/budget">Council approves budget for next year</a></li>
            <li><a href="/news/ferry">Ferry timetable changes from April</a></li>
            <li><a href="/sport/regatta">Regatta returns after a two-year break</a></li>
          </ol>
        </aside>
        </main>
        <footer class="site-footer">
          <p>© 2026 The Coastal Herald. All rights reserved.</p>
          <ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li><li><a href="/contact">Contact us</a></li></ul>
        </footer>
        \(bodyEnd)
        </body>
        </html>
        """
    }

    static func extract(_ html: String, _ options: ExtractOptions = .init()) -> ExtractedPage {
        ArticleExtractor(options: options).extract(Array(html.utf8))
    }

    // MARK: Structure

    @Test func paragraphsSeparatedByABlankLine() {
        let html = Self.page(main: "<article>\n\(Self.paragraphs([Self.p1, Self.p2, Self.p3, Self.p4]))\n</article>")
        let page = Self.extract(html)
        #expect(page.text == Self.story)
        #expect(page.hasArticle)
    }

    /// Runs of whitespace in the source (indentation, line breaks inside a paragraph) are one
    /// space; character references are decoded.
    @Test func whitespaceCollapsedAndReferencesDecoded() {
        let html = Self.page(main: """
        <article>
          <p>
            The harbour town of Kelmouth has begun rebuilding its sea wall,
            more than two years after a winter storm tore a forty-metre gap
            in the old stone barrier.
          </p>
          <p>Engineers from the county council said the new wall would be built from concrete blocks faced with local granite, so that it matches the rest of the seafront.</p>
          <p>Residents, many of whom have sandbagged their doors every winter since the storm, welcomed the work. &quot;We have waited a long time for this,&quot; said Mary Holt, who runs a caf&eacute; on the quay.</p>
          <p>The project is expected to cost 4.2&nbsp;million pounds and to be finished by the end of next summer, weather permitting.</p>
        </article>
        """)
        #expect(Self.extract(html).text == Self.story.replacingOccurrences(of: "4.2 million", with: "4.2\u{A0}million"))
    }

    /// An inline element that holds only white space separates the words around it, as a
    /// browser shows it; an empty one joins them.
    @Test func whitespaceOnlyInlineElementsKeepTheirSpace() {
        let html = Self.page(main: """
        <article>
          <p>The harbour town of Kelmouth,<b> </b>which lost its sea wall in a storm,<i>\n</i>has begun rebuilding it<span></span>s         wall, more than two years after the winter storm tore a forty-metre gap in the old stone barrier.</p>
          <p>\(Self.p2)</p><p>\(Self.p3)</p>
        </article>
        """)
        #expect(Self.extract(html).text.hasPrefix("The harbour town of Kelmouth, which lost its sea wall in a storm, has begun rebuilding its wall, more"))
    }

    @Test func headingsAndListItemsOnTheirOwnLines() {
        let html = Self.page(main: """
        <article>
        <p>\(Self.p1)</p>
        <h2>What the work involves</h2>
        <p>\(Self.p2)</p>
        <ul>
          <li>Removing the damaged stones from the gap.</li>
          <li>Laying a new foundation below the low-tide line.</li>
          <li>Facing the concrete with granite from the local quarry.</li>
        </ul>
        <p>\(Self.p3)</p>
        <h3>Cost and timing</h3>
        <p>\(Self.p4)</p>
        </article>
        """)
        #expect(Self.extract(html).text == """
        \(Self.p1)

        What the work involves

        \(Self.p2)

        Removing the damaged stones from the gap.
        Laying a new foundation below the low-tide line.
        Facing the concrete with granite from the local quarry.

        \(Self.p3)

        Cost and timing

        \(Self.p4)
        """)
    }

    @Test func lineBreaks() {
        let html = Self.page(main: """
        <article>
        <p>\(Self.p1)</p>
        <p>\(Self.p2)</p>
        <p>The notice on the quay reads:<br>
        Work starts on Monday, 3 March.<br/>The quay stays open to walkers.<br>
        Parking is closed until the autumn.</p>
        <p>\(Self.p3)</p>
        <p>\(Self.p4)</p>
        </article>
        """)
        #expect(Self.extract(html).text == """
        \(Self.p1)

        \(Self.p2)

        The notice on the quay reads:
        Work starts on Monday, 3 March.
        The quay stays open to walkers.
        Parking is closed until the autumn.

        \(Self.p3)

        \(Self.p4)
        """)
    }

    static let tablePage = page(main: """
    <article>
    <p>\(p1)</p>
    <p>\(p2)</p>
    <table class="data">
      <thead>
        <tr><th>Phase</th> <th>Start</th> <th>Cost</th></tr>
      </thead>
      <tbody>
        <tr><td>Foundations</td><td>March</td><td>1.1 million</td></tr>
        <tr>
          <td>Wall</td>
          <td>June</td>
          <td>2.6 million</td>
        </tr>
        <tr><td>Granite facing</td><td>September</td><td>0.5 million</td></tr>
      </tbody>
    </table>
    <p>\(p3)</p>
    <p>\(p4)</p>
    </article>
    """)

    @Test func tableKept() {
        #expect(Self.extract(Self.tablePage, ExtractOptions(tables: true)).text == """
        \(Self.p1)

        \(Self.p2)

        Phase\tStart\tCost
        Foundations\tMarch\t1.1 million
        Wall\tJune\t2.6 million
        Granite facing\tSeptember\t0.5 million

        \(Self.p3)

        \(Self.p4)
        """)
    }

    @Test func tableLeftOut() {
        #expect(Self.extract(Self.tablePage, ExtractOptions(tables: false)).text == Self.story)
    }

    // MARK: Boilerplate

    static let cookieBanner = """
    <div id="cookie-consent" class="banner-bottom">
      <p>We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.</p>
      <a href="/cookies">Learn more</a> <button>Accept all</button>
    </div>
    """
    static let newsletter = """
    <div class="newsletter-signup">
      <h3>Get the morning briefing</h3>
      <p>Sign up for our free newsletter, delivered every weekday at seven, with the news from the coast.</p>
      <form action="/newsletter"><input type="email" name="email" placeholder="Your email"><button>Sign up</button></form>
    </div>
    """
    static let shareButtons = """
    <div class="share-buttons">
      <a href="https://facebook.example/share?u=1">Share on Facebook</a>
      <a href="https://x.example/intent?u=1">Share on X</a>
      <a href="mailto:?subject=Sea%20wall">Email this story</a>
    </div>
    """
    static let related = """
    <div class="related-links">
      <h3>Related stories</h3>
      <ul>
        <li><a href="/news/storm-damage">Storm leaves a forty-metre gap in Kelmouth's sea wall</a></li>
        <li><a href="/news/flood-defences">County sets aside money for flood defences</a></li>
        <li><a href="/news/quay-cafe">Quay café reopens after the floods</a></li>
      </ul>
    </div>
    """
    static let comment1 = "I grew up in Kelmouth, and the storm of that winter was the worst I can remember. Good to see the wall finally going up."
    static let comment2 = "Four million pounds is a lot of money, but far less than the cost of another flood in the old town."
    static let comments = """
    <section class="comments">
      <div class="comment"><p>\(comment1)</p></div>
      <div class="comment"><p>\(comment2)</p></div>
    </section>
    """

    static let boilerplatePage = page(
        main: """
        <article>
        \(paragraphs([p1, p2]))
        \(newsletter)
        \(paragraphs([p3, p4]))
        \(shareButtons)
        \(related)
        </article>
        \(comments)
        """,
        bodyStart: cookieBanner)

    /// Navigation, the header menu, the footer, the sidebar, share buttons, related links, a
    /// newsletter box, a cookie banner and reader comments are all left out.
    @Test func boilerplateRemoved() {
        let page = Self.extract(Self.boilerplatePage)
        #expect(page.text == Self.story)
        for word in ["Sport", "Subscribe", "Most read", "Privacy", "rights reserved", "Share on", "Related", "newsletter",
                     "cookies", "Kelmouth, and the storm", "Coastal Herald"] {
            #expect(!page.text.contains(word), "\(word)")
        }
    }

    /// Class names generated by CSS-in-JS libraries (styled-components: `sc-qOiPt jpYiwZ`) are
    /// no names: `jpYiwZ` is not Jetpack's `jp`, so a news site that wraps every paragraph in
    /// such a div keeps its article (it lost all of it before), while a name with a letter on
    /// (`BreadcrumbT1`) still names a breadcrumb.
    @Test func generatedClassNamesAreNoNames() {
        let wrapped = [Self.p1, Self.p2, Self.p3, Self.p4].map { "<div class=\"sc-qOiPt jpYiwZ\"><p>\($0)</p></div>" }
        let main = """
        <article class="sc-pcJBx gkirqO">
        <div class="BreadcrumbT1"><a href="/">Home</a> » <a href="/news">News</a> » Kelmouth</div>
        \(wrapped.joined(separator: "\n"))
        </article>
        """
        let page = Self.extract(Self.page(main: main))
        #expect(page.text == Self.story)
    }

    /// An article whose every line looks like a label (song lyrics: short lines without a
    /// sentence end) is not trimmed away as edge lines: it came out empty before.
    @Test func labelLikeLinesAreNotAllTrimmed() {
        let lyrics = [
            "Love that has gone will not come back", "I still have words I want to tell you",
            "Hard to say and no time left to say them", "Words of parting are the hardest to speak",
            "You will find a new life", "I will put away my sorrow", "",
            "[Chorus]", "So go without worry", "Be happy and free as you fly",
        ]
        let main = "<article><div class=\"post-body entry-content\">" + lyrics.map { $0.isEmpty ? "<br>" : $0 + "<br>" }.joined() + "</div></article>"
        let page = Self.extract(Self.page(main: main))
        #expect(page.text == lyrics.joined(separator: "\n"))
    }

    /// Each kind of boilerplate alone, where pages put it: inside the article between or after
    /// its paragraphs, or around it.
    @Test(arguments: [
        ("share buttons", "", shareButtons, ""),
        ("related links", "", related, ""),
        ("newsletter box", newsletter, "", ""),
        ("cookie banner", "", "", cookieBanner),
        ("comments", "", "", ""),
    ])
    func boilerplateAlone(_ name: String, middle: String, end: String, bodyStart: String) {
        let main = """
        <article>
        \(Self.paragraphs([Self.p1, Self.p2]))
        \(middle)
        \(Self.paragraphs([Self.p3, Self.p4]))
        \(end)
        </article>
        \(name == "comments" ? Self.comments : "")
        """
        #expect(Self.extract(Self.page(main: main, bodyStart: bodyStart)).text == Self.story, "\(name)")
    }

    /// With `comments: true` the comments follow the article, after a blank line.
    @Test
    func commentsKept() {
        #expect(Self.extract(Self.boilerplatePage, ExtractOptions(comments: true)).text ==
                Self.story + "\n\n" + Self.comment1 + "\n\n" + Self.comment2)
    }

    // MARK: Options

    @Test func linksWithTargets() {
        let p2Link = "Engineers from the county council said the new wall would be built from concrete blocks faced with local granite, according to <a href=\"https://kelmouth.example/plans/sea-wall\">the published plans</a>, and <a href=\"#notes\">notes</a> on the quay."
        let html = Self.page(main: "<article>\n\(Self.paragraphs([Self.p1, p2Link, Self.p3, Self.p4]))\n</article>")
        let plain = "Engineers from the county council said the new wall would be built from concrete blocks faced with local granite, according to the published plans, and notes on the quay."
        let linked = "Engineers from the county council said the new wall would be built from concrete blocks faced with local granite, according to the published plans <https://kelmouth.example/plans/sea-wall>, and notes on the quay."
        #expect(Self.extract(html).text == [Self.p1, plain, Self.p3, Self.p4].joined(separator: "\n\n"))
        #expect(Self.extract(html, ExtractOptions(links: true)).text == [Self.p1, linked, Self.p3, Self.p4].joined(separator: "\n\n"))
    }

    @Test func minCharsDecidesHasArticle() {
        let html = Self.page(main: "<article>\n\(Self.paragraphs([Self.p1, Self.p2, Self.p3, Self.p4]))\n</article>")
        let length = Self.story.unicodeScalars.count { !$0.properties.isWhitespace }
        #expect(Self.extract(html, ExtractOptions(minChars: 100)).hasArticle)
        #expect(Self.extract(html, ExtractOptions(minChars: length)).hasArticle)
        #expect(!Self.extract(html, ExtractOptions(minChars: length + 1)).hasArticle)
        // A page of one short line has no article with the default threshold.
        let short = Self.page(main: "<article><p>Kelmouth quay is closed today.</p></article>")
        #expect(!Self.extract(short).hasArticle)
        #expect(Self.extract(short, ExtractOptions(minChars: 10)).hasArticle)
    }

    /// ``ExtractedPage/text`` is documented as empty when there is no article.
    @Test
    func noArticleMeansNoText() {
        let html = Self.page(main: "<article>\n\(Self.paragraphs([Self.p1, Self.p2, Self.p3, Self.p4]))\n</article>")
        let page = Self.extract(html, ExtractOptions(minChars: 10_000))
        #expect(!page.hasArticle)
        #expect(page.text == "")
    }

    /// Short lines without a sentence end at the article's edges are labels and go; a smiley or
    /// an emoji ends a line someone wrote, which stays.
    @Test func edgeLinesTrimmedUnlessWritten() {
        let para = "The council approved the budget on Tuesday, after a long debate about libraries and parks."
        func article(_ last: String) -> String {
            ArticleExtractor(options: .init(minChars: 10)).extract(Array("<html><body><article><p>\(para)</p><p>\(last)</p></article></body></html>".utf8)).text
        }
        #expect(article("Mehr zum Thema") == para)
        #expect(article("Bis bald :)") == para + "\n\nBis bald :)")
        #expect(article("Das gefällt mir 😉") == para + "\n\nDas gefällt mir 😉")
        #expect(ArticleExtractor(options: .init(favor: .recall, minChars: 10)).extract(Array("<html><body><article><p>\(para)</p><p>Mehr zum Thema</p></article></body></html>".utf8)).text
                == para + "\n\nMehr zum Thema")
    }

    /// Fuzz finding (article-extract): NUL bytes in a page's text reached the article.
    @Test func nulBytesNeverReachTheArticle() {
        let para = "The council approved the budget on Tuesday, after a long debate about libraries and parks."
        let html = Array("<html><body><article><p>\(para)</p><p>A second\u{0} paragraph, with\u{0}\u{0} NULs, follows here.</p></article></body></html>".utf8)
        let page = ArticleExtractor(options: .init(minChars: 10)).extract(html)
        #expect(page.hasArticle)
        #expect(page.text == para + "\n\nA second paragraph, with NULs, follows here.")
    }

    @Test func hiddenContentDropped() {
        let html = Self.page(main: """
        <article>
        <p>\(Self.p1)</p>
        <p hidden>This paragraph is hidden, and no reader of the page ever sees it.</p>
        <p>\(Self.p2)</p>
        <div aria-hidden="true"><p>Decorative text, repeated for the screen, not for readers of the story.</p></div>
        <p>\(Self.p3)</p>
        <p style="color: grey; display: none">An earlier version of the last paragraph, kept by the editor.</p>
        <p>\(Self.p4)</p>
        </article>
        """)
        #expect(Self.extract(html).text == Self.story)
    }

    /// A story inside `<aside>` is still the article when it is the page's only prose.
    @Test func articleInsideAside() {
        let html = Self.page(main: "<aside class=\"story\"><div>\n\(Self.paragraphs([Self.p1, Self.p2, Self.p3, Self.p4]))\n</div></aside>")
        #expect(Self.extract(html).text == Self.story)
    }

    /// The same with the paragraphs directly in the `<aside>`: the aside is the best element,
    /// and only its ancestors are protected from removal by tag, so it is removed.
    @Test
    func articleDirectlyInsideAside() {
        let html = Self.page(main: "<aside class=\"story\">\n\(Self.paragraphs([Self.p1, Self.p2, Self.p3, Self.p4]))\n</aside>")
        #expect(Self.extract(html).text == Self.story)
        let bare = """
        <html><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <aside>\(Self.paragraphs([Self.p1, Self.p2, Self.p3, Self.p4]))</aside>
        <footer><a href="/privacy">Privacy</a></footer>
        </body></html>
        """
        #expect(Self.extract(bare).text == Self.story)
    }

    /// Cells directly in a `<table>` (no `<tr>`, which browsers imply) are still tab-separated.
    @Test
    func tableWithoutRows() {
        let html = Self.page(main: """
        <article>
        \(Self.paragraphs([Self.p1, Self.p2]))
        <table><td>Foundations</td><td>March</td></table>
        \(Self.paragraphs([Self.p3, Self.p4]))
        </article>
        """)
        #expect(Self.extract(html).text == [Self.p1, Self.p2, "Foundations\tMarch", Self.p3, Self.p4].joined(separator: "\n\n"))
    }

    /// The same page in pieces: without a `<main>` or `<article>`, the paragraphs still win.
    @Test func articleWithoutSemanticMarkup() {
        let html = """
        <html><head><title>Sea wall</title></head><body>
        <div id="top"><div class="menu"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></div></div>
        <div id="page">
          <div id="content">\(Self.paragraphs([Self.p1, Self.p2, Self.p3, Self.p4]))</div>
          <div id="sidebar"><ul><li><a href="/a">Ferry timetable changes from April</a></li><li><a href="/b">Regatta returns</a></li></ul></div>
        </div>
        <div id="footer">© 2026 The Coastal Herald</div>
        </body></html>
        """
        #expect(Self.extract(html).text == Self.story)
    }
}
