import Testing
@testable import Sluice

@Suite struct ZstdDecompressorTests {
    private func decompress(_ fixture: String, chunk: Int = 4096) throws -> (Drained, ZstdDecompressor) {
        let file = try FileReader(path: TestPaths.zstdFixture(fixture))
        let z = ZstdDecompressor(source: file)
        return (drain(z, chunk: chunk), z)
    }

    @Test(arguments: ["single", "multi", "skippable", "nosize", "long31"])
    func decodesPayload(_ name: String) throws {
        let (out, z) = try decompress(name + ".jsonl.zst")
        #expect(out.error == nil)
        #expect(out.bytes.count == 320)
        #expect(out.bytes == TestPaths.payload)
        // Every compressed byte was consumed.
        let size = try TestPaths.readBytes(TestPaths.zstdFixture(name + ".jsonl.zst")).count
        #expect(z.bytesRead == size)
        #expect(z.compressedOffset == size)
    }

    @Test(arguments: [1, 7, 64, 190, 320, 1 << 16])
    func outputBufferSizeDoesNotMatter(_ chunk: Int) throws {
        for name in ["multi", "skippable"] {
            let (out, _) = try decompress(name + ".jsonl.zst", chunk: chunk)
            #expect(out.error == nil)
            #expect(out.bytes == TestPaths.payload)
        }
    }

    @Test func inputFedOneByteAtATime() throws {
        let compressed = try TestPaths.readBytes(TestPaths.zstdFixture("skippable.jsonl.zst"))
        let z = ZstdDecompressor(source: MemoryReader(compressed, maxRead: 1))
        let out = drain(z, chunk: 5)
        #expect(out.error == nil)
        #expect(out.bytes == TestPaths.payload)
        #expect(z.compressedOffset == 289)
    }

    @Test func emptyFrameDecodesToNothing() throws {
        let (out, z) = try decompress("empty-frame.jsonl.zst")
        #expect(out.error == nil)
        #expect(out.bytes.isEmpty)
        #expect(z.bytesRead == 13)
    }

    @Test func zeroByteInputIsEmptyAtThisLevel() throws {
        let (out, _) = try decompress("empty.jsonl.zst")
        #expect(out.error == nil)
        #expect(out.bytes.isEmpty)
    }

    @Test func longWindowFrameDecodes() throws {
        let (out, _) = try decompress("longwindow.jsonl.zst")
        #expect(out.error == nil)
        // Known content (as `zstd -dc --long=31` gives it): 16401 bytes of base64 lines, twice.
        #expect(out.bytes.count == 32802)
        #expect(Array(out.bytes[0..<16401]) == Array(out.bytes[16401...]))
        #expect(out.bytes.filter { $0 == 0x0A }.count == 426)
        #expect(Array(out.bytes[0..<20]).utf8String == "i4AxjNlZTqj+wcJTqGtw")
        #expect(fnv1a(out.bytes) == 0xa517_718b_0186_fc87)
    }

    @Test func longWindowFrameIsRefusedWithDefaultLimit() throws {
        let file = try FileReader(path: TestPaths.zstdFixture("longwindow.jsonl.zst"))
        let out = drain(ZstdDecompressor(source: file, windowLogMax: 27))
        #expect(out.error?.kind == .corrupt)
        #expect(out.bytes.isEmpty)
    }

    @Test func truncatedFrameIsAnError() throws {
        let (out, _) = try decompress("truncated.jsonl.zst")
        #expect(out.error?.kind == .truncated)
        #expect(out.error?.offset == 66)
        #expect(out.error?.message == "zstd stream ends inside a frame (truncated file)")
    }

    @Test func corruptBlockFailsAfterEarlierFrames() throws {
        let (out, _) = try decompress("corrupt.jsonl.zst")
        let error = try #require(out.error)
        #expect(error.kind == .corrupt)
        // The offset is where the failing frame starts (frames 1–2 are 140 compressed bytes).
        #expect(error.offset == 140)
        #expect(error.message == "zstd: Data corruption detected")
        // Frames 1 and 2 (lines p1–p6, 190 bytes) came out before the failure.
        #expect(out.bytes == Array(TestPaths.payload[0..<190]))
    }

