import Testing
@testable import Sluice

@Suite struct RecordDecoderTests {
    private func decoder(_ configure: (inout DecodeOptions) -> Void = { _ in }) throws -> RecordDecoder {
        var o = DecodeOptions()
        configure(&o)
        return try RecordDecoder(options: o, file: "dir/in.jsonl.zst")
    }

    private func decode(_ line: [UInt8], line n: Int = 7, with d: RecordDecoder) -> RecordDecoder.Outcome {
        line.withUnsafeBufferPointer { d.decodeJSONLine($0, lineNumber: n) }
    }

    private func record(_ line: String, line n: Int = 7, with d: RecordDecoder? = nil) throws -> Record {
        let d = try d ?? decoder()
        guard case .record(let r) = decode(Array(line.utf8), line: n, with: d) else {
            Issue.record("not a record: \(line)")
            throw Failed()
        }
        return r
    }

    private func rejected(_ line: [UInt8], with d: RecordDecoder? = nil) throws -> RejectedRecord {
        let d = try d ?? decoder()
        guard case .rejected(let r) = decode(line, with: d) else {
            Issue.record("not rejected: \(line.utf8String)")
            throw Failed()
        }
        return r
    }

    struct Failed: Error {}

    /// Found by the pipeline JSON property test: a lone surrogate escape in a raw value passed
    /// to the output, which strict parsers refuse. It becomes `\ufffd`; pairs and escaped
    /// backslashes stay as written, and so do lines without any.
    @Test func loneSurrogateEscapesInRawValues() throws {
        let r = try record(#"{"id":"\ud800x","text":"a\udc00b","date":"\uDBFF","title":"x\udc00 \ud83d\ude00 \\ud800","tags":["\ud800"],"n":[1,"\uDC00\uD800"]}"#)
        #expect(r.idJSON.utf8String == #""\ufffdx""#)
        #expect(r.text == "a\u{FFFD}b")
        #expect(r.inputDateJSON?.utf8String == #""\ufffd""#)
        #expect(r.inputTags == ["\u{FFFD}"])
        #expect(r.passthrough.utf8String == #""title":"x\ufffd \ud83d\ude00 \\ud800","n":[1,"\ufffd\ufffd"]"#)
        let plain = try record(#"{"id":"\u00e9","text":"t","t":"\ud83d\ude00\n"}"#)
        #expect(plain.idJSON.utf8String == #""\u00e9""#)
        #expect(plain.passthrough.utf8String == #""t":"\ud83d\ude00\n""#)
    }

    @Test func textAndStringID() throws {
        let r = try record(#"{"id":"a1","text":"Hello \"world\"\n\u00e9"}"#)
        #expect(r.idJSON.utf8String == #""a1""#)
        #expect(r.text == "Hello \"world\"\né")
        #expect(r.origin == Origin(file: "dir/in.jsonl.zst", line: 7))
        #expect(r.passthrough.isEmpty)
        #expect(r.replaced.isEmpty)
        #expect(r.inputDateJSON == nil)
        #expect(r.inputTags.isEmpty)
        #expect(r.inputLang == nil)
    }

    @Test func textFallbacks() throws {
        #expect(try record(#"{"content":"C"}"#).text == "C")
        #expect(try record(#"{"body":"B"}"#).text == "B")
        let both = try record(#"{"body":"B","content":"C"}"#)
        #expect(both.text == "C")
        #expect(both.passthrough.utf8String == #""body":"B""#)
        let withText = try record(#"{"content":"C","text":"T","body":"B"}"#)
        #expect(withText.text == "T")
        #expect(withText.passthrough.utf8String == #""content":"C","body":"B""#)
    }

    /// `decode.html_field` (issue 14): the page is the text and the record is marked as HTML;
    /// the input's own `text` is kept under `input`; a record without a string page is read as usual.
    @Test func htmlField() throws {
        let d = try decoder { $0.htmlField = "html" }
        let page = try record(#"{"id":"p","url":"https://x.example/a","html":"<p>Hi</p>","text":"Hi"}"#, with: d)
        #expect(page.text == "<p>Hi</p>")
        #expect(page.isHTML)
        #expect(page.passthrough.utf8String == #""url":"https://x.example/a""#)
        #expect(page.replaced.utf8String == #""text":"Hi""#)
        let noPage = try record(#"{"id":"q","html":null,"text":"Plain"}"#, with: d)
        #expect(noPage.text == "Plain" && !noPage.isHTML)
        #expect(noPage.passthrough.utf8String == #""html":null"#)
        #expect(try record(#"{"content":"C"}"#, with: d).isHTML == false)
        // Without the option a field named html is just another field.
        let plain = try record(#"{"html":"<p>x</p>","text":"T"}"#)
        #expect(plain.text == "T" && !plain.isHTML && plain.passthrough.utf8String == #""html":"<p>x</p>""#)
        #expect(try rejected(Array(#"{"id":"z"}"#.utf8), with: d).detail == #"no "html", "text", "content", "body" field"#)
        // The dedup pass reads the same text.
        let line = Array(#"{"html":"<p>Hi</p>","text":"Hi"}"#.utf8)
        #expect(line.withUnsafeBufferPointer { d.dedupKey(ofJSONLine: $0, lineNumber: 1) } == DedupKey.hash("<p>Hi</p>"))
    }

    @Test func customTextAndIDFields() throws {
        let d = try decoder { $0.textField = "article"; $0.textFallbacks = []; $0.idField = "uuid" }
        let r = try record(#"{"uuid":"u-1","id":"other","article":"A","text":"not me"}"#, with: d)
        #expect(r.text == "A")
        #expect(r.idJSON.utf8String == #""u-1""#)
        #expect(r.passthrough.utf8String == #""id":"other""#)
        #expect(r.replaced.utf8String == #""text":"not me""#)
    }

    @Test func idNumberMissingAndWrongType() throws {
        #expect(try record(#"{"id":42,"text":"x"}"#).idJSON.utf8String == "42")
        #expect(try record(#"{"id":-1.5e3,"text":"x"}"#).idJSON.utf8String == "-1.5e3")
        let missing = try record(#"{"text":"x"}"#, line: 17)
        #expect(missing.idJSON.utf8String == #""dir/in.jsonl.zst:17""#)
        let object = try record(#"{"id":{"k":1},"text":"x"}"#, line: 3)
        #expect(object.idJSON.utf8String == #""dir/in.jsonl.zst:3""#)
        #expect(object.replaced.utf8String == #""id":{"k":1}"#)
        let null = try record(#"{"id":null,"text":"x"}"#, line: 4)
        #expect(null.idJSON.utf8String == #""dir/in.jsonl.zst:4""#)
        #expect(null.replaced.utf8String == #""id":null"#)
    }

    @Test func passthroughIsExactAndInOrder() throws {
        let line = #"{"url":"http://x/y?a=1&b=2", "id":"i", "score": 1.50e3 , "meta":{"b": [1,2,{"c":null}],"a":"\u00e9\n"},"text":"T","z":true,"n":null,"arr":[ ]}"#
        let r = try record(line)
        #expect(r.passthrough.utf8String == #""url":"http://x/y?a=1&b=2","score":1.50e3,"meta":{"b": [1,2,{"c":null}],"a":"\u00e9\n"},"z":true,"n":null,"arr":[ ]"#)
        #expect(r.replaced.isEmpty)
    }

    @Test func inputDateIsKeptRaw() throws {
        #expect(try record(#"{"date":"2024-07-08T04:55:57Z","text":"x"}"#).inputDateJSON?.utf8String == #""2024-07-08T04:55:57Z""#)
        #expect(try record(#"{"date":1720414557,"text":"x"}"#).inputDateJSON?.utf8String == "1720414557")
        #expect(try record(#"{"date":{"y":2024},"text":"x"}"#).inputDateJSON?.utf8String == #"{"y":2024}"#)
        let twice = try record(#"{"date":"a","text":"x","date":"b"}"#)
        #expect(twice.inputDateJSON?.utf8String == #""a""#)
        #expect(twice.replaced.utf8String == #""date":"b""#)
    }

    @Test func inputTagsAreMerged() throws {
        let r = try record(#"{"tags":["a","b","a","\u00e9"],"text":"x"}"#)
        #expect(r.inputTags == ["a", "b", "é"])
        #expect(r.replaced.isEmpty)
        #expect(r.passthrough.isEmpty)
        let notStrings = try record(#"{"tags":["a",1],"text":"x"}"#)
        #expect(notStrings.inputTags.isEmpty)
        #expect(notStrings.replaced.utf8String == #""tags":["a",1]"#)
        let notArray = try record(#"{"tags":"a b","text":"x"}"#)
        #expect(notArray.inputTags.isEmpty)
        #expect(notArray.replaced.utf8String == #""tags":"a b""#)
    }

    @Test func ownedFieldsMoveToReplaced() throws {
        let line = #"{"x":1,"sentences":["s"],"lang":"de","lang_score":0.5,"text":"t","attributes":{"q":1},"origin":{"file":"o"},"input":{"a":1},"raw_text":"r","y":2}"#
        let r = try record(line)
        #expect(r.replaced.utf8String == #""sentences":["s"],"lang":"de","lang_score":0.5,"attributes":{"q":1},"origin":{"file":"o"},"input":{"a":1},"raw_text":"r""#)
        #expect(r.passthrough.utf8String == #""x":1,"y":2"#)
        #expect(r.inputLang == "de")
        let nonStringLang = try record(#"{"lang":7,"text":"t"}"#)
        #expect(nonStringLang.inputLang == nil)
        #expect(nonStringLang.replaced.utf8String == #""lang":7"#)
    }

    @Test func nonStringTextIsNoText() throws {
        let line = Array(#"{"id":"a","text":42}"#.utf8)
        let r = try rejected(line)
        #expect(r.reason == "no_text")
        #expect(r.detail == #"field "text" is a number, not a string"#)
        #expect(r.raw == line)
        #expect(r.origin == Origin(file: "dir/in.jsonl.zst", line: 7))
        #expect(try rejected(Array(#"{"text":null}"#.utf8)).detail == #"field "text" is null, not a string"#)
        #expect(try rejected(Array(#"{"content":["a"]}"#.utf8)).detail == #"field "content" is an array, not a string"#)
    }

    @Test func missingTextIsNoText() throws {
        let r = try rejected(Array(#"{"id":"a","title":"T"}"#.utf8))
        #expect(r.reason == "no_text")
        #expect(r.detail == #"no "text", "content", "body" field"#)
    }

    @Test(arguments: [
        (#"{"text":"x",}"#, #"expected string key at byte 12"#),
        (#"{"text":"x"} trailing"#, "trailing characters after object at byte 13"),
        (#"["text"]"#, "expected object at byte 0"),
        (#"{"text":"unterminated}"#, "unterminated string at byte 8"),
    ])
    func invalidJSON(_ line: String, _ detail: String) throws {
        let r = try rejected(Array(line.utf8))
        #expect(r.reason == "invalid_json")
        #expect(r.detail == detail)
        #expect(r.raw == Array(line.utf8))
    }

    @Test func blankLines() throws {
        let d = try decoder()
        for blank in ["", " ", "\t \r", "\r"] {
            guard case .blank = decode(Array(blank.utf8), with: d) else {
                Issue.record("not blank: \(blank.debugDescription)")
                continue
            }
        }
    }

    @Test func invalidUTF8IsRepairedAndCounted() throws {
        let d = try decoder()
        let line: [UInt8] = Array(#"{"text":"a"#.utf8) + [0xFF] + Array("b".utf8) + [0xC3] + Array(#"","k":"v"}"#.utf8)
        guard case .record(let r) = decode(line, with: d) else { Issue.record("not a record"); return }
        #expect(r.text == "a\u{FFFD}b\u{FFFD}")
        #expect(r.passthrough.utf8String == #""k":"v""#)
        #expect(d.repairedUTF8 == 1)
        _ = decode(line, with: d)
        _ = decode(Array(#"{"text":"fine"}"#.utf8), with: d)
        #expect(d.repairedUTF8 == 2)
    }

    @Test func invalidUTF8IsRejectedOnRequest() throws {
        let d = try decoder { $0.invalidUTF8 = .reject }
        let line: [UInt8] = Array(#"{"text":"a"#.utf8) + [0xFF] + Array(#""}"#.utf8)
        let r = try rejected(line, with: d)
        #expect(r.reason == "invalid_utf8")
        #expect(r.detail == "bytes are not valid UTF-8")
        #expect(r.raw == line)
        #expect(d.repairedUTF8 == 0)
    }

    @Test func windows1252() throws {
        let d = try decoder { $0.encoding = "WINDOWS-1252" }
        let line: [UInt8] = Array(#"{"id":"w","text":""#.utf8) + [0x93, 0x48, 0x69, 0x94, 0x20, 0xE9, 0x80] + Array(#"","src":"caf"#.utf8) + [0xE9] + Array(#""}"#.utf8)
        guard case .record(let r) = decode(line, with: d) else { Issue.record("not a record"); return }
        #expect(r.text == "\u{201C}Hi\u{201D} é€")
        #expect(r.passthrough.utf8String == #""src":"café""#)
        #expect(d.repairedUTF8 == 0)
    }

    @Test func koi8r() throws {
        let d = try decoder { $0.encoding = "KOI8-R" }
        let line: [UInt8] = Array(#"{"text":""#.utf8) + [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4] + Array(#""}"#.utf8)
        guard case .record(let r) = decode(line, with: d) else { Issue.record("not a record"); return }
        #expect(r.text == "Привет")
    }

    @Test func shiftJIS() throws {
        let d = try decoder { $0.encoding = "SHIFT_JIS" }
        let line: [UInt8] = Array(#"{"text":""#.utf8) + [0x93, 0xFA, 0x96, 0x7B, 0x82, 0xA0] + Array(#""}"#.utf8)
        guard case .record(let r) = decode(line, with: d) else { Issue.record("not a record"); return }
        #expect(r.text == "日本あ")
    }

    @Test func cp932KeepsJSONEscapes() throws {
        // CP932 maps 0x5C to the backslash, so JSON escapes survive conversion.
        // (glibc's SHIFT_JIS maps it to U+00A5 YEN SIGN, which breaks `\"` and `\n`.)
        let d = try decoder { $0.encoding = "CP932" }
        let line: [UInt8] = Array(#"{"text":"\"a\"\n"#.utf8) + [0x93, 0xFA, 0x96, 0x7B] + Array(#""}"#.utf8)
        guard case .record(let r) = decode(line, with: d) else { Issue.record("not a record"); return }
        #expect(r.text == "\"a\"\n日本")
    }

    @Test func duplicateTextKeyLastWins() throws {
        let r = try record(#"{"text":"a","text":"b"}"#)
        #expect(r.text == "b")
        #expect(r.replaced.utf8String == #""text":"a""#)
    }

    @Test func invalidBytesInSourceEncodingAreRepairedOrRejected() throws {
        let line: [UInt8] = Array(#"{"text":"a"#.utf8) + [0x80] + Array(#""}"#.utf8)
        let repair = try decoder { $0.encoding = "ASCII" }
        guard case .record(let r) = decode(line, with: repair) else { Issue.record("not a record"); return }
        #expect(r.text == "a\u{FFFD}")
        #expect(repair.repairedUTF8 == 1)
        let reject = try decoder { $0.encoding = "ASCII"; $0.invalidUTF8 = .reject }
        let rej = try rejected(line, with: reject)
        #expect(rej.reason == "invalid_utf8")
        #expect(rej.detail == "bytes are not valid ASCII")
        #expect(rej.raw == line)
    }

    @Test func unknownEncodingFailsAtInit() {
        var o = DecodeOptions()
        o.encoding = "NO-SUCH-ENCODING"
        #expect(throws: ReadError.self) { try RecordDecoder(options: o, file: "f") }
    }

    @Test func plainTextArticles() throws {
        let d = try decoder()
        let text = Array("Title\n\nBody with caf\u{e9}.\n".utf8)
        guard case .record(let r) = text.withUnsafeBufferPointer({ d.decodeText($0, lineNumber: 5) }) else {
            Issue.record("not a record"); return
        }
        #expect(r.text == "Title\n\nBody with café.\n")
        #expect(r.idJSON.utf8String == #""dir/in.jsonl.zst:5""#)
        #expect(r.origin.line == 5)
        let cp = try decoder { $0.encoding = "CP1251" }
        guard case .record(let c) = [UInt8]([0xCF, 0xF0, 0xE8]).withUnsafeBufferPointer({ cp.decodeText($0, lineNumber: 1) }) else {
            Issue.record("not a record"); return
        }
        #expect(c.text == "При")
    }
}
