#if canImport(Glibc)
import Glibc
#endif

/// One fuzz target: a name (for `SLUICE_FUZZ_HARNESS` and the corpus folder) and the code that
/// feeds it one input. Harnesses check invariants with ``Harness/require(_:_:)``, so a broken
/// invariant is a finding just like a crash or a hang.
struct Harness: Sendable {
    let name: String
    /// Work done once per process (loading the language model, say).
    var setUp: @Sendable () -> Void = {}
    let run: @Sendable (FuzzInput) -> Void

    /// Every harness, in the order `Scripts/fuzz.sh all` runs them.
    static let all: [Harness] = [
        json, jsonRoundTrip, record, recordText, zstd, iconv, encoding, clean, cleanSteps, nfcCheck, split, language,
        languageModel, patterns, pii, quality, terms, words, dedupKey, hashtags, timestamp, pipelineYAML,
        pipelineRecord, archive, gzip, bzip2xz, warc, htmlTokenizer, htmlSniffer, articleExtract, htmlTree,
        htmlMetadata, nearDup, report, jsonArray, recordJSONFile,
    ]

    /// Stops the process with a report when an invariant does not hold (libFuzzer saves the input).
    static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                        file: StaticString = #fileID, line: UInt = #line) {
        if !condition() {
            printError("invariant broken at \(file):\(line): \(message())")
            abort()
        }
    }
}

/// Writes a line to standard error (unbuffered, so it is there before libFuzzer's report).
func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
