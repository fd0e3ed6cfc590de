/// Recognizes boilerplate by the class, id and role names web pages give their elements:
/// navigation, sharing, related links, newsletters, cookie banners, ads, comments.
///
/// A class or id value is cut into words at every non-letter and at lower-to-upper case
/// changes (`article__share-buttons`, `relatedPosts` → article, share, buttons / related,
/// posts); a word counts when it is one of ``words`` or starts with one of ``stems``. Whole
/// words, not substrings, so `shadow`, `header-ad…` or `download` do not look like `ad`.
enum BoilerplateNames {
    /// What a name says about its element.
    enum Verdict: Equatable {
        case none
        case boilerplate
        case comments
        /// Names that mark the article's body (`article-body`, `entry-content`).
        case content
        /// Names of an article's lead paragraph (`lead`, `intro`, `perex`, `standfirst`).
        case lead
    }

    static let leadWords: Set<String> = ["lead", "intro", "perex", "standfirst", "teaser", "summary", "excerpt", "abstract", "deck"]

    static let words: Set<String> = [
        "nav", "navbar", "navi", "navigation", "menu", "menus", "submenu", "megamenu", "footer", "sidebar", "sidebars",
        "share", "shares", "sharing", "shariff", "social", "socials", "related", "newsletter", "newsletters",
        "cookie", "cookies", "consent", "gdpr", "banner", "breadcrumb", "breadcrumbs", "popup",
        "modal", "overlay", "ad", "ads", "advert", "adverts", "advertisement", "advertising", "anzeige", "werbung",
        "promo", "promotion", "sponsor", "sponsored", "subscribe", "subscription", "recommended",
        "recommendations", "recirculation", "outbrain", "taboola", "tags", "tagcloud", "byline", "toolbar",
        "pagination", "pager", "skip", "sr", "screen", "visually", "login", "signup", "search",
        "masthead", "topbar", "copyright", "rating", "ratings", "addthis", "sharethis", "teasers",
        "disqus", "jp", "postmeta", "meta", "avatar", "dateline", "timestamp", "credits", "account", "follow",
        "donate", "donation", "icons", "logo", "topnav", "subnav", "offcanvas", "dropdown", "flyout",
        "notification", "feedback", "survey", "poll", "sitemap", "legal", "imprint", "impressum", "privacy",
        "newsticker", "ticker", "trending", "popular", "mostread", "nextpost", "prev", "previous", "navlinks",
        "archive", "archives", "calendar", "slider", "carousel", "textwidget", "widgettitle", "secondary", "colophon",
        "sharedaddy", "nocontent", "recent", "jetpack", "cta", "btn", "button", "buttons", "bio", "email", "contact",
        "notice", "popular", "most", "like", "likes", "xoxo", "signup", "login", "caption", "credit", "authorbox",
        "authorinfo",
    ]

    /// Word pairs that mark boilerplate where each word alone does not (`author-box` but not
    /// `author-guidelines`).
    static let boilerplatePairs: [[String]] = [
        ["author", "box"], ["author", "info"], ["author", "bio"], ["about", "author"], ["author", "profile"],
        ["author", "card"], ["author", "details"], ["author", "description"], ["autor", "box"], ["autor", "info"],
        ["post", "meta"], ["entry", "meta"], ["article", "meta"], ["read", "more"], ["more", "articles"],
        ["further", "reading"], ["see", "also"], ["image", "credit"], ["photo", "credit"],
        ["next", "post"], ["next", "posts"], ["next", "story"], ["next", "article"], ["more", "stories"], ["more", "news"],
    ]

    static let stems: [String] = [
        "share", "social", "related", "newsletter", "cookie", "breadcrumb", "sidebar", "footer", "navbar", "navigation",
        "advert", "sponsor", "subscri", "recommend", "comment", "kommentar", "commento", "comentario", "komentar",
    ]

    static let commentWords: Set<String> = ["comment", "comments", "commentform", "kommentare", "kommentar", "respond", "reply", "replies", "discussion", "disqus", "responses"]

    static let contentWords: [[String]] = [
        ["article", "body"], ["article", "content"], ["article", "text"], ["articlebody"], ["article", "main"],
        ["entry", "content"], ["post", "content"], ["post", "body"], ["post", "entry"], ["story", "body"],
        ["story", "content"], ["content", "body"], ["main", "content"], ["body", "text"], ["rich", "text"],
        ["article", "detail"], ["blog", "post"], ["single", "post"], ["news", "text"], ["text", "content"],
        ["artikel", "text"], ["field", "body"], ["node", "content"], ["page", "content"], ["entry", "body"],
    ]

