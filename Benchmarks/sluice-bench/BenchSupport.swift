// What the benchmarks share: reading a JSONL[.zst] file and timing by thread CPU time.
import Foundation
import Sluice

/// CPU time of this thread in seconds: on a shared machine it is steadier than wall time.
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// The lines of a JSONL file, decompressed when it ends in `.zst`.
func jsonlLines(_ path: String) throws -> LineReader {
    let file = try FileReader(path: path)
    return LineReader(source: path.hasSuffix(".zst") ? ZstdDecompressor(source: file) : file)
}

/// Calls `body` with every record of a JSONL[.zst] file; `field` is the text field (its
/// fallbacks off), the decoder's default when nil.
func forEachRecord(_ path: String, field: String? = nil, _ body: (Record) -> Void) throws {
    var options = DecodeOptions()
    if let field {
        options.textField = field
        options.textFallbacks = []
    }
    let lines = try jsonlLines(path)
    let decoder = try RecordDecoder(options: options, file: path)
    while try lines.nextLine({ line in
        if case .record(let r) = decoder.decodeJSONLine(line, lineNumber: lines.lineNumber) { body(r) }
    }) {}
}
