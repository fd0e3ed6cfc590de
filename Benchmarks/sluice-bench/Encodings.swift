// Encoding detection on the evaluation set of Benchmarks/encodings/make_evalset.py (issue 13).
//
//     swift build -c release --product sluice-bench
//     .build/release/sluice-bench encodings /tmp/enc-eval [--details OUT.jsonl] [--repeat 3]
//
// Each file is detected (EncodingDetector on its first MB) and converted to UTF-8 (the BOM
// dropped; UTF-8 as is with invalid bytes as U+FFFD, anything else through TextConverter),
// then compared with the manifest's `text`. Right = the same UTF-8 bytes; "canonical" also
// counts text that is canonically equivalent (glibc's windows-1258 composes Vietnamese tone
// marks that Python's codec leaves combining). MB/s = input bytes / CPU seconds of this
// process for detection plus conversion over all files held in memory, fastest of --repeat.
// --details writes one JSON line per file (file, label, source, right, text) for
// Benchmarks/encodings/score_peers.py --sluice.
import Foundation
import Sluice

private struct EvalItem {
    let file: String, language: String, label: String, form: String, decl: String?
    let native: Bool
    let text: String
    let bytes: [UInt8]
}

/// iconv names of the labels the mislabel check writes.
private enum EncodingGuessLabel {
    static func iconv(_ label: String) -> String {
        ["iso-8859-1": "WINDOWS-1252", "windows-1251": "WINDOWS-1251", "shift_jis": "CP932", "euc-kr": "CP949",
         "windows-1250": "WINDOWS-1250"][label] ?? label
    }
}

private func processCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

private let legacyFamilies: [(String, String)] = [
    ("CJK multibyte", "shift_jis cp932 euc_jp gb2312 gbk gb18030 big5 cp950 euc_kr cp949"),
    ("ISO-2022", "iso2022_jp iso2022_kr"), ("Cyrillic", "cp1251 koi8_r koi8_u iso8859_5 cp866 mac_cyrillic"),
    ("Greek", "cp1253 iso8859_7"), ("Hebrew", "cp1255 iso8859_8"), ("Arabic", "cp1256 iso8859_6"),
    ("Thai", "tis_620 cp874"), ("Turkish", "cp1254 iso8859_9"), ("Central European", "cp1250 iso8859_2 iso8859_16"),
    ("Western European", "cp1252 iso8859_15"), ("Baltic", "cp1257 iso8859_13"), ("Vietnamese", "cp1258"),
    ("UTF-8", "utf-8 utf-8-sig"), ("UTF-16/32", "utf-16le-bom utf-16be-bom utf-32le-bom"),
]

