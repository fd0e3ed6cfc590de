// sluice-bench: throughput benchmarks of Sluice (issue 7).
//
//     swift build -c release --product sluice && swift build -c release --product sluice-bench
//     .build/release/sluice-bench run [--mb 100 --files 8 --seed 1 | --input DIR] [--jobs N]
//                                     [--configs passthrough,news,…] [--repeat R] [--sluice PATH] [--keep DIR]
//     .build/release/sluice-bench corpus OUT_DIR [--mb 200] [--files 8] [--seed 1]
//     .build/release/sluice-bench algorithms FILE.jsonl[.zst]     (also: sluice-bench FILE)
//     SLUICE_BENCH_ONLY=split|adversarial|clean|hashtags|words|dedupkey|language|quality|patterns|terms|tag|taggers runs one part of `algorithms`
//     .build/release/sluice-bench linear [--only clean,split-en,…] [--tokens 0,5,…] [--mb 1]
//     .build/release/sluice-bench encodings /tmp/enc-eval [--details OUT.jsonl] [--repeat 3]
//     .build/release/sluice-bench html-tokenize PAGES.jsonl[.zst] [--field html] [--repeat 3]
//     .build/release/sluice-bench html-extract PAGES.jsonl[.zst] [--out OUT.jsonl] [--favor balanced]
//     .build/release/sluice-bench html-tree PAGES.jsonl[.zst] > TREE.jsonl      (see Benchmarks/html/tree_diff.py)
//     .build/release/sluice-bench html-metadata PAGES.jsonl[.zst] [--repeat 3] [--all 1] > OUT.jsonl
//     .build/release/sluice-bench neardup FILE.jsonl[.zst] [--repeat 3] [--threshold 0.8] [--check-bins 1024] [--normalize digits,case,diacritics]
//     .build/release/sluice-bench stream FILE.jsonl --mode file|stream|slow [--jobs N] [--repeat-input K] [--slow-us U]
//
// `run` times `sluice run` end to end, one child process per configuration (see Runner.swift);
// `corpus` writes the generated corpus (see Corpus.swift); `algorithms` times the text
// algorithms in memory (see Algorithms.swift); `linear` checks that they run in linear time on
// long runs of adversarial tokens, 1 MB against 4 MB (see Linear.swift).
import Foundation

func usage() -> Never {
    FileHandle.standardError.write(Data("""
    usage: sluice-bench run [--mb MB --files N --seed S | --input DIR] [--jobs N] [--configs a,b] [--repeat R] [--sluice PATH] [--keep DIR]
           sluice-bench corpus OUT_DIR [--mb MB] [--files N] [--seed S]
           sluice-bench algorithms FILE.jsonl[.zst]
           sluice-bench linear [--only ALGO,…] [--tokens I,…] [--mb MB]
           sluice-bench encodings EVAL_DIR [--details OUT.jsonl] [--repeat R]
           sluice-bench html-tokenize PAGES.jsonl[.zst] [--field html] [--repeat R]
           sluice-bench html-extract PAGES.jsonl[.zst] [--out OUT.jsonl] [--favor F] [--comments true]
           sluice-bench html-tree PAGES.jsonl[.zst] [--field html]
           sluice-bench html-metadata PAGES.jsonl[.zst] [--repeat R] [--all 1]
           sluice-bench neardup FILE.jsonl[.zst] [--repeat R] [--threshold T] [--check-bins B] [--normalize RULES]
           sluice-bench stream FILE.jsonl --mode file|stream|slow [--jobs N] [--pipeline P] [--repeat-input K] [--slow-us U]

    """.utf8))
    exit(2)
}

/// `--name value` pairs after the positional arguments.
func options(_ args: ArraySlice<String>) -> (positional: [String], named: [String: String]) {
    var pos: [String] = [], named: [String: String] = [:]
    var i = args.startIndex
    while i < args.endIndex {
        let a = args[i]
        if a.hasPrefix("--") {
            guard i + 1 < args.endIndex else { usage() }
            named[String(a.dropFirst(2))] = args[i + 1]
            i += 2
        } else {
            pos.append(a)
            i += 1
        }
    }
    return (pos, named)
}

nonisolated func main() throws {
    let args = CommandLine.arguments
    guard args.count >= 2 else { usage() }
    let (pos, named) = options(args.dropFirst(2))
    switch args[1] {
    case "run":
        try runBenchmark(named)
    case "corpus":
        guard pos.count == 1 else { usage() }
        let (recs, raw, packed) = try generateCorpus(directory: pos[0], mb: Double(named["mb"] ?? "200") ?? 200,
                                                     files: Int(named["files"] ?? "8") ?? 8,
                                                     seed: UInt64(named["seed"] ?? "1") ?? 1)
        print("\(recs) records: \(fmt(Double(raw) / 1e6)) MB JSONL, \(fmt(Double(packed) / 1e6)) MB zstd in \(pos[0])")
    case "linear":
        try runLinear(named)
    case "linear-child":
        guard args.count == 5, let small = Int(args[4]) else { usage() }
        runLinearChild(algorithm: args[2], tokens: args[3].split(separator: ",").compactMap { Int($0) }, small: small)
    case "encodings":
        guard pos.count == 1 else { usage() }
        try runEncodings(set: pos[0], named: named)
    case "html-tokenize":
        guard pos.count == 1 else { usage() }
        try runHTMLTokenize(path: pos[0], named: named)
    case "html-extract":
        guard pos.count == 1 else { usage() }
        try runHTMLExtract(path: pos[0], named: named)
    case "html-explain":
        guard !pos.isEmpty else { usage() }
        try runHTMLExplain(args: pos, named: named)
    case "html-tree":
        guard pos.count == 1 else { usage() }
        try runHTMLTree(path: pos[0], named: named)
    case "html-metadata":
        guard pos.count == 1 else { usage() }
        try runHTMLMetadata(path: pos[0], named: named)
    case "neardup":
        guard pos.count == 1 else { usage() }
        try runNearDup(path: pos[0], named: named)
    case "stream":
        guard pos.count == 1 else { usage() }
        try runStreamBench(path: pos[0], named: named)
    case "algorithms":
        guard pos.count == 1 else { usage() }
        try runAlgorithms(path: pos[0])
    default:
        guard args.count == 2, !args[1].hasPrefix("-") else { usage() }
        try runAlgorithms(path: args[1])
    }
}

do {
    try main()
} catch {
    FileHandle.standardError.write(Data("sluice-bench: \(error)\n".utf8))
    exit(1)
}
