/// Cleans article text: pure function over UTF-8, no I/O.
///
/// One byte-level pass (``CharacterFilter``) normalizes line breaks, removes invisible
/// characters, normalizes and collapses spaces and trims lines; metadata lines (trailing
/// hashtags, a leading or trailing timestamp) are then lifted out; the text is finally put
/// in NFC or NFKC, calling into Foundation only when the quick check fails.
/// A text that needs no change is returned as it is, without a copy.
public struct TextCleaner: Sendable {
    public let options: Options

    public init(options: Options = Options()) { self.options = options }

    /// Cleans `text` and lifts metadata lines out of it.
    public func clean(_ text: String) -> CleanedText {
        var counters = Counters()
        let pass = text.utf8.withContiguousStorageIfAvailable { bytes in
            firstPass(bytes, original: text, counters: &counters)
        } ?? Array(text.utf8).withUnsafeBufferPointer { bytes in
            firstPass(bytes, original: nil, counters: &counters)
        }
        var result = CleanedText(text: pass.text, tags: pass.lifted.tags, date: pass.lifted.date, counters: Counters())
        // Text whose every non-ASCII scalar is NFC in any context needs no NFC pass.
        if pass.nonASCII && options.normalization != .none && !(options.normalization == .nfc && pass.nfcQuickYes) {
            normalize(&result, counters: &counters)
        }
        result.counters = counters
        return result
    }

    /// The outcome of the byte-level pass and the lifting of metadata.
    private struct FirstPass {
        var text: String
        var lifted: Lifted
        var nonASCII: Bool
        /// Whether the text is known to be in NFC already (see ``CharacterFilter/Result``).
        var nfcQuickYes: Bool
    }

    /// Filters `bytes`, lifts the metadata and builds the text once; `original` is the
    /// string `bytes` come from, returned as it is (or sliced, without validating it
    /// again) when the filter changes nothing.
    private func firstPass(_ bytes: UnsafeBufferPointer<UInt8>, original: String?, counters: inout Counters) -> FirstPass {
        let filtered = CharacterFilter(options: options).run(bytes)
        defer { filtered.bytes?.deallocate() }
        filtered.report(into: &counters)
        let p = filtered.bytes.map { UnsafeBufferPointer(start: $0, count: filtered.count) } ?? bytes
        let lifted = liftMetadata(p, count: filtered.count, counters: &counters)
        let text: String
        if filtered.bytes == nil, let original {
            if lifted.range == 0..<bytes.count {
                text = original
            } else {
                // Line boundaries are scalar boundaries: the slice copies without validation.
                let u = original.utf8
                let lo = u.index(u.startIndex, offsetBy: lifted.range.lowerBound)
                let hi = u.index(lo, offsetBy: lifted.range.count)
                text = String(original[lo..<hi])
            }
        } else {
            text = String(decoding: UnsafeBufferPointer(rebasing: p[lifted.range]), as: UTF8.self)
        }
        return FirstPass(text: text, lifted: lifted, nonASCII: filtered.nonASCII, nfcQuickYes: filtered.nfcQuickYes)
    }

    /// Puts the text and the tags in the normalization form of the options.
    private func normalize(_ result: inout CleanedText, counters: inout Counters) {
        let form = options.normalization
        if let n = UnicodeNormalizer.normalize(result.text, form) {
            counters.add(form == .nfkc ? CleanCounter.nfkcNormalized : CleanCounter.nfcNormalized)
            result.text = n
            if form == .nfkc {
                // Compatibility mappings can yield spaces (U+00A8 → " ̈"): filter once more.
                var again = TextCleaner.Options(normalization: .none)
                again.removeControl = options.removeControl
                again.normalizeSpaces = options.normalizeSpaces
                again.collapseSpaces = options.collapseSpaces
                again.trimLines = options.trimLines
                again.maxBlankLines = options.maxBlankLines
                again.liftHashtags = false
                again.liftTimestamp = false
                let second = TextCleaner(options: again).clean(n)
                result.text = second.text
                counters.merge(second.counters)
            }
        }
        for k in result.tags.indices where result.tags[k].utf8.contains(where: { $0 >= 0x80 }) {
            if let n = UnicodeNormalizer.normalize(result.tags[k], form) { result.tags[k] = n }
        }
        if !result.tags.isEmpty {
            var seen = Set<String>()
            result.tags = result.tags.filter { seen.insert($0).inserted }
        }
    }
}

/// The result of ``TextCleaner/clean(_:)``.
public struct CleanedText: Sendable, Equatable {
    /// The cleaned text.
    public var text: String
    /// Hashtags lifted from a trailing hashtag line, in order, without duplicates, without `#`.
    public var tags: [String]
    /// A date lifted from a leading or trailing timestamp line, ISO 8601 (`2024-07-08T04:55:57`).
    public var date: String?
    /// What was changed, by kind (`control_removed`, `spaces_collapsed`, …); see ``CleanCounter``.
    public var counters: Counters

    public init(text: String, tags: [String], date: String?, counters: Counters) {
        self.text = text; self.tags = tags; self.date = date; self.counters = counters
    }
}
