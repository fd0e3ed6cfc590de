import Foundation
import Testing

/// `sluice run` on the e2e fixture tree (Fixtures/e2e/in, see its README).
@Suite struct EndToEndRunTests {
    /// What the language stage writes for these English records.
    static let english = #""lang":"en","lang_score":1.0"#
    /// Texts with fewer letters than the stage's `min_chars` (10) are "und" with score 0.
    static let noLang = #""lang":"und","lang_score":0.0"#

    static let a2 = #"{"id":"a2","text":"Dr. Lee will conduct the park concert at 7 p.m. on Friday.\nEntry is free.","sentences":["Dr. Lee will conduct the park concert at 7 p.m. on Friday.","Entry is free."],"# + english
        + #","date":"2024-07-05T10:00:00","tags":["music","park"],"attributes":{"counts":{"words":15,"sentences":2,"chars":73}},"title":"Park concert","source":"e2e.example","origin":{"file":"a.jsonl","line":2}}"#
    static let a3 = #"{"id":"a3","text":"Heavy rain is expected on Tuesday. The city has opened two shelters. Drivers should avoid the river road.","sentences":["Heavy rain is expected on Tuesday.","The city has opened two shelters.","Drivers should avoid the river road."],"# + english
        + #","date":null,"tags":[],"attributes":{"counts":{"words":18,"sentences":3,"chars":105}},"title":"Rain expected","source":"e2e.example","meta":{"views":12345678901234567890},"origin":{"file":"a.jsonl","line":3}}"#
    static let c = #"{"id":"sub/c.txt:1","text":"The school library will close for repairs in August. It reopens on September 2.","sentences":["The school library will close for repairs in August.","It reopens on September 2."],"# + english
        + #","date":null,"tags":[],"attributes":{"counts":{"words":14,"sentences":2,"chars":79},"patterns":{"dates":1}},"origin":{"file":"sub/c.txt","line":1,"encoding":"utf-8"}}"#
    static let b2 = #"{"id":"b2","text":"The farmers’ market moves to Saturday. It will run from 8 a.m. to noon.","sentences":["The farmers’ market moves to Saturday.","It will run from 8 a.m. to noon."],"# + english
        + #","date":null,"tags":[],"attributes":{"counts":{"words":14,"sentences":2,"chars":71}},"title":"Market day","source":"e2e.example","origin":{"file":"sub/b.jsonl.zst","line":2}}"#
    static let rejected = #"{"reason":"invalid_json","detail":"unterminated string at byte 20","raw":"{\"id\":\"bad2\",\"text\":\"missing the closing quote}","origin":{"file":"bad.jsonl","line":2}}"#

    static let outputs = ["_rejected/bad.jsonl.zst", "a.jsonl.zst", "bad.jsonl.zst", "stats.jsonl",
                          "sub/b.jsonl.zst", "sub/c.jsonl.zst"]

    /// Runs the fixture tree into a fresh directory; returns it (caller removes it).
    static func runFixtures(_ extra: [String] = []) throws -> (URL, SluiceBinary.Result) {
        let tmp = try E2E.tempDir()
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", E2E.input.path, "-o", out.path, "--progress", "none"] + extra)
        return (out, r)
    }

