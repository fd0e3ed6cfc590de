#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends bytes to a scratch file through a buffer: what a stage spills to disk under a
/// `--memory` budget. The file is not meant to survive the run (no fsync, no rename).
final class SpillWriter {
    let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// Bytes appended so far (written or buffered).
    private(set) var count = 0

    /// Creates (or empties) `path`; `capacity` bytes are buffered between writes.
    init(path: String, capacity: Int = 1 << 16) throws(WriteError) {
        self.path = path
        self.capacity = capacity
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw WriteError(path: path, errno: errno, action: "create") }
        buffer.reserveCapacity(capacity)
    }

    deinit { if fd >= 0 { close(fd) } }

    func append<C: Collection>(contentsOf bytes: C) throws(WriteError) where C.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        count += bytes.count
        if buffer.count >= capacity { try flush() }
    }

    /// Appends `value`'s bytes, little-endian.
    func append<T: FixedWidthInteger>(_ value: T) throws(WriteError) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
        count += MemoryLayout<T>.size
        if buffer.count >= capacity { try flush() }
    }

    /// Writes what is buffered.
    func flush() throws(WriteError) {
        guard !buffer.isEmpty else { return }
        try FileSystem.writeAll(fd: fd, bytes: buffer, path: path)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and closes the file.
    func finish() throws(WriteError) {
        try flush()
        if fd >= 0 { close(fd); fd = -1 }
    }
}
