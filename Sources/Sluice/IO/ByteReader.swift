/// A source of bytes read in chunks: a file, stdin, or a decompressor over one of them.
public protocol ByteReader: AnyObject {
    /// Fills the start of `buffer`; returns the number of bytes read, 0 at end of input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int
    /// Raw bytes taken from the underlying file so far (compressed bytes for a decompressor).
    var bytesRead: Int { get }
}

/// Why reading an input stopped, and where.
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable {
        /// The system could not read.
        case io
        /// The input ended inside a record, frame or member.
        case truncated
        /// The compressed data or container is damaged.
        case corrupt
        /// A `.zst` input that is not zstd.
        case notZstd = "not_zstd"
        /// An input whose suffix names a compression its bytes do not have.
        case notCompressed = "not_compressed"
        /// The text cannot be read in its encoding.
        case encoding
    }
    /// What went wrong.
    public var kind: Kind
    /// Byte offset in the raw (compressed) input where the problem was seen.
    public var offset: Int
    /// What went wrong, for people.
    public var message: String

    /// An error of `kind` at byte `offset`.
    public init(kind: Kind, offset: Int, message: String) {
        self.kind = kind
        self.offset = offset
        self.message = message
    }

    /// The message and the offset.
    public var description: String { "\(message) (at byte \(offset))" }
}
