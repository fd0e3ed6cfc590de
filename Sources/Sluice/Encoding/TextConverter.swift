#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts bytes in a legacy encoding to UTF-8 with the C library's iconv.
///
/// Not Sendable: an iconv descriptor carries shift state; one converter per input file.
public final class TextConverter {
    /// The source encoding's iconv name.
    public let encoding: String
    private let cd: iconv_t

    /// Fails when iconv does not know `encoding`.
    public init(from encoding: String) throws(ReadError) {
        self.encoding = encoding
        let cd = iconv_open("UTF-8", encoding)
        guard let cd, cd != iconv_t(bitPattern: -1) else {
            throw ReadError(kind: .encoding, offset: 0,
                            message: "unknown input encoding '\(encoding)' (see `iconv -l` for names)")
        }
        self.cd = cd
    }

    deinit { iconv_close(cd) }

    /// Converts `input` to UTF-8. A byte sequence invalid in the source encoding becomes
    /// U+FFFD; the number of such replacements is returned with the output.
    public func convert(_ input: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], invalid: Int) {
        iconv(cd, nil, nil, nil, nil)
        var out = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var outUsed = 0
        var invalid = 0
        var inPos = 0
        while inPos < input.count {
            var inLeft = input.count - inPos
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: input.baseAddress! + inPos)
                .assumingMemoryBound(to: CChar.self)
            let (r, err, used, consumed) = out.withUnsafeMutableBytes { ob -> (Int, Int32, Int, Int) in
                var outLeft = ob.count - outUsed
                var outPtr: UnsafeMutablePointer<CChar>? = (ob.baseAddress! + outUsed).assumingMemoryBound(to: CChar.self)
                let before = inLeft
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return (r, errno, ob.count - outLeft, before - inLeft)
            }
            inPos += consumed
            outUsed = used
            if r != -1 { break }
            if err == E2BIG {
                out.append(contentsOf: repeatElement(0, count: out.count))
            } else {
                // EILSEQ or EINVAL: write out what the decoder holds, skip one byte, mark it,
                // go on from the initial state.
                flush(&out, &outUsed)
                invalid += 1
                inPos = min(inPos + 1, input.count)   // EILSEQ may come with every byte taken
                if out.count - outUsed < 3 { out.append(contentsOf: repeatElement(0, count: 16)) }
                out[outUsed] = 0xEF; out[outUsed + 1] = 0xBF; out[outUsed + 2] = 0xBD
                outUsed += 3
            }
        }
        flush(&out, &outUsed)
        out.removeLast(out.count - outUsed)
        // glibc's UTF-8 reader takes 4-byte forms past U+10FFFF and writes them out as they
        // are (found by the iconv fuzz harness): the output is checked, and what is not UTF-8
        // becomes U+FFFD like any other invalid sequence.
        let valid = out.withUnsafeBufferPointer { UTF8Validator.isValid($0) }
        if !valid {
            let repaired = Array(String(decoding: out, as: UTF8.self).utf8)
            return (repaired, invalid + 1)
        }
        return (out, invalid)
    }

    /// Writes out what the decoder holds back and returns it to the initial state: glibc's
    /// windows-1258 (and TCVN) decoder keeps the last letter until it knows whether a
    /// combining tone mark follows, so without this the last letter was lost (found by the
    /// encoding fuzz harness).
    private func flush(_ out: inout [UInt8], _ outUsed: inout Int) {
        if out.count - outUsed < 16 { out.append(contentsOf: repeatElement(0, count: 16)) }
        let used = outUsed
        outUsed = out.withUnsafeMutableBytes { ob -> Int in
            var outLeft = ob.count - used
            var outPtr: UnsafeMutablePointer<CChar>? = (ob.baseAddress! + used).assumingMemoryBound(to: CChar.self)
            _ = iconv(cd, nil, nil, &outPtr, &outLeft)
            return ob.count - outLeft
        }
    }
}
