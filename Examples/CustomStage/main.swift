// A custom stage and a custom source run through Sluice's streaming API.
//
//     swift run custom-stage-example
//
// The source generates records; the pipeline drops exact duplicates, cleans, splits into
// sentences, then runs the custom stage, which tags documents that mention a number.
import Sluice

/// Tags a document `has-number` when its text holds a digit, and counts them.
struct NumberTagStage: Stage {
    var name: String { "number_tag" }
    // Change the version whenever the same input would come out different.
    var fingerprint: String { "number_tag/1" }

    func process(_ batch: inout Batch, stats: inout StageStats) {
        stats.records += batch.records.count
        for i in batch.records.indices where batch.records[i].text.contains(where: \.isNumber) {
            batch.records[i].addTags(["has-number"])
            stats.changed += 1
            stats.counters.add("tagged")
        }
    }
}

/// A source that makes `count` records as they are asked for, repeating every fifth text.
struct GeneratedRecords: AsyncSequence, Sendable {
    typealias Element = Record
    let count: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        let count: Int
        var made = 0

        mutating func next() async -> Record? {
            guard made < count else { return nil }
            made += 1
            let n = made % 5 == 0 ? made - 1 : made
            let text = "Document number \(n) arrived. It has two sentences."
            return Record(idJSON: Array("\"doc-\(made)\"".utf8), text: text,
                          origin: Origin(file: "generated", line: made))
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(count: count) }
}

let pipeline = Pipeline(name: "example") {
    Dedup()
    Clean()
    Split(language: "en")
    NumberTagStage()
}

var kept = 0
var dropped: [String: Int] = [:]
for try await result in pipeline.process(records: GeneratedRecords(count: 10), jobs: 2) {
    switch result {
    case .kept(let record):
        kept += 1
        print(String(decoding: record.idJSON, as: UTF8.self), record.sentences.count, "sentences", record.tags)
    case .dropped(let r), .rejected(let r):
        dropped[r.reason, default: 0] += 1
    }
}
print("kept \(kept), dropped \(dropped)")
