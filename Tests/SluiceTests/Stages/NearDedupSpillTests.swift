import Foundation
import Testing
import SluiceText
@testable import Sluice

/// Memory mode: signatures spilled to disk and band keys sorted in runs decide exactly as the
/// in-memory index does.
@Suite struct NearDedupSpillTests {
    static func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-spill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func sortedRunsMergeEveryValueAscendingAndRemoveTheirFiles() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var runs = SortedRuns(prefix: dir + "/r", capacity: 1000)
        var generator = SplitMix64(seed: 7)
        var values: [UInt64] = []
        for i in 0..<4500 {
            // Repeats too: equal values from different runs must all come out.
            let v = i % 10 == 0 ? 42 : generator.next() >> 8
            values.append(v)
            try runs.append(v)
        }
        #expect(runs.runs.count == 4)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["r.0", "r.1", "r.2", "r.3"])
        var out: [UInt64] = []
        do {
            var merge = try runs.merged()
            while let v = try merge.next() { out.append(v) }
            #expect(try merge.next() == nil)
        }
        #expect(out == values.sorted())
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
    }

    @Test func sortedRunsWithoutSpillingOrValues() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var empty = SortedRuns(prefix: dir + "/e", capacity: 10)
        var m = try empty.merged()
        #expect(try m.next() == nil)
        var small = SortedRuns(prefix: dir + "/s", capacity: 10)
        for v: UInt64 in [5, 1, 3] { try small.append(v) }
        var n = try small.merged()
        #expect([try n.next(), try n.next(), try n.next(), try n.next()] == [1, 3, 5, nil])
    }

    /// 600 documents in 5 files, many near-copies of earlier ones (the generated articles of
    /// some seeds are shifts of one another, and 200 are copies with a word changed):
    /// the spilled decision, with band keys in runs of 100 values, equals the in-memory one
    /// document for document, and so do the repeated lines.
    @Test func spilledDecisionEqualsInMemory() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var texts: [(file: Int, line: Int, id: String, text: String)] = []
        let footer = "Subscribe to our newsletter for the latest stories every morning"
        for i in 0..<600 {
            var words = NearDedupStageTests.article(i % 400)
            if i >= 400 { words[(i * 13) % 100] = "changed\(i)" }
            if i % 50 == 0 { words = Array(words.prefix(60)) }
            let body = words.joined(separator: " ") + (i % 3 == 0 ? "\n" + footer : "")
            texts.append((i / 120, i % 120 + 1, "d\(i)", i % 97 == 5 ? " . " : body))
        }
        let options = RepeatedLines.Options()
        var whole = NearDedupSignatures(permutations: MinHasher().permutations, bands: MinHasher().bands, bins: 1024)
        var spill = NearDedupSpill(directory: dir, bands: whole.bands, bins: whole.bins)
        for f in 0..<5 {
            let part = Self.signatures(texts.filter { $0.file == f }, lineMinChars: options.minChars)
            whole.append(part)
            let writer = try NearDedupSpill.FileWriter(spill, file: f)
            try writer.add(contentsOf: part)
            try writer.finish()
            spill.counts[f] = writer.count
        }
        #expect(whole.count == 593)
        let memory = NearDedupIndex(whole, threshold: 0.8)
        let lines = RepeatedLines(options: options, keys: whole.lineKeys)
        let (spilled, spilledLines) = try NearDedupIndex.decide(spill, threshold: 0.8, memory: 1 << 20, lineDedup: options,
                                                                runCapacity: 100)
        #expect(memory.duplicates == 260)
        #expect(spilled.duplicates == memory.duplicates)
        #expect(spilled.clusters == memory.clusters)
        #expect(spilled.candidates == memory.candidates)
        for t in texts {
            let p = DedupIndex.position(file: t.file, line: t.line)
            #expect(spilled.duplicateOf(position: p) == memory.duplicateOf(position: p), "\(t.id)")
        }
        #expect(lines.count == 1 && spilledLines?.count == 1)
        #expect(spilledLines?.strip("x\n" + footer).text == "x")
    }

    static func signatures(_ texts: [(file: Int, line: Int, id: String, text: String)], lineMinChars: Int) -> NearDedupSignatures {
        let hasher = MinHasher()
        var docs = NearDedupSignatures(permutations: hasher.permutations, bands: hasher.bands, bins: 1024)
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: hasher.permutations) { scratch in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 1024) { sketch in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: hasher.bands) { keys in
                    for t in texts {
                        docs.add(text: t.text, id: Array("\"\(t.id)\"".utf8), position: DedupIndex.position(file: t.file, line: t.line),
                                 hasher: hasher, scratch: scratch, sketch: sketch, keys: keys, lineMinChars: lineMinChars)
                    }
                }
            }
        }
        return docs
    }

    @Test func memorySizes() {
        #expect(MemorySize.parse("512M") == 512 << 20)
        #expect(MemorySize.parse("4G") == 4 << 30)
        #expect(MemorySize.parse("1.5GiB") == 3 << 29)
        #expect(MemorySize.parse("2gb") == 2 << 30)
        #expect(MemorySize.parse("1048576") == 1 << 20)
        for bad in ["", "M", "-1G", "100K", "1048575", "lots", "1e30T", "nan"] { #expect(MemorySize.parse(bad) == nil, "\(bad)") }
    }
}
