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
/// - month and weekday names in French, Spanish, German, Italian, Portuguese, Russian and
///   Dutch: `8 juillet 2024`, `lundi 8 juillet 2024 à 14h30`, `8 de julio de 2024`,
///   `Montag, 8. Juli 2024, 14:30 Uhr`, `8 июля 2024 г.`
/// - after a label: `Published: …`, `Updated on …`, `Publié le …`, `Veröffentlicht am …`,
///   `Publicado el …`, `Pubblicato il …`, `Опубликовано …`
enum TimestampLine {
    /// The ISO 8601 form of the line `range` of `p`, or `nil` when the line is not only a timestamp.
    static func parse(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi && isBlank(p[lo]) { lo += 1 }
        while hi > lo && isBlank(p[hi - 1]) { hi -= 1 }
        // The shortest form, `8 Jul 2024`, has 10 bytes; the longest are well under 100.
        guard hi - lo >= 8 && hi - lo <= 100 else { return nil }
        // A line of words without a digit is no timestamp: leave early.
        var digit = false
        for i in lo..<hi where p[i] >= 0x30 && p[i] <= 0x39 { digit = true; break }
        guard digit else { return nil }
        var start = Cursor(p: p, i: lo, end: hi)
        label(&start)
        for form in [numericYearFirst, numericDayFirst, monthNameFirst, dayFirstMonthName] {
            var c = start
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
        guard c.spaces() > 0 else { return nil }
        connector(&c, ["de", "del"])  // 8 de julio
        guard let month = monthName(&c) else { return nil }
        _ = c.byte(0x2C)
        guard c.spaces() > 0 else { return nil }
        connector(&c, ["de", "del"])  // de 2024
        guard let year = c.digits(4, 4) else { return nil }
        yearSuffix(&c)
        var s = Stamp(year: year, month: month, day: day)
        return timeAfterNamedDate(&c, &s) ? s : nil
    }

    // MARK: Parts

    /// An optional time after a date with a month name: `, 4:55 AM`, ` at 16:55`, ` 04:55:57`.
    static func timeAfterNamedDate(_ c: inout Cursor, _ s: inout Stamp) -> Bool {
        if c.atEnd { return true }
        _ = c.byte(0x2C)
        guard c.spaces() > 0 else { return false }
        for w in ["at", "à", "a", "um", "alle", "às", "as", "в", "om", "o"] where c.word(lowercased: w) {
            guard c.spaces() > 0 else { return false }
            if w == "a" && (c.word(lowercased: "las") || c.word(lowercased: "la")) { guard c.spaces() > 0 else { return false } }
            break
        }
        return time(&c, into: &s)
    }

    /// `H:MM[:SS[.fff]][ AM|PM][zone]`; sets the time fields of `s`.
    static func time(_ c: inout Cursor, into s: inout Stamp) -> Bool {
        guard var hour = c.digits(1, 2) else { return false }
        // `14h30`, `14 h 30`, `14h` (French).
        let h = c.i
        _ = c.spaces()
        if c.byte(0x68) {
            _ = c.spaces()
            let minute = c.digits(2, 2) ?? 0
            guard hour < 24 else { return false }
            s.hour = hour; s.minute = minute; s.second = 0
            return c.atEnd
        }
        c.i = h
        guard c.byte(0x3A), let minute = c.digits(2, 2) else { return false }
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
        // `14:30 Uhr`, `14:30 h`
        let u = c.i
        _ = c.spaces()
        if !(c.word(lowercased: "uhr") || c.word(lowercased: "h")) || !c.atEnd { c.i = u }
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

    /// Skips one of the connector words `ws` and the spaces after it.
    static func connector(_ c: inout Cursor, _ ws: [String]) {
        let mark = c.i
        guard let w = c.letters(), ws.contains(w), c.spaces() > 0 else { c.i = mark; return }
    }

    /// Skips `г.`, `г`, `года` after a year.
    static func yearSuffix(_ c: inout Cursor) {
        let mark = c.i
        guard c.spaces() > 0 || true, let w = c.letters(), w == "г" || w == "года" else { c.i = mark; return }
        _ = c.byte(0x2E)
    }

    /// Skips a label before the date: `Published:`, `Updated on`, `Publié le`, `Mis à jour le`,
    /// `Veröffentlicht am`, `Publicado el`, `Pubblicato il`, `Опубликовано`.
    static func label(_ c: inout Cursor) {
        let mark = c.i
        guard let first = c.letters(), labelHeads.contains(first) else { c.i = mark; return }
        var words = 0
        while words < 3 {
            let m = c.i
            _ = c.byte(0x3A)
            guard c.spaces() > 0 else { c.i = m; break }
            let w = c.i
            if let next = c.letters(), labelWords.contains(next) { words += 1; continue }
            c.i = w
            return
        }
        _ = c.byte(0x3A)
        if c.spaces() == 0 && !c.atEnd { c.i = mark }
    }

    static let labelHeads: Set<String> = [
        "published", "updated", "posted", "last", "date", "dated", "publié", "publiée", "mis", "modifié", "veröffentlicht",
        "aktualisiert", "stand", "datum", "publicado", "publicada", "actualizado", "atualizado", "fecha", "data", "pubblicato",
        "aggiornato", "опубликовано", "обновлено", "дата",
    ]
    static let labelWords: Set<String> = ["on", "updated", "le", "à", "jour", "am", "el", "em", "en", "il", "el", "a", "às"]

    /// Skips `st`, `nd`, `rd`, `th` after a day number.
    static func ordinalSuffix(_ c: inout Cursor) {
        let mark = c.i
        if let w = c.letters(), ["st", "nd", "rd", "th", "er"].contains(w) { return }
        c.i = mark
    }

    static let months: [String: Int] = {
        // Full names, then abbreviations, per language (lowercase); a name may repeat.
        let full: [[String]] = [
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
            ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
            ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
            ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
            // Russian: genitive (8 июля), then nominative.
            ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
            ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"],
            // Abbreviations.
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"],
            ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
            ["jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sept", "okt", "nov", "dez"],
            ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
            ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
            ["янв", "февр", "мар", "апр", "мая", "июн", "июл", "авг", "сент", "окт", "нояб", "дек"],
        ]
        var d: [String: Int] = [:]
        for names in full {
            for (k, name) in names.enumerated() where d[name] == nil { d[name] = k + 1 }
        }
        d["sept"] = 9
        d["fév"] = 2
        d["fevr"] = 2
        d["sep"] = 9
        d["фев"] = 2
        d["сен"] = 9
        d["ноя"] = 11
        return d
    }()

    static let weekdays: Set<String> = {
        let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        let others = [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
            "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
            "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "sonnabend",
            "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
            "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
            "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
            "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        ]
        return Set(names + names.map { String($0.prefix(3)) } + others)
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

        /// ASCII letters and every byte of a non-ASCII scalar (month names in other scripts).
        static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x80 }

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

        /// Consumes a run of letters (with inner hyphens: `segunda-feira`), returned in lowercase.
        mutating func letters() -> String? {
            let start = i
            while isLetter || (i > start && i + 1 < end && p[i] == 0x2D && Self.isLetter(p[i + 1])) { i += 1 }
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
