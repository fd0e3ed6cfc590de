/// Reads the dates web pages give (ISO 8601 and its relatives, `28.07.2019`, `July 28, 2019`,
/// `28. Juli 2019`, RFC 822, dates in URLs) and writes them as ISO 8601: `2019-07-28`, or
/// `2019-07-28T10:30:00+02:00` when a time is given (without offset when none is given).
/// Calendar ranges are checked (years 1990–2099, the days of each month, leap years).
enum HTMLDateParser {
    /// The date in `text`: the whole value when it is a date, else the first date inside it (a
    /// textual one, or a numeric one with four-digit year). Linear in the text; nil if none.
    static func parse(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { b -> String? in
            let n = min(b.count, 400)     // dates are at the start of what pages give; keep it cheap
            let s = UnsafeBufferPointer(rebasing: b[0..<n])
            var i = 0
            while i < s.count {
                let c = s[i]
                if isDigit(c), i == 0 || !isDigit(s[i - 1]) {
                    if let d = numeric(s, i) ?? textualDayFirst(s, i) { return d }
                } else if isLetter(c), i == 0 || !isLetter(s[i - 1]) {
                    if let d = textualMonthFirst(s, i) { return d }
                }
                i += 1
            }
            return nil
        }
    }

    /// The day-first date `b` starts with (after white space), nil when it starts with anything
    /// else: the dateline that leads a paragraph ("27.1.2022 - Bei der …", "01.02.2022 „Der …").
    /// Looks at the first bytes only, and at once gives up on a text that starts with a letter
    /// (most do: this runs on every long text of a page without a date yet).
    static func leading(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        var i = 0
        while i < b.count, i < 16, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 || b[i] == 0x0D { i += 1 }
        guard i < b.count, isDigit(b[i]) else { return nil }
        let s = UnsafeBufferPointer(rebasing: b[i..<min(b.count, i + 64)])
        return numeric(s, 0) ?? textualDayFirst(s, 0)
    }

    /// A date in a URL path: `/2019/07/28/`, `/2019-07-28`, `/20190728/`, `/28-07-2019` (the day is required).
    static func fromURL(_ url: String) -> String? {
        var copy = url
        return copy.withUTF8 { s -> String? in
            // Skip the scheme and host.
            var i = 0
            if let r = find(s, "://") { i = r + 3 }
            while i < s.count, s[i] != 0x2F { i += 1 }
            while i < s.count {
                guard s[i] == 0x2F, i + 1 < s.count, isDigit(s[i + 1]) else { i += 1; continue }
                let j = i + 1
                if let y = digits(s, j, 4), j + 4 < s.count, s[j + 4] == 0x2F || s[j + 4] == 0x2D,
                   let m = digits(s, j + 5, 2), j + 7 < s.count, s[j + 7] == s[j + 4],
                   let d = digits(s, j + 8, 2), j + 10 == s.count || !isDigit(s[j + 10]) {
                    if let out = format(y, m, d) { return out }
                }
                if let y = digits(s, j, 4), let m = digits(s, j + 4, 2), let d = digits(s, j + 6, 2),
                   j + 8 == s.count || !isDigit(s[j + 8]), y >= 1990 {
                    if let out = format(y, m, d) { return out }
                }
                // `/28-07-2019`, `/28.07.2019` (day first, as the page's own language writes it).
                if let d = digits(s, j, 2), j + 2 < s.count, s[j + 2] == 0x2D || s[j + 2] == 0x2E,
                   let m = digits(s, j + 3, 2), j + 5 < s.count, s[j + 5] == s[j + 2],
                   let y = digits(s, j + 6, 4), j + 10 == s.count || !isDigit(s[j + 10]) {
                    if let out = format(y, m, d) { return out }
                }
                i += 1
            }
            return nil
        }
    }

    // MARK: - Numeric dates

