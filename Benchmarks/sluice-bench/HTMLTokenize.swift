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
    var pages: [[UInt8]] = []
    try forEachRecord(path, field: named["field"] ?? "html") { pages.append(Array($0.text.utf8)) }
    let bytes = pages.reduce(0) { $0 + $1.count }
    print("\(pages.count) pages, \(String(format: "%.1f", Double(bytes) / 1e6)) MB of HTML")

    var counts = [Int](repeating: 0, count: 6)
    var best = Double.infinity
    for round in 0..<(Int(named["repeat"] ?? "3") ?? 3) {
        var c = [Int](repeating: 0, count: 6)
        let t0 = threadCPUSeconds()
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
        let dt = threadCPUSeconds() - t0
        best = min(best, dt)
        counts = c
        print(String(format: "round %d: %.3f CPU s, %.1f MB/s", round + 1, dt, Double(bytes) / 1e6 / dt))
    }
    print(String(format: "html-tokenize  %.1f MB/CPU-s (best)", Double(bytes) / 1e6 / best))
    print("tokens: \(counts[0]) text, \(counts[1]) start tags (\(counts[5]) attributes), \(counts[2]) end tags, "
          + "\(counts[3]) comments, \(counts[4]) doctypes")
}
