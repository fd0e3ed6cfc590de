/// A ``ByteReader`` over bytes in memory (a WARC body to gunzip, say).
final class BufferReader: ByteReader {
    private let bytes: ArraySlice<UInt8>
    private(set) var bytesRead = 0

    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        let n = min(buffer.count, bytes.count - bytesRead)
        guard n > 0 else { return 0 }
        let start = bytes.startIndex + bytesRead
        buffer.copyBytes(from: bytes[start..<(start + n)])
        bytesRead += n
        return n
    }
}
