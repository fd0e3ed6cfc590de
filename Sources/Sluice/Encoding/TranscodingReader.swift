#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a source in any encoding and yields UTF-8: on the first read it buffers up to
/// `sniffLimit` bytes (or the whole input when shorter), decides the encoding with
/// ``EncodingDetector`` (or takes the forced one), skips the byte-order mark, then streams.
///
/// UTF-8 input passes through (one copy of the sniffed prefix, then reads go straight into the
/// caller's buffer); invalid bytes in it are left for the record decoder, which validates each
/// record. Any other encoding goes through iconv chunk by chunk: a multibyte sequence cut at a
/// chunk's end is carried to the next chunk, ISO-2022 and UTF-16 shift state is kept across
/// chunks, and a byte iconv rejects becomes U+FFFD (counted in ``invalidSequences``), exactly as
/// ``TextConverter`` converts the whole input at once. The output does not depend on the sizes
/// of the reads. Memory: the sniff buffer plus one chunk in and its UTF-8 out.
///
/// Not Sendable: one reader per input.
public final class TranscodingReader: ByteReader {
    private let source: any ByteReader
    private let forced: EncodingGuess?
    private let httpCharset: String?
    private let sniffLimit: Int
    private let chunkSize: Int
    private let detector: EncodingDetector

    /// The encoding, known after the first read.
    public private(set) var guess: EncodingGuess?
    /// Bytes that did not decode in the input's encoding (each became U+FFFD); 0 for UTF-8.
    public private(set) var invalidSequences = 0
    /// Raw bytes taken from the source so far.
    public var bytesRead: Int { source.bytesRead }

    /// Input bytes not yet converted (or, for UTF-8, not yet handed out): `input[inStart..<inEnd]`.
    private var input: [UInt8] = []
    private var inStart = 0, inEnd = 0
    /// Converted UTF-8 not yet handed out: `output[outStart..<outEnd]`.
    private var output: [UInt8] = []
    private var outStart = 0, outEnd = 0
    private var sourceDone = false
    /// The decoder's state has been written out at the end of the input.
    private var flushed = false
    /// The last conversion stopped at a sequence cut by the end of the input buffer.
    private var needMore = false
    private var cd: iconv_t?

    /// Reads `source` as text in its detected (or `forced`) encoding, converted to UTF-8.
    ///
    /// - Parameters:
    ///   - source: the raw bytes.
    ///   - forced: the user's encoding (``EncodingGuess/forced(_:)``); nil to detect.
    ///   - httpCharset: a `Content-Type` value or charset that came with the input (WARC).
    ///   - sniffLimit: bytes the detection looks at, at most.
    ///   - chunkSize: bytes read from `source` at a time.
    ///   - detector: a detector to reuse (one per thread); a new one when nil.
    public init(source: any ByteReader, forced: EncodingGuess? = nil, httpCharset: String? = nil,
                sniffLimit: Int = 1 << 20, chunkSize: Int = 64 << 10, detector: EncodingDetector? = nil) {
        self.source = source
        self.forced = forced
        self.httpCharset = httpCharset
        self.sniffLimit = max(1, sniffLimit)
        self.chunkSize = max(16, chunkSize)
        self.detector = detector ?? EncodingDetector()
    }

    deinit { if let cd { iconv_close(cd) } }