    /// `YYYY-MM-DD[Thh:mm[:ss[.fff]][Z|±hh[:]mm]]`, `YYYY/MM/DD`, `YYYYMMDD` (alone), `DD.MM.YYYY`,
    /// `DD/MM/YYYY` (month first when the day cannot be a month), `DD-MM-YYYY`, `DD.MM.YY`.
    private static func numeric(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> String? {
        var run = i
        while run < s.count, isDigit(s[run]) { run += 1 }
        let len = run - i
        if len == 4, run < s.count, s[run] == 0x2D || s[run] == 0x2F || s[run] == 0x2E, let y = digits(s, i, 4) {
            let sep = s[run]
            var k = run + 1
            guard let (m, mEnd) = oneOrTwo(s, k), mEnd < s.count, s[mEnd] == sep else { return nil }
            k = mEnd + 1
            guard let (d, dEnd) = oneOrTwo(s, k), dEnd == s.count || !isDigit(s[dEnd]) else { return nil }
            guard let date = format(y, m, d) else { return nil }
            return date + time(s, dEnd)
        }
        if len == 8, i == 0, run == s.count || !isDigit(s[run]), let y = digits(s, i, 4), let m = digits(s, i + 4, 2),
           let d = digits(s, i + 6, 2), run == s.count || s[run] == 0x54 || s[run] == 0x20 {
            return format(y, m, d)
        }
        if len == 1 || len == 2, run < s.count, s[run] == 0x2E || s[run] == 0x2F || s[run] == 0x2D {
            let sep = s[run]
            let a = number(s, i, run)
            guard let (b, bEnd) = oneOrTwo(s, run + 1), bEnd < s.count, s[bEnd] == sep else { return nil }
            // `28.01.22`: a German short date, two digits each, the year of this century (or of
            // the 1990s); not inside a longer dotted number (`1.28.01.22`, `28.01.22.5`).
            if sep == 0x2E, len == 2, bEnd - run == 3, let yy = digits(s, bEnd + 1, 2),
               bEnd + 3 == s.count || !(isDigit(s[bEnd + 3]) || s[bEnd + 3] == 0x2E && bEnd + 4 < s.count && isDigit(s[bEnd + 4])),
               i == 0 || s[i - 1] != 0x2E {
                return format(yy >= 90 ? 1900 + yy : 2000 + yy, b, a).map { $0 + time(s, bEnd + 3) }
            }
            guard let y = digits(s, bEnd + 1, 4), bEnd + 5 == s.count || !isDigit(s[bEnd + 5]) else { return nil }
            // Day first (Europe) unless only month-first is a valid reading (`07/28/2019`).
            if let d = format(y, b, a) { return d + time(s, bEnd + 5) }
            if sep == 0x2F, let d = format(y, a, b) { return d + time(s, bEnd + 5) }
        }
        return nil
    }

    /// `Thh:mm[:ss[.fff]][Z|±hh[:mm]]` or ` hh:mm…` after a date, as `Thh:mm:ss[±hh:mm]`; "" if none or invalid.
    private static func time(_ s: UnsafeBufferPointer<UInt8>, _ at: Int) -> String {
        var k = at
        guard k < s.count, s[k] == 0x54 || s[k] == 0x20 else { return "" }
        k += 1
        guard let h = digits(s, k, 2), k + 2 < s.count, s[k + 2] == 0x3A, let mi = digits(s, k + 3, 2) else { return "" }
        k += 5
        var sec = 0
        if k < s.count, s[k] == 0x3A, let ss = digits(s, k + 1, 2) {
            sec = ss
            k += 3
            if k < s.count, s[k] == 0x2E || s[k] == 0x2C {
                k += 1
                while k < s.count, isDigit(s[k]) { k += 1 }
            }
        }
        guard h < 24, mi < 60, sec < 61 else { return "" }
        var out = "T" + two(h) + ":" + two(mi) + ":" + two(min(sec, 59))
        // RFC 822 puts a space before the zone: `10:00:00 +0200`, `10:00:00 GMT`.
        if k + 1 < s.count, s[k] == 0x20, s[k + 1] == 0x2B || s[k + 1] == 0x2D { k += 1 }
        if k + 3 < s.count, s[k] == 0x20, (s[k + 1] == 0x47 && s[k + 2] == 0x4D && s[k + 3] == 0x54)
            || (s[k + 1] == 0x55 && s[k + 2] == 0x54 && s[k + 3] == 0x43) {
            return out + "+00:00"
        }
        if k < s.count, s[k] == 0x5A {
            out += "+00:00"
        } else if k < s.count, s[k] == 0x2B || s[k] == 0x2D, let oh = digits(s, k + 1, 2), oh <= 14 {
            var om = 0
            if k + 3 < s.count, s[k + 3] == 0x3A, let m = digits(s, k + 4, 2) { om = m } else if let m = digits(s, k + 3, 2) { om = m }
            if om < 60 { out += (s[k] == 0x2B ? "+" : "-") + two(oh) + ":" + two(om) }
        }
        return out
    }

    // MARK: - Textual dates

    /// `28 July 2019`, `28. Juli 2019`, `28 jul. 2019`, `28 de julio de 2019`, `Sun, 28 Jul 2019 …`.
    private static func textualDayFirst(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> String? {
        guard let (d, dEnd) = oneOrTwo(s, i), dEnd == s.count || !isDigit(s[dEnd]) else { return nil }
        var k = dEnd
        if k < s.count, s[k] == 0x2E { k += 1 }
        if k + 1 < s.count, (s[k] | 0x20) == 0x74 || (s[k] | 0x20) == 0x73 || (s[k] | 0x20) == 0x6E || (s[k] | 0x20) == 0x72,
           (s[k + 1] | 0x20) == 0x68 || (s[k + 1] | 0x20) == 0x74 || (s[k + 1] | 0x20) == 0x64 {
            k += 2       // 28th, 1st, 2nd, 3rd
        }
        k = skipFiller(s, k)
        guard let (m, mEnd) = month(s, k) else { return nil }
        k = skipFiller(s, mEnd)
        guard let y = digits(s, k, 4), k + 4 == s.count || !isDigit(s[k + 4]) else { return nil }
        return format(y, m, d).map { $0 + time(s, k + 4) }
    }

    /// `July 28, 2019`, `Jul 28th 2019`.
    private static func textualMonthFirst(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> String? {
        guard let (m, mEnd) = month(s, i) else { return nil }
        var k = skipFiller(s, mEnd)
        guard let (d, dEnd) = oneOrTwo(s, k), dEnd == s.count || !isDigit(s[dEnd]) else { return nil }
        k = dEnd
        if k + 1 < s.count, isLetter(s[k]), isLetter(s[k + 1]) { k += 2 }
        k = skipFiller(s, k)
        guard let y = digits(s, k, 4), k + 4 == s.count || !isDigit(s[k + 4]) else { return nil }
        return format(y, m, d)
    }

    /// Spaces, `,`, `.` and the Spanish/Portuguese `de` between the parts of a textual date.
    private static func skipFiller(_ s: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int {
        var k = at
        var steps = 0
        while k < s.count, steps < 8 {
            let c = s[k]
            if c == 0x20 || c == 0x2C || c == 0x2E || c == 0x09 || c == 0x0A || c == 0x2D {
                k += 1
            } else if c == 0xC2, k + 1 < s.count, s[k + 1] == 0xA0 {
                k += 2
            } else if (c | 0x20) == 0x64, k + 2 < s.count, (s[k + 1] | 0x20) == 0x65 || (s[k + 1] | 0x20) == 0x69,
                      s[k + 2] == 0x20 {
                k += 3   // `de`, `di`
            } else {
                break
            }
            steps += 1
        }
        return k
    }

    /// Month names (English, German, French, Spanish, Italian, Portuguese, Dutch), full or as the
    /// first three letters (plus `sept`), case-insensitive; returns the month and the end of the word.
    private static func month(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, Int)? {
        var k = i
        var word: [UInt8] = []
        while k < s.count, k - i < 12 {
            let c = s[k]
            if isLetter(c) {
                word.append(c | 0x20)
            } else if c >= 0x80 {
                word.append(c)   // ä, é, û…
            } else {
                break
            }
            k += 1
        }
        guard word.count >= 3, k == s.count || !(isLetter(s[k]) || s[k] >= 0x80) else { return nil }
        let w = String(decoding: word, as: UTF8.self)
        if let m = monthNames[w] { return (m, k) }
        return nil
    }

    private static let monthNames: [String: Int] = {
        let lists: [[String]] = [
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
            ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
            ["jänner", "feber", "maerz", "", "", "", "", "", "", "", "", ""],
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
            ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
            ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            ["", "", "mär", "", "", "", "", "", "sept", "okt", "", "dez"],
            ["", "", "", "", "", "", "", "", "setiembre", "", "", ""],
        ]
        var out: [String: Int] = [:]
        for list in lists {
            for (k, name) in list.enumerated() where !name.isEmpty && out[name] == nil { out[name] = k + 1 }
        }
        return out
    }()

    /// When `date` is a UTC time (`…+00:00`), the first of `others` that is the same moment in
    /// local time: with another offset, or without one and a whole number of quarter hours
    /// (at most 14 h) away.
    static func localEquivalent(of date: String, among others: [String]) -> String? {
        guard date.hasSuffix("+00:00"), let utc = minutes(date) else { return nil }
        for o in others where o != date {
            guard let m = minutes(o) else { continue }
            if let offset = m.offset {
                if offset != 0, m.local - offset == utc.local { return o }
            } else {
                let diff = m.local - utc.local
                if diff != 0, abs(diff) <= 14 * 60, diff % 15 == 0, m.seconds == utc.seconds { return o }
            }
        }
        return nil
    }

    /// When `date` is a UTC time and the page shows the day before or after it (`shown`, a date
    /// the page's body or URL gives), that day, if some offset from UTC (−12 h to +14 h) puts the
    /// time on it (when `shown` has a time, the offset that gives it): the page shows the
    /// publisher's local day.
    static func localDay(of date: String, shown: String) -> String? {
        guard date.hasSuffix("+00:00"), let utc = minutes(date), shown.utf8.count >= 10 else { return nil }
        let day = String(shown.prefix(10))
        guard day != String(date.prefix(10)), let d = minutes(day + "T00:00:00") else { return nil }
        // A shown time must be the same moment (to the minute) at a whole quarter hour's offset.
        if shown.utf8.count >= 19 {
            guard let t = minutes(shown), t.offset == nil else { return nil }
            let diff = t.local - utc.local
            return diff % 15 == 0 && abs(diff) <= 14 * 60 ? day : nil
        }
        let startOfUTCDay = utc.local - utc.local % 1440
        let hour = (utc.local - startOfUTCDay) / 60
        if d.local == startOfUTCDay - 1440, hour < 12 { return day }
        if d.local == startOfUTCDay + 1440, hour >= 10 { return day }
        return nil
    }

    /// Minutes since 1970 of the written (local) time, its seconds and its offset in minutes
    /// (nil when none is written); nil for a date without time.
    private static func minutes(_ d: String) -> (local: Int, seconds: Int, offset: Int?)? {
        let b = Array(d.utf8)
        guard b.count >= 19 else { return nil }
        func num(_ i: Int, _ n: Int) -> Int {
            var v = 0
            for k in i..<(i + n) { v = v * 10 + Int(b[k] &- 0x30) }
            return v
        }
        var y = num(0, 4)
        let m = num(5, 2), day = num(8, 2)
        // Days from civil (H. Hinnant's algorithm).
        y -= m <= 2 ? 1 : 0
        let era = y / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        let local = days * 1440 + num(11, 2) * 60 + num(14, 2)
        var offset: Int?
        if b.count == 25 {
            offset = (num(20, 2) * 60 + num(23, 2)) * (b[19] == 0x2D ? -1 : 1)
        }
        return (local, num(17, 2), offset)
    }

    // MARK: - Pieces

    /// `YYYY-MM-DD` when the date exists (years 1990–2099).
    static func format(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard y >= 1990, y <= 2099, m >= 1, m <= 12, d >= 1 else { return nil }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard d <= days else { return nil }
        return String(y) + "-" + two(m) + "-" + two(d)
    }

    private static func two(_ v: Int) -> String { v < 10 ? "0" + String(v) : String(v) }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isLetter(_ c: UInt8) -> Bool { c | 0x20 >= 0x61 && c | 0x20 <= 0x7A }

    /// Exactly `count` digits at `i` (the next byte may be anything).
    private static func digits(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ count: Int) -> Int? {
        guard i >= 0, i + count <= s.count else { return nil }
        var v = 0
        for k in i..<(i + count) {
            guard isDigit(s[k]) else { return nil }
            v = v * 10 + Int(s[k] - 0x30)
        }
        return v
    }

    /// One or two digits at `i` and the end of them.
    private static func oneOrTwo(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, Int)? {
        guard i < s.count, isDigit(s[i]) else { return nil }
        if i + 1 < s.count, isDigit(s[i + 1]) {
            if i + 2 < s.count, isDigit(s[i + 2]) { return nil }
            return (Int(s[i] - 0x30) * 10 + Int(s[i + 1] - 0x30), i + 2)
        }
        return (Int(s[i] - 0x30), i + 1)
    }

    private static func number(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var v = 0
        for k in i..<end { v = v * 10 + Int(s[k] - 0x30) }
        return v
    }

    private static func find(_ s: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Int? {
        let n = needle.utf8CodeUnitCount
        guard s.count >= n else { return nil }
        let a = needle.utf8Start
        outer: for i in 0...(s.count - n) {
            for k in 0..<n where s[i + k] != a[k] { continue outer }
            return i
        }
        return nil
    }
}
