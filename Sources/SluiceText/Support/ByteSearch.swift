#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte search through the C library's vectorized `memchr`.
enum ByteSearch {
    /// The index of the first `byte` in `p[from..<to]`.
    @inline(__always)
    static func find(_ byte: UInt8, _ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        guard from < to, let hit = memchr(p + from, Int32(byte), to - from) else { return nil }
        return hit.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: p)
    }
}
