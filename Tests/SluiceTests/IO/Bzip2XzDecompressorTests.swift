import Foundation
import Testing
@testable import Sluice

/// The bzip2 and xz decoders: round trips in small reads, concatenated streams, and cut or
/// damaged streams that hand out everything decoded before the damage, then the error.
@Suite struct Bzip2XzDecompressorTests {
    enum Codec: String, CaseIterable, CustomTestStringConvertible {
        case bzip2, xz
        var testDescription: String { rawValue }

        func encode(_ data: [UInt8]) -> [UInt8] {
            self == .bzip2 ? Bzip2Decompressor.encode(data) : XzDecompressor.encode(data)
        }

        func decode(_ bytes: [UInt8], maxRead: Int = 1 << 16, chunk: Int = 4096) -> ([UInt8], ReadError?) {
            let source = MemoryReader(bytes, maxRead: maxRead)
            switch self {
            case .bzip2: return GzipDecompressorTests.drain(Bzip2Decompressor(source: source), chunk: chunk)
            case .xz:
                do { return GzipDecompressorTests.drain(try XzDecompressor(source: source), chunk: chunk) } catch { return ([], error) }
            }
        }
    }

    /// Lines that do not repeat, so that the compressed stream is long enough to cut.
    static let text: [UInt8] = {
        var rng = SplitMix64(seed: 7)
        var s = ""
        for i in 0..<4000 { s += "line \(i) \(rng.next() % 1_000_000_007) of text that compresses\n" }
        return Array(s.utf8)
    }()

    @Test(arguments: Codec.allCases)
    func roundTripInSmallReads(_ codec: Codec) {
        let stream = codec.encode(Self.text)
        let (out, error) = codec.decode(stream, maxRead: 7, chunk: 33)
        #expect(error == nil)
        #expect(out == Self.text)
    }

    @Test(arguments: Codec.allCases)
    func concatenatedStreamsAndZeroPadding(_ codec: Codec) {
        let a = Array("first stream\n".utf8), b = Array("second stream\n".utf8)
        // xz allows padding in multiples of four bytes; bzip2 tolerates any zeros at the end.
        let (out, error) = codec.decode(codec.encode(a) + codec.encode(b) + [0, 0, 0, 0], maxRead: 5)
        #expect(error == nil)
        #expect(out == a + b)
    }

    @Test(arguments: Codec.allCases)
    func emptyAndShortData(_ codec: Codec) {
        let (out, error) = codec.decode(codec.encode([]))
        #expect(error == nil)
        #expect(out.isEmpty)
        #expect(codec.decode(codec.encode([0x41])).0 == [0x41])
    }

    /// A stream cut anywhere yields a prefix of the text, then a `truncated` error at the cut.
    @Test(arguments: Codec.allCases)
    func cutStreamsKeepWhatWasDecoded(_ codec: Codec) throws {
        let stream = codec.encode(Self.text)
        for cut in [1, 10, stream.count / 3, stream.count / 2, stream.count - 1] {
            let (out, error) = codec.decode(Array(stream[..<cut]))
            let e = try #require(error, "cut at \(cut) of \(stream.count)")
            #expect(e.kind == .truncated, "cut at \(cut): \(e.message)")
            #expect(e.offset == cut)
            #expect(out.count <= Self.text.count && out[...] == Self.text[..<out.count])
        }
    }

    /// A cut stream yields at least what the command-line tool recovers from it.
    @Test(arguments: Codec.allCases)
    func cutStreamYieldsWhatTheToolYields(_ codec: Codec) throws {
        let stream = codec.encode(Self.text + Self.text.reversed() + Self.text)
        let cut = Array(stream[..<(stream.count * 2 / 3)])
        let tool = Process()
        tool.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tool.arguments = [codec.rawValue, "-dc"]
        let input = Pipe(), output = Pipe()
        tool.standardInput = input
        tool.standardOutput = output
        tool.standardError = FileHandle.nullDevice
        try tool.run()
        input.fileHandleForWriting.write(Data(cut))
        try input.fileHandleForWriting.close()
        let recovered = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
        tool.waitUntilExit()
        #expect(tool.terminationStatus != 0)
        let (out, error) = codec.decode(cut)
        #expect(error?.kind == .truncated)
        #expect(!recovered.isEmpty)
        // At least as much: `bzip2 -dc` drops the last 5,000-byte piece of its output at the
        // error (here 295,000 bytes where the three whole blocks before the cut hold 299,900).
        #expect(out.count >= recovered.count, "\(out.count) bytes, the tool \(recovered.count)")
        #expect(out.starts(with: recovered))
        let whole = Self.text + Self.text.reversed() + Self.text
        #expect(whole.starts(with: out))
    }

    @Test(arguments: Codec.allCases)
    func damagedStreamIsAnError(_ codec: Codec) throws {
        var stream = codec.encode(Self.text)
        stream[stream.count / 2] ^= 0x5A
        let (out, error) = codec.decode(stream)
        let e = try #require(error)
        #expect(e.kind == .corrupt, "\(e.message)")
        #expect(e.offset > 0 && e.offset <= stream.count)
        #expect(out.count < Self.text.count + (1 << 20))
    }

    @Test(arguments: Codec.allCases)
    func notCompressedDataIsAnError(_ codec: Codec) {
        let (out, error) = codec.decode(Array("plain text, not compressed\n".utf8))
        #expect(out.isEmpty)
        #expect(error?.kind == .corrupt)
        #expect(error?.message.contains("not \(codec.rawValue) data") == true)
    }
}
