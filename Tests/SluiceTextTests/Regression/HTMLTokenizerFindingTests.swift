import Testing
import SluiceText

/// Inputs the `html-tokenizer` fuzz harness and the linear-time audit (`sluice-bench linear`)
/// found, each with its exact expected tokens (issue 14).
@Suite struct HTMLTokenizerFindingTests {
    typealias T = TokenDump

    /// Fuzz finding: `&#013;` is a CR (the spec keeps it; only the input's CRs become LF).
    @Test func numericReferenceToCR() {
        #expect(T.tokens("\u{C}&#013;") == [.characters("\u{C}\r")])
        #expect(T.tokens("<a b=&#13;>") == [.start("a", ["b": "\r"], selfClosing: false)])
    }

    /// Fuzz finding (of the harness): names are compared as bytes, so an invalid byte and the
    /// U+FFFD that NUL becomes are different names.
    @Test func attributeNamesCompareAsBytes() {
        var t = HTMLTokenizer([UInt8]("<h \u{A7}<? a=1 \0<? b=2 a=3>".utf8).map { $0 == 0xC2 ? 0x20 : $0 })
        guard case .startTag = t.next() else {
            Issue.record("no start tag")
            return
        }
        #expect(t.attributes.map { t.withBytes($0.name) { Array($0) } } ==
                [[0xA7, 0x3C, 0x3F], [0x61], [0xEF, 0xBF, 0xBD, 0x3C, 0x3F], [0x62]])
    }

    /// Fuzz finding (of the harness, which compared strings by prefix): a text that starts with
    /// a combining mark is still one text token.
    @Test func textStartingWithACombiningMark() {
        #expect(T.tokens("\u{317}t></div>") == [.characters("\u{317}t>"), .end("div")])
    }

    /// Linear-audit finding: one tag of distinct attributes (`<a a0 a1 …`) cost 5× more per byte
    /// at 4 MB than at 1 MB, through cache misses in the duplicate table; past
    /// ``HTMLTokenizer/maxAttributes`` attributes of one tag the rest are now dropped.
    @Test func attributeCap() {
        var html = "<a"
        for k in 0..<(HTMLTokenizer.maxAttributes + 10) { html += " a\(k)" }
        var t = HTMLTokenizer(html + " a0 z>x")
        guard case .startTag = t.next() else {
            Issue.record("no start tag")
            return
        }
        #expect(t.attributes.count == HTMLTokenizer.maxAttributes)
        #expect(t.string(t.attributes.last!.name) == "a\(HTMLTokenizer.maxAttributes - 1)")
        #expect(t.next() == .text(HTMLSpan(start: html.utf8.count + 6, end: html.utf8.count + 7, isDecoded: false)))
    }
}
