import Testing
@testable import Sluice

/// `--shard I/N`: parsing, and the assignment of input files to shards.
@Suite struct ShardAssignmentTests {
    static let files: [(file: String, size: Int)] = [
        ("d/f.txt", 30_000), ("g.txt", 0), ("a.jsonl.zst", 100_000), ("c.jsonl", 50_000),
        ("h.txt", 0), ("b.jsonl.zst", 90_000), ("d/e.jsonl", 40_000),
    ]

    @Test func parsesValidShards() throws {
        let s = try Shard(parsing: "2/3")
        #expect(s.index == 2 && s.count == 3)
        #expect(s.description == "2/3")
        #expect(s.name == "shard-2-of-3")
        #expect(Shard(name: "shard-2-of-3") == s)
        #expect(try Shard(parsing: "0/1") == Shard(index: 0, count: 1))
        #expect(Shard(name: "shard-3-of-3") == nil)
        #expect(Shard(name: "shard-01-of-3") == nil)
        #expect(Shard(name: "stats.jsonl") == nil)
    }

    @Test(arguments: [
        ("3/3", "invalid --shard '3/3': I must be in 0…2; expected I/N with 0 ≤ I < N, e.g. --shard 0/4 (Slurm: number the array from 0, --array=0-2)"),
        ("-1/3", "invalid --shard '-1/3': I must be in 0…2; expected I/N with 0 ≤ I < N, e.g. --shard 0/4 (Slurm: number the array from 0, --array=0-2)"),
        ("0/0", "invalid --shard '0/0': N must be at least 1; expected I/N with 0 ≤ I < N, e.g. --shard 0/4"),
        ("a/3", "invalid --shard 'a/3': I and N must be whole numbers; expected I/N with 0 ≤ I < N, e.g. --shard 0/4"),
        ("2", "invalid --shard '2': expected I/N with 0 ≤ I < N, e.g. --shard 0/4"),
        ("1/2/3", "invalid --shard '1/2/3': expected I/N with 0 ≤ I < N, e.g. --shard 0/4"),
        ("/", "invalid --shard '/': expected I/N with 0 ≤ I < N, e.g. --shard 0/4 (in an array job: --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT, both set by sbatch --array=0-<N-1>)"),
    ])
    func refusesInvalidShards(text: String, message: String) {
        #expect(throws: Shard.ParseError.self) { try Shard(parsing: text) }
        do {
            _ = try Shard(parsing: text)
        } catch {
            #expect(error.description == message)
        }
    }

    /// Largest first, each to the least loaded shard (lowest index on ties); 16 KiB per file.
    @Test func greedyBySizeThenPath() {
        let a = ShardAssignment(files: Self.files, count: 3)
        #expect(a.entries.map(\.file) == ["a.jsonl.zst", "b.jsonl.zst", "c.jsonl", "d/e.jsonl", "d/f.txt", "g.txt", "h.txt"])
        #expect(a.entries.map(\.shard) == [0, 1, 2, 2, 1, 0, 2])
        #expect(a.loads == [132_768, 152_768, 139_152])
        #expect(a.shard(of: "d/f.txt") == 1)
    }

    @Test func independentOfListingOrder() {
        let reference = ShardAssignment(files: Self.files, count: 3)
        var rng = SplitMix64(seed: 7)
        for _ in 0..<20 {
            var shuffled = Self.files
            shuffled.shuffle(using: &rng)
            #expect(ShardAssignment(files: shuffled, count: 3) == reference)
        }
    }

