/// The compressed side of a streaming decoder (``GzipDecompressor``, ``Bzip2Decompressor``,
/// ``XzDecompressor``): its source, read into one 64 KB buffer at a time, and the decoder's end,
/// with a failure held back until the bytes decoded before it have been handed out.
final class CompressedInput {
    private let source: any ByteReader
    private let buffer: UnsafeMutableRawBufferPointer
    /// The source has no more bytes.
    private(set) var exhausted = false
    /// The decoder's output has ended, cleanly or by a failure already reported.
    var finished = false
    /// A failure seen while producing bytes: reported by the next ``mayRead()``.
    private var pending: ReadError?

    init(source: any ByteReader) {
        self.source = source
        buffer = .allocate(byteCount: 1 << 16, alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// Compressed bytes read from the source so far.
    var bytesRead: Int { source.bytesRead }

    /// The next bytes of the source (valid until the next call); nil once it is exhausted.
    func next() throws(ReadError) -> UnsafeRawBufferPointer? {
        guard !exhausted else { return nil }
        let n = try source.read(into: buffer)
        if n == 0 {
            exhausted = true
            return nil
        }
        return UnsafeRawBufferPointer(rebasing: buffer[0..<n])
    }

    /// Whether the decoder may produce more: false once it has finished; the failure held
    /// back, if any, is thrown (once).
    func mayRead() throws(ReadError) -> Bool {
        if finished { return false }
        if let pending {
            finished = true
            throw pending
        }
        return true
    }

    /// Reports `error`, seen after `produced` bytes were decoded into the caller's buffer:
    /// thrown now when there are none, else held back for the next read so that those bytes
    /// are handed out first.
    func fail(_ error: ReadError, produced: Int) throws(ReadError) {
        guard produced > 0 else {
            finished = true
            throw error
        }
        pending = error
    }
}
