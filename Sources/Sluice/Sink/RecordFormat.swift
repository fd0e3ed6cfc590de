/// The shapes in which records are written.
public enum RecordFormat: Sendable {
    /// The full output record (DESIGN.md), one JSON line each.
    case record
    /// Sentences one per line, a blank line after each document.
    case sentences
    /// Sentences one per line, nothing between documents (`sluice split --text`).
    case sentenceLines
    /// `{"id", "text", "tags", "date"}` (`sluice clean`).
    case clean
    /// What cleaning changed, as a unified-style line diff per changed record (`sluice clean
    /// --diff`); needs `raw_text` (the clean stage's `keepRawText`). Unchanged records print nothing.
    case cleanDiff
    /// `{"id", "text", "date", "attributes"}` (`sluice extract`).
    case extract
    /// `{"id", "sentences"}` (`sluice split`).
    case split
    /// `{"id", "lang", "lang_score", "tags", "attributes"}` (`sluice tag`).
    case tag
}
