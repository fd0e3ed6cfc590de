#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a byte stream into lines without copying them and without quadratic rescans.
///
/// Lines of any length work: the buffer grows to the longest line, and the newline search
/// resumes where it stopped, so a 50 MB line costs one pass.
public final class LineReader {
    private let source: any ByteReader
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var scanned = 0
    private var eof = false
    /// 1-based number of the line last returned.
    public private(set) var lineNumber = 0
    /// Decompressed bytes consumed (returned lines plus their newlines).
    public private(set) var bytesConsumed = 0

    /// Reads lines of `source`, `chunkSize` bytes at a time.
    public init(source: any ByteReader, chunkSize: Int = 1 << 20) {
        self.source = source
        buffer = .allocate(byteCount: chunkSize, alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// Raw bytes read from the underlying input so far.
    public var rawBytesRead: Int { source.bytesRead }

    /// Calls `body` with the next line (without `\n` or a trailing `\r`), or returns false at end.
    /// The bytes are valid only during the call.
    public func nextLine(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Bool {
        while true {
            if scanned < end {
                let base = buffer.baseAddress! + scanned
                if let hit = memchr(base, 0x0A, end - scanned) {
                    let nl = buffer.baseAddress!.distance(to: UnsafeMutableRawPointer(hit))
                    try emit(upTo: nl, consumed: nl + 1, body)
                    return true
                }
                scanned = end
            }
            if eof {
                guard start < end else { return false }
                try emit(upTo: end, consumed: end, body)
                return true
            }
            try refill()
        }
    }

    private func emit(upTo lineEnd: Int, consumed: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        var stop = lineEnd
        if stop > start && buffer[stop - 1] == 0x0D { stop -= 1 }
        lineNumber += 1
        bytesConsumed += consumed - start
        let line = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + start,
                                       count: stop - start)
        start = consumed
        scanned = consumed
        try body(line)
    }

    private func refill() throws(ReadError) {
        if start > 0 {
            // Slide the unfinished line to the front so the buffer never grows for short lines.
            let remaining = end - start
            if remaining > 0 {
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: remaining)
            }
            scanned -= start
            end = remaining
            start = 0
        }
        if end == buffer.count {
            let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
            bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
            buffer.deallocate()
            buffer = bigger
        }
        let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if n == 0 { eof = true } else { end += n }
    }

    /// Reads everything left as one block (for one-article-per-file text inputs).
    public func readAll() throws(ReadError) -> [UInt8] {
        while !eof { try refill() }
        let out = [UInt8](UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
        bytesConsumed += end - start
        start = end
        scanned = end
        return out
    }
}
