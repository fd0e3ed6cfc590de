import Testing
@testable import Sluice

@Suite struct FileReaderTests {
    @Test func peekConsumesNothing() throws {
        let r = try FileReader(path: TestPaths.zstdFixture("payload.jsonl"))
        #expect(try r.peek(4).utf8String == #"{"id"#)
        #expect(try r.peek(2).utf8String == #"{""#)
        let all = drain(r, chunk: 3)
        #expect(all.error == nil)
        #expect(all.bytes == TestPaths.payload)
        #expect(r.bytesRead == 320)
    }

    @Test func peekOfShortFile() throws {
        let r = try FileReader(path: TestPaths.zstdFixture("empty.jsonl.zst"))
        #expect(try r.peek(4) == [])
        #expect(drain(r).bytes == [])
    }

    @Test func missingFile() {
        do {
            _ = try FileReader(path: "/nonexistent/file")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .io)
            #expect(error.message == "cannot open: No such file or directory")
        }
    }
}
