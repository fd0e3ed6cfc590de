/// The WHATWG HTML tokenizer (HTML Living Standard, §13.2.5) over UTF-8 bytes.
///
///     var tokenizer = HTMLTokenizer(Array(html.utf8))
///     while let token = tokenizer.next() {
///         if case .startTag(let name, _) = token, tokenizer.string(name) == "title" { tokenizer.switchTo(.rcdata) }
///     }
///
/// A pull API: the tree builder must switch the content state (RCDATA after `<title>`, …) between
/// a start tag and what follows, which a pull loop does with no call-back plumbing; each call
/// runs the state machine over a whole token with its position and state in locals, so the
/// per-token return costs little (479 MB/s of real pages on one core, `sluice-bench html-tokenize`).
///
/// Tokens do not copy: text, names and values are ``HTMLSpan``s of the input, except when
/// something had to be rewritten (a character reference, NUL, CR, an upper-case name letter);
/// then they point into a decoded buffer that is reused for every token. The preprocessing of
/// the input stream (CR LF and CR become LF) is done here too. Parse errors are not reported.
/// Invalid UTF-8 passes through unchanged. One deviation: a tag keeps at most ``maxAttributes``
/// attributes. Every step consumes input or changes state towards consuming it, and a byte is
/// looked at a bounded number of times (the up to 33 bytes after `&`, or a name after `</`, again
/// when they turn out to be text), so the time is linear in the input.
public struct HTMLTokenizer: Sendable {
    /// The states a tree builder may set (and that the html5lib tests start in).
    public enum State: Sendable, Equatable {
        /// The tokenization states of the same names in the HTML standard.
        case data, rcdata, rawtext, scriptData, plaintext, cdataSection
    }

    /// The UTF-8 input.
    public let input: [UInt8]
    /// Bytes consumed so far; never decreases.
    public private(set) var position = 0
    /// The content state the next call starts in.
    public private(set) var state: State = .data
    /// Whether `<![CDATA[` opens a CDATA section (the tree builder sets it while the adjusted
    /// current node is in foreign content); otherwise it is a bogus comment.
    public var allowsCDATA = false
    /// The attributes of the last start tag returned (duplicates dropped, first one kept).
    public private(set) var attributes: [HTMLAttribute] = []

    private var scratch: [UInt8] = []
    private var lastStartTag: [UInt8] = []
    private var pending: HTMLToken?
    private let references = HTMLCharacterReferences.shared

    // The token being built (only one field grows at a time, so each decoded field stays at the
    // end of `scratch` while it grows).
    private var text = HTMLTokenField()
    private var name = HTMLTokenField()
    private var attrName = HTMLTokenField()
    private var attrValue = HTMLTokenField()
    private var hasAttribute = false
    private var attributeIsDuplicate = false
    private var isEndTag = false
    private var publicID = HTMLTokenField()
    private var systemID = HTMLTokenField()
    private var hasName = false, hasPublicID = false, hasSystemID = false, forceQuirks = false
    /// Attributes kept per tag. Not in the spec: past it they are dropped like duplicates, which
    /// keeps the duplicate table in cache (a 4 MB tag of distinct attributes was 5× slower per
    /// byte than a 1 MB one through cache misses alone) and memory per tag bounded.
    public static let maxAttributes = 4096
    /// Hash and index + 1 of the current tag's attributes by name hash, once it has many (0: empty slot).
    private var attributeSlots: [UInt64] = []

    /// A tokenizer over UTF-8 bytes.
    public init(_ input: [UInt8]) {
        self.input = input
    }

    /// A tokenizer over a string's UTF-8.
    public init(_ string: String) {
        self.init(Array(string.utf8))
    }

    /// Switches the content state, as the tree builder does after `<title>`, `<style>`,
    /// `<script>`, `<plaintext>`…; call it between tokens.
    public mutating func switchTo(_ state: State) {
        self.state = state
    }

    /// Sets the name of the last start tag (lower case), which decides which end tag closes
    /// RCDATA, RAWTEXT and script data; start tags set it themselves.
    public mutating func setLastStartTag(_ name: String) {
        lastStartTag = Array(name.utf8)
    }

