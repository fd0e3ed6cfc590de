/// The HTML of `OUT/report.html`: one self-contained page (inline CSS, inline SVG charts,
/// a few lines of script to sort the file table), readable on a laptop and printable.
///
/// Everything taken from the run (file names, reasons, languages, tags, record text) is
/// escaped with ``HTML/escape(_:)``.
public struct ReportPage: Sendable {
    /// The run shown.
    public var snapshot: RunSnapshot
    /// The records shown.
    public var samples: ReportSamples
    /// Samples asked for per group (`--samples`).
    public var sampleCount: Int
    /// When the page was made, shown in its footer (for a run in progress it dates the numbers).
    public var generated: String
    /// Languages and tags charted; the rest of the languages are one "other" bar.
    public static let topLanguages = 30
    /// Tags charted.
    public static let topTags = 30
    /// Rows of the file table; a larger run lists the first ones by name and says so.
    public static let maxFileRows = 5000
    /// Characters of a sample's text shown.
    public static let sampleCharacters = 1200

    /// A page for `snapshot` showing `samples` (asked for `sampleCount` per group), dated `generated`.
    public init(snapshot: RunSnapshot, samples: ReportSamples, sampleCount: Int, generated: String) {
        self.snapshot = snapshot
        self.samples = samples
        self.sampleCount = sampleCount
        self.generated = generated
    }

    /// The whole page.
    public func render() -> String {
        let s = snapshot
        let title = "Sluice report: " + s.outputDirectory
        var h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        h += "<title>\(HTML.escape(title))</title><style>\(Self.css)</style></head><body>\n"
        h += "<header><h1>Sluice report</h1><p class=\"dir\">\(HTML.escape(s.outputDirectory))</p>"
        let failedFiles = s.failedFiles
        if s.isComplete && failedFiles > 0 {
            // Finished, but not cleanly: a green banner would hide the failures.
            h += "<p class=\"status incomplete\" id=\"run-status\"><strong>Run finished; \(failedFiles) file\(failedFiles == 1 ? "" : "s") failed"
                + " (see the file table).</strong></p>"
        } else if s.isComplete {
            h += "<p class=\"status complete\" id=\"run-status\">Run finished.</p>"
        } else {
            h += "<div class=\"status incomplete\" id=\"run-status\"><strong>Run not finished: this page shows what is done so far.</strong><ul>"
            for r in s.incomplete { h += "<li>\(HTML.escape(r))</li>" }
            h += "</ul></div>"
        }
        if !s.badLines.isEmpty {
            let list = s.badLines.prefix(10).map { "\($0.file):\($0.line)" }.joined(separator: ", ")
            h += "<p class=\"warning\" id=\"bad-lines\">\(s.badLines.count) stats line\(s.badLines.count == 1 ? " was" : "s were") not a stats event (torn by a killed run?) and skipped: \(HTML.escape(list))\(s.badLines.count > 10 ? ", …" : "")</p>"
        }
        h += "<nav>" + [("run", "Run"), ("records", "Records"), ("languages", "Languages"), ("lengths", "Lengths"),
                        ("stages", "Stages"), ("quality", "Quality"), ("tags", "Tags"), ("files", "Files"), ("samples", "Samples")]
            .map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined(separator: " ") + "</nav></header>\n<main>\n"
        h += runSection() + recordsSection() + languagesSection() + lengthsSection() + stagesSection()
        h += qualitySection() + tagsSection() + filesSection() + samplesSection()
        h += "</main>\n<footer>Made by sluice \(HTML.escape(SluiceVersion.string)) from the stats and journal of the run, \(HTML.escape(generated)).</footer>\n"
        h += "<script>\(Self.script)</script>\n</body></html>\n"
        return h
    }

    /// Writes the page to `path` atomically, so a browser never sees half a page.
    public func write(to path: String) throws(WriteError) {
        try FileSystem.writeAtomically(path, Array(render().utf8))
    }

    // MARK: sections

