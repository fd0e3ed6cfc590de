import Testing
@testable import Sluice

@Suite struct MediaTypeTests {
    @Test(arguments: [
        ("text/html", "text/html", nil),
        ("Text/HTML; charset=UTF-8", "text/html", "utf-8"),
        ("text/html;charset=windows-1251", "text/html", "windows-1251"),
        ("text/plain; charset=\"ISO-8859-1\"", "text/plain", "iso-8859-1"),
        ("text/plain; charset='utf-8'", "text/plain", "utf-8"),
        ("text/html; foo=\"a;b\"; charset=koi8-r", "text/html", "koi8-r"),
        ("text/html; foo=\"a\\\"b\"; CHARSET = big5 ", "text/html", "big5"),
        ("text/html; charset=", "text/html", nil),
        ("text/html; charset=\"", "text/html", nil),
        ("text/html; charset=gbk; charset=utf-8", "text/html", "gbk"),
        ("  application/xhtml+xml  ;", "application/xhtml+xml", nil),
        ("", "", nil),
        (";;;=;", "", nil),
    ] as [(String, String, String?)])
    func parses(_ value: String, _ type: String, _ charset: String?) {
        let m = MediaType(value)
        #expect(m.type == type)
        #expect(m.charset == charset)
    }
}
