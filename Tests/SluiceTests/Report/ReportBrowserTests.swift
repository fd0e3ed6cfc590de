import Foundation
import Testing

/// `report.html` in a real browser (headless Chromium): it loads without console errors or
/// requests, its charts have the expected bars, drawn with a size, the file table sorts, and a
/// screenshot of it is not blank. Skipped, saying why, when Chromium is not installed.
@Suite(.serialized, .enabled(if: Chromium.path != nil, Comment(rawValue: Chromium.absent)))
struct ReportBrowserTests {
    /// Put first in the copy's `<head>`: records uncaught errors, failed loads and console
    /// errors and warnings before the page's own script runs.
    static let probe = """
    <script>window.__problems=[];window.addEventListener("error",function(e){__problems.push("error: "+(e.message||(e.target&&(e.target.src||e.target.href))||"load failed"));},true);
    ["error","warn"].forEach(function(k){var o=console[k];console[k]=function(){__problems.push(k+": "+Array.prototype.join.call(arguments," "));o.apply(console,arguments);};});</script>
    """

    /// Put last in the copy's `<body>`: measures the page as laid out and writes the results
    /// into the DOM as JSON (`#browser-check`), where `--dump-dom` shows them.
    static let check = """
    <script>(function(){
    var r={charts:{},problems:window.__problems,resources:performance.getEntriesByType("resource").map(function(e){return e.name;})};
    document.querySelectorAll("svg.chart").forEach(function(s){
      var bars=s.querySelectorAll("rect.bar"),drawn=0;
      bars.forEach(function(b){var box=b.getBBox();if(box.width>0&&box.height>0)drawn++;});
      var rect=s.getBoundingClientRect();
      r.charts[s.id]={bars:bars.length,declared:+s.getAttribute("data-bars"),drawn:drawn,width:Math.round(rect.width),height:Math.round(rect.height)};
    });
    var t=document.getElementById("files-table"),th=null;
    Array.prototype.forEach.call(t.tHead.rows[0].cells,function(c){if(c.textContent==="records in")th=c;});
    function column(){return Array.prototype.map.call(t.tBodies[0].rows,function(row){return +row.cells[th.cellIndex].getAttribute("data-v");});}
    th.click();r.ascending=column();th.click();r.descending=column();
    r.samples=document.querySelectorAll(".sample").length;r.scripts=document.scripts.length;
    var pre=document.createElement("pre");pre.id="browser-check";pre.textContent=JSON.stringify(r);document.body.appendChild(pre);
    })();</script>
    """

    @Test func pageLoadsAndChartsHaveTheirBars() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let out = try ReportFixture.run(in: tmp)
        let page = try ReportFixture.report(out)
        let profile = tmp.appendingPathComponent("profile")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)

        // The page as written: nothing on the console.
        let plain = try Chromium.run(out.appendingPathComponent("report.html"), ["--dump-dom"], profile: profile)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.consoleLines == [], "console: \(plain.consoleLines)")
        #expect(plain.stdout.contains("id=\"files-table\""))

        // A copy with the probe and the check.
        let probed = page.replacingOccurrences(of: "<head>", with: "<head>" + Self.probe)
            .replacingOccurrences(of: "</body>", with: Self.check + "</body>")
        let copy = out.appendingPathComponent("check.html")
        try E2E.write(probed, to: copy)
        let result = try Chromium.run(copy, ["--dump-dom"], profile: profile)
        let json = try Self.checkResult(result.stdout)
        #expect(json["problems"] as? [String] == [])
        #expect(json["resources"] as? [String] == [])
        #expect(json["samples"] as? Int == 8)
        // The page's one script, the probe and the check: no record's <script> became one.
        #expect(json["scripts"] as? Int == 3)
        let charts = try #require(json["charts"] as? [String: [String: Int]])
        #expect(charts.mapValues { $0["bars"] ?? -1 } == ReportFixture.expectedBars)
        #expect(charts.mapValues { $0["declared"] ?? -1 } == ReportFixture.expectedBars)
        for (id, c) in charts {
            #expect((c["drawn"] ?? 0) > 0, "\(id): no bar drawn")
            #expect((c["width"] ?? 0) > 300 && (c["height"] ?? 0) > 20, "\(id): \(c)")
        }
        // Every non-empty bar has a size: the outcome and language bars all do.
        #expect(charts["chart-outcomes"]?["drawn"] == 4)
        #expect(charts["chart-languages"]?["drawn"] == 3)
        // Sorting by "records in": 1 (we<ird>&.txt), 3 (b.jsonl), 4 (a.jsonl), and back.
        #expect(json["ascending"] as? [Int] == [1, 3, 4])
        #expect(json["descending"] as? [Int] == [4, 3, 1])
    }

    @Test func screenshotIsNotBlank() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let out = try ReportFixture.run(in: tmp)
        _ = try ReportFixture.report(out)
        let profile = tmp.appendingPathComponent("profile")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        let png = tmp.appendingPathComponent("report.png")
        let r = try Chromium.run(out.appendingPathComponent("report.html"),
                                 ["--screenshot=\(png.path)", "--window-size=1100,1400"], profile: profile)
        #expect(r.status == 0, "\(r.stderr)")
        let image = try PNGImage(data: Data(contentsOf: png))
        #expect(image.width == 1100 && image.height == 1400)
        let variety = image.colourVariety()
        // Text, coloured bars and bands: many colours, and the background well under all of it.
        #expect(variety.distinct > 50, "\(variety)")
        #expect(variety.commonestShare < 0.95, "\(variety)")
    }

    /// The JSON the check wrote into `#browser-check`.
    static func checkResult(_ dom: String) throws -> [String: Any] {
        guard let start = dom.range(of: "<pre id=\"browser-check\">"),
              let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            throw E2E.Failure("no #browser-check in the DOM: \(dom.suffix(500))")
        }
        // Text content as serialized by the DOM: only & < > are escaped.
        let text = String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        return try E2E.json(text)
    }
}
