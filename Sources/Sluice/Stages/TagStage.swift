/// The tag stage (first version): hashtags inside the text become tags, and word, sentence
/// and character counts go to `attributes.counts`.
public struct TagStage: Stage {
    public let hashtags: Bool
    public let counts: Bool

    public init(hashtags: Bool = true, counts: Bool = true) {
        self.hashtags = hashtags
        self.counts = counts
    }

    public var name: String { "tag" }
    public var fingerprint: String { "tag/1 hashtags=\(hashtags) counts=\(counts)" }

    public func process(_ batch: inout Batch, stats: inout StageStats) {
        for i in batch.records.indices {
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
        }
    }
}
