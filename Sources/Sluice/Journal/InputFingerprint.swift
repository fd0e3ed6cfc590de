#if canImport(Glibc)
import Glibc
#endif

/// Identifies the content of an input file cheaply: size, modification time, and hashes of
/// its first and last 64 KiB. A file that changed since its checkpoint is redone from the start.
public struct InputFingerprint: Sendable, Equatable {
    /// Size in bytes.
    public var size: Int
    /// Modification time in nanoseconds since the epoch.
    public var mtimeNanoseconds: Int
    /// Hash of the file's first 64 KiB.
    public var headHash: UInt64
    /// Hash of the file's last 64 KiB.
    public var tailHash: UInt64

    static let block = 64 * 1024

    /// Reads the fingerprint of `path`; nil when the file cannot be read.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        size = Int(st.st_size)
        mtimeNanoseconds = Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let n = min(size, Self.block)
        guard let head = Self.hash(fd: fd, offset: 0, count: n),
              let tail = Self.hash(fd: fd, offset: size - n, count: n) else { return nil }
        headHash = head
        tailHash = tail
    }

    /// A fingerprint from its parts.
    public init(size: Int, mtimeNanoseconds: Int, headHash: UInt64, tailHash: UInt64) {
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
        self.headHash = headHash
        self.tailHash = tailHash
    }

    private static func hash(fd: Int32, offset: Int, count: Int) -> UInt64? {
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let r = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if r < 0 && errno == EINTR { continue }
            if r <= 0 { return nil }
            done += r
        }
        return FNV1a.hash(buffer)
    }

    /// What differs from `other`, for the message that explains a redo.
    public func difference(from other: InputFingerprint) -> String {
        if size != other.size { return "size \(other.size) → \(size) bytes" }
        if headHash != other.headHash || tailHash != other.tailHash { return "content changed" }
        return "modification time changed"
    }
}

/// 64-bit FNV-1a: a small, stable hash for fingerprints (not for security), fed in pieces.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for b in bytes { add(byte: b) }
    }

    mutating func add(byte b: UInt8) {
        value = (value ^ UInt64(b)) &* 0x100_0000_01b3
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h = FNV1a()
        h.add(bytes)
        return h.value
    }
}
