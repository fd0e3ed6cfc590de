@testable import Sluice

extension Harness {
    /// libarchive through ``ArchiveReader`` on arbitrary bytes (damaged tar, zip, compressed
    /// tar): entries and their data come out or an error with an offset inside
    /// the input, never a crash, hang or unbounded allocation; and the engine's member walk
    /// (``PeekableReader``, member compression) on whatever entries there are.
    static let archive = Harness(name: "archive") { input in
        let (choice, rest) = input.split()
        let step = Int(choice & 0x0F) * 131 + 1
        let payload = Array(rest)
        guard let reader = try? ArchiveReader(source: ChunkReader(payload, step: step)) else { return }
        var entries = 0
        var total = 0
        do throws(ReadError) {
            while let entry = try reader.nextEntry() {
                entries += 1
                Harness.require(entries <= payload.count + 1, "more entries than input bytes")
                guard entry.kind == .regular else { continue }
                // Sniff and undo a member's compression as the engine does.
                let peekable = PeekableReader(reader)
                let head = try peekable.peek(6)
                let content: any ByteReader = try Compression.sniff(head).map { c throws(ReadError) in try c.reader(over: peekable) } ?? peekable
                let (out, error) = drain(content)
                total += out.count
                if let error {
                    Harness.require(error.offset >= 0 && error.offset <= payload.count, "error offset \(error.offset) outside the input")
                    if reader.failed { break }
                }
                if total > 1 << 24 { break }
            }
        } catch {
            Harness.require(error.offset >= 0 && error.offset <= payload.count, "error offset \(error.offset) outside the input")
        }
        Harness.require(reader.bytesRead <= payload.count, "read past the input")
    }

    /// The gzip decoder on raw bytes, and on real members of the payload (stored blocks with
    /// their CRC) that are concatenated, cut or damaged: good streams come back exactly, damage
    /// ends in an error with an offset inside the input.
    static let gzip = Harness(name: "gzip") { input in
        let (choice, rest) = input.split()
        let step = Int(choice & 0x0F) * 97 + 1
        let payload = Array(rest)
        func decode(_ bytes: [UInt8]) -> ([UInt8], ReadError?) {
            guard let d = try? GzipDecompressor(source: ChunkReader(bytes, step: step)) else { return ([], nil) }
            return drain(d)
        }
        switch choice >> 4 {
        case 0...7:
            let (_, error) = decode(payload)
            if let error { Harness.require(error.offset >= 0 && error.offset <= payload.count, "error offset \(error.offset) outside the input") }
        case 8...11:
            let half = payload.count / 2
            let stream = storedGzip(Array(payload[..<half])) + storedGzip(Array(payload[half...]))
            let (out, error) = decode(stream)
            Harness.require(error == nil && out == payload, "concatenated members did not round-trip")
        default:
            var stream = storedGzip(payload)
            let at = payload.isEmpty ? 0 : Int(payload[0]) * stream.count / 256
            if choice & 0x01 == 0 {
                stream.removeLast(stream.count - at)
            } else if at < stream.count {
                stream[at] ^= payload.count > 1 ? (payload[1] | 1) : 0x55
            }
            let (out, error) = decode(stream)
            if let error { Harness.require(error.offset <= stream.count, "error offset past the input") }
            // Whatever a damaged stream yields is never more than the payload.
            Harness.require(out.count <= payload.count + 65535, "decoded more than was stored")
        }
    }

    /// The bzip2 and xz decoders (bit 4 of the choice picks one) on raw bytes, and on real
    /// streams of the payload (made by libbz2 and liblzma) that are concatenated, cut or
    /// damaged: good streams come back exactly, a cut stream yields a prefix of the payload,
    /// damage ends in an error with an offset inside the input.
    static let bzip2xz = Harness(name: "bzip2xz") { input in
        let (choice, rest) = input.split()
        let step = Int(choice & 0x0F) * 89 + 1
        let payload = Array(rest)
        let xz = choice & 0x10 != 0
        func decode(_ bytes: [UInt8]) -> ([UInt8], ReadError?) {
            let source = ChunkReader(bytes, step: step)
            if xz {
                guard let d = try? XzDecompressor(source: source) else { return ([], nil) }
                return drain(d)
            }
            return drain(Bzip2Decompressor(source: source))
        }
        func encode(_ data: [UInt8]) -> [UInt8] { xz ? XzDecompressor.encode(data) : Bzip2Decompressor.encode(data) }
        switch choice >> 5 {
        case 0...3:
            let (_, error) = decode(payload)
            if let error { Harness.require(error.offset >= 0 && error.offset <= payload.count, "error offset \(error.offset) outside the input") }
        case 4, 5:
            let half = payload.count / 2
            let stream = encode(Array(payload[..<half])) + encode(Array(payload[half...]))
            let (out, error) = decode(stream)
            Harness.require(error == nil && out == payload, "concatenated streams did not round-trip: \(String(describing: error))")
        case 6:
            let stream = encode(payload)
            let at = payload.isEmpty ? 0 : Int(payload[0]) * stream.count / 256
            let (out, error) = decode(Array(stream[..<at]))
            Harness.require(at == 0 || at == stream.count || error != nil, "a cut stream ended without an error")
            Harness.require(out.count <= payload.count && out[...] == payload[..<out.count], "a cut stream yielded what was not stored")
        default:
            var stream = encode(payload)
            let at = payload.isEmpty ? 0 : Int(payload[0]) * stream.count / 256
            if at < stream.count { stream[at] ^= payload.count > 1 ? (payload[1] | 1) : 0x55 }
            let (out, error) = decode(stream)
            // (A damaged LZMA stream may decode to much more than was stored before its check
            // fails: the drain's cap bounds the output.)
            _ = out
            if let error { Harness.require(error.offset <= stream.count, "error offset past the input") }
        }
    }

    /// One gzip member holding `data` in stored (uncompressed) deflate blocks.
    static func storedGzip(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF]
        var i = 0
        repeat {
            let n = min(65535, data.count - i)
            let last: UInt8 = i + n == data.count ? 1 : 0
            out += [last, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[i..<(i + n)]
            i += n
        } while i < data.count
        let crc = crc32(data)
        for v in [crc, UInt32(truncatingIfNeeded: data.count)] {
            out += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
        }
        return out
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data {
            c ^= UInt32(b)
            for _ in 0..<8 { c = (c >> 1) ^ (0xEDB8_8320 & (0 &- (c & 1))) }
        }
        return ~c
    }
}
