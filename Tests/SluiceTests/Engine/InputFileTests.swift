import Testing
@testable import Sluice

@Suite struct InputFileTests {
    private func file(_ relative: String) -> InputFile? {
        guard let (format, compression) = InputFile.classify(relative) else { return nil }
        return InputFile(path: "/x/" + relative, relative: relative, format: format, compression: compression, size: 0)
    }

    @Test(arguments: [
        ("a.jsonl.zst", "a", InputFile.Format.jsonl, Compression?.some(.zstd)),
        ("b.json", "b", .jsonl, nil),
        ("c.ndjson.zst", "c", .jsonl, .zstd),
        ("d.txt", "d", .text, nil),
        ("e.txt.zst", "e", .text, .zstd),
        ("f.jsonl", "f", .jsonl, nil),
        ("dir/sub/g.jsonl.zst", "dir/sub/g", .jsonl, .zstd),
        ("h.v2.json", "h.v2", .jsonl, nil),
        ("I.JSONL.ZST", "I", .jsonl, .zstd),
        ("J.Txt", "J", .text, nil),
        ("k.NDJSON.zst", "k", .jsonl, .zstd),
        ("l.jsonl.gz", "l", .jsonl, .gzip),
        ("m.txt.bz2", "m", .text, .bzip2),
        ("n.json.xz", "n", .jsonl, .xz),
        ("o.html", "o", .html, nil),
        ("p.HTM.gz", "p", .html, .gzip),
        ("q.warc.gz", "q", .warc, .gzip),
        ("r.warc", "r", .warc, nil),
        ("s.warc.zst", "s", .warc, .zstd),
        ("dumps/t.tar.zst", "dumps/t", .tar, .zstd),
        ("u.tzst", "u", .tar, .zstd),
        ("v.tar.gz", "v", .tar, .gzip),
        ("w.tgz", "w", .tar, .gzip),
        ("x.tar.bz2", "x", .tar, .bzip2),
        ("y.tar.xz", "y", .tar, .xz),
        ("z.tar", "z", .tar, nil),
        ("aa.zip", "aa", .zip, nil),
        ("ab.txz", "ab", .tar, .xz),
    ])
    func formatAndStem(_ name: String, _ stem: String, _ format: InputFile.Format, _ compression: Compression?) throws {
        let f = try #require(file(name))
        #expect(f.format == format)
        #expect(f.compression == compression)
        #expect(f.stem == stem)
    }

    @Test(arguments: ["e.csv", "x.zst", "notes", "a.jsonl.zst.bak", "txt", "a.zip.gz", "b.gz", "c.pdf"])
    func otherNamesAreSkipped(_ name: String) {
        #expect(InputFile.classify(name) == nil)
    }

    @Test(arguments: [
        ("e.csv", ".csv"), ("dir/photo.JPG", ".jpg"), ("notes", "(none)"), ("a.b.c.pdf", ".pdf"),
        ("x.csv.gz", ".csv.gz"), (".hidden", "(none)"), ("archive.zip.gz", ".zip.gz"),
    ])
    func skippedNamesAreCountedByExtension(_ name: String, _ ext: String) {
        #expect(InputFile.skippedExtension(name) == ext)
    }
}
