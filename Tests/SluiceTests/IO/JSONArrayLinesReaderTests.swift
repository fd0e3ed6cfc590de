import Testing
@testable import Sluice

@Suite struct JSONArrayLinesReaderTests {
    /// `bytes` read through the reader with buffers of `size` bytes; nil when not an array.
    private func lines(_ text: String, size: Int) throws -> String? {
        let peekable = PeekableReader(BufferReader(Array(text.utf8)[...]))
        guard let reader = try JSONArrayLinesReader.ifArray(peekable) else { return nil }
        let d = drain(reader, chunk: size)
        if let e = d.error { throw e }
        return String(decoding: d.bytes, as: UTF8.self)
    }

    /// Elements become lines at any buffer size; strings keep their commas, brackets, escaped
    /// quotes and spaces; line breaks inside an element become spaces.
    @Test func arrayElementsBecomeLines() throws {
        let pretty = "\u{FEFF}\n [\n  {\"id\": \"a\",\n   \"text\": \"x, [y] \\\"z\\\"\"},\n  {\"id\": 2, \"tags\": [\"t\", \"u\"]}  ,\n  \"s\"\n]\n"
        let expected = "{\"id\": \"a\",    \"text\": \"x, [y] \\\"z\\\"\"}\n{\"id\": 2, \"tags\": [\"t\", \"u\"]}\n\"s\"\n"
        for size in [1, 2, 3, 5, 16, 4096] {
            #expect(try lines(pretty, size: size) == expected, "buffers of \(size)")
        }
        #expect(try lines("[]", size: 8) == "")
        // An element that never closes ends at the input's end, one line for the decoder to
        // reject; an array that never closes is cut short (after what was read).
        let cut = drain(try #require(try JSONArrayLinesReader.ifArray(PeekableReader(BufferReader(Array("[{\"id\": 1}, {\"id\": ".utf8)[...])))), chunk: 8)
        #expect(String(decoding: cut.bytes, as: UTF8.self) == "{\"id\": 1}\n{\"id\": \n")
        #expect(cut.error?.kind == .truncated)
        let between = drain(try #require(try JSONArrayLinesReader.ifArray(PeekableReader(BufferReader(Array("[{\"id\": 1},\n ".utf8)[...])))), chunk: 8)
        #expect(String(decoding: between.bytes, as: UTF8.self) == "{\"id\": 1}\n")
        #expect(between.error?.kind == .truncated)
        // Not an array: JSON Lines, an object, empty or blank input.
        #expect(try lines("{\"id\": 1}\n{\"id\": 2}\n", size: 8) == nil)
        #expect(try lines("", size: 8) == nil)
        #expect(try lines("   \n\n", size: 8) == nil)
    }
}
