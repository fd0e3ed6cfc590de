@testable import Sluice

/// An in-memory byte source that hands out at most `step` bytes a call, so the decoder's
/// buffer handling is exercised at every split point.
final class ChunkReader: ByteReader {
    let bytes: [UInt8]
    let step: Int
    private(set) var bytesRead = 0

    init(_ bytes: [UInt8], step: Int) {
        self.bytes = bytes
        self.step = max(1, step)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        let n = min(step, buffer.count, bytes.count - bytesRead)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { src in
            buffer.baseAddress!.copyMemory(from: src.baseAddress! + bytesRead, byteCount: n)
        }
        bytesRead += n
        return n
    }
}

extension Harness {
    /// Everything `reader` yields, and the error that stopped it, if any.
    static func drain(_ reader: any ByteReader) -> ([UInt8], ReadError?) {
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        do {
            while true {
                let n = try buf.withUnsafeMutableBytes { (b) throws(ReadError) -> Int in try reader.read(into: b) }
                if n == 0 { return (out, nil) }
                out.append(contentsOf: buf[..<n])
                // A small frame can claim a huge content size; the decoder streams it, and the
                // harness need not hold more than this to check it.
                if out.count > 1 << 24 { return (out, nil) }
            }
        } catch let e as ReadError { return (out, e) } catch { return (out, ReadError(kind: .io, offset: -1, message: "\(error)")) }
    }

    /// The zstd stream decoder on raw bytes (corrupt, truncated, skippable, concatenated frames
    /// as the fuzzer makes them) and on real frames of the input that are cut, damaged or
    /// concatenated: a good stream comes back exactly, a damaged one ends in an error with an
    /// offset inside the input, never a crash, hang or unbounded allocation.
    static let zstd = Harness(name: "zstd") { input in
        let (choice, rest) = input.split()
        let step = Int(choice & 0x0F) * 97 + 1
        let payload = Array(rest)
        switch choice >> 4 {
        case 0...7:
            // Raw bytes: anything may come out, but an error names an offset in the input.
            let (_, error) = drain(ZstdDecompressor(source: ChunkReader(payload, step: step), windowLogMax: 27))
            if let error { Harness.require(error.offset >= 0 && error.offset <= payload.count, "error offset \(error.offset) outside the input") }
        case 8...11:
            // Two frames of the payload's halves, concatenated: the payload comes back whole.
            var framed: [UInt8] = []
            let half = payload.count / 2
            ZstdCompressor(level: 1).compressFrame(Array(payload[..<half]), appendingTo: &framed)
            ZstdCompressor(level: 1).compressFrame(Array(payload[half...]), appendingTo: &framed)
            let (out, error) = drain(ZstdDecompressor(source: ChunkReader(framed, step: step)))
            Harness.require(error == nil && out == payload, "concatenated frames did not round-trip")
        default:
            // A real frame, cut short or with one byte changed: an error or (for a change the
            // checksum cannot see, or a cut at the frame's end) a result, never more than the payload.
            var framed: [UInt8] = []
            ZstdCompressor(level: 1).compressFrame(payload, appendingTo: &framed)
            let at = payload.isEmpty ? 0 : Int(payload[0]) * framed.count / 256
            if choice & 0x01 == 0 {
                framed.removeLast(framed.count - at)
            } else if at < framed.count {
                framed[at] ^= payload.count > 1 ? (payload[1] | 1) : 0x55
            }
            let (out, error) = drain(ZstdDecompressor(source: ChunkReader(framed, step: step)))
            if let error { Harness.require(error.offset <= framed.count, "error offset past the input") }
            Harness.require(out.count <= max(payload.count, 1 << 24), "decoded more than was compressed")
        }
    }
}
