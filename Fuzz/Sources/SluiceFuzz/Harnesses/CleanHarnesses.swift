@testable import SluiceText

extension Harness {
    /// Every cleaning step on, NFKC and the French spacing rule included.
    static let allSteps: TextCleaner.Options = {
        var o = TextCleaner.Options(normalization: .nfkc)
        o.boilerplatePatterns = ["read more", "share this"]
        return o
    }()

    /// Languages that change what the cleaner does (French spacing) or nothing.
    static let cleanLanguages: [String?] = [nil, "en", "fr", "de", "ru", "zh", "ar"]

    /// ``TextCleaner`` with every step on: returns, and its text is a fixed point
    /// (`clean(clean(x)) == clean(x)`), so a pipeline re-run never changes a cleaned corpus.
    static let clean = Harness(name: "clean") { input in
        let (choice, rest) = input.split()
        let text = String(decoding: rest, as: UTF8.self)
        let lang = cleanLanguages[Int(choice) % cleanLanguages.count]
        let cleaner = TextCleaner(options: allSteps)
        let (once, passes) = cleaner.cleanCountingPasses(text, language: lang)
        // Known limit: a run of nested mojibake among controls (`ÂÂƒÂƒÂƒ…`) loses one layer a
        // pass and can outlast the pass limit (README, Limitations); below it, a fixed point.
        guard passes < TextCleaner.maxPasses else { return }
        let twice = cleaner.clean(once.text, language: lang)
        Harness.require(twice.text == once.text, "clean is not idempotent: \(String(reflecting: text)) → \(String(reflecting: once.text)) → \(String(reflecting: twice.text))")
    }

    /// The cleaner under every combination of its switches (picked by two option bytes):
    /// each combination returns on any text.
    static let cleanSteps = Harness(name: "clean-steps") { input in
        let b = Array(input.bytes.prefix(2)) + [0, 0]
        var o = TextCleaner.Options()
        o.normalization = TextCleaner.Normalization.allCases[Int(b[0]) % 3]
        o.removeControl = b[0] & 0x04 != 0
        o.normalizeSpaces = b[0] & 0x08 != 0
        o.collapseSpaces = b[0] & 0x10 != 0
        o.trimLines = b[0] & 0x20 != 0
        o.liftHashtags = b[0] & 0x40 != 0
        o.liftTimestamp = b[0] & 0x80 != 0
        o.repairMojibake = b[1] & 0x01 != 0
        o.htmlEntities = b[1] & 0x02 != 0
        o.htmlTags = b[1] & 0x04 != 0
        o.removeBoilerplate = b[1] & 0x08 != 0
        o.fixPunctuation = b[1] & 0x10 != 0
        o.frenchSpacing = b[1] & 0x20 != 0
        o.maxBlankLines = Int(b[1] >> 6) - 1
        let text = String(decoding: input.bytes.dropFirst(2), as: UTF8.self)
        let r = TextCleaner(options: o).clean(text, language: b[1] & 0x20 != 0 ? "fr" : nil)
        Harness.require(r.text.utf8.count <= text.utf8.count * 3 + 16, "cleaned text grew from \(text.utf8.count) to \(r.text.utf8.count) bytes")
    }

    /// The table check that lets `clean` skip the standard library's NFC check: whatever it
    /// calls certainly NFC, the standard library's normalizer leaves unchanged; and NFC by
    /// the stretches it cannot vouch for is the normalizer's NFC of the whole text.
    static let nfcCheck = Harness(name: "nfc-check") { input in
        var copy = input.text
        let whole = UnicodeNormalizer.nfc(copy)
        let segmented = UnicodeNormalizer.normalize(copy, .nfc)
        Harness.require((segmented ?? copy).utf8.elementsEqual(whole.utf8),
                        "segmented NFC differs from the whole text's: \(copy.unicodeScalars.map { String($0.value, radix: 16) })")
        Harness.require((segmented == nil) == whole.utf8.elementsEqual(copy.utf8), "said unchanged when changed, or the reverse")
        guard copy.withUTF8(NFCQuickCheck.isCertainlyNFC) else { return }
        Harness.require(whole.utf8.elementsEqual(copy.utf8),
                        "called NFC but is not: \(copy.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    /// A line of hashtags and a timestamp line, the two lines the cleaner lifts into metadata:
    /// both parsers return on any line; lifted tags are non-empty, lifted dates are ISO 8601.
    static let hashtags = Harness(name: "hashtags") { input in
        var copy = input.text
        copy.withUTF8 { p in
            if let tags = HashtagLine.parse(p, 0..<p.count) {
                Harness.require(tags.allSatisfy { !$0.isEmpty }, "an empty lifted hashtag")
                Harness.require(Set(tags).count == tags.count, "duplicate lifted hashtags")
            }
        }
        for tag in HashtagScanner.hashtags(in: input.text) {
            Harness.require(!tag.isEmpty && !tag.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }, "hashtag \(tag) is empty or all digits")
        }
    }

    static let timestamp = Harness(name: "timestamp") { input in
        var copy = input.text
        copy.withUTF8 { p in
            guard let iso = TimestampLine.parse(p, 0..<p.count) else { return }
            let u = Array(iso.utf8)
            let digit = { (i: Int) in i < u.count && u[i] >= 0x30 && u[i] <= 0x39 }
            Harness.require(u.count >= 10 && (0..<4).allSatisfy(digit) && u[4] == 0x2D && digit(5) && digit(6) && u[7] == 0x2D && digit(8) && digit(9),
                            "lifted date \(iso) is not ISO 8601")
        }
    }
}
