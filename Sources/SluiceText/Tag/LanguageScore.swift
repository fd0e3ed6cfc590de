/// A language and how sure the identifier is of it (0…1: its share of the probability among
/// the languages written in the text's script), as in ``LanguageAnalysis/alternatives``.
public struct LanguageScore: Sendable, Equatable {
    /// The language code.
    public var language: String
    /// Its share of the probability (0…1).
    public var score: Double

    /// `language` with `score`.
    public init(language: String, score: Double) {
        self.language = language
        self.score = score
    }
}
