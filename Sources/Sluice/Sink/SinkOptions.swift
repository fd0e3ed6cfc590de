/// Where and how records are written; the `sink` section of a pipeline.
public struct SinkOptions: Sendable, Equatable, Hashable {
    /// How kept records are written.
    public enum Format: String, Sendable, CaseIterable, Hashable {
        /// One JSON record per line (DESIGN.md's output record).
        case jsonl
        /// One sentence per line, a blank line between documents (for LM and tokenizer training).
        case text
    }

    /// How kept records are written.
    public var format = Format.jsonl
    /// zstd level of outputs (1…19).
    public var compressionLevel = 3
    /// Write dropped records to `_rejected/` (unreadable records are always written).
    public var writeDropped = true

    /// The defaults: JSONL at zstd level 3, dropped records written.
    public init() {}

    /// Output file extension for this format.
    public var fileExtension: String { format == .jsonl ? ".jsonl.zst" : ".txt.zst" }
}
