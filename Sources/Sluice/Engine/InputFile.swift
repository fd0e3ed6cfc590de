/// One input file found under an INPUT argument.
public struct InputFile: Sendable, Equatable {
    /// What a file (or archive member) holds, by its name.
    public enum Format: String, Sendable {
        /// One JSON object per line (`.jsonl`, `.ndjson`, `.json`).
        case jsonl
        /// Plain text in the pipeline's `text_layout` (`.txt`).
        case text
        /// One web page per file (`.html`, `.htm`, `.xhtml`): always one record.
        case html
        /// Web archive records (`.warc`).
        case warc
        /// A tar archive (`.tar`, `.tgz`, `.tzst`, …): its members are inputs.
        case tar
        /// A zip archive: its members are inputs.
        case zip

        /// Whether the file holds members rather than records.
        public var isArchive: Bool { self == .tar || self == .zip }
    }

    /// The path to open (as given, joined with the walk).
    public var path: String
    /// The path relative to its INPUT root: used in outputs, origins and stats.
    public var relative: String
    /// What the file holds, from its name.
    public var format: Format
    /// The compression the name ends in (`.zst`, `.gz`, …); confirmed by magic bytes when opened.
    public var compression: Compression?
    /// Size on disk, in bytes.
    public var size: Int
    /// `true` for `-`: one JSONL stream read from stdin.
    public var isStdin: Bool = false
    /// Position of the file in the run's sorted input list: with the line number it orders
    /// records across files (the order in which exact dedup keeps first occurrences).
    public var index: Int = 0

    /// Describes one input file.
    public init(path: String, relative: String, format: Format, compression: Compression? = nil,
                size: Int, isStdin: Bool = false) {
        self.path = path
        self.relative = relative
        self.format = format
        self.compression = compression
        self.size = size
        self.isStdin = isStdin
    }

    /// The relative output path without extension: `a/b.jsonl.zst` → `a/b`,
    /// `dump.tar.gz` → `dump`.
    public var stem: String { Self.stem(of: relative) }

    static func stem(of relative: String) -> String {
        // Case-insensitive, like ``classify(_:)``: `A.JSONL.ZST` → `A`.
        guard let (_, _, suffix) = Self.parse(relative) else {
            // Not a name Sluice reads (stdin's, say): only a compression suffix goes.
            var name = relative
            if let c = Compression.ofSuffix(Substring(relative.lowercased())) { name.removeLast(c.suffix.count) }
            return name
        }
        return String(relative.dropLast(suffix))
    }

    /// Classifies a file or member name; nil for names Sluice does not read.
    public static func classify(_ name: String) -> (format: Format, compression: Compression?)? {
        parse(name).map { ($0.0, $0.1) }
    }

    /// Format, compression and the length of the suffix that names them.
    private static func parse(_ name: String) -> (Format, Compression?, Int)? {
        let lower = name.lowercased()
        var n = Substring(lower)
        // Short forms of compressed tar files.
        for (ext, c) in [(".tgz", Compression.gzip), (".tzst", .zstd), (".tbz2", .bzip2), (".tbz", .bzip2), (".txz", .xz)]
        where n.hasSuffix(ext) {
            return (.tar, c, ext.count)
        }
        let compression = Compression.ofSuffix(n)
        if let compression { n = n.dropLast(compression.suffix.count) }
        let cut = compression?.suffix.count ?? 0
        let formats: [(String, Format)] = [
            (".jsonl", .jsonl), (".ndjson", .jsonl), (".json", .jsonl), (".txt", .text),
            (".html", .html), (".htm", .html), (".xhtml", .html), (".warc", .warc), (".tar", .tar), (".zip", .zip),
        ]
        for (ext, format) in formats where n.hasSuffix(ext) {
            // A compressed zip is not a thing anyone ships; read it as unknown.
            if format == .zip && compression != nil { return nil }
            return (format, compression, ext.count + cut)
        }
        return nil
    }

    /// The extension a skipped name is counted under: `.png`, `.csv.gz`, or `(none)`.
    static func skippedExtension(_ name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        let lower = base.lowercased()
        guard let dot = lower.dropFirst().firstIndex(of: ".") else { return "(none)" }
        let ext = String(lower[dot...])
        // Keep a compression suffix with the extension before it; drop long dotted names.
        let parts = ext.split(separator: ".")
        let keep = parts.count >= 2 && Compression.ofSuffix(Substring(ext)) != nil ? 2 : 1
        return "." + parts.suffix(keep).joined(separator: ".")
    }
}
