import Foundation
import Testing

/// `sluice report OUT` end to end, on the real binary: a finished run, a sharded run, and a
/// run still in progress (or killed).
@Suite struct ReportCommandTests {
    static let summary = #"<p id="records-summary"><b>8</b> records in, <b>5</b> kept, <b>1</b> rejected (unreadable), <b>2</b> dropped (by stages).</p>"#
    static let escapedScript = "&lt;script&gt;alert(1)&lt;/script&gt;"

    /// The page without its footer (which dates it).
    static func undated(_ page: String) -> String {
        page.components(separatedBy: "<footer>")[0]
    }

    @Test func normalRun() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let out = try ReportFixture.run(in: tmp)
        let r = try SluiceBinary.run(["report", out.path])
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.out == "sluice: wrote \(out.path)/report.html\n")
        let page = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)

        #expect(page.contains(Self.summary))
        #expect(page.contains(#"<p class="status complete" id="run-status">Run finished.</p>"#))
        #expect(page.contains("<tr><th>pipeline</th><td>report-test ("))
        #expect(page.contains("<tr><th>shards</th><td>not sharded</td></tr><tr><th>resumed</th><td>no</td></tr><tr><th>files</th><td>3: 3 done, 0 failed, 0 in progress</td></tr>"))
        #expect(ReportFixture.declaredBars(page) == ReportFixture.expectedBars)
        #expect(ReportFixture.drawnBars(page) == ReportFixture.expectedBars)
        // Every reason, with its count.
        for (label, n) in [("kept", 5), ("rejected: invalid_json", 1), ("dropped: duplicate", 1), ("dropped: filter:min_words", 1),
                           ("en", 3), ("de", 1), ("fr", 1), ("music", 2), ("river", 1)] {
            #expect(page.contains("<title>\(label): \(n)</title>"), "\(label)")
        }
        // Word and sentence histograms: all five documents have 16–31 words.
        #expect(page.contains("<title>16–31: 5</title>"))
        #expect(page.contains("<title>2–3: 4</title>") && page.contains("<title>1: 1</title>"))
        // Stage counters and the per-file table.
        #expect(page.contains("<tr><td>dedup</td><td class=\"n\">7</td><td class=\"n\">1</td>"))
        #expect(page.contains("<span class=\"counter\">min_words <b>1</b></span>"))
        #expect(page.contains(#"<tr><td class="file">a.jsonl</td><td>done</td><td class="n" data-v="4">4</td><td class="n" data-v="2">2</td><td class="n" data-v="0">0</td><td class="n" data-v="2">2</td>"#))

        // Record text and file names are escaped: the script is shown, never run.
        #expect(!page.contains("<script>alert"))
        #expect(page.components(separatedBy: Self.escapedScript).count - 1 == 2)
        #expect(page.contains("we&lt;ird&gt;&amp;.txt") && !page.contains("we<ird>"))
        #expect(page.components(separatedBy: "<script>").count - 1 == 1)
        // Samples: five kept records (two per file, by name), one per reason.
        #expect(page.components(separatedBy: "<div class=\"sample\">").count - 1 == 8)
        #expect(page.contains(#"<h3 class="reason">duplicate</h3><div class="sample"><div class="meta">a.jsonl:4 · id a4 · und</div>"#))
        #expect(page.contains(#"<h3 class="reason">invalid_json</h3><div class="sample"><div class="meta">b.jsonl:2</div>"#))
        #expect(page.contains(#"<h3 id="samples-kept">Kept records</h3><div class="sample"><div class="meta">a.jsonl:1 · id a1 · en · tags: river, music</div>"#))
        // Self-contained: nothing is loaded at view time.
        for needle in ["src=", "<link", "url(", "@import", "href=\"http"] { #expect(!page.contains(needle), "\(needle)") }

        // The same run gives the same page (but for its date); fewer samples when asked.
        #expect(Self.undated(try ReportFixture.report(out)) == Self.undated(page))
        let one = try ReportFixture.report(out, ["--samples", "1"])
        #expect(one.components(separatedBy: "<div class=\"sample\">").count - 1 == 4)
        let none = try ReportFixture.report(out, ["--samples", "0"])
        #expect(none.components(separatedBy: "<div class=\"sample\">").count - 1 == 0)
    }

    /// Files not started count among the run's files (the row once said "files 2: … 10 not
    /// started" for 12 inputs).
    @Test func filesNotStartedAreCounted() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let out = try ReportFixture.run(in: tmp)
        // As if killed before b.jsonl started: no event, no checkpoint, no run event.
        try ReportFixture.keepFileEvents(except: "b.jsonl", in: out)
        try FileManager.default.removeItem(at: out.appendingPathComponent(".sluice/files/b.jsonl.json"))
        let page = try ReportFixture.report(out)
        #expect(page.contains("<tr><th>files</th><td>3: 2 done, 0 failed, 0 in progress, 1 not started</td></tr>"))
    }

    /// A finished run with a failed file gets no green "Run finished." banner.
    @Test func failedFileIsInTheBanner() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("in"), out = tmp.appendingPathComponent("out")
        try E2E.write(#"{"id":"a","text":"Rain is expected on Tuesday."}"# + "\n", to: input.appendingPathComponent("a.jsonl"))
        try E2E.write("not zstd at all", to: input.appendingPathComponent("b.jsonl.zst"))
        let r = try SluiceBinary.run(["run", input.path, "-o", out.path, "--progress", "none"])
        #expect(r.status == 1, "stderr: \(r.err)")
        let page = try ReportFixture.report(out)
        #expect(page.contains(#"<p class="status incomplete" id="run-status"><strong>Run finished; 1 file failed (see the file table).</strong></p>"#))
        #expect(!page.contains("Run finished.</p>"))
    }

    @Test func shardedRun() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        _ = try ReportFixture.run(in: tmp, name: "out", extra: ["--shard", "0/2"])
        let out = tmp.appendingPathComponent("out")
        // One shard done: the page says the other has not started.
        let half = try ReportFixture.report(out)
        #expect(half.contains("<li>1 of 2 shards not started</li>"))
        #expect(half.contains("<tr><th>shards</th><td>2 (1 started)</td></tr>"))

        let r = try SluiceBinary.run(["run", tmp.appendingPathComponent("in").path, "-o", out.path, "-p", tmp.appendingPathComponent("pipe.yaml").path,
                                      "--progress", "none", "--jobs", "1", "--shard", "1/2"])
        #expect(r.status == 0, "stderr: \(r.err)")
        let page = try ReportFixture.report(out)
        // All shards merged: the same totals and charts as the unsharded run.
        #expect(page.contains(Self.summary))
        #expect(page.contains(#"<p class="status complete" id="run-status">Run finished.</p>"#))
        #expect(page.contains("<tr><th>shards</th><td>2 (2 started)</td></tr>"))
        #expect(ReportFixture.declaredBars(page) == ReportFixture.expectedBars)
        #expect(ReportFixture.drawnBars(page) == ReportFixture.expectedBars)
        #expect(page.contains("<title>dedup: 0.00 s</title>") || page.contains("<title>dedup: "))
        // Shards run one after another: their times add up.
        #expect(page.contains(" s (while any of 2 invocations ran)</td></tr>"))
        #expect(page.contains(" MB/s decompressed</td></tr>"))
        // Two invocations, and every file with its shard.
        #expect(page.components(separatedBy: "<tr><td>0/2</td><td>completed</td>").count - 1 == 1)
        #expect(page.components(separatedBy: "<tr><td>1/2</td><td>completed</td>").count - 1 == 1)
        let shardCells = page.components(separatedBy: "</td><td>0/2</td><td>done</td>").count + page.components(separatedBy: "</td><td>1/2</td><td>done</td>").count - 2
        #expect(shardCells == 3)
        #expect(page.components(separatedBy: Self.escapedScript).count - 1 == 2)
    }

    /// A run killed while writing: a torn last stats line, no run event, a file whose
    /// checkpoint says in progress and whose outputs are still `.partial`.
    @Test func runInProgress() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let out = try ReportFixture.run(in: tmp)
        try ReportFixture.keepFileEvents(except: "a.jsonl", in: out, then: #"{"event":"file","file":"a.js"#)
        let checkpoint = out.appendingPathComponent(".sluice/files/a.jsonl.json")
        let cp = try String(contentsOf: checkpoint, encoding: .utf8)
        #expect(cp.contains(#""status":"done""#))
        try E2E.write(cp.replacingOccurrences(of: #""status":"done""#, with: #""status":"in_progress""#), to: checkpoint)
        for f in ["a.jsonl.zst", "_rejected/a.jsonl.zst"] {
            try FileManager.default.moveItem(at: out.appendingPathComponent(f), to: out.appendingPathComponent(f + ".partial"))
        }

        let r = try SluiceBinary.run(["report", out.path])
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.out == "sluice: wrote \(out.path)/report.html (run not finished: what is done so far)\n")
        let page = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("<strong>Run not finished: this page shows what is done so far.</strong><ul><li>stats.jsonl has no run event yet: the run is still going, or was killed</li><li>1 file in progress (counted up to their last checkpoint)</li></ul>"))
        #expect(page.contains(#"<p class="warning" id="bad-lines">1 stats line was not a stats event (torn by a killed run?) and skipped: stats.jsonl:3</p>"#))
        #expect(page.contains(#"<tr><td class="file">a.jsonl</td><td class="st-progress">in progress</td><td class="n" data-v="4">4</td>"#))
        #expect(page.contains("<tr><th>files</th><td>3: 2 done, 0 failed, 1 in progress</td></tr>"))
        // What is done so far: here the whole file was checkpointed, so the totals are whole.
        #expect(page.contains(Self.summary))
        // Stage totals come from the checkpoints, named by the journal.
        #expect(ReportFixture.declaredBars(page) == ReportFixture.expectedBars)
        #expect(page.contains("<tr><td>filter</td><td class=\"n\">6</td><td class=\"n\">1</td>"))
        // Samples are read from the partial outputs too.
        #expect(page.contains(#"<h3 class="reason">duplicate</h3><div class="sample"><div class="meta">a.jsonl:4 · id a4 · und</div>"#))
        #expect(page.components(separatedBy: Self.escapedScript).count - 1 == 2)
    }

    /// The same command again: the run is resumed (nothing left to do), and says so.
    @Test func resumedRun() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let out = try ReportFixture.run(in: tmp)
        let again = try SluiceBinary.run(["run", tmp.appendingPathComponent("in").path, "-o", out.path, "-p", tmp.appendingPathComponent("pipe.yaml").path,
                                          "--progress", "none", "--jobs", "1"])
        #expect(again.status == 0, "stderr: \(again.err)")
        let page = try ReportFixture.report(out)
        #expect(page.contains("<tr><th>resumed</th><td>yes (started 2 times)</td></tr>"))
        // A resume rebuilds stats.jsonl from the journal, keeping the last run event only: the
        // earlier invocation's time is not known.
        #expect(page.contains("<tr><th>throughput</th><td>– (resumed: the earlier invocations&#39; time is not recorded)</td></tr>"))
        #expect(page.contains(Self.summary))
        #expect(ReportFixture.declaredBars(page) == ReportFixture.expectedBars)
    }

    /// Stats lines that are not events, and nothing else: a page that says so, no crash.
    @Test func garbageStatsAndMissingRun() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let out = tmp.appendingPathComponent("out")
        try E2E.write("not json\n{\"event\":\"file\",\"file\":\"x\",\"records_in\":\"many\"}\n[1,2]\n{\"event\":\"run\",\"status\":\"completed\",\"files\":0}\n\u{0}\u{1}\n", to: out.appendingPathComponent("stats.jsonl"))
        let page = try ReportFixture.report(out)
        #expect(page.contains(">3 stats lines were not a stats event (torn by a killed run?) and skipped: stats.jsonl:1, stats.jsonl:3, stats.jsonl:5</p>"))
        #expect(page.contains(#"<p id="records-summary"><b>0</b> records in"#))

        let missing = try SluiceBinary.run(["report", tmp.appendingPathComponent("nothing").path])
        #expect(missing.status == 2)
        #expect(missing.err.contains("holds no run"))
    }
}
