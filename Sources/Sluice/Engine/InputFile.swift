/// One input file found under an INPUT argument.
public struct InputFile: Sendable, Equatable {
    public enum Format: String, Sendable { case jsonl, text }

    /// The path to open (as given, joined with the walk).
    public var path: String
    /// The path relative to its INPUT root: used in outputs, origins and stats.
    public var relative: String
    public var format: Format
    /// Whether the name ends in `.zst` (confirmed or refuted by magic bytes when opened).
    public var compressedByName: Bool
    public var size: Int
    /// `true` for `-`: one JSONL stream read from stdin.
    public var isStdin: Bool = false
    /// Position of the file in the run's sorted input list: with the line number it orders
    /// records across files (the order in which exact dedup keeps first occurrences).
    public var index: Int = 0

    /// The relative output path without extension: `a/b.jsonl.zst` → `a/b`.
    public var stem: String { Self.stem(of: relative) }

    static func stem(of relative: String) -> String {
        // Case-insensitive, like ``format(ofName:)``: `A.JSONL.ZST` → `A`.
        var name = relative
        if name.lowercased().hasSuffix(".zst") { name.removeLast(4) }
        for ext in [".jsonl", ".ndjson", ".json", ".txt"] where name.lowercased().hasSuffix(ext) {
            name.removeLast(ext.count)
            break
        }
        return name
    }

    /// Classifies a file name; nil for names Sluice does not read.
    static func format(ofName name: String) -> (Format, Bool)? {
        var n = name.lowercased()
        let zst = n.hasSuffix(".zst")
        if zst { n.removeLast(4) }
        if n.hasSuffix(".jsonl") || n.hasSuffix(".ndjson") || n.hasSuffix(".json") { return (.jsonl, zst) }
        if n.hasSuffix(".txt") { return (.text, zst) }
        return nil
    }
}
