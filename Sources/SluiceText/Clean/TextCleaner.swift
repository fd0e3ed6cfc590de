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
        if pass.nonASCII && options.normalization != .none {
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
    }

    /// Filters `bytes`, lifts the metadata and builds the text once; `original` is the
    /// string `bytes` come from, returned as it is when nothing changes.
    private func firstPass(_ bytes: UnsafeBufferPointer<UInt8>, original: String?, counters: inout Counters) -> FirstPass {
        let filtered = CharacterFilter(options: options).run(bytes)
        filtered.report(into: &counters)
        func finish(_ p: UnsafeBufferPointer<UInt8>, unchanged: Bool) -> FirstPass {
            let lifted = liftMetadata(p, count: filtered.count, counters: &counters)
            let text: String
            if unchanged, lifted.range == 0..<p.count, let original {
                text = original
            } else {
                text = String(decoding: UnsafeBufferPointer(rebasing: p[lifted.range]), as: UTF8.self)
            }
            return FirstPass(text: text, lifted: lifted, nonASCII: filtered.nonASCII)
        }
        if let out = filtered.bytes {
            return out.withUnsafeBufferPointer { finish($0, unchanged: false) }
        }
        return finish(bytes, unchanged: filtered.count == bytes.count)
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
