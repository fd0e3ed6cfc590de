import Testing
@testable import Sluice

@Suite struct JSONWriterTests {
    private func written(_ body: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter()
        body(&w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    @Test func stringEscaping() {
        let s = "a\"b\\c\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}\u{2028}\u{2029}\u{2027}é😀/"
        #expect(written { $0.appendString(s) } == #""a\"b\\c\n\r\t\b\f\u0001\u001f"# + "\u{7F}" + #"\u2028\u2029"# + "\u{2027}é😀/\"")
        #expect(written { $0.appendString("") } == #""""#)
        // Escapes at every position relative to the 8-byte bulk scan.
        for k in 0..<20 {
            let text = String(repeating: "x", count: k) + "\"" + String(repeating: "y", count: 19 - k)
            let expected = "\"" + String(repeating: "x", count: k) + "\\\"" + String(repeating: "y", count: 19 - k) + "\""
            #expect(written { $0.appendString(text) } == expected)
        }
    }

    @Test func tokens() {
        let out = written { w in
            w.appendRawASCII("{")
            w.appendKey("id")
            w.appendInt(-42)
            w.appendRawASCII(",")
            w.appendKey("ok")
            w.appendBool(true)
            w.appendRawASCII(",\"no\":")
            w.appendBool(false)
            w.appendRawASCII(",\"n\":")
            w.appendNull()
            w.appendRawASCII(",\"r\":")
            w.appendRaw(Array("[1,2]".utf8))
            w.appendRawASCII(",\"p\":")
            Array("1.0e+10".utf8).withUnsafeBufferPointer { w.appendRaw($0) }
            w.appendRawASCII("}")
        }
        #expect(out == #"{"id":-42,"ok":true,"no":false,"n":null,"r":[1,2],"p":1.0e+10}"#)
    }

    @Test(arguments: [(0, "0"), (7, "7"), (-5, "-5"), (1_000_000, "1000000"),
                      (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808")])
    func ints(value: Int, expected: String) {
        #expect(written { $0.appendInt(value) } == expected)
    }

    @Test(arguments: [
        (0.98, 2, "0.98"), (1, 2, "1.0"), (0, 4, "0.0"), (0.5, 4, "0.5"), (2.5, 0, "3.0"),
        (-2.5, 0, "-3.0"), (-1.25, 1, "-1.3"), (-0.001, 2, "0.0"), (123.456, 1, "123.5"),
        (0.0001, 4, "0.0001"), (1e-7, 4, "0.0"), (0.1 + 0.2, 4, "0.3"), (1.0 / 3.0, 4, "0.3333"),
        (0.05, 4, "0.05"), (12345678901, 2, "12345678901.0"), (1e20, 2, "1e+20"), (-7, -3, "-7.0"),
        (Double.nan, 2, "null"), (Double.infinity, 2, "null"), (-Double.infinity, 2, "null"),
    ] as [(Double, Int, String)])
    func doubles(value: Double, digits: Int, expected: String) {
        #expect(written { $0.appendDouble(value, fractionDigits: digits) } == expected)
    }

    @Test func escapedStringsRoundTripThroughTheScanner() throws {
        var samples = ["", "plain", "quote\" back\\slash /", "line\u{2028}para\u{2029}", "é日本😀\u{FFFD}",
                       String(repeating: "long run without escapes ", count: 40) + "\n" + "tail"]
        samples.append(String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self))
        for s in samples {
            var w = JSONWriter(capacity: 64)
            w.appendRawASCII("{")
            w.appendKey(s)
            w.appendString(s)
            w.appendRawASCII("}")
            let members = try JSONTestSupport.scan(w.bytes)
            #expect(members.count == 1)
            #expect(members.first?.key == s)
            #expect(members.first?.decoded == s)
        }
    }

    @Test func appendValueIsCompactAndOrdered() {
        let v = JSONValue.object([("z", .int(1)), ("a", .array([.null, .bool(false), .string("x\n")])), ("o", .object([]))])
        #expect(written { $0.appendValue(v) } == #"{"z":1,"a":[null,false,"x\n"],"o":{}}"#)
    }
}
