/// Recognizes a line that is only a date or a date and time, and renders it as ISO 8601:
/// `YYYY-MM-DDTHH:MM:SS` (with `Z` or `±HH:MM` when the line has a zone) or `YYYY-MM-DD`.
///
/// Accepted forms (with range checks: month 1–12, day valid for the month, hour < 24):
/// - `2024-07-08`, `2024/07/08`, `2024-07-08 04:55`, `2024-07-08 04:55:57`,
///   `2024-07-08T04:55:57.123Z`, `2024-07-08T04:55:57+02:00`, `… +0200`, `… UTC`
/// - `08.07.2024`, `08.07.2024 04:55`, `08.07.2024, 04:55:57`
/// - `13/07/2024`, `07/13/2024` (only when unambiguous; `07/08/2024` is not lifted)
/// - `July 8, 2024`, `Jul 8 2024, 4:55 AM`, `Monday, July 8, 2024 at 16:55`
/// - `8 July 2024`, `8th Jul. 2024 04:55`
enum TimestampLine {
    /// The ISO 8601 form of the line `range` of `p`, or `nil` when the line is not only a timestamp.
    static func parse(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi && isBlank(p[lo]) { lo += 1 }
        while hi > lo && isBlank(p[hi - 1]) { hi -= 1 }
        // The shortest form, `8 Jul 2024`, has 10 bytes; the longest are well under 64.
        guard hi - lo >= 8 && hi - lo <= 64 else { return nil }
        // Only ASCII lines; this also keeps the cursor byte-oriented.
        for i in lo..<hi where p[i] >= 0x80 { return nil }
        for form in [numericYearFirst, numericDayFirst, monthNameFirst, dayFirstMonthName] {
            var c = Cursor(p: p, i: lo, end: hi)
            if let stamp = form(&c), c.atEnd, stamp.isValid { return stamp.iso }
        }
        return nil
    }

    @inline(__always)
    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    // MARK: Forms

    /// `YYYY-MM-DD`, `YYYY/MM/DD` with an optional time.
    static func numericYearFirst(_ c: inout Cursor) -> Stamp? {
        guard let year = c.digits(4, 4) else { return nil }
        guard let sep = c.oneOf([0x2D, 0x2F]) else { return nil }  // '-' '/'
        guard let month = c.digits(1, 2), c.byte(sep), let day = c.digits(1, 2) else { return nil }
        var s = Stamp(year: year, month: month, day: day)
        if c.atEnd { return s }
        // 'T' or spaces before the time.
        if !c.byte(0x54) && !c.byte(0x74) && c.spaces() == 0 { return nil }
        guard time(&c, into: &s) else { return nil }
        return s
    }

    /// `DD.MM.YYYY` and `DD/MM/YYYY` or `MM/DD/YYYY` when unambiguous, with an optional time.
    static func numericDayFirst(_ c: inout Cursor) -> Stamp? {
        guard let a = c.digits(1, 2), let sep = c.oneOf([0x2E, 0x2F]) else { return nil }  // '.' '/'
        guard let b = c.digits(1, 2), c.byte(sep), let year = c.digits(4, 4) else { return nil }
        var s: Stamp
        if sep == 0x2E {
            s = Stamp(year: year, month: b, day: a)
        } else if a == b || a > 12 {
            s = Stamp(year: year, month: b, day: a)
        } else if b > 12 {
            s = Stamp(year: year, month: a, day: b)
        } else {
            return nil  // 07/08/2024: July 8 or 7 August
        }
        if c.atEnd { return s }
        _ = c.byte(0x2C)  // ','
        guard c.spaces() > 0, time(&c, into: &s) else { return nil }
        return s
    }

    /// `[Monday, ]July 8[th][,] 2024[[,| at] time]`.
    static func monthNameFirst(_ c: inout Cursor) -> Stamp? {
        weekday(&c)
        guard let month = monthName(&c) else { return nil }
        guard c.spaces() > 0, let day = c.digits(1, 2) else { return nil }
        ordinalSuffix(&c)
        _ = c.byte(0x2C)
        guard c.spaces() > 0, let year = c.digits(4, 4) else { return nil }
        var s = Stamp(year: year, month: month, day: day)
        return timeAfterNamedDate(&c, &s) ? s : nil
    }

