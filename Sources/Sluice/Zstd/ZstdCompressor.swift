import CZstd

/// Compresses whole buffers into independent zstd frames.
///
/// Independent frames let many workers compress batches of one file in parallel, let the
/// writer concatenate them in order, and give resume clean cut points. Contexts are pooled
/// because creating one allocates its tables anew.
public final class ZstdCompressor: Sendable {
    /// The compression level (1…19; 3 is zstd's default).
    public let level: Int32
    private let pool = Locked<[ContextBox]>([])

    private final class ContextBox: @unchecked Sendable {
        // A context is used by one task at a time: taken from the pool, returned after use.
        let pointer: OpaquePointer
        /// Where frames are compressed before being appended: sized to the largest bound
        /// seen, so the output array is never zero-filled to the bound first.
        var scratch: UnsafeMutableRawBufferPointer = .init(start: nil, count: 0)

        init(pointer: OpaquePointer) { self.pointer = pointer }
        deinit {
            ZSTD_freeCCtx(pointer)
            scratch.deallocate()
        }
    }

    /// A compressor at zstd `level`.
    public init(level: Int32 = 3) { self.level = level }

    /// Appends one complete zstd frame holding `bytes` to `output`.
    public func compressFrame(_ bytes: [UInt8], appendingTo output: inout [UInt8]) {
        let box = pool.withLock { $0.popLast() } ?? makeContext()
        defer { pool.withLock { $0.append(box) } }
        let bound = ZSTD_compressBound(bytes.count)
        if box.scratch.count < bound {
            box.scratch.deallocate()
            box.scratch = .allocate(byteCount: bound, alignment: 16)
        }
        let written = bytes.withUnsafeBytes { src in
            ZSTD_compress2(box.pointer, box.scratch.baseAddress, bound, src.baseAddress, src.count)
        }
        // The bound guarantees room, and parameters are valid: an error here is a bug.
        precondition(ZSTD_isError(written) == 0, "ZSTD_compress2 failed: \(String(cString: ZSTD_getErrorName(written)))")
        output.append(contentsOf: UnsafeBufferPointer(start: box.scratch.baseAddress!.assumingMemoryBound(to: UInt8.self), count: written))
    }

    private func makeContext() -> ContextBox {
        guard let c = ZSTD_createCCtx() else { fatalError("ZSTD_createCCtx: out of memory") }
        ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, level)
        ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1)
        return ContextBox(pointer: c)
    }
}
