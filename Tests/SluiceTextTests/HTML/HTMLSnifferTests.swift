import Testing
import SluiceText

/// ``HTMLSniffer``: whole documents are HTML, prose and fragments are not (issue 14).
@Suite struct HTMLSnifferTests {
    @Test(arguments: [
        "<!DOCTYPE html><html><body>x</body></html>",
        "<!doctype html>",
        "<!DocType   HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">",
        "<html>",
        "<HTML lang=\"de\">",
        "<html/>",
        "<head><title>x</title></head>",
        "<body class=\"a\">text</body>",
        "<meta charset=\"utf-8\"><title>x</title>",
        "<title>A page</title>",
        "\u{FEFF}<!doctype html>",
        " \n\t\r\u{0C}<html>",
        "<!-- saved from url=(0014)about:internet --><html>",
        "<!-- a --> <!-- b -->\n<!DOCTYPE html>",
        "<!--><html>",
        "<!---><html>",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">",
        "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">",
        "<html",
    ])
    func documents(_ text: String) {
        #expect(HTMLSniffer.isDocument(text))
    }

    @Test(arguments: [
        "",
        "   ",
        "Plain text about <html> tags.",
        "<p>A paragraph.</p>",
        "<div><html></html></div>",
        "<header>x</header>",
        "<headline>",
        "<metadata>",
        "<titles>",
        "<bodyx>",
        "<htmlx>",
        "<!doctype>",
        "<!doctype svg>",
        "<!doctypehtml>",
        "<!doctype htmlx>",
        "<!-- never closed <html>",
        "<!-- closed --> but text <html>",
        "<?xml version=\"1.0\"?><rss>",
        "<?xml never closed <html>",
        "< html>",
        "<",
        "<!",
        "\u{FEFF}",
        "text\n<html>",
    ])
    func notDocuments(_ text: String) {
        #expect(!HTMLSniffer.isDocument(text))
    }

    @Test func invalidUTF8AndLongCommentsAreFine() {
        let bytes: [UInt8] = [0x3C, 0x21, 0x2D, 0x2D, 0xFF, 0xFE, 0x2D, 0x2D, 0x3E, 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E]  // <!--\xFF\xFE--><html>
        #expect(bytes.withUnsafeBufferPointer { HTMLSniffer.isDocument($0) })
        // Many comments, each skipped once: linear, however many there are.
        let many = String(repeating: "<!-- c -->", count: 100_000) + "<html>"
        #expect(HTMLSniffer.isDocument(many))
        let unclosed = "<!--" + String(repeating: "-", count: 100_000)
        #expect(!HTMLSniffer.isDocument(unclosed))
    }
}
