import Testing
@testable import Sluice

@Suite struct DedupLedgerTests {
    private func batch(file: Int, _ lines: [(Int, String)]) -> Batch {
        var b = Batch(sequence: 0)
        b.fileIndex = file
        for (line, text) in lines {
            b.records.append(Record(idJSON: Array("\"\(file)-\(line)\"".utf8), text: text, origin: Origin(file: "f\(file)", line: line)))
        }
        return b
    }

    @Test func aKeyKeepsItsFirstPositionWhateverOrderPositionsArriveIn() {
        let p = DedupIndex.position
        let ledger = DedupLedger()
        // File 1 was resumed: its part before the checkpoint (line 2 holds "X") is entered first.
        ledger.enter([(DedupKey.hash("X"), p(1, 2))])

        var first = batch(file: 0, [(1, "x"), (2, "Y"), (3, "X ")])
        ledger.mark(&first)
        #expect(first.duplicates == [2])  // "x" at 0:1 comes before the entered 1:2

        var second = batch(file: 1, [(2, "X"), (3, "y"), (4, "Z")])
        ledger.mark(&second)
        #expect(second.duplicates == [0, 1])

        #expect(ledger.count == (seen: 3, ahead: 1))  // x, Y, Z
    }

    @Test func aResumedFileDecidesItsRestAgainstTheWholeFileEnteredAhead() {
        let p = DedupIndex.position
        let ledger = DedupLedger()
        // The whole file is entered ahead; reading resumes at line 3.
        ledger.enter([(DedupKey.hash("A"), p(0, 1)), (DedupKey.hash("B"), p(0, 4)), (DedupKey.hash("A"), p(0, 6))])
        var rest = batch(file: 0, [(3, "C"), (4, "B"), (6, "A"), (7, "b")])
        ledger.mark(&rest)
        #expect(rest.duplicates == [2, 3])  // B at 4 is its own first occurrence; A was at line 1
    }

    @Test func stageDropsWhatTheDecoderMarked() {
        var stage = DedupStage()
        stage.ledger = DedupLedger()
        var b = batch(file: 0, [(1, "A"), (2, "B"), (3, "a"), (4, "b")])
        stage.ledger!.mark(&b)
        var stats = StageStats()
        stage.process(&b, stats: &stats)
        #expect(b.records.map(\.text) == ["A", "B"])
        #expect(b.dropped.map { $0.record?.text } == ["a", "b"])
        #expect(b.dropped.map(\.reason) == ["duplicate", "duplicate"])
        #expect(b.duplicates.isEmpty)
        #expect(stats.records == 4 && stats.changed == 2 && stats.counters["duplicates"] == 2)
    }
}