    private func runSection() -> String {
        let s = snapshot, t = s.summary
        let done = s.files.filter { $0.status == "done" }.count, failed = s.failedFiles
        var rows: [(String, String)] = [
            ("pipeline", s.pipelineName + (s.pipelineSource.isEmpty || s.pipelineSource == s.pipelineName ? "" : " (\(s.pipelineSource))")),
            ("shards", s.shardCount.map { "\($0) (\(s.shardsStarted) started)" } ?? "not sharded"),
            ("resumed", s.starts > (s.shardCount.map { _ in s.shardsStarted } ?? 1) || s.runs.contains(where: \.resumed)
                ? "yes (started \(s.starts) times)" : "no"),
            // Every input of the run: those with events or checkpoints, and those not started.
            ("files", "\(Self.int(s.files.count + s.pendingFiles)): \(done) done, \(failed) failed, \(s.inProgressFiles) in progress"
                + (s.pendingFiles > 0 ? ", \(s.pendingFiles) not started" : "")),
            ("records", "\(Self.int(t.recordsIn)) in → \(Self.int(t.recordsOut)) out"),
            ("bytes", "\(Format.bytes(t.bytesIn)) read, \(Format.bytes(t.bytesDecompressed)) decompressed, \(Format.bytes(t.bytesOut)) written"),
            ("sentences, words", "\(Self.int(t.sentences)), \(Self.int(t.words))"),
            ("file seconds", Format.fixed(t.fileSeconds, 2) + " (summed over files)"),
        ]
        if let longest = s.runs.map(\.seconds).max() {
            let running = s.runningSeconds
            let time = running ?? longest
            rows.append(("time", Format.fixed(time, 2) + " s" + (s.runs.count < 2 ? ""
                : running != nil ? " (while any of \(s.runs.count) invocations ran)" : " (longest of \(s.runs.count) invocations)")))
            // A resumed invocation's bytes include files finished before it, its time does not:
            // the run's bytes go over the time of every invocation, when each left its event
            // (one killed outright leaves none).
            let throughput: Double?
            if let running, s.starts == s.runs.count {
                throughput = running > 0 ? Double(t.bytesDecompressed) / running / 1e6 : 0
            } else if s.runs.contains(where: \.resumed) {
                throughput = nil
            } else {
                throughput = Double(s.runs.reduce(0) { $0 + $1.bytesDecompressed }) / max(time, 1e-9) / 1e6
            }
            rows.append(("throughput", throughput.map { Format.fixed($0, 1) + " MB/s decompressed" }
                ?? "– (resumed: the earlier invocations' time is not recorded)"))
        }
        var h = section("run", "Run") + Self.keyValues(id: "run-table", rows)
        if s.runs.count > 0 {
            h += "<h3>Invocations</h3><table id=\"runs-table\"><thead><tr><th>shard</th><th>status</th><th class=\"n\">files</th><th class=\"n\">records in</th><th class=\"n\">records out</th><th class=\"n\">seconds</th><th class=\"n\">MB/s</th><th>resumed</th></tr></thead><tbody>"
            for r in s.runs {
                h += "<tr><td>\(HTML.escape(r.shard ?? "-"))</td><td>\(HTML.escape(r.status))</td><td class=\"n\">\(r.files)</td><td class=\"n\">\(Self.int(r.recordsIn))</td><td class=\"n\">\(Self.int(r.recordsOut))</td><td class=\"n\">\(Format.fixed(r.seconds, 2))</td><td class=\"n\">\(Format.fixed(r.megabytesPerSecond, 1))</td><td>\(r.resumed ? "yes" : "no")</td></tr>"
            }
            h += "</tbody></table>"
        }
        return h + "</section>\n"
    }

