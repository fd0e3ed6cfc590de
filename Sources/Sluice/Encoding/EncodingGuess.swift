#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The encoding an input is read in, and how Sluice came to it.
public struct EncodingGuess: Sendable, Equatable, Hashable {
    /// Which rule settled the encoding, in the order the rules are tried.
    public enum Source: String, Sendable {
        /// A byte-order mark at the start (UTF-8, UTF-16 or UTF-32).
        case bom
        /// The charset of an HTTP `Content-Type` header (a WARC response).
        case http
        /// An XML prolog or an HTML `<meta>` declaration in the first bytes.
        case declaration
        /// The bytes are valid UTF-8 (plain ASCII included).
        case utf8
        /// Statistical detection over the legacy encodings.
        case detected
        /// Nothing fitted: windows-1252.
        case fallback
        /// The user named the encoding (`decode.encoding: NAME`).
        case forced
    }

    /// The name `iconv_open` takes, e.g. "UTF-8", "WINDOWS-1251", "CP932", "UTF-16LE".
    public var iconvName: String
    /// Lowercase WHATWG-style name for output and stats: "utf-8", "windows-1251", "shift_jis".
    public var label: String
    /// What decided the encoding.
    public var source: Source
    /// Bytes of byte-order mark at the start of the input, to be skipped before decoding.
    public var bomLength: Int

    /// A guess as given; ``EncodingDetector`` and ``forced(_:)`` make them.
    public init(iconvName: String, label: String, source: Source, bomLength: Int = 0) {
        self.iconvName = iconvName
        self.label = label
        self.source = source
        self.bomLength = bomLength
    }

    /// True when the bytes after the BOM are to be passed through as UTF-8.
    public var isUTF8: Bool { iconvName == "UTF-8" }

    /// The user's `encoding: NAME`: any name iconv knows. Names the web uses are read as
    /// browsers read them, label and conversion alike (`latin1` → windows-1252, `shift_jis` →
    /// CP932, `gb2312` → GB18030: supersets that differ only where the narrower encoding has
    /// control codes or unmapped bytes); plain `UTF-16`/`UTF-32` stay as they are, so iconv
    /// reads the byte order from the BOM; other names (`CP437`, `UTF-7`) are used as given.
    public static func forced(_ name: String) throws(ReadError) -> EncodingGuess {
        let trimmed = name.trimmingASCIIWhitespace()
        let cd = trimmed.isEmpty ? nil : iconv_open("UTF-8", trimmed)
        guard let cd, cd != iconv_t(bitPattern: -1) else {
            throw ReadError(kind: .encoding, offset: 0,
                            message: "unknown encoding '\(name)': `iconv -l` lists the names this system knows")
        }
        iconv_close(cd)
        let upper = trimmed.uppercased()
        guard let entry = EncodingLabels.lookup(trimmed) else {
            return EncodingGuess(iconvName: upper, label: trimmed.lowercased(), source: .forced)
        }
        if ["UTF-16", "UTF-32", "UCS-2", "UNICODE"].contains(upper) {
            return EncodingGuess(iconvName: upper, label: trimmed.lowercased(), source: .forced)
        }
        return EncodingGuess(iconvName: entry.iconv, label: entry.label, source: .forced)
    }

    static func utf8(_ source: Source, bomLength: Int = 0) -> EncodingGuess {
        EncodingGuess(iconvName: "UTF-8", label: "utf-8", source: source, bomLength: bomLength)
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs and line breaks.
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
