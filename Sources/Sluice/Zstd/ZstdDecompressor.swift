import CZstd

/// Streaming zstd decompression of a ``ByteReader``, as a ``ByteReader`` itself.
///
/// Handles concatenated and skippable frames, frames without a content size, and
/// `--long=31` frames (the window limit is raised to 2 GiB). Not Sendable: one per task.
public final class ZstdDecompressor: ByteReader {
    private let source: any ByteReader
    private let dctx: OpaquePointer
    private var input: [UInt8]
    private var inPos = 0
    private var inEnd = 0
    private var sourceDone = false
    /// Non-zero when libzstd still expects input: at end of input it means a truncated frame.
    private var lastHint = 0
    /// Compressed bytes handed to libzstd and consumed so far (the offset reported on errors).
    public private(set) var compressedOffset = 0

    /// Decompresses `source`, allowing windows up to 2^`windowLogMax` bytes (`--long=31`).
    public init(source: any ByteReader, windowLogMax: Int32 = 31) {
        self.source = source
        guard let d = ZSTD_createDCtx() else { fatalError("ZSTD_createDCtx: out of memory") }
        dctx = d
        ZSTD_DCtx_setParameter(d, ZSTD_d_windowLogMax, windowLogMax)
        input = [UInt8](repeating: 0, count: ZSTD_DStreamInSize())
    }

    deinit { ZSTD_freeDCtx(dctx) }

    /// Compressed bytes read so far.
    public var bytesRead: Int { source.bytesRead }

    /// Reads decompressed bytes into `buffer`; returns 0 at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard buffer.count > 0 else { return 0 }
        while true {
            if inPos == inEnd && !sourceDone {
                var n = 0
                var failure: ReadError?
                input.withUnsafeMutableBytes { b in
                    do throws(ReadError) { n = try source.read(into: b) } catch { failure = error }
                }
                if let failure { throw failure }
                inPos = 0
                inEnd = n
                if n == 0 { sourceDone = true }
            }
            if inPos == inEnd && sourceDone {
                if lastHint != 0 {
                    throw ReadError(kind: .truncated, offset: compressedOffset,
                                    message: "zstd stream ends inside a frame (truncated file)")
                }
                return 0
            }
            var produced = 0
            var failure: ZstdError?
            input.withUnsafeBytes { inBytes in
                var inb = ZSTD_inBuffer(src: inBytes.baseAddress, size: inEnd, pos: inPos)
                var outb = ZSTD_outBuffer(dst: buffer.baseAddress, size: buffer.count, pos: 0)
                let r = ZSTD_decompressStream(dctx, &outb, &inb)
                if let e = ZstdError.check(r) { failure = e; return }
                lastHint = r
                compressedOffset += inb.pos - inPos
                inPos = inb.pos
                produced = outb.pos
            }
            if let failure {
                throw ReadError(kind: .corrupt, offset: compressedOffset,
                                message: "zstd: \(failure.message)")
            }
            if produced > 0 { return produced }
        }
    }
}
