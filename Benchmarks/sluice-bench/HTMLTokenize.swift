// Throughput of the HTML tokenizer (issue 14) on the pages of a JSONL[.zst] file's `html` field.
//
//     swift build -c release --product sluice-bench
//     .build/release/sluice-bench html-tokenize ../shared/data/html-eval/pages.jsonl.zst [--field html] [--repeat 3]
//
// Prints MB/s of HTML per CPU-second of this thread (best of the repeats) and the token counts.
import Foundation
import Sluice
import SluiceText

func runHTMLTokenize(path: String, named: [String: String]) throws {
    var options = DecodeOptions()
    options.textField = named["field"] ?? "html"
    options.textFallbacks = []
    let file = try FileReader(path: path)
    let source: any ByteReader = path.hasSuffix(".zst") ? ZstdDecompressor(source: file) : file
    let lines = LineReader(source: source)
    let decoder = try RecordDecoder(options: options, file: path)
    var pages: [[UInt8]] = []
    while try lines.nextLine({ line in
        if case .record(let r) = decoder.decodeJSONLine(line, lineNumber: lines.lineNumber) { pages.append(Array(r.text.utf8)) }
    }) {}
    let bytes = pages.reduce(0) { $0 + $1.count }
    print("\(pages.count) pages, \(String(format: "%.1f", Double(bytes) / 1e6)) MB of HTML")

    func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    var counts = [Int](repeating: 0, count: 6)
    var best = Double.infinity
    for round in 0..<(Int(named["repeat"] ?? "3") ?? 3) {
        var c = [Int](repeating: 0, count: 6)
        let t0 = cpuSeconds()
        for page in pages {
            var tokenizer = HTMLTokenizer(page)
            while let token = tokenizer.next() {
                switch token {
                case .text: c[0] += 1
                case .startTag: c[1] += 1; c[5] += tokenizer.attributes.count
                case .endTag: c[2] += 1
                case .comment: c[3] += 1
                case .doctype: c[4] += 1
                }
            }
        }
        let dt = cpuSeconds() - t0
        best = min(best, dt)
        counts = c
        print(String(format: "round %d: %.3f CPU s, %.1f MB/s", round + 1, dt, Double(bytes) / 1e6 / dt))
    }
    print(String(format: "html-tokenize  %.1f MB/CPU-s (best)", Double(bytes) / 1e6 / best))
    print("tokens: \(counts[0]) text, \(counts[1]) start tags (\(counts[5]) attributes), \(counts[2]) end tags, "
          + "\(counts[3]) comments, \(counts[4]) doctypes")
}
