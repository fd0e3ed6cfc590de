/// The syntactic kind of a JSON value, decided by its first byte.
public enum JSONValueKind: Sendable, Equatable {
    case string, number, object, array, bool, null
}
