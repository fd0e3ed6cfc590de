// TEMPORARY: stands in for the encoding helper's API until branch `enc` is merged.
public struct EncodingGuess: Sendable, Equatable, Hashable {
    public enum Source: String, Sendable { case bom, http, declaration, utf8, detected, fallback, forced }
    public var iconvName: String
    public var label: String
    public var source: Source
    public var bomLength: Int
    public static func forced(_ name: String) throws(ReadError) -> EncodingGuess {
        _ = try TextConverter(from: name)
        return EncodingGuess(iconvName: name, label: name.lowercased(), source: .forced, bomLength: 0)
    }
}

public final class TranscodingReader: ByteReader {
    private let source: any ByteReader
    private let forced: EncodingGuess?
    public private(set) var guess: EncodingGuess?
    public private(set) var invalidSequences = 0
    private var out: [UInt8] = []
    private var pos = 0
    private var loaded = false
    public init(source: any ByteReader, forced: EncodingGuess? = nil, sniffLimit: Int = 1 << 20) {
        self.source = source
        self.forced = forced
    }
    public var bytesRead: Int { source.bytesRead }
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        if !loaded {
            loaded = true
            let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
            defer { chunk.deallocate() }
            var all: [UInt8] = []
            while true {
                let n = try source.read(into: chunk)
                if n == 0 { break }
                all.append(contentsOf: chunk[0..<n])
            }
            if let forced {
                guess = forced
                let c = try TextConverter(from: forced.iconvName)
                let (b, bad) = all.withUnsafeBufferPointer { c.convert($0) }
                out = b; invalidSequences = bad
            } else {
                guess = EncodingGuess(iconvName: "UTF-8", label: "utf-8", source: .utf8, bomLength: 0)
                out = all
            }
        }
        let n = min(buffer.count, out.count - pos)
        if n > 0 { buffer.copyBytes(from: out[pos..<(pos + n)]); pos += n }
        return n
    }
}

public final class EncodingDetector {
    public init() {}
    public func detect(_ bytes: UnsafeRawBufferPointer, isComplete: Bool = true, httpCharset: String? = nil) -> EncodingGuess {
        EncodingGuess(iconvName: "UTF-8", label: "utf-8", source: .utf8, bomLength: 0)
    }
}

extension EncodingGuess {
    public var isUTF8: Bool { iconvName == "UTF-8" }
}
