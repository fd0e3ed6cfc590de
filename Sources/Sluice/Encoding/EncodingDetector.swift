import CUchardet
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides which encoding an input is in, from its first bytes. The rules, in order:
/// 1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); without one, UTF-16 by its zero
///    bytes (`utf16WithoutBOM(_:)`);
/// 2. the charset of an HTTP `Content-Type` header, when the caller has one (WARC responses);
/// 3. a declaration in the first 64 KB: XML prolog, `<meta charset>`, `<meta http-equiv>`;
///    labels are read as browsers read them (shift_jis → CP932, iso-8859-1 → windows-1252, …);
///    a label naming UTF-16/32 means UTF-8 (there is no BOM), and a legacy label on bytes that
///    are valid UTF-8 with multibyte sequences is a mislabel: UTF-8 wins;
/// 4. ISO-2022-JP/KR/CN escape sequences in 7-bit text;
/// 5. valid UTF-8 (plain ASCII included);
/// 6. statistics: uchardet, then a re-ranking of the single-byte code pages of the family it
///    chose (`SingleByteRanker`); windows-1252 when nothing fits.
///
/// Not Sendable: owns a uchardet handle, reset and reused for every input.
public final class EncodingDetector {
    /// Bytes of the prefix that the statistical stage looks at (from the first non-ASCII byte).
    static let statisticsWindow = 32 * 1024
    /// Bytes >= 0x80 that a clean single-byte reading needs before it is taken without uchardet.
    static let cleanEvidence = 16
    /// Bytes uchardet reads: it is the slowest stage by far. Its answer fixes the script (and
    /// the multibyte encoding); the single-byte code page is re-ranked on the whole window.
    static let uchardetWindow = 1024

    private var handle: uchardet_t?
    private let ranker = SingleByteRanker()
    /// iconv names tried so far, and whether iconv opened them.
    private var iconvNames: [String: Bool] = [:]

    /// A detector with no uchardet handle yet (it is made on first need, then reused).
    public init() {}

    deinit { if let handle { uchardet_delete(handle) } }

    /// The encoding of the input whose first bytes are `bytes`. `isComplete` says whether
    /// `bytes` is the whole input (when it is not, a multibyte sequence cut at the end of the
    /// prefix does not count against UTF-8). `httpCharset` is a `Content-Type` header value or
    /// just its charset.
    public func detect(_ bytes: UnsafeRawBufferPointer, isComplete: Bool = true,
                       httpCharset: String? = nil) -> EncodingGuess {
        if let bom = Self.bom(bytes) { return bom }
        let u8 = bytes.assumingMemoryBound(to: UInt8.self)
        if let utf16 = Self.utf16WithoutBOM(u8) { return utf16 }
        let firstHigh = Self.firstNonASCII(u8)
        var utf8Valid: Bool?
        let isUTF8: () -> Bool = {
            if let v = utf8Valid { return v }
            let v = Self.isValidUTF8(u8, from: firstHigh, isComplete: isComplete)
            utf8Valid = v
            return v
        }
        if let httpCharset, let guess = declared(Self.charsetParameter(httpCharset), source: .http,
                                                 hasMultibyte: firstHigh < u8.count, isUTF8: isUTF8) {
            return guess
        }
        if let label = DeclarationScanner.declaredLabel(bytes),
           let guess = declared(label, source: .declaration, hasMultibyte: firstHigh < u8.count, isUTF8: isUTF8) {
            return guess
        }
        if firstHigh == u8.count {
            if let iso2022 = Self.iso2022(u8) { return iso2022 }
            return .utf8(.utf8)
        }
        if isUTF8() { return .utf8(.utf8) }
        return statistical(u8, from: firstHigh)
    }

    private func iconvKnows(_ name: String) -> Bool {
        if let known = iconvNames[name] { return known }
        let cd = iconv_open("UTF-8", name)
        let known = cd != nil && cd != iconv_t(bitPattern: -1)
        if known { iconv_close(cd) }
        iconvNames[name] = known
        return known
    }

    /// A guess for a declared label, or nil when the label is unknown (the next rule decides).
    private func declared(_ label: String?, source: EncodingGuess.Source, hasMultibyte: Bool,
                          isUTF8: () -> Bool) -> EncodingGuess? {
        guard let label, let entry = EncodingLabels.lookup(label) else { return nil }
        if entry.label == "utf-8" || EncodingLabels.isWideUnicode(entry) { return .utf8(source) }
        // Valid UTF-8 with multibyte sequences is almost never legacy text: a mislabel.
        if hasMultibyte && isUTF8() { return .utf8(.utf8) }
        guard iconvKnows(entry.iconv) else { return nil }
        return EncodingGuess(iconvName: entry.iconv, label: entry.label, source: source)
    }

