/// A language and how sure the identifier is of it (0…1: its share of the probability among
/// the languages written in the text's script), as in ``LanguageAnalysis/alternatives``.
public struct LanguageScore: Sendable, Equatable {
    public var language: String
    public var score: Double

    public init(language: String, score: Double) {
        self.language = language
        self.score = score
    }
}
