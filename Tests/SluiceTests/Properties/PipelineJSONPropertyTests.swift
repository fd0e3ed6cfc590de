import Foundation
import Testing
import SluiceFuzzSupport
@testable import Sluice

/// Pipeline output is valid JSON whatever the input (issue 12, point 3): random JSONL lines
/// (``FuzzJSONL``) and text articles that are often not UTF-8 through the decoder, every record
/// stage and the encoder; each output and rejected line must parse with Foundation's
/// JSONSerialization and keep what it carries.
@Suite struct PipelineJSONPropertyTests {
    /// Every record stage, with the options that write the most (raw text, spans, both
    /// sentence forms, quality signals), and a filter that drops some records.
    static let yaml = """
        stages:
          - clean: {normalization: nfkc, keep_raw_text: true}
          - language: {min_chars: 1, spans: true, span_min_chars: 10}
          - pii: {mode: mask}
          - split: {output: both}
          - tag: {spans: true}
          - terms: {file: topics.yaml, diacritic_insensitive: true}
          - quality
          - filter: {min_words: 2, max_chars: 3000}
        """

    static func pipeline() throws -> Pipeline {
        try PipelineFile.parse(yaml, path: FuzzSeeds.root + "/Pipelines/properties.yaml")
    }

    @Test(arguments: [DecodeOptions.InvalidUTF8.repair, .reject])
    func everyLineIsJSON(_ invalidUTF8: DecodeOptions.InvalidUTF8) throws {
        let pipeline = try Self.pipeline()
        var options = pipeline.decode
        options.invalidUTF8 = invalidUTF8
        let decoder = try RecordDecoder(options: options, file: "fuzz/in.jsonl")
        var g = FuzzRandom(seed: invalidUTF8 == .repair ? 7 : 8)
        let lines = FuzzSeeds.jsonLines.map { Array($0.utf8) } + (0..<1000).map { _ in FuzzJSONL.line(&g) }
        var batch = Batch(sequence: 0)
        var blanks = 0
        for (i, line) in lines.enumerated() {
            switch line.withUnsafeBufferPointer({ decoder.decodeJSONLine($0, lineNumber: i + 1) }) {
            case .record(let r): batch.records.append(r)
            case .rejected(let r): batch.rejected.append(r)
            case .blank: blanks += 1
            }
        }
        #expect(batch.records.count + batch.rejected.count + blanks == lines.count)
        #expect(batch.records.count > 300 && batch.rejected.count > 30, "the inputs should hold both")
        Self.processAndCheck(&batch, pipeline)
    }

