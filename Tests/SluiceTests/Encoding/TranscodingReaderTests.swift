import Testing
@testable import Sluice

@Suite struct TranscodingReaderTests {
    /// Everything the reader yields, reading `readSize` bytes at a time from a source that
    /// hands out at most `maxRead` bytes per call.
    private func readAll(_ bytes: [UInt8], maxRead: Int = .max, readSize: Int = 1 << 16, forced: EncodingGuess? = nil,
                         sniffLimit: Int = 1 << 20, chunkSize: Int = 64 << 10) throws -> (out: [UInt8], reader: TranscodingReader) {
        let reader = TranscodingReader(source: MemoryReader(bytes, maxRead: maxRead), forced: forced,
                                       sniffLimit: sniffLimit, chunkSize: chunkSize)
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: readSize)
        while true {
            let n = try buffer.withUnsafeMutableBytes { try reader.read(into: $0) }
            if n == 0 { break }
            out += buffer[..<n]
        }
        return (out, reader)
    }

    /// What converting the whole input at once gives (BOM skipped).
    private func oneShot(_ bytes: [UInt8], _ guess: EncodingGuess) throws -> [UInt8] {
        let body = Array(bytes[min(guess.bomLength, bytes.count)...])
        if guess.isUTF8 { return body }
        return try body.withUnsafeBufferPointer { try TextConverter(from: guess.iconvName).convert($0).bytes }
    }

    @Test func emptyInputIsUTF8() throws {
        let (out, reader) = try readAll([])
        #expect(out.isEmpty)
        #expect(reader.guess == EncodingGuess(iconvName: "UTF-8", label: "utf-8", source: .utf8))
        #expect(reader.bytesRead == 0)
    }

    @Test func utf8PassesThroughWithoutItsBOM() throws {
        let text = "Grüße aus Köln — 日本語"
        let (out, reader) = try readAll([0xEF, 0xBB, 0xBF] + Array(text.utf8), maxRead: 5, readSize: 3)
        #expect(String(decoding: out, as: UTF8.self) == text)
        #expect(reader.guess?.source == .bom)
        #expect(reader.bytesRead == text.utf8.count + 3)
        // Invalid bytes are left for the record decoder.
        let (raw, _) = try readAll(Array("abc".utf8) + [0xFF] + Array("é".utf8), sniffLimit: 2)
        #expect(raw == Array("abc".utf8) + [0xFF] + Array("é".utf8))
    }

    @Test func decodesLegacyInput() throws {
        let bytes = try #require(EncodingSamples.encode(EncodingSamples.russian, to: "KOI8-R"))
        let (out, reader) = try readAll(bytes)
        #expect(String(decoding: out, as: UTF8.self) == EncodingSamples.russian)
        #expect(reader.guess?.label == "koi8-r")
        #expect(reader.invalidSequences == 0)
        #expect(reader.bytesRead == bytes.count)
    }

    @Test func utf16WithBOM() throws {
        let text = "UTF-16 text: ünïcödé 𝄞 日本"
        let le = [0xFF, 0xFE] + (try #require(EncodingSamples.encode(text, to: "UTF-16LE")))
        let be = [0xFE, 0xFF] + (try #require(EncodingSamples.encode(text, to: "UTF-16BE")))
        for bytes in [le, be] {
            for maxRead in [1, 3, 7, 1000] {
                let (out, _) = try readAll(bytes, maxRead: maxRead, readSize: 5, sniffLimit: 4, chunkSize: 16)
                #expect(String(decoding: out, as: UTF8.self) == text, "maxRead \(maxRead)")
            }
        }
    }

    /// The output does not depend on how the input arrives or is asked for: 1-byte and odd
    /// reads, chunks that cut multibyte sequences and ISO-2022 escapes, invalid bytes.
    @Test func chunkingDoesNotChangeTheOutput() throws {
        var inputs: [(String, [UInt8])] = []
        for (text, enc) in [(EncodingSamples.japanese, "SHIFT_JIS"), (EncodingSamples.japanese, "ISO-2022-JP"),
                            (EncodingSamples.korean, "ISO-2022-KR"), (EncodingSamples.simplifiedChinese, "GB18030"),
                            (EncodingSamples.traditionalChinese, "BIG5-HKSCS"), (EncodingSamples.russian, "WINDOWS-1251"),
                            (EncodingSamples.greek, "UTF-16LE"), (EncodingSamples.polish, "UTF-32BE"),
                            ("Tiếng Việt có dấu thanh điệu, chữ ư và ơ.", "WINDOWS-1258")] {
            inputs.append((enc, try #require(EncodingSamples.encode(text, to: enc), "\(enc)")))
        }
        // Invalid and truncated sequences.
        inputs.append(("SHIFT_JIS", inputs[0].1 + [0x82, 0xFF, 0x41, 0x82]))
        inputs.append(("ISO-2022-JP", Array(inputs[1].1.prefix(101)) + [0x1B, 0x24]))
        inputs.append(("UTF-16LE", inputs[6].1 + [0x00, 0xD8, 0x41]))
        inputs.append(("WINDOWS-1258", inputs[8].1 + [0x61, 0x81, 0x62]))
        for (encoding, bytes) in inputs {
            let forced = try EncodingGuess.forced(encoding)
            let expected = try oneShot(bytes, forced)
            for (maxRead, readSize, chunk) in [(1, 1, 16), (3, 7, 17), (7, 3, 64), (1000, 13, 31), (.max, 1 << 16, 1 << 16)] {
                let (out, reader) = try readAll(bytes, maxRead: maxRead, readSize: readSize, forced: forced,
                                                sniffLimit: 5, chunkSize: chunk)
                #expect(out == expected, "\(encoding) maxRead \(maxRead) readSize \(readSize) chunk \(chunk)")
                #expect(reader.bytesRead == bytes.count)
            }
        }
    }

    @Test func invalidBytesBecomeReplacementCharacters() throws {
        // 0x81 is undefined in windows-1252; a lone Shift_JIS lead byte at the end is cut.
        let (out, reader) = try readAll([0x61, 0x81, 0x62], forced: try EncodingGuess.forced("WINDOWS-1252"))
        #expect(String(decoding: out, as: UTF8.self) == "a\u{FFFD}b")
        #expect(reader.invalidSequences == 1)
        let (cut, cutReader) = try readAll([0x61, 0x82], maxRead: 1, forced: try EncodingGuess.forced("CP932"), chunkSize: 16)
        #expect(String(decoding: cut, as: UTF8.self) == "a\u{FFFD}")
        #expect(cutReader.invalidSequences == 1)
    }

    /// Found by the fuzz harness: iconv filled the output to 2 bytes short of its end, then
    /// met an invalid byte, and the U+FFFD was written past the buffer.
    @Test func invalidByteWhenTheOutputIsNearlyFull() throws {
        let bytes = [UInt8](repeating: 0x61, count: 126) + [0x81, 0x62] + [UInt8](repeating: 0x81, count: 300)
        let forced = try EncodingGuess.forced("WINDOWS-1252")
        let expected = try oneShot(bytes, forced)
        for chunk in [16, 17, 18, 19] {
            let (out, reader) = try readAll(bytes, forced: forced, chunkSize: chunk)
            #expect(out.elementsEqual(expected), "chunk \(chunk)")
            #expect(reader.invalidSequences == 301)
        }
    }

    /// Found by the fuzz harness: glibc's ISO-2022-CN-EXT decoder changes its state before it
    /// reports an invalid byte, so asking iconv again about the same byte (when the output
    /// had no room for the U+FFFD) gave other text than the one-shot conversion.
    @Test func invalidByteIsHandledOnce() throws {
        let bytes = try TestPaths.readBytes(TestPaths.root + "/Tests/SluiceTests/Fixtures/encoding/iso-2022-cn-ext-eilseq.bin")
        let guess = bytes.withUnsafeBytes { EncodingDetector().detect($0) }
        #expect(guess.label == "iso-2022-cn-ext")
        let expected = try oneShot(bytes, guess)
        #expect(expected.count == 970)
        for chunk in 16...90 {
            let (out, _) = try readAll(bytes, maxRead: 371, readSize: 67, chunkSize: chunk)
            #expect(out.elementsEqual(expected), "chunk \(chunk)")
        }
    }

    @Test func forcedEncodingSkipsItsOwnBOM() throws {
        let (out, reader) = try readAll([0xEF, 0xBB, 0xBF, 0x61], forced: try EncodingGuess.forced("utf-8"))
        #expect(out == [0x61])
        #expect(reader.guess?.bomLength == 3)
        #expect(reader.guess?.source == .forced)
        // A UTF-8 BOM under a forced windows-1252 is three characters of text.
        let (latin, _) = try readAll([0xEF, 0xBB, 0xBF, 0x61], forced: try EncodingGuess.forced("windows-1252"))
        #expect(String(decoding: latin, as: UTF8.self) == "ï»¿a")
    }

    @Test func forcedGenericUTF16ReadsTheByteOrderFromTheBOM() throws {
        let text = "ünï 日本"
        let be = [0xFE, 0xFF] + (try #require(EncodingSamples.encode(text, to: "UTF-16BE")))
        let le = [0xFF, 0xFE] + (try #require(EncodingSamples.encode(text, to: "UTF-16LE")))
        for bytes in [be, le] {
            let (out, reader) = try readAll(bytes, maxRead: 3, forced: try EncodingGuess.forced("UTF-16"), chunkSize: 16)
            #expect(String(decoding: out, as: UTF8.self) == text)
            #expect(reader.guess?.bomLength == 0)
        }
    }

    @Test func detectionUsesTheSniffedPrefixOnly() throws {
        // Cyrillic after 64 bytes of ASCII: a sniff limit of 64 sees ASCII only (UTF-8), and
        // the bytes after it pass through as they are.
        let koi = try #require(EncodingSamples.encode(EncodingSamples.russian, to: "KOI8-R"))
        let bytes = [UInt8](repeating: 0x61, count: 64) + koi
        let (_, small) = try readAll(bytes, sniffLimit: 64)
        #expect(small.guess?.label == "utf-8")
        let (out, full) = try readAll(bytes, maxRead: 100)
        #expect(full.guess?.label == "koi8-r")
        #expect(String(decoding: out, as: UTF8.self) == String(repeating: "a", count: 64) + EncodingSamples.russian)
    }

    @Test func shiftOutAtTheVeryEndEndsTheRead() throws {
        // glibc's ISO-2022-CN-EXT reports EILSEQ for a final SO with no designation after
        // taking every byte; the reader once stepped past the end and never returned
        // (fuzz finding encoding-timeout-28c4e44b).
        let forced = try EncodingGuess.forced("ISO-2022-CN-EXT")
        for bytes in [Array("a\u{0E}".utf8), Array("Vi ser f.eks. en ny\u{0E}".utf8)] {
            for (maxRead, chunk) in [(1, 16), (3, 16), (1000, 66), (1000, 1 << 16)] {
                let (out, reader) = try readAll(bytes, maxRead: maxRead, readSize: 7, forced: forced, chunkSize: chunk)
                #expect(String(decoding: out, as: UTF8.self)
                        == String(decoding: bytes.dropLast(), as: UTF8.self) + "\u{FFFD}")
                #expect(out == (try oneShot(bytes, forced)))
                #expect(reader.invalidSequences == 1)
            }
        }
    }

    @Test func sourceErrorsPropagate() throws {
        let reader = TranscodingReader(source: MemoryReader(Array("abc".utf8), failAt: 2))
        var buffer = [UInt8](repeating: 0, count: 16)
        #expect(throws: ReadError.self) { _ = try buffer.withUnsafeMutableBytes { try reader.read(into: $0) } }
    }
}
