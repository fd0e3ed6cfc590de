#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An HTTP response as a WARC `response` record stores it: status line, headers, payload.
///
/// The head is parsed at once; the body is de-chunked only when asked for (``body()``), so
/// skipped records cost no copy.
public struct HTTPResponse: Sendable {
    /// Why a block is not a usable HTTP response (the detail for `warc:bad_http`).
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        /// An error saying `message`.
        public init(_ message: String) { self.message = message }
        /// The message.
        public var description: String { message }
    }

    /// The protocol token as written: `HTTP/1.1`, `HTTP/1.0`, `HTTP/2`.
    public var version: String
    /// The status code (200, 404, …).
    public var status: Int
    /// The reason phrase, possibly empty.
    public var reason: String
    /// The header fields, in order.
    public var headers: [HeaderField]
    /// The media type of `Content-Type`, lowercased without parameters; nil when absent.
    public var contentType: String?
    /// The `charset` parameter of `Content-Type`, unquoted and lowercased.
    public var charset: String?
    /// `Content-Encoding`, lowercased; nil when absent.
    public var contentEncoding: String?
    /// True when `Transfer-Encoding` ends in `chunked`: the payload is in chunks.
    public var isChunked: Bool
    /// The bytes after the head, as stored (still chunked when ``isChunked``).
    public var payload: ArraySlice<UInt8>

    /// Parses the head of `block`.
    public init(parsing block: [UInt8]) throws(ParseError) {
        try self.init(parsing: block[...])
    }

    /// Parses the head of `block`.
    public init(parsing block: ArraySlice<UInt8>) throws(ParseError) {
        var parsed: Result<(Int, Int), ParseError> = .failure(ParseError("empty"))
        block.withUnsafeBufferPointer { b in parsed = Self.headBounds(b) }
        let (statusEnd, headEnd) = try parsed.get()
        let s = block.startIndex
        var version = "", reason = "", status = 0, fields: [HeaderField] = []
        var failure: ParseError?
        block.withUnsafeBufferPointer { b in
            let line = HeaderParser.trim(UnsafeBufferPointer(rebasing: b[..<(statusEnd - 1)]))
            switch Self.statusLine(line) {
            case .success(let v): (version, status, reason) = v
            case .failure(let e): failure = e
            }
            fields = HeaderParser.fields(in: UnsafeBufferPointer(rebasing: b[statusEnd..<headEnd]))
        }
        if let failure { throw failure }
        self.version = version
        self.status = status
        self.reason = reason
        headers = fields
        payload = block[(s + headEnd)...]
        if let ct = HeaderParser.value(of: "Content-Type", in: fields) {
            let media = MediaType(ct)
            contentType = media.type.isEmpty ? nil : media.type
            charset = media.charset
        } else {
            contentType = nil
            charset = nil
        }
        contentEncoding = HeaderParser.value(of: "Content-Encoding", in: fields).map { $0.lowercased() }
        let transfer = HeaderParser.value(of: "Transfer-Encoding", in: fields)?.lowercased() ?? ""
        isChunked = transfer.split(separator: ",").last.map { Self.trimmed($0) == "chunked" } ?? false
    }

    /// The value of the first header called `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        HeaderParser.value(of: name, in: headers)
    }

    /// The body: the payload, de-chunked when ``isChunked`` (chunk extensions and trailers
    /// dropped; a missing last chunk tolerated, a bad or overlong chunk size reported).
    public func body() throws(ParseError) -> ArraySlice<UInt8> {
        guard isChunked else { return payload }
        var result: Result<[UInt8], ParseError> = .success([])
        payload.withUnsafeBufferPointer { result = Self.dechunk($0) }
        return try result.get()[...]
    }

    /// Content codings that compress the body (Sluice does not decode them).
    public var isCompressed: Bool {
        guard let enc = contentEncoding else { return false }
        let compressing: Set<Substring> = ["gzip", "x-gzip", "deflate", "br", "compress", "x-compress", "zstd"]
        return enc.split(separator: ",").contains { compressing.contains(Self.trimmed($0)) }
    }

    // MARK: - Parsing

    /// End of the status line, end of the head (after its blank line).
    private static func headBounds(_ b: UnsafeBufferPointer<UInt8>) -> Result<(Int, Int), ParseError> {
        guard let base = b.baseAddress, !b.isEmpty else { return .failure(ParseError("the block is empty")) }
        var i = 0
        var statusEnd = -1
        while i < b.count {
            guard let hit = memchr(base + i, Int32(HeaderParser.lf), b.count - i) else { break }
            let lf = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if statusEnd < 0 {
                statusEnd = lf + 1
            } else if lf == i || (lf == i + 1 && b[i] == HeaderParser.cr) {
                return .success((statusEnd, lf + 1))
            }
            i = lf + 1
        }
        let what = statusEnd < 0 ? "the status line has no line end" : "no blank line ends the HTTP head"
        return .failure(ParseError("\(what) (\(b.count) bytes, starting '\(HeaderParser.preview(b))')"))
    }

    /// `HTTP/1.1 200 OK`, `HTTP/1.0 404`, `HTTP/2 200`.
    private static func statusLine(_ line: UnsafeBufferPointer<UInt8>) -> Result<(String, Int, String), ParseError> {
        let bad = ParseError("bad status line '\(HeaderParser.preview(line, limit: 60))'")
        let prefix = Array("HTTP/".utf8)
        guard line.count >= prefix.count + 4, zip(line, prefix).allSatisfy({ HeaderParser.lower($0) == HeaderParser.lower($1) })
        else { return .failure(bad) }
        guard let sp = line.firstIndex(of: HeaderParser.space) else { return .failure(bad) }
        let ver = line[prefix.count..<sp]
        guard !ver.isEmpty, ver.count <= 5, ver.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }) else { return .failure(bad) }
        var i = sp
        while i < line.count, line[i] == HeaderParser.space || line[i] == HeaderParser.tab { i += 1 }
        guard i + 3 <= line.count else { return .failure(bad) }
        var code = 0
        for k in i..<(i + 3) {
            guard line[k] >= 0x30 && line[k] <= 0x39 else { return .failure(bad) }
            code = code * 10 + Int(line[k] - 0x30)
        }
        i += 3
        if i < line.count, line[i] != HeaderParser.space, line[i] != HeaderParser.tab { return .failure(bad) }
        let reason = HeaderParser.trim(UnsafeBufferPointer(rebasing: line[i...]))
        return .success((HeaderParser.string(UnsafeBufferPointer(rebasing: line[..<sp])), code, HeaderParser.string(reason)))
    }

    /// Undoes chunked transfer coding in one pass.
    private static func dechunk(_ p: UnsafeBufferPointer<UInt8>) -> Result<[UInt8], ParseError> {
        var out: [UInt8] = []
        out.reserveCapacity(p.count)
        guard let base = p.baseAddress else { return .success(out) }
        let n = p.count
        var i = 0
        while i < n {
            let lineEnd = memchr(base + i, Int32(HeaderParser.lf), n - i).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n
            // Size: hex digits, then optional blanks and `;extension`.
            var k = i
            while k < lineEnd, p[k] == HeaderParser.space || p[k] == HeaderParser.tab { k += 1 }
            var size = 0, digits = 0
            while k < lineEnd, let d = hexValue(p[k]) {
                digits += 1
                // 15 hex digits cannot overflow Int; no real chunk needs more.
                if digits > 15 { break }
                size = size << 4 | d
                k += 1
            }
            while k < lineEnd, HeaderParser.isBlank(p[k]) { k += 1 }
            guard digits > 0, digits <= 15, k == lineEnd || p[k] == 0x3B else {
                let line = UnsafeBufferPointer(rebasing: p[i..<lineEnd])
                return .failure(ParseError("bad chunk size '\(HeaderParser.preview(line, limit: 40))' at body byte \(i)"))
            }
            i = Swift.min(lineEnd + 1, n)
            if size == 0 { break }  // the last chunk; trailers are not needed
            guard size <= n - i else {
                return .failure(ParseError("a chunk of \(size) bytes at body byte \(i) runs past the end of the record (\(n - i) left)"))
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<(i + size)]))
            i += size
            // The CRLF after the data (LF alone tolerated; nothing at the very end too).
            if i < n, p[i] == HeaderParser.cr { i += 1 }
            if i < n {
                guard p[i] == HeaderParser.lf else {
                    return .failure(ParseError("chunk data is not followed by a line end at body byte \(i)"))
                }
                i += 1
            }
        }
        return .success(out)
    }

    /// `s` without leading and trailing spaces and tabs.
    private static func trimmed(_ s: Substring) -> Substring {
        var t = s
        while let c = t.first, c == " " || c == "\t" { t = t.dropFirst() }
        while let c = t.last, c == " " || c == "\t" { t = t.dropLast() }
        return t
    }

    private static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case 0x30...0x39: Int(b - 0x30)
        case 0x41...0x46: Int(b - 0x41 + 10)
        case 0x61...0x66: Int(b - 0x61 + 10)
        default: nil
        }
    }
}
