import Testing
@testable import Sluice

@Suite struct TextConverterTests {
    private func convert(_ bytes: [UInt8], from encoding: String) throws -> (String, Int) {
        let c = try TextConverter(from: encoding)
        let (out, bad) = bytes.withUnsafeBufferPointer { c.convert($0) }
        return (String(decoding: out, as: UTF8.self), bad)
    }

    /// Found by the iconv fuzz harness: glibc reads `F4 B2 B8 8B` (past U+10FFFF) as one
    /// character and writes it back; the output must still be UTF-8.
    @Test func outputIsAlwaysUTF8() throws {
        let c = try TextConverter(from: "UTF-8")
        let (out, bad) = [UInt8]([0x73, 0xF4, 0xB2, 0xB8, 0x8B, 0x0B, 0x4D]).withUnsafeBufferPointer { c.convert($0) }
        #expect(out == Array("s\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{0B}M".utf8))
        #expect(bad == 1)
    }

    /// Found by the encoding fuzz harness: glibc's windows-1258 decoder holds the last letter
    /// back (a combining tone mark may follow); it was lost at the end and before a bad byte.
    @Test func windows1258KeepsTheLastLetter() throws {
        #expect(try convert([0x56, 0x69, 0x65, 0xD2, 0x74], from: "WINDOWS-1258") == ("Vi\u{1EBB}t", 0))
        #expect(try convert([0x61, 0x62], from: "WINDOWS-1258") == ("ab", 0))
        // "a" + combining grave composes; the letter before an undefined byte (0x81) stays.
        #expect(try convert([0x61, 0xCC, 0x62, 0x81, 0x63], from: "WINDOWS-1258") == ("\u{E0}b\u{FFFD}c", 1))
    }

    @Test func unknownEncodingIsAnError() {
        do {
            _ = try TextConverter(from: "NO-SUCH-ENCODING")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .encoding)
            #expect(error.offset == 0)
            #expect(error.message == "unknown input encoding 'NO-SUCH-ENCODING' (see `iconv -l` for names)")
        }
    }

    @Test func convertsLegacyEncodings() throws {
        #expect(try convert([0x93, 0x61, 0x94, 0x80, 0x85], from: "WINDOWS-1252") == ("\u{201C}a\u{201D}€…", 0))
        #expect(try convert([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], from: "KOI8-R") == ("Привет", 0))
        #expect(try convert([0x93, 0xFA, 0x96, 0x7B], from: "SHIFT_JIS") == ("日本", 0))
        #expect(try convert([0xE9, 0x74, 0xE9], from: "latin1") == ("été", 0))
        #expect(try convert([0xD6, 0xD0, 0xCE, 0xC4], from: "GB18030") == ("中文", 0))
        #expect(try convert(Array("plain ascii".utf8), from: "UTF-8") == ("plain ascii", 0))
    }

    @Test func emptyInput() throws {
        #expect(try convert([], from: "WINDOWS-1252") == ("", 0))
    }

    @Test func invalidBytesBecomeReplacementCharacters() throws {
        #expect(try convert([0x61, 0x80, 0x62], from: "ASCII") == ("a\u{FFFD}b", 1))
        #expect(try convert([0x80, 0x81, 0x61], from: "ASCII") == ("\u{FFFD}\u{FFFD}a", 2))
        // Incomplete multibyte sequence at the end.
        #expect(try convert([0x61, 0x93], from: "SHIFT_JIS") == ("a\u{FFFD}", 1))
        // Invalid UTF-8 through an UTF-8 → UTF-8 converter.
        #expect(try convert([0x61, 0xFF, 0x62], from: "UTF-8") == ("a\u{FFFD}b", 1))
    }

    @Test func converterIsReusable() throws {
        let c = try TextConverter(from: "KOI8-R")
        let a: [UInt8] = [0xF0, 0x80 &+ 0x52]  // "Пр"
        let first = a.withUnsafeBufferPointer { c.convert($0) }
        let bad: [UInt8] = [0x41]
        let second = bad.withUnsafeBufferPointer { c.convert($0) }
        #expect(String(decoding: first.bytes, as: UTF8.self) == "Пр")
        #expect(String(decoding: second.bytes, as: UTF8.self) == "A")
    }

    @Test func largeInputGrowsOutput() throws {
        // Every byte becomes three UTF-8 bytes (U+2026), beyond any small buffer.
        let input = [UInt8](repeating: 0x85, count: 100_000)
        let (s, bad) = try convert(input, from: "WINDOWS-1252")
        #expect(bad == 0)
        #expect(s.utf8.count == 300_000)
        #expect(s.unicodeScalars.allSatisfy { $0 == "\u{2026}" })
    }
}
