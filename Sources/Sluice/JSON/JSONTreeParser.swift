/// Builds a `JSONValue` tree from bytes.
///
/// Iterative with an explicit frame stack (like `JSONReader.skipValue`) so
/// deep input fails with "nesting too deep" instead of overflowing the stack.
enum JSONTreeParser {
    /// A container being filled; a struct (not an enum) so appending to the
    /// popped frame mutates a uniquely referenced array without copying.
    private struct Frame {
        var isObject: Bool
        var items: [JSONValue] = []
        var members: [(String, JSONValue)] = []
        var key = ""
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) -> JSONValue {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw JSONError(offset: 0, message: "expected value")
        }
        let r = JSONReader(base, bytes.count)
        let n = bytes.count
        var frames: [Frame] = []
        var i = r.skipWhitespace(0)

        /// Reads `"key":` at `i`, returning the decoded key and the value's index.
        func readKey(_ i: Int) throws(JSONError) -> (String, Int) {
            let (range, _, next) = try r.scanKeyColon(i)
            return (JSONScanner.decodeString(bytes, range), next)
        }

        while true {
            // Parse one value, or open a container and continue with its first element.
            guard i < n else { throw JSONError(offset: i, message: "expected value") }
            var value: JSONValue
            switch base[i] {
            case JSONReader.openBrace, JSONReader.openBracket:
                let isObject = base[i] == JSONReader.openBrace
                guard frames.count < JSONContainerStack.maxDepth else {
                    throw JSONError(offset: i, message: "nesting too deep")
                }
                i = r.skipWhitespace(i + 1)
                if i < n, base[i] == (isObject ? JSONReader.closeBrace : JSONReader.closeBracket) {
                    i += 1
                    value = isObject ? .object([]) : .array([])
                } else {
                    var frame = Frame(isObject: isObject)
                    if isObject { (frame.key, i) = try readKey(i) }
                    frames.append(frame)
                    continue
                }
            case JSONReader.quote:
                let end = try r.scanString(i).end
                value = .string(JSONScanner.decodeString(bytes, i..<end))
                i = end
            case JSONReader.minus, 0x30...0x39:
                let end = try r.scanNumber(i)
                value = .number(String(decoding: UnsafeBufferPointer(start: base + i, count: end - i), as: UTF8.self))
                i = end
            case 0x74, 0x66, 0x6E:
                let end = try r.scanLiteral(i)
                value = base[i] == 0x6E ? .null : .bool(base[i] == 0x74)
                i = end
            default:
                throw JSONError(offset: i, message: "expected value")
            }
            // A value just ended: add it to its container, closing containers as they end.
            while true {
                guard var frame = frames.popLast() else {
                    i = r.skipWhitespace(i)
                    guard i == n else { throw JSONError(offset: i, message: "trailing characters") }
                    return value
                }
                if frame.isObject { frame.members.append((frame.key, value)) } else { frame.items.append(value) }
                i = r.skipWhitespace(i)
                guard i < n else { throw JSONReader.separatorError(i, inObject: frame.isObject) }
                if base[i] == JSONReader.comma {
                    i = r.skipWhitespace(i + 1)
                    if frame.isObject { (frame.key, i) = try readKey(i) }
                    frames.append(frame)
                    break
                }
                guard base[i] == (frame.isObject ? JSONReader.closeBrace : JSONReader.closeBracket) else {
                    throw JSONReader.separatorError(i, inObject: frame.isObject)
                }
                i += 1
                value = frame.isObject ? .object(frame.members) : .array(frame.items)
            }
        }
    }
}
