import Foundation
@testable import Sluice

/// Paths of the repository and its fixtures, found from this file's location.
enum TestPaths {
    /// The package root: this file is `<root>/Tests/SluiceTests/Support/TestSupport.swift`.
    static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/")
    }()

    static func zstdFixture(_ name: String) -> String {
        root + "/Tests/SluiceTests/Fixtures/zstd/" + name
    }

    /// The known plaintext of the zstd fixtures (320 bytes, 10 lines).
    static let payload: [UInt8] = try! readBytes(zstdFixture("payload.jsonl"))

    static func readBytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// An in-memory ``ByteReader`` that hands out at most `maxRead` bytes per call and can
/// fail with `failure` once `failAt` bytes have been read.
final class MemoryReader: ByteReader {
    let bytes: [UInt8]
    let maxRead: Int
    let failAt: Int?
    let failure: ReadError
    private(set) var position = 0
    private(set) var calls = 0

    init(_ bytes: [UInt8], maxRead: Int = .max, failAt: Int? = nil,
         failure: ReadError = ReadError(kind: .io, offset: 0, message: "test failure")) {
        self.bytes = bytes
        self.maxRead = maxRead
        self.failAt = failAt
        self.failure = failure
    }

    convenience init(_ text: String, maxRead: Int = .max) {
        self.init(Array(text.utf8), maxRead: maxRead)
    }

    var bytesRead: Int { position }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        calls += 1
        if let failAt, position >= failAt { throw failure }
        var n = min(buffer.count, bytes.count - position, maxRead)
        if let failAt { n = min(n, failAt - position) }
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { src in
            buffer.baseAddress!.copyMemory(from: src.baseAddress! + position, byteCount: n)
        }
        position += n
        return n
    }
}

/// Everything a reader produces, and the error that stopped it (if any).
struct Drained {
    var bytes: [UInt8]
    var error: ReadError?
}

/// Reads `reader` to its end (or first error) with reads of `chunk` bytes.
func drain(_ reader: any ByteReader, chunk: Int = 4096) -> Drained {
    var out: [UInt8] = []
    let buf = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 1)
    defer { buf.deallocate() }
    do {
        while true {
            let n = try reader.read(into: buf)
            if n == 0 { break }
            out.append(contentsOf: buf[0..<n])
        }
    } catch {
        return Drained(bytes: out, error: error)
    }
    return Drained(bytes: out, error: nil)
}

/// A fresh temporary directory, removed by ``TempDir/remove()``.
struct TempDir {
    let path: String

    init() throws {
        let base = NSTemporaryDirectory() + "sluice-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = base
    }

    /// Writes `bytes` to `relative`, creating directories.
    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + relative
        let dir = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Array(text.utf8))
    }

    func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path + "/" + relative, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

extension Array where Element == UInt8 {
    /// The bytes as a String (for readable expectations on ASCII/UTF-8 JSON).
    var utf8String: String { String(decoding: self, as: UTF8.self) }
}
