import CBzip2

/// Streaming bzip2 decompression of a ``ByteReader`` with libbz2, as a ``ByteReader`` itself.
///
/// Reads any number of concatenated streams (`cat a.bz2 b.bz2`, and what `pbzip2` writes);
/// libbz2 checks every block's CRC and the stream's. Everything decoded before a cut or damage
/// is delivered before the error: libbz2 hands out a block once it has all of it, so a cut file
/// yields every block before the cut, as `bzip2 -dc` does (libarchive's filter, used before,
/// dropped its last buffer: up to ~0.5 MB of records). Zero bytes after the last stream are
/// tolerated; anything else there is damage. Not Sendable: one per task.
public final class Bzip2Decompressor: ByteReader {
    private let input: CompressedInput
    private var stream = bz_stream()
    /// `stream` is initialized for decoding (between streams it is not).
    private var initialized = false
    /// Inside a stream: its header seen, its end not yet.
    private var inStream = false
    /// Compressed bytes consumed so far: the offset reported on errors.
    public private(set) var compressedOffset = 0

    /// Decompresses the bzip2 streams of `source`.
    public init(source: any ByteReader) {
        input = CompressedInput(source: source)
    }

    deinit {
        if initialized { BZ2_bzDecompressEnd(&stream) }
    }

    /// Compressed bytes read so far.
    public var bytesRead: Int { input.bytesRead }

    /// Reads decompressed bytes into `buffer`; returns 0 at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard buffer.count > 0, try input.mayRead() else { return 0 }
        let room = min(buffer.count, Int(UInt32.max))
        while true {
            if stream.avail_in == 0, let chunk = try input.next() {
                stream.next_in = UnsafeMutablePointer(mutating: chunk.baseAddress!.assumingMemoryBound(to: CChar.self))
                stream.avail_in = UInt32(chunk.count)
            }
            if !inStream {
                // Between streams: zero padding is skipped; the end of input ends the data.
                while stream.avail_in > 0 && stream.next_in.pointee == 0 {
                    stream.next_in += 1
                    stream.avail_in -= 1
                    compressedOffset += 1
                }
                if stream.avail_in == 0 {
                    if input.exhausted {
                        input.finished = true
                        return 0
                    }
                    continue
                }
                try start()
            }
            let availBefore = stream.avail_in
            stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: CChar.self)
            stream.avail_out = UInt32(room)
            let r = BZ2_bzDecompress(&stream)
            compressedOffset += Int(availBefore - stream.avail_in)
            let produced = room - Int(stream.avail_out)
            switch r {
            case BZ_OK:
                // All input used and none coming: the stream was cut (once the output
                // libbz2 still held has been handed out).
                if produced == 0 && stream.avail_in == 0 && input.exhausted {
                    input.finished = true
                    throw ReadError(kind: .truncated, offset: compressedOffset,
                                    message: "bzip2 stream ends inside a block (truncated file)")
                }
            case BZ_STREAM_END:
                // The next stream, if any, starts after this one's end.
                let next = stream.next_in, avail = stream.avail_in
                BZ2_bzDecompressEnd(&stream)
                initialized = false
                inStream = false
                stream = bz_stream()
                stream.next_in = next
                stream.avail_in = avail
            default:
                // The bytes decoded before the damage was seen are delivered first.
                try input.fail(ReadError(kind: .corrupt, offset: compressedOffset, message: "bzip2: " + Self.describe(r)),
                               produced: produced)
            }
            if produced > 0 { return produced }
        }
    }

    /// Starts decoding a stream at the current input.
    private func start() throws(ReadError) {
        let next = stream.next_in, avail = stream.avail_in
        guard BZ2_bzDecompressInit(&stream, 0, 0) == BZ_OK else {
            input.finished = true
            throw ReadError(kind: .io, offset: compressedOffset, message: "bzip2: cannot start a stream (out of memory)")
        }
        stream.next_in = next
        stream.avail_in = avail
        initialized = true
        inStream = true
    }

    private static func describe(_ code: Int32) -> String {
        switch code {
        case BZ_DATA_ERROR: "the compressed data is damaged (a block's check or content)"
        case BZ_DATA_ERROR_MAGIC: "not bzip2 data (no bzip2 magic bytes where a stream should start)"
        case BZ_MEM_ERROR: "out of memory"
        default: "error \(code)"
        }
    }

    /// A bzip2 stream of `data` (block size 100 kB), for tests and fuzzing.
    static func encode(_ data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: data.count + data.count / 100 + 600)
        var length = UInt32(out.count)
        var source = data
        let r = source.withUnsafeMutableBufferPointer { s in
            out.withUnsafeMutableBufferPointer { d in
                d.withMemoryRebound(to: CChar.self) { dc in
                    s.withMemoryRebound(to: CChar.self) { sc in
                        BZ2_bzBuffToBuffCompress(dc.baseAddress, &length, sc.baseAddress, UInt32(sc.count), 1, 0, 0)
                    }
                }
            }
        }
        precondition(r == BZ_OK, "bzip2 compression failed: \(r)")
        return Array(out.prefix(Int(length)))
    }
}
