import Testing
@testable import Sluice

@Suite struct LineReaderTests {
    /// All lines of `reader` as strings.
    private func lines(_ reader: LineReader) throws -> [String] {
        var out: [String] = []
        while try reader.nextLine({ out.append(String(decoding: $0, as: UTF8.self)) }) {}
        return out
    }

    private func lines(_ text: String, chunkSize: Int = 1 << 20, maxRead: Int = .max) throws -> [String] {
        try lines(LineReader(source: MemoryReader(text, maxRead: maxRead), chunkSize: chunkSize))
    }

    @Test func splitsOnNewlines() throws {
        #expect(try lines("a\nbb\nccc\n") == ["a", "bb", "ccc"])
    }

    @Test func stripsOneTrailingCarriageReturn() throws {
        #expect(try lines("a\r\nb\r\n") == ["a", "b"])
        #expect(try lines("a\r\r\nb\rc\n") == ["a\r", "b\rc"])
        #expect(try lines("x\r") == ["x"])
        #expect(try lines("\r\n") == [""])
    }

    @Test func lastLineWithoutNewline() throws {
        #expect(try lines("a\nlast") == ["a", "last"])
        #expect(try lines("only") == ["only"])
    }

    @Test func emptyLinesAreLines() throws {
        #expect(try lines("\n\na\n\n") == ["", "", "a", ""])
        #expect(try lines("") == [])
        #expect(try lines("\n") == [""])
    }

    @Test func countsLinesAndBytes() throws {
        let r = LineReader(source: MemoryReader("ab\r\n\ncd\nef"))
        var seen: [(String, Int, Int)] = []
        while try r.nextLine({ line in seen.append((String(decoding: line, as: UTF8.self), 0, 0)) }) {
            seen[seen.count - 1].1 = r.lineNumber
            seen[seen.count - 1].2 = r.bytesConsumed
        }
        #expect(seen.map(\.0) == ["ab", "", "cd", "ef"])
        #expect(seen.map(\.1) == [1, 2, 3, 4])
        #expect(seen.map(\.2) == [4, 5, 8, 10])
        #expect(r.lineNumber == 4)
        #expect(r.bytesConsumed == 10)
        #expect(r.rawBytesRead == 10)
    }

    @Test func lineNumberAndBytesAreUpdatedBeforeTheCallback() throws {
        let r = LineReader(source: MemoryReader("a\nbc\n"))
        var inside: [(Int, Int)] = []
        while try r.nextLine({ _ in inside.append((r.lineNumber, r.bytesConsumed)) }) {}
        #expect(inside.map(\.0) == [1, 2])
        #expect(inside.map(\.1) == [2, 5])
    }

    /// Splits like the reader should, for comparison.
    private func reference(_ text: [UInt8]) -> [String] {
        var out: [String] = []
        var cur: [UInt8] = []
        for b in text {
            if b == 0x0A {
                if cur.last == 0x0D { cur.removeLast() }
                out.append(String(decoding: cur, as: UTF8.self)); cur = []
            } else {
                cur.append(b)
            }
        }
        if !cur.isEmpty {
            if cur.last == 0x0D { cur.removeLast() }
            out.append(String(decoding: cur, as: UTF8.self))
        }
        return out
    }

    @Test(arguments: [1, 2, 3, 4, 5, 8])
    func tinyChunksAndShortReads(_ chunkSize: Int) throws {
        let texts = [
            "ab\r\ncd\n\nefghijklmnop\nq\r\n\r\nrs",
            "\n\n\n",
            "abc\ndef\nghi\n",
            "a\r",
            "abcdefghijklmnopqrstuvwxyz0123456789",
            "x\ny\r\nzz\r\r\n\n",
        ]
        for text in texts {
            for maxRead in [1, 2, 3, 7, Int.max] {
                let r = LineReader(source: MemoryReader(text, maxRead: maxRead), chunkSize: chunkSize)
                #expect(try lines(r) == reference(Array(text.utf8)), "chunk \(chunkSize) read \(maxRead): \(text.debugDescription)")
                #expect(r.bytesConsumed == text.utf8.count)
            }
        }
    }

    @Test func fiftyMegabyteLine() throws {
        let size = 50 << 20
        var text = [UInt8](repeating: 0x61, count: size + 4)
        text[size] = 0x0A
        text[size + 1] = 0x7A  // "z"
        text[size + 2] = 0x0D
        text[size + 3] = 0x0A
        text[0] = 0x41
        text[size - 1] = 0x42
        let r = LineReader(source: MemoryReader(text, maxRead: 1 << 20), chunkSize: 1 << 16)
        var count = -1, first: UInt8 = 0, last: UInt8 = 0
        #expect(try r.nextLine { line in count = line.count; first = line.first!; last = line.last! })
        #expect(count == size)
        #expect(first == 0x41)
        #expect(last == 0x42)
        #expect(r.bytesConsumed == size + 1)
        #expect(try lines(r) == ["z"])
        #expect(r.lineNumber == 2)
        #expect(r.bytesConsumed == size + 4)
    }

    @Test func readAllReturnsTheRest() throws {
        let r = LineReader(source: MemoryReader("h1\r\nrest\nmore", maxRead: 2), chunkSize: 3)
        var head = ""
        #expect(try r.nextLine { head = String(decoding: $0, as: UTF8.self) })
        #expect(head == "h1")
        #expect(try r.readAll().utf8String == "rest\nmore")
        #expect(r.bytesConsumed == 13)
        #expect(try r.readAll() == [])
        #expect(try r.nextLine { _ in } == false)
    }

    @Test func readAllOfEverything() throws {
        let text = "one\r\ntwo\n\n"
        let r = LineReader(source: MemoryReader(text, maxRead: 3), chunkSize: 4)
        #expect(try r.readAll().utf8String == text)
        #expect(r.bytesConsumed == 10)
        #expect(r.lineNumber == 0)
    }

    @Test func readErrorComesAfterEarlierLines() throws {
        let failure = ReadError(kind: .corrupt, offset: 9, message: "bad")
        let r = LineReader(source: MemoryReader(Array("l1\nl2\nl3xxxxx\n".utf8), maxRead: 4, failAt: 9, failure: failure),
                           chunkSize: 4)
        var got: [String] = []
        #expect(throws: failure) {
            while try r.nextLine({ got.append(String(decoding: $0, as: UTF8.self)) }) {}
        }
        #expect(got == ["l1", "l2"])
        #expect(r.bytesConsumed == 6)
    }
}