    @Test func outputLayoutRecordsAndStats() throws {
        let (out, r) = try Self.runFixtures()
        defer { E2E.remove(out.deletingLastPathComponent()) }
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(E2E.files(out) == Self.outputs)

        // Every output line is a JSON object with the contract's fields.
        for f in ["a.jsonl.zst", "bad.jsonl.zst", "sub/b.jsonl.zst", "sub/c.jsonl.zst"] {
            for line in try E2E.lines(out.appendingPathComponent(f)) {
                let o = try E2E.json(line)
                for key in ["id", "text", "sentences", "origin"] { #expect(o[key] != nil, "\(f): \(key) missing in \(line)") }
            }
        }
        let a = try E2E.lines(out.appendingPathComponent("a.jsonl.zst"))
        #expect(a.count == 3)
        #expect(a.dropFirst().first == Self.a2)
        #expect(a.last == Self.a3)
        #expect(try E2E.lines(out.appendingPathComponent("sub/c.jsonl.zst")) == [Self.c])
        let b = try E2E.lines(out.appendingPathComponent("sub/b.jsonl.zst"))
        #expect(b.count == 2)
        #expect(b.last == Self.b2)
        #expect(try E2E.lines(out.appendingPathComponent("bad.jsonl.zst")).map { try E2E.json($0)["id"] as? String } == ["bad1"])
        #expect(try E2E.lines(out.appendingPathComponent("_rejected/bad.jsonl.zst")) == [Self.rejected])

        // stats.jsonl: file events in completion order, then stages, then the run.
        let events = try E2E.events(out.appendingPathComponent("stats.jsonl"))
        let files = events.filter { $0["event"] as? String == "file" }
        let byFile = Dictionary(uniqueKeysWithValues: files.map { ($0["file"] as! String, $0) })
        #expect(files.count == 4)
        let expected: [String: (Int, Int, [String: Int])] = [
            "a.jsonl": (3, 3, [:]), "sub/b.jsonl.zst": (2, 2, [:]), "sub/c.txt": (1, 1, [:]),
            "bad.jsonl": (2, 1, ["invalid_json": 1]),
        ]
        #expect(Set(byFile.keys) == Set(expected.keys))
        for (name, (inCount, outCount, rejected)) in expected {
            let e = try #require(byFile[name])
            #expect(e["status"] as? String == "done")
            #expect(e["records_in"] as? Int == inCount, "\(name)")
            #expect(e["records_out"] as? Int == outCount, "\(name)")
            #expect(e["rejected"] as? [String: Int] == rejected, "\(name)")
            #expect(e["dropped"] as? [String: Int] == [:], "\(name)")
            let sum = (e["records_out"] as! Int) + (e["rejected"] as! [String: Int]).values.reduce(0, +)
                + (e["dropped"] as! [String: Int]).values.reduce(0, +)
            #expect(e["records_in"] as? Int == sum, "\(name)")
        }
        #expect(byFile["a.jsonl"]?["bytes_in"] as? Int == 550)
        #expect(byFile["sub/b.jsonl.zst"]?["bytes_in"] as? Int == 201)
        #expect(byFile["sub/b.jsonl.zst"]?["bytes_decompressed"] as? Int == 279)
        #expect(byFile["a.jsonl"]?["sentences"] as? Int == 7)

        let stages = events.filter { $0["event"] as? String == "stage" }
        #expect(stages.map { $0["stage"] as? String } == ["dedup", "clean", "language", "split", "tag"])
        #expect(stages.first?["changed"] as? Int == 0)
        for s in stages { #expect(s["records"] as? Int == 7) }
        #expect(stages[1]["changed"] as? Int == 2)
        #expect((stages[1]["counters"] as? [String: Int])?["hashtag_lines"] == 1)
        #expect((stages[1]["counters"] as? [String: Int])?["timestamp_lines"] == 1)

        let run = try #require(events.last)
        #expect(run["event"] as? String == "run")
        #expect(run["status"] as? String == "completed")
        #expect(run["files"] as? Int == 4)
        #expect(run["records_in"] as? Int == 8)
        #expect(run["records_out"] as? Int == 7)
        #expect(run["rejected"] as? Int == 1)
        #expect(run["skipped_files"] as? Int == 1)
        #expect(run["resumed"] as? Bool == false)
        #expect(events.count == 4 + 5 + 1)
        #expect(r.err.contains("completed: 4 files; 1 other file skipped (.csv 1); 8 records in, 7 out, 1 rejected, 0 dropped"))
    }

    /// The German record: the text survives intact, and the last sentence is right.
    /// Text files of blank lines are no records in any layout, as empty ones: a `"\n"` file
    /// once became a record with text "", and each blank file after it a duplicate of it.
    @Test(arguments: ["file", "blank_line", "line"])
    func blankTextFilesAreNoRecords(_ layout: String) throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("in"), out = tmp.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data("\n".utf8).write(to: input.appendingPathComponent("a.txt"))
        try Data("   \n\t\r\n\n".utf8).write(to: input.appendingPathComponent("b.txt"))
        try Data("Rain is expected on Tuesday.\n".utf8).write(to: input.appendingPathComponent("c.txt"))
        let pipeline = tmp.appendingPathComponent("p.yaml")
        try Data("decode: {text_layout: \(layout)}\nstages: [dedup, clean]\n".utf8).write(to: pipeline)
        let r = try SluiceBinary.run(["run", input.path, "-o", out.path, "-p", pipeline.path, "--progress", "none"])
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(try E2E.lines(out.appendingPathComponent("a.jsonl.zst")).isEmpty)
        #expect(try E2E.lines(out.appendingPathComponent("b.jsonl.zst")).isEmpty)
        #expect(try E2E.lines(out.appendingPathComponent("c.jsonl.zst")).count == 1)
        let run = try #require(try E2E.events(out.appendingPathComponent("stats.jsonl")).last)
        #expect(run["records_in"] as? Int == 1)
        #expect(run["records_out"] as? Int == 1)
    }

    /// A symbolic link back up the tree (`d/up -> ..`) is a loop: each directory is read once,
    /// and the run says which it did not read again (it once followed the loop 40 levels deep,
    /// or forever with a second link).
    @Test func symlinkLoopsAreReadOnce() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("in"), out = tmp.appendingPathComponent("out")
        let real = input.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try Data(#"{"id":"a","text":"Rain is expected on Tuesday."}"#.utf8 + [0x0A]).write(to: real.appendingPathComponent("a.jsonl"))
        try FileManager.default.createSymbolicLink(atPath: real.appendingPathComponent("up").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("zlink").path, withDestinationPath: "real")
        let r = try SluiceBinary.run(["run", input.path, "-o", out.path, "--progress", "none"])
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.err.contains("sluice: real/up/: the directory already read as \(input.path)/, reached again through a symbolic link; not read again"),
                "stderr: \(r.err)")
        #expect(r.err.contains("sluice: zlink/: the directory already read as real/, reached again through a symbolic link; not read again"),
                "stderr: \(r.err)")
        #expect(E2E.files(out) == ["real/a.jsonl.zst", "stats.jsonl"])
    }

    /// Two inputs that would write one output are refused (exit 2); the same file given twice
    /// is named as such (it was called a clash of two inputs).
    @Test func inputsWritingOneOutputAreRefused() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let a = tmp.appendingPathComponent("a/x.jsonl"), b = tmp.appendingPathComponent("b/x.jsonl")
        try E2E.write(#"{"id":"a","text":"Rain is expected on Tuesday."}"# + "\n", to: a)
        try E2E.write(#"{"id":"b","text":"Snow is expected on Friday."}"# + "\n", to: b)
        let out = tmp.appendingPathComponent("out").path
        let clash = try SluiceBinary.run(["run", a.path, b.path, "-o", out, "--progress", "none"])
        #expect(clash.status == 2)
        #expect(clash.err.contains("inputs \(a.path) and \(b.path) would both write x.jsonl.zst; rename one or run them separately"),
                "stderr: \(clash.err)")
        let twice = tmp.appendingPathComponent("a/../a/x.jsonl").path
        let again = try SluiceBinary.run(["run", a.path, twice, "-o", out, "--progress", "none"])
        #expect(again.status == 2)
        #expect(again.err.contains("inputs \(a.path) and \(twice) are the same file, given twice; give it once"), "stderr: \(again.err)")
    }

    /// Two names that are one text in two Unicode forms (two files on Linux) are refused as
    /// such; they were called the same file given twice, or a clash.
    @Test func namesInTwoUnicodeFormsAreNamedAsSuch() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let composed = input.path + "/caf\u{E9}.jsonl", decomposed = input.path + "/cafe\u{301}.jsonl"
        #expect(FileManager.default.createFile(atPath: composed, contents: Data(#"{"text":"One."}"#.utf8 + [0x0A])))
        #expect(FileManager.default.createFile(atPath: decomposed, contents: Data(#"{"text":"Two."}"#.utf8 + [0x0A])))
        // Two files only where the file system keeps both forms apart (Linux, not macOS).
        guard try FileManager.default.contentsOfDirectory(atPath: input.path).count == 2 else { return }
        let r = try SluiceBinary.run(["run", input.path, "-o", tmp.appendingPathComponent("out").path, "--progress", "none"])
        #expect(r.status == 2)
        #expect(r.err.contains("have names that are the same text in two Unicode forms (composed and decomposed)"), "stderr: \(r.err)")
    }

    /// A `.txt` file in UTF-16 without a byte-order mark is read as UTF-16 (Russian came out as
    /// ASCII controls read as UTF-8, Czech as windows-1252), in the paragraph layouts too.
    @Test func utf16TextWithoutByteOrderMark() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let ru = "Правительство объявило новые меры в понедельник.\n\nВторой абзац о погоде."
        try Data(ru.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: input.appendingPathComponent("ru.txt"))
        let cs = "Vláda v pondělí oznámila nová opatření."
        try Data(cs.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }).write(to: input.appendingPathComponent("cs.txt"))
        let (r, out) = try E2E.runPipeline("decode:\n  text_layout: blank_line\nstages:\n  - clean\n  - language\n", on: input, in: tmp, name: "p")
        #expect(r.status == 0, "stderr: \(r.err)")
        let russian = try E2E.lines(out.appendingPathComponent("ru.jsonl.zst")).map(E2E.json)
        #expect(russian.map { $0["text"] as? String } == ["Правительство объявило новые меры в понедельник.", "Второй абзац о погоде."])
        #expect(russian.map { ($0["origin"] as? [String: Any])?["encoding"] as? String } == ["utf-16le", "utf-16le"])
        #expect(russian.map { $0["lang"] as? String } == ["ru", "ru"])
        let czech = try E2E.lines(out.appendingPathComponent("cs.jsonl.zst")).map(E2E.json)
        #expect(czech.map { $0["text"] as? String } == [cs])
        #expect(czech.map { ($0["origin"] as? [String: Any])?["encoding"] as? String } == ["utf-16be"])
    }

    /// Lines ending in a lone CR (classic Mac OS) are lines in the `line` and `blank_line`
    /// layouts (such a file was one record).
    @Test func loneCarriageReturnsEndLines() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("cr.txt")
        try E2E.write("Rain is expected on Tuesday.\rIt will be cold.\r\rSnow is expected on Friday.\r", to: input)
        var texts: [[String?]] = []
        for layout in ["line", "blank_line"] {
            let (r, out) = try E2E.runPipeline("decode:\n  text_layout: \(layout)\nstages:\n  - clean\n", on: input, in: tmp, name: layout)
            #expect(r.status == 0, "stderr: \(r.err)")
            texts.append(try E2E.lines(out.appendingPathComponent("cr.jsonl.zst")).map { try E2E.json($0)["text"] as? String })
        }
        #expect(texts == [["Rain is expected on Tuesday.", "It will be cold.", "Snow is expected on Friday."],
                          ["Rain is expected on Tuesday.\nIt will be cold.", "Snow is expected on Friday."]])
    }

    /// A `.json` file holding one array of records, pretty-printed, is read element by element
    /// (it gave one `invalid_json` per physical line); its line numbers count the elements.
    @Test func jsonArrayFileIsReadByElement() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("articles.json")
        try E2E.write("""
            [
              {
                "id": "a",
                "text": "Rain is expected on Tuesday, [they said]."
              },
              {"id": "b", "text": "Snow is expected on Friday."},
              42
            ]

            """, to: input)
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", input.path, "-o", out.path, "--progress", "none"])
        #expect(r.status == 0, "stderr: \(r.err)")
        let records = try E2E.lines(out.appendingPathComponent("articles.jsonl.zst")).map(E2E.json)
        #expect(records.map { $0["id"] as? String } == ["a", "b"])
        #expect(records.map { $0["text"] as? String } == ["Rain is expected on Tuesday, [they said].", "Snow is expected on Friday."])
        #expect(records.map { ($0["origin"] as? [String: Any])?["line"] as? Int } == [1, 2])
        let rejected = try E2E.lines(out.appendingPathComponent("_rejected/articles.jsonl.zst")).map(E2E.json)
        #expect(rejected.map { $0["reason"] as? String } == ["invalid_json"])
        #expect(rejected.map { ($0["origin"] as? [String: Any])?["line"] as? Int } == [3])

        // Cut between two elements: what came before is kept, and the file fails as cut short
        // (it was reported done).
        let cut = tmp.appendingPathComponent("cut.json")
        try E2E.write(#"[{"id": "c", "text": "Rain is expected on Monday."}, "#, to: cut)
        let cutOut = tmp.appendingPathComponent("cut-out")
        let c = try SluiceBinary.run(["run", cut.path, "-o", cutOut.path, "--progress", "none"])
        #expect(c.status == 1)
        #expect(c.err.contains("the JSON array ends without its closing `]`"), "stderr: \(c.err)")
        #expect(try E2E.lines(cutOut.appendingPathComponent("cut.jsonl.zst")).map { try E2E.json($0)["id"] as? String } == ["c"])
    }

    /// JSON Lines in UTF-16 (Windows PowerShell's `>`), with or without a byte-order mark, are
    /// read as such (each line was rejected, one as a bogus record of NULs).
    @Test func utf16JSONLines() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        // Each file's own words: dedup would drop the same documents from the later files.
        func jsonl(_ name: String) -> String {
            #"{"id":"a","text":"Правительство объявило новые меры (\#(name))."}"# + "\r\n" + #"{"id":"b","text":"Rain is expected on Tuesday (\#(name))."}"# + "\r\n"
        }
        func le(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        try Data([0xFF, 0xFE] + le(jsonl("bom"))).write(to: input.appendingPathComponent("bom.jsonl"))
        try Data(le(jsonl("plain"))).write(to: input.appendingPathComponent("plain.jsonl"))
        try Data(jsonl("be").utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }).write(to: input.appendingPathComponent("be.jsonl"))
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", input.path, "-o", out.path, "-p", E2E.root.appendingPathComponent("Pipelines/corpus-text.yaml").path, "--progress", "none"])
        #expect(r.status == 0, "stderr: \(r.err)")
        let events = try E2E.events(out.appendingPathComponent("stats.jsonl")).filter { $0["event"] as? String == "file" }
        #expect(Set(events.map { ($0["encodings"] as? [String: Int]) ?? [:] }) == [["utf-16le": 2], ["utf-16be": 2]])
        for name in ["bom", "plain", "be"] {
            let text = String(decoding: try E2E.decompress(out.appendingPathComponent("\(name).txt.zst").path), as: UTF8.self)
            #expect(text == "Правительство объявило новые меры (\(name)).\n\nRain is expected on Tuesday (\(name)).\n\n", "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("_rejected").path))
    }

    /// Another run's output directory inside an input directory is not read back as input
    /// (its records, rejects and stats were); given as an INPUT itself, it is read.
    @Test func anotherRunsOutputInsideTheInputIsNotRead() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("in")
        try E2E.write(#"{"id":"a","text":"Rain is expected on Tuesday."}"# + "\n", to: input.appendingPathComponent("a.jsonl"))
        let first = input.appendingPathComponent("out1"), second = input.appendingPathComponent("out2")
        let r1 = try SluiceBinary.run(["run", input.path, "-o", first.path, "--progress", "none"])
        #expect(r1.status == 0, "stderr: \(r1.err)")
        let r2 = try SluiceBinary.run(["run", input.path, "-o", second.path, "--progress", "none"])
        #expect(r2.status == 0, "stderr: \(r2.err)")
        #expect(r2.err.contains("sluice: out1/: the output directory of another sluice run (it holds .sluice/); not read as input (give it as an INPUT of its own to read it)"),
                "stderr: \(r2.err)")
        #expect(E2E.files(second) == ["a.jsonl.zst", "stats.jsonl"])
        let run = try #require(try E2E.events(second.appendingPathComponent("stats.jsonl")).last)
        #expect(run["records_in"] as? Int == 1)
        let third = tmp.appendingPathComponent("out3")
        let r3 = try SluiceBinary.run(["run", first.path, "-o", third.path, "--progress", "none"])
        #expect(E2E.files(third).contains("a.jsonl.zst"), "stderr: \(r3.err)")
    }

    @Test func germanRecord() throws {
        let (out, r) = try Self.runFixtures()
        defer { E2E.remove(out.deletingLastPathComponent()) }
        #expect(r.status == 0)
        let b1 = try E2E.json(try #require(try E2E.lines(out.appendingPathComponent("sub/b.jsonl.zst")).first))
        #expect(b1["text"] as? String == "Die neue Bibliothek öffnet am 3. August. Sie hat ca. 20.000 Bücher.")
        let sentences = try #require(b1["sentences"] as? [String])
        #expect(sentences.last == "Sie hat ca. 20.000 Bücher.")
        // The language stage runs before split, so the German rules keep "3. August" whole.
        #expect(sentences == ["Die neue Bibliothek öffnet am 3. August.", "Sie hat ca. 20.000 Bücher."])
        #expect(b1["lang"] as? String == "de")
        #expect(b1["lang_score"] as? Double == 1.0)
    }

    @Test func languageIsTagged() throws {
        let (out, _) = try Self.runFixtures()
        defer { E2E.remove(out.deletingLastPathComponent()) }
        let a1 = try E2E.json(try #require(try E2E.lines(out.appendingPathComponent("a.jsonl.zst")).first))
        #expect(a1["lang"] as? String == "en")
        #expect(a1["lang_score"] as? Double == 1.0)
    }

    /// Output bytes (decompressed) do not depend on --jobs or on batch boundaries.
    @Test func deterministicAcrossJobsAndBatches() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let pipeline = tmp.appendingPathComponent("tiny-batches.yaml")
        try E2E.write("""
            name: news
            decode:
              batch_records: 1
            stages:
              - clean
              - language
              - split
              - tag
            """, to: pipeline)
        var results: [[String: Data]] = []
        for (i, extra) in [["--jobs", "1"], ["--jobs", "4"], ["--jobs", "4", "-p", pipeline.path]].enumerated() {
            let out = tmp.appendingPathComponent("out\(i)")
            let r = try SluiceBinary.run(["run", E2E.input.path, "-o", out.path, "--progress", "none"] + extra)
            #expect(r.status == 0, "stderr: \(r.err)")
            #expect(E2E.files(out) == Self.outputs)
            var decoded: [String: Data] = [:]
            for f in Self.outputs where f.hasSuffix(".zst") {
                decoded[f] = try E2E.decompress(out.appendingPathComponent(f).path)
            }
            results.append(decoded)
        }
        #expect(results[0] == results[1])
        #expect(results[0] == results[2])
        #expect(results[0]["a.jsonl.zst"].map { String(decoding: $0, as: UTF8.self) }?.contains(Self.a2) == true)
    }

    /// batch_records: 1 writes one zstd frame per record; the output is still one valid stream.
    @Test func manyFramesDecode() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let pipeline = tmp.appendingPathComponent("p.yaml")
        try E2E.write("decode:\n  batch_records: 1\nstages:\n  - clean\n  - split\n  - tag\n", to: pipeline)
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", E2E.zstd.appendingPathComponent("payload.jsonl").path, "-o", out.path, "-p", pipeline.path, "--progress", "none", "--jobs", "3"])
        #expect(r.status == 0)
        let lines = try E2E.lines(out.appendingPathComponent("payload.jsonl.zst"))
        #expect(lines.map { try? E2E.json($0)["id"] as? String } == (1...10).map { "p\($0)" })
    }

    /// `--output -`: the same records on stdout, files in input order; rejects go to stderr.
    @Test func outputToStdout() throws {
        let (out, _) = try Self.runFixtures()
        defer { E2E.remove(out.deletingLastPathComponent()) }
        let r = try SluiceBinary.run(["run", E2E.input.path, "-o", "-", "--progress", "none", "--jobs", "4"])
        #expect(r.status == 0, "stderr: \(r.err)")
        var fromFiles: [String] = []
        for f in ["a.jsonl.zst", "bad.jsonl.zst", "sub/b.jsonl.zst", "sub/c.jsonl.zst"] {
            fromFiles += try E2E.lines(out.appendingPathComponent(f))
        }
        #expect(r.lines == fromFiles)
        #expect(r.lines.map { try? E2E.json($0)["id"] as? String } == ["a1", "a2", "a3", "bad1", "b1", "b2", "sub/c.txt:1"])
        #expect(r.err.contains(Self.rejected))
    }

    /// Text layouts: blank-line separated articles and one article per line.
    @Test func textLayouts() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let text = "First article. It has two sentences.\n\nSecond article has one.\nIts second line.\n\n\n  \nThird article.\n"
        try E2E.write(text, to: tmp.appendingPathComponent("in/arts.txt"))
        func run(_ layout: String, batch: Int) throws -> [[String: Any]] {
            let p = tmp.appendingPathComponent("\(layout)-\(batch).yaml")
            try E2E.write("decode:\n  text_layout: \(layout)\n  batch_records: \(batch)\nstages:\n  - clean\n  - split\n", to: p)
            let r = try SluiceBinary.run(["run", tmp.appendingPathComponent("in").path, "-o", "-", "-p", p.path, "--progress", "none"])
            #expect(r.status == 0, "stderr: \(r.err)")
            return try r.lines.map(E2E.json)
        }
        for batch in [1, 256] {
            let blank = try run("blank_line", batch: batch)
            #expect(blank.map { $0["id"] as? String } == ["arts.txt:1", "arts.txt:3", "arts.txt:8"])
            #expect(blank.map { ($0["origin"] as? [String: Any])?["line"] as? Int } == [1, 3, 8])
            #expect(blank.map { $0["text"] as? String } == [
                "First article. It has two sentences.", "Second article has one.\nIts second line.", "Third article.",
            ])
            #expect(blank.map { $0["sentences"] as? [String] } == [
                ["First article.", "It has two sentences."], ["Second article has one.", "Its second line."], ["Third article."],
            ])
            let line = try run("line", batch: batch)
            #expect(line.map { ($0["origin"] as? [String: Any])?["line"] as? Int } == [1, 3, 4, 8])
            #expect(line.map { $0["text"] as? String } == [
                "First article. It has two sentences.", "Second article has one.", "Its second line.", "Third article.",
            ])
        }
        // Default layout: the whole file is one article.
        let r = try SluiceBinary.run(["run", tmp.appendingPathComponent("in/arts.txt").path, "-o", "-", "--progress", "none"])
        #expect(r.lines.count == 1)
        #expect(try E2E.json(r.lines[0])["id"] as? String == "arts.txt:1")
    }
}
