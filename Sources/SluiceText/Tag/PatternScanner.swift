/// The kinds of pattern ``PatternScanner`` finds.
public enum PatternKind: UInt8, CaseIterable, Sendable {
    /// The kinds the scanner finds, named in spans by ``name``.
    case hashtag, mention, url, email, phone, ipv4, ipv6, date, money, percent

    /// The name of one span (`"url"`) in `attributes.patterns.spans`.
    public var name: String {
        switch self {
        case .hashtag: "hashtag"
        case .mention: "mention"
        case .url: "url"
        case .email: "email"
        case .phone: "phone"
        case .ipv4: "ipv4"
        case .ipv6: "ipv6"
        case .date: "date"
        case .money: "money"
        case .percent: "percent"
        }
    }

    /// The name of its count (`"urls"`) in `attributes.patterns`.
    public var countName: String {
        switch self {
        case .hashtag: "hashtags"
        case .mention: "mentions"
        case .url: "urls"
        case .email: "emails"
        case .phone: "phones"
        case .ipv4: "ipv4"
        case .ipv6: "ipv6"
        case .date: "dates"
        case .money: "money"
        case .percent: "percentages"
        }
    }
}

/// One pattern found in a text: its kind and UTF-8 byte range.
public struct PatternMatch: Sendable, Equatable {
    /// What was found.
    public var kind: PatternKind
    /// UTF-8 offset of the first byte.
    public var start: Int
    /// UTF-8 offset past the last byte.
    public var end: Int

    /// A match of `kind` over bytes `start..<end`.
    public init(_ kind: PatternKind, _ start: Int, _ end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }
}

/// Finds hashtags, @mentions, URLs, e-mail addresses, phone numbers, IPv4/IPv6 addresses,
/// dates, amounts of money and percentages in one left-to-right pass over UTF-8 bytes.
///
/// Matches never overlap and come in text order. The scan only looks closer at trigger
/// bytes — `#`, `@`, the first letter of a word followed by `://` or `www.`, hex words
/// followed by `:`, and digits at the start of a token; everything else is skipped a word
/// at a time. Around a digit it tries, in order: a date with a month name, an IPv4 address,
/// an IPv6 address, a numeric date, a phone number, then a number followed by a percent
/// sign or word, or preceded or followed by a currency. Plain numbers, years and prices are
/// not phone numbers: a phone number either starts with `+` and a country code, or is a
/// national number of separated digit groups starting with a trunk `0` (`030 1234567`,
/// `01 23 45 67 89`) or in the North American 3-3-4 shape (`(555) 123-4567`).
public enum PatternScanner {
    /// The patterns of `text`, in order.
    public static func scan(_ text: String) -> [PatternMatch] {
        var copy = text
        return copy.withUTF8 { scan($0) }
    }

    /// Counts per kind, indexed by a kind's `rawValue`.
    public static func counts(_ matches: [PatternMatch]) -> [Int] {
        var c = [Int](repeating: 0, count: PatternKind.allCases.count)
        for m in matches { c[Int(m.kind.rawValue)] += 1 }
        return c
    }

    /// Converts byte ranges of `text` to Unicode-scalar offsets (Python string indices).
    public static func scalarOffsets(_ matches: [PatternMatch], in text: String) -> [(kind: PatternKind, start: Int, end: Int)] {
        var copy = text
        return copy.withUTF8 { bytes in
            // Matches are ordered and disjoint, so one forward walk serves them all.
            let ranges = UTF8Scalars.offsets(matches.map { $0.start..<$0.end }, in: bytes)
            return zip(matches, ranges).map { ($0.kind, $1.lowerBound, $1.upperBound) }
        }
    }

    /// Every pattern in UTF-8 text `p`, in text order.
    public static func scan(_ p: UnsafeBufferPointer<UInt8>) -> [PatternMatch] {
        var s = Scanner(p: p)
        s.run()
        return s.out
    }
}

// MARK: - Scanner

/// Byte classes: bit 0 digit, bit 1 ASCII letter, bit 2 hex letter, bit 3 URL-terminating, bit 4 email local char.
nonisolated(unsafe) private let byteClassTable: UnsafePointer<UInt8> = {
    let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    t.initialize(repeating: 0, count: 256)
    for b in UInt8(ascii: "0")...UInt8(ascii: "9") { t[Int(b)] |= 1 | 16 }
    for b in UInt8(ascii: "a")...UInt8(ascii: "z") { t[Int(b)] |= 2 | 16 }
    for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { t[Int(b)] |= 2 | 16 }
    for b in UInt8(ascii: "a")...UInt8(ascii: "f") { t[Int(b)] |= 4 }
    for b in UInt8(ascii: "A")...UInt8(ascii: "F") { t[Int(b)] |= 4 }
    for b in 0...0x20 { t[b] |= 8 }
    for c in "<>\"`{}|\\^" { t[Int(c.asciiValue!)] |= 8 }
    t[0x7F] |= 8
    for c in "._%+-" { t[Int(c.asciiValue!)] |= 16 }
    return UnsafePointer(t)
}()

