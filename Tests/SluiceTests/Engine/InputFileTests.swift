import Testing
@testable import Sluice

@Suite struct InputFileTests {
    private func file(_ relative: String) -> InputFile? {
        guard let (format, zst) = InputFile.format(ofName: relative) else { return nil }
        return InputFile(path: "/x/" + relative, relative: relative, format: format, compressedByName: zst, size: 0)
    }

    @Test(arguments: [
        ("a.jsonl.zst", "a", InputFile.Format.jsonl, true),
        ("b.json", "b", .jsonl, false),
        ("c.ndjson.zst", "c", .jsonl, true),
        ("d.txt", "d", .text, false),
        ("e.txt.zst", "e", .text, true),
        ("f.jsonl", "f", .jsonl, false),
        ("dir/sub/g.jsonl.zst", "dir/sub/g", .jsonl, true),
        ("h.v2.json", "h.v2", .jsonl, false),
        ("I.JSONL.ZST", "I", .jsonl, true),
        ("J.Txt", "J", .text, false),
        ("k.NDJSON.zst", "k", .jsonl, true),
    ])
    func formatAndStem(_ name: String, _ stem: String, _ format: InputFile.Format, _ zst: Bool) throws {
        let f = try #require(file(name))
        #expect(f.format == format)
        #expect(f.compressedByName == zst)
        #expect(f.stem == stem)
    }

    @Test(arguments: ["e.csv", "x.zst", "notes", "a.jsonl.gz", "a.jsonl.zst.bak", "txt"])
    func otherNamesAreSkipped(_ name: String) {
        #expect(InputFile.format(ofName: name) == nil)
    }
}
