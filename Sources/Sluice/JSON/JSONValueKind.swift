/// The syntactic kind of a JSON value, decided by its first byte.
public enum JSONValueKind: Sendable, Equatable {
    /// A string.
    case string
    /// A number.
    case number
    /// An object.
    case object
    /// An array.
    case array
    /// `true` or `false`.
    case bool
    /// `null`.
    case null
}