    /// `[Monday, ]8[th][.] July[,] 2024[[,| at] time]`.
    static func dayFirstMonthName(_ c: inout Cursor) -> Stamp? {
        weekday(&c)
        guard let day = c.digits(1, 2) else { return nil }
        ordinalSuffix(&c)
        _ = c.byte(0x2E)
        guard c.spaces() > 0, let month = monthName(&c) else { return nil }
        _ = c.byte(0x2C)
        guard c.spaces() > 0, let year = c.digits(4, 4) else { return nil }
        var s = Stamp(year: year, month: month, day: day)
        return timeAfterNamedDate(&c, &s) ? s : nil
    }

    // MARK: Parts

    /// An optional time after a date with a month name: `, 4:55 AM`, ` at 16:55`, ` 04:55:57`.
    static func timeAfterNamedDate(_ c: inout Cursor, _ s: inout Stamp) -> Bool {
        if c.atEnd { return true }
        _ = c.byte(0x2C)
        guard c.spaces() > 0 else { return false }
        if c.word(lowercased: "at") { guard c.spaces() > 0 else { return false } }
        return time(&c, into: &s)
    }

    /// `H:MM[:SS[.fff]][ AM|PM][zone]`; sets the time fields of `s`.
    static func time(_ c: inout Cursor, into s: inout Stamp) -> Bool {
        guard var hour = c.digits(1, 2), c.byte(0x3A), let minute = c.digits(2, 2) else { return false }
        var second = 0
        if c.byte(0x3A) {
            guard let sec = c.digits(2, 2) else { return false }
            second = sec
            if c.byte(0x2E) || c.byte(0x2C) {  // fraction: dropped
                guard c.digits(1, 9) != nil else { return false }
            }
        }
        // AM / PM, with or without a space and dots.
        let mark = c.i
        _ = c.spaces()
        if let pm = meridiem(&c) {
            guard hour >= 1 && hour <= 12 else { return false }
            hour = hour % 12 + (pm ? 12 : 0)
        } else {
            c.i = mark
        }
        s.hour = hour; s.minute = minute; s.second = second
        return zone(&c, into: &s)
    }

    /// An optional zone: `Z`, `±HH:MM`, `±HHMM`, `±HH`, ` UTC`, ` GMT`.
    static func zone(_ c: inout Cursor, into s: inout Stamp) -> Bool {
        if c.atEnd { return true }
        if c.byte(0x5A) { s.zone = "Z"; return true }  // 'Z'
        let mark = c.i
        _ = c.spaces()
        if c.word(lowercased: "utc") || c.word(lowercased: "gmt") {
            s.zone = "Z"
            if c.atEnd { return true }
        }
        if let sign = c.oneOf([0x2B, 0x2D]) {  // '+' '-'
            let digitsStart = c.i
            guard let v = c.digits(2, 4) else { return false }
            var h: Int, m = 0
            switch c.i - digitsStart {
            case 2:
                h = v
                if c.byte(0x3A) {
                    guard let mm = c.digits(2, 2) else { return false }
                    m = mm
                }
            case 4:
                h = v / 100; m = v % 100
            default:
                return false
            }
            guard h <= 14 && m < 60 else { return false }
            if s.zone == "Z" && h == 0 && m == 0 { return true }  // UTC+00:00
            s.zone = (sign == 0x2B ? "+" : "-") + Stamp.two(h) + ":" + Stamp.two(m)
            return true
        }
        c.i = mark
        return false
    }

    /// `AM`, `PM`, `a.m.`, `p.m.` in any case: `true` for PM.
    static func meridiem(_ c: inout Cursor) -> Bool? {
        let mark = c.i
        guard let first = c.letter() else { return nil }
        if first == 0x61 || first == 0x70 {  // 'a' 'p'
            _ = c.byte(0x2E)
            if c.letter() == 0x6D {  // 'm'
                _ = c.byte(0x2E)
                // Not the start of a longer word.
                if c.atEnd || !c.isLetter { return first == 0x70 }
            }
        }
        c.i = mark
        return nil
    }

