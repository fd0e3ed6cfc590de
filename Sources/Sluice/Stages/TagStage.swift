import SluiceText

/// The tag stage: hashtags inside the text become tags; word, sentence and character counts
/// go to `attributes.counts`; patterns (`PatternScanner`: @mentions, URLs, e-mails, phone
/// numbers, IP addresses, dates, money, percentages, hashtags) are counted under
/// `attributes.patterns` (only non-zero counts; with `spans`, also
/// `"spans": [{"type", "start", "end"}]` in Unicode scalars); and with `pii`, e-mails, phone
/// numbers and IP addresses are counted under `attributes.pii` (the `pii` stage masks them).
public struct TagStage: Stage {
    /// Hashtags inside the text go to tags.
    public let hashtags: Bool
    /// `attributes.counts`: words, sentences, chars.
    public let counts: Bool
    /// `attributes.patterns`: counts of urls, emails, phones, dates, money, ….
    public let patterns: Bool
    /// `attributes.patterns.spans`: each match with its offsets in Unicode scalars.
    public let spans: Bool
    /// `attributes.pii`: counts of emails, phones and IP addresses.
    public let pii: Bool

    /// A tag stage; every option but `spans` is on by default.
    public init(hashtags: Bool = true, counts: Bool = true, patterns: Bool = true, spans: Bool = false, pii: Bool = true) {
        self.hashtags = hashtags
        self.counts = counts
        self.patterns = patterns
        self.spans = spans
        self.pii = pii
    }

    /// The stage's name in pipeline files and stats.
    public var name: String { "tag" }
    /// The stage's version and options, part of the run fingerprint.
    public var fingerprint: String {
        "tag/2 hashtags=\(hashtags) counts=\(counts) patterns=\(patterns) spans=\(spans) pii=\(pii)"
    }

    /// Runs the stage over `batch`, counting into `stats`.
    public func process(_ batch: inout Batch, stats: inout StageStats) {
        let progress = StageProgress.current
        for i in batch.records.indices {
            progress?.at(record: i)
            stats.records += 1
            if hashtags {
                let found = HashtagScanner.hashtags(in: batch.records[i].text)
                if !found.isEmpty {
                    stats.changed += 1
                    stats.counters.add("hashtags", found.count)
                    batch.records[i].addTags(found)
                }
            }
            if counts {
                let text = batch.records[i].text
                let words = WordCounter.count(text)
                stats.counters.add("words", words)
                batch.records[i].setAttributes("counts", .object([
                    (key: "words", value: .int(words)),
                    (key: "sentences", value: .int(batch.records[i].sentences.count)),
                    (key: "chars", value: .int(WordCounter.scalarCount(text))),
                ]))
            }
            if patterns || pii {
                let text = batch.records[i].text
                let matches = PatternScanner.scan(text)
                let c = PatternScanner.counts(matches)
                if patterns {
                    var members: [JSONValue.Member] = []
                    for k in PatternKind.allCases where c[Int(k.rawValue)] > 0 {
                        members.append((key: k.countName, value: .int(c[Int(k.rawValue)])))
                        stats.counters.add("patterns:" + k.countName, c[Int(k.rawValue)])
                    }
                    if spans && !matches.isEmpty {
                        let offsets = PatternScanner.scalarOffsets(matches, in: text)
                        members.append((key: "spans", value: .array(offsets.map {
                            .object([(key: "type", value: .string($0.kind.name)),
                                     (key: "start", value: .int($0.start)), (key: "end", value: .int($0.end))])
                        })))
                    }
                    if !members.isEmpty { batch.records[i].setAttributes("patterns", .object(members)) }
                }
                if pii {
                    var members: [JSONValue.Member] = []
                    for (name, n) in PIIMasker.counts(c) {
                        members.append((key: name, value: .int(n)))
                        stats.counters.add("pii:" + name, n)
                    }
                    if !members.isEmpty { batch.records[i].setAttributes("pii", .object(members)) }
                }
            }
        }
    }
}
