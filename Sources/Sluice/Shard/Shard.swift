/// One task of a sharded run (`sluice run --shard I/N`, e.g. a Slurm array task): shard
/// `index` of `count`. Every task is given the same inputs and processes the input files
/// assigned to its shard (``ShardAssignment``); their outputs together are one run's.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// This task's shard, `0 ..< count`.
    public let index: Int
    /// The number of shards (array tasks).
    public let count: Int

    /// Why an `I/N` argument was refused; the message names the value.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        /// `I/N`.
        public var description: String
    }

    /// A shard; nil unless `0 ≤ index < count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `I/N` as written on the command line (`--shard 3/8`, or
    /// `--shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT`).
    public init(parsing text: String) throws(ParseError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let usage = "expected I/N with 0 ≤ I < N, e.g. --shard 0/4"
        guard parts.count == 2 else {
            throw ParseError(description: "invalid --shard '\(text)': \(usage)")
        }
        // Unset Slurm variables expand to nothing: say which one, the usual cause.
        if parts[0].isEmpty || parts[1].isEmpty {
            throw ParseError(description: "invalid --shard '\(text)': \(usage) (in an array job: --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT, both set by sbatch --array=0-<N-1>)")
        }
        guard let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw ParseError(description: "invalid --shard '\(text)': I and N must be whole numbers; \(usage)")
        }
        guard n >= 1 else {
            throw ParseError(description: "invalid --shard '\(text)': N must be at least 1; \(usage)")
        }
        guard let shard = Shard(index: i, count: n) else {
            // Slurm arrays numbered from 1 (`--array=1-N`) give I = N for the last task.
            throw ParseError(description: "invalid --shard '\(text)': I must be in 0…\(n - 1); \(usage) (Slurm: number the array from 0, --array=0-\(n - 1))")
        }
        self = shard
    }

    /// `I/N`.
    public var description: String { "\(index)/\(count)" }

    /// `shard-I-of-N`: the name of this shard's journal directory, and part of its
    /// ``statsFileName``.
    public var name: String { "shard-\(index)-of-\(count)" }

    /// `stats.shard-I-of-N.jsonl`: this shard's stats file in the output directory, next to
    /// the other shards' (an unsharded run's is `stats.jsonl`).
    public var statsFileName: String { "stats.\(name).jsonl" }

    /// Recognises ``name`` (`shard-2-of-8`), as found in an output directory.
    public init?(name: String) {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "shard", parts[2] == "of",
              let i = Int(parts[1]), let n = Int(parts[3]), "shard-\(i)-of-\(n)" == name else { return nil }
        self.init(index: i, count: n)
    }
}
