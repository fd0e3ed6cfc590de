import Foundation
import Testing

/// A small run for the report tests: three inputs, a pipeline that drops duplicates and short
/// documents and runs the quality stage, and records and a file name full of markup.
///
/// What the run gives (checked by ``ReportCommandTests/normalRun()``): 8 records in, 5 kept
/// (en 3, de 1, fr 1), 1 rejected `invalid_json` (b.jsonl:2, whose raw line holds a
/// `<script>`), 2 dropped (`duplicate` a.jsonl:4, `filter:min_words` a.jsonl:3); every kept
/// document has 16–31 words; sentences 1 (one document) or 2–3 (four).
enum ReportFixture {
    static let script = "<script>alert(1)</script>"
    static let pipeline = """
    name: report-test
    stages:
      - dedup
      - clean:
          html_tags: false
      - language
      - filter:
          min_words: 3
      - split
      - tag
      - quality
    sink:
      format: jsonl
      write_dropped: true
    """
    static let oddName = "we<ird>&.txt"

    /// Writes the inputs and the pipeline under `dir`.
    static func make(in dir: URL) throws -> (input: URL, pipeline: URL) {
        let input = dir.appendingPathComponent("in")
        let a = [
            #"{"id":"a1","text":"The river festival opens on Friday with boats and music. Everyone is welcome to join the parade. #river #music"}"#,
            #"{"id":"a2","text":"Look at this: \#(script) is what the page said about the harbour tour today. #music"}"#,
            #"{"id":"a3","text":"Short one."}"#,
            #"{"id":"a4","text":"The river festival opens on Friday with boats and music. Everyone is welcome to join the parade. #river #music"}"#,
        ]
        let b = [
            #"{"id":"b1","text":"Die Stadt baut eine neue Brücke über den Fluss. Die Arbeiten beginnen im Mai und dauern zwei Jahre."}"#,
            #"{"id":"b2","text":"\#(script) unterminated"#,
            #"{"id":"b3","text":"La ville ouvre une nouvelle bibliothèque près de la gare. Elle sera ouverte tous les jours."}"#,
        ]
        try E2E.write(a.joined(separator: "\n") + "\n", to: input.appendingPathComponent("a.jsonl"))
        try E2E.write(b.joined(separator: "\n") + "\n", to: input.appendingPathComponent("b.jsonl"))
        try E2E.write("A plain text article about the old lighthouse on the northern coast. It was built in 1880 and still stands.\n",
                      to: input.appendingPathComponent(oddName))
        let pipelineFile = dir.appendingPathComponent("pipe.yaml")
        try E2E.write(pipeline + "\n", to: pipelineFile)
        return (input, pipelineFile)
    }

    /// Runs `sluice run` (with `extra` arguments) over the fixture into `dir/name`.
    static func run(in dir: URL, name: String = "out", extra: [String] = [],
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        let (input, pipeline) = try make(in: dir)
        let out = dir.appendingPathComponent(name)
        let r = try SluiceBinary.run(["run", input.path, "-o", out.path, "-p", pipeline.path, "--progress", "none", "--jobs", "1"] + extra)
        #expect(r.status == 0, "stderr: \(r.err)", sourceLocation: sourceLocation)
        return out
    }

    /// Rewrites OUT/stats.jsonl as a killed run leaves it: only the file events, without that
    /// of `file`, then `tail` (a torn line, say).
    static func keepFileEvents(except file: String, in out: URL, then tail: String = "") throws {
        let stats = out.appendingPathComponent("stats.jsonl")
        let kept = try String(contentsOf: stats, encoding: .utf8).split(separator: "\n")
            .filter { $0.contains(#""event":"file""#) && !$0.contains("\"file\":\"\(file)\"") }
        try E2E.write(kept.joined(separator: "\n") + "\n" + tail, to: stats)
    }

    /// Runs `sluice report OUT args…` and returns the page.
    static func report(_ out: URL, _ args: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try SluiceBinary.run(["report", out.path] + args)
        #expect(r.status == 0, "stderr: \(r.err)", sourceLocation: sourceLocation)
        return try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    }

    /// The `data-bars` of each chart, by id.
    static func declaredBars(_ page: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for part in page.components(separatedBy: "<svg class=\"chart\" id=\"").dropFirst() {
            let id = String(part.prefix { $0 != "\"" })
            if let r = part.range(of: "data-bars=\"") {
                out[id] = Int(part[r.upperBound...].prefix { $0 != "\"" })
            }
        }
        return out
    }

    /// `<rect class="bar"` counted inside each chart, by id.
    static func drawnBars(_ page: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for part in page.components(separatedBy: "<svg class=\"chart\" id=\"").dropFirst() {
            let id = String(part.prefix { $0 != "\"" })
            let body = part.components(separatedBy: "</svg>")[0]
            out[id] = body.components(separatedBy: "<rect class=\"bar\"").count - 1
        }
        return out
    }

    /// The bars every chart of the fixture's page has.
    static let expectedBars: [String: Int] = [
        "chart-outcomes": 4, "chart-languages": 3, "chart-words": 6, "chart-sentences": 3, "chart-stages": 7, "chart-tags": 2,
        "chart-quality-gopher-quality-alpha-words-ratio": 10, "chart-quality-gopher-repetition-dup-line-frac": 10,
        "chart-quality-gopher-repetition-top-2-gram-char-frac": 10, "chart-quality-fineweb-line-punct-ratio": 10,
        "chart-quality-fineweb-short-line-ratio": 10, "chart-quality-fineweb-char-dup-ratio": 10,
    ]
}