    /// The bytes of a span of the current token.
    public func withBytes<R>(_ span: HTMLSpan, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if span.isDecoded {
            return try scratch.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[span.start..<span.end])) }
        }
        return try input.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[span.start..<span.end])) }
    }

    /// A span of the current token as a string (invalid UTF-8 repaired).
    public func string(_ span: HTMLSpan) -> String {
        withBytes(span) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether a span holds exactly these ASCII bytes (names are lower case already).
    public func span(_ span: HTMLSpan, equals ascii: StaticString) -> Bool {
        guard span.count == ascii.utf8CodeUnitCount else { return false }
        return withBytes(span) { b in
            let a = ascii.utf8Start
            for i in 0..<b.count where b[i] != a[i] { return false }
            return true
        }
    }

    /// The next token, or nil at the end of the input.
    public mutating func next() -> HTMLToken? {
        if let t = pending {
            pending = nil
            return t
        }
        if position >= input.count { return nil }
        scratch.removeAll(keepingCapacity: true)
        attributes.removeAll(keepingCapacity: true)
        text = HTMLTokenField()
        let input = self.input
        return input.withUnsafeBufferPointer { s in
            Self.byteClasses.withUnsafeBufferPointer { classes in run(s, classes) }
        }
    }

    // MARK: - The state machine

    private enum Inner {
        case data, rcdata, rawtext, plaintext, cdata
        case script, scriptEscaped, scriptEscapedDash, scriptEscapedDashDash
        case scriptDoubleEscaped, scriptDoubleEscapedDash, scriptDoubleEscapedDashDash
        case tagOpen, endTagOpen, tagName, beforeAttrName, attrName, afterAttrName, beforeAttrValue
        case attrValueDouble, attrValueSingle, attrValueUnquoted, afterAttrValueQuoted, selfClosing
        case bogusComment, markupDeclaration, commentStart, commentStartDash, comment, commentEndDash, commentEnd, commentEndBang
        case doctype, beforeDoctypeName, doctypeName, afterDoctypeName, afterPublicKeyword, beforePublicID
        case publicIDDouble, publicIDSingle, afterPublicID, betweenIDs, afterSystemKeyword, beforeSystemID
        case systemIDDouble, systemIDSingle, afterSystemID, bogusDoctype
    }

    // Byte classes (bit flags in `byteClasses`).
    private static let cData: UInt16 = 1         // < & CR NUL
    private static let cRaw: UInt16 = 2          // < CR NUL
    private static let cTagName: UInt16 = 4      // white space / > NUL A-Z
    private static let cAttrName: UInt16 = 8     // white space / > = NUL A-Z
    private static let cDouble: UInt16 = 16      // " & CR NUL
    private static let cSingle: UInt16 = 32      // ' & CR NUL
    private static let cUnquoted: UInt16 = 64    // white space & > NUL
    private static let cEscaped: UInt16 = 128    // - < CR NUL
    private static let cSpace: UInt16 = 256      // TAB LF FF CR SPACE
    private static let cAlpha: UInt16 = 512      // A-Z a-z
    private static let cUpper: UInt16 = 1024     // A-Z

    private static let byteClasses: [UInt16] = {
        var t = [UInt16](repeating: 0, count: 256)
        let space: [UInt8] = [0x09, 0x0A, 0x0C, 0x0D, 0x20]
        for c in space { t[Int(c)] |= cSpace | cTagName | cAttrName | cUnquoted }
        for c in [UInt8(ascii: "<"), UInt8(ascii: "&"), 0x0D, 0] { t[Int(c)] |= cData }
        for c in [UInt8(ascii: "<"), 0x0D, 0] { t[Int(c)] |= cRaw }
        for c in [UInt8(ascii: "/"), UInt8(ascii: ">"), 0] { t[Int(c)] |= cTagName | cAttrName }
        t[Int(UInt8(ascii: "="))] |= cAttrName
        for c in [UInt8(ascii: "\""), UInt8(ascii: "&"), 0x0D, 0] { t[Int(c)] |= cDouble }
        for c in [UInt8(ascii: "'"), UInt8(ascii: "&"), 0x0D, 0] { t[Int(c)] |= cSingle }
        for c in [UInt8(ascii: "&"), UInt8(ascii: ">"), 0] { t[Int(c)] |= cUnquoted }
        for c in [UInt8(ascii: "-"), UInt8(ascii: "<"), 0x0D, 0] { t[Int(c)] |= cEscaped }
        for c in UInt8(ascii: "A")...UInt8(ascii: "Z") { t[Int(c)] |= cTagName | cAttrName | cAlpha | cUpper }
        for c in UInt8(ascii: "a")...UInt8(ascii: "z") { t[Int(c)] |= cAlpha }
        return t
    }()

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), amp = UInt8(ascii: "&")
    private static let slash = UInt8(ascii: "/"), bang = UInt8(ascii: "!"), dash = UInt8(ascii: "-")
    private static let eq = UInt8(ascii: "="), dquote = UInt8(ascii: "\""), squote = UInt8(ascii: "'")
    private static let cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    private mutating func run(_ s: UnsafeBufferPointer<UInt8>, _ cls: UnsafeBufferPointer<UInt16>) -> HTMLToken? {
        let n = s.count
        var p = position
        var st: Inner
        switch state {
        case .data: st = .data
        case .rcdata: st = .rcdata
        case .rawtext: st = .rawtext
        case .scriptData: st = .script
        case .plaintext: st = .plaintext
        case .cdataSection: st = .cdata
        }
        var tagStart = p        // where the `<` of the current markup is
        var dataStart = p       // a comment's data
        var dashAt = p          // where the comment's closing dashes start
        defer { position = p }

        @inline(__always) func isClass(_ c: UInt8, _ k: UInt16) -> Bool { cls[Int(c)] & k != 0 }

        while true {
            switch st {
            // MARK: content states
            case .data, .rcdata:
                var q = p
                while q < n, cls[Int(s[q])] & Self.cData == 0 { q += 1 }
                text.take(p, q, s, &scratch)
                p = q
                if p == n { return endOfInput() }
                let c = s[p]
                if c == Self.lt {
                    if st == .data {
                        tagStart = p
                        p += 1
                        st = .tagOpen
                    } else if let q = appropriateEndTag(s, p, cls) {
                        startEndTag(s, p + 2, q)
                        p = q
                        st = .tagName
                    } else {
                        text.take(p, p + 1, s, &scratch)
                        p += 1
                    }
                } else if c == Self.amp {
                    p = characterReference(s, p, inAttribute: false, into: .text)
                } else if c == Self.cr {
                    p = newline(s, p, into: .text)
                } else if st == .data {
                    text.take(p, p + 1, s, &scratch)   // NUL stays NUL in the data state
                    p += 1
                } else {
                    text.addFFFD(s, &scratch)
                    p += 1
                }

            case .rawtext, .script:
                var q = p
                while q < n, cls[Int(s[q])] & Self.cRaw == 0 { q += 1 }
                text.take(p, q, s, &scratch)
                p = q
                if p == n { return endOfInput() }
                let c = s[p]
                if c == Self.lt {
                    if let q = appropriateEndTag(s, p, cls) {
                        startEndTag(s, p + 2, q)
                        p = q
                        st = .tagName
                    } else if st == .script, p + 1 < n, s[p + 1] == Self.bang {
                        // `<!--` starts the escaped states; the bytes are text either way.
                        var q = p + 2
                        if q < n, s[q] == Self.dash {
                            q += 1
                            if q < n, s[q] == Self.dash {
                                q += 1
                                st = .scriptEscapedDashDash
                            }
                        }
                        text.take(p, q, s, &scratch)
                        p = q
                    } else {
                        text.take(p, p + 1, s, &scratch)
                        p += 1
                    }
                } else if c == Self.cr {
                    p = newline(s, p, into: .text)
                } else {
                    text.addFFFD(s, &scratch)
                    p += 1
                }

            case .plaintext:
                var q = p
                while q < n, s[q] != 0, s[q] != Self.cr { q += 1 }
                text.take(p, q, s, &scratch)
                p = q
                if p == n { return endOfInput() }
                if s[p] == Self.cr {
                    p = newline(s, p, into: .text)
                } else {
                    text.addFFFD(s, &scratch)
                    p += 1
                }

            case .cdata:
                // Everything up to the first `]]>` is text (NUL included); CR is still normalized.
                var q = p
                while q < n {
                    let c = s[q]
                    if c == Self.cr {
                        text.take(p, q, s, &scratch)
                        p = newline(s, q, into: .text)
                        q = p
                        continue
                    }
                    if c == UInt8(ascii: "]"), q + 2 < n, s[q + 1] == UInt8(ascii: "]"), s[q + 2] == Self.gt { break }
                    q += 1
                }
                text.take(p, q, s, &scratch)
                if q >= n {
                    p = n
                    return endOfInput()
                }
                p = q + 3
                state = .data
                st = .data

            case .scriptEscaped, .scriptDoubleEscaped:
                var q = p
                while q < n, cls[Int(s[q])] & Self.cEscaped == 0 { q += 1 }
                text.take(p, q, s, &scratch)
                p = q
                if p == n { return endOfInput() }
                let double = st == .scriptDoubleEscaped
                let c = s[p]
                if c == Self.dash {
                    text.take(p, p + 1, s, &scratch)
                    p += 1
                    st = double ? .scriptDoubleEscapedDash : .scriptEscapedDash
                } else if c == Self.lt {
                    st = scriptLessThan(s, &p, double: double, cls)
                } else if c == Self.cr {
                    p = newline(s, p, into: .text)
                } else {
                    text.addFFFD(s, &scratch)
                    p += 1
                }

            case .scriptEscapedDash, .scriptEscapedDashDash, .scriptDoubleEscapedDash, .scriptDoubleEscapedDashDash:
                if p == n { return endOfInput() }
                let double = st == .scriptDoubleEscapedDash || st == .scriptDoubleEscapedDashDash
                let dashDash = st == .scriptEscapedDashDash || st == .scriptDoubleEscapedDashDash
                let c = s[p]
                if c == Self.dash {
                    text.take(p, p + 1, s, &scratch)
                    p += 1
                    st = double ? .scriptDoubleEscapedDashDash : .scriptEscapedDashDash
                } else if c == Self.lt {
                    st = scriptLessThan(s, &p, double: double, cls)
                } else if c == Self.gt && dashDash {
                    text.take(p, p + 1, s, &scratch)
                    p += 1
                    st = .script
                } else {
                    st = double ? .scriptDoubleEscaped : .scriptEscaped
                    if c == 0 {
                        text.addFFFD(s, &scratch)
                        p += 1
                    } else if c == Self.cr {
                        p = newline(s, p, into: .text)
                    } else {
                        text.take(p, p + 1, s, &scratch)
                        p += 1
                    }
                }

            // MARK: tags
            case .tagOpen:
                if p == n {
                    text.take(tagStart, p, s, &scratch)
                    return endOfInput()
                }
                let c = s[p]
                if isClass(c, Self.cAlpha) {
                    startTag(end: false)
                    st = .tagName
                } else if c == Self.bang {
                    p += 1
                    st = .markupDeclaration
                } else if c == Self.slash {
                    p += 1
                    st = .endTagOpen
                } else if c == UInt8(ascii: "?") {
                    dataStart = p
                    st = .bogusComment
                } else {
                    text.take(tagStart, p, s, &scratch)   // the `<` is text
                    st = .data
                }

            case .endTagOpen:
                if p == n {
                    text.take(tagStart, p, s, &scratch)
                    return endOfInput()
                }
                let c = s[p]
                if isClass(c, Self.cAlpha) {
                    startTag(end: true)
                    st = .tagName
                } else if c == Self.gt {
                    p += 1        // `</>` is dropped
                    st = .data
                } else {
                    dataStart = p
                    st = .bogusComment
                }

            case .tagName:
                var q = p
                while q < n, cls[Int(s[q])] & Self.cTagName == 0 { q += 1 }
                name.take(p, q, s, &scratch)
                p = q
                if p == n { return endOfInput() }
                let c = s[p]
                p += 1
                if isClass(c, Self.cSpace) {
                    st = .beforeAttrName
                } else if c == Self.slash {
                    st = .selfClosing
                } else if c == Self.gt {
                    return emitTag(selfClosing: false, s)
                } else if c == 0 {
                    name.addFFFD(s, &scratch)
                } else {
                    name.add(c | 0x20, s, &scratch)
                }

            case .beforeAttrName:
                while p < n, isClass(s[p], Self.cSpace) { p += 1 }
                if p == n { return endOfInput() }
                let c = s[p]
                if c == Self.slash || c == Self.gt {
                    st = .afterAttrName
                } else {
                    startAttribute()
                    if c == Self.eq {
                        attrName.take(p, p + 1, s, &scratch)   // `=` first is part of the name
                        p += 1
                    }
                    st = .attrName
                }

            case .attrName:
                var q = p
                while q < n, cls[Int(s[q])] & Self.cAttrName == 0 { q += 1 }
                attrName.take(p, q, s, &scratch)
                p = q
                if p == n { return endOfInput() }
                let c = s[p]
                if isClass(c, Self.cSpace) || c == Self.slash || c == Self.gt {
                    checkDuplicate(s)
                    st = .afterAttrName
                } else if c == Self.eq {
                    checkDuplicate(s)
                    p += 1
                    st = .beforeAttrValue
                } else if c == 0 {
                    attrName.addFFFD(s, &scratch)
                    p += 1
                } else {
                    attrName.add(c | 0x20, s, &scratch)
                    p += 1
                }

            case .afterAttrName:
                while p < n, isClass(s[p], Self.cSpace) { p += 1 }
                if p == n { return endOfInput() }
                let c = s[p]
                if c == Self.slash {
                    p += 1
                    st = .selfClosing
                } else if c == Self.eq {
                    p += 1
                    st = .beforeAttrValue
                } else if c == Self.gt {
                    p += 1
                    return emitTag(selfClosing: false, s)
                } else {
                    startAttribute()
                    st = .attrName
                }

            case .beforeAttrValue:
                while p < n, isClass(s[p], Self.cSpace) { p += 1 }
                if p < n, s[p] == Self.dquote {
                    p += 1
                    st = .attrValueDouble
                } else if p < n, s[p] == Self.squote {
                    p += 1
                    st = .attrValueSingle
                } else if p < n, s[p] == Self.gt {
                    p += 1
                    return emitTag(selfClosing: false, s)
                } else {
                    st = .attrValueUnquoted
                }

            case .attrValueDouble, .attrValueSingle:
                let double = st == .attrValueDouble
                let k = double ? Self.cDouble : Self.cSingle
                var q = p
                while q < n, cls[Int(s[q])] & k == 0 { q += 1 }
                attrValue.take(p, q, s, &scratch)
                p = q
                if p == n { return endOfInput() }
                let c = s[p]
                if c == Self.amp {
                    p = characterReference(s, p, inAttribute: true, into: .attrValue)
                } else if c == Self.cr {
                    p = newline(s, p, into: .attrValue)
                } else if c == 0 {
                    attrValue.addFFFD(s, &scratch)
                    p += 1
                } else {
                    p += 1
                    st = .afterAttrValueQuoted
                }

            case .attrValueUnquoted:
                var q = p
                while q < n, cls[Int(s[q])] & Self.cUnquoted == 0 { q += 1 }
                attrValue.take(p, q, s, &scratch)
                p = q
                if p == n { return endOfInput() }
                let c = s[p]
                if c == Self.amp {
                    p = characterReference(s, p, inAttribute: true, into: .attrValue)
                } else if c == 0 {
                    attrValue.addFFFD(s, &scratch)
                    p += 1
                } else if c == Self.gt {
                    p += 1
                    return emitTag(selfClosing: false, s)
                } else {
                    p += 1
                    st = .beforeAttrName
                }

            case .afterAttrValueQuoted:
                if p == n { return endOfInput() }
                let c = s[p]
                if isClass(c, Self.cSpace) {
                    p += 1
                    st = .beforeAttrName
                } else if c == Self.slash {
                    p += 1
                    st = .selfClosing
                } else if c == Self.gt {
                    p += 1
                    return emitTag(selfClosing: false, s)
                } else {
                    st = .beforeAttrName
                }

            case .selfClosing:
                if p == n { return endOfInput() }
                if s[p] == Self.gt {
                    p += 1
                    return emitTag(selfClosing: true, s)
                }
                st = .beforeAttrName

            // MARK: comments
            case .markupDeclaration:
                if p + 1 < n, s[p] == Self.dash, s[p + 1] == Self.dash {
                    p += 2
                    dataStart = p
                    st = .commentStart
                } else if matchesFolded(s, p, "doctype") {
                    p += 7
                    hasName = false; hasPublicID = false; hasSystemID = false; forceQuirks = false
                    name = HTMLTokenField(); publicID = HTMLTokenField(); systemID = HTMLTokenField()
                    st = .doctype
                } else if allowsCDATA, matchesExactly(s, p, "[CDATA[") {
                    p += 7
                    st = .cdata
                } else {
                    dataStart = p     // `[CDATA[` outside foreign content is part of the comment too
                    st = .bogusComment
                }

            case .bogusComment:
                var q = p
                while q < n, s[q] != Self.gt { q += 1 }
                let data = normalized(s, dataStart, q)
                p = q < n ? q + 1 : n
                state = .data
                return emit(.comment(data.span))

            case .commentStart:
                if p < n, s[p] == Self.dash {
                    p += 1
                    st = .commentStartDash
                } else if p < n, s[p] == Self.gt {
                    p += 1
                    state = .data
                    return emit(.comment(HTMLSpan.empty))
                } else {
                    st = .comment
                }

            case .commentStartDash:
                if p == n {
                    state = .data
                    return emit(.comment(HTMLSpan.empty))
                }
                if s[p] == Self.dash {
                    dashAt = p - 1
                    p += 1
                    st = .commentEnd
                } else if s[p] == Self.gt {
                    p += 1
                    state = .data
                    return emit(.comment(HTMLSpan.empty))
                } else {
                    st = .comment     // the `-` is data
                }

            case .comment:
                // `<!--` inside a comment changes nothing but errors, so only `-` matters.
                var q = p
                while q < n, s[q] != Self.dash { q += 1 }
                if q == n {
                    p = n
                    state = .data
                    return emit(.comment(normalized(s, dataStart, n).span))
                }
                dashAt = q
                p = q + 1
                st = .commentEndDash

            case .commentEndDash:
                if p == n {
                    state = .data
                    return emit(.comment(normalized(s, dataStart, dashAt).span))
                }
                if s[p] == Self.dash {
                    p += 1
                    st = .commentEnd
                } else {
                    st = .comment
                }

            case .commentEnd:
                if p == n || s[p] == Self.gt {
                    if p < n { p += 1 }
                    state = .data
                    return emit(.comment(normalized(s, dataStart, dashAt).span))
                }
                if s[p] == Self.bang {
                    p += 1
                    st = .commentEndBang
                } else if s[p] == Self.dash {
                    dashAt += 1
                    p += 1
                } else {
                    st = .comment
                }

            case .commentEndBang:
                if p == n || s[p] == Self.gt {
                    if p < n { p += 1 }
                    state = .data
                    return emit(.comment(normalized(s, dataStart, dashAt).span))
                }
                if s[p] == Self.dash {
                    dashAt = p      // `--!` is data, this `-` may start the end
                    p += 1
                    st = .commentEndDash
                } else {
                    st = .comment
                }

            // MARK: DOCTYPE
            case .doctype:
                if p == n {
                    forceQuirks = true
                    return emitDoctype()
                }
                if isClass(s[p], Self.cSpace) { p += 1 }
                st = .beforeDoctypeName

            case .beforeDoctypeName:
                while p < n, isClass(s[p], Self.cSpace) { p += 1 }
                if p == n {
                    forceQuirks = true
                    return emitDoctype()
                }
                if s[p] == Self.gt {
                    p += 1
                    forceQuirks = true
                    return emitDoctype()
                }
                hasName = true
                name = HTMLTokenField()
                st = .doctypeName

            case .doctypeName:
                var q = p
                while q < n, cls[Int(s[q])] & Self.cTagName == 0 || s[q] == Self.slash { q += 1 }
                name.take(p, q, s, &scratch)
                p = q
                if p == n {
                    forceQuirks = true
                    return emitDoctype()
                }
                let c = s[p]
                p += 1
                if isClass(c, Self.cSpace) {
                    st = .afterDoctypeName
                } else if c == Self.gt {
                    return emitDoctype()
                } else if c == 0 {
                    name.addFFFD(s, &scratch)
                } else {
                    name.add(c | 0x20, s, &scratch)
                }

            case .afterDoctypeName:
                while p < n, isClass(s[p], Self.cSpace) { p += 1 }
                if p == n {
                    forceQuirks = true
                    return emitDoctype()
                }
                if s[p] == Self.gt {
                    p += 1
                    return emitDoctype()
                }
                if matchesFolded(s, p, "public") {
                    p += 6
                    st = .afterPublicKeyword
                } else if matchesFolded(s, p, "system") {
                    p += 6
                    st = .afterSystemKeyword
                } else {
                    forceQuirks = true
                    st = .bogusDoctype
                }

            case .afterPublicKeyword, .beforePublicID, .afterSystemKeyword, .beforeSystemID:
                let isPublic = st == .afterPublicKeyword || st == .beforePublicID
                while p < n, isClass(s[p], Self.cSpace) { p += 1 }
                if p == n {
                    forceQuirks = true
                    return emitDoctype()
                }
                let c = s[p]
                if c == Self.dquote || c == Self.squote {
                    p += 1
                    if isPublic {
                        hasPublicID = true
                        publicID = HTMLTokenField()
                        st = c == Self.dquote ? .publicIDDouble : .publicIDSingle
                    } else {
                        hasSystemID = true
                        systemID = HTMLTokenField()
                        st = c == Self.dquote ? .systemIDDouble : .systemIDSingle
                    }
                } else if c == Self.gt {
                    p += 1
                    forceQuirks = true
                    return emitDoctype()
                } else {
                    forceQuirks = true
                    st = .bogusDoctype
                }

            case .publicIDDouble, .publicIDSingle, .systemIDDouble, .systemIDSingle:
                let quote = st == .publicIDDouble || st == .systemIDDouble ? Self.dquote : Self.squote
                let isPublic = st == .publicIDDouble || st == .publicIDSingle
                var q = p
                while q < n, s[q] != quote, s[q] != Self.gt, s[q] != 0, s[q] != Self.cr { q += 1 }
                if isPublic { publicID.take(p, q, s, &scratch) } else { systemID.take(p, q, s, &scratch) }
                p = q
                if p == n {
                    forceQuirks = true
                    return emitDoctype()
                }
                let c = s[p]
                if c == quote {
                    p += 1
                    st = isPublic ? .afterPublicID : .afterSystemID
                } else if c == Self.gt {
                    p += 1
                    forceQuirks = true
                    return emitDoctype()
                } else if c == 0 {
                    if isPublic { publicID.addFFFD(s, &scratch) } else { systemID.addFFFD(s, &scratch) }
                    p += 1
                } else {
                    p = newline(s, p, into: isPublic ? .publicID : .systemID)
                }

            case .afterPublicID, .betweenIDs:
                while p < n, isClass(s[p], Self.cSpace) { p += 1 }
                if p == n {
                    forceQuirks = true
                    return emitDoctype()
                }
                let c = s[p]
                if c == Self.gt {
                    p += 1
                    return emitDoctype()
                } else if c == Self.dquote || c == Self.squote {
                    p += 1
                    hasSystemID = true
                    systemID = HTMLTokenField()
                    st = c == Self.dquote ? .systemIDDouble : .systemIDSingle
                } else {
                    forceQuirks = true
                    st = .bogusDoctype
                }

            case .afterSystemID:
                while p < n, isClass(s[p], Self.cSpace) { p += 1 }
                if p == n {
                    forceQuirks = true
                    return emitDoctype()
                }
                if s[p] == Self.gt {
                    p += 1
                    return emitDoctype()
                }
                st = .bogusDoctype     // without setting force-quirks

            case .bogusDoctype:
                while p < n, s[p] != Self.gt { p += 1 }
                if p < n { p += 1 }
                return emitDoctype()
            }
        }
    }

    // MARK: - Helpers of the state machine

    /// At the end of the input: the pending text, if any.
    private mutating func endOfInput() -> HTMLToken? {
        guard !text.isEmpty else { return nil }
        return .text(text.span)
    }

    /// Returns the pending text first when there is some, keeping `token` for the next call.
    private mutating func emit(_ token: HTMLToken) -> HTMLToken {
        guard !text.isEmpty else { return token }
        pending = token
        return .text(text.span)
    }

    private mutating func startTag(end: Bool) {
        isEndTag = end
        name = HTMLTokenField()
        hasAttribute = false
        if !attributeSlots.isEmpty { attributeSlots = [] }
        attributes.removeAll(keepingCapacity: true)
    }

    /// The end tag that closes RCDATA, RAWTEXT or script data, already known to be appropriate.
    private mutating func startEndTag(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) {
        startTag(end: true)
        var i = lo
        while i < hi {
            let c = s[i]
            if c &- 0x41 < 26 { name.add(c | 0x20, s, &scratch) } else { name.take(i, i + 1, s, &scratch) }
            i += 1
        }
    }

    /// If `s[p...]` is `</` + the last start tag's name (any case) + white space, `/` or `>`:
    /// the end of the name.
    private func appropriateEndTag(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ cls: UnsafeBufferPointer<UInt16>) -> Int? {
        let m = lastStartTag.count
        guard m > 0, p + 2 + m < s.count, s[p + 1] == Self.slash else { return nil }
        return lastStartTag.withUnsafeBufferPointer { last -> Int? in
            for i in 0..<m {
                let c = s[p + 2 + i]
                guard cls[Int(c)] & Self.cAlpha != 0, c | 0x20 == last[i] else { return nil }
            }
            let q = p + 2 + m
            let c = s[q]
            guard cls[Int(c)] & Self.cSpace != 0 || c == Self.slash || c == Self.gt else { return nil }
            return q
        }
    }

    /// `<` in the (double) escaped script states at `p`: consumes what it can as text and
    /// returns the new state, or nil to stay.
    private mutating func scriptLessThan(_ s: UnsafeBufferPointer<UInt8>, _ p: inout Int, double: Bool,
                                         _ cls: UnsafeBufferPointer<UInt16>) -> Inner {
        let n = s.count
        if !double, let q = appropriateEndTag(s, p, cls) {
            startEndTag(s, p + 2, q)
            p = q
            return .tagName
        }
        // `<script` + delimiter starts double escaping; `</script` + delimiter ends it.
        var q = p + 1
        if double {
            guard q < n, s[q] == Self.slash else {
                text.take(p, q, s, &scratch)
                p = q
                return .scriptDoubleEscaped
            }
            q += 1
        }
        let lettersStart = q
        while q < n, cls[Int(s[q])] & Self.cAlpha != 0 { q += 1 }
        var next: Inner = double ? .scriptDoubleEscaped : .scriptEscaped
        if q < n, q - lettersStart == 6, cls[Int(s[q])] & Self.cSpace != 0 || s[q] == Self.slash || s[q] == Self.gt {
            let script: [UInt8] = Array("script".utf8)
            var same = true
            for i in 0..<6 where s[lettersStart + i] | 0x20 != script[i] { same = false }
            if same {
                next = double ? .scriptEscaped : .scriptDoubleEscaped
                q += 1     // the delimiter is text too
            }
        }
        // A CR or NUL delimiter needs its rewrite: leave it to the state.
        if q > lettersStart, q - 1 < n, s[q - 1] == Self.cr || s[q - 1] == 0 { q -= 1 }
        text.take(p, q, s, &scratch)
        p = q
        return next
    }

    /// A character reference at `p` (an `&`) into the given field; returns where to go on.
    private mutating func characterReference(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, inAttribute: Bool,
                                             into field: Field) -> Int {
        let n = s.count
        var q = p + 1
        if q < n, s[q] == UInt8(ascii: "#") {
            q += 1
            var hex = false
            if q < n, s[q] | 0x20 == UInt8(ascii: "x") {
                hex = true
                q += 1
            }
            let digitsStart = q
            var value: UInt32 = 0
            while q < n {
                let c = s[q]
                var d: UInt32
                if c &- 0x30 < 10 {
                    d = UInt32(c &- 0x30)
                } else if hex, (c | 0x20) &- 0x61 < 6 {
                    d = UInt32((c | 0x20) &- 0x61 + 10)
                } else {
                    break
                }
                // Saturate: anything past U+10FFFF is U+FFFD anyway.
                value = min(value &* (hex ? 16 : 10) &+ d, 0x110000)
                q += 1
            }
            if q == digitsStart {
                withField(field) { $0.take(p, q, s, &$1) }     // `&#` / `&#x` without digits is text
                return q
            }
            if q < n, s[q] == UInt8(ascii: ";") { q += 1 }
            withField(field) { f, scratch in
                f.materialize(s, &scratch)
                HTMLCharacterReferences.appendUTF8(HTMLCharacterReferences.numericValue(value), to: &scratch)
                f.end = scratch.count
            }
            return q
        }
        guard let (length, entry) = references.longestMatch(s, at: q) else {
            withField(field) { $0.take(p, q, s, &$1) }     // the `&`; what follows is read as usual
            return q
        }
        let end = q + length
        if inAttribute, !references.endsWithSemicolon(entry), end < n,
           s[end] == Self.eq || (s[end] &- 0x30) < 10 || ((s[end] | 0x20) &- 0x61) < 26 {
            withField(field) { $0.take(p, end, s, &$1) }   // historical: `&not=` in a URL stays
            return end
        }
        let references = self.references
        withField(field) { f, scratch in
            f.materialize(s, &scratch)
            references.appendValue(entry, to: &scratch)
            f.end = scratch.count
        }
        return end
    }

    /// CR or CR LF at `p` as one LF in the field.
    private mutating func newline(_ s: UnsafeBufferPointer<UInt8>, _ p: Int,
                                  into field: Field) -> Int {
        if p + 1 < s.count, s[p + 1] == Self.lf {
            withField(field) { $0.take(p + 1, p + 2, s, &$1) }     // keep the LF, drop the CR
            return p + 2
        }
        withField(field) { $0.add(Self.lf, s, &$1) }
        return p + 1
    }

    /// The fields that references and newlines are written into.
    private enum Field { case text, attrValue, publicID, systemID }

    @inline(__always)
    private mutating func withField(_ field: Field, _ body: (inout HTMLTokenField, inout [UInt8]) -> Void) {
        switch field {
        case .text: body(&text, &scratch)
        case .attrValue: body(&attrValue, &scratch)
        case .publicID: body(&publicID, &scratch)
        case .systemID: body(&systemID, &scratch)
        }
    }

    /// `s[lo..<hi]` with CR LF and CR as LF and NUL as U+FFFD (comments).
    private mutating func normalized(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> HTMLTokenField {
        var piece = HTMLTokenField()
        var i = lo, runStart = lo
        while i < hi {
            let c = s[i]
            if c == Self.cr {
                piece.take(runStart, i, s, &scratch)
                if i + 1 < hi, s[i + 1] == Self.lf {
                    runStart = i + 1
                } else {
                    piece.add(Self.lf, s, &scratch)
                    runStart = i + 1
                }
            } else if c == 0 {
                piece.take(runStart, i, s, &scratch)
                piece.addFFFD(s, &scratch)
                runStart = i + 1
            }
            i += 1
        }
        piece.take(runStart, hi, s, &scratch)
        return piece
    }

    private mutating func startAttribute() {
        finishAttribute()
        hasAttribute = true
        attributeIsDuplicate = false
        attrName = HTMLTokenField()
        attrValue = HTMLTokenField()
    }

    private mutating func finishAttribute() {
        if hasAttribute && !attributeIsDuplicate {
            attributes.append(HTMLAttribute(name: attrName.span, value: attrValue.span))
        }
        hasAttribute = false
    }

    /// On leaving the attribute name: a name the tag already has makes the attribute dropped.
    private mutating func checkDuplicate(_ s: UnsafeBufferPointer<UInt8>) {
        let new = attrName.span
        if attributes.count >= Self.maxAttributes {
            attributeIsDuplicate = true
            return
        }
        if attributes.count < 16 {
            for a in attributes where a.name.count == new.count && sameBytes(a.name, new, s) {
                attributeIsDuplicate = true
                return
            }
            return
        }
        // Many attributes: an open-addressing table keeps this linear. A slot holds the name's
        // hash (high half) and index + 1 (low half), so a miss touches only the table.
        if attributeSlots.count < 2 * (attributes.count + 1) {
            var size = 64
            while size < 4 * (attributes.count + 1) { size <<= 1 }
            attributeSlots = [UInt64](repeating: 0, count: size)
            for k in attributes.indices { insertSlot(hash(attributes[k].name, s), k) }
        }
        let h = hash(new, s)
        let mask = attributeSlots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while attributeSlots[slot] != 0 {
            let entry = attributeSlots[slot]
            if entry >> 32 == h >> 32 {
                let old = attributes[Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1].name
                if old.count == new.count && sameBytes(old, new, s) {
                    attributeIsDuplicate = true
                    return
                }
            }
            slot = (slot + 1) & mask
        }
        attributeSlots[slot] = h & ~0xFFFF_FFFF | UInt64(attributes.count + 1)     // where finishAttribute puts it
    }

    private mutating func insertSlot(_ h: UInt64, _ index: Int) {
        let mask = attributeSlots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while attributeSlots[slot] != 0 { slot = (slot + 1) & mask }
        attributeSlots[slot] = h & ~0xFFFF_FFFF | UInt64(index + 1)
    }

    private func hash(_ span: HTMLSpan, _ s: UnsafeBufferPointer<UInt8>) -> UInt64 {
        scratch.withUnsafeBufferPointer { sc in
            let b = span.isDecoded ? sc : s
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for i in span.start..<span.end { h = (h ^ UInt64(b[i])) &* 0x100_0000_01B3 }
            return h ^ (h >> 29)
        }
    }

    private func sameBytes(_ a: HTMLSpan, _ b: HTMLSpan, _ s: UnsafeBufferPointer<UInt8>) -> Bool {
        scratch.withUnsafeBufferPointer { sc in
            let x = a.isDecoded ? sc : s, y = b.isDecoded ? sc : s
            for i in 0..<a.count where x[a.start + i] != y[b.start + i] { return false }
            return true
        }
    }

    private mutating func emitTag(selfClosing: Bool, _ s: UnsafeBufferPointer<UInt8>) -> HTMLToken {
        finishAttribute()
        state = .data
        if isEndTag {
            attributes.removeAll(keepingCapacity: true)
            return emit(.endTag(name: name.span))
        }
        let span = name.span
        lastStartTag.removeAll(keepingCapacity: true)
        if span.isDecoded {
            lastStartTag.append(contentsOf: scratch[span.start..<span.end])
        } else {
            lastStartTag.append(contentsOf: UnsafeBufferPointer(rebasing: s[span.start..<span.end]))
        }
        return emit(.startTag(name: span, selfClosing: selfClosing))
    }

    private mutating func emitDoctype() -> HTMLToken {
        state = .data
        return emit(.doctype(HTMLDoctype(name: hasName ? name.span : nil, publicID: hasPublicID ? publicID.span : nil,
                                         systemID: hasSystemID ? systemID.span : nil, forceQuirks: forceQuirks)))
    }

    /// Whether `s[p...]` starts with `word` (lower case ASCII letters), ignoring ASCII case.
    private func matchesFolded(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ word: StaticString) -> Bool {
        let m = word.utf8CodeUnitCount
        guard p + m <= s.count else { return false }
        let w = word.utf8Start
        for i in 0..<m where s[p + i] | 0x20 != w[i] { return false }
        return true
    }

    private func matchesExactly(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ word: StaticString) -> Bool {
        let m = word.utf8CodeUnitCount
        guard p + m <= s.count else { return false }
        let w = word.utf8Start
        for i in 0..<m where s[p + i] != w[i] { return false }
        return true
    }
}
