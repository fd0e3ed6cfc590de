#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the stats files of an output directory: `stats.jsonl`, or every shard's
/// `stats.shard-I-of-N.jsonl` of a sharded run (`sluice stats`, `sluice report`).
public enum StatsFiles {
    /// A stats file as given (any name but a directory's: a renamed or copied stats file too),
    /// or the stats files of an output directory in shard order (0, 1, … 10, not name order,
    /// so a merge reads like the run); empty when the directory holds none or nothing is there.
    public static func paths(_ argument: String) -> [String] {
        var st = stat()
        guard stat(argument, &st) == 0 else { return [] }
        if (st.st_mode & S_IFMT) != S_IFDIR { return [argument] }
        let dir = argument.hasSuffix("/") && argument.count > 1 ? String(argument.dropLast()) : argument
        let names = FileSystem.list(dir) ?? []
        let found = names.filter { $0 == "stats.jsonl" || ($0.hasPrefix("stats.shard-") && $0.hasSuffix(".jsonl")) }
        return found.sorted { key($0).lexicographicallyPrecedes(key($1)) }.map { dir + "/" + $0 }
    }

    private static func key(_ name: String) -> [Int] {
        name.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    }
}