    @Test func badChecksumFailsAfterEarlierFrames() throws {
        let (out, _) = try decompress("badchecksum.jsonl.zst")
        let error = try #require(out.error)
        #expect(error.kind == .corrupt)
        #expect(error.offset == 140)
        #expect(error.message == "zstd: Restored data doesn't match checksum")
        // Frames 1–2 came out; frame 3 (fitting one read) was held back by libzstd.
        #expect(out.bytes == Array(TestPaths.payload[0..<190]))
    }

    /// `zstd --no-check` of payload.jsonl: without a checksum the last block is the last input,
    /// so output still buffered in libzstd must be flushed after the input has run out.
    static let noChecksumFrame: [UInt8] = [
        0x28, 0xB5, 0x2F, 0xFD, 0x60, 0x40, 0x00, 0xB5, 0x03, 0x00, 0xC2, 0x04, 0x12, 0x1A, 0x70, 0x69,
        0x75, 0xCE, 0x05, 0x51, 0x21, 0x45, 0xCA, 0x08, 0x51, 0x08, 0x14, 0xAF, 0x3E, 0x0D, 0xFD, 0xFF,
        0xFF, 0x7F, 0xE4, 0x77, 0xFA, 0x7F, 0xBD, 0xD4, 0x27, 0x1A, 0xE9, 0xF7, 0x48, 0xA9, 0x81, 0x5D,
        0x85, 0x3C, 0x40, 0xFF, 0xEE, 0x1A, 0x98, 0x8E, 0xF9, 0xCB, 0xA5, 0x1D, 0x18, 0x41, 0x79, 0x5B,
        0x09, 0x43, 0x2C, 0x72, 0xA2, 0xD1, 0x95, 0x15, 0xD7, 0x14, 0x58, 0x79, 0xE1, 0xD7, 0x86, 0x93,
        0xC1, 0xCA, 0x83, 0x74, 0x22, 0x12, 0x00, 0x24, 0xDB, 0x61, 0x82, 0x25, 0x23, 0xE8, 0x18, 0xE0,
        0x1E, 0xE8, 0x04, 0x51, 0x9C, 0x42, 0xC7, 0x84, 0xC0, 0x39, 0xD0, 0x09, 0xC0, 0x0D, 0x40, 0xEE,
        0x50, 0x1C, 0x41, 0x77, 0x87, 0x70, 0x0C, 0x40, 0x2E, 0xE0, 0x06, 0xF4, 0xBB, 0x20, 0x94, 0x13,
    ]

    @Test(arguments: [1, 7, 64, 319, 320, 4096])
    func frameWithoutChecksumIsFlushedWhateverTheOutputSize(_ chunk: Int) {
        for maxRead in [1, 13, Int.max] {
            let z = ZstdDecompressor(source: MemoryReader(Self.noChecksumFrame, maxRead: maxRead))
            let out = drain(z, chunk: chunk)
            #expect(out.error == nil, "chunk \(chunk) read \(maxRead)")
            #expect(out.bytes == TestPaths.payload, "chunk \(chunk) read \(maxRead)")
        }
    }

    @Test func sourceErrorsPassThrough() throws {
        let compressed = try TestPaths.readBytes(TestPaths.zstdFixture("multi.jsonl.zst"))
        let failure = ReadError(kind: .io, offset: 100, message: "disk gone")
        let z = ZstdDecompressor(source: MemoryReader(compressed, maxRead: 10, failAt: 100, failure: failure))
        let out = drain(z)
        #expect(out.error == failure)
        #expect(out.bytes == Array(TestPaths.payload[0..<out.bytes.count]))
    }

    private func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