    private func recordsSection() -> String {
        let t = snapshot.summary.total
        var bars = [SVGChart.Bar(label: "kept", value: Double(t.recordsOut), display: Self.int(t.recordsOut), color: SVGChart.green)]
        for c in t.rejected.byCount {
            bars.append(.init(label: "rejected: " + c.name, value: Double(c.count), display: Self.int(c.count), color: SVGChart.red))
        }
        for c in t.dropped.byCount {
            bars.append(.init(label: "dropped: " + c.name, value: Double(c.count), display: Self.int(c.count), color: SVGChart.orange))
        }
        let rejected = t.rejected.values.values.reduce(0, +), dropped = t.dropped.values.values.reduce(0, +)
        var h = section("records", "Records in → out")
        h += "<p id=\"records-summary\"><b>\(Self.int(t.recordsIn))</b> records in, <b>\(Self.int(t.recordsOut))</b> kept, <b>\(Self.int(rejected))</b> rejected (unreadable), <b>\(Self.int(dropped))</b> dropped (by stages).</p>"
        h += SVGChart.bars(id: "chart-outcomes", title: "Records by outcome", bars)
        if !t.repaired.values.isEmpty {
            h += "<p>Kept after repairing their bytes: " + HTML.escape(Self.list(t.repaired)) + ".</p>"
        }
        if !t.encodings.values.isEmpty { h += "<p>Text encodings: " + HTML.escape(Self.list(t.encodings)) + ".</p>" }
        if !t.skipped.values.isEmpty { h += "<p>Not read inside files: " + HTML.escape(Self.list(t.skipped)) + ".</p>" }
        return h + "</section>\n"
    }

    private func languagesSection() -> String {
        let langs = snapshot.summary.langs.byCount
        var bars = langs.prefix(Self.topLanguages).map { SVGChart.Bar(label: $0.name, value: Double($0.count), display: Self.int($0.count)) }
        let rest = langs.dropFirst(Self.topLanguages)
        if !rest.isEmpty {
            let n = rest.reduce(0) { $0 + $1.count }
            bars.append(.init(label: "other (\(rest.count) languages)", value: Double(n), display: Self.int(n), color: SVGChart.orange))
        }
        var h = section("languages", "Languages of kept records")
        h += bars.isEmpty ? "<p>No kept records.</p>" : SVGChart.bars(id: "chart-languages", title: "Languages", bars)
        return h + "</section>\n"
    }

    private func lengthsSection() -> String {
        let t = snapshot.summary.total
        var h = section("lengths", "Document length (kept records)")
        h += "<p class=\"note\">Log scale: each bar counts the documents whose length is in a power-of-two range.</p><div class=\"grid\">"
        h += "<div><h3>Words</h3>" + logHistogram(id: "chart-words", title: "Words per document", t.wordsHistogram, unit: "words",
                                                   missing: "No word counts (the pipeline's tag stage writes them with counts: true).") + "</div>"
        h += "<div><h3>Sentences</h3>" + logHistogram(id: "chart-sentences", title: "Sentences per document", t.sentencesHistogram, unit: "sentences",
                                                       missing: "No sentence counts (the pipeline does not split).") + "</div>"
        return h + "</div></section>\n"
    }

    private func logHistogram(id: String, title: String, _ hist: Histogram, unit: String, missing: String) -> String {
        guard !hist.isEmpty else { return "<p class=\"note\">\(HTML.escape(missing)) Runs made before sluice report existed have none either.</p>" }
        let bars = hist.counts.enumerated().map { b, n in
            let lo = Histogram.logBucketStart(b), hi = Histogram.logBucketStart(b + 1) - 1
            let label = b <= 1 ? "\(lo)" : "\(SVGChart.compact(Double(lo)))–\(SVGChart.compact(Double(hi)))"
            return SVGChart.Bar(label: label, value: Double(n), display: Self.int(n))
        }
        return SVGChart.histogram(id: id, title: title, xLabel: unit + " per document", bars)
    }

