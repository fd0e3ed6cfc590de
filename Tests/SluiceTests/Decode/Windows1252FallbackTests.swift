import Testing
@testable import Sluice

@Suite struct Windows1252FallbackTests {
    static func decode(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.withUnsafeBufferPointer { Windows1252Fallback.decode($0) }, as: UTF8.self)
    }

    @Test func strayLatinBytesBecomeTheirCharacters() {
        #expect(Self.decode(Array("caf".utf8) + [0xE9, 0x20] + Array("crème".utf8)) == "café crème")
        #expect(Self.decode([0x93, 0x68, 0x69, 0x94, 0x20, 0x80, 0x35, 0x20, 0x96, 0x20, 0x85]) == "\u{201C}hi\u{201D} €5 – …")
    }

    @Test func validUTF8IsKeptAndUndefinedBytesAreC1Controls() {
        #expect(Self.decode(Array("naïve 日本 😀".utf8)) == "naïve 日本 😀")
        #expect(Self.decode([0x81, 0x8D, 0x8F, 0x90, 0x9D]) == "\u{81}\u{8D}\u{8F}\u{90}\u{9D}")
    }

    @Test func brokenSequencesAreReadBytewise() {
        // A lead byte without its continuation, an overlong form, a surrogate, a cut 4-byte form.
        #expect(Self.decode([0xC3, 0x41]) == "ÃA")
        #expect(Self.decode([0xC0, 0xAF]) == "À¯")
        #expect(Self.decode([0xED, 0xA0, 0x80]) == "í\u{A0}€")
        #expect(Self.decode([0xF0, 0x9F, 0x98]) == "ðŸ˜")
    }

    @Test func jsonlLineWithLatin1Text() throws {
        var o = DecodeOptions()
        o.invalidUTF8 = .windows1252
        let d = try RecordDecoder(options: o, file: "in.jsonl")
        let line: [UInt8] = Array(#"{"id":"a","text":"Caf"#.utf8) + [0xE9] + Array(#" au lait."}"#.utf8)
        guard case .record(let r) = line.withUnsafeBufferPointer({ d.decodeJSONLine($0, lineNumber: 1) }) else {
            Issue.record("not a record")
            return
        }
        #expect(r.text == "Café au lait.")
        #expect(d.repairedUTF8 == 1)
    }

    @Test func byteOrderMarkBeforeAJSONLineIsDropped() throws {
        let d = try RecordDecoder(options: DecodeOptions(), file: "in.jsonl")
        let line: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"id":"b","text":"With a BOM."}"#.utf8)
        guard case .record(let r) = line.withUnsafeBufferPointer({ d.decodeJSONLine($0, lineNumber: 1) }) else {
            Issue.record("not a record")
            return
        }
        #expect(r.text == "With a BOM.")
        #expect(r.idJSON == Array(#""b""#.utf8))
    }
}