    private func statistical(_ u8: UnsafeBufferPointer<UInt8>, from firstHigh: Int) -> EncodingGuess {
        // Start a little before the first non-ASCII byte (context for uchardet), at most 32 KB.
        let start = max(0, firstHigh - 256)
        let end = min(u8.count, start + Self.statisticsWindow)
        let window = UnsafeBufferPointer(rebasing: u8[start..<end])
        // Latin-script text that the Latin code pages read cleanly in one way only (no undefined
        // bytes, symbols or foreign letters inside words, case breaks, letters outside one
        // alphabet) needs no uchardet: CJK, Hebrew, Arabic, Thai or Cyrillic bytes do not read
        // cleanly as Latin once there are a few of them. When two readings are clean, uchardet's
        // language statistics choose. Latin text has at most a few accented letters in four
        // bytes; denser non-ASCII goes straight to uchardet.
        ranker.measure(window)
        if ranker.highCount >= Self.cleanEvidence && ranker.highCount * 4 <= window.count,
           let cp = ranker.uniqueClean(in: SingleByteRanker.latin) {
            return EncodingGuess(iconvName: cp.iconv, label: cp.label, source: .detected)
        }
        if handle == nil { handle = uchardet_new() }
        var answer: EncodingLabels.Entry?
        if let handle {
            uchardet_reset(handle)
            let fed = UnsafeBufferPointer(rebasing: window[0..<min(window.count, Self.uchardetWindow)])
            fed.withMemoryRebound(to: CChar.self) { _ = uchardet_handle_data(handle, $0.baseAddress, $0.count) }
            uchardet_data_end(handle)
            if let name = uchardet_get_charset(handle) {
                let s = String(cString: name)
                if !s.isEmpty && s != "ASCII" {
                    let entry = EncodingLabels.lookup(s) ?? EncodingLabels.Entry(iconv: s, label: s.lowercased())
                    // An answer the converter could not open is no answer.
                    if iconvKnows(entry.iconv) { answer = entry }
                }
            }
        }
        if let a = answer, a.label == "utf-8" || EncodingLabels.isWideUnicode(a) {
            // UTF-8 or UTF-16/32 without a BOM in bytes that are not valid UTF-8: no answer.
            answer = nil
        }
        if answer?.label == "windows-1258" && !Self.hasVietnameseBytes(window) {
            // uchardet names Vietnamese for a few curly quotes or dashes; where windows-1258
            // reads every byte as windows-1252 does, the text is not Vietnamese, and the Latin
            // code pages are weighed as for any Latin text.
            answer = EncodingLabels.Entry(iconv: "WINDOWS-1252", label: "windows-1252")
        }
        if let family = SingleByteRanker.family(forAnswer: answer?.label),
           let (cp, penalty) = ranker.best(in: family, preferred: answer?.label) {
            if answer == nil && penalty >= 10 {
                // No answer and no code page reads cleanly.
                return EncodingGuess(iconvName: "WINDOWS-1252", label: "windows-1252", source: .fallback)
            }
            return EncodingGuess(iconvName: cp.iconv, label: cp.label, source: .detected)
        }
        if let answer {
            return EncodingGuess(iconvName: answer.iconv, label: answer.label, source: .detected)
        }
        return EncodingGuess(iconvName: "WINDOWS-1252", label: "windows-1252", source: .fallback)
    }