/// Bytes at which ``Scanner/run()`` stops to look: digits, `:`, `.`, `#`, `@`.
nonisolated(unsafe) private let triggerTable: UnsafePointer<UInt8> = {
    let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    t.initialize(repeating: 0, count: 256)
    for b in UInt8(ascii: "0")...UInt8(ascii: "9") { t[Int(b)] = 1 }
    for c in ":.#@" { t[Int(c.asciiValue!)] = 1 }
    return UnsafePointer(t)
}()

/// Month names (English, German, French, Spanish, Italian, with common abbreviations),
/// lowercased, as hashes of their UTF-8 bytes.
private let monthHashes: WordSet = {
    let names = """
        january february march april may june july august september october november december
        jan feb mar apr jun jul aug sep sept oct nov dec
        januar februar märz maerz mai juni juli oktober dezember jän
        janvier février fevrier mars avril juin juillet août aout septembre octobre novembre décembre decembre
        enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
        gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
        """
    return WordSet(names.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { wordHash(Array($0.utf8)) })
}()

/// A small set of word hashes: open addressing over a power-of-two table, no per-lookup
/// hashing beyond the FNV hash already computed (`Set` would hash it again with SipHash).
private struct WordSet: @unchecked Sendable {
    let table: UnsafeMutablePointer<UInt64>
    let mask: Int

    init(_ hashes: [UInt64]) {
        var size = 16
        while size < hashes.count * 4 { size <<= 1 }
        table = .allocate(capacity: size)
        table.initialize(repeating: 0, count: size)
        mask = size - 1
        for h in hashes where h != 0 {
            var i = Int(truncatingIfNeeded: h >> 7) & mask
            while table[i] != 0 && table[i] != h { i = (i + 1) & mask }
            table[i] = h
        }
    }

    @inline(__always) func contains(_ h: UInt64) -> Bool {
        var i = Int(truncatingIfNeeded: h >> 7) & mask
        while true {
            let v = table[i]
            if v == h { return true }
            if v == 0 { return false }
            i = (i + 1) & mask
        }
    }
}

@inline(__always)
private func wordHash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
    var h: UInt64 = 0xcbf29ce484222325
    for b in bytes {
        let l = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
        h = (h ^ UInt64(l)) &* 0x100000001b3
    }
    return h
}

/// Hashes of the single words patterns compare against, computed once rather than per call.
private enum FixedWord {
    static let schemes: [UInt64] = ["http", "https", "ftp", "ftps", "sftp"].map { wordHash($0.utf8) }
    static let per = wordHash("per".utf8), pour = wordHash("pour".utf8), por = wordHash("por".utf8)
    static let cent = wordHash("cent".utf8), ciento = wordHash("ciento".utf8)
    static let of = wordHash("of".utf8), de = wordHash("de".utf8)
}

/// Words after a number that make it an amount (`$4.7 million`, `USD 3bn`).
private let magnitudeHashes: WordSet = {
    let words = "million millions billion billions trillion trillions thousand bn mn m k mio mrd millionen milliarden milliard milliards millones crore lakh"
    return WordSet(words.split(separator: " ").map { wordHash(Array($0.utf8)) })
}()

/// Currency words after a number (`12 euros`, `3 million dollars`).
private let currencyWordHashes: WordSet = {
    let words = "dollar dollars euro euros pound pounds yen yuan rupees francs"
    return WordSet(words.split(separator: " ").map { wordHash(Array($0.utf8)) })
}()

/// Three-letter ISO currency codes, written in capitals before or after an amount.
private let currencyCodes: WordSet = {
    let codes = "USD EUR GBP JPY CHF CNY RMB RUB INR AUD CAD BRL SEK NOK DKK PLN CZK HUF TRY UAH ZAR MXN KRW HKD SGD NZD"
    return WordSet(codes.split(separator: " ").map { wordHash(Array($0.utf8)) })
}()

/// Words after a number that make it a percentage.
private let percentWordHashes: WordSet = {
    let words = "percent prozent procent pourcent"
    return WordSet(words.split(separator: " ").map { wordHash(Array($0.utf8)) })
}()

private struct Scanner {
    let p: UnsafeBufferPointer<UInt8>
    let n: Int
    var out: [PatternMatch] = []
    /// End of the last match: backward extensions never reach before it.
    var lastEnd = 0
    /// A `www.` host scan that found no dot ended here: one starting before cannot find one
    /// either (its host is a part of that one), so it is not scanned again (linear time on
    /// `www.-www.-…`).
    var noDotHostEnd = -1
    /// ``byteClassTable``, read once per scan.
    let byteClass: UnsafePointer<UInt8>

    init(p: UnsafeBufferPointer<UInt8>) {
        self.p = p
        n = p.count
        byteClass = byteClassTable
    }

