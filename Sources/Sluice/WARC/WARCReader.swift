#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads WARC/1.0 and WARC/1.1 records from a decompressed byte stream.
///
/// The caller undoes the file's compression (gzip members, zstd) first. Records may be
/// separated by any number of CRLFs or LFs (the standard asks for exactly two; writers differ,
/// and some leave them out). Memory is bounded: a head may be at most ``maxHeaderSize`` bytes
/// and a block is kept only up to `maxBlockSize` (larger ones come back ``WARCRecord/isOversized``
/// with their first bytes). After an error every call throws it again. Not Sendable: one per task.
///
/// Offsets (of records and in errors) count decompressed bytes from the start of the stream.
public final class WARCReader {
    /// The default cap on a kept block: larger blocks are skipped, not allocated.
    public static let defaultMaxBlockSize = 64 << 20
    /// A head (version line and fields) longer than this is reported as damage.
    public static let maxHeaderSize = 1 << 20
    /// How much of an oversized block is kept (at most the cap), enough for an HTTP head, so
    /// a huge image is still skipped as an image rather than reported as too large.
    public static let oversizedPrefix = 64 << 10

    /// The cap on a kept block.
    public let maxBlockSize: Int
    private let source: any ByteReader
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    /// Stream offset of `buffer[0]`.
    private var bufferOffset = 0
    private var eof = false
    private var failure: ReadError?
    /// The ordinal the next record gets: records returned or skipped so far.
    public private(set) var recordsRead = 0