    /// The verdict for one element's class and id values.
    static func verdict(class cls: ArraySlice<UInt8>?, id: ArraySlice<UInt8>?) -> Verdict {
        var words: [String] = []
        if let cls { split(cls, into: &words) }
        if let id {
            // An id of many words is a slug made from the element's own text (a heading's
            // anchor), not a name the page gave it.
            var idWords: [String] = []
            split(id, into: &idWords)
            if idWords.count <= 4 { words += idWords }
        }
        guard !words.isEmpty else { return .none }
        for pair in contentWords where containsSequence(words, pair) { return .content }
        for w in words where commentWords.contains(w) { return .comments }
        for pair in boilerplatePairs where containsSequence(words, pair) { return .boilerplate }
        for w in words {
            if Self.words.contains(w) { return .boilerplate }
            // "commentary" is an opinion piece, not reader comments.
            for s in stems where w.hasPrefix(s) && !w.hasPrefix("commentar") {
                return s.hasPrefix("comment") || s == "kommentar" || s == "commento" || s == "comentario" || s == "komentar" ? .comments : .boilerplate
            }
        }
        for w in words where leadWords.contains(w) { return .lead }
        return .none
    }

    private static func containsSequence(_ words: [String], _ seq: [String]) -> Bool {
        guard words.count >= seq.count else { return false }
        for i in 0...(words.count - seq.count) {
            var ok = true
            for j in seq.indices where words[i + j] != seq[j] {
                ok = false
                break
            }
            if ok { return true }
        }
        return false
    }

    /// Splits a class or id value into lower-case ASCII words at non-letters and case changes;
    /// at most 24 words, each at most 24 letters (longer names are generated ids, not words).
    /// Parts that describe something else than the element itself are skipped: BEM modifiers
    /// (`section--has-ads`, `body--withSidebar`), state and content classes (`has-sidebar`,
    /// `is-hidden`, `with-comments`) and WordPress' taxonomy classes (`tag-sports`,
    /// `category-news`).
    static func split(_ bytes: ArraySlice<UInt8>, into words: inout [String]) {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            while i < bytes.endIndex && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A) { i += 1 }
            var e = i
            while e < bytes.endIndex && bytes[e] != 0x20 && bytes[e] != 0x09 && bytes[e] != 0x0A { e += 1 }
            var token = bytes[i..<e]
            i = e
            if skippedPrefixes.contains(where: { token.starts(with: $0) }) { continue }
            if token.starts(with: postID), token.count > 5, (0x30...0x39).contains(token[token.startIndex + 5]) { continue }
            // A BEM modifier says how the block looks or what it holds, not what it is.
            if let m = token.indices.first(where: { $0 + 1 < token.endIndex && token[$0] == 0x2D && token[$0 + 1] == 0x2D }) {
                token = token[token.startIndex..<m]
            }
            // A class of many words describes content, generated by a framework
            // (`_fbReactionComponent__eventDetailsContentTags`), rather than naming a part of the page.
            var tokenWords: [String] = []
            splitToken(token, into: &tokenWords)
            if tokenWords.count <= 5 { words += tokenWords.prefix(24 - min(24, words.count)) }
        }
    }

    static let skippedPrefixes: [[UInt8]] = ["has-", "is-", "with-", "tag-", "category-", "format-", "status-", "type-", "author-", "js-"].map { Array($0.utf8) }

    private static let postID = Array("post-".utf8)

    /// Splits one token into words at non-letters and lower-to-upper case changes. A short run
    /// of letters (at most 8) whose case changes leave a one-letter piece (`jpYiwZ`, `qOiPt`,
    /// `bUMNyJ`) is a hash generated by a CSS-in-JS library (styled-components), not a name:
    /// its pieces are dropped, so `jpYiwZ` is not the `jp` of Jetpack. Longer runs are names
    /// with a letter on (`BreadcrumbT1`).
    private static func splitToken(_ bytes: ArraySlice<UInt8>, into words: inout [String]) {
        var word: [UInt8] = []
        var previousLower = false
        // The pieces of the current run of letters, held until the run ends.
        var run: [String] = []
        var runChangedCase = false
        var runHasSingle = false
        var runLetters = 0
        func flushWord() {
            if !word.isEmpty && word.count <= 24 {
                if word.count == 1 { runHasSingle = true }
                run.append(String(decoding: word, as: UTF8.self))
            }
            word.removeAll(keepingCapacity: true)
        }
        func flushRun() {
            flushWord()
            if !(runChangedCase && runHasSingle && runLetters <= 8) {
                for w in run where words.count < 24 { words.append(w) }
            }
            run.removeAll(keepingCapacity: true)
            runChangedCase = false
            runHasSingle = false
            runLetters = 0
        }
        for b in bytes {
            switch b {
            case 0x61...0x7A:
                word.append(b)
                runLetters += 1
                previousLower = true
            case 0x41...0x5A:
                runLetters += 1
                if previousLower {
                    flushWord()
                    runChangedCase = true
                }
                word.append(b | 0x20)
                previousLower = false
            default:
                flushRun()
                previousLower = false
            }
        }
        flushRun()
    }
}
