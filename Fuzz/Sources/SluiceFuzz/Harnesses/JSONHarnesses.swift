@testable import Sluice

extension Harness {
    /// The JSONL line scanner and the tree parser on arbitrary bytes: they agree on what is an
    /// object, member ranges lie inside the line, and decoding any string member works.
    static let json = Harness(name: "json") { input in
        let line = input.bytes
        let members = try? JSONScanner.scanObject(line)
        let tree = try? JSONTreeParser.parse(line)
        if let members {
            guard case .object(let pairs)? = tree else {
                Harness.require(false, "scanner took an object the tree parser refused")
                return
            }
            Harness.require(pairs.count == members.count, "member counts differ: \(pairs.count) vs \(members.count)")
            var previous = 0
            for m in members {
                Harness.require(m.value.lowerBound >= previous && m.value.upperBound <= line.count, "member range \(m.value) out of order or bounds")
                previous = m.value.upperBound
                if m.kind == .string { _ = JSONScanner.decodeString(line, m.value) }
            }
        }
    }

    /// Writer → parser round trip: any value the parser reads is written back as JSON that
    /// parses to the same value; any string (also from invalid UTF-8) is written as a JSON
    /// string that reads back unchanged.
    static let jsonRoundTrip = Harness(name: "json-roundtrip") { input in
        if let value = try? JSONTreeParser.parse(input.bytes) {
            var w = JSONWriter()
            w.appendValue(value)
            let again = w.bytes.withUnsafeBufferPointer { try? JSONTreeParser.parse($0) }
            Harness.require(again == value, "value changed in a write/parse round trip")
        }
        let s = input.text
        var w = JSONWriter()
        w.appendString(s)
        let back = w.bytes.withUnsafeBufferPointer { try? JSONTreeParser.parse($0) }
        Harness.require(back == .string(s), "string changed in a write/parse round trip")
    }
}
