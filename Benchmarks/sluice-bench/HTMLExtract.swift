// Article extraction (issue 14) on the pages of a JSONL[.zst] file's `html` field, e.g. the
// html-eval set:
//
//     swift build -c release --product sluice-bench
//     .build/release/sluice-bench html-extract ../shared/data/html-eval/pages.jsonl.zst --out /tmp/out.jsonl [--favor balanced]
//     python3 ../shared/data/html-eval/score.py ../shared/data/html-eval/pages.jsonl.zst /tmp/out.jsonl
//
// Writes {"id", "text"} lines (the scorer's input) and prints MB/s of HTML per CPU-second of
// this thread, extraction only (reading and writing the JSONL not timed).
import Foundation
import Sluice
import SluiceText

func runHTMLExtract(path: String, named: [String: String]) throws {
    var pages: [([UInt8], [UInt8])] = []
    try forEachRecord(path, field: named["field"] ?? "html") { pages.append(($0.idJSON, Array($0.text.utf8))) }
    let bytes = pages.reduce(0) { $0 + $1.1.count }
    FileHandle.standardError.write(Data("\(pages.count) pages, \(String(format: "%.1f", Double(bytes) / 1e6)) MB of HTML\n".utf8))

    var extractOptions = ExtractOptions()
    if let f = named["favor"], let favor = ExtractOptions.Favor(rawValue: f) { extractOptions.favor = favor }
    if named["comments"] == "true" { extractOptions.comments = true }
    let extractor = ArticleExtractor(options: extractOptions)
    var texts: [String] = []
    texts.reserveCapacity(pages.count)
    var noArticle = 0
    let t0 = threadCPUSeconds()
    for page in pages {
        let result = extractor.extract(page.1)
        if !result.hasArticle { noArticle += 1 }
        texts.append(result.text)
    }
    let dt = threadCPUSeconds() - t0
    FileHandle.standardError.write(Data(String(format: "html-extract  %.3f CPU s, %.1f MB/CPU-s, %.0f pages/CPU-s, %d without article\n",
                                               dt, Double(bytes) / 1e6 / dt, Double(pages.count) / dt, noArticle).utf8))
    if let out = named["out"] {
        var data = Data()
        for (page, text) in zip(pages, texts) {
            data.append(contentsOf: Array("{\"id\":".utf8))
            data.append(contentsOf: page.0)
            data.append(contentsOf: Array(",\"text\":\(jsonString(text))}\n".utf8))
        }
        try data.write(to: URL(fileURLWithPath: out))
    }
}

// A diagnostic of one page: `html-explain PAGE.html [TEXT…]` prints the chosen elements and,
// for each TEXT, the elements above the text node that holds its start.
func runHTMLExplain(args: [String], named: [String: String]) throws {
    var options = ExtractOptions()
    if let f = named["favor"], let favor = ExtractOptions.Favor(rawValue: f) { options.favor = favor }
    let html = try [UInt8](Data(contentsOf: URL(fileURLWithPath: args[0])))
    print(ExtractExplainer(options: options).explain(html, needles: Array(args.dropFirst())))
}