func runEncodings(set: String, named: [String: String]) throws {
    if let file = named["explain"] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        bytes.withUnsafeBytes { print(EncodingDetector().detect($0)); print(EncodingDetector().explain($0)) }
        return
    }
    let manifest = try String(contentsOfFile: set + "/manifest.jsonl", encoding: .utf8)
    var items: [EvalItem] = []
    for line in manifest.split(separator: "\n") {
        guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let file = o["file"] as? String, let text = o["text"] as? String else { continue }
        let data = try Data(contentsOf: URL(fileURLWithPath: set + "/" + file))
        items.append(EvalItem(file: file, language: o["language"] as? String ?? "?", label: o["label"] as? String ?? "?",
                              form: o["form"] as? String ?? "?", decl: o["decl"] as? String,
                              native: o["native"] as? Bool ?? false, text: text, bytes: [UInt8](data)))
    }
    let totalBytes = items.reduce(0) { $0 + $1.bytes.count }
    let repeats = Int(named["repeat"] ?? "3") ?? 3
    let detector = EncodingDetector()
    var converters: [String: TextConverter] = [:]
    let sniff = 1 << 20

    func decode(_ bytes: [UInt8]) throws -> (EncodingGuess, [UInt8]) {
        try bytes.withUnsafeBytes { raw throws -> (EncodingGuess, [UInt8]) in
            let prefix = UnsafeRawBufferPointer(rebasing: raw[0..<min(raw.count, sniff)])
            let guess = detector.detect(prefix, isComplete: raw.count <= sniff)
            let body = UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[guess.bomLength...])
            if guess.isUTF8 { return (guess, Array(String(decoding: body, as: UTF8.self).utf8)) }
            let converter: TextConverter
            if let c = converters[guess.iconvName] { converter = c } else {
                converter = try TextConverter(from: guess.iconvName)
                converters[guess.iconvName] = converter
            }
            return (guess, converter.convert(body).bytes)
        }
    }

    var outputs: [(EncodingGuess, [UInt8])] = []
    var best = Double.infinity, bestDetect = Double.infinity
    var byRule: [String: (bytes: Int, seconds: Double)] = [:]
    for _ in 0..<max(1, repeats) {
        let t0 = processCPUSeconds()
        var out: [(EncodingGuess, [UInt8])] = []
        out.reserveCapacity(items.count)
        for item in items { out.append(try decode(item.bytes)) }
        best = min(best, processCPUSeconds() - t0)
        outputs = out
        let t1 = processCPUSeconds()
        for item in items {
            item.bytes.withUnsafeBytes { raw in
                _ = detector.detect(UnsafeRawBufferPointer(rebasing: raw[0..<min(raw.count, sniff)]), isComplete: raw.count <= sniff)
            }
        }
        bestDetect = min(bestDetect, processCPUSeconds() - t1)
    }
    // Where detection spends its time, by the rule that answered (one more pass, per file).
    for (item, (guess, _)) in zip(items, outputs) {
        let t = processCPUSeconds()
        item.bytes.withUnsafeBytes { raw in
            _ = detector.detect(UnsafeRawBufferPointer(rebasing: raw[0..<min(raw.count, sniff)]), isComplete: raw.count <= sniff)
        }
        let dt = processCPUSeconds() - t
        byRule[guess.source.rawValue, default: (0, 0)].bytes += item.bytes.count
        byRule[guess.source.rawValue, default: (0, 0)].seconds += dt
    }

    var strict: [Bool] = [], canonical: [Bool] = []
    for (item, (_, out)) in zip(items, outputs) {
        strict.append(out.elementsEqual(item.text.utf8))
        canonical.append(String(decoding: out, as: UTF8.self) == item.text)
    }

    func pct(_ idx: [Int], _ right: [Bool]) -> String {
        let ok = idx.filter { right[$0] }.count
        return idx.isEmpty ? "-" : String(format: "%5.1f%% (%d/%d)", 100.0 * Double(ok) / Double(idx.count), ok, idx.count)
    }
    let all = Array(items.indices)
    let legacy = all.filter { !items[$0].label.hasPrefix("utf") }
    let native = legacy.filter { items[$0].native }
    print("\(items.count) files, \(fmt(Double(totalBytes) / 1e6)) MB")
    print("\n| scoring | all files | legacy encodings only | legacy, native pairs only |")
    print("|---|---:|---:|---:|")
    print("| sluice (same bytes) | \(pct(all, strict)) | \(pct(legacy, strict)) | \(pct(native, strict)) |")
    print("| sluice (canonically equivalent) | \(pct(all, canonical)) | \(pct(legacy, canonical)) | \(pct(native, canonical)) |")
    print("\nMB/s (CPU, best of \(repeats)): detection + conversion \(fmt(Double(totalBytes) / 1e6 / best)), detection alone \(fmt(Double(totalBytes) / 1e6 / bestDetect))")

    func table(_ title: String, _ key: (EvalItem) -> String, order: [String]? = nil) {
        var groups: [String: [Int]] = [:]
        for i in all { groups[key(items[i]), default: []].append(i) }
        print("\n| \(title) | files | same bytes | canonical |")
        print("|---|---:|---:|---:|")
        for k in (order ?? groups.keys.sorted()) {
            guard let idx = groups[k] else { continue }
            let s = idx.filter { strict[$0] }.count, c = idx.filter { canonical[$0] }.count
            print("| \(k) | \(idx.count) | \(fmt(100.0 * Double(s) / Double(idx.count)))% | \(fmt(100.0 * Double(c) / Double(idx.count)))% |")
        }
    }
    var familyOf: [String: String] = [:]
    for (f, encs) in legacyFamilies { for e in encs.split(separator: " ") { familyOf[String(e)] = f } }
    table("family", { familyOf[$0.label] ?? "?" }, order: legacyFamilies.map(\.0))
    table("form and declaration", { $0.form == "html-decl" ? "html-decl (\($0.decl ?? "?"))" : $0.form })
    table("encoding", { $0.label })
    table("language", { $0.language })

    var misses: [String: Int] = [:]
    for i in all where !strict[i] { misses["\(items[i].label)->\(outputs[i].0.label)", default: 0] += 1 }
    let top = misses.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(16)
    print("\nmost frequent misses (true -> answer: files): " + top.map { "\($0.key): \($0.value)" }.joined(separator: ", "))
    print("detection by rule: " + byRule.sorted { $0.key < $1.key }.map {
        "\($0.key) \(fmt(Double($0.value.bytes) / 1e6)) MB in \(fmt($0.value.seconds * 1000)) ms"
    }.joined(separator: ", "))
    var sources: [String: Int] = [:]
    for (g, _) in outputs { sources[g.source.rawValue, default: 0] += 1 }
    print("answers by rule: " + sources.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))

    // The mislabel rule: a page declaring a legacy encoding whose bytes are valid UTF-8 with
    // multibyte sequences is read as UTF-8. Measured on the UTF-8 pages with a declaration,
    // relabelled as a legacy encoding (the expected text relabelled alike), and on the legacy
    // pages with a declaration (where the rule must never fire).
    var mislabelled = 0, rescued = 0, declaredRight = 0
    let wrongLabels = ["iso-8859-1", "windows-1251", "shift_jis", "euc-kr", "windows-1250"]
    for item in items where item.label == "utf-8" && item.form == "html-decl" {
        let wrong = wrongLabels[mislabelled % wrongLabels.count]
        let text = String(decoding: item.bytes, as: UTF8.self)
        guard let r = text.range(of: "utf-8") else { continue }
        let relabelled = text.replacingCharacters(in: r, with: wrong)
        let expected = item.text.replacingCharacters(in: item.text.range(of: "utf-8")!, with: wrong)
        mislabelled += 1
        let (guess, out) = try decode(Array(relabelled.utf8))
        if out.elementsEqual(expected.utf8) { rescued += 1 }
        _ = guess
        // What the declaration alone would give.
        if let declared = try? TextConverter(from: EncodingGuessLabel.iconv(wrong)),
           Array(relabelled.utf8).withUnsafeBufferPointer({ declared.convert($0).bytes }).elementsEqual(expected.utf8) {
            declaredRight += 1
        }
    }
    let legacyDecl = all.filter { !items[$0].label.hasPrefix("utf") && items[$0].form == "html-decl" }
    let overridden = legacyDecl.filter { outputs[$0].0.source == .utf8 }.count
    print("mislabel rule: \(rescued)/\(mislabelled) UTF-8 pages declared as a legacy encoding read right "
          + "(the declaration alone: \(declaredRight)); legacy pages with a declaration read as UTF-8 instead: "
          + "\(overridden)/\(legacyDecl.count)")

    if let path = named["details"] {
        var out = ""
        for (i, item) in items.enumerated() {
            let o: [String: Any] = ["file": item.file, "label": outputs[i].0.label, "source": outputs[i].0.source.rawValue,
                                    "right": strict[i], "text": String(decoding: outputs[i].1, as: UTF8.self),
                                    "mbps": Double(totalBytes) / 1e6 / best]
            let d = try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys])
            out += String(decoding: d, as: UTF8.self) + "\n"
        }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
