/// Which shard processes each input file: balanced by bytes, and a pure function of the
/// files' relative paths and sizes, so every task computes the same assignment whatever its
/// `--jobs`, the order the filesystem lists files in, or which other tasks run.
///
/// Greedy "largest first": files sorted by size (descending), then relative path, each go to
/// the shard with the least work so far (the lowest-numbered on ties). A file's work is its
/// size on disk plus a fixed 16 KiB per file, so corpora of many tiny files are spread by count
/// too. Every shard then holds at most the average work plus one file's work: when the most
/// loaded shard received its last file, it was the least loaded one.
public struct ShardAssignment: Sendable, Equatable {
    /// One file's place in the assignment.
    public struct Entry: Sendable, Equatable {
        /// The input's path relative to its INPUT root (as in outputs and stats).
        public var file: String
        /// Its size in bytes when the assignment was made.
        public var size: Int
        /// The shard that processes it, `0 ..< count`.
        public var shard: Int

        /// `file`, of `size` bytes, goes to `shard`.
        public init(file: String, size: Int, shard: Int) {
            self.file = file
            self.size = size
            self.shard = shard
        }
    }

    /// The number of shards.
    public let count: Int
    /// Files in assignment order (largest first).
    public let entries: [Entry]
    private let byFile: [String: Int]

    /// Fixed cost counted per file besides its bytes (opening, fingerprinting, journaling).
    static let fileOverhead = 16 * 1024

    /// Assigns `files` (relative path, size in bytes) to `count` shards.
    public init(files: [(file: String, size: Int)], count: Int) {
        precondition(count >= 1)
        var loads = Array(repeating: 0, count: count)
        var entries: [Entry] = []
        entries.reserveCapacity(files.count)
        // Paths are unique in a run (two inputs with one output are refused), so size then
        // path is a total order and the result does not depend on the order of `files`.
        let sorted = files.sorted { $0.size != $1.size ? $0.size > $1.size : $0.file < $1.file }
        for f in sorted {
            var best = 0
            for s in 1..<count where loads[s] < loads[best] { best = s }
            loads[best] += Self.weight(size: f.size)
            entries.append(Entry(file: f.file, size: f.size, shard: best))
        }
        self.init(count: count, entries: entries)
    }

    /// Assigns a run's input files (by relative path and size) to `count` shards.
    init(inputs: [InputFile], count: Int) {
        self.init(files: inputs.map { (file: $0.relative, size: $0.size) }, count: count)
    }

    /// An assignment as recorded earlier (``ShardPlan``).
    public init(count: Int, entries: [Entry]) {
        self.count = count
        self.entries = entries
        byFile = Dictionary(entries.map { ($0.file, $0.shard) }, uniquingKeysWith: { a, _ in a })
    }

    /// The work a file of `size` bytes counts for.
    public static func weight(size: Int) -> Int { max(0, size) + fileOverhead }

    /// The shard of `file`: as assigned, or, for a file the assignment does not know (an
    /// input added after the plan was made), one chosen from its path alone, so that every
    /// task still agrees on it without knowing the others' inputs.
    public func shard(of file: String) -> Int {
        byFile[file] ?? Self.shardByPath(file, count: count)
    }

    /// Whether `file` was part of the assignment (rather than placed by its path).
    public func contains(_ file: String) -> Bool { byFile[file] != nil }

    /// The files of `inputs` that shard `shard` processes, in their order.
    func files(of shard: Int, among inputs: [InputFile]) -> [InputFile] {
        inputs.filter { self.shard(of: $0.relative) == shard }
    }

    /// Work (``weight(size:)`` summed) per shard.
    var loads: [Int] {
        var loads = Array(repeating: 0, count: count)
        for e in entries { loads[e.shard] += Self.weight(size: e.size) }
        return loads
    }

    /// The most work any shard gets: the average plus the largest file's work.
    static func bound(for sizes: [Int], count: Int) -> Int {
        let weights = sizes.map(weight(size:))
        let total = weights.reduce(0, +)
        return (total + count - 1) / count + (weights.max() ?? 0)
    }

    /// A stable hash of the path (FNV-1a, the same on every machine and Swift version,
    /// unlike `Hasher`) modulo `count`.
    static func shardByPath(_ file: String, count: Int) -> Int {
        Int(FNV1a.hash(Array(file.utf8)) % UInt64(count))
    }
}
