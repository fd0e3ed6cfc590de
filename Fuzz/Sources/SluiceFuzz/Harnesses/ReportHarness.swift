@testable import Sluice

extension Harness {
    /// `sluice report` on an arbitrary stats file: every non-empty line is either a stats event
    /// or listed as a bad line, and the page renders with no markup from the data (its one
    /// script is its own).
    static let report = Harness(name: "report") { input in
        var snapshot = RunSnapshot(empty: "fuzz-out")
        var seen = Set<String>()
        let bytes = Array(input.bytes)
        snapshot.addStats(bytes, name: "stats.jsonl", seen: &seen)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).filter { !$0.isEmpty }.count
        Harness.require(snapshot.badLines.count + snapshot.eventsRead == lines,
                        "\(snapshot.badLines.count) bad + \(snapshot.eventsRead) events != \(lines) lines")
        let page = ReportPage(snapshot: snapshot, samples: ReportSamples(snapshot: snapshot, count: 0), sampleCount: 0, generated: "now").render()
        Harness.require(page.components(separatedBy: "<script").count == 2 && page.components(separatedBy: "</script").count == 2,
                        "the data added a script to the page")
    }
}