    /// UTF-16 without a byte-order mark, told by its zero bytes: text in an alphabetic script
    /// has spaces, digits and punctuation, whose code units have a zero high byte, while UTF-8
    /// and the legacy encodings have no zero bytes at all. It was read as UTF-8 (Cyrillic's
    /// code units are valid ASCII controls) or windows-1252, garbled and unreported. Taken when,
    /// over the first 4 KB, at least 5% of one byte position's bytes are zero (and two), at most
    /// 1% of the other's (or one: an emoji's low surrogate `DE00`) and under a quarter as many,
    /// and the code units read as text: no unpaired surrogates, no controls but tab, form feed
    /// and line ends. (CJK text without spaces has few zero bytes and is not recognised.)
    static func utf16WithoutBOM(_ u8: UnsafeBufferPointer<UInt8>) -> EncodingGuess? {
        let n = min(u8.count, 4096) & ~1
        guard n >= 8 else { return nil }
        let units = n / 2
        var zerosEven = 0, zerosOdd = 0
        for i in Swift.stride(from: 0, to: n, by: 2) {
            zerosEven &+= u8[i] == 0 ? 1 : 0
            zerosOdd &+= u8[i + 1] == 0 ? 1 : 0
        }
        func telling(_ many: Int, _ few: Int) -> Bool {
            many >= max(2, units / 20) && few <= max(1, units / 100) && many > 4 * few
        }
        let little: Bool
        if telling(zerosOdd, zerosEven) {
            little = true
        } else if telling(zerosEven, zerosOdd) {
            little = false
        } else {
            return nil
        }
        // Every code unit of the window (a pair cut at its end aside) must be text.
        func codeUnit(at i: Int) -> UInt16 {
            little ? UInt16(u8[i]) | UInt16(u8[i + 1]) << 8 : UInt16(u8[i]) << 8 | UInt16(u8[i + 1])
        }
        var i = 0
        while i < n {
            let unit = codeUnit(at: i)
            i += 2
            if unit < 0x20 {
                guard unit == 0x09 || unit == 0x0A || unit == 0x0D || unit == 0x0C else { return nil }
            } else if unit >= 0xD800 && unit < 0xDC00 {
                guard i < n else { break }
                let next = codeUnit(at: i)
                guard next >= 0xDC00 && next < 0xE000 else { return nil }
                i += 2
            } else if unit >= 0xDC00 && unit < 0xE000 || unit == 0xFFFE || unit == 0xFFFF {
                return nil
            }
        }
        return little ? EncodingGuess(iconvName: "UTF-16LE", label: "utf-16le", source: .detected)
            : EncodingGuess(iconvName: "UTF-16BE", label: "utf-16be", source: .detected)
    }