    /// Plain-text articles (`decodeText`), often not UTF-8: repaired to valid text or rejected
    /// with their bytes in base64.
    @Test(arguments: [DecodeOptions.InvalidUTF8.repair, .reject])
    func everyArticleIsJSON(_ invalidUTF8: DecodeOptions.InvalidUTF8) throws {
        let pipeline = try Self.pipeline()
        var options = pipeline.decode
        options.invalidUTF8 = invalidUTF8
        let decoder = try RecordDecoder(options: options, file: "fuzz/in.txt")
        var g = FuzzRandom(seed: invalidUTF8 == .repair ? 9 : 10)
        let articles = FuzzText.inputs(seed: 11, random: 300, mutated: 300, seeds: false).map { FuzzText.brokenUTF8($0, &g) }
        var batch = Batch(sequence: 0)
        for (i, bytes) in articles.enumerated() {
            switch bytes.withUnsafeBufferPointer({ decoder.decodeText($0, lineNumber: i + 1) }) {
            case .record(let r):
                #expect(String(validating: Array(r.text.utf8), as: UTF8.self) != nil)
                // Valid input is kept byte for byte; anything else only gains U+FFFD.
                if String(validating: bytes, as: UTF8.self) != nil { #expect(Array(r.text.utf8) == bytes) }
                batch.records.append(r)
            case .rejected(let r):
                #expect(invalidUTF8 == .reject && r.reason == "invalid_utf8" && r.raw == bytes)
                batch.rejected.append(r)
            case .blank:
                Issue.record("a text article is never blank")
            }
        }
        #expect(invalidUTF8 == .repair ? batch.rejected.isEmpty : batch.rejected.count > 50)
        Self.processAndCheck(&batch, pipeline)
    }

    /// Runs `pipeline`'s stages over `batch`, then encodes every record, rejected and dropped
    /// record and checks each line: a JSON object that carries what it should.
    static func processAndCheck(_ batch: inout Batch, _ pipeline: Pipeline, sourceLocation: SourceLocation = #_sourceLocation) {
        let decoded = batch.records.count
        for stage in pipeline.stages {
            var stats = StageStats()
            stage.process(&batch, stats: &stats)
        }
        // Records in = out + dropped.
        #expect(batch.records.count + batch.dropped.count == decoded, sourceLocation: sourceLocation)
        #expect(!batch.dropped.isEmpty, sourceLocation: sourceLocation)

        for r in batch.records {
            var w = JSONWriter()
            RecordEncoder.appendJSONL(r, to: &w)
            #expect(!hasLoneSurrogateEscape(w.bytes), "\(String(decoding: w.bytes, as: UTF8.self))", sourceLocation: sourceLocation)
            guard let o = object(w.bytes, sourceLocation: sourceLocation) else { continue }
            #expect(o["text"] as? String == r.text, "text does not round-trip: \(r.text.debugDescription)", sourceLocation: sourceLocation)
            #expect(o["sentences"] as? [String] == r.sentences, sourceLocation: sourceLocation)
            #expect((o["raw_text"] as? String).map(withoutBOM) == r.rawText.map(withoutBOM), sourceLocation: sourceLocation)
        }
        for r in batch.rejected + batch.dropped {
            var w = JSONWriter()
            RecordEncoder.appendRejected(r, to: &w)
            guard let o = object(w.bytes, sourceLocation: sourceLocation) else { continue }
            #expect(o["reason"] as? String == r.reason, sourceLocation: sourceLocation)
            if r.record == nil {
                // The original line, exactly: as a string when it is UTF-8, else in base64.
                if let raw = o["raw"] as? String {
                    #expect(withoutBOM(raw) == withoutBOM(String(decoding: r.raw, as: UTF8.self)), "raw line lost: \(raw.debugDescription)",
                            sourceLocation: sourceLocation)
                } else {
                    let raw = (o["raw_base64"] as? String).flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) }
                    #expect(raw == r.raw, "raw bytes lost: \(r.raw)", sourceLocation: sourceLocation)
                }
            } else {
                #expect(o["record"] is [String: Any], sourceLocation: sourceLocation)
            }
        }
    }

    /// Found by `everyLineIsJSON`: the id and passthrough fields were copied as raw JSON, so
    /// an input's lone surrogate escape (`\ud800`) reached the output, which Foundation (like
    /// other strict parsers) refuses. The decoder now writes `\ufffd` in its place.
    @Test func loneSurrogateEscapesAreReplaced() throws {
        let decoder = try RecordDecoder(options: DecodeOptions(), file: "in.jsonl")
        for line in [#"{"text":"a","id":"\ud800"}"#, #"{"text":"a","title":"x\udc00"}"#] {
            guard case .record(let r) = Array(line.utf8).withUnsafeBufferPointer({ decoder.decodeJSONLine($0, lineNumber: 1) }) else {
                Issue.record("not a record: \(line)")
                continue
            }
            var w = JSONWriter()
            RecordEncoder.appendJSONL(r, to: &w)
            #expect(!Self.hasLoneSurrogateEscape(w.bytes), "\(String(decoding: w.bytes, as: UTF8.self))")
        }
    }

    /// Whether JSON text holds a `\uD800`–`\uDFFF` escape that is not half of a pair.
    static func hasLoneSurrogateEscape(_ json: [UInt8]) -> Bool {
        func escape(at i: Int) -> UInt32? {
            guard i + 5 < json.count, json[i] == 0x5C, json[i + 1] == 0x75 else { return nil }
            return UInt32(String(decoding: json[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16)
        }
        var i = 0
        while i < json.count {
            if json[i] == 0x5C {
                if let v = escape(at: i) {
                    if v >= 0xD800 && v <= 0xDBFF, let low = escape(at: i + 6), low >= 0xDC00 && low <= 0xDFFF { i += 12; continue }
                    if v >= 0xD800 && v <= 0xDFFF { return true }
                }
                i += 2  // any escape: the byte after the backslash is not a backslash of its own
                continue
            }
            i += 1
        }
        return false
    }

    /// `s` without U+FEFF: JSONSerialization on Linux drops a U+FEFF that follows a string's
    /// opening quote or an escaped quote (`"\u{FEFF}b"` parses as `"b"`), a Foundation quirk
    /// (JSONDecoder keeps it) that the writer is not to blame for.
    static func withoutBOM(_ s: String) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s.unicodeScalars.filter { $0 != "\u{FEFF}" })
        return String(v)
    }

    /// The JSON object of one output line (which must end in its only newline), or nil after
    /// recording why not.
    static func object(_ line: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> [String: Any]? {
        guard line.last == 0x0A, line.firstIndex(of: 0x0A) == line.count - 1 else {
            Issue.record("not one line: \(String(decoding: line, as: UTF8.self).debugDescription)", sourceLocation: sourceLocation)
            return nil
        }
        do {
            guard let o = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                Issue.record("not an object: \(String(decoding: line, as: UTF8.self))", sourceLocation: sourceLocation)
                return nil
            }
            return o
        } catch {
            Issue.record("invalid JSON (\(error)): \(String(decoding: line, as: UTF8.self).debugDescription)", sourceLocation: sourceLocation)
            return nil
        }
    }
}
