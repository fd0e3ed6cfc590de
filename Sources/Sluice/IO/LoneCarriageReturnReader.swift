#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text whose lines end in a lone carriage return (classic Mac OS, some exports) read as if
/// they ended in line feeds: each CR not followed by LF becomes LF, so the `line` and
/// `blank_line` text layouts see its lines (such a file was one record). CRLF stays as it is;
/// bytes are replaced one for one, so offsets and lengths do not change.
final class LoneCarriageReturnReader: ByteReader {
    private let source: any ByteReader
    /// A CR that ended the last read: whether it is lone depends on the next byte.
    private var heldCR = false
    private var ended = false

    init(source: any ByteReader) {
        self.source = source
    }

    var bytesRead: Int { source.bytesRead }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard buffer.count > 0, !(ended && !heldCR) else { return 0 }
        let b = buffer.bindMemory(to: UInt8.self)
        var n = 0
        if heldCR {
            b[0] = 0x0D
            n = 1
            heldCR = false
        }
        while true {
            if !ended && n < b.count {
                let got = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[n...]))
                if got == 0 { ended = true }
                n += got
            }
            guard n > 0 else { return 0 }
            // A CR at the end is decided by the byte after it: read on while it is the only
            // byte (each pass reads more or reaches the end), else hold it for the next read.
            if b[n - 1] == 0x0D && !ended {
                if n == 1 && b.count > 1 { continue }
                if n > 1 {
                    Self.convert(b, upTo: n - 1)
                    heldCR = true
                    return n - 1
                }
                // A buffer of one byte: the CR is handed out as it is (LineReader's are large).
                return n
            }
            Self.convert(b, upTo: n)
            return n
        }
    }

    /// Turns each lone CR of `b[0..<n]` into LF; a CR at `n - 1` is lone (the input ended).
    /// CRs are found with memchr: every text file in the line layouts passes through here, and
    /// most have none.
    private static func convert(_ b: UnsafeMutableBufferPointer<UInt8>, upTo n: Int) {
        guard n > 0, let base = b.baseAddress else { return }
        var i = 0
        while i < n, let p = memchr(base + i, 0x0D, n - i) {
            let at = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if at + 1 == n || b[at + 1] != 0x0A { b[at] = 0x0A }
            i = at + 1
        }
    }
}
