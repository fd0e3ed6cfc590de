import Foundation
import Testing

/// The one-stage stream commands: stdin JSONL → stdout JSONL, same order.
@Suite struct EndToEndStreamTests {
    static func stdin(_ lines: [String]) -> Data { Data(lines.map { $0 + "\n" }.joined().utf8) }

    @Test func clean() throws {
        let r = try SluiceBinary.run(["clean"], stdin: Self.stdin([
            #"{"id":"a2","text":"Dr. Lee will conduct the park concert at 7 p.m. on Friday.\nEntry is free.\n#music #park\n2024-07-05 10:00:00"}"#,
            #"{"id":7,"text":"  Hello   world.  ","extra":1}"#,
            #"{"id":"d","text":"Kept date.","date":"2020-01-01","tags":["x"]}"#,
        ]))
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.lines == [
            #"{"id":"a2","text":"Dr. Lee will conduct the park concert at 7 p.m. on Friday.\nEntry is free.","tags":["music","park"],"date":"2024-07-05T10:00:00"}"#,
            #"{"id":7,"text":"Hello world.","tags":[],"date":null}"#,
            #"{"id":"d","text":"Kept date.","tags":["x"],"date":"2020-01-01"}"#,
        ])
    }

    @Test func split() throws {
        let r = try SluiceBinary.run(["split"], stdin: Self.stdin([
            #"{"id":"s1","text":"Dr. Lee arrives at 7 p.m. on Friday. Entry is free."}"#,
            #"{"id":"s2","lang":"de","text":"Sie kommt am 3. August. Der Eintritt ist frei."}"#,
        ]))
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.lines == [
            #"{"id":"s1","sentences":["Dr. Lee arrives at 7 p.m. on Friday.","Entry is free."]}"#,
            #"{"id":"s2","sentences":["Sie kommt am 3. August.","Der Eintritt ist frei."]}"#,
        ])
        let de = try SluiceBinary.run(["split", "--lang", "de"], stdin: Self.stdin([
            #"{"id":"b1","text":"Die neue Bibliothek öffnet am 3. August. Sie hat ca. 20.000 Bücher."}"#,
        ]))
        #expect(de.lines == [#"{"id":"b1","sentences":["Die neue Bibliothek öffnet am 3. August.","Sie hat ca. 20.000 Bücher."]}"#])
    }

    @Test func splitText() throws {
        let r = try SluiceBinary.run(["split", "--text"], stdin: Data("Dr. Lee will come at 7 p.m. today. Entry is free!\nIs it? Yes.\n".utf8))
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.out == "Dr. Lee will come at 7 p.m. today.\nEntry is free!\nIs it?\nYes.\n")
    }

    @Test func tag() throws {
        let r = try SluiceBinary.run(["tag"], stdin: Self.stdin([
            #"{"id":"t1","text":"Join us at the #park today. Bring friends!"}"#,
            #"{"id":"t2","tags":["city"],"text":"Nothing to tag here."}"#,
        ]))
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.lines == [
            #"{"id":"t1","lang":"en","lang_score":0.9999,"tags":["park"],"attributes":{"counts":{"words":8,"sentences":2,"chars":42},"patterns":{"hashtags":1}}}"#,
            #"{"id":"t2","lang":"en","lang_score":0.9892,"tags":["city"],"attributes":{"counts":{"words":4,"sentences":1,"chars":20}}}"#,
        ])
    }

    /// 500 records of uneven size through 4 workers come out in input order.
    @Test(arguments: ["clean", "split", "tag"])
    func orderIsInputOrder(_ command: String) throws {
        let lines = (0..<500).map { i in
            let words = Array(repeating: "word\(i)", count: 1 + (i * 7919) % 400).joined(separator: " ")
            return #"{"id":"n\#(i)","text":"Record \#(i). \#(words)."}"#
        }
        let r = try SluiceBinary.run([command, "--jobs", "4"], stdin: Self.stdin(lines))
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.lines.map { try? E2E.json($0)["id"] as? String } == (0..<500).map { "n\($0)" })
    }

    /// An unreadable line is reported on stderr (exit 1); the others still come out, in order.
    @Test func rejectedLineGoesToStderr() throws {
        let r = try SluiceBinary.run(["clean"], stdin: Self.stdin(["not json", #"{"id":"ok","text":"Fine."}"#]))
        #expect(r.status == 1)
        #expect(r.lines == [#"{"id":"ok","text":"Fine.","tags":[],"date":null}"#])
        #expect(r.err.contains(#"{"reason":"invalid_json","detail":"expected object at byte 0","raw":"not json","origin":{"file":"stdin","line":1}}"#))
    }
}
