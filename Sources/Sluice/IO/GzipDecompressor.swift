import CZlib

/// Streaming gzip decompression of a ``ByteReader`` with zlib, as a ``ByteReader`` itself.
///
/// Reads any number of concatenated members (`cat a.gz b.gz`, and WARC's one member per
/// record) and checks each member's CRC-32 and length, so damage is reported with its offset
/// instead of passing on garbled text. Not Sendable: one per task.
public final class GzipDecompressor: ByteReader {
    private let input: CompressedInput
    private var stream = z_stream()
    /// Inside a member (its header seen, its trailer not yet).
    private var inMember = false
    /// Compressed bytes consumed by zlib so far: the offset reported on errors.
    public private(set) var compressedOffset = 0

    /// Decompresses the gzip members of `source`.
    public init(source: any ByteReader) throws(ReadError) {
        input = CompressedInput(source: source)
        guard sluice_inflate_init_gzip(&stream) == Z_OK else {
            throw ReadError(kind: .io, offset: 0, message: "zlib: cannot start a gzip stream (out of memory)")
        }
    }

    deinit {
        inflateEnd(&stream)
    }

    /// Compressed bytes read so far.
    public var bytesRead: Int { input.bytesRead }

    /// Reads decompressed bytes into `buffer`; returns 0 at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard buffer.count > 0, try input.mayRead() else { return 0 }
        while true {
            if stream.avail_in == 0, let chunk = try input.next() {
                stream.next_in = UnsafeMutablePointer(mutating: chunk.baseAddress!.assumingMemoryBound(to: Bytef.self))
                stream.avail_in = uInt(chunk.count)
            }
            if stream.avail_in == 0 && input.exhausted {
                if inMember {
                    throw ReadError(kind: .truncated, offset: compressedOffset,
                                    message: "gzip stream ends inside a member (truncated file)")
                }
                input.finished = true
                return 0
            }
            if !inMember {
                // Between members: zero padding after the last one is tolerated, as gzip does.
                if skipPadding() { continue }
                inMember = true
            }
            let availBefore = stream.avail_in
            stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(buffer.count)
            let r = inflate(&stream, Z_NO_FLUSH)
            compressedOffset += Int(availBefore - stream.avail_in)
            let produced = buffer.count - Int(stream.avail_out)
            switch r {
            case Z_OK, Z_BUF_ERROR:
                break
            case Z_STREAM_END:
                inMember = false
                inflateReset(&stream)
            default:
                let what = stream.msg.map { String(cString: $0) } ?? "error \(r)"
                // The bytes inflated before the damage was seen are delivered first.
                try input.fail(ReadError(kind: .corrupt, offset: compressedOffset, message: "gzip: \(what)"), produced: produced)
            }
            if produced > 0 { return produced }
        }
    }

    /// Consumes zero bytes after a member; returns true when it consumed all available
    /// input (more must be read), false when a byte that may start a member is next.
    private func skipPadding() -> Bool {
        while stream.avail_in > 0 && stream.next_in.pointee == 0 {
            stream.next_in += 1
            stream.avail_in -= 1
            compressedOffset += 1
        }
        return stream.avail_in == 0
    }
}
