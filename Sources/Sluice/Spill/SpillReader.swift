#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file written by ``SpillWriter`` front to back through a buffer, or at given offsets.
final class SpillReader {
    let path: String
    private let fd: Int32
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var fileOffset = 0

    /// Opens `path`; `capacity` bytes are read at a time.
    init(path: String, capacity: Int = 1 << 16) throws(WriteError) {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw WriteError(path: path, errno: errno, action: "open") }
        buffer = [UInt8](repeating: 0, count: max(64, capacity))
    }

    deinit { close(fd) }

    /// Fills the buffer so that at least `n` bytes are ready; false at the end of the file.
    private func ensure(_ n: Int) throws(WriteError) -> Bool {
        if end - start >= n { return true }
        if start > 0 {
            buffer.withUnsafeMutableBytes { b in
                if end > start { memmove(b.baseAddress!, b.baseAddress! + start, end - start) }
            }
            end -= start
            start = 0
        }
        if n > buffer.count { buffer += [UInt8](repeating: 0, count: n - buffer.count) }
        while end < n {
            let got = buffer.withUnsafeMutableBytes { b in
                read(fd, b.baseAddress! + end, b.count - end)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, errno: errno, action: "read")
            }
            if got == 0 { return false }
            end += got
            fileOffset += got
        }
        return true
    }

    /// The next little-endian integer, or nil at the end of the file.
    func next<T: FixedWidthInteger>(_: T.Type) throws(WriteError) -> T? {
        let size = MemoryLayout<T>.size
        guard try ensure(size) else { return nil }
        var v: T = 0
        buffer.withUnsafeBytes { b in
            withUnsafeMutableBytes(of: &v) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: b[start..<(start + size)])) }
        }
        start += size
        return T(littleEndian: v)
    }

    /// The next `n` bytes, handed to `body`; nil at the end of the file.
    func next<R>(bytes n: Int, _ body: (UnsafeRawBufferPointer) -> R) throws(WriteError) -> R? {
        guard try ensure(n) else { return nil }
        let r = buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<(start + n)])) }
        start += n
        return r
    }

    /// Reads `into.count` bytes at `offset`, outside the sequential position; false when the
    /// file is shorter.
    func readBytes(at offset: Int, into out: UnsafeMutableRawBufferPointer) throws(WriteError) -> Bool {
        var done = 0
        while done < out.count {
            let got = pread(fd, out.baseAddress! + done, out.count - done, off_t(offset + done))
            if got < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, errno: errno, action: "read")
            }
            if got == 0 { return false }
            done += got
        }
        return true
    }
}