    /// Every file in exactly one shard, and no shard above the average plus one file.
    @Test(arguments: [1, 2, 3, 7, 16, 100])
    func completeDisjointAndBalanced(count: Int) {
        var rng = SplitMix64(seed: UInt64(count))
        // Sizes spread over four orders of magnitude, as in real dumps; some empty files.
        let files = (0..<500).map { i -> (file: String, size: Int) in
            ("dir\(i % 13)/part-\(i).jsonl.zst", i % 50 == 0 ? 0 : Int(rng.next() % 1_000) * Int(pow10(Int(rng.next() % 4))))
        }
        let a = ShardAssignment(files: files, count: count)
        #expect(a.entries.count == files.count)
        #expect(Set(a.entries.map(\.file)) == Set(files.map(\.file)))
        var perShard = Array(repeating: Set<String>(), count: count)
        for e in a.entries { perShard[e.shard].insert(e.file) }
        #expect(perShard.reduce(0) { $0 + $1.count } == files.count)
        #expect(perShard.map(\.count).allSatisfy { $0 > 0 } || count > files.count)
        let bound = ShardAssignment.bound(for: files.map(\.size), count: count)
        #expect(a.loads.max()! <= bound, "loads \(a.loads), bound \(bound)")
        #expect(a.loads.reduce(0, +) == files.reduce(0) { $0 + ShardAssignment.weight(size: $1.size) })
    }

    @Test func moreShardsThanFilesLeavesSomeEmpty() {
        let a = ShardAssignment(files: [("x.jsonl", 10), ("y.jsonl", 10)], count: 4)
        #expect(a.entries.map(\.shard) == [0, 1])
        #expect(a.loads == [16_394, 16_394, 0, 0])
    }

    /// Files the assignment does not know are placed by a stable hash of their path.
    @Test func unknownFilesPlacedByPath() {
        let a = ShardAssignment(files: Self.files, count: 3)
        #expect(!a.contains("new.jsonl"))
        #expect(a.shard(of: "new.jsonl") == 2)
        #expect(a.shard(of: "late/x.jsonl.zst") == 1)
        #expect(ShardAssignment(files: [], count: 7).shard(of: "new.jsonl") == 6)
    }

    @Test func planIsPublishedOnceAndReadBack() throws {
        let t = try TempDir()
        defer { t.remove() }
        let first = ShardAssignment(files: Self.files, count: 3)
        #expect(try ShardPlan.establish(outputDirectory: t.path, proposed: first) == first)
        #expect(ShardPlan.load(outputDirectory: t.path, count: 3) == first)
        // A later task that sees other sizes (an input grew) still gets the first plan.
        let later = ShardAssignment(files: Self.files.map { ($0.file, $0.file == "g.txt" ? 500_000 : $0.size) }, count: 3)
        #expect(later != first)
        #expect(try ShardPlan.establish(outputDirectory: t.path, proposed: later) == first)
        #expect(ShardPlan.load(outputDirectory: t.path, count: 4) == nil)
    }

    @Test func refusesMixedLayouts() throws {
        let t = try TempDir()
        defer { t.remove() }
        #expect(ShardPlan.conflict(outputDirectory: t.path, shard: nil) == nil)
        #expect(ShardPlan.conflict(outputDirectory: t.path, shard: Shard(index: 0, count: 3)) == nil)
        try t.mkdir(".sluice/shard-1-of-3")
        #expect(ShardPlan.conflict(outputDirectory: t.path, shard: Shard(index: 0, count: 3)) == nil)
        #expect(ShardPlan.conflict(outputDirectory: t.path, shard: nil)
            == "\(t.path) holds a run split into 3 shards (--shard I/3); run with --shard I/3, or use another --output directory")
        #expect(ShardPlan.conflict(outputDirectory: t.path, shard: Shard(index: 0, count: 4))
            == "\(t.path) holds a run split into 3 shards, not 4: use --shard I/3, or another --output directory")
        let u = try TempDir()
        defer { u.remove() }
        try u.write(".sluice/run.json", "{}")
        #expect(ShardPlan.conflict(outputDirectory: u.path, shard: nil) == nil)
        #expect(ShardPlan.conflict(outputDirectory: u.path, shard: Shard(index: 2, count: 3))
            == "\(u.path) holds a run without --shard; shard 2/3 would overwrite its outputs: use another --output directory (or finish that run without --shard)")
    }

    private func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { r, _ in r * 10 } }
}

/// The end-to-end tests' seeded generator, usable for `shuffle(using:)`.
extension SplitMix64: RandomNumberGenerator {}
