import CLzma

/// Streaming xz decompression of a ``ByteReader`` with liblzma, as a ``ByteReader`` itself.
///
/// Reads concatenated streams and stream padding (liblzma's `LZMA_CONCATENATED`) and checks
/// each block's check (CRC-32/64, SHA-256) as `xz -dc` does. Everything decoded before a cut or
/// damage is delivered before the error (libarchive's filter, used before, dropped its last
/// buffer: up to ~1 MB of records). Not Sendable: one per task.
public final class XzDecompressor: ByteReader {
    private let input: CompressedInput
    private var stream = sluice_lzma_stream_init()

    /// Decompresses the xz streams of `source`.
    public init(source: any ByteReader) throws(ReadError) {
        input = CompressedInput(source: source)
        guard lzma_stream_decoder(&stream, UInt64.max, sluice_lzma_concatenated()) == LZMA_OK else {
            throw ReadError(kind: .io, offset: 0, message: "xz: cannot start a stream (out of memory)")
        }
    }

    deinit {
        lzma_end(&stream)
    }

    /// Compressed bytes consumed so far: the offset reported on errors.
    public var compressedOffset: Int { Int(stream.total_in) }

    /// Compressed bytes read so far.
    public var bytesRead: Int { input.bytesRead }

    /// Reads decompressed bytes into `buffer`; returns 0 at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard buffer.count > 0, try input.mayRead() else { return 0 }
        while true {
            if stream.avail_in == 0, let chunk = try input.next() {
                stream.next_in = chunk.baseAddress!.assumingMemoryBound(to: UInt8.self)
                stream.avail_in = chunk.count
            }
            stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            stream.avail_out = buffer.count
            let r = lzma_code(&stream, input.exhausted ? LZMA_FINISH : LZMA_RUN)
            let produced = buffer.count - stream.avail_out
            switch r {
            case LZMA_OK:
                break
            case LZMA_STREAM_END:
                input.finished = true
                return produced
            default:
                // The bytes decoded before the damage was seen are delivered first.
                try input.fail(ReadError(kind: r == LZMA_BUF_ERROR ? .truncated : .corrupt, offset: compressedOffset,
                                         message: "xz: " + Self.describe(r)), produced: produced)
            }
            if produced > 0 { return produced }
        }
    }

    private static func describe(_ code: lzma_ret) -> String {
        switch code {
        case LZMA_BUF_ERROR: "data ends inside a stream (truncated file)"
        case LZMA_DATA_ERROR: "the compressed data is damaged"
        case LZMA_FORMAT_ERROR: "not xz data (no xz magic bytes where a stream should start)"
        case LZMA_OPTIONS_ERROR: "a stream uses options this liblzma does not support"
        case LZMA_MEM_ERROR: "out of memory"
        default: "error \(code.rawValue)"
        }
    }

    /// An xz stream of `data` (preset 0, CRC-64), for tests and fuzzing.
    static func encode(_ data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: data.count + data.count / 50 + 1024)
        var position = 0
        let r = data.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { d in
                lzma_easy_buffer_encode(0, LZMA_CHECK_CRC64, nil, s.baseAddress, s.count, d.baseAddress, &position, d.count)
            }
        }
        precondition(r == LZMA_OK, "xz compression failed: \(r.rawValue)")
        return Array(out.prefix(position))
    }
}
