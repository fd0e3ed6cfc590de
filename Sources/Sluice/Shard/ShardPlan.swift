#if canImport(Glibc)
import Glibc
#endif

/// The shard assignment of a sharded run, kept in its output directory
/// (`OUT/.sluice/shards-of-N.json`) so that every task of the run uses the same one.
///
/// The first task to start computes the assignment from the inputs it finds and publishes it
/// without overwriting (`link(2)`, atomic also on NFS); every later task, and every re-run
/// of a task, reads it. So a file whose size changes, or that appears or vanishes while the
/// array runs, never moves between shards: an input that is in no plan (added later) is placed
/// by a hash of its path, which every task computes alike.
public enum ShardPlan {
    /// `OUT/.sluice/shards-of-N.json`.
    public static func path(outputDirectory: String, count: Int) -> String {
        "\(outputDirectory)/.sluice/\(fileName(count: count))"
    }

    /// The runs recorded in `OUT/.sluice`, for ``conflict(outputDirectory:shard:)`` and
    /// `sluice status`: the shards with a journal (`shard-I-of-N/`, by count, then index), the
    /// shard counts with a plan (`shards-of-N.json`, ascending), and whether an unsharded run
    /// has a journal there (`run.json`).
    static func layout(outputDirectory: String) -> (journals: [Shard], plans: [Int], unsharded: Bool) {
        let names = FileSystem.list(outputDirectory + "/.sluice") ?? []
        let journals = names.compactMap { Shard(name: $0) }.sorted { ($0.count, $0.index) < ($1.count, $1.index) }
        let plans = names.compactMap { count(fileName: $0) }.sorted()
        return (journals, plans, names.contains("run.json"))
    }

    /// `shards-of-N.json`, the plan's name in `OUT/.sluice`.
    private static func fileName(count: Int) -> String { "shards-of-\(count).json" }

    /// The `N` of a plan's ``fileName(count:)``; nil for any other name.
    private static func count(fileName name: String) -> Int? {
        guard name.hasPrefix("shards-of-"), name.hasSuffix(".json") else { return nil }
        return Int(name.dropFirst("shards-of-".count).dropLast(".json".count))
    }

    /// The recorded assignment, or nil when none was recorded (or it cannot be read).
    public static func load(outputDirectory: String, count: Int) -> ShardAssignment? {
        guard let v = RunJournal.readJSON(path(outputDirectory: outputDirectory, count: count)),
              v["shards"]?.intValue == count, case .array(let items)? = v["files"] else { return nil }
        var entries: [ShardAssignment.Entry] = []
        for item in items {
            guard let file = item["file"]?.stringValue, let size = item["size"]?.intValue,
                  let shard = item["shard"]?.intValue, shard >= 0, shard < count else { return nil }
            entries.append(.init(file: file, size: size, shard: shard))
        }
        return ShardAssignment(count: count, entries: entries)
    }

    /// The assignment in force in `outputDirectory`: the recorded one, else `proposed`,
    /// which is then recorded — unless another task recorded its own first, which wins.
    public static func establish(outputDirectory: String, proposed: ShardAssignment) throws(WriteError) -> ShardAssignment {
        if let existing = load(outputDirectory: outputDirectory, count: proposed.count) { return existing }
        let final = path(outputDirectory: outputDirectory, count: proposed.count)
        try FileSystem.makeParentDirectories(of: final)
        let json = JSONValue.object([
            (key: "shards", value: .int(proposed.count)),
            (key: "files", value: .array(proposed.entries.map {
                .object([(key: "file", value: .string($0.file)), (key: "size", value: .int($0.size)),
                         (key: "shard", value: .int($0.shard))])
            })),
        ])
        // A private temporary name per process: tasks starting together, on different nodes
        // (where process ids repeat), must not share one.
        var host = [CChar](repeating: 0, count: 256)
        let hostName = gethostname(&host, host.count - 1) == 0
            ? String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "host"
        let temp = "\(final).\(hostName).\(getpid()).tmp"
        try FileSystem.writeAtomically(temp, Array(json.serialized().utf8))
        defer { unlink(temp) }
        if link(temp, final) != 0 {
            guard errno == EEXIST else { throw WriteError(path: final, errno: errno, action: "create") }
            // Another task published first: use its plan so that all agree.
            if let existing = load(outputDirectory: outputDirectory, count: proposed.count) { return existing }
            throw WriteError(path: final, errno: EEXIST, action: "read the shard plan in")
        }
        FileSystem.syncDirectory(of: final)
        return proposed
    }

    /// Why a run with `shard` (nil: unsharded) must not write into `outputDirectory`, if it
    /// must not: the directory holds a run split differently, whose outputs it would clobber.
    public static func conflict(outputDirectory: String, shard: Shard?) -> String? {
        let found = layout(outputDirectory: outputDirectory)
        let counts = Set(found.journals.map(\.count) + found.plans)
        guard let shard else {
            guard let n = counts.min() else { return nil }
            return "\(outputDirectory) holds a run split into \(n) shards (--shard I/\(n)); run with --shard I/\(n), or use another --output directory"
        }
        if found.unsharded {
            return "\(outputDirectory) holds a run without --shard; shard \(shard) would overwrite its outputs: use another --output directory (or finish that run without --shard)"
        }
        if let other = counts.filter({ $0 != shard.count }).min() {
            return "\(outputDirectory) holds a run split into \(other) shards, not \(shard.count): use --shard I/\(other), or another --output directory"
        }
        return nil
    }
}
