import Testing
@testable import Sluice

@Suite struct JSONValueTests {
    @Test func parseKeepsOrderAndRawNumbers() throws {
        let text = #" {"b":[1,2.50,{"c":null}],"a":"x\u00e9","t":true,"big":12345678901234567890,"e":1.0e+10} "#
        let v = try JSONValue.parse(text)
        #expect(v == .object([
            ("b", .array([.number("1"), .number("2.50"), .object([("c", .null)])])),
            ("a", .string("xé")),
            ("t", .bool(true)),
            ("big", .number("12345678901234567890")),
            ("e", .number("1.0e+10")),
        ]))
        #expect(v.serialized() == #"{"b":[1,2.50,{"c":null}],"a":"xé","t":true,"big":12345678901234567890,"e":1.0e+10}"#)
    }

    @Test func parseBytesAndScalars() throws {
        let bytes = Array(#"[ "s" , -0.5 , false , null , [ ] , { } ]"#.utf8)
        let v = try bytes.withUnsafeBufferPointer { try JSONValue.parse($0) }
        #expect(v == .array([.string("s"), .number("-0.5"), .bool(false), .null, .array([]), .object([])]))
        #expect(try JSONValue.parse("  42 ") == .number("42"))
        #expect(try JSONValue.parse(#""x""#) == .string("x"))
        #expect(try JSONValue.parse("null") == .null)
    }

    @Test func accessors() throws {
        let v = try JSONValue.parse(#"{"s":"x","i":3,"f":3.0,"e":1e3,"h":1.5,"d":"dup","d":"second"}"#)
        #expect(v["s"]?.stringValue == "x")
        #expect(v["i"]?.intValue == 3)
        #expect(v["f"]?.intValue == 3)
        #expect(v["e"]?.intValue == 1000)
        #expect(v["h"]?.intValue == nil)
        #expect(v["h"]?.doubleValue == 1.5)
        #expect(v["s"]?.intValue == nil)
        #expect(v["i"]?.stringValue == nil)
        #expect(v["d"]?.stringValue == "dup")
        #expect(v["missing"] == nil)
        #expect(JSONValue.string("x")["s"] == nil)
    }

    @Test func constructors() {
        #expect(JSONValue.int(-42) == .number("-42"))
        #expect(JSONValue.double(0.5) == .number("0.5"))
        #expect(JSONValue.double(2) == .number("2.0"))
        #expect(JSONValue.double(1.0 / 3.0) == .number("0.3333"))
        #expect(JSONValue.double(0.98765, fractionDigits: 2) == .number("0.99"))
        #expect(JSONValue.double(.nan) == .null)
        #expect(JSONValue.object([("a", .int(1))]).serialized() == #"{"a":1}"#)
    }

    @Test func equalityRespectsOrder() {
        #expect(JSONValue.object([("a", .null), ("b", .null)]) != .object([("b", .null), ("a", .null)]))
        #expect(JSONValue.object([("a", .null)]) != .object([("a", .null), ("a", .null)]))
        #expect(JSONValue.number("1") != .number("1.0"))
        #expect(JSONValue.null != .bool(false))
    }

    @Test(arguments: [
        ("", 0, "expected value"),
        ("[1,]", 3, "expected value"),
        ("1 2", 2, "trailing characters"),
        (#"{"a":1,}"#, 7, "expected string key"),
        ("[1", 2, "expected ',' or ']'"),
        (#"{"a" 1}"#, 5, "expected ':'"),
        ("01", 0, "leading zeros are not allowed"),
        ("NaN", 0, "expected value"),
    ])
    func invalid(text: String, offset: Int, message: String) {
        #expect(throws: JSONError(offset: offset, message: message)) { try JSONValue.parse(text) }
    }

    @Test func depthLimit() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONValue.parse(ok) }
        let deep = String(repeating: "[", count: 10_000)
        #expect(throws: JSONError(offset: 512, message: "nesting too deep")) { try JSONValue.parse(deep) }
    }
}