    @inline(__always) func at(_ i: Int) -> UInt8 { i >= 0 && i < n ? p[i] : 0 }
    @inline(__always) func isDigit(_ i: Int) -> Bool { byteClass[Int(at(i))] & 1 != 0 }
    @inline(__always) func isAlpha(_ i: Int) -> Bool { byteClass[Int(at(i))] & 2 != 0 }
    @inline(__always) func isAlnum(_ i: Int) -> Bool { byteClass[Int(at(i))] & 3 != 0 }
    @inline(__always) func isHex(_ i: Int) -> Bool { byteClass[Int(at(i))] & 5 != 0 }
    @inline(__always) func isUpper(_ i: Int) -> Bool { let b = at(i); return b >= 0x41 && b <= 0x5A }

    /// Whether the scalar ending just before byte `i` is a word character (letter, mark, digit, `_`).
    func wordBefore(_ i: Int) -> Bool { WordClass.isWord(before: i, in: p) }

    /// Whether the scalar at byte `i` is a word character.
    func wordAt(_ i: Int) -> Bool { i < n && WordClass.classify(p, i).isWord }

    /// The last word hashed: the word after a number is looked up by several patterns.
    var memo: (start: Int, end: Int, hash: UInt64) = (-1, -1, 0)

    /// ``wordHash`` of `p[s..<e]`, remembered for the next call on the same bytes.
    @inline(__always) mutating func hash(_ s: Int, _ e: Int) -> UInt64 {
        if memo.start == s && memo.end == e { return memo.hash }
        let h = wordHash(UnsafeBufferPointer(rebasing: p[s..<e]))
        memo = (s, e, h)
        return h
    }

    mutating func emit(_ kind: PatternKind, _ s: Int, _ e: Int) {
        out.append(PatternMatch(kind, s, e))
        lastEnd = e
    }