    /// A reader of `source`, keeping blocks of up to `maxBlockSize` bytes.
    public init(source: any ByteReader, maxBlockSize: Int = WARCReader.defaultMaxBlockSize, chunkSize: Int = 1 << 16) {
        self.source = source
        self.maxBlockSize = max(0, maxBlockSize)
        buffer = .allocate(byteCount: max(64, chunkSize), alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// Decompressed bytes consumed: the end of the last record's block (its trailing CRLFs are
    /// consumed with the next record's head).
    public var position: Int { bufferOffset + start }

    /// The next record, or nil at the end of the stream.
    ///
    /// Throws `.corrupt` when no version line or no valid `Content-Length` is where a record
    /// should start, `.truncated` when the stream ends inside a record; the records before it
    /// have been returned.
    public func next() throws(ReadError) -> WARCRecord? {
        if let failure { throw failure }
        do {
            guard let head = try readHead() else { return nil }
            let block: [UInt8]
            let oversized = head.contentLength > maxBlockSize
            if oversized {
                block = try takeBlock(Swift.min(head.contentLength, Self.oversizedPrefix, maxBlockSize), head)
                try discard(head.contentLength - block.count, head)
            } else {
                block = try takeBlock(head.contentLength, head)
            }
            let record = WARCRecord(version: head.version, fields: head.fields, contentLength: head.contentLength,
                                    block: block, isOversized: oversized, offset: head.offset, ordinal: recordsRead)
            recordsRead += 1
            return record
        } catch {
            failure = error
            throw error
        }
    }

    /// Skips `n` records without keeping their blocks (to resume inside a file). Returns how
    /// many were skipped: fewer than `n` only when the stream ends first.
    @discardableResult
    public func skip(records n: Int) throws(ReadError) -> Int {
        if let failure { throw failure }
        var skipped = 0
        do {
            while skipped < n {
                guard let head = try readHead() else { break }
                try discard(head.contentLength, head)
                recordsRead += 1
                skipped += 1
            }
        } catch {
            failure = error
            throw error
        }
        return skipped
    }

    // MARK: - Head

    private struct Head {
        var version: String
        var fields: [HeaderField]
        var contentLength: Int
        var offset: Int
    }

    private static let magic: [UInt8] = Array("WARC/".utf8)
    private static let previewLength = 24

    private func byte(_ i: Int) -> UInt8 { buffer.load(fromByteOffset: i, as: UInt8.self) }

    private func readHead() throws(ReadError) -> Head? {
        // The CRLFs ending the previous record, however many there are.
        while true {
            while start < end, byte(start) == HeaderParser.cr || byte(start) == HeaderParser.lf { start += 1 }
            if start < end { break }
            if try !fill() { return nil }
        }
        let offset = position
        // Check the magic before looking for the head's end, so garbage fails at once instead
        // of being buffered up to the head cap.
        while end - start < Self.magic.count, try fill() {}
        let have = Swift.min(Self.magic.count, end - start)
        for k in 0..<have where byte(start + k) != Self.magic[k] {
            // The same excerpt however the input was chunked.
            while end - start < Self.previewLength, try fill() {}
            throw damage(offset, "expected a WARC version line such as 'WARC/1.1' but found '\(preview(start, Swift.min(end, start + Self.previewLength)))'")
        }
        if have < Self.magic.count { throw truncated(offset, "the stream ends inside a record's version line") }

        // Find the blank line that ends the head; indices are relative to `start`, which
        // `fill` may move.
        var scan = 0
        var lineStart = 0
        var headLength = 0
        while headLength == 0 {
            if scan > Self.maxHeaderSize {
                throw damage(offset, "the record's head has no blank line within \(Self.maxHeaderSize) bytes")
            }
            let base = buffer.baseAddress! + start
            if let hit = memchr(base + scan, Int32(HeaderParser.lf), end - start - scan) {
                let lf = base.distance(to: hit)
                let length = lf - lineStart
                if length == 0 || (length == 1 && byte(start + lineStart) == HeaderParser.cr) {
                    headLength = lf + 1
                } else {
                    lineStart = lf + 1
                    scan = lf + 1
                }
            } else {
                scan = end - start
                if scan > Self.maxHeaderSize { continue }
                if try !fill() {
                    throw truncated(offset, "the stream ends inside a record's head")
                }
            }
        }

        let head = UnsafeBufferPointer(start: (buffer.baseAddress! + start).assumingMemoryBound(to: UInt8.self),
                                       count: headLength)
        let firstLF = head.firstIndex(of: HeaderParser.lf)!
        let versionLine = HeaderParser.trim(UnsafeBufferPointer(rebasing: head[..<firstLF]))
        guard Self.isVersion(versionLine) else {
            throw damage(offset, "expected a WARC version line such as 'WARC/1.1' but found '\(HeaderParser.preview(versionLine))'")
        }
        let fields = HeaderParser.fields(in: UnsafeBufferPointer(rebasing: head[(firstLF + 1)...]))
        guard let lengthText = HeaderParser.value(of: "Content-Length", in: fields) else {
            throw damage(offset, "the record has no Content-Length field")
        }
        guard let contentLength = HeaderParser.decimal(lengthText) else {
            throw damage(offset, "the record's Content-Length '\(lengthText.prefix(40))' is not a number")
        }
        let version = HeaderParser.string(versionLine)
        start += headLength
        return Head(version: version, fields: fields, contentLength: contentLength, offset: offset)
    }

    /// `WARC/` then digits, a dot and digits (1.0 and 1.1 today; later minor versions keep the layout).
    private static func isVersion(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let rest = line.dropFirst(magic.count)
        guard line.count > magic.count, let dot = rest.firstIndex(of: 0x2E) else { return false }
        let major = rest[rest.startIndex..<dot], minor = rest[(dot + 1)...]
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        return !major.isEmpty && !minor.isEmpty && major.count <= 3 && minor.count <= 3
            && major.allSatisfy(isDigit) && minor.allSatisfy(isDigit)
    }

    // MARK: - Block

    /// The next `length` bytes. Long remainders are read straight into the block, not via the buffer.
    private func takeBlock(_ length: Int, _ head: Head) throws(ReadError) -> [UInt8] {
        var failed: ReadError?
        let block = [UInt8](unsafeUninitializedCapacity: length) { out, count in
            count = 0
            while count < length {
                if start == end {
                    // Reset the empty buffer so direct reads keep `position` right.
                    bufferOffset += start
                    start = 0
                    end = 0
                    if eof {
                        failed = truncated(head, have: count)
                        return
                    }
                    if length - count >= buffer.count {
                        let n: Int
                        do throws(ReadError) { n = try source.read(into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: out[count..<length]))) } catch {
                            failed = error
                            return
                        }
                        if n == 0 { eof = true } else {
                            count += n
                            bufferOffset += n
                        }
                        continue
                    }
                    do throws(ReadError) {
                        if try !fill() { continue }
                    } catch {
                        failed = error
                        return
                    }
                }
                let take = Swift.min(length - count, end - start)
                UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: out[count..<(count + take)]))
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[start..<(start + take)]))
                start += take
                count += take
            }
        }
        if let failed { throw failed }
        return block
    }

    /// Skips `length` bytes through the buffer (bounded memory, whatever the length).
    private func discard(_ length: Int, _ head: Head) throws(ReadError) {
        var remaining = length
        while remaining > 0 {
            if start == end, try !fill() {
                throw truncated(head, have: head.contentLength - remaining)
            }
            let take = Swift.min(remaining, end - start)
            start += take
            remaining -= take
        }
    }

    /// Reads more input after the unread bytes; false at end of input.
    private func fill() throws(ReadError) -> Bool {
        if eof { return false }
        if start > 0 {
            let remaining = end - start
            if remaining > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: remaining) }
            bufferOffset += start
            end = remaining
            start = 0
        }
        if end == buffer.count {
            // Only a long head fills the buffer; it stops growing at the head cap.
            let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
            bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
            buffer.deallocate()
            buffer = bigger
        }
        let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if n == 0 {
            eof = true
            return false
        }
        end += n
        return true
    }

    // MARK: - Errors

    private func preview(_ from: Int, _ to: Int) -> String {
        HeaderParser.preview(UnsafeBufferPointer(start: (buffer.baseAddress! + from).assumingMemoryBound(to: UInt8.self),
                                                 count: to - from))
    }

    private func damage(_ offset: Int, _ what: String) -> ReadError {
        ReadError(kind: .corrupt, offset: offset,
                  message: "WARC record \(recordsRead) at decompressed byte \(offset): \(what); the file is damaged "
                      + "or not WARC here. The \(recordsRead) records before it were read; cut the file at this "
                      + "offset (or repair it) to read on")
    }

    private func truncated(_ offset: Int, _ what: String) -> ReadError {
        ReadError(kind: .truncated, offset: offset,
                  message: "WARC record \(recordsRead) at decompressed byte \(offset): \(what) (truncated file?). "
                      + "The \(recordsRead) records before it were read; fetch the file again to get the rest")
    }

    private func truncated(_ head: Head, have: Int) -> ReadError {
        truncated(head.offset, "the stream ends \(have) bytes into a block whose Content-Length is \(head.contentLength)")
    }
}
