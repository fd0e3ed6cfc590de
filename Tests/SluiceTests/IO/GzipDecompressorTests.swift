import Foundation
import Testing
@testable import Sluice

@Suite struct GzipDecompressorTests {
    /// `printf 'hello\n' | gzip -n`: a real member with its CRC-32 and length.
    static let hello: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0xE7,
        0x02, 0x00, 0x20, 0x30, 0x3A, 0x36, 0x06, 0x00, 0x00, 0x00,
    ]

    static func drain(_ r: any ByteReader, chunk: Int = 4096) -> ([UInt8], ReadError?) {
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: chunk)
        do {
            while true {
                let n = try buf.withUnsafeMutableBytes { b in try r.read(into: b) }
                if n == 0 { return (out, nil) }
                out += buf[..<n]
            }
        } catch {
            return (out, error as? ReadError)
        }
    }

    @Test(arguments: [1, 3, 4096])
    func oneMember(_ maxRead: Int) throws {
        let (out, error) = Self.drain(try GzipDecompressor(source: MemoryReader(Self.hello, maxRead: maxRead)), chunk: maxRead == 1 ? 2 : 4096)
        #expect(error == nil)
        #expect(out == Array("hello\n".utf8))
    }

    @Test func concatenatedMembersAndZeroPadding() throws {
        let bytes = Self.hello + Self.hello + [0, 0, 0, 0]
        let (out, error) = Self.drain(try GzipDecompressor(source: MemoryReader(bytes, maxRead: 5)))
        #expect(error == nil)
        #expect(out == Array("hello\nhello\n".utf8))
    }

    @Test func emptyInputIsEmpty() throws {
        let (out, error) = Self.drain(try GzipDecompressor(source: MemoryReader([UInt8]())))
        #expect(out.isEmpty && error == nil)
    }

    @Test func truncatedMemberReportsItsOffset() throws {
        let (out, error) = Self.drain(try GzipDecompressor(source: MemoryReader(Array(Self.hello.prefix(20)))))
        #expect(out == Array("hello\n".utf8))
        #expect(error == ReadError(kind: .truncated, offset: 20, message: "gzip stream ends inside a member (truncated file)"))
    }

    @Test func wrongCRCIsCorruptAfterTheContent() throws {
        var bytes = Self.hello
        bytes[19] ^= 0xFF
        let (out, error) = Self.drain(try GzipDecompressor(source: MemoryReader(bytes)))
        #expect(out == Array("hello\n".utf8))
        #expect(error == ReadError(kind: .corrupt, offset: 22, message: "gzip: incorrect data check"))
    }

    @Test func garbageAfterAMemberIsCorrupt() throws {
        let (out, error) = Self.drain(try GzipDecompressor(source: MemoryReader(Self.hello + Array("trailing".utf8))))
        #expect(out == Array("hello\n".utf8))
        #expect(error?.kind == .corrupt)
        #expect(error?.message == "gzip: incorrect header check")
    }

    @Test(arguments: [
        ([0x1F, 0x8B, 0x08, 0x00], Compression?.some(.gzip)), ([0x28, 0xB5, 0x2F, 0xFD], .zstd),
        ([0x42, 0x5A, 0x68, 0x39], .bzip2), ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], .xz),
        ([0x42, 0x5A, 0x68, 0x30], nil), (Array("{\"id\":1}".utf8), nil), ([], nil),
    ] as [([UInt8], Compression?)])
    func magicBytes(_ head: [UInt8], _ expected: Compression?) {
        #expect(Compression.sniff(head) == expected)
    }
}