    /// Reads UTF-8 into `buffer`; returns 0 at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard buffer.count > 0 else { return 0 }
        if guess == nil { try start() }
        guard let guess else { return 0 }
        if guess.isUTF8 {
            if inStart < inEnd { return handOut(from: &input, &inStart, inEnd, into: buffer) }
            if !input.isEmpty { input = [] }   // the sniff buffer is done with
            if sourceDone { return 0 }
            let n = try source.read(into: buffer)
            if n == 0 { sourceDone = true }
            return n
        }
        while outStart == outEnd {
            if inStart == inEnd && sourceDone && flushed { return 0 }
            try convertChunk()
        }
        return handOut(from: &output, &outStart, outEnd, into: buffer)
    }

    private func handOut(from storage: inout [UInt8], _ start: inout Int, _ end: Int,
                         into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let n = min(buffer.count, end - start)
        storage.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + start, byteCount: n) }
        start += n
        return n
    }

    /// Buffers the prefix, decides the encoding and skips the BOM.
    private func start() throws(ReadError) {
        input = [UInt8](repeating: 0, count: min(sniffLimit, 64 << 10))
        inEnd = 0
        while inEnd < sniffLimit {
            if inEnd == input.count { input.append(contentsOf: repeatElement(0, count: min(input.count, sniffLimit - input.count))) }
            let n = try fill()
            if n == 0 { sourceDone = true; break }
        }
        var g: EncodingGuess
        if let forced {
            g = forced
            // Skip a BOM of the forced encoding itself; generic "UTF-16"/"UTF-32" read it in iconv.
            if let bom = input.withUnsafeBytes({ EncodingDetector.bom(UnsafeRawBufferPointer(rebasing: $0[0..<inEnd])) }),
               bom.iconvName == forced.iconvName || (bom.isUTF8 && forced.isUTF8) {
                g.bomLength = bom.bomLength
            }
        } else {
            g = input.withUnsafeBytes { raw in
                detector.detect(UnsafeRawBufferPointer(rebasing: raw[0..<inEnd]), isComplete: sourceDone,
                                httpCharset: httpCharset)
            }
        }
        inStart = min(g.bomLength, inEnd)
        if !g.isUTF8 {
            let cd = iconv_open("UTF-8", g.iconvName)
            guard let cd, cd != iconv_t(bitPattern: -1) else {
                throw ReadError(kind: .encoding, offset: 0,
                                message: "cannot convert from '\(g.iconvName)' (see `iconv -l` for names)")
            }
            self.cd = cd
            output = [UInt8](repeating: 0, count: 4 * chunkSize + 64)
        }
        guess = g
    }

    /// Reads from the source into `input[inEnd...]`; the number of bytes read.
    private func fill() throws(ReadError) -> Int {
        var result: Result<Int, ReadError> = .success(0)
        let source = self.source, from = inEnd
        input.withUnsafeMutableBytes { raw in
            do throws(ReadError) {
                result = .success(try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[from...])))
            } catch {
                result = .failure(error)
            }
        }
        let n = try result.get()
        inEnd += n
        return n
    }

    /// Converts at most one chunk of input into `output` (which is empty when called).
    private func convertChunk() throws(ReadError) {
        guard let cd else { return }
        // Top up the input to one chunk (after the sniffed prefix is used up), and always after
        // a sequence was cut at the end of what is there: every call then makes progress.
        if !sourceDone && (needMore || inEnd - inStart < chunkSize) {
            if inStart > 0 {
                // Keep the unconverted tail (a cut sequence) at the front.
                let left = inEnd - inStart
                input.withUnsafeMutableBytes { raw in
                    raw.baseAddress!.copyMemory(from: raw.baseAddress! + inStart, byteCount: left)
                }
                inStart = 0
                inEnd = left
            }
            if inEnd == input.count || input.count < chunkSize {
                input.append(contentsOf: repeatElement(0, count: chunkSize))
            }
            let n = try fill()
            if n == 0 { sourceDone = true }
            needMore = false
        }
        outStart = 0
        outEnd = 0
        // iconv gets the output but for a reserve, so that after an invalid byte there is
        // always room for what the decoder holds back and the U+FFFD: calling iconv again on
        // the bad byte is not the same (glibc's ISO-2022-CN-EXT changes its state before it
        // reports EILSEQ; found by the fuzz harness).
        let reserve = 32
        let outCapacity = output.count
        while inStart < inEnd && outCapacity - reserve - outEnd >= 16 {
            var inLeft = inEnd - inStart
            var outLeft = outCapacity - reserve - outEnd
            let before = inLeft
            let (r, err) = input.withUnsafeMutableBytes { ib in
                output.withUnsafeMutableBytes { ob -> (Int, Int32) in
                    var inPtr: UnsafeMutablePointer<CChar>? = (ib.baseAddress! + inStart).assumingMemoryBound(to: CChar.self)
                    var outPtr: UnsafeMutablePointer<CChar>? = (ob.baseAddress! + outEnd).assumingMemoryBound(to: CChar.self)
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    return (r, errno)
                }
            }
            inStart += before - inLeft
            outEnd = outCapacity - reserve - outLeft
            if r != -1 { continue }
            if err == E2BIG { break }
            if err == EINVAL && !sourceDone {
                // A sequence cut at the end of the chunk: carry it to the next one.
                needMore = true
                break
            }
            // EILSEQ (or a sequence cut by the end of the input), as TextConverter does: the
            // decoder writes out what it holds back (windows-1258 keeps a letter for a tone
            // mark that may follow) and returns to its initial state, then one byte becomes
            // U+FFFD. The reserve has room for both.
            flushDecoder(cd)
            invalidSequences += 1
            // glibc's ISO-2022-CN-EXT can report EILSEQ having taken every byte (a shift at
            // the very end): there is then no byte to skip, and stepping past the end hung the
            // reader (fuzz finding encoding-timeout-28c4e44b).
            inStart = min(inStart + 1, inEnd)
            output.withUnsafeMutableBytes { ob in
                ob[outEnd] = 0xEF; ob[outEnd + 1] = 0xBF; ob[outEnd + 2] = 0xBD
            }
            outEnd += 3
        }
        if inStart == inEnd && sourceDone && !flushed && outCapacity - outEnd >= 16 {
            // End of input: let a stateful decoder write out what it holds.
            flushed = true
            flushDecoder(cd)
            input = []
            inStart = 0
            inEnd = 0
        }
        repairOutput()
    }

    /// Writes what the decoder holds back into `output` (room for it checked by the caller).
    private func flushDecoder(_ cd: iconv_t) {
        let capacity = output.count, from = outEnd
        outEnd = output.withUnsafeMutableBytes { ob -> Int in
            var outLeft = capacity - from
            var outPtr: UnsafeMutablePointer<CChar>? = (ob.baseAddress! + from).assumingMemoryBound(to: CChar.self)
            _ = iconv(cd, nil, nil, &outPtr, &outLeft)
            return capacity - outLeft
        }
    }

    /// glibc can write what is not UTF-8 (4-byte forms past U+10FFFF from a UTF-8 reader):
    /// each chunk ends on a character boundary, so it is checked, and repaired, on its own.
    private func repairOutput() {
        let valid = output.withUnsafeBufferPointer { UTF8Validator.isValid(UnsafeBufferPointer(rebasing: $0[outStart..<outEnd])) }
        if valid { return }
        let repaired = Array(String(decoding: output[outStart..<outEnd], as: UTF8.self).utf8)
        invalidSequences += 1
        if repaired.count > output.count { output = repaired } else {
            output.replaceSubrange(0..<repaired.count, with: repaired)
        }
        outStart = 0
        outEnd = repaired.count
    }
}
