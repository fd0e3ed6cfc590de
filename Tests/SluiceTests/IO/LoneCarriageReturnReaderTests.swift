import Testing
@testable import Sluice

@Suite struct LoneCarriageReturnReaderTests {
    /// All of `bytes` read through the reader with buffers of `size` bytes.
    private func read(_ bytes: [UInt8], size: Int) throws -> [UInt8] {
        let d = drain(LoneCarriageReturnReader(source: BufferReader(bytes[...])), chunk: size)
        if let e = d.error { throw e }
        return d.bytes
    }

    /// Lone CRs become LF wherever a buffer boundary falls; CRLF and LF stay; nothing is lost.
    @Test func loneCarriageReturnsBecomeLineFeeds() throws {
        let text = Array("one\rtwo\r\nthree\nfour\r\r\rfive\r".utf8)
        let expected = Array("one\ntwo\r\nthree\nfour\n\n\nfive\n".utf8)
        for size in [2, 3, 4, 5, 7, 64] {
            #expect(try read(text, size: size) == expected, "buffers of \(size)")
        }
        #expect(try read([], size: 8).isEmpty)
        #expect(try read([0x0D], size: 8) == [0x0A])
        #expect(try read(Array("a\r\n".utf8), size: 2) == Array("a\r\n".utf8))
    }
}
