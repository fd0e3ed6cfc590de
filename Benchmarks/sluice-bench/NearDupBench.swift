// sluice-bench neardup: the near_dedup stage's own work on the texts of one JSONL file, in
// memory — signatures, sketches and band keys of every document, then the run-order decision
// — in MB of text per CPU-second, with the peak RSS of the process.
import Foundation
import Sluice
import SluiceText

func runNearDup(path: String, named: [String: String]) throws {
    var docs: [(id: [UInt8], text: String)] = []
    var bytes = 0
    try forEachRecord(path) { r in
        docs.append((r.idJSON, r.text))
        bytes += r.text.utf8.count
    }
    var options = NearDedupOptions()
    if let t = named["threshold"].flatMap(Double.init) { options.threshold = t }
    if let b = named["check-bins"].flatMap(Int.init) { options.checkBins = b }
    // --normalize digits,case,diacritics
    for name in (named["normalize"] ?? "").split(separator: ",") {
        if let rule = ShingleNormalization.named.first(where: { $0.name == name })?.rule { options.normalize.insert(rule) }
    }
    let repeats = Int(named["repeat"] ?? "3") ?? 3
    let rssBefore = peakRSSKB()
    var best = (total: Double.infinity, signatures: 0.0, decide: 0.0)
    var duplicates = 0
    for _ in 0..<repeats {
        let t0 = threadCPUSeconds()
        let signed = NearDedupIndex.Signed(documents: docs, options: options)
        let t1 = threadCPUSeconds()
        let index = NearDedupIndex(signed, threshold: options.threshold)
        let t2 = threadCPUSeconds()
        duplicates = index.duplicates
        if t2 - t0 < best.total { best = (t2 - t0, t1 - t0, t2 - t1) }
    }
    let mb = Double(bytes) / 1e6
    print("near_dedup on \(docs.count) documents, \(fmt(mb)) MB of text (\(options.bands)×\(options.rows) bands, \(options.checkBins) check bins, threshold \(options.threshold)\(options.normalize.isEmpty ? "" : ", normalize " + options.normalize.names.joined(separator: ",")))): \(duplicates) near-duplicates")
    print("signatures \(fmt(mb / best.signatures)) MB/CPU-s, decision \(fmt(best.decide, 3)) CPU s, total \(fmt(mb / best.total)) MB/CPU-s")
    print("peak RSS \(fmt(Double(peakRSSKB()) / 1024)) MB (after loading the texts: \(fmt(Double(rssBefore) / 1024)) MB); "
          + "kept per document: \(NearDedupIndex.Signed.bytesPerDocument(options)) bytes + id")
}

/// Peak resident set of this process in KiB.
func peakRSSKB() -> Int {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return u.ru_maxrss
}
