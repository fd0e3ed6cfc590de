/// A JSON file that holds one array of records (`[{…}, {…}]`, pretty-printed or not) read as
/// JSON Lines: each element becomes one line, so each is a record numbered by its place in the
/// array. Such a `.json` file gave one `invalid_json` rejection per physical line.
///
/// One pass over the bytes, in constant memory: outside strings, a comma between elements
/// becomes a line break, whitespace between elements and the brackets around them are
/// dropped, and a line break inside an element becomes a space. An element that never closes
/// runs to the end of the input, where the decoder rejects it whole; an array that never
/// closes then fails the file as cut short (its elements before the cut are read).
final class JSONArrayLinesReader: ByteReader {
    private let source: any ByteReader
    /// Nesting: 0 before the array's `[`, 1 between elements, more inside one.
    private var depth = 0
    private var inString = false
    private var escaped = false
    /// Whether the array's `[` has been read.
    private var started = false
    /// Whether the current element has bytes written (a line to end).
    private var inElement = false
    /// Bytes read from `source`, before they are rewritten into the caller's buffer.
    private var scratch = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    /// Reads `source` as an array when its first byte after whitespace (and a UTF-8 byte order
    /// mark) is `[`; returns nil otherwise, and `source` reads from its start as before.
    static func ifArray(_ source: PeekableReader) throws(ReadError) -> JSONArrayLinesReader? {
        // Peeked a little at a time: a stream on stdin is not held up for kilobytes before its
        // first line (leading whitespace is looked through up to 4 KB).
        var want = 4
        while true {
            let head = try source.peek(want)
            var i = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while i < head.count, head[i] == 0x20 || head[i] == 0x09 || head[i] == 0x0A || head[i] == 0x0D { i += 1 }
            if i < head.count { return head[i] == UInt8(ascii: "[") ? JSONArrayLinesReader(source: source) : nil }
            // All whitespace so far: the end of input, or look further.
            if head.count < want || want >= 4096 { return nil }
            want *= 4
        }
    }

    private init(source: any ByteReader) {
        self.source = source
    }

    deinit { scratch.deallocate() }

    var bytesRead: Int { source.bytesRead }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard buffer.count > 0 else { return 0 }
        if scratch.count < buffer.count {
            scratch.deallocate()
            scratch = .allocate(byteCount: buffer.count, alignment: 1)
        }
        let out = buffer.bindMemory(to: UInt8.self)
        let bytes = scratch.bindMemory(to: UInt8.self)
        // Each byte in gives at most one byte out: read as many as the buffer holds, and read
        // again while a chunk was all whitespace between elements.
        while true {
            let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: scratch[0..<buffer.count]))
            if n == 0 {
                // The input ended inside an element (or without `]`): end its line, so the
                // decoder rejects a cut element alone, then fail the file as cut short.
                if inElement {
                    inElement = false
                    out[0] = 0x0A
                    return 1
                }
                if depth > 0 {
                    depth = 0
                    throw ReadError(kind: .truncated, offset: source.bytesRead,
                                    message: "the JSON array ends without its closing `]` (the file is cut short?); the elements before the cut were read")
                }
                return 0
            }
            var o = 0
            for i in 0..<n {
                let b = bytes[i]
                if inString {
                    out[o] = b
                    o += 1
                    if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                    continue
                }
                switch b {
                case 0x20, 0x09, 0x0A, 0x0D:
                    // Between elements (or around the array): dropped; inside one: a space.
                    if depth >= 2 {
                        out[o] = 0x20
                        o += 1
                    }
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    started = true
                    depth += 1
                    if depth >= 2 {
                        out[o] = b
                        o += 1
                        inElement = true
                    }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if depth == 1 {
                        // The array's end: the last element's line ends.
                        depth = 0
                        if inElement {
                            inElement = false
                            out[o] = 0x0A
                            o += 1
                        }
                    } else {
                        if depth > 1 { depth -= 1 }
                        out[o] = b
                        o += 1
                    }
                case UInt8(ascii: ","):
                    if depth == 1 {
                        if inElement {
                            inElement = false
                            out[o] = 0x0A
                            o += 1
                        }
                    } else {
                        out[o] = b
                        o += 1
                    }
                default:
                    // Before the array only a byte order mark can be there (``ifArray``).
                    if !started { continue }
                    if b == UInt8(ascii: "\"") { inString = true }
                    if depth >= 1 { inElement = true }
                    out[o] = b
                    o += 1
                }
            }
            if o > 0 { return o }
        }
    }
}