    /// Scans for patterns. Only a few bytes can end up in a match's first test: a digit at
    /// the start of a word, `#`, `@`, and — for the patterns that start with a word of
    /// letters — the `:` after it (scheme URLs, IPv6) and the `.` after `www`; a currency code
    /// before a number is looked at from the number. Everything else is passed over by a
    /// tight table loop. ``word(_:)`` is tried at exactly the word starts where a left-to-right
    /// word-by-word scan would try it, so results are the same.
    mutating func run() {
        let trigger = triggerTable
        var i = 0
        // Where scanning last resumed after a match: a word start seen from a later byte
        // never lies before it (scanning went on from there, mid-word or not).
        var floor = 0
        @inline(__always) func isWordByte(_ k: Int) -> Bool { k >= 0 && k < n && WordClass.isASCIIWord(p[k]) }
        /// Whether the scan, reading word by word, would see a word start at `s`.
        @inline(__always) func wordStart(_ s: Int) -> Bool { s >= floor && (s == floor || !isWordByte(s - 1)) }
        while i < n {
            while i < n && trigger[Int(p[i])] == 0 { i += 1 }
            guard i < n else { break }
            let b = p[i]
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if isWordByte(i - 1) {
                    // Inside a word (or glued to the end of a match): skip the word.
                    i += 1
                    while i < n && WordClass.isASCIIWord(p[i]) { i += 1 }
                    continue
                }
                // "USD 5": the code's word comes first, as in reading order.
                let s = i - 4
                // A match that starts before `i` must still end past it, or the scan would not advance.
                if s >= 0 && p[i - 1] == 0x20 && isUpper(s) && isUpper(s + 1) && isUpper(s + 2) && wordStart(s),
                   let e = word(s), e > i { i = e; floor = e; continue }
                if let e = word(i) {
                    assert(e > i, "a pattern must consume what it matched")
                    i = e; floor = e; continue
                }
                i += 1
                while i < n && WordClass.isASCIIWord(p[i]) { i += 1 }
                continue
            case UInt8(ascii: ":"):
                var s = i
                while s > floor && WordClass.isASCIIWord(p[s - 1]) { s -= 1 }
                if s < i && isAlpha(s), let e = word(s), e > i { i = e; floor = e; continue }
            case UInt8(ascii: "."):
                let s = i - 3
                if s >= 0 && (p[s] | 0x20) == UInt8(ascii: "w") && (p[s + 1] | 0x20) == UInt8(ascii: "w")
                    && (p[s + 2] | 0x20) == UInt8(ascii: "w") && wordStart(s), let e = word(s), e > i { i = e; floor = e; continue }
            case UInt8(ascii: "#"):
                if let e = HashtagScanner.tagEnd(p, at: i) { emit(.hashtag, i, e); i = e; floor = e; continue }
            case UInt8(ascii: "@"):
                if let (s, e) = email(i) { emit(.email, s, e); i = e; floor = e; continue }
                if let e = mention(i) { emit(.mention, i, e); i = e; floor = e; continue }
            default:
                break
            }
            i += 1
        }
    }

    /// Tries the patterns that start with the ASCII word at `i`; returns where scanning goes on.
    mutating func word(_ i: Int) -> Int? {
        let first = p[i]
        let boundary = !wordBefore(i)
        if byteClass[Int(first)] & 1 != 0 {
            guard boundary, !(at(i - 1) == UInt8(ascii: ".") && isDigit(i - 2)) else { return nil }
            return digits(i)
        }
        guard boundary else { return nil }
        // Scheme URL: letters then "://".
        let f = first | 0x20
        var j = i
        if f == UInt8(ascii: "h") || f == UInt8(ascii: "f") || f == UInt8(ascii: "s") {
            while j < n && isAlpha(j) && j - i < 7 { j += 1 }
        }
        if j > i && at(j) == UInt8(ascii: ":") && at(j + 1) == UInt8(ascii: "/") && at(j + 2) == UInt8(ascii: "/") {
            if isScheme(i, j), let e = urlEnd(j + 3, needsDot: false) { emit(.url, i, e); return e }
        }
        if (first | 0x20) == UInt8(ascii: "w") && (at(i + 1) | 0x20) == UInt8(ascii: "w") && (at(i + 2) | 0x20) == UInt8(ascii: "w") && at(i + 3) == UInt8(ascii: ".") {
            if let e = urlEnd(i + 4, needsDot: true) { emit(.url, i, e); return e }
        }
        if byteClass[Int(first)] & 4 != 0, let e = ipv6(i) { emit(.ipv6, i, e); return e }
        if isUpper(i), isUpper(i + 1), isUpper(i + 2), !isAlnum(i + 3), currencyCodes.contains(wordHash(UnsafeBufferPointer(rebasing: p[i..<(i + 3)]))) {
            // `USD 3bn`: the amount follows.
            var k = i + 3
            if at(k) == 0x20 { k += 1 }
            if isDigit(k), let e = amountEnd(k) { emit(.money, i, e); return e }
        }
        return nil
    }

    func isScheme(_ s: Int, _ e: Int) -> Bool {
        let len = e - s
        guard len >= 3 && len <= 6 else { return false }
        let h = wordHash(UnsafeBufferPointer(rebasing: p[s..<e]))
        return FixedWord.schemes.contains(h)
    }

    /// The end of a URL whose host starts at `hostStart`: up to white space or a delimiter,
    /// without trailing punctuation and unbalanced closing brackets.
    mutating func urlEnd(_ from: Int, needsDot: Bool) -> Int? {
        // The host starts with a letter or digit; after `www.` it needs a dot.
        guard isAlnum(from) || at(from) >= 0x80 else { return nil }
        if needsDot && from < noDotHostEnd { return nil }
        var j = from
        var parens = 0, brackets = 0
        var hostDot = false, inHost = true
        while j < n {
            let b = p[j]
            if b < 0x80 {
                if byteClass[Int(b)] & 8 != 0 { break }
                if inHost {
                    if b == UInt8(ascii: ".") && (isAlnum(j + 1) || at(j + 1) >= 0x80) { hostDot = true }
                    if b == UInt8(ascii: "/") || b == UInt8(ascii: "?") || b == UInt8(ascii: "#") {
                        inHost = false
                        if needsDot && !hostDot { noDotHostEnd = j; return nil }
                    }
                }
                if b == UInt8(ascii: "(") { parens += 1 }
                if b == UInt8(ascii: ")") { if parens == 0 { break }; parens -= 1 }
                if b == UInt8(ascii: "[") { brackets += 1 }
                if b == UInt8(ascii: "]") { if brackets == 0 { break }; brackets -= 1 }
                j += 1
            } else {
                let (isWord, _, len) = WordClass.classify(p, j)
                if !isWord { break }
                j += len
            }
        }
        while j > from {
            let b = p[j - 1]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":")
                || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: "'") || b == UInt8(ascii: "*") {
                j -= 1
            } else { break }
        }
        if needsDot && !hostDot {
            if inHost { noDotHostEnd = j }
            return nil
        }
        guard j > from else { return nil }
        return j
    }

    /// An e-mail address around the `@` at `i`: local part back to a boundary, domain forward.
    func email(_ i: Int) -> (Int, Int)? {
        var s = i
        while s > lastEnd {
            let b = p[s - 1]
            if b < 0x80 {
                guard byteClass[Int(b)] & 16 != 0 else { break }
                s -= 1
            } else {
                // Internationalized local parts: letters and marks of any script.
                var k = s - 1
                while k > lastEnd && p[k] & 0xC0 == 0x80 { k -= 1 }
                guard WordClass.classify(p, k).isWord else { break }
                s = k
            }
        }
        while s < i && p[s] < 0x80 && !isAlnum(s) { s += 1 }  // local part starts with a letter or digit
        guard s < i, !wordBefore(s) else { return nil }
        guard let e = domainEnd(i + 1) else { return nil }
        return (s, e)
    }

    /// The end of a domain name at `from`: labels of letters, digits and `-`, a dot between,
    /// the last one of two or more letters.
    func domainEnd(_ from: Int) -> Int? {
        var j = from
        var labels = 0
        var lastLabelStart = from
        while true {
            let ls = j
            while j < n {
                if isAlnum(j) || (p[j] == UInt8(ascii: "-") && j > ls) { j += 1; continue }
                if p[j] >= 0x80 {
                    // Internationalized domain labels.
                    let (isWord, _, len) = WordClass.classify(p, j)
                    if isWord { j += len; continue }
                }
                break
            }
            guard j > ls else { return nil }
            labels += 1
            lastLabelStart = ls
            if at(j) == UInt8(ascii: ".") && isAlnum(j + 1) { j += 1; continue }
            break
        }
        guard labels >= 2, j - lastLabelStart >= 2 else { return nil }
        for k in lastLabelStart..<j where !isAlpha(k) { return nil }
        if wordAt(j) { return nil }
        return j
    }

    func mention(_ i: Int) -> Int? {
        if i > 0 {
            let prev = p[i - 1]
            if wordBefore(i) || prev == UInt8(ascii: ".") || prev == UInt8(ascii: "@") { return nil }
        }
        var j = i + 1
        while j < n && WordClass.isASCIIWord(p[j]) && j - i <= 31 { j += 1 }
        guard j > i + 1, j - i <= 31, !wordAt(j), at(j) != UInt8(ascii: "@") else { return nil }
        return j
    }

    // MARK: Numbers

    /// Tries the patterns starting with (or around) the digits at `i`; on failure skips the number.
    mutating func digits(_ i: Int) -> Int? {
        if let (s, e) = monthDate(i) { emit(.date, s, e); return e }
        if let e = ipv4(i) { emit(.ipv4, i, e); return e }
        if let e = ipv6(i) { emit(.ipv6, i, e); return e }
        if let e = numericDate(i) { emit(.date, i, e); return e }
        if let (s, e) = phone(i) { emit(.phone, s, e); return e }
        let numEnd = numberEnd(i)
        if let e = percentEnd(numEnd) { emit(.percent, i, e); return e }
        if let s = currencyBefore(i), let e = amountEnd(i) { emit(.money, s, e); return e }
        if let e = currencyAfter(magnitudeEnd(numEnd) ?? numEnd) { emit(.money, i, e); return e }
        // Skip the rest of the number and any word glued to it.
        var j = numEnd
        while j < n && WordClass.isASCIIWord(p[j]) { j += 1 }
        return j
    }

    /// The end of the number at `i`: digits with `.` or `,` between digit groups.
    func numberEnd(_ i: Int) -> Int {
        var j = i
        while isDigit(j) { j += 1 }
        while (at(j) == UInt8(ascii: ".") || at(j) == UInt8(ascii: ",")) && isDigit(j + 1) {
            j += 1
            while isDigit(j) { j += 1 }
        }
        return j
    }

    /// Skips one space (ASCII, no-break U+00A0 or narrow no-break U+202F) at `j`.
    func skipSpace(_ j: Int) -> Int {
        if at(j) == 0x20 { return j + 1 }
        if at(j) == 0xC2 && at(j + 1) == 0xA0 { return j + 2 }
        if at(j) == 0xE2 && at(j + 1) == 0x80 && at(j + 2) == 0xAF { return j + 3 }
        return j
    }

    /// The ASCII letters of the word at `j` (maybe none).
    func asciiWordEnd(_ j: Int) -> Int {
        var k = j
        while isAlpha(k) { k += 1 }
        return k
    }

    mutating func percentEnd(_ numEnd: Int) -> Int? {
        guard !isAlpha(numEnd) else { return nil }
        let j = skipSpace(numEnd)
        if at(j) == UInt8(ascii: "%") { return j + 1 }
        if at(j) == 0xD9 && at(j + 1) == 0xAA { return j + 2 }  // ٪
        guard j > numEnd else { return nil }
        let we = asciiWordEnd(j)
        guard we > j, !wordAt(we) else { return nil }
        let h = hash(j, we)
        if percentWordHashes.contains(h) { return we }
        // "per cent", "pour cent", "por ciento"
        if h == FixedWord.per || h == FixedWord.pour || h == FixedWord.por {
            let k = we + 1
            let ke = asciiWordEnd(k)
            if at(we) == 0x20 && ke > k && !wordAt(ke) {
                let h2 = wordHash(UnsafeBufferPointer(rebasing: p[k..<ke]))
                if h2 == FixedWord.cent || h2 == FixedWord.ciento { return ke }
            }
        }
        return nil
    }

    /// The length of a currency symbol ending just before `j`, or 0.
    func symbolBefore(_ j: Int) -> Int {
        let b = at(j - 1)
        if b == UInt8(ascii: "$") { return 1 }
        if at(j - 2) == 0xC2 && (b == 0xA3 || b == 0xA5) { return 2 }  // £ ¥
        if at(j - 3) == 0xE2 && at(j - 2) == 0x82 && (b == 0xAC || b == 0xB9 || b == 0xBD || b == 0xBA || b == 0xA9 || b == 0xB4) { return 3 }  // € ₹ ₽ ₺ ₩ ₴
        return 0
    }

    /// The length of a currency symbol starting at `j`, or 0.
    func symbolAt(_ j: Int) -> Int {
        let b = at(j)
        if b == UInt8(ascii: "$") { return 1 }
        if b == 0xC2 && (at(j + 1) == 0xA3 || at(j + 1) == 0xA5) { return 2 }
        if b == 0xE2 && at(j + 1) == 0x82 {
            let c = at(j + 2)
            if c == 0xAC || c == 0xB9 || c == 0xBD || c == 0xBA || c == 0xA9 || c == 0xB4 { return 3 }
        }
        return 0
    }

    /// Where a currency before the amount at `i` starts: a symbol (`$`, `US$`, `€`, with
    /// at most one space) or a code (`USD `).
    func currencyBefore(_ i: Int) -> Int? {
        var j = i
        if at(j - 1) == 0x20 { j -= 1 }
        let len = symbolBefore(j)
        if len > 0 {
            var s = j - len
            if len == 1 {
                // US$, A$, HK$, R$
                var k = s
                while k > s - 2 && isUpper(k - 1) { k -= 1 }
                if k < s && !wordBefore(k) { s = k }
            }
            return s >= lastEnd ? s : nil
        }
        return nil
    }

    /// The end of an amount at `i`: the number and an optional magnitude (`4.7 million`, `3bn`).
    mutating func amountEnd(_ i: Int) -> Int? {
        let e = numberEnd(i)
        if let m = magnitudeEnd(e) { return m }
        return wordAt(e) ? nil : e
    }

    mutating func magnitudeEnd(_ numEnd: Int) -> Int? {
        let j = skipSpace(numEnd)
        let we = asciiWordEnd(j)
        guard we > j, !wordAt(we) else { return nil }
        return magnitudeHashes.contains(hash(j, we)) ? we : nil
    }

    /// The end of a currency after an amount ending at `e`: `12,50 €`, `12 USD`, `5 euros`.
    mutating func currencyAfter(_ e: Int) -> Int? {
        let j = skipSpace(e)
        let len = symbolAt(j)
        if len > 0 { return wordAt(j + len) ? nil : j + len }
        let we = asciiWordEnd(j)
        guard we > j, !wordAt(we) else { return nil }
        let h = hash(j, we)
        if we - j == 3 && isUpper(j) && isUpper(j + 1) && isUpper(j + 2) && currencyCodes.contains(h) { return we }
        if j > e && currencyWordHashes.contains(h) { return we }
        return nil
    }

    // MARK: Addresses

    func ipv4(_ i: Int) -> Int? {
        var j = i
        for part in 0..<4 {
            let s = j
            var v = 0
            while isDigit(j) && j - s < 3 { v = v * 10 + Int(p[j] - 0x30); j += 1 }
            guard j > s, v <= 255, !isDigit(j) else { return nil }
            if part < 3 {
                guard at(j) == UInt8(ascii: ".") else { return nil }
                j += 1
            }
        }
        if wordAt(j) || (at(j) == UInt8(ascii: ".") && isDigit(j + 1)) { return nil }
        return j
    }

    func ipv6(_ i: Int) -> Int? {
        // Quick reject: a hex group then ':'.
        var k = i
        while isHex(k) && k - i < 5 { k += 1 }
        guard k - i <= 4, at(k) == UInt8(ascii: ":") else { return nil }
        var j = i
        var groups = 0
        var doubleColon = false
        var hasDigitOrLetter = false
        var end = i
        while true {
            let s = j
            while isHex(j) && j - s < 5 { j += 1 }
            let len = j - s
            if len > 4 { return nil }
            if len > 0 {
                groups += 1
                // No address has more: stop, rather than follow a long `a:a:a:…` to its end
                // from every group (quadratic).
                if groups > 8 { return nil }
                end = j
                hasDigitOrLetter = true
            }
            if at(j) == UInt8(ascii: ":") {
                if at(j + 1) == UInt8(ascii: ":") {
                    if doubleColon { return nil }
                    doubleColon = true
                    j += 2
                    end = j
                    if !isHex(j) { break }
                    continue
                }
                if len == 0 { return nil }
                if !isHex(j + 1) { break }
                j += 1
                continue
            }
            break
        }
        guard hasDigitOrLetter else { return nil }
        if doubleColon {
            guard groups >= 2 && groups <= 7 else { return nil }
        } else {
            guard groups == 8 else { return nil }
        }
        if wordAt(end) || at(end) == UInt8(ascii: ":") { return nil }
        return end
    }

    // MARK: Dates

    func twoDigits(_ j: Int) -> (Int, Int)? {
        guard isDigit(j) else { return nil }
        if isDigit(j + 1) { return (Int(p[j] - 0x30) * 10 + Int(p[j + 1] - 0x30), j + 2) }
        return (Int(p[j] - 0x30), j + 1)
    }

    func year(_ j: Int) -> (Int, Int)? {
        guard isDigit(j), isDigit(j + 1), isDigit(j + 2), isDigit(j + 3), !isDigit(j + 4) else { return nil }
        let v = (0..<4).reduce(0) { $0 * 10 + Int(p[j + $1] - 0x30) }
        return v >= 1000 && v <= 2999 ? (v, j + 4) : nil
    }

    /// `2024-07-08` (with an optional `T10:00[:00]`), `2024/07/08`, `08.07.2024`, `7/8/24`, `08-07-2024`.
    func numericDate(_ i: Int) -> Int? {
        if let (_, ye) = year(i) {
            let sep = at(ye)
            guard sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/") || sep == UInt8(ascii: ".") else { return nil }
            guard isDigit(ye + 1), isDigit(ye + 2), at(ye + 3) == sep, isDigit(ye + 4), isDigit(ye + 5) else { return nil }
            let m = Int(p[ye + 1] - 0x30) * 10 + Int(p[ye + 2] - 0x30)
            let d = Int(p[ye + 4] - 0x30) * 10 + Int(p[ye + 5] - 0x30)
            guard (1...12).contains(m), (1...31).contains(d) else { return nil }
            var e = ye + 6
            if at(e) == UInt8(ascii: "T"), isDigit(e + 1), isDigit(e + 2), at(e + 3) == UInt8(ascii: ":"), isDigit(e + 4), isDigit(e + 5) {
                e += 6
                if at(e) == UInt8(ascii: ":") && isDigit(e + 1) && isDigit(e + 2) { e += 3 }
            }
            if wordAt(e) || (at(e) == sep && isDigit(e + 1)) { return nil }
            return e
        }
        guard let (a, ae) = twoDigits(i) else { return nil }
        let sep = at(ae)
        guard sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/") || sep == UInt8(ascii: ".") else { return nil }
        guard let (b, be) = twoDigits(ae + 1), at(be) == sep else { return nil }
        guard (1...31).contains(a), (1...31).contains(b), a <= 12 || b <= 12 else { return nil }
        var e: Int
        if let (_, ye) = year(be + 1) {
            e = ye
        } else if sep != UInt8(ascii: "-"), isDigit(be + 1), isDigit(be + 2), !isDigit(be + 3) {
            e = be + 3
        } else {
            return nil
        }
        if wordAt(e) || (at(e) == sep && isDigit(e + 1)) || (at(e) == UInt8(ascii: ".") && isDigit(e + 1)) { return nil }
        return e
    }

    /// Whether the word ending at `e` (ASCII letters and UTF-8 letters) is a month name; its start.
    mutating func monthWordBefore(_ e: Int) -> Int? {
        var s = e
        while s > 0 && (isAlpha(s - 1) || p[s - 1] >= 0x80) && e - s < 12 { s -= 1 }
        guard e - s >= 3, e - s <= 10, s >= lastEnd, !wordBefore(s) else { return nil }
        return monthHashes.contains(hash(s, e)) ? s : nil
    }

    /// The end of a month name starting at `s`.
    mutating func monthWordAfter(_ s: Int) -> Int? {
        var e = s
        while e < n && (isAlpha(e) || p[e] >= 0x80) && e - s < 12 { e += 1 }
        guard e - s >= 3, e - s <= 10, !wordAt(e) else { return nil }
        guard monthHashes.contains(hash(s, e)) else { return nil }
        return at(e) == UInt8(ascii: ".") && e - s <= 4 ? e + 1 : e
    }

    /// Dates with a month name around the number at `i`: `July 8, 2024`, `Jan. 8`, `July 2024`,
    /// `8 July 2024`, `8. Juli 2024`, `8th of July`, `8 de julio de 2024`.
    mutating func monthDate(_ i: Int) -> (Int, Int)? {
        // Month name before: "July 8", "Jan. 8".
        if at(i - 1) == 0x20 {
            var me = i - 1
            if at(me - 1) == UInt8(ascii: ".") { me -= 1 }
            if me > 0 && (isAlpha(me - 1) || p[me - 1] >= 0x80), let s = monthWordBefore(me) {
                if let (_, ye) = year(i), !wordAt(ye) { return (s, ye) }
                if let (d, de) = twoDigits(i), (1...31).contains(d), !isDigit(de) {
                    var e = de
                    let suffixEnd = asciiWordEnd(e)
                    if suffixEnd - e == 2 { e = suffixEnd }  // 8th, 1st
                    guard !wordAt(e) else { return nil }
                    if at(e) == UInt8(ascii: ",") && at(e + 1) == 0x20, let (_, ye) = year(e + 2), !wordAt(ye) { return (s, ye) }
                    if at(e) == 0x20, let (_, ye) = year(e + 1), !wordAt(ye) { return (s, ye) }
                    return (s, e)
                }
            }
        }
        // Month name after: "8 July 2024", "8. Juli", "8th of July", "8 de julio de 2024".
        guard let (d, de) = twoDigits(i), (1...31).contains(d), !isDigit(de) else { return nil }
        var j = de
        if at(j) == UInt8(ascii: ".") { j += 1 } else {
            let se = asciiWordEnd(j)
            if se - j == 2 || (se - j == 3 && (p[j] | 0x20) == UInt8(ascii: "e")) { j = se }  // 8th, 1er
        }
        guard at(j) == 0x20 else { return nil }
        j += 1
        let ofEnd = asciiWordEnd(j)
        if ofEnd - j == 2 && at(ofEnd) == 0x20 {
            let h = wordHash(UnsafeBufferPointer(rebasing: p[j..<ofEnd]))
            if h == FixedWord.of || h == FixedWord.de { j = ofEnd + 1 }
        }
        guard let me = monthWordAfter(j) else { return nil }
        var e = me
        var k = e
        if at(k) == 0x20 { k += 1 }
        if k > e {
            let de2 = asciiWordEnd(k)
            if de2 - k == 2 && at(de2) == 0x20 && wordHash(UnsafeBufferPointer(rebasing: p[k..<de2])) == FixedWord.de { k = de2 + 1 }
            if let (_, ye) = year(k), !wordAt(ye) { e = ye }
        }
        return (i, e)
    }

    // MARK: Phones

    /// A phone number at the digits `i` (or the `+` / `(` just before): international `+CC …`
    /// with 8–15 digits, or national with separated groups (trunk `0…`, or 3-3-4).
    func phone(_ i: Int) -> (Int, Int)? {
        var start = i
        var international = false
        var paren = false
        if at(i - 1) == UInt8(ascii: "+") {
            guard i - 1 >= lastEnd, !wordBefore(i - 1) else { return nil }
            start = i - 1
            international = true
        } else if at(i - 1) == UInt8(ascii: "(") {
            guard i - 1 >= lastEnd, !wordBefore(i - 1) else { return nil }
            start = i - 1
            paren = true
        }
        // Group lengths without an array (this runs for every number): their count, the
        // shortest, and the first four packed four bits each (a group has at most 15 digits).
        var groupCount = 0
        var shortest = Int.max
        var packed: UInt64 = 0
        var seps: UInt8 = 0
        var j = i
        var digits = 0
        var end = i
        var inParen = paren
        while true {
            let s = j
            while isDigit(j) { j += 1 }
            let len = j - s
            guard len > 0 else { break }
            if digits + len > 15 { j = s; break }
            groupCount += 1
            shortest = min(shortest, len)
            if groupCount <= 4 { packed = packed << 4 | UInt64(len) }
            digits += len
            end = j
            if inParen {
                guard at(j) == UInt8(ascii: ")") else { return nil }
                inParen = false
                j += 1
                end = j
                if at(j) == 0x20 { j += 1 }
                if !isDigit(j) { break }
                continue
            }
            let b = at(j)
            if (b == 0x20 || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "/")) && isDigit(j + 1) {
                if b != 0x20 { seps |= b == UInt8(ascii: "-") ? 1 : b == UInt8(ascii: ".") ? 2 : 4 }
                j += 1
                continue
            }
            if (b == 0x20 || b == UInt8(ascii: "-")) && at(j + 1) == UInt8(ascii: "(") && isDigit(j + 2) {
                j += 2
                inParen = true
                continue
            }
            break
        }
        guard !inParen else { return nil }
        if wordAt(end) || ((at(end) == UInt8(ascii: ".") || at(end) == UInt8(ascii: ",")) && isDigit(end + 1)) { return nil }
        if international {
            return digits >= 8 && digits <= 15 ? (start, end) : nil
        }
        guard groupCount >= 2, digits >= 9, digits <= 12 else { return nil }
        // Mixed separators (1.2-3) are not a phone number.
        if seps != 0 && seps != 1 && seps != 2 && seps != 4 { return nil }
        let trunk = p[i] == UInt8(ascii: "0")
        if trunk {
            // Groups of two or more digits; a dotted form needs more than three groups (01.23.45.67.89).
            guard shortest >= 2 else { return nil }
            if seps == 2 && groupCount < 4 { return nil }
            return (start, end)
        }
        if groupCount == 3 && packed == 0x334 && seps != 4 { return (start, end) }
        if groupCount == 4 && packed == 0x1334 && p[i] == UInt8(ascii: "1") && seps != 4 { return (start, end) }
        return nil
    }
}
