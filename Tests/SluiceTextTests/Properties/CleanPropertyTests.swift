import Testing
import SluiceFuzzSupport
@testable import SluiceText

/// Properties of ``TextCleaner`` over fixture texts, random texts and mutated fixture texts
/// (issue 12, point 3).
@Suite struct CleanPropertyTests {
    /// Every step on, NFKC: the most the cleaner can do to a text.
    static let everything: TextCleaner.Options = {
        var o = TextCleaner.Options(normalization: .nfkc)
        o.htmlEntities = true; o.htmlTags = true; o.repairMojibake = true
        o.removeBoilerplate = true; o.fixPunctuation = true; o.frenchSpacing = true
        return o
    }()

    struct Config: Sendable, CustomTestStringConvertible {
        var name: String
        var options: TextCleaner.Options
        var language: String?
        var seed: UInt64
        var testDescription: String { name }
    }

    static let configs = [
        Config(name: "all steps, NFKC", options: everything, language: nil, seed: 1),
        Config(name: "all steps, NFKC, en", options: everything, language: "en", seed: 2),
        Config(name: "defaults (NFC), fr", options: TextCleaner.Options(), language: "fr", seed: 3),
    ]

    /// Cleaning a cleaned text changes nothing: the text, and nothing more is lifted.
    @Test(arguments: configs)
    func idempotent(_ c: Config) {
        let cleaner = TextCleaner(options: c.options)
        func fails(_ x: String) -> Bool {
            let once = cleaner.clean(x, language: c.language).text
            let twice = cleaner.clean(once, language: c.language)
            return twice.text != once || !twice.tags.isEmpty || twice.date != nil
        }
        let failing = FuzzText.inputs(seed: c.seed, random: 700, mutated: 700).filter(fails)
        // A few minimized examples keep the report short and readable.
        for m in Set(failing.prefix(10).map { Shrink.minimize($0, fails) }).sorted() {
            let once = cleaner.clean(m, language: c.language)
            let twice = cleaner.clean(once.text, language: c.language)
            Issue.record("not idempotent: \(m.debugDescription) → \(once.text.debugDescription) → \(twice.text.debugDescription) tags \(twice.tags) date \(twice.date ?? "nil")")
        }
        #expect(failing.isEmpty, "\(failing.count) inputs are not cleaned to a fixed point")
    }

    /// Found by `idempotent`: ``PunctuationFix`` repaired one ` ,` of a run per pass, so with
    /// `clean` stopping after `TextCleaner.maxPasses` (8) passes, nine or more were left
    /// half-repaired. A repair now sees the one before it: the run is repaired in one pass.
    @Test func punctuationRunConverges() {
        let cleaner = TextCleaner()
        for x in ["d" + String(repeating: " ,", count: 9), "0" + String(repeating: " .", count: 9)] {
            let once = cleaner.clean(x).text
            #expect(cleaner.clean(once).text == once, "\(x.debugDescription) → \(once.debugDescription)")
        }
    }

    /// The output is valid UTF-8 and has the shape the options promise: LF line breaks only,
    /// no controls or invisible characters (ZWJ/ZWNJ kept), no tabs, no runs of spaces, no
    /// spaces at line ends, at most one blank line, no blank line at either end.
    @Test(arguments: configs)
    func outputShape(_ c: Config) {
        let cleaner = TextCleaner(options: c.options)
        func problem(_ x: String) -> String? {
            let out = cleaner.clean(x, language: c.language)
            if String(validating: Array(out.text.utf8), as: UTF8.self) == nil { return "invalid UTF-8" }
            return Self.shapeProblem(out.text, french: c.language == "fr")
        }
        var failures: [String: String] = [:]
        for x in FuzzText.inputs(seed: c.seed &+ 100, random: 700, mutated: 700) {
            if let p = problem(x), failures[p] == nil { failures[p] = x }
        }
        for (p, x) in failures.sorted(by: { $0.key < $1.key }) {
            let m = Shrink.minimize(x) { problem($0) == p }
            Issue.record("\(p): \(m.debugDescription) → \(cleaner.clean(m, language: c.language).text.debugDescription)")
        }
    }

    /// What is wrong with the shape of cleaned `text`, if anything.
    static func shapeProblem(_ text: String, french: Bool) -> String? {
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            let v = s.value
            switch v {
            case 0x0A: continue
            case 0x00...0x1F, 0x7F...0x9F: return "control U+\(hex(v)) left"
            case 0x200B, 0x2060, 0xFEFF, 0xAD, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                return "invisible U+\(hex(v)) left"
            case 0xA0, 0x202F:
                // French spacing keeps a no-break space before ; : ! ? » and after «.
                let next = i + 1 < scalars.count ? scalars[i + 1] : " ", prev = i > 0 ? scalars[i - 1] : " "
                if !(french && (";:!?»".unicodeScalars.contains(next) || prev == "«")) { return "no-break space U+\(hex(v)) left" }
            case 0x1680, 0x2000...0x200A, 0x205F, 0x3000: return "space U+\(hex(v)) left"
            default: break
            }
        }
        if text.utf8.contains(0x09) { return "tab left" }
        if text.contains("  ") { return "run of spaces" }
        if text.contains(" \n") || text.contains("\n ") || text.hasPrefix(" ") || text.hasSuffix(" ") { return "untrimmed line" }
        if text.contains("\n\n\n") { return "more than one blank line" }
        if text.hasPrefix("\n") || text.hasSuffix("\n") { return "blank line at an end" }
        return nil
    }

    static func hex(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}
