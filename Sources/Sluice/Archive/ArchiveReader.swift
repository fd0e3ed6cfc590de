import CArchive
#if canImport(Glibc)
import Glibc
#endif

/// Reads archives with libarchive, over any ``ByteReader``.
///
/// It walks a tar (ustar, pax, GNU) or zip archive, plain or compressed with anything
/// libarchive knows (zstd, gzip, bzip2, xz, …); single compressed streams have decoders of
/// their own (``GzipDecompressor``, ``Bzip2Decompressor``, ``XzDecompressor``, zstd). The
/// current entry's content is read through ``read(into:)``, which makes the reader a
/// ``ByteReader`` itself, so members can be decoded by the same code as files (and nested:
/// a `x.jsonl.gz` member inside a tar).
///
/// libarchive pulls its input through callbacks from the source, so the raw offset of a
/// problem is known (``bytesRead``). Not Sendable: one reader per task.
public final class ArchiveReader: ByteReader {
    /// An entry of the archive.
    public struct Entry: Sendable, Equatable {
        /// The member's path as stored (`a/b.txt`).
        public var path: String
        /// What kind of entry a member is.
        public enum Kind: Sendable, Equatable {
            /// A regular file.
            case regular
            /// A directory.
            case directory
            /// A symbolic link.
            case symlink
            /// A hard link.
            case hardlink
            /// A device, FIFO or anything else.
            case other
        }
        /// Regular files are read; directories, links and devices are not.
        public var kind: Kind
        /// Size from the header, when the format records it.
        public var size: Int?
    }

    private let handle: OpaquePointer
    private let client: ArchiveClient
    private var entryOpen = false
    private var finished = false
    /// The archive could not be read on: every later call returns nothing.
    public private(set) var failed = false

    /// Opens `source` (whose first bytes were not consumed yet). `seekable` lets zip read its
    /// central directory and tar skip members without reading them.
    /// Names the data in messages (`tar.xz archive`, `bzip2 stream`).
    private let label: String

    /// Opens `source`; `label` names it in errors.
    public init(source: any ByteReader, label: String = "archive") throws(ReadError) {
        self.label = label
        guard let a = archive_read_new() else {
            throw ReadError(kind: .io, offset: 0, message: "libarchive: out of memory")
        }
        handle = a
        client = ArchiveClient(source: source)
        archive_read_support_filter_all(a)
        archive_read_support_format_tar(a)
        archive_read_support_format_gnutar(a)
        archive_read_support_format_zip(a)
        // An empty archive (`tar -cf x.tar -T /dev/null` writes only the end blocks).
        archive_read_support_format_empty(a)
        let box = Unmanaged.passUnretained(client).toOpaque()
        archive_read_set_callback_data(a, box)
        archive_read_set_read_callback(a, { _, data, buffer in
            let client = Unmanaged<ArchiveClient>.fromOpaque(data!).takeUnretainedValue()
            return client.fill(buffer)
        })
        if client.seekable {
            archive_read_set_seek_callback(a, { _, data, offset, whence in
                let client = Unmanaged<ArchiveClient>.fromOpaque(data!).takeUnretainedValue()
                return client.seek(offset, whence)
            })
            archive_read_set_skip_callback(a, { _, data, request in
                let client = Unmanaged<ArchiveClient>.fromOpaque(data!).takeUnretainedValue()
                return client.skip(request)
            })
        }
        let opened = Self.inUTF8Locale { archive_read_open1(a) }
        if opened != ARCHIVE_OK {
            // deinit frees the handle: every stored property is set by now.
            throw failure(kind: .corrupt, doing: "cannot open")
        }
    }

    deinit { archive_read_free(handle) }

    /// Raw bytes taken from the source so far (compressed bytes).
    public var bytesRead: Int { client.bytesRead }

    /// Decompressed bytes of the archive stream handed to the format reader so far.
    public var decompressedOffset: Int { Int(archive_filter_bytes(handle, 0)) }

    /// The format libarchive recognised (`GNU tar format`, `ZIP 2.0 (deflation)`, `RAW`, …).
    public var formatName: String {
        archive_format_name(handle).map { String(cString: $0) } ?? "unknown"
    }