    /// Whether `bytes` hold a byte that windows-1258 reads otherwise than windows-1252 (its
    /// Vietnamese letters and tone marks, and the Š/Ž that it lacks).
    static func hasVietnameseBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // 0x8A 0x8E 0x9A 0x9E 0xC3 0xCC 0xD0 0xD2 0xD5 0xDD 0xDE 0xE3 0xEC 0xF0 0xF2 0xF5 0xFD 0xFE
        let set: (UInt64, UInt64) = (1 << 0x0A | 1 << 0x0E | 1 << 0x1A | 1 << 0x1E,
                                     1 << 0x03 | 1 << 0x0C | 1 << 0x10 | 1 << 0x12 | 1 << 0x15 | 1 << 0x1D | 1 << 0x1E
                                         | 1 << 0x23 | 1 << 0x2C | 1 << 0x30 | 1 << 0x32 | 1 << 0x35 | 1 << 0x3D | 1 << 0x3E)
        for b in bytes where b >= 0x80 {
            let bit = UInt64(1) << UInt64(b & 0x3F)
            if (b < 0xC0 ? set.0 : set.1) & bit != 0 { return true }
        }
        return false
    }

    /// For diagnosing a wrong guess: uchardet's answer and the single-byte code pages'
    /// penalties on the statistical window of `bytes`, one per line.
    public func explain(_ bytes: UnsafeRawBufferPointer) -> String {
        let u8 = bytes.assumingMemoryBound(to: UInt8.self)
        let firstHigh = Self.firstNonASCII(u8)
        let start = max(0, firstHigh - 256)
        let window = UnsafeBufferPointer(rebasing: u8[start..<min(u8.count, start + Self.statisticsWindow)])
        ranker.measure(window)
        var lines = ["high bytes \(ranker.highCount), unique clean Latin: \(ranker.uniqueClean(in: SingleByteRanker.latin)?.label ?? "-")"]
        if handle == nil { handle = uchardet_new() }
        if let handle {
            uchardet_reset(handle)
            window.withMemoryRebound(to: CChar.self) { _ = uchardet_handle_data(handle, $0.baseAddress, $0.count) }
            uchardet_data_end(handle)
            lines.append("uchardet: " + (uchardet_get_charset(handle).map { String(cString: $0) } ?? "-"))
        }
        for (label, p) in ranker.allPenalties() { lines.append("\(label) \(p)") }
        return lines.joined(separator: "\n")
    }

    /// The guess for a byte-order mark at the start of `bytes`, or nil.
    static func bom(_ bytes: UnsafeRawBufferPointer) -> EncodingGuess? {
        let n = bytes.count
        func at(_ i: Int) -> UInt8 { bytes[i] }
        if n >= 3 && at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF { return .utf8(.bom, bomLength: 3) }
        if n >= 4 && at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0 {
            return EncodingGuess(iconvName: "UTF-32LE", label: "utf-32le", source: .bom, bomLength: 4)
        }
        if n >= 4 && at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF {
            return EncodingGuess(iconvName: "UTF-32BE", label: "utf-32be", source: .bom, bomLength: 4)
        }
        if n >= 2 && at(0) == 0xFF && at(1) == 0xFE {
            return EncodingGuess(iconvName: "UTF-16LE", label: "utf-16le", source: .bom, bomLength: 2)
        }
        if n >= 2 && at(0) == 0xFE && at(1) == 0xFF {
            return EncodingGuess(iconvName: "UTF-16BE", label: "utf-16be", source: .bom, bomLength: 2)
        }
        return nil
    }

    /// `charset=…` out of a Content-Type value, or the value itself when it has no parameter.
    static func charsetParameter(_ value: String) -> String? {
        let lower = value.lowercased()
        guard let r = lower.range(of: "charset") else {
            return lower.contains(";") || lower.contains("/") ? nil : lower.trimmingASCIIWhitespace()
        }
        var rest = lower[r.upperBound...].drop(while: { $0 == " " || $0 == "\t" })
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" })
        let label = rest.prefix(while: { $0 != ";" && $0 != "\"" && $0 != "'" && $0 != " " && $0 != "," })
        return label.isEmpty ? nil : String(label)
    }

    /// Index of the first byte >= 0x80 (count when there is none), eight bytes at a time.
    static func firstNonASCII(_ u8: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = u8.baseAddress else { return 0 }
        let n = u8.count
        var i = 0
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < n && base[i] < 0x80 { i += 1 }
        return i
    }

    /// UTF-8 validity of the bytes from `from` on; when the input goes on past the prefix, a
    /// sequence cut at its end is left out.
    static func isValidUTF8(_ u8: UnsafeBufferPointer<UInt8>, from: Int, isComplete: Bool) -> Bool {
        var end = u8.count
        if !isComplete {
            // Find the last lead byte among the final three; drop it if its sequence is cut.
            var k = end - 1
            while k >= max(from, end - 3) && u8[k] & 0xC0 == 0x80 { k -= 1 }
            if k >= from && k >= end - 3 {
                let lead = u8[k]
                let need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                if lead >= 0xC0 && k + need > end { end = k }
            }
        }
        guard from < end else { return true }
        return UTF8Validator.isValid(UnsafeBufferPointer(rebasing: u8[from..<end]))
    }

    /// ISO-2022-JP/KR/CN from their escape sequences in 7-bit text, or nil.
    static func iso2022(_ u8: UnsafeBufferPointer<UInt8>) -> EncodingGuess? {
        guard let base = u8.baseAddress else { return nil }
        let n = u8.count
        var i = 0
        var jp = false, jp2 = false, kr = false, cn = false, cnExt = false
        while i + 2 < n {
            guard let p = memchr(base + i, 0x1B, n - 2 - i) else { break }
            i = UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self) - base
            let a = u8[i + 1], b = u8[i + 2]
            let c: UInt8 = i + 3 < n ? u8[i + 3] : 0
            switch (a, b) {
            case (0x24, 0x40), (0x24, 0x42), (0x28, 0x4A), (0x28, 0x49): jp = true   // $@ $B (J (I
            case (0x24, 0x41), (0x2E, 0x41), (0x2E, 0x46): jp2 = true                 // $A .A .F
            case (0x24, 0x28) where c == 0x43 || c == 0x44: jp2 = true                // $(C $(D
            case (0x24, 0x29) where c == 0x43: kr = true                              // $)C
            case (0x24, 0x29) where c == 0x41 || c == 0x47 || c == 0x45: cn = true    // $)A $)G $)E
            case (0x24, 0x2A) where c == 0x48: cn = true                              // $*H
            case (0x24, 0x2B) where c >= 0x49 && c <= 0x4D: cnExt = true              // $+I…M
            default: break
            }
            i += 2
        }
        if kr && !jp { return EncodingGuess(iconvName: "ISO-2022-KR", label: "iso-2022-kr", source: .detected) }
        if cnExt { return EncodingGuess(iconvName: "ISO-2022-CN-EXT", label: "iso-2022-cn-ext", source: .detected) }
        if cn && !jp { return EncodingGuess(iconvName: "ISO-2022-CN", label: "iso-2022-cn", source: .detected) }
        if jp2 { return EncodingGuess(iconvName: "ISO-2022-JP-2", label: "iso-2022-jp-2", source: .detected) }
        if jp { return EncodingGuess(iconvName: "ISO-2022-JP", label: "iso-2022-jp", source: .detected) }
        return nil
    }
}
