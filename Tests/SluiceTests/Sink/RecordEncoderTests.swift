import Testing
@testable import Sluice

@Suite struct RecordEncoderTests {
    private func full() -> Record {
        var r = Record(idJSON: Array(#""a1""#.utf8), text: "Hi \"there\".\nBye.", origin: Origin(file: "d/f.jsonl.zst", line: 3))
        r.sentences = ["Hi \"there\".", "Bye."]
        r.lang = "en"
        r.langScore = 0.98
        r.inputTags = ["in1", "in2"]
        r.tags = ["Putin", "peace"]
        r.date = "2024-07-08T04:55:57"
        r.passthrough = Array(#""url":"http://x","n":1.50,"meta":{"a":[1, 2]}"#.utf8)
        r.replaced = Array(#""lang":"de","sentences":["x"]"#.utf8)
        r.setAttributes("counts", .object([(key: "words", value: .int(3)), (key: "chars", value: .int(15))]))
        r.setAttributes("quality", .object([(key: "ok", value: .bool(true))]))
        return r
    }

    private func encode(_ r: Record, as format: RecordFormat = .record) -> String {
        var w = JSONWriter()
        RecordEncoder.append(r, as: format, to: &w)
        return w.bytes.utf8String
    }

    @Test func fullRecord() {
        let expected = #"{"id":"a1","text":"Hi \"there\".\nBye.","sentences":["Hi \"there\".","Bye."],"lang":"en","lang_score":0.98,"date":"2024-07-08T04:55:57","tags":["in1","in2","Putin","peace"],"attributes":{"counts":{"words":3,"chars":15},"quality":{"ok":true}},"url":"http://x","n":1.50,"meta":{"a":[1, 2]},"input":{"lang":"de","sentences":["x"]},"origin":{"file":"d/f.jsonl.zst","line":3}}"# + "\n"
        #expect(encode(full()) == expected)
        var w = JSONWriter()
        RecordEncoder.appendJSONL(full(), to: &w)
        #expect(w.bytes.utf8String == expected)
    }

    @Test func minimalRecord() {
        let r = Record(idJSON: Array("42".utf8), text: "", origin: Origin(file: "a.txt", line: 1))
        #expect(encode(r) == #"{"id":42,"text":"","sentences":[],"lang":"und","lang_score":0.0,"date":null,"tags":[],"attributes":{},"origin":{"file":"a.txt","line":1}}"# + "\n")
    }

    @Test func inputDateWinsOverLiftedDate() {
        var r = full()
        r.inputDateJSON = Array("1720414557".utf8)
        #expect(encode(r).contains(#","date":1720414557,"#))
        r.inputDateJSON = nil
        #expect(encode(r).contains(#","date":"2024-07-08T04:55:57","#))
    }

    @Test func rawTextWhenKept() {
        var r = Record(idJSON: Array(#""i""#.utf8), text: "a b", origin: Origin(file: "f", line: 2))
        r.rawText = "a  b"
        #expect(encode(r) == #"{"id":"i","text":"a b","sentences":[],"lang":"und","lang_score":0.0,"date":null,"tags":[],"attributes":{},"raw_text":"a  b","origin":{"file":"f","line":2}}"# + "\n")
    }

    @Test func rejectedWithRaw() {
        let r = RejectedRecord(origin: Origin(file: "x/y.jsonl", line: 9), reason: "invalid_json",
                               detail: "expected value at byte 5", raw: Array(#"{"a":}"#.utf8))
        var w = JSONWriter()
        RecordEncoder.appendRejected(r, to: &w)
        #expect(w.bytes.utf8String == #"{"reason":"invalid_json","detail":"expected value at byte 5","raw":"{\"a\":}","origin":{"file":"x/y.jsonl","line":9}}"# + "\n")
    }

    @Test func rejectedWithRawBase64() {
        let r = RejectedRecord(origin: Origin(file: "z.txt", line: 1), reason: "invalid_utf8", raw: [0xFF, 0x41])
        var w = JSONWriter()
        RecordEncoder.appendRejected(r, to: &w)
        #expect(w.bytes.utf8String == #"{"reason":"invalid_utf8","raw_base64":"/0E=","origin":{"file":"z.txt","line":1}}"# + "\n")
        let three = RejectedRecord(origin: Origin(file: "z.txt", line: 2), reason: "invalid_utf8", raw: [0x61, 0xC3, 0x28, 0x80])
        var w3 = JSONWriter()
        RecordEncoder.appendRejected(three, to: &w3)
        #expect(w3.bytes.utf8String.contains(#""raw_base64":"YcMogA==""#))
    }

    @Test func textFormat() {
        #expect(encode(full(), as: .sentences) == "Hi \"there\".\nBye.\n\n")
        #expect(encode(full(), as: .sentenceLines) == "Hi \"there\".\nBye.\n")
        var bytes: [UInt8] = []
        RecordEncoder.appendText(full(), to: &bytes)
        RecordEncoder.appendText(Record(idJSON: [], text: "", origin: Origin(file: "", line: 0)), to: &bytes)
        #expect(bytes.utf8String == "Hi \"there\".\nBye.\n\n\n")
    }

    @Test func streamCommandFormats() {
        #expect(encode(full(), as: .clean) == #"{"id":"a1","text":"Hi \"there\".\nBye.","tags":["in1","in2","Putin","peace"],"date":"2024-07-08T04:55:57"}"# + "\n")
        #expect(encode(full(), as: .split) == #"{"id":"a1","sentences":["Hi \"there\".","Bye."]}"# + "\n")
        #expect(encode(full(), as: .tag) == #"{"id":"a1","lang":"en","lang_score":0.98,"tags":["in1","in2","Putin","peace"],"attributes":{"counts":{"words":3,"chars":15},"quality":{"ok":true}}}"# + "\n")
    }

    @Test func decodedRecordRoundTripsPassthroughAndReplaced() throws {
        let d = try RecordDecoder(options: DecodeOptions(), file: "in.jsonl")
        let line = Array(#"{"id":7,"lang":"fr","text":"Salut.","src":{"k":[1,2]},"tags":["a"],"date":"2020-01-01"}"#.utf8)
        guard case .record(var r) = line.withUnsafeBufferPointer({ d.decodeJSONLine($0, lineNumber: 2) }) else {
            Issue.record("not a record"); return
        }
        r.addTags(["a", "b"])
        #expect(encode(r) == #"{"id":7,"text":"Salut.","sentences":[],"lang":"und","lang_score":0.0,"date":"2020-01-01","tags":["a","b"],"attributes":{},"src":{"k":[1,2]},"input":{"lang":"fr"},"origin":{"file":"in.jsonl","line":2}}"# + "\n")
    }
}
