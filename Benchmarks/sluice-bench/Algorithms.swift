// Throughput of the text algorithms on the texts of one JSONL or JSONL.zst file, held in memory.
//
//     swift run -c release sluice-bench algorithms FILE.jsonl[.zst]
//     SLUICE_BENCH_ONLY=split|adversarial|clean|hashtags|words|dedupkey|language|quality|patterns|terms|tag|taggers
//     to run one part
//
// Prints `stage  MB/s  records/s  MB/CPU-s` (MB of input text), best of 3 runs per stage
// (wall time, and the thread's CPU time for the last column).
import Foundation
import Sluice
import SluiceText

func runAlgorithms(path: String) throws {

    /// English records of a make_corpus.py file: their url holds "/en/".
    var englishTexts: [String] = []

    func loadTexts(_ path: String) throws -> [String] {
        var texts: [String] = []
        try forEachRecord(path) { r in
            texts.append(r.text)
            if r.passthrough.count >= 4, String(decoding: r.passthrough, as: UTF8.self).contains("/en/") {
                englishTexts.append(r.text)
            }
        }
        return texts
    }

    let texts = try loadTexts(path)
    let totalBytes = texts.reduce(0) { $0 + $1.utf8.count }
    print("\(texts.count) records, \(String(format: "%.1f", Double(totalBytes) / 1e6)) MB of text")


    /// Best-of-3 wall time (and thread CPU time) of `body` over all texts; the sink keeps
    /// results alive.
    /// With `firstPass`, also the first run's CPU rate: a cache filled as the text is read (the
    /// language stage's word cache) starts cold there, as in a single `sluice run`.
    func bench(_ name: String, on texts: [String] = texts, firstPass: Bool = false, _ body: (String) -> Int) {
        let totalBytes = texts.reduce(0) { $0 + $1.utf8.count }
        var best = Double.infinity
        var bestCPU = Double.infinity
        var firstCPU = 0.0
        var sink = 0
        for run in 0..<3 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let c0 = threadCPUSeconds()
            for t in texts { sink &+= body(t) }
            let cpu = threadCPUSeconds() - c0
            if run == 0 { firstCPU = cpu }
            bestCPU = min(bestCPU, cpu)
            let dt = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            best = min(best, dt)
        }
        let mbs = Double(totalBytes) / 1e6 / best
        let rps = Double(texts.count) / best
        print(name.padding(toLength: 10, withPad: " ", startingAt: 0)
              + String(format: "%9.1f MB/s %12.0f records/s %9.1f MB/CPU-s", mbs, rps, Double(totalBytes) / 1e6 / bestCPU)
              + (firstPass ? String(format: " (first pass %.1f MB/CPU-s)", Double(totalBytes) / 1e6 / firstCPU) : "")
              + (sink == 42 ? " " : ""))
    }

    let cleaner = TextCleaner()
    let splitter = SentenceSplitter(language: "en")
    let only = ProcessInfo.processInfo.environment["SLUICE_BENCH_ONLY"]
    if only == nil || only == "clean" { bench("clean") { cleaner.clean($0).text.utf8.count } }
    // The first version's steps only (no HTML, mojibake, boilerplate, punctuation): the cost of the rest.
    var v1 = TextCleaner.Options()
    v1.htmlEntities = false; v1.htmlTags = false; v1.repairMojibake = false
    v1.removeBoilerplate = false; v1.fixPunctuation = false
    let cleanerV1 = TextCleaner(options: v1)
    if only == nil || only == "clean" || only == "clean-v1" { bench("clean-v1") { cleanerV1.clean($0).text.utf8.count } }
    if only == nil || only == "split" { bench("split") { splitter.split($0).count } }
    if (only == nil || only == "split") && !englishTexts.isEmpty {
        let mb = Double(englishTexts.reduce(0) { $0 + $1.utf8.count }) / 1e6
        print("English records: \(englishTexts.count), \(String(format: "%.1f", mb)) MB")
        bench("split-en", on: englishTexts) { splitter.split($0).count }
        bench("spans-en", on: englishTexts) { splitter.spans($0).count }
    }
    if only == nil || only == "hashtags" { bench("hashtags") { HashtagScanner.hashtags(in: $0).count } }
    if only == nil || only == "words" { bench("words") { WordCounter.count($0) } }
    if only == nil || only == "dedupkey" { bench("dedupkey") { Int(truncatingIfNeeded: DedupKey.hash($0)) } }

    /// Adversarial paragraphs of 10 MB for the splitter: must run in linear time.
    func benchAdversarial() {
        let size = 10_000_000
        let units = ["a. ", "\"", "“(« „", "?!", "“Go. ", "A. "]
        for unit in units {
            let text = String(repeating: unit, count: size / unit.utf8.count)
            let t0 = DispatchTime.now().uptimeNanoseconds
            let n = splitter.spans(text).count
            let dt = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            let label = "10 MB of " + unit.debugDescription
            print(label.padding(toLength: 22, withPad: " ", startingAt: 0)
                  + String(format: "%9.1f MB/s %12d sentences", Double(text.utf8.count) / 1e6 / dt, n))
        }
    }
    if only == nil || only == "adversarial" { benchAdversarial() }
    if only == nil || only == "language" {
        var identifier = LanguageModelLoader.bundledIdentifier
        // SLUICE_BENCH_LANG=letters,margin[,settle,agree]: the early stops' parameters, to see
        // what they save.
        if let p = ProcessInfo.processInfo.environment["SLUICE_BENCH_LANG"]?.split(separator: ","), p.count >= 2,
           let letters = Int(p[0]), let margin = Int32(p[1]) {
            identifier.earlyStopLetters = letters
            identifier.decisiveMargin = margin
            if p.count == 4, let settle = Int32(p[2]), let agree = Int32(p[3]) {
                identifier.settleMargin = settle
                identifier.agreeMargin = agree
            }
        }
        bench("language", firstPass: true) { identifier.analyze($0).spans.count &+ identifier.model.languages.count }
        // What the early stops change: document languages and spans against scoring every letter.
        if ProcessInfo.processInfo.environment["SLUICE_BENCH_LANG_DIFF"] != nil {
            var exact = identifier
            exact.earlyStopLetters = 0
            var docs = 0, spansExact = 0, spansNow = 0, spansSame = 0
            for t in texts {
                let a = identifier.analyze(t), b = exact.analyze(t)
                if a.language != b.language { docs += 1 }
                spansExact += b.spans.count
                spansNow += a.spans.count
                for s in a.spans where b.spans.contains(where: { $0.start == s.start && $0.end == s.end && $0.language == s.language }) {
                    spansSame += 1
                }
            }
            print("document languages changed: \(docs) of \(texts.count); spans: \(spansNow) (exact \(spansExact), \(spansSame) the same)")
        }
    }
    if only == nil || only == "quality" { bench("quality") { QualitySignals.compute($0).gopherQuality.words } }

    // Taggers of issue 6: patterns (one pass), PII masking, term lists (Pipelines/topics.yaml),
    // and the whole tag stage as the default pipeline runs it (hashtags, counts, patterns, PII counts).
    if only == nil || only == "patterns" {
        bench("patterns") { PatternScanner.scan($0).count }
        bench("pii-mask") { PIIMasker.mask($0).text.utf8.count }
    }
    if only == nil || only == "terms" {
        let topics = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Pipelines/bench-topics.yaml").path
        let yaml = "stages:\n  - terms: {file: topics.yaml, case_insensitive: true, diacritic_insensitive: true}\n"
        if let p = try? PipelineFile.parse(yaml, path: topics), let stage = p.stages.first as? TermsStage {
            print("terms: \(stage.matcher.terms.count) terms in \(stage.matcher.tags.count) tags")
            bench("terms") { stage.matcher.matches(in: $0).count }
            let plain = TermMatcher(lists: [("t", stage.matcher.terms)], options: .init(caseInsensitive: true, diacriticInsensitive: false))
            bench("terms-ci") { plain.matches(in: $0).count }
        }
    }
    if only == nil || only == "tag" {
        let tag = TagStage()
        bench("tag") { text in
            var batch = Batch(sequence: 0, records: [Record(idJSON: [], text: text, origin: Origin(file: "", line: 1))])
            var stats = StageStats()
            tag.process(&batch, stats: &stats)
            return batch.records[0].attributes.count
        }
    }
    // Issue 6 point 8: every tagger of the default pipeline on each text, one core — the dedup
    // key, the language stage (document language and other-language spans) and the tag stage.
    if only == nil || only == "taggers" {
        let language = LanguageStage()
        let tag = TagStage()
        bench("taggers") { text in
            var batch = Batch(sequence: 0, records: [Record(idJSON: [], text: text, origin: Origin(file: "", line: 1))])
            var stats = StageStats()
            let key = DedupKey.hash(text)
            language.process(&batch, stats: &stats)
            tag.process(&batch, stats: &stats)
            return batch.records[0].attributes.count &+ Int(truncatingIfNeeded: key & 1)
        }
    }
}
