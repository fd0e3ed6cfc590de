import Testing
@testable import Sluice

@Suite struct HTTPResponseTests {
    private func parse(_ text: String) throws(HTTPResponse.ParseError) -> HTTPResponse {
        try HTTPResponse(parsing: Array(text.utf8))
    }

    private func body(_ text: String) throws(HTTPResponse.ParseError) -> String {
        String(decoding: try parse(text).body(), as: UTF8.self)
    }

    @Test func statusLines() throws {
        let cases: [(String, String, Int, String)] = [
            ("HTTP/1.1 200 OK", "HTTP/1.1", 200, "OK"),
            ("HTTP/1.0 404 Not Found", "HTTP/1.0", 404, "Not Found"),
            ("HTTP/2 200", "HTTP/2", 200, ""),
            ("HTTP/2.0 301 ", "HTTP/2.0", 301, ""),
            ("http/1.1  500  Oops", "http/1.1", 500, "Oops"),
        ]
        for (line, version, status, reason) in cases {
            let r = try parse(line + "\r\nContent-Type: text/html\r\n\r\n<p>x")
            #expect(r.version == version)
            #expect(r.status == status)
            #expect(r.reason == reason)
            #expect(Array(r.payload) == Array("<p>x".utf8))
        }
    }

    @Test(arguments: ["HTTP/1.1 20 OK", "HTP/1.1 200 OK", "HTTP/1.1 2000 OK", "HTTP/1.1", "HTTP/x 200 OK",
                      "200 OK", "HTTP/1.1 abc", "", "ICY 200 OK"])
    func badStatusLines(_ line: String) {
        #expect(throws: HTTPResponse.ParseError.self) { try parse(line + "\r\n\r\n") }
    }

    @Test func headsWithoutEnd() throws {
        let noBlank = #expect(throws: HTTPResponse.ParseError.self) { try parse("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n") }
        #expect(noBlank?.message.contains("no blank line") == true)
        let noEnd = #expect(throws: HTTPResponse.ParseError.self) { try parse("HTTP/1.1 200 OK") }
        #expect(noEnd?.message.contains("status line has no line end") == true)
        #expect(throws: HTTPResponse.ParseError.self) { try HTTPResponse(parsing: [UInt8]()) }
    }

    @Test func headersLFOnlyFoldedAndCaseInsensitive() throws {
        let r = try parse("HTTP/1.1 200 OK\ncontent-TYPE:  Text/HTML ; Charset=\"Shift_JIS\"\nX-Folded: a\n  b\n"
            + "Content-Encoding: GZIP\nno colon here\n\nbody")
        #expect(r.contentType == "text/html")
        #expect(r.charset == "shift_jis")
        #expect(r.contentEncoding == "gzip")
        #expect(r.isCompressed)
        #expect(r.header("x-folded") == "a b")
        #expect(r.headers.count == 3)
        #expect(Array(r.payload) == Array("body".utf8))
        #expect(!r.isChunked)
    }

    @Test func contentCodings() throws {
        for (value, compressed) in [("gzip", true), ("x-gzip", true), ("br", true), ("deflate", true), ("identity", false),
                                    ("utf-8", false), ("identity, gzip", true), ("ZSTD", true)] {
            #expect(try parse("HTTP/1.1 200 OK\r\nContent-Encoding: \(value)\r\n\r\n").isCompressed == compressed, "\(value)")
        }
        #expect(try !parse("HTTP/1.1 200 OK\r\n\r\n").isCompressed)
        #expect(try parse("HTTP/1.1 200 OK\r\n\r\n").contentType == nil)
    }

    @Test func chunkedBodies() throws {
        let head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(try body(head + "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer: x\r\n\r\n") == "hello world")
        #expect(try body(head + "A\r\n0123456789\r\n0\r\n\r\n") == "0123456789")
        #expect(try body(head + "a \r\n0123456789\r\n") == "0123456789")  // no last chunk
        #expect(try body(head + "3\nabc\n2\nde\n0\n") == "abcde")  // LF only
        #expect(try body(head + "3\r\nabc") == "abc")  // ends after the data
        #expect(try body(head + "0\r\n\r\nignored") == "")
        #expect(try body(head) == "")
        let both = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
        #expect(try parse(both).isChunked)
        #expect(try !parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n").isChunked)
        // Not chunked: the payload comes back as it is.
        #expect(try body("HTTP/1.1 200 OK\r\n\r\n5\r\nhello\r\n0\r\n\r\n") == "5\r\nhello\r\n0\r\n\r\n")
    }

    @Test(arguments: [
        ("zz\r\nabc\r\n0\r\n\r\n", "bad chunk size 'zz\\r' at body byte 0"),
        ("\r\nabc", "bad chunk size '\\r' at body byte 0"),
        ("3\r\nabc\r\nxyz\r\n", "bad chunk size 'xyz\\r' at body byte 8"),
        ("1ffffffffffffffff\r\nabc", "bad chunk size '1ffffffffffffffff\\r' at body byte 0"),
        ("-1\r\nabc", "bad chunk size '-1\\r' at body byte 0"),
        ("fffffffffffffff\r\nabc", "a chunk of 1152921504606846975 bytes at body byte 17 runs past the end of the record (3 left)"),
        ("10\r\nabc\r\n0\r\n\r\n", "a chunk of 16 bytes at body byte 4 runs past the end of the record (10 left)"),
        ("3\r\nabcd\r\n0\r\n\r\n", "chunk data is not followed by a line end at body byte 6"),
    ])
    func badChunks(_ chunks: String, _ message: String) throws {
        let r = try parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks)
        let e = #expect(throws: HTTPResponse.ParseError.self) { try r.body() }
        #expect(e?.message == message)
    }
}
