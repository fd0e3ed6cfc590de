/// Character classes used by the quality signals and the word tokenizer, as bits in one
/// table for the Basic Multilingual Plane (built once) and computed from Unicode
/// properties above it.
///
/// The sets follow the definitions the signals are specified against (datatrove and spaCy's
/// English tokenizer rules): Python's `str.isspace` and `str.isalpha`, datatrove's
/// punctuation and terminal-punctuation sets, spaCy's prefix/suffix/quote/icon classes and
/// its sentencizer's sentence-final characters.
enum QualityChars {
    static let space: UInt16 = 1 << 0         // Python str.isspace
    static let alpha: UInt16 = 1 << 1         // Python str.isalpha (categories L*)
    static let lower: UInt16 = 1 << 2         // spaCy ALPHA_LOWER: lowercase or uncased letter
    static let upper: UInt16 = 1 << 3         // spaCy ALPHA_UPPER: uppercase/titlecase or uncased letter
    static let gopherPunct: UInt16 = 1 << 4   // datatrove PUNCTUATION_SET
    static let terminal: UInt16 = 1 << 5      // datatrove TERMINAL_PUNCTUATION
    static let icon: UInt16 = 1 << 6          // other symbols (So): spaCy's icon class
    static let punctCategory: UInt16 = 1 << 7 // general category P* (spaCy is_punct)
    static let prefix: UInt16 = 1 << 8        // one-character spaCy prefixes
    static let suffix: UInt16 = 1 << 9        // one-character spaCy suffixes
    static let quote: UInt16 = 1 << 10        // spaCy quote characters
    static let periodBefore: UInt16 = 1 << 11 // characters after which a final "." splits off
    static let sentenceEnd: UInt16 = 1 << 12  // spaCy sentencizer punctuation
    static let digit: UInt16 = 1 << 13        // Unicode decimal digit (Nd)
    static let currency: UInt16 = 1 << 14     // one-character spaCy currency symbols

    @inline(__always)
    static func bits(_ v: UInt32) -> UInt16 {
        v < 0x10000 ? table[Int(v)] : computeBits(v)
    }

    /// `bits(v)` with the table read beforehand (hot loops read the global `table` once).
    @inline(__always)
    static func bits(_ v: UInt32, _ table: UnsafePointer<UInt16>) -> UInt16 {
        v < 0x10000 ? table[Int(v)] : computeBits(v)
    }

    /// The bits of every scalar of the Basic Multilingual Plane.
    nonisolated(unsafe) static let table: UnsafePointer<UInt16> = {
        let t = UnsafeMutablePointer<UInt16>.allocate(capacity: 0x10000)
        for v in 0..<0x10000 { t[v] = computeBits(UInt32(v)) }
        return UnsafePointer(t)
    }()

