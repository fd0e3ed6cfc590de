import Testing
@testable import Sluice

@Suite struct ZstdCompressorTests {
    private func decompress(_ bytes: [UInt8]) -> Drained {
        drain(ZstdDecompressor(source: MemoryReader(bytes)))
    }

    private func sample(_ n: Int, seed: Int) -> [UInt8] {
        (0..<n).map { i in UInt8(truncatingIfNeeded: (i &* 31 &+ seed &* 7) % 97 &+ 32) }
    }

    @Test func oneFrameRoundTrip() {
        let c = ZstdCompressor()
        var out: [UInt8] = []
        c.compressFrame(TestPaths.payload, appendingTo: &out)
        #expect(ZstdFormat.hasMagic(out))
        let back = decompress(out)
        #expect(back.error == nil)
        #expect(back.bytes == TestPaths.payload)
    }

    @Test func threeConcatenatedFramesRoundTrip() {
        let c = ZstdCompressor(level: 5)
        let parts = [Array(TestPaths.payload[0..<90]), Array(TestPaths.payload[90..<190]), Array(TestPaths.payload[190...])]
        var out: [UInt8] = []
        var ends: [Int] = []
        for p in parts {
            c.compressFrame(p, appendingTo: &out)
            ends.append(out.count)
        }
        #expect(decompress(out).bytes == TestPaths.payload)
        // Each frame stands alone.
        #expect(decompress(Array(out[ends[0]..<ends[1]])).bytes == parts[1])
        #expect(ZstdFormat.hasMagic(out[ends[1]...]))
    }

    @Test func emptyInputMakesAValidEmptyFrame() {
        let c = ZstdCompressor()
        var out: [UInt8] = [1, 2, 3]
        c.compressFrame([], appendingTo: &out)
        #expect(Array(out[0..<3]) == [1, 2, 3])
        let back = decompress(Array(out[3...]))
        #expect(back.error == nil)
        #expect(back.bytes.isEmpty)
    }

    @Test func framesCarryAChecksum() {
        let c = ZstdCompressor()
        var out: [UInt8] = []
        c.compressFrame(TestPaths.payload, appendingTo: &out)
        out[out.count - 1] ^= 0xFF
        let back = decompress(out)
        #expect(back.error?.kind == .corrupt)
    }

    @Test func concurrentCompressionFromManyTasks() async {
        let c = ZstdCompressor()
        let results = await withTaskGroup(of: (Int, [UInt8]).self) { group in
            for t in 0..<16 {
                group.addTask {
                    var out: [UInt8] = []
                    for k in 0..<3 { c.compressFrame(self.sample(5000 + 100 * k, seed: t), appendingTo: &out) }
                    return (t, out)
                }
            }
            var all: [Int: [UInt8]] = [:]
            for await (t, out) in group { all[t] = out }
            return all
        }
        #expect(results.count == 16)
        for t in 0..<16 {
            let expected = (0..<3).flatMap { k in sample(5000 + 100 * k, seed: t) }
            let back = decompress(results[t] ?? [])
            #expect(back.error == nil)
            #expect(back.bytes == expected, "task \(t)")
        }
    }
}