    private func stagesSection() -> String {
        let stages = snapshot.stages
        var h = section("stages", "Stages")
        guard !stages.isEmpty else { return h + "<p>No stage statistics yet.</p></section>\n" }
        h += "<h3>CPU time</h3>"
        h += SVGChart.bars(id: "chart-stages", title: "CPU seconds per stage",
                           stages.map { .init(label: $0.name, value: $0.stats.seconds, display: Format.fixed($0.stats.seconds, 2) + " s") })
        h += "<h3>Counters</h3><table id=\"stages-table\"><thead><tr><th>stage</th><th class=\"n\">records</th><th class=\"n\">changed</th><th class=\"n\">seconds</th><th>counters</th></tr></thead><tbody>"
        for (name, st) in stages {
            let counters = st.counters.byCount.map { "<span class=\"counter\">\(HTML.escape($0.name)) <b>\(Self.int($0.count))</b></span>" }.joined(separator: " ")
            h += "<tr><td>\(HTML.escape(name))</td><td class=\"n\">\(Self.int(st.records))</td><td class=\"n\">\(Self.int(st.changed))</td><td class=\"n\">\(Format.fixed(st.seconds, 2))</td><td>\(counters.isEmpty ? "–" : counters)</td></tr>"
        }
        return h + "</tbody></table></section>\n"
    }

    private func qualitySection() -> String {
        let q = snapshot.summary.total.qualityHistograms
        var h = section("quality", "Quality signals (kept records)")
        guard !q.isEmpty else { return h + "<p>The quality stage did not run (or the run predates these histograms).</p></section>\n" }
        h += "<div class=\"grid\">"
        let names = FileStats.qualitySignals.filter { q[$0] != nil } + q.keys.filter { !FileStats.qualitySignals.contains($0) }.sorted()
        for name in names {
            let hist = q[name]!
            let bars = (0..<Histogram.ratioBuckets).map { b in
                let n = b < hist.counts.count ? hist.counts[b] : 0
                return SVGChart.Bar(label: Format.fixed(Double(b) / 10, 1), value: Double(n), display: Self.int(n))
            }
            let id = "chart-quality-" + name.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            h += "<div><h3>\(HTML.escape(name))</h3>" + SVGChart.histogram(id: id, title: name, xLabel: "ratio (bins of 0.1)", bars) + "</div>"
        }
        return h + "</div></section>\n"
    }

    private func tagsSection() -> String {
        let tags = snapshot.summary.total.tags.byCount.prefix(Self.topTags)
        var h = section("tags", "Top tags")
        guard !tags.isEmpty else { return h + "<p>No tags.</p></section>\n" }
        h += "<p class=\"note\">From each file's \(FileStats.topTagsInEvent) most frequent tags, added up (exact when a file's tags fit in its list).</p>"
        h += SVGChart.bars(id: "chart-tags", title: "Top tags", tags.map { .init(label: $0.name, value: Double($0.count), display: Self.int($0.count)) })
        return h + "</section>\n"
    }

