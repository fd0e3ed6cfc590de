import Testing
@testable import Sluice

@Suite struct JSONScannerTests {
    typealias M = JSONTestSupport.Member

    @Test func everyValueKind() throws {
        let line = #" {"s":"x","n":-1.5e3,"o":{"a":[1,{}]},"a":[],"t":true,"f":false,"z":null} "# + "\r\n"
        let members = try JSONTestSupport.scan(line)
        #expect(members == [
            M(key: "s", raw: #""x""#, kind: .string, decoded: "x"),
            M(key: "n", raw: "-1.5e3", kind: .number),
            M(key: "o", raw: #"{"a":[1,{}]}"#, kind: .object),
            M(key: "a", raw: "[]", kind: .array),
            M(key: "t", raw: "true", kind: .bool),
            M(key: "f", raw: "false", kind: .bool),
            M(key: "z", raw: "null", kind: .null),
        ])
    }

    @Test func emptyObjectAndWhitespaceEverywhere() throws {
        #expect(try JSONTestSupport.scan("{}").isEmpty)
        #expect(try JSONTestSupport.scan(" \t{ }\n").isEmpty)
        let members = try JSONTestSupport.scan(" \t{ \"a\" : 1 , \"b\" :[ 1 , 2 ] }\r\n")
        #expect(members == [M(key: "a", raw: "1", kind: .number), M(key: "b", raw: "[ 1 , 2 ]", kind: .array)])
    }

    @Test func nestedValuesAreValidatedButKeptRaw() throws {
        let line = #"{"doc":{"meta":{"tags":["a","b",{"deep":[[[]]]}],"n":0}},"id":7}"#
        let members = try JSONTestSupport.scan(line)
        #expect(members.map(\.key) == ["doc", "id"])
        #expect(members[0].raw == #"{"meta":{"tags":["a","b",{"deep":[[[]]]}],"n":0}}"#)
        #expect(members[1].raw == "7")
    }

    @Test func numberTextIsPreservedExactly() throws {
        let line = #"{"big":12345678901234567890,"e":1.0e+10,"z":-0.0E-0,"zero":0,"f":0.125}"#
        let members = try JSONTestSupport.scan(line)
        #expect(members.map(\.raw) == ["12345678901234567890", "1.0e+10", "-0.0E-0", "0", "0.125"])
        #expect(members.allSatisfy { $0.kind == .number })
    }

