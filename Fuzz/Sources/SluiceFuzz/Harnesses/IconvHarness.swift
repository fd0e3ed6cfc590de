@testable import Sluice

extension Harness {
    /// Encodings the decoder may be told to read (`decode.encoding`), stateful ones included.
    static let encodings = [
        "windows-1252", "ISO-8859-1", "ISO-8859-2", "windows-1251", "KOI8-R", "CP932", "SHIFT_JIS",
        "EUC-JP", "ISO-2022-JP", "ISO-2022-KR", "EUC-KR", "CP949", "GB18030", "GBK", "BIG5", "BIG5-HKSCS",
        "UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "UTF-7", "TIS-620", "windows-1255", "windows-1256",
        "ISO-8859-7", "ISO-8859-9", "MACINTOSH", "CP437", "UTF-8",
    ]

    /// The iconv converter: any bytes in any encoding give valid UTF-8 (invalid sequences as
    /// U+FFFD, counted) in bounded time, and the converter is reusable after a bad input.
    static let iconv = Harness(name: "iconv") { input in
        let (choice, rest) = input.split()
        let name = encodings[Int(choice) % encodings.count]
        guard let converter = try? TextConverter(from: name) else { return }
        for _ in 0..<2 {
            let (bytes, invalid) = converter.convert(rest)
            Harness.require(invalid >= 0 && invalid <= rest.count, "invalid count \(invalid) for \(rest.count) bytes")
            Harness.require(String(validating: bytes, as: UTF8.self) != nil, "\(name): output is not valid UTF-8")
        }
    }
}
