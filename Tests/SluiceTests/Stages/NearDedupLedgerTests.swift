import Testing
import SluiceText
@testable import Sluice

@Suite struct NearDedupLedgerTests {
    /// A corpus of near-copies of every strength, chains of copies of copies, exact copies and
    /// texts without words, over three files: deterministic (a fixed linear congruential
    /// generator), so the test is the same on every run.
    static func corpus() -> [(file: Int, line: Int, id: String, text: String)] {
        var state: UInt64 = 0x1234_5678
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33) % n
        }
        var texts: [[String]] = []
        var out: [(file: Int, line: Int, id: String, text: String)] = []
        for i in 0..<300 {
            var words: [String]
            if texts.isEmpty || next(3) == 0 {
                words = NearDedupStageTests.article(next(1_000), words: 40 + next(200))
            } else {
                // A copy of an earlier document (often itself a copy) with 0–12 words changed
                // and sometimes a cut: similarities spread across the threshold.
                words = texts[next(texts.count)]
                for _ in 0..<next(13) where !words.isEmpty { words[next(words.count)] = "x\(next(50))" }
                if next(4) == 0 && words.count > 20 { words.removeLast(next(words.count / 5)) }
            }
            texts.append(words)
            let text = next(40) == 0 ? " -- " : words.joined(separator: " ")
            out.append((file: i / 100, line: i % 100 + 1, id: "d\(i)", text: text))
        }
        return out
    }

    @Test func decidesAsTheWholeRunIndexDoes() {
        let texts = Self.corpus()
        let index = NearDedupIndex(NearDedupStageTests.signatures(texts), threshold: 0.8)
        let ledger = NearDedupLedger(hasher: MinHasher(), bins: 1024, threshold: 0.8)
        var found: [String: [UInt8]] = [:]
        // Batches of uneven sizes, each file in order, as decoders hand them over.
        var i = 0
        var size = 1
        while i < texts.count {
            let file = texts[i].file
            var batch = Batch(sequence: 0)
            batch.fileIndex = file
            var members: [String] = []
            while i < texts.count && texts[i].file == file && batch.records.count < size {
                let t = texts[i]
                batch.records.append(Record(idJSON: Array("\"\(t.id)\"".utf8), text: t.text,
                                            origin: Origin(file: "f\(file)", line: t.line)))
                members.append(t.id)
                i += 1
            }
            ledger.mark(&batch)
            for (r, id) in zip(batch.records, members) { if let of = batch.nearDuplicates[r.origin.order] { found[id] = of } }
            size = size % 7 + 1
        }
        // The corpus tests something: 53 of its 300 documents are near-copies at 0.8, the
        // other copies (many words changed) are not.
        #expect(index.duplicates == 53)
        #expect(found.count == index.duplicates)
        for t in texts {
            #expect(found[t.id] == index.duplicateOf(position: DedupIndex.position(file: t.file, line: t.line)), "\(t.id)")
        }
    }

    @Test func stageDropsWhatTheDecoderFound() {
        let a = NearDedupStageTests.article(4)
        var stage = NearDedupStage()
        stage.ledger = NearDedupLedger(hasher: stage.hasher, bins: 1024, threshold: 0.8)
        var batch = Batch(sequence: 0)
        for (l, id, text) in [(1, "k", a.joined(separator: " ")), (2, "n", a.prefix(116).joined(separator: " ")),
                              (3, "other", NearDedupStageTests.article(5).joined(separator: " "))] {
            batch.records.append(Record(idJSON: Array("\"\(id)\"".utf8), text: text, origin: Origin(file: "x.jsonl", line: l)))
        }
        stage.ledger!.mark(&batch)
        var stats = StageStats()
        stage.process(&batch, stats: &stats)
        #expect(batch.records.map(\.idJSON) == [Array("\"k\"".utf8), Array("\"other\"".utf8)])
        #expect(batch.dropped.map(\.reason) == ["near_duplicate"])
        #expect(batch.dropped.first?.duplicateOf == Array("\"k\"".utf8))
        #expect(batch.nearDuplicates.isEmpty)
        #expect(stats.records == 3 && stats.changed == 1 && stats.counters["near_duplicates"] == 1)
    }
}

@Suite struct NearDedupBucketsTests {
    @Test func keepsFirstAndLatestThroughGrowth() {
        var b = NearDedupBuckets()
        // 5,000 documents × 3 bands, keys repeating every 700 documents in band 0 only: the
        // table grows several times on the way.
        for d in 0..<5_000 {
            let doc = UInt32(d)
            let r0 = b.enter(band: 0, key: UInt32(d % 700), document: doc)
            if d < 700 { #expect(r0 == nil) } else { #expect(r0.map { [$0.first, $0.latest] } == [UInt32(d % 700), doc - 700]) }
            #expect(b.enter(band: 1, key: UInt32(d), document: doc) == nil)
            // Band 2 uses band 1's keys: a separate bucket.
            #expect(b.enter(band: 2, key: UInt32(d), document: doc) == nil)
        }
        #expect(b.count == 700 + 5_000 + 5_000)
        #expect(b.bytes == 16_384 * 16)
    }
}
