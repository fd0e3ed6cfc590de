import Testing
@testable import Sluice

@Suite struct InputDiscoveryTests {
    private func tree() throws -> TempDir {
        let t = try TempDir()
        try t.write("b.jsonl", "{}\n")
        try t.write("a.jsonl.zst", "")
        try t.write("sub/d.txt", "text")
        try t.write("sub/c.ndjson.zst", "")
        try t.write("sub/deeper/z.json", "{}")
        try t.write("e.csv", "x,y")
        try t.write("C.JSONL", "{}")
        try t.write(".hidden.jsonl", "{}")
        try t.write(".git/objects.jsonl", "{}")
        try t.write("sub/.cache/x.txt", "")
        try t.write("out/old.jsonl.zst", "")
        try t.write("out/_rejected/r.jsonl.zst", "")
        try t.mkdir("empty")
        return t
    }

    @Test func sortedRecursiveWalk() throws {
        let t = try tree()
        defer { t.remove() }
        let d = InputDiscovery(inputs: [t.path], exclude: [t.path + "/out"])
        #expect(d.files.map(\.relative) == ["C.JSONL", "a.jsonl.zst", "b.jsonl", "sub/c.ndjson.zst", "sub/d.txt", "sub/deeper/z.json"])
        #expect(d.files.map(\.path) == d.files.map { t.path + "/" + $0.relative })
        #expect(d.files.map(\.format) == [.jsonl, .jsonl, .jsonl, .jsonl, .text, .jsonl])
        #expect(d.files.map(\.compression) == [nil, .zstd, nil, .zstd, nil, nil])
        #expect(d.files.map(\.size) == [2, 0, 3, 0, 4, 2])
        #expect(d.files.allSatisfy { !$0.isStdin })
        #expect(d.skipped == ["e.csv"])
        #expect(d.errors.isEmpty)
    }

    @Test func outputDirectoryIsExcludedHoweverSpelled() throws {
        let t = try tree()
        defer { t.remove() }
        let d = InputDiscovery(inputs: [t.path + "/"], exclude: [t.path + "/sub/../out/"])
        #expect(!d.files.contains { $0.relative.hasPrefix("out/") })
        #expect(d.files.first?.path == t.path + "/C.JSONL")
        let all = InputDiscovery(inputs: [t.path])
        #expect(all.files.map(\.relative).contains("out/old.jsonl.zst"))
        #expect(all.files.map(\.relative).contains("out/_rejected/r.jsonl.zst"))
    }

    @Test func filesStdinAndMissingArguments() throws {
        let t = try tree()
        defer { t.remove() }
        let d = InputDiscovery(inputs: [t.path + "/sub/d.txt", "-", t.path + "/e.csv", t.path + "/missing.jsonl"])
        #expect(d.files.count == 2)
        #expect(d.files[0].relative == "d.txt")
        #expect(d.files[0].path == t.path + "/sub/d.txt")
        var stdin = InputFile(path: "-", relative: "stdin.jsonl", format: .jsonl, size: 0, isStdin: true)
        stdin.index = 1
        #expect(d.files[1] == stdin)
        #expect(d.skipped == ["e.csv"])
        #expect(d.errors == [t.path + "/missing.jsonl: No such file or directory"])
    }
}