    /// Moves to the next entry; nil at the end. The previous entry's unread data is skipped.
    public func nextEntry() throws(ReadError) -> Entry? {
        guard !finished else { return nil }
        var entry: OpaquePointer?
        let r = Self.inUTF8Locale { archive_read_next_header(handle, &entry) }
        if r == ARCHIVE_EOF {
            finished = true
            entryOpen = false
            // The source failed and libarchive saw it as the end: the failure, not the end.
            if let e = client.error {
                failed = true
                throw e
            }
            return nil
        }
        guard r == ARCHIVE_OK || r == ARCHIVE_WARN, let entry else {
            finished = true
            failed = true
            throw failure(kind: .corrupt, doing: "cannot read the next member header")
        }
        entryOpen = true
        // The UTF-8 form first: zip and pax store UTF-8 names, which libarchive cannot turn
        // into the C locale's charset (the plain form is then NULL). Names stored in another
        // charset (old tar, zip without the UTF-8 flag) come as bytes, invalid UTF-8 repaired.
        let path = (archive_entry_pathname_utf8(entry) ?? archive_entry_pathname(entry)).map { String(cString: $0) } ?? ""
        let size = archive_entry_size_is_set(entry) != 0 ? Int(archive_entry_size(entry)) : nil
        let kind: Entry.Kind
        switch archive_entry_filetype(entry) {
        case _ where archive_entry_hardlink(entry) != nil: kind = .hardlink
        case 0o100000: kind = .regular
        case 0o040000: kind = .directory
        case 0o120000: kind = .symlink
        default: kind = .other
        }
        return Entry(path: path, kind: kind, size: size)
    }

    /// A UTF-8 C locale for this thread while `body` runs. libarchive converts member names
    /// to the locale's charset; in the C locale a UTF-8 name (zip's UTF-8 flag, pax) cannot be
    /// converted and comes back as no name at all. The process locale is left alone.
    nonisolated(unsafe) private static let utf8Locale: locale_t? = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)

    private static func inUTF8Locale<R>(_ body: () -> R) -> R {
        guard let utf8 = utf8Locale else { return body() }
        let previous = uselocale(utf8)
        defer { uselocale(previous) }
        return body()
    }

    /// Reads the current entry's content; 0 at its end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard entryOpen, buffer.count > 0 else { return 0 }
        let n = archive_read_data(handle, buffer.baseAddress, buffer.count)
        if n > 0 { return n }
        if n == 0 {
            // The source failed and libarchive saw it as the end of this entry.
            if let e = client.error {
                entryOpen = false
                finished = true
                failed = true
                throw e
            }
            return 0
        }
        if n == Int(ARCHIVE_WARN) { return 0 }
        entryOpen = false
        // ARCHIVE_FAILED: this member cannot be read (encrypted, an unsupported method), the
        // archive can; anything worse ends the archive.
        if n != Int(ARCHIVE_FAILED) {
            finished = true
            failed = true
        }
        throw failure(kind: .corrupt, doing: "cannot read")
    }

    /// The error for the last libarchive failure: the source's own error when reading it
    /// failed, else libarchive's message, with the raw offset reached.
    private func failure(kind: ReadError.Kind, doing: String) -> ReadError {
        if let e = client.error { return e }
        let message = archive_error_string(handle).map { String(cString: $0) } ?? "unknown error"
        var k = kind
        let lower = message.lowercased()
        if lower.contains("truncated") || lower.contains("premature end") || lower.contains("unexpected end") {
            k = .truncated
        }
        return ReadError(kind: k, offset: client.bytesRead, message: "\(label): \(doing): \(message)")
    }
}

/// libarchive's view of a ``ByteReader``: the callbacks' state, kept alive by the reader.
final class ArchiveClient {
    private let source: any ByteReader
    private let buffer: UnsafeMutableRawBufferPointer
    /// The source's own failure, reported instead of libarchive's generic message.
    private(set) var error: ReadError?
    private let file: FileReader?

    init(source: any ByteReader) {
        self.source = source
        // Small enough that an error's offset is close to the damage, large enough to be cheap.
        buffer = .allocate(byteCount: 1 << 16, alignment: 16)
        if let f = source as? FileReader, f.isSeekable { file = f } else { file = nil }
    }

    deinit { buffer.deallocate() }

    var seekable: Bool { file != nil }
    var bytesRead: Int { source.bytesRead }

    func fill(_ out: UnsafeMutablePointer<UnsafeRawPointer?>?) -> Int {
        do throws(ReadError) {
            let n = try source.read(into: buffer)
            out?.pointee = UnsafeRawPointer(buffer.baseAddress)
            return n
        } catch {
            // Reported to libarchive as the end of input, so that it hands out every member
            // that came whole before the damage (an error here fails even the archive's
            // opening when libarchive reads ahead); ``ArchiveReader`` then throws this error.
            self.error = error
            return 0
        }
    }

    func seek(_ offset: Int64, _ whence: Int32) -> Int64 {
        guard let file, let r = file.seek(to: offset, whence: whence) else { return Int64(ARCHIVE_FATAL) }
        return r
    }

    func skip(_ request: Int64) -> Int64 {
        guard let file, request > 0 else { return 0 }
        let before = Int64(file.bytesRead)
        guard let after = file.seek(to: request, whence: SEEK_CUR) else { return 0 }
        return after - before
    }
}

