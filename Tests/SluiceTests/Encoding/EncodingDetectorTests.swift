import Testing
@testable import Sluice

@Suite struct EncodingDetectorTests {
    private func detect(_ bytes: [UInt8], isComplete: Bool = true, http: String? = nil) -> EncodingGuess {
        bytes.withUnsafeBytes { EncodingDetector().detect($0, isComplete: isComplete, httpCharset: http) }
    }

    private func detect(_ text: String, http: String? = nil) -> EncodingGuess { detect(Array(text.utf8), http: http) }

    private func guess(_ iconv: String, _ label: String, _ source: EncodingGuess.Source, bom: Int = 0) -> EncodingGuess {
        EncodingGuess(iconvName: iconv, label: label, source: source, bomLength: bom)
    }

    @Test func byteOrderMarks() {
        let text = Array("hé".utf8)
        #expect(detect([0xEF, 0xBB, 0xBF] + text) == guess("UTF-8", "utf-8", .bom, bom: 3))
        #expect(detect([0xFF, 0xFE, 0x68, 0x00]) == guess("UTF-16LE", "utf-16le", .bom, bom: 2))
        #expect(detect([0xFE, 0xFF, 0x00, 0x68]) == guess("UTF-16BE", "utf-16be", .bom, bom: 2))
        #expect(detect([0xFF, 0xFE, 0x00, 0x00, 0x68, 0, 0, 0]) == guess("UTF-32LE", "utf-32le", .bom, bom: 4))
        #expect(detect([0x00, 0x00, 0xFE, 0xFF, 0, 0, 0, 0x68]) == guess("UTF-32BE", "utf-32be", .bom, bom: 4))
        // A BOM wins over the HTTP charset and a declaration.
        let page = [0xEF, 0xBB, 0xBF] + Array("<meta charset=koi8-r>".utf8)
        #expect(detect(page, http: "text/html; charset=windows-1251") == guess("UTF-8", "utf-8", .bom, bom: 3))
    }

