/// The streams of records in one input file: the file itself, or each member of an archive
/// that Sluice can read, in archive order.
///
/// Compression is undone here, confirmed by magic bytes: the file's own (`.zst`, `.gz`,
/// `.bz2`, `.xz`, or found without a suffix) and a member's (`x.jsonl.zst` in a tar). Members
/// Sluice does not read are counted by extension in ``skipped``. Not Sendable: owned by the
/// file's task.
final class InputUnits {
    /// One stream of records.
    struct Unit {
        /// Position among the file's units (members Sluice reads), from 0.
        let index: Int
        /// The member's path inside the archive; nil for a plain file.
        let member: String?
        let format: InputFile.Format
        /// The decompressed content.
        let reader: any ByteReader
        /// Why the member cannot be read (its compression does not match its name); its
        /// content is not read, and the decoder rejects it as one record.
        var problem: ReadError?
        /// The member's own compression (`x.jsonl.gz` in a tar), undone by `reader`: its
        /// errors count bytes of the member's compressed data, not of the archive.
        var compression: Compression? = nil
    }

    let file: InputFile
    /// The file as read from disk (or stdin): its offsets are the raw offsets of errors.
    let raw: FileReader
    private var archive: ArchiveReader?
    private var single: (any ByteReader)?
    private var nextIndex = 0
    /// Whether the file is compressed as a whole (found by magic bytes).
    let isCompressed: Bool
    /// Members not read, by extension (`.png`, `(symlink)`); the caller takes them.
    var skipped = Counters()

    init(file: InputFile) throws(ReadError) {
        self.file = file
        raw = file.isStdin ? FileReader(descriptor: 0) : try FileReader(path: file.path)
        let head = try raw.peek(6)
        let found = Compression.sniff(head)
        if let named = file.compression, named != found, !head.isEmpty {
            throw named.mismatch(found: found)
        }
        isCompressed = found != nil
        // The compression, of a file or an archive, is undone by Sluice's own decoders (zstd's
        // takes `--long=31` windows; gzip's checks every CRC, which libarchive's does not; all
        // four hand out everything decoded before a cut, where libarchive's filters drop their
        // last buffer); libarchive reads the tar or zip, a plain zip through seeks.
        let source: any ByteReader = try found.map { c throws(ReadError) in try c.reader(over: raw) } ?? raw
        if file.format.isArchive {
            archive = try ArchiveReader(source: source, label: file.format == .zip ? "zip archive" : "tar archive")
        } else {
            single = source
        }
    }

    /// Whether the archive itself (not a member's own compression) failed: the file's error.
    var archiveFailed: Bool { archive?.failed ?? false }

    /// The next unit, or nil after the last. Throws when the file or archive is damaged.
    func next() throws(ReadError) -> Unit? {
        if let s = single {
            single = nil
            nextIndex += 1
            return Unit(index: 0, member: nil, format: file.format, reader: s)
        }
        guard let archive else { return nil }
        while var entry = try archive.nextEntry() {
            entry.path = Self.memberPath(entry.path)
            switch entry.kind {
            case .directory:
                continue
            case .symlink:
                skipped.add("(symlink)")
                continue
            case .hardlink:
                skipped.add("(hardlink)")
                continue
            case .other:
                skipped.add("(special file)")
                continue
            case .regular:
                break
            }
            if Self.isMacMetadata(entry.path) {
                skipped.add("(macos metadata)")
                continue
            }
            guard let (format, compression) = InputFile.classify(entry.path), !format.isArchive else {
                skipped.add(InputFile.skippedExtension(entry.path))
                continue
            }
            if entry.size == 0 {
                skipped.add("(empty)")
                continue
            }
            let index = nextIndex
            nextIndex += 1
            let peekable = PeekableReader(archive)
            let head: [UInt8]
            do {
                head = try peekable.peek(6)
            } catch {
                // The member cannot be read (encrypted, say); the archive can.
                if archive.failed { throw error }
                return Unit(index: index, member: entry.path, format: format, reader: peekable, problem: error)
            }
            let found = Compression.sniff(head)
            if let compression, compression != found {
                var e = compression.mismatch(found: found)
                e.offset = archive.bytesRead
                return Unit(index: index, member: entry.path, format: format, reader: peekable, problem: e)
            }
            do throws(ReadError) {
                let reader = try found.map { c throws(ReadError) in try c.reader(over: peekable) } ?? peekable
                return Unit(index: index, member: entry.path, format: format, reader: reader, compression: found)
            } catch {
                if archive.failed { throw error }
                return Unit(index: index, member: entry.path, format: format, reader: peekable, problem: error)
            }
        }
        return nil
    }

    /// A member's path as ids and origins show it: `./a/b.txt` (what `tar -C dir .` stores)
    /// and `/a/b.txt` become `a/b.txt`.
    static func memberPath(_ path: String) -> String {
        var p = Substring(path)
        while true {
            if p.hasPrefix("./") { p = p.dropFirst(2) } else if p.hasPrefix("/") { p = p.dropFirst() } else { break }
        }
        return String(p)
    }

    /// Resource forks and `.DS_Store` files that macOS puts into zip files: not documents.
    static func isMacMetadata(_ path: String) -> Bool {
        let name = path.split(separator: "/").last ?? ""
        return path.hasPrefix("__MACOSX/") || name.hasPrefix("._") || name == ".DS_Store"
    }
}
