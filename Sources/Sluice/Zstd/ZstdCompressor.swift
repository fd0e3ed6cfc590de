import CZstd
import Synchronization

/// Compresses whole buffers into independent zstd frames.
///
/// Independent frames let many workers compress batches of one file in parallel, let the
/// writer concatenate them in order, and give resume clean cut points. Contexts are pooled
/// because creating one allocates its tables anew.
public final class ZstdCompressor: Sendable {
    /// The compression level (1…19; 3 is zstd's default).
    public let level: Int32
    private let pool = Mutex<[ContextBox]>([])

    private struct ContextBox: @unchecked Sendable {
        // A context is used by one task at a time: taken from the pool, returned after use.
        let pointer: OpaquePointer
    }

    public init(level: Int32 = 3) { self.level = level }

    deinit {
        pool.withLock { boxes in for b in boxes { ZSTD_freeCCtx(b.pointer) } }
    }

    /// Appends one complete zstd frame holding `bytes` to `output`.
    public func compressFrame(_ bytes: [UInt8], appendingTo output: inout [UInt8]) {
        let box = pool.withLock { $0.popLast() } ?? makeContext()
        defer { pool.withLock { $0.append(box) } }
        let bound = ZSTD_compressBound(bytes.count)
        let start = output.count
        output.reserveCapacity(start + bound)
        output.append(contentsOf: repeatElement(0, count: bound))
        let written = bytes.withUnsafeBytes { src in
            output.withUnsafeMutableBytes { dst in
                ZSTD_compress2(box.pointer, dst.baseAddress! + start, bound, src.baseAddress, src.count)
            }
        }
        // The bound guarantees room, and parameters are valid: an error here is a bug.
        precondition(ZSTD_isError(written) == 0, "ZSTD_compress2 failed: \(String(cString: ZSTD_getErrorName(written)))")
        output.removeLast(bound - written)
    }

    private func makeContext() -> ContextBox {
        guard let c = ZSTD_createCCtx() else { fatalError("ZSTD_createCCtx: out of memory") }
        ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, level)
        ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1)
        return ContextBox(pointer: c)
    }
}
