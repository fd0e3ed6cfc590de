import Testing
@testable import Sluice
import SluiceText

/// Dedup's reading pass (inputs read ahead of a run) takes keys straight from the lines; they must be the keys of the records
/// the main pass builds, and lines that make no record must give none.
@Suite struct RecordDecoderDedupKeyTests {
    static let lines: [[UInt8]] = [
        Array(#"{"id":1,"text":"The mayor said yes."}"#.utf8),
        Array(#"{"id":2,"text":"Line one\nLine two \"quoted\" \\ done"}"#.utf8),
        Array(#"{"id":3,"text":"Caf\u00e9 \ud83d\ude00 ok"}"#.utf8),
        Array(#"{"id":4,"text":"lone \ud800 surrogate"}"#.utf8),
        Array(#"{"id":5,"content":"only a fallback"}"#.utf8),
        Array(#"{"id":6,"body":"second fallback","content":"first fallback"}"#.utf8),
        Array(#"{"id":7,"content":"fallback","text":"text wins"}"#.utf8),
        Array(#"{"id":8,"text":42}"#.utf8),
        Array(#"{"id":9}"#.utf8),
        Array("   ".utf8),
        Array(#"{"id":10,"text":"bad "#.utf8) + [0xFF] + Array(#" byte"}"#.utf8),
        Array(#"{"id":11,"text":"unterminated"#.utf8),
        Array(#"{"id":12,"text":"  THE\u00a0MAYOR said\u200b yes. "}"#.utf8),
    ]

    @Test(arguments: [false, true])
    func keysMatchTheFullDecode(latin1: Bool) throws {
        var o = DecodeOptions()
        if latin1 { o.encoding = "LATIN1" }
        let fast = try RecordDecoder(options: o, file: "in.jsonl")
        let full = try RecordDecoder(options: o, file: "in.jsonl")
        var keys: [UInt64?] = []
        for (n, line) in Self.lines.enumerated() {
            let key = line.withUnsafeBufferPointer { fast.dedupKey(ofJSONLine: $0, lineNumber: n + 1) }
            let outcome = line.withUnsafeBufferPointer { full.decodeJSONLine($0, lineNumber: n + 1) }
            var expected: UInt64?
            if case .record(let r) = outcome { expected = DedupKey.hash(r.text) }
            #expect(key == expected, "line \(n + 1)")
            keys.append(key)
        }
        if !latin1 {
            // Lines 1 and 13 normalize to the same text; 8, 9, 10 (blank), 12 make no record.
            #expect(keys[0] == keys[12])
            #expect(keys[7] == nil && keys[8] == nil && keys[9] == nil && keys[11] == nil)
            #expect(keys[10] != nil)  // invalid UTF-8 is repaired by default, so it is a record
        }
    }
}
