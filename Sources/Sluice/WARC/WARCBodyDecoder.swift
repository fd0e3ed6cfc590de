/// Turns the body of a WARC document into text: its encoding detected record by record (BOM,
/// the HTTP `Content-Type` charset, a declaration in the page, valid UTF-8, statistics) or
/// the one `decode.encoding` forces, then converted to UTF-8.
///
/// Not Sendable: owns a detector and iconv descriptors; one per input file.
final class WARCBodyDecoder {
    private let forced: EncodingGuess?
    private let detector = EncodingDetector()
    private var converters: [String: TextConverter] = [:]

    init(forced: EncodingGuess?) { self.forced = forced }

    /// The body as text, the encoding it was read in, and the byte sequences that did not
    /// decode (each became U+FFFD).
    func decode(_ body: ArraySlice<UInt8>, httpCharset: String?) -> (text: String, guess: EncodingGuess, invalid: Int) {
        body.withUnsafeBytes { raw in
            var guess = forced ?? detector.detect(raw, isComplete: true, httpCharset: httpCharset)
            let content = UnsafeRawBufferPointer(rebasing: raw[min(guess.bomLength, raw.count)...]).bindMemory(to: UInt8.self)
            if guess.isUTF8 {
                if UTF8Validator.isValid(content) { return (String(decoding: content, as: UTF8.self), guess, 0) }
                let text = String(decoding: content, as: UTF8.self)
                return (text, guess, 1)
            }
            let converter: TextConverter
            if let c = converters[guess.iconvName] {
                converter = c
            } else if let c = try? TextConverter(from: guess.iconvName) {
                converters[guess.iconvName] = c
                converter = c
            } else {
                // A detected name iconv lacks (should not happen): read it as UTF-8, repaired.
                guess = EncodingGuess(iconvName: "UTF-8", label: "utf-8", source: .fallback, bomLength: 0)
                return (String(decoding: content, as: UTF8.self), guess, UTF8Validator.isValid(content) ? 0 : 1)
            }
            let (bytes, invalid) = converter.convert(content)
            return (String(decoding: bytes, as: UTF8.self), guess, invalid)
        }
    }
}