    // Character lists (data) of the definitions above.
    private static let gopherExtra: Set<UInt32> = [
        0x2013, 0x2014, 0x2019, 0x201C, 0x201D, 0x201E, 0x2026, 0x2236, 0x2501, 0x25BA,
        0x3001, 0x3002, 0x3008, 0x3009, 0x300A, 0x300B, 0x300C, 0x300D, 0x3010, 0x3011,
        0xAB, 0xB4, 0xBB, 0xFF01, 0xFF05, 0xFF08, 0xFF09, 0xFF0C, 0xFF0E, 0xFF11, 0xFF1A,
        0xFF1B, 0xFF1F, 0xFF5E,
    ]
    static let terminalSet: Set<UInt32> = [
        0x21, 0x2E, 0x3F, 0x589, 0x61D, 0x61E, 0x61F, 0x6D4, 0x700, 0x701, 0x702, 0x7F9, 0x837, 0x839,
        0x83D, 0x83E, 0x964, 0x965, 0x104A, 0x104B, 0x1362, 0x1367, 0x1368, 0x166E, 0x1735, 0x1736,
        0x17D4, 0x17D5, 0x17D6, 0x17D9, 0x17DA, 0x1803, 0x1809, 0x1944, 0x1945, 0x1AA8, 0x1AA9, 0x1AAA,
        0x1AAB, 0x1B5A, 0x1B5B, 0x1B5E, 0x1B5F, 0x1B7D, 0x1B7E, 0x1C3B, 0x1C3C, 0x1C7E, 0x1C7F, 0x203C,
        0x203D, 0x2047, 0x2048, 0x2049, 0x2E2E, 0x2E3C, 0x2E53, 0x2E54, 0x3002, 0xA4FF, 0xA60E, 0xA60F,
        0xA6F3, 0xA6F7, 0xA876, 0xA877, 0xA8CE, 0xA8CF, 0xA92F, 0xA9C8, 0xA9C9, 0xAA5D, 0xAA5E, 0xAA5F,
        0xAAF0, 0xAAF1, 0xABEB, 0xFE52, 0xFE56, 0xFE57, 0xFF01, 0xFF0E, 0xFF1F, 0xFF61, 0x10A56, 0x10A57,
        0x10F55, 0x10F56, 0x10F57, 0x10F58, 0x10F59, 0x10F86, 0x10F87, 0x10F88, 0x10F89, 0x11047, 0x11048,
        0x110BE, 0x110BF, 0x110C0, 0x110C1, 0x11141, 0x11142, 0x11143, 0x111C5, 0x111C6, 0x111CD, 0x111DE,
        0x111DF, 0x11238, 0x11239, 0x1123B, 0x1123C, 0x112A9, 0x1144B, 0x1144C, 0x115C2, 0x115C3, 0x115C9,
        0x115CA, 0x115CB, 0x115CC, 0x115CD, 0x115CE, 0x115CF, 0x115D0, 0x115D1, 0x115D2, 0x115D3, 0x115D4,
        0x115D5, 0x115D6, 0x115D7, 0x11641, 0x11642, 0x1173C, 0x1173D, 0x1173E, 0x11944, 0x11946, 0x11A42,
        0x11A43, 0x11A9B, 0x11A9C, 0x11C41, 0x11C42, 0x11EF7, 0x11EF8, 0x11F43, 0x11F44, 0x16A6E, 0x16A6F,
        0x16AF5, 0x16B37, 0x16B38, 0x16B44, 0x16E98, 0x1BC9F, 0x1DA88,
    ]
    /// The sentencizer's list: the terminal set less a few recent additions.
    private static let notSentenceEnd: Set<UInt32> = [
        0x61D, 0x61E, 0x837, 0x839, 0x83D, 0x83E, 0x17D4, 0x17D5, 0x17D6, 0x17D9, 0x17DA, 0x1B7D, 0x1B7E,
        0x2E53, 0x2E54, 0x10F55, 0x10F56, 0x10F57, 0x10F58, 0x10F59, 0x10F86, 0x10F87, 0x10F88, 0x10F89,
        0x11944, 0x11946, 0x11EF7, 0x11EF8, 0x11F43, 0x11F44, 0x16E98,
    ]
    /// spaCy's one-character punctuation affixes (both sides).
    private static let spacyPunct: Set<UInt32> = Set("…,:;!?¿؟¡()[]{}<>_#*&。？！，、；：～·।،۔؛٪".unicodeScalars.map(\.value))
    private static let spacyQuotes: Set<UInt32> = Set("'\"”“`‘´’‚,„»«「」『』（）〔〕【】《》〈〉〈〉⟦⟧".unicodeScalars.map(\.value))
    private static let spacyCurrency: Set<UInt32> = Set("$£€¥฿₽﷼₴₠₡₢₣₤₥₦₧₨₩₪₫₭₮₯₰₱₲₳₵₶₷₸₹₺₻₼₾₿".unicodeScalars.map(\.value))
    /// Characters of the lookbehind class of spaCy's "." suffix besides digits and lowercase.
    private static let periodExtra: Set<UInt32> = Set("%²-+|(?:)".unicodeScalars.map(\.value))

    static func computeBits(_ v: UInt32) -> UInt16 {
        guard let s = Unicode.Scalar(v) else { return 0 }
        let p = s.properties
        let cat = p.generalCategory
        var b: UInt16 = 0
        switch v {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            b |= space
        default: break
        }
        switch cat {
        case .uppercaseLetter, .titlecaseLetter: b |= alpha | upper
        case .lowercaseLetter: b |= alpha | lower
        case .otherLetter, .modifierLetter: b |= alpha | lower | upper
        case .decimalNumber: b |= digit
        case .otherSymbol: b |= icon
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            b |= punctCategory
        default: break
        }
        let asciiPunct = v >= 0x21 && v <= 0x7E && !(v >= 0x30 && v <= 0x39) && !(v >= 0x41 && v <= 0x5A) && !(v >= 0x61 && v <= 0x7A)
        if asciiPunct || v <= 0x08 || (v >= 0x0B && v <= 0x1F) || (v >= 0x7F && v <= 0x9F) || gopherExtra.contains(v) {
            b |= gopherPunct
        }
        if terminalSet.contains(v) {
            b |= terminal | gopherPunct
            if !notSentenceEnd.contains(v) { b |= sentenceEnd }
        }
        let isQuote = spacyQuotes.contains(v)
        if isQuote { b |= quote }
        if spacyCurrency.contains(v) { b |= currency }
        let punct = spacyPunct.contains(v)
        if punct || isQuote || v == 0x2014 || v == 0x2013 { b |= suffix }
        if punct || isQuote || b & currency != 0 || "§%=—–".unicodeScalars.contains(s) { b |= prefix }
        if punct || isQuote || (v >= 0x30 && v <= 0x39) || b & lower != 0 || periodExtra.contains(v) || v == 0x5B || v == 0x5D {
            b |= periodBefore
        }
        return b
    }
}
