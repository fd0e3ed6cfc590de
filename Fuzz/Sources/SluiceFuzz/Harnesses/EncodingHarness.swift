@testable import Sluice

extension Harness {
    /// Charset values a WARC response may carry, valid and not.
    static let httpCharsets: [String?] = [nil, "text/html; charset=shift_jis", "utf-16", "text/html", "charset=", "koi8-r",
                                          "text/plain; charset=\"x-unknown\"", "iso-8859-1"]

    /// Encoding detection and the transcoding reader on any bytes: detection never crashes or
    /// hangs and does not depend on the reader's chunking; the reader's output is the same for
    /// every read and chunk size as the one-shot conversion (TextConverter on the bytes after
    /// the BOM, or the bytes themselves for UTF-8) and is valid UTF-8 whenever it converts.
    static let encoding = Harness(name: "encoding") { input in
        let (choice, rest) = input.split()
        let step = Int(choice & 0x0F) * 37 + 1
        let readSize = Int((choice >> 4) & 0x07) * 11 + 1
        let chunk = 16 + Int(choice & 0x0F) * 5
        var bytes = Array(rest)
        var forced: EncodingGuess?
        var http: String?
        if choice & 0x80 != 0, let pick = bytes.first {
            bytes.removeFirst()
            forced = try? EncodingGuess.forced(encodings[Int(pick) % encodings.count])
        } else if let pick = bytes.first, pick & 0xF0 == 0xF0 {
            http = httpCharsets[Int(pick) % httpCharsets.count]
        }

        // Detection on the whole input and on prefixes of it, complete or not.
        let detector = EncodingDetector()
        let whole = bytes.withUnsafeBytes { detector.detect($0, isComplete: true, httpCharset: http) }
        Harness.require(whole.bomLength <= bytes.count, "BOM length \(whole.bomLength) past the input")
        for cut in [bytes.count / 2, bytes.count / 3 + 1] where cut <= bytes.count {
            let g = bytes.withUnsafeBytes { detector.detect(UnsafeRawBufferPointer(rebasing: $0[0..<cut]), isComplete: false) }
            Harness.require(g.bomLength <= cut, "BOM length past the prefix")
        }

        // The reader, chunked, against the one-shot conversion.
        let reader = TranscodingReader(source: ChunkReader(bytes, step: step), forced: forced, httpCharset: http,
                                       sniffLimit: 1 << 20, chunkSize: chunk, detector: detector)
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: readSize)
        do {
            while true {
                let n = try buffer.withUnsafeMutableBytes { (b) throws(ReadError) -> Int in try reader.read(into: b) }
                if n == 0 { break }
                out.append(contentsOf: buffer[..<n])
            }
        } catch {
            // Only a forced name iconv cannot open may fail, and forced() already checked it.
            Harness.require(false, "reader failed: \(error)")
        }
        guard let guess = reader.guess else { Harness.require(false, "no guess after reading"); return }
        Harness.require(reader.bytesRead == bytes.count, "bytesRead \(reader.bytesRead) of \(bytes.count)")
        if forced == nil {
            Harness.require(guess == whole, "reader's guess \(guess) differs from detect's \(whole)")
        }
        let body = Array(bytes[min(guess.bomLength, bytes.count)...])
        let expected: [UInt8]
        if guess.isUTF8 {
            expected = body
        } else {
            guard let converter = try? TextConverter(from: guess.iconvName) else {
                Harness.require(false, "iconv cannot open \(guess.iconvName)"); return
            }
            expected = body.withUnsafeBufferPointer { converter.convert($0).bytes }
            Harness.require(String(validating: out, as: UTF8.self) != nil, "\(guess.label): output is not valid UTF-8")
        }
        Harness.require(out == expected, "\(guess.label) step \(step) read \(readSize) chunk \(chunk): "
                        + "\(out.count) bytes out, one-shot gives \(expected.count)")
    }
}