    @Test func duplicateKeysAreAllKept() throws {
        let members = try JSONTestSupport.scan(#"{"a":1,"a":2}"#)
        #expect(members.map(\.key) == ["a", "a"])
        #expect(members.map(\.raw) == ["1", "2"])
    }

    @Test func escapesAndUnicode() throws {
        let line = #"{"k\u00e9y":"a\"b\\c\/d\b\f\n\r\t\u0041\u00e9\u4e2d\ud83d\ude00","é":"日本語 😀"}"#
        let members = try JSONTestSupport.scan(line)
        #expect(members.map(\.key) == ["kéy", "é"])
        #expect(members[0].decoded == "a\"b\\c/d\u{08}\u{0C}\n\r\tAé中😀")
        #expect(members[1].decoded == "日本語 😀")
    }

    @Test(arguments: [
        (#""\ud800""#, "\u{FFFD}"),
        (#""\udc00x""#, "\u{FFFD}x"),
        (#""\ud800\u0041""#, "\u{FFFD}A"),
        (#""\ud83d\ud83d\ude00""#, "\u{FFFD}😀"),
        (#""\ud83d""#, "\u{FFFD}"),
        (#""\uD83D\uDE00!""#, "😀!"),
    ])
    func surrogates(literal: String, expected: String) throws {
        let members = try JSONTestSupport.scan("{\"s\":\(literal)}")
        #expect(members[0].decoded == expected)
    }

    @Test func decodeStringWithoutEscapesAndWithRangeInsideBuffer() {
        let bytes = Array(#"xx"plain text"yy"#.utf8)
        let decoded = bytes.withUnsafeBufferPointer { JSONScanner.decodeString($0, 2..<14) }
        #expect(decoded == "plain text")
    }

    @Test(arguments: [
        (#"{"a":1,}"#, 7, "expected string key"),
        (#"{"a" 1}"#, 5, "expected ':'"),
        (#"{"a":"abc"#, 5, "unterminated string"),
        (#"{"a":"ab\"#, 5, "unterminated string"),
        ("{\"a\":\"x\ty\"}", 7, "control character in string"),
        ("{\"a\":\"x\u{0}\"}", 7, "control character in string"),
        (#"{"a":01}"#, 5, "leading zeros are not allowed"),
        (#"{"a":-00}"#, 6, "leading zeros are not allowed"),
        (#"{"a":NaN}"#, 5, "expected value"),
        (#"{"a":-Infinity}"#, 6, "invalid number"),
        (#"{"a":1.}"#, 7, "invalid number"),
        (#"{"a":1e}"#, 7, "invalid number"),
        (#"{"a":.5}"#, 5, "expected value"),
        (#"{"a":+1}"#, 5, "expected value"),
        (#"{"a":tru}"#, 5, "invalid literal"),
        (#"{"a":nul"#, 5, "invalid literal"),
        (#"{"a":"\x"}"#, 6, "invalid escape"),
        (#"{"a":"\u12G4"}"#, 6, "invalid \\u escape"),
        (#"{"a":1} x"#, 8, "trailing characters after object"),
        (#"{"a":1}{}"#, 7, "trailing characters after object"),
        (#"{"a":1"#, 6, "expected ',' or '}'"),
        (#"{"a":1 /*c*/}"#, 7, "expected ',' or '}'"),
        (#"{"a":[1 2]}"#, 8, "expected ',' or ']'"),
        (#"{"a":[1,]}"#, 8, "expected value"),
        (#"{"a":{"b":1,}}"#, 12, "expected string key"),
        (#"{"a":{"b" 1}}"#, 10, "expected ':'"),
        (#"{'a':1}"#, 1, "expected string key"),
        (#"{"a":}"#, 5, "expected value"),
        (#"[1,2]"#, 0, "expected object"),
        (#""str""#, 0, "expected object"),
        ("  [1]", 2, "expected object"),
        ("", 0, "expected object"),
        ("  \n", 3, "expected object"),
    ])
    func invalid(line: String, offset: Int, message: String) {
        #expect(JSONTestSupport.scanError(line) == JSONError(offset: offset, message: message))
    }

    @Test func invalidUTF8IsRejected() {
        let prefix = Array(#"{"a":""#.utf8), suffix = Array(#""}"#.utf8)
        for bad: [UInt8] in [[0xFF], [0xC0, 0xAF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC3]] {
            #expect(JSONTestSupport.scanError(prefix + bad + suffix) == JSONError(offset: 6, message: "invalid UTF-8"))
        }
        #expect(JSONTestSupport.scanError(prefix + [0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80] + suffix) == nil)
    }

    @Test func depthLimitIs512() throws {
        // The top-level object is level 1, so 511 nested arrays reach exactly 512.
        let ok = "{\"a\":" + String(repeating: "[", count: 511) + String(repeating: "]", count: 511) + "}"
        #expect(try JSONTestSupport.scan(ok).count == 1)
        let deep = "{\"a\":" + String(repeating: "[", count: 512) + String(repeating: "]", count: 512) + "}"
        #expect(JSONTestSupport.scanError(deep) == JSONError(offset: 516, message: "nesting too deep"))
        let mixed = "{\"a\":" + String(repeating: "{\"b\":[", count: 300)
        #expect(JSONTestSupport.scanError(mixed)?.message == "nesting too deep")
    }

    @Test func depth10000FailsWithoutCrashing() {
        let line = "{\"a\":" + String(repeating: "[", count: 10_000)
        #expect(JSONTestSupport.scanError(line) == JSONError(offset: 516, message: "nesting too deep"))
    }

    @Test func fiftyMegabyteStringScansLinearly() throws {
        let size = 50_000_000
        let prefix = Array(#"{"id":1,"text":""#.utf8), suffix = Array(#"","n":2}"#.utf8)
        let head = prefix.count
        // Filled via `repeating:` because element-wise appends are slow in debug builds.
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: head + size + suffix.count)
        for (k, b) in prefix.enumerated() { bytes[k] = b }
        for (k, b) in suffix.enumerated() { bytes[head + size + k] = b }
        // Sprinkle escapes and multi-byte characters so the slow paths run too.
        var k = head + 1000
        while k + 4 < head + size {
            bytes[k] = UInt8(ascii: "\\"); bytes[k + 1] = UInt8(ascii: "n")
            bytes[k + 2] = 0xC3; bytes[k + 3] = 0xA9
            k += 100_000
        }
        let members = try bytes.withUnsafeBufferPointer { try JSONScanner.scanObject($0) }
        #expect(members.map(\.key) == ["id", "text", "n"])
        #expect(members[1].value == (head - 1)..<(head + size + 1))
        let decoded = bytes.withUnsafeBufferPointer { JSONScanner.decodeString($0, members[1].value) }
        #expect(decoded.utf8.count == size - 500)
    }
}
