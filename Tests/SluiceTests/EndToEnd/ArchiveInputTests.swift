import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `sluice run` on archives and compressed files made by the real command-line tools (`tar`,
/// `zip`, `gzip`, `bzip2`, `xz`, `zstd`) at test time (issue 13, points 1, 3 and 5).
@Suite struct EndToEndArchiveTests {
    /// Runs `command…` in `cwd`; fails the test when it cannot run or exits non-zero.
    static func tool(_ command: [String], cwd: URL) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = command
        p.currentDirectoryURL = cwd
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        if p.terminationStatus != 0 { throw E2E.Failure("\(command.joined(separator: " ")) exited \(p.terminationStatus)") }
    }

    /// Member names of the source tree, in the order `tar --sort=name` stores them.
    static let members = ["a.txt", "b.txt", "e.txt.gz", "empty.txt", "img.png", "notes.csv", "sub/c.jsonl", "sub/d.jsonl.zst"]

    /// The tree archived by every test: text, JSONL, compressed members and members Sluice
    /// does not read.
    static func writeTree(_ src: URL) throws {
        try E2E.write("The bridge on the river road opens on Friday. Drivers should expect delays.\n", to: src.appendingPathComponent("a.txt"))
        try E2E.write("The school library will close for repairs in August.\n\nIt reopens on September 2.\n", to: src.appendingPathComponent("b.txt"))
        try E2E.write("The farmers market moves to Saturday morning.\n", to: src.appendingPathComponent("e.txt"))
        try tool(["gzip", "-n", "e.txt"], cwd: src)
        try E2E.write("", to: src.appendingPathComponent("empty.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: src.appendingPathComponent("img.png"))
        try E2E.write("a,b\n1,2\n", to: src.appendingPathComponent("notes.csv"))
        try E2E.write(#"{"id":"c1","text":"The council meets on Monday."}"# + "\n" + #"{"id":"c2","text":"Rain is expected after the storm."}"# + "\n",
                      to: src.appendingPathComponent("sub/c.jsonl"))
        try E2E.write(#"{"id":"d1","text":"The mayor said the park budget grows."}"# + "\n" + #"{"id":"d2","text":"A concert with music opens the market."}"# + "\n",
                      to: src.appendingPathComponent("sub/d.jsonl"))
        try tool(["zstd", "-q", "--rm", "sub/d.jsonl"], cwd: src)
    }

    struct Run {
        var result: SluiceBinary.Result
        var records: [[String: Any]]
        var lines: [String]
        var file: [String: Any]
    }

    /// Runs sluice on `input` (a file in `dir`), with the pipeline that only decodes.
    static func run(_ dir: URL, _ input: String, extra: [String] = []) throws -> Run {
        let out = dir.appendingPathComponent("out-\(input)")
        let r = try SluiceBinary.run(["run", dir.appendingPathComponent(input).path, "-o", out.path, "--progress", "none",
                                      "--pipeline", decodeOnly(dir).path] + extra)
        let events = try E2E.events(out.appendingPathComponent("stats.jsonl"))
        let file = events.first { $0["event"] as? String == "file" } ?? [:]
        let stem = InputStem.of(input)
        let path = out.appendingPathComponent(stem + ".jsonl.zst")
        let lines = FileManager.default.fileExists(atPath: path.path) ? try E2E.lines(path) : []
        return Run(result: r, records: try lines.map(E2E.json), lines: lines, file: file)
    }

    /// A pipeline without stages: the records as decoded.
    static func decodeOnly(_ dir: URL) throws -> URL {
        let url = dir.appendingPathComponent("decode.yaml")
        if !FileManager.default.fileExists(atPath: url.path) { try E2E.write("name: decode\nstages: []\n", to: url) }
        return url
    }

    enum InputStem {
        static func of(_ name: String) -> String {
            for ext in [".tar.zst", ".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".tzst", ".txz", ".tar", ".zip",
                        ".jsonl.gz", ".jsonl.bz2", ".jsonl.xz", ".jsonl.zst", ".jsonl"] where name.hasSuffix(ext) {
                return String(name.dropLast(ext.count))
            }
            return name
        }
    }

    /// (member, line, id, text) of the records the tree yields, in member order.
    static func expected(archive: String) -> [(String, Int, String, String)] {
        [("a.txt", 1, "\(archive)/a.txt:1", "The bridge on the river road opens on Friday. Drivers should expect delays.\n"),
         ("b.txt", 1, "\(archive)/b.txt:1", "The school library will close for repairs in August.\n\nIt reopens on September 2.\n"),
         ("e.txt.gz", 1, "\(archive)/e.txt.gz:1", "The farmers market moves to Saturday morning.\n"),
         ("sub/c.jsonl", 1, "c1", "The council meets on Monday."),
         ("sub/c.jsonl", 2, "c2", "Rain is expected after the storm."),
         ("sub/d.jsonl.zst", 1, "d1", "The mayor said the park budget grows."),
         ("sub/d.jsonl.zst", 2, "d2", "A concert with music opens the market.")]
    }

    static func check(_ run: Run, archive: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.result.status == 0, "stderr: \(run.result.err)", sourceLocation: sourceLocation)
        let want = expected(archive: archive)
        #expect(run.records.count == want.count, sourceLocation: sourceLocation)
        for (r, w) in zip(run.records, want) {
            let origin = r["origin"] as? [String: Any] ?? [:]
            #expect(origin["file"] as? String == archive, sourceLocation: sourceLocation)
            #expect(origin["member"] as? String == w.0, sourceLocation: sourceLocation)
            #expect(origin["line"] as? Int == w.1, sourceLocation: sourceLocation)
            #expect(r["id"] as? String == w.2, sourceLocation: sourceLocation)
            #expect(r["text"] as? String == w.3, sourceLocation: sourceLocation)
            // Text members say what they were read as; JSONL is UTF-8 by definition.
            #expect(origin["encoding"] as? String == (w.0.contains(".jsonl") ? nil : "utf-8"), sourceLocation: sourceLocation)
        }
        #expect(run.file["records_in"] as? Int == 7, sourceLocation: sourceLocation)
        #expect(run.file["skipped"] as? [String: Int] == [".png": 1, ".csv": 1, "(empty)": 1], sourceLocation: sourceLocation)
        #expect(run.file["encodings"] as? [String: Int] == ["utf-8": 3], sourceLocation: sourceLocation)
        #expect(run.file["status"] as? String == "done", sourceLocation: sourceLocation)
        #expect(run.result.err.contains("3 archive members or WARC records skipped ((empty) 1, .csv 1, .png 1)"),
                "stderr: \(run.result.err)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ("t.tar", ["--format=gnu"], [String]()), ("pax.tar", ["--format=pax"], []), ("ustar.tar", ["--format=ustar"], []),
        ("t.tar.gz", ["-z"], []), ("t.tgz", ["-z"], []), ("t.tar.bz2", ["-j"], []), ("t.tar.xz", ["-J"], []),
        ("t.tar.zst", ["--zstd"], []), ("t.tzst", ["--zstd"], []),
    ])
    func tarArchives(_ name: String, _ flags: [String], _ unused: [String]) throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let src = tmp.appendingPathComponent("src")
        try Self.writeTree(src)
        try Self.tool(["tar", "--sort=name", "-C", src.path] + flags + ["-cf", tmp.appendingPathComponent(name).path, "."], cwd: tmp)
        Self.check(try Self.run(tmp, name), archive: name)
    }

    @Test func zipArchive() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let src = tmp.appendingPathComponent("src")
        try Self.writeTree(src)
        try Self.tool(["zip", "-q", "-X", tmp.appendingPathComponent("t.zip").path] + Self.members, cwd: src)
        Self.check(try Self.run(tmp, "t.zip"), archive: "t.zip")
    }

    /// A zip holding a directory entry and macOS metadata: neither is a document or counted.
    @Test func zipDirectoriesAndMacMetadata() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let src = tmp.appendingPathComponent("src")
        try E2E.write("One article here.\n", to: src.appendingPathComponent("docs/one.txt"))
        try E2E.write("junk", to: src.appendingPathComponent("__MACOSX/docs/._one.txt"))
        try Self.tool(["zip", "-q", "-r", tmp.appendingPathComponent("m.zip").path, "docs", "__MACOSX"], cwd: src)
        let run = try Self.run(tmp, "m.zip")
        #expect(run.result.status == 0)
        #expect(run.records.map { $0["id"] as? String } == ["m.zip/docs/one.txt:1"])
        #expect(run.file["skipped"] as? [String: Int] == ["(macos metadata)": 1])
    }

    /// Non-ASCII member names (zip's UTF-8 flag, pax): libarchive cannot convert them in the
    /// C locale and gave no name at all, so the members were skipped as "(none)".
    @Test(arguments: ["utf8-names.zip", "utf8-names.tar"])
    func utf8MemberNames(_ name: String) throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        try FileManager.default.copyItem(at: E2E.fixtures.appendingPathComponent("archive/\(name)"), to: tmp.appendingPathComponent(name))
        let run = try Self.run(tmp, name)
        #expect(run.result.status == 0, "stderr: \(run.result.err)")
        #expect(run.records.map { $0["id"] as? String } == ["\(name)/café.txt:1", "\(name)/日本/記事.txt:1"])
        #expect(run.records.map { $0["text"] as? String } == ["Un article sur le café.\n", "日本語の記事です。\n"])
        #expect(run.file["skipped"] == nil)
    }

    /// Text members in blank-line layout: each article is a record, numbered by its first line.
    @Test func textLayoutAppliesToMembers() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let src = tmp.appendingPathComponent("src")
        try Self.writeTree(src)
        try E2E.write("name: decode\ndecode: {text_layout: blank_line}\nstages: []\n", to: tmp.appendingPathComponent("blank.yaml"))
        try Self.tool(["tar", "--sort=name", "-C", src.path, "-cf", tmp.appendingPathComponent("t.tar").path, "b.txt", "a.txt"], cwd: tmp)
        let out = tmp.appendingPathComponent("out")
        let r = try SluiceBinary.run(["run", tmp.appendingPathComponent("t.tar").path, "-o", out.path, "--progress", "none",
                                      "--pipeline", tmp.appendingPathComponent("blank.yaml").path])
        #expect(r.status == 0, "stderr: \(r.err)")
        let records = try E2E.lines(out.appendingPathComponent("t.jsonl.zst")).map(E2E.json)
        // Member order is archive order (b.txt was added first), not name order.
        #expect(records.map { $0["id"] as? String } == ["t.tar/b.txt:1", "t.tar/b.txt:3", "t.tar/a.txt:1"])
    }

    /// One JSONL file compressed by each tool gives the records of the plain file.
    @Test(arguments: [(["gzip", "-k", "-n"], ".gz"), (["bzip2", "-k"], ".bz2"), (["xz", "-k"], ".xz"), (["zstd", "-q", "-k"], ".zst")])
    func singleFileCompression(_ command: [String], _ suffix: String) throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        var text = ""
        for i in 1...500 { text += #"{"id":"r\#(i)","text":"Record \#(i) of the compressed file."}"# + "\n" }
        try E2E.write(text, to: tmp.appendingPathComponent("r.jsonl"))
        try Self.tool(command + ["r.jsonl"], cwd: tmp)
        let plain = try Self.run(tmp, "r.jsonl")
        let packed = try Self.run(tmp, "r.jsonl" + suffix)
        #expect(packed.result.status == 0, "stderr: \(packed.result.err)")
        #expect(packed.lines.count == 500)
        #expect(packed.lines == plain.lines.map { $0.replacingOccurrences(of: #""file":"r.jsonl""#, with: #""file":"r.jsonl\#(suffix)""#) })
        #expect(packed.file["bytes_decompressed"] as? Int == text.utf8.count)
    }

    /// `cat a.gz b.gz`: every member is read.
    @Test func multiMemberGzip() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        try E2E.write(#"{"id":"a","text":"First member."}"# + "\n", to: tmp.appendingPathComponent("a.jsonl"))
        try E2E.write(#"{"id":"b","text":"Second member."}"# + "\n", to: tmp.appendingPathComponent("b.jsonl"))
        try Self.tool(["gzip", "-n", "a.jsonl", "b.jsonl"], cwd: tmp)
        try Self.tool(["sh", "-c", "cat a.jsonl.gz b.jsonl.gz > m.jsonl.gz"], cwd: tmp)
        let run = try Self.run(tmp, "m.jsonl.gz")
        #expect(run.result.status == 0)
        #expect(run.records.map { $0["id"] as? String } == ["a", "b"])
    }

    /// Damaged streams fail their file with the byte offset; records before the damage stay.
    @Test func truncatedAndCorruptGzip() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        var text = ""
        for i in 1...3000 { text += #"{"id":"r\#(i)","text":"Record \#(i) with words that do not repeat \#(i * 7919 % 10007)."}"# + "\n" }
        try E2E.write(text, to: tmp.appendingPathComponent("r.jsonl"))
        try Self.tool(["gzip", "-n", "r.jsonl"], cwd: tmp)
        let gz = try Data(contentsOf: tmp.appendingPathComponent("r.jsonl.gz"))
        try gz.prefix(gz.count / 2).write(to: tmp.appendingPathComponent("cut.jsonl.gz"))
        var corrupt = gz
        corrupt[gz.count - 6] ^= 0xFF   // the CRC-32 in the trailer
        try corrupt.write(to: tmp.appendingPathComponent("crc.jsonl.gz"))

        let cut = try Self.run(tmp, "cut.jsonl.gz")
        #expect(cut.result.status == 1)
        #expect(cut.result.err.contains("cut.jsonl.gz: gzip stream ends inside a member (truncated file) at byte \(gz.count / 2) of the compressed input; records before it were kept"
                                        + "; the file is cut short: copy or download it again and rerun the same command (a replaced input is read again from its start)"),
                "stderr: \(cut.result.err)")
        #expect(cut.lines.count > 1000 && cut.lines.count < 3000)
        #expect(cut.records.first?["id"] as? String == "r1")

        let crc = try Self.run(tmp, "crc.jsonl.gz")
        #expect(crc.result.status == 1)
        #expect(crc.result.err.contains("crc.jsonl.gz: gzip: incorrect data check at byte"), "stderr: \(crc.result.err)")
        // The content arrived whole before the trailer showed the damage.
        #expect(crc.lines.count == 3000)
    }

    /// A name that promises a compression the bytes do not have fails that file alone.
    @Test func compressionSuffixMustMatchTheBytes() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        try E2E.write(#"{"id":"x","text":"Not compressed at all."}"# + "\n", to: tmp.appendingPathComponent("x.jsonl.bz2"))
        let run = try Self.run(tmp, "x.jsonl.bz2")
        #expect(run.result.status == 1)
        #expect(run.result.err.contains("x.jsonl.bz2: named .bz2 but not bzip2 data (no bzip2 magic bytes); recompress it or drop the .bz2 suffix"),
                "stderr: \(run.result.err)")
    }

    /// A damaged member's compression rejects that member; the archive's other members are read.
    @Test func damagedMemberIsRejectedAndTheRestRead() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let src = tmp.appendingPathComponent("src")
        try E2E.write("First article.\n", to: src.appendingPathComponent("a.txt"))
        try E2E.write("not gzip at all", to: src.appendingPathComponent("b.txt.gz"))
        try E2E.write("Third article.\n", to: src.appendingPathComponent("c.txt"))
        try Self.tool(["tar", "--sort=name", "-C", src.path, "-cf", tmp.appendingPathComponent("t.tar").path, "."], cwd: tmp)
        let run = try Self.run(tmp, "t.tar")
        #expect(run.result.status == 0, "stderr: \(run.result.err)")
        #expect(run.records.map { $0["id"] as? String } == ["t.tar/a.txt:1", "t.tar/c.txt:1"])
        #expect(run.file["rejected"] as? [String: Int] == ["unreadable_member": 1])
        let rejected = try E2E.lines(tmp.appendingPathComponent("out-t.tar/_rejected/t.jsonl.zst")).map(E2E.json)
        #expect(rejected.count == 1)
        #expect((rejected.first?["origin"] as? [String: Any])?["member"] as? String == "b.txt.gz")
        #expect((rejected.first?["detail"] as? String)?.hasPrefix("member b.txt.gz: named .gz but not gzip data") == true)
    }

    /// A `.bz2` and a `.xz` cut short keep every record before the cut that the decoders hand
    /// out (through libarchive a `.bz2` cut at 300 kB kept none of the 15 records `bzip2 -dc`
    /// recovered): here every whole block or decoded stretch before the cut.
    @Test(arguments: [(["bzip2", "-1"], "bz2"), (["xz", "-0"], "xz")])
    func truncatedBzip2AndXzKeepTheRecordsBefore(_ compress: [String], _ suffix: String) throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        var rng = SplitMix64(seed: 5)
        var text = ""
        for i in 1...6000 { text += #"{"id":"r\#(i)","text":"Record \#(i) says \#(rng.next() % 1_000_000_007) and \#(rng.next() % 1_000_003)."}"# + "\n" }
        try E2E.write(text, to: tmp.appendingPathComponent("r.jsonl"))
        try Self.tool(compress + ["r.jsonl"], cwd: tmp)
        let full = try Data(contentsOf: tmp.appendingPathComponent("r.jsonl.\(suffix)"))
        let cut = full.count * 2 / 3
        try full.prefix(cut).write(to: tmp.appendingPathComponent("cut.jsonl.\(suffix)"))
        let run = try Self.run(tmp, "cut.jsonl.\(suffix)")
        #expect(run.result.status == 1)
        #expect(run.result.err.contains("(truncated file) at byte \(cut) of the compressed input; records before it were kept; the file is cut short"),
                "stderr: \(run.result.err)")
        // Whole records from the start, in order: ~2/3 of them (bzip2's 100 kB blocks: fewer).
        #expect(run.records.count > 3000 && run.records.count < 6000, "\(run.records.count) records")
        #expect(run.records.map { $0["id"] as? String } == (1...run.records.count).map { "r\($0)" })
    }

    /// A file that failed and is then deleted no longer fails every later run (it did, forever,
    /// with "1 failed" among "already done"); the run says what became of its records.
    @Test func deletedFailedInputNoLongerFailsTheRun() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("in"), out = tmp.appendingPathComponent("out")
        var text = ""
        for i in 1...3000 { text += #"{"id":"r\#(i)","text":"Record \#(i) with words that do not repeat \#(i * 7919 % 10007)."}"# + "\n" }
        try E2E.write(text, to: input.appendingPathComponent("cut.jsonl"))
        try E2E.write(#"{"id":"a","text":"Rain is expected on Tuesday."}"# + "\n", to: input.appendingPathComponent("a.jsonl"))
        try Self.tool(["gzip", "-n", "cut.jsonl"], cwd: input)
        let gz = try Data(contentsOf: input.appendingPathComponent("cut.jsonl.gz"))
        try gz.prefix(gz.count / 2).write(to: input.appendingPathComponent("cut.jsonl.gz"))
        let args = ["run", input.path, "-o", out.path, "--progress", "none"]
        #expect(try SluiceBinary.run(args).status == 1)
        try FileManager.default.removeItem(at: input.appendingPathComponent("cut.jsonl.gz"))
        let again = try SluiceBinary.run(args)
        #expect(again.status == 0, "stderr: \(again.err)")
        #expect(again.err.contains("sluice: cut.jsonl.gz: failed in an earlier run and no longer exists; the records read before its damage stay in cut.jsonl.zst"),
                "stderr: \(again.err)")
        #expect(again.err.contains("sluice: completed: 2 files (2 already done, 0 started); "), "stderr: \(again.err)")
    }

    /// A gzip member cut short inside a tar: its error counts the member's compressed bytes,
    /// and says so (it once said "of the archive", where the member starts 1.5 KB later).
    @Test func truncatedMemberNamesTheMembersOffset() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let src = tmp.appendingPathComponent("src")
        try E2E.write("First article.\n", to: src.appendingPathComponent("a.txt"))
        try E2E.write(String(repeating: "Second article, which gzip cannot squeeze to nothing. ", count: 20) + "\n",
                      to: src.appendingPathComponent("b.txt"))
        try Self.tool(["gzip", "-n", "b.txt"], cwd: src)
        let gz = try Data(contentsOf: src.appendingPathComponent("b.txt.gz"))
        try gz.prefix(30).write(to: src.appendingPathComponent("b.txt.gz"))
        try Self.tool(["tar", "--sort=name", "-C", src.path, "-cf", tmp.appendingPathComponent("t.tar").path, "."], cwd: tmp)
        let run = try Self.run(tmp, "t.tar")
        #expect(run.result.status == 0, "stderr: \(run.result.err)")
        #expect(run.records.map { $0["id"] as? String } == ["t.tar/a.txt:1"])
        let rejected = try E2E.lines(tmp.appendingPathComponent("out-t.tar/_rejected/t.jsonl.zst")).map(E2E.json)
        #expect(rejected.first?["detail"] as? String
                == "member b.txt.gz: gzip stream ends inside a member (truncated file) (at byte 30 of the member's gzip data); "
                + "the archive's other members were read; replace this member with a whole copy to read it")
    }

    /// A `.tar.zst` cut short: the members before the damage are read, and the file fails with
    /// the compressed offset (libarchive sees the end of input, Sluice reports the cause).
    @Test func truncatedCompressedTarKeepsTheMembersBefore() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let src = tmp.appendingPathComponent("src")
        var rng = SplitMix64(seed: 31)
        for i in 0..<60 {
            var words: [String] = []
            for _ in 0..<400 { words.append(Corpus.words[Int(rng.next() % UInt64(Corpus.words.count))]) }
            try E2E.write(words.joined(separator: " ") + ".\n", to: src.appendingPathComponent(String(format: "a%02d.txt", i)))
        }
        try Self.tool(["tar", "--sort=name", "--zstd", "-C", src.path, "-cf", tmp.appendingPathComponent("full.tar.zst").path, "."], cwd: tmp)
        let full = try Data(contentsOf: tmp.appendingPathComponent("full.tar.zst"))
        let cut = full.count * 3 / 4
        try full.prefix(cut).write(to: tmp.appendingPathComponent("cut.tar.zst"))
        let run = try Self.run(tmp, "cut.tar.zst")
        #expect(run.result.status == 1)
        #expect(run.result.err.contains("cut.tar.zst: zstd stream ends inside a frame (truncated file) at byte \(cut) of the compressed input; records before it were kept"),
                "stderr: \(run.result.err)")
        #expect(run.records.count > 10 && run.records.count < 60, "\(run.records.count) records")
        #expect(run.records.first?["id"] as? String == "cut.tar.zst/a00.txt:1")
    }

    /// An encrypted zip member cannot be read; it is rejected with the reason and the
    /// archive's other members are read.
    @Test func encryptedZipMemberIsRejected() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let src = tmp.appendingPathComponent("src")
        try E2E.write("Secret article text.\n", to: src.appendingPathComponent("s.txt"))
        try E2E.write("Open article text.\n", to: src.appendingPathComponent("o.txt"))
        try Self.tool(["zip", "-q", "-P", "pw", tmp.appendingPathComponent("e.zip").path, "s.txt"], cwd: src)
        try Self.tool(["zip", "-q", tmp.appendingPathComponent("e.zip").path, "o.txt"], cwd: src)
        let run = try Self.run(tmp, "e.zip")
        #expect(run.result.status == 0, "stderr: \(run.result.err)")
        #expect(run.records.map { $0["id"] as? String } == ["e.zip/o.txt:1"])
        #expect(run.file["rejected"] as? [String: Int] == ["unreadable_member": 1])
        let rejected = try E2E.lines(tmp.appendingPathComponent("out-e.zip/_rejected/e.jsonl.zst")).map(E2E.json)
        #expect((rejected.first?["detail"] as? String)?.contains("Passphrase required for this entry") == true)
    }

    /// Nothing Sluice reads: the run says so, lists the files with --verbose, and exits 1.
    @Test func nothingReadableExitsOne() throws {
        let tmp = try E2E.tempDir()
        defer { E2E.remove(tmp) }
        let input = tmp.appendingPathComponent("in")
        try E2E.write("a,b\n", to: input.appendingPathComponent("x.csv"))
        try E2E.write("%PDF", to: input.appendingPathComponent("y.pdf"))
        try E2E.write("%PDF", to: input.appendingPathComponent("sub/z.pdf"))
        let r = try SluiceBinary.run(["run", input.path, "-o", tmp.appendingPathComponent("out").path, "--progress", "none", "--verbose"])
        #expect(r.status == 1)
        #expect(r.err.contains("3 other files skipped (.pdf 2, .csv 1)"), "stderr: \(r.err)")
        #expect(r.err.contains("  skipped: sub/z.pdf\n"), "stderr: \(r.err)")
        #expect(r.err.contains("sluice: nothing was read: none of the 3 input files is of a kind Sluice reads."), "stderr: \(r.err)")
    }
}
