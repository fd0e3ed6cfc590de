/// A single-stream compression Sluice undoes before reading: named by a file's suffix and
/// confirmed (or found) by the stream's magic bytes.
public enum Compression: String, Sendable, CaseIterable {
    /// zstd (`.zst`).
    case zstd
    /// gzip (`.gz`).
    case gzip
    /// bzip2 (`.bz2`).
    case bzip2
    /// xz (`.xz`).
    case xz

    /// The suffix naming it (`.zst`, `.gz`, `.bz2`, `.xz`).
    public var suffix: String {
        switch self {
        case .zstd: ".zst"
        case .gzip: ".gz"
        case .bzip2: ".bz2"
        case .xz: ".xz"
        }
    }

    /// The compression a lowercased name ends in.
    static func ofSuffix(_ name: Substring) -> Compression? {
        allCases.first { name.hasSuffix($0.suffix) }
    }

    /// The compression whose magic bytes start `head`, if any.
    public static func sniff(_ head: some Collection<UInt8>) -> Compression? {
        let h = Array(head.prefix(6))
        if ZstdFormat.hasMagic(h) { return .zstd }
        if h.count >= 3 && h[0] == 0x1F && h[1] == 0x8B && h[2] == 0x08 { return .gzip }
        // "BZh" and a block size digit 1–9.
        if h.count >= 4 && h[0] == 0x42 && h[1] == 0x5A && h[2] == 0x68 && (0x31...0x39).contains(h[3]) { return .bzip2 }
        if h.count >= 6 && h == [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00] { return .xz }
        return nil
    }

    /// A reader of the decompressed content of `source`.
    func reader(over source: any ByteReader) throws(ReadError) -> any ByteReader {
        switch self {
        case .zstd: ZstdDecompressor(source: source)
        case .gzip: try GzipDecompressor(source: source)
        case .bzip2: Bzip2Decompressor(source: source)
        case .xz: try XzDecompressor(source: source)
        }
    }

    /// The error when a name promises this compression and the bytes do not.
    func mismatch(found: Compression?) -> ReadError {
        ReadError(kind: self == .zstd ? .notZstd : .notCompressed, offset: 0, message: mismatchMessage(found: found))
    }

    private func mismatchMessage(found: Compression?) -> String {
        let tool = self == .zstd ? "zstd" : rawValue
        if let found {
            return "named \(suffix) but the data is \(found.rawValue) (magic bytes); rename it to end in \(found.suffix)"
        }
        return "named \(suffix) but not \(tool) data (no \(tool) magic bytes); recompress it or drop the \(suffix) suffix"
    }
}
