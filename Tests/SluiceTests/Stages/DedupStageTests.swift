import Testing
@testable import Sluice

@Suite struct DedupStageTests {
    @Test func keyIgnoresInvisibleDifferences() {
        let base = DedupKey.hash("The Mayor said: yes.")
        #expect(DedupKey.hash("the  mayor\nsaid:\u{200B} YES.") == base)
        #expect(DedupKey.hash("The\u{00A0}Mayor said:\u{FEFF} yes.") == base)
        #expect(DedupKey.hash("The Mayor said: yes!") != base)
        #expect(DedupKey.hash("Thé Mayor said: yes.") != base)
        #expect(DedupKey.hash("") == DedupKey.hash(" \n\t "))
    }

    @Test func indexKeepsTheFirstOccurrenceOnly() {
        let p = DedupIndex.position
        let index = DedupIndex(pairs: [
            (7, p(1, 3)), (9, p(0, 5)), (7, p(0, 9)), (7, p(2, 1)), (8, p(0, 1)),
        ])
        #expect(index.duplicates == 2)
        #expect(!index.isDuplicate(position: p(0, 9)))  // first of key 7 in run order
        #expect(index.isDuplicate(position: p(1, 3)))
        #expect(index.isDuplicate(position: p(2, 1)))
        #expect(!index.isDuplicate(position: p(0, 5)))
        #expect(!index.isDuplicate(position: p(0, 1)))
    }

    @Test func stageDropsWithReasonAndKeepsTheRecord() {
        var batch = Batch(sequence: 0)
        batch.fileIndex = 1
        for (line, text) in [(1, "A"), (2, "B"), (3, "a")] {
            batch.records.append(Record(idJSON: Array("\"r\(line)\"".utf8), text: text, origin: Origin(file: "f", line: line)))
        }
        var stage = DedupStage()
        let p = DedupIndex.position
        stage.index = DedupIndex(pairs: [(DedupKey.hash("A"), p(1, 1)), (DedupKey.hash("B"), p(1, 2)), (DedupKey.hash("a"), p(1, 3))])
        var stats = StageStats()
        stage.process(&batch, stats: &stats)
        #expect(batch.records.map(\.text) == ["A", "B"])
        #expect(batch.dropped.map(\.reason) == ["duplicate"])
        #expect(batch.dropped.first?.record?.idJSON == Array("\"r3\"".utf8))
        #expect(stats.records == 3 && stats.changed == 1 && stats.counters["duplicates"] == 1)
    }
}
