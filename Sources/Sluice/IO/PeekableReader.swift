/// A ``ByteReader`` whose first bytes can be looked at before they are read: magic-byte
/// sniffing of archive members, whose reader cannot push bytes back itself.
final class PeekableReader: ByteReader {
    private let source: any ByteReader
    private var pending: [UInt8] = []
    private var pendingStart = 0

    init(_ source: any ByteReader) { self.source = source }

    var bytesRead: Int { source.bytesRead }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        if pendingStart < pending.count {
            let n = min(buffer.count, pending.count - pendingStart)
            buffer.copyBytes(from: pending[pendingStart..<(pendingStart + n)])
            pendingStart += n
            return n
        }
        return try source.read(into: buffer)
    }

    /// Up to `count` first bytes (fewer at the end of input), left to be read again.
    func peek(_ count: Int) throws(ReadError) -> [UInt8] {
        var head = Array(pending[pendingStart...])
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 1)
        defer { scratch.deallocate() }
        while head.count < count {
            let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: scratch[0..<(count - head.count)]))
            if n == 0 { break }
            head.append(contentsOf: scratch[0..<n])
        }
        pending = head
        pendingStart = 0
        return Array(head.prefix(count))
    }
}
