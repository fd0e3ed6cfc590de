/// A small JSON tree for attributes, stats events and config; object key
/// order is kept.
///
/// Representation notes:
/// - `.object` holds ordered `(key, value)` pairs (duplicates kept as
///   written). Tuples cannot conform to `Equatable`, so `==` is written by
///   hand: objects are equal when their pairs are equal in order.
/// - `.number` holds the raw text as written, so integers beyond 64 bits and
///   exponent forms survive a parse/serialize round trip unchanged.
public indirect enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// Raw JSON number text, e.g. `"1.0e+10"`.
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// Ordered members; see the type's notes.
    case object([Member])

    /// One member of an object, in input order.
    public typealias Member = (key: String, value: JSONValue)

    /// Parses exactly one JSON value of any kind (surrounding whitespace
    /// allowed), with the same strictness and 512-level depth limit as
    /// `JSONScanner.scanObject`.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) -> JSONValue {
        try JSONTreeParser.parse(bytes)
    }

    /// Parses exactly one JSON value from `text`'s UTF-8.
    public static func parse(_ text: String) throws(JSONError) -> JSONValue {
        var text = text
        // withUTF8 only rethrows untyped errors, so carry the typed one out in a Result.
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONError) -> JSONValue in try JSONTreeParser.parse(buffer) }
        }
        return try result.get()
    }

    /// The first member named `key`, or nil if absent or this is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for member in members where member.0 == key { return member.1 }
        return nil
    }

    /// The string, if this is `.string`.
    public var stringValue: String? {
        guard case .string(let s) = self else { return nil }
        return s
    }

    /// The number as an `Int`, if this is a `.number` with an integral value
    /// that fits (`3`, `3.0` and `3e0` all give 3).
    public var intValue: Int? {
        guard case .number(let raw) = self else { return nil }
        if let v = Int(raw) { return v }
        guard let d = Double(raw), d.rounded(.towardZero) == d,
              d >= -9.223372036854775808e18, d < 9.223372036854775808e18 else { return nil }
        return Int(d)
    }

    /// The number as a `Double`, if this is `.number`.
    public var doubleValue: Double? {
        guard case .number(let raw) = self else { return nil }
        return Double(raw)
    }

    /// Compact JSON text, written by `JSONWriter`.
    public func serialized() -> String {
        var writer = JSONWriter(capacity: 64)
        writer.appendValue(self)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// A number holding `v` in decimal.
    public static func int(_ v: Int) -> JSONValue {
        .number(String(v))
    }

    /// A number holding `v` formatted like `JSONWriter.appendDouble`;
    /// non-finite values become `.null`, since JSON has no NaN or infinity.
    public static func double(_ v: Double, fractionDigits: Int = 4) -> JSONValue {
        guard v.isFinite else { return .null }
        var writer = JSONWriter(capacity: 24)
        writer.appendDouble(v, fractionDigits: fractionDigits)
        return .number(String(decoding: writer.bytes, as: UTF8.self))
    }

    /// Equal values; object members compare in order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}