    /// UTF-16 without a byte-order mark, by its zero bytes (Russian read as UTF-8 and Czech
    /// as windows-1252 came out garbled, unreported).
    @Test func utf16WithoutByteOrderMark() {
        func le(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        func be(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }
        for text in ["Правительство объявило новые меры в понедельник.", "Vláda v pondělí oznámila nová opatření.",
                     "Rain is expected on Tuesday.\r\nSnow on Friday.", "Ο καιρός θα είναι καλός 😀 αύριο."] {
            #expect(detect(le(text)) == guess("UTF-16LE", "utf-16le", .detected), "\(text)")
            #expect(detect(be(text)) == guess("UTF-16BE", "utf-16be", .detected), "\(text)")
        }
        #expect(detect(le("Hi there")) == guess("UTF-16LE", "utf-16le", .detected))
        // Too short to tell; UTF-8 with stray zero bytes at both positions; a control character;
        // an unpaired surrogate.
        #expect(detect(le("Hi")).label != "utf-16le")
        #expect(detect(Array("Rain is expected\u{0}\u{0}\u{0}\u{0} on Tuesday and Friday.".utf8)).label == "utf-8")
        #expect(detect(le("Rain is expected\u{7} on Tuesday and Friday.")).label != "utf-16le")
        #expect(detect(le("Rain is expected on Tuesday and Friday.") + [0x00, 0xDC, 0x41, 0x00]).label != "utf-16le")
    }

    @Test func declarationForms() {
        let body = "<p>\u{E9}t\u{E9}</p>"
        for head in ["<meta charset=\"windows-1250\">", "<meta charset=windows-1250>", "<META CHARSET='Windows-1250'>",
                     "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1250\">",
                     "<meta content='text/html;charset=WINDOWS-1250' http-equiv='content-type' />",
                     "<meta charset = \"windows-1250\" />"] {
            // Latin-1 bytes for the body, so the UTF-8 rule does not apply.
            let bytes = Array("<html><head>\(head)</head>".utf8) + [0x3C, 0x70, 0x3E, 0xE9, 0x74, 0xE9, 0x3C, 0x2F, 0x70, 0x3E]
            #expect(detect(bytes) == guess("WINDOWS-1250", "windows-1250", .declaration), "\(head)")
        }
        let xml = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?>\n<doc>".utf8) + [0xB1]
        #expect(detect(xml) == guess("ISO-8859-2", "iso-8859-2", .declaration))
        let xmlSingle = Array("  <?xml version='1.0' encoding='koi8-r' ?><a/>".utf8)
        #expect(detect(xmlSingle) == guess("KOI8-R", "koi8-r", .declaration))
        // A commented-out declaration declares nothing.
        #expect(detect("<!-- <meta charset=koi8-r> --><p>plain</p>" + body).source == .utf8)
        _ = body
    }

    @Test func labelsReadAsBrowsersReadThem() {
        let cases: [(String, String, String)] = [
            ("shift_jis", "CP932", "shift_jis"), ("Shift-JIS", "CP932", "shift_jis"), ("x-sjis", "CP932", "shift_jis"),
            ("euc-kr", "CP949", "euc-kr"), ("ks_c_5601-1987", "CP949", "euc-kr"),
            ("iso-8859-1", "WINDOWS-1252", "windows-1252"), ("latin1", "WINDOWS-1252", "windows-1252"),
            ("us-ascii", "WINDOWS-1252", "windows-1252"), ("gb2312", "GB18030", "gb18030"), ("GBK", "GB18030", "gb18030"),
            ("big5", "BIG5-HKSCS", "big5"), ("tis-620", "CP874", "windows-874"), ("iso-8859-11", "CP874", "windows-874"),
            ("iso-8859-9", "WINDOWS-1254", "windows-1254"), ("koi8-u", "KOI8-U", "koi8-u"),
            ("iso-2022-jp", "ISO-2022-JP", "iso-2022-jp"), ("euc-jp", "EUC-JP", "euc-jp"),
        ]
        for (declared, iconv, label) in cases {
            let page = Array("<meta charset=\"\(declared)\"><p>".utf8) + [0xC1, 0xC2]
            #expect(detect(page) == guess(iconv, label, .declaration), "\(declared)")
        }
        // UTF-16/32 declared without a BOM means UTF-8, as browsers read it.
        #expect(detect("<meta charset=utf-16><p>caf\u{E9}</p>") == guess("UTF-8", "utf-8", .declaration))
        // An unknown label is ignored: the next rule decides.
        #expect(detect("<meta charset=no-such-thing><p>caf\u{E9}</p>") == guess("UTF-8", "utf-8", .utf8))
    }

    @Test func httpCharsetRanksBeforeTheDeclaration() {
        let page = Array("<meta charset=windows-1250><p>".utf8) + [0xC1, 0xC2]
        #expect(detect(page, http: "text/html; charset=\"KOI8-R\"") == guess("KOI8-R", "koi8-r", .http))
        #expect(detect(page, http: "koi8-r") == guess("KOI8-R", "koi8-r", .http))
        // A Content-Type without charset says nothing.
        #expect(detect(page, http: "text/html") == guess("WINDOWS-1250", "windows-1250", .declaration))
        #expect(EncodingDetector.charsetParameter("text/html;charset=utf-8; q=1") == "utf-8")
        #expect(EncodingDetector.charsetParameter("text/html; charset = 'Big5'") == "big5")
    }

    @Test func validUTF8BeatsAMislabel() {
        // Declared Latin-1 but the bytes are UTF-8 with multibyte sequences: a mislabel.
        #expect(detect("<meta charset=iso-8859-1><p>café crème</p>") == guess("UTF-8", "utf-8", .utf8))
        #expect(detect("<p>café</p>", http: "text/html; charset=windows-1251") == guess("UTF-8", "utf-8", .utf8))
        // Plain ASCII under a legacy label keeps the label (the decoding is the same).
        #expect(detect("<meta charset=koi8-r><p>plain</p>") == guess("KOI8-R", "koi8-r", .declaration))
    }

    @Test func utf8AndASCII() {
        #expect(detect("") == guess("UTF-8", "utf-8", .utf8))
        #expect(detect("plain ASCII text") == guess("UTF-8", "utf-8", .utf8))
        #expect(detect(EncodingSamples.japanese) == guess("UTF-8", "utf-8", .utf8))
        // A sequence cut by the end of the prefix is not held against UTF-8 ...
        var cut = Array("Grüße, ".utf8) + Array("日本".utf8)
        cut.removeLast()
        #expect(detect(cut, isComplete: false) == guess("UTF-8", "utf-8", .utf8))
        cut.removeLast()
        #expect(detect(cut, isComplete: false) == guess("UTF-8", "utf-8", .utf8))
        // ... but it is when the prefix is the whole input.
        #expect(detect(cut, isComplete: true).source != .utf8)
        // A stray continuation byte is invalid either way.
        #expect(detect(Array("abc".utf8) + [0x80], isComplete: false).source != .utf8)
    }

    @Test func iso2022FromEscapeSequences() throws {
        let jp = try #require(EncodingSamples.encode(EncodingSamples.japanese, to: "ISO-2022-JP"))
        #expect(detect(jp) == guess("ISO-2022-JP", "iso-2022-jp", .detected))
        let kr = try #require(EncodingSamples.encode(EncodingSamples.korean, to: "ISO-2022-KR"))
        #expect(detect(kr) == guess("ISO-2022-KR", "iso-2022-kr", .detected))
        let cn = try #require(EncodingSamples.encode(EncodingSamples.simplifiedChinese, to: "ISO-2022-CN"))
        #expect(detect(cn) == guess("ISO-2022-CN", "iso-2022-cn", .detected))
        // An escape that is no ISO-2022 designation (a terminal colour) leaves ASCII as UTF-8.
        #expect(detect("\u{1B}[31mred\u{1B}[0m") == guess("UTF-8", "utf-8", .utf8))
    }

    @Test func legacyEncodingsDetected() throws {
        let cases: [(String, String, String, String)] = [
            (EncodingSamples.russian, "WINDOWS-1251", "WINDOWS-1251", "windows-1251"),
            (EncodingSamples.russian, "KOI8-R", "KOI8-R", "koi8-r"),
            (EncodingSamples.russian, "CP866", "CP866", "ibm866"),
            (EncodingSamples.russian, "ISO-8859-5", "ISO-8859-5", "iso-8859-5"),
            (EncodingSamples.ukrainian, "KOI8-U", "KOI8-U", "koi8-u"),
            (EncodingSamples.ukrainian, "WINDOWS-1251", "WINDOWS-1251", "windows-1251"),
            (EncodingSamples.japanese, "SHIFT_JIS", "CP932", "shift_jis"),
            (EncodingSamples.japanese, "EUC-JP", "EUC-JP", "euc-jp"),
            (EncodingSamples.korean, "EUC-KR", "CP949", "euc-kr"),
            (EncodingSamples.simplifiedChinese, "GB18030", "GB18030", "gb18030"),
            (EncodingSamples.simplifiedChinese, "GB2312", "GB18030", "gb18030"),
            (EncodingSamples.traditionalChinese, "BIG5", "BIG5-HKSCS", "big5"),
            (EncodingSamples.polish, "WINDOWS-1250", "WINDOWS-1250", "windows-1250"),
            (EncodingSamples.polish, "ISO-8859-2", "ISO-8859-2", "iso-8859-2"),
            (EncodingSamples.lithuanian, "WINDOWS-1257", "WINDOWS-1257", "windows-1257"),
            (EncodingSamples.turkish, "WINDOWS-1254", "WINDOWS-1254", "windows-1254"),
            (EncodingSamples.greek, "WINDOWS-1253", "WINDOWS-1253", "windows-1253"),
        ]
        for (text, encoding, iconv, label) in cases {
            let bytes = try #require(EncodingSamples.encode(text, to: encoding), "\(encoding)")
            let g = detect(bytes)
            #expect(g == guess(iconv, label, .detected), "\(encoding): \(g)")
            // And the detected encoding gives the text back.
            let (out, bad) = try bytes.withUnsafeBufferPointer { try TextConverter(from: g.iconvName).convert($0) }
            #expect(String(decoding: out, as: UTF8.self) == text && bad == 0, "\(encoding)")
        }
    }

    /// uchardet answers windows-1258 (Vietnamese) for a short English line with curly quotes
    /// in windows-1252; where windows-1258 reads every byte the same, it is windows-1252. Text
    /// with Vietnamese letters stays windows-1258.
    @Test func curlyQuotesAreNotVietnamese() throws {
        let english: [UInt8] = Array("He said ".utf8) + [0x93] + Array("hello".utf8) + [0x94] + Array(" and it".utf8) + [0x92]
            + Array("s fine.".utf8)
        #expect(detect(english).label == "windows-1252")
        let vietnamese = "Việt Nam là một quốc gia nằm ở phía đông bán đảo Đông Dương, thuộc khu vực Đông Nam Á. "
            + "Thủ đô là Hà Nội, thành phố lớn nhất là Thành phố Hồ Chí Minh."
        let bytes = try #require(EncodingSamples.encode(vietnamese, to: "WINDOWS-1258"))
        #expect(bytes.withUnsafeBufferPointer { EncodingDetector.hasVietnameseBytes($0) })
        #expect(!english.withUnsafeBufferPointer { EncodingDetector.hasVietnameseBytes($0) })
        #expect(detect(bytes).label == "windows-1258")
    }

    @Test func westernEuropeanIsWindows1252() throws {
        let text = "Voilà l'été: où est le café? Ça coûte très cher, même à Noël. Grüße aus München."
        let bytes = try #require(EncodingSamples.encode(text, to: "WINDOWS-1252"))
        #expect(detect(bytes) == guess("WINDOWS-1252", "windows-1252", .detected))
    }

    @Test func forcedNames() throws {
        #expect(try EncodingGuess.forced("Shift_JIS") == guess("CP932", "shift_jis", .forced))
        #expect(try EncodingGuess.forced(" latin1 ") == guess("WINDOWS-1252", "windows-1252", .forced))
        #expect(try EncodingGuess.forced("cp1251") == guess("WINDOWS-1251", "windows-1251", .forced))
        #expect(try EncodingGuess.forced("utf8") == guess("UTF-8", "utf-8", .forced))
        #expect(try EncodingGuess.forced("CP437") == guess("CP437", "cp437", .forced))
        #expect(try EncodingGuess.forced("utf-16") == guess("UTF-16", "utf-16", .forced))
        do {
            _ = try EncodingGuess.forced("klingon-8")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .encoding)
            #expect(error.message == "unknown encoding 'klingon-8': `iconv -l` lists the names this system knows")
        }
    }

    /// The detector is reused with a reset: an answer does not leak into the next input.
    @Test func reuseAcrossInputs() throws {
        let detector = EncodingDetector()
        let sjis = try #require(EncodingSamples.encode(EncodingSamples.japanese, to: "SHIFT_JIS"))
        let koi = try #require(EncodingSamples.encode(EncodingSamples.russian, to: "KOI8-R"))
        for _ in 0..<3 {
            #expect(sjis.withUnsafeBytes { detector.detect($0) }.label == "shift_jis")
            #expect(koi.withUnsafeBytes { detector.detect($0) }.label == "koi8-r")
        }
    }
}