    private func filesSection() -> String {
        let files = snapshot.files
        let sharded = snapshot.shardCount != nil
        var h = section("files", "Files")
        if files.count > Self.maxFileRows {
            h += "<p class=\"note\">The first \(Self.maxFileRows) of \(Self.int(files.count)) files by name.</p>"
        }
        h += "<p class=\"note screen\">Click a column heading to sort.</p>"
        h += "<table class=\"sortable\" id=\"files-table\"><thead><tr><th>file</th>" + (sharded ? "<th>shard</th>" : "")
        h += "<th>status</th><th class=\"n\" data-type=\"num\">records in</th><th class=\"n\" data-type=\"num\">out</th><th class=\"n\" data-type=\"num\">rejected</th><th class=\"n\" data-type=\"num\">dropped</th><th class=\"n\" data-type=\"num\">MB</th><th class=\"n\" data-type=\"num\">seconds</th><th>languages</th></tr></thead><tbody>"
        let rows = files.count > Self.maxFileRows ? Array(files.sorted { $0.stats.file < $1.stats.file }.prefix(Self.maxFileRows)) : files
        for row in rows {
            let f = row.stats
            let rejected = f.rejected.values.values.reduce(0, +), dropped = f.dropped.values.values.reduce(0, +)
            let langs = f.langs.byCount.prefix(3).map { "\($0.name) \($0.count)" }.joined(separator: ", ")
            let statusClass = row.status == "done" ? "" : " class=\"st-\(row.status == "failed" ? "failed" : "progress")\""
            h += "<tr><td class=\"file\">\(HTML.escape(f.file))" + (f.error.map { "<div class=\"error\">\(HTML.escape($0))</div>" } ?? "") + "</td>"
            if sharded { h += "<td>\(HTML.escape(row.shard ?? "-"))</td>" }
            h += "<td\(statusClass)>\(HTML.escape(row.status))</td>"
            h += "<td class=\"n\" data-v=\"\(f.recordsIn)\">\(Self.int(f.recordsIn))</td><td class=\"n\" data-v=\"\(f.recordsOut)\">\(Self.int(f.recordsOut))</td>"
            h += "<td class=\"n\" data-v=\"\(rejected)\">\(Self.int(rejected))</td><td class=\"n\" data-v=\"\(dropped)\">\(Self.int(dropped))</td>"
            h += "<td class=\"n\" data-v=\"\(f.bytesDecompressed)\">\(Format.fixed(Double(f.bytesDecompressed) / 1e6, 2))</td>"
            h += "<td class=\"n\" data-v=\"\(Format.fixed(f.seconds, 3))\">\(Format.fixed(f.seconds, 2))</td><td>\(HTML.escape(langs))</td></tr>"
        }
        return h + "</tbody></table></section>\n"
    }

    private func samplesSection() -> String {
        var h = section("samples", "Samples")
        h += "<p class=\"note\">Up to \(sampleCount) per group, taken from the first records of files spread evenly over the run (by name): the same run gives the same samples.</p>"
        h += "<h3 id=\"samples-kept\">Kept records</h3>"
        h += samples.kept.isEmpty ? "<p>None.</p>" : samples.kept.map(sampleHTML).joined()
        for (reason, list) in samples.rejected {
            h += "<h3 class=\"reason\">\(HTML.escape(reason))</h3>"
            h += list.isEmpty ? "<p class=\"note\">No record of this reason was found in <code>_rejected/</code> (the pipeline may not write dropped records: <code>sink.write_dropped</code>).</p>"
                : list.map(sampleHTML).joined()
        }
        return h + "</section>\n"
    }

    private func sampleHTML(_ s: ReportSamples.Sample) -> String {
        var meta = [s.file + (s.line.map { ":\($0)" } ?? "")]
        if let id = s.id { meta.append("id " + id) }
        if let lang = s.lang { meta.append(lang) }
        if !s.tags.isEmpty { meta.append("tags: " + s.tags.joined(separator: ", ")) }
        var text = s.text
        if text.count > Self.sampleCharacters { text = String(text.prefix(Self.sampleCharacters)) + " …" }
        var h = "<div class=\"sample\"><div class=\"meta\">\(HTML.escape(meta.joined(separator: " · ")))</div>"
        if let d = s.detail { h += "<div class=\"detail\">\(HTML.escape(d))</div>" }
        return h + "<pre>\(HTML.escape(text))</pre></div>"
    }

    // MARK: helpers

    private func section(_ id: String, _ title: String) -> String {
        "<section id=\"\(id)\"><h2>\(HTML.escape(title))</h2>"
    }

    private static func keyValues(id: String, _ rows: [(String, String)]) -> String {
        "<table class=\"kv\" id=\"\(id)\"><tbody>" + rows.map { "<tr><th>\(HTML.escape($0.0))</th><td>\(HTML.escape($0.1))</td></tr>" }.joined() + "</tbody></table>"
    }

    private static func list(_ c: Counters) -> String {
        c.byCount.map { "\($0.name) \(int($0.count))" }.joined(separator: ", ")
    }

    /// An integer with thousands separated by commas.
    static func int(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