    /// Skips an optional leading weekday name (`Monday`, `Mon`, `Mon.`) and its comma.
    static func weekday(_ c: inout Cursor) {
        let mark = c.i
        guard let w = c.letters(), weekdays.contains(w) else { c.i = mark; return }
        _ = c.byte(0x2E)
        _ = c.byte(0x2C)
        if c.spaces() == 0 { c.i = mark }
    }

    /// A month name (`July`, `Jul`, `Jul.`, `Sept`) in any case: its number.
    static func monthName(_ c: inout Cursor) -> Int? {
        let mark = c.i
        guard let w = c.letters(), let m = months[w] else { c.i = mark; return nil }
        if w.count <= 4 { _ = c.byte(0x2E) }
        return m
    }

    /// Skips `st`, `nd`, `rd`, `th` after a day number.
    static func ordinalSuffix(_ c: inout Cursor) {
        let mark = c.i
        if let w = c.letters(), ["st", "nd", "rd", "th"].contains(w) { return }
        c.i = mark
    }

    static let months: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july",
                     "august", "september", "october", "november", "december"]
        var d: [String: Int] = [:]
        for (k, name) in names.enumerated() {
            d[name] = k + 1
            d[String(name.prefix(3))] = k + 1
        }
        d["sept"] = 9
        return d
    }()

    static let weekdays: Set<String> = {
        let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        return Set(names + names.map { String($0.prefix(3)) })
    }()

    // MARK: Stamp

    /// A parsed date and optional time.
    struct Stamp {
        var year: Int, month: Int, day: Int
        var hour: Int? = nil, minute = 0, second = 0
        var zone = ""

        var isValid: Bool {
            guard year >= 1000, (1...12).contains(month), day >= 1,
                  day <= Self.daysIn(month: month, year: year) else { return false }
            if let hour { return hour < 24 && minute < 60 && second < 60 }
            return true
        }

        static func daysIn(month: Int, year: Int) -> Int {
            switch month {
            case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
            case 4, 6, 9, 11: return 30
            default: return 31
            }
        }

        var iso: String {
            var s = String(year) + "-" + Self.two(month) + "-" + Self.two(day)
            if let hour {
                s += "T" + Self.two(hour) + ":" + Self.two(minute) + ":" + Self.two(second) + zone
            }
            return s
        }

        static func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
    }

    // MARK: Cursor

    /// A position in an ASCII line.
    struct Cursor {
        let p: UnsafeBufferPointer<UInt8>
        var i: Int
        let end: Int

        var atEnd: Bool { i >= end }
        var isLetter: Bool { i < end && Self.isLetter(p[i]) }

        static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

        /// Consumes `b` if it is next.
        mutating func byte(_ b: UInt8) -> Bool {
            guard i < end && p[i] == b else { return false }
            i += 1
            return true
        }

        /// Consumes and returns the next byte if it is one of `bs`.
        mutating func oneOf(_ bs: [UInt8]) -> UInt8? {
            guard i < end && bs.contains(p[i]) else { return nil }
            i += 1
            return p[i - 1]
        }

        /// Consumes spaces and tabs: how many.
        mutating func spaces() -> Int {
            let start = i
            while i < end && (p[i] == 0x20 || p[i] == 0x09) { i += 1 }
            return i - start
        }

        /// Consumes `min...max` decimal digits, no more may follow.
        mutating func digits(_ min: Int, _ max: Int) -> Int? {
            var j = i, v = 0
            while j < end && j - i < max && p[j] >= 0x30 && p[j] <= 0x39 {
                v = v * 10 + Int(p[j] - 0x30)
                j += 1
            }
            guard j - i >= min, j >= end || p[j] < 0x30 || p[j] > 0x39 else { return nil }
            i = j
            return v
        }

        /// Consumes one letter, returned in lowercase.
        mutating func letter() -> UInt8? {
            guard isLetter else { return nil }
            i += 1
            return p[i - 1] | 0x20
        }

        /// Consumes a run of letters, returned in lowercase.
        mutating func letters() -> String? {
            let start = i
            while isLetter { i += 1 }
            guard i > start else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self).lowercased()
        }

        /// Consumes the whole word `w` (lowercase ASCII) in any case.
        mutating func word(lowercased w: String) -> Bool {
            let mark = i
            guard let got = letters(), got == w else { i = mark; return false }
            return true
        }
    }
}
