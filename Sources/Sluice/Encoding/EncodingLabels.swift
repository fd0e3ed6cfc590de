/// Encoding labels as browsers read them (WHATWG Encoding Standard, "Encodings" label table),
/// mapped to the iconv name that decodes them: legacy labels go to the wider Windows/IANA
/// superset browsers use (shift_jis → CP932, euc-kr → CP949, iso-8859-1 → windows-1252,
/// gb2312 → GB18030, tis-620 → CP874, iso-8859-9 → windows-1254). A few names uchardet
/// answers with, and iconv-only names, are added.
enum EncodingLabels {
    struct Entry: Sendable {
        let iconv: String
        let label: String
    }

    /// The entry for `name` (any case, surrounding whitespace ignored), or nil.
    static func lookup(_ name: String) -> Entry? {
        table[name.trimmingASCIIWhitespace().lowercased()]
    }

    /// True for the UTF-16/32 entries: a declaration naming them without a BOM means UTF-8.
    static func isWideUnicode(_ entry: Entry) -> Bool {
        entry.label.hasPrefix("utf-16") || entry.label.hasPrefix("utf-32")
    }

    private static let groups: [(iconv: String, label: String, names: String)] = [
        ("UTF-8", "utf-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"),
        ("CP866", "ibm866", "866 cp866 csibm866 ibm866"),
        ("ISO-8859-2", "iso-8859-2", "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2"),
        ("ISO-8859-3", "iso-8859-3", "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3"),
        ("ISO-8859-4", "iso-8859-4", "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4"),
        ("ISO-8859-5", "iso-8859-5", "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988"),
        ("ISO-8859-6", "iso-8859-6", "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987"),
        ("ISO-8859-7", "iso-8859-7", "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek"),
        ("ISO-8859-8", "iso-8859-8", "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i logical"),
        ("ISO-8859-10", "iso-8859-10", "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"),
        ("ISO-8859-13", "iso-8859-13", "iso-8859-13 iso8859-13 iso885913"),
        ("ISO-8859-14", "iso-8859-14", "iso-8859-14 iso8859-14 iso885914"),
        ("ISO-8859-15", "iso-8859-15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"),
        ("ISO-8859-16", "iso-8859-16", "iso-8859-16 iso8859-16 iso885916"),
        ("KOI8-R", "koi8-r", "cskoi8r koi koi8 koi8-r koi8_r"),
        ("KOI8-U", "koi8-u", "koi8-ru koi8-u"),
        ("MACINTOSH", "macintosh", "csmacintosh mac macintosh x-mac-roman"),
        ("CP874", "windows-874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874 cp874"),
        ("WINDOWS-1250", "windows-1250", "cp1250 windows-1250 x-cp1250"),
        ("WINDOWS-1251", "windows-1251", "cp1251 windows-1251 x-cp1251"),
        ("WINDOWS-1252", "windows-1252", "ansi_x3.4-1968 ascii us-ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 windows-1252 x-cp1252"),
        ("WINDOWS-1253", "windows-1253", "cp1253 windows-1253 x-cp1253"),
        ("WINDOWS-1254", "windows-1254", "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254"),
        ("WINDOWS-1255", "windows-1255", "cp1255 windows-1255 x-cp1255"),
        ("WINDOWS-1256", "windows-1256", "cp1256 windows-1256 x-cp1256"),
        ("WINDOWS-1257", "windows-1257", "cp1257 windows-1257 x-cp1257"),
        ("WINDOWS-1258", "windows-1258", "cp1258 windows-1258 x-cp1258"),
        ("MAC-CYRILLIC", "x-mac-cyrillic", "x-mac-cyrillic x-mac-ukrainian mac-cyrillic maccyrillic"),
        ("GB18030", "gb18030", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk gb18030 cp936 euc-cn hz-gb-2312"),
        ("BIG5-HKSCS", "big5", "big5 big5-hkscs cn-big5 csbig5 x-x-big5 cp950"),
        ("EUC-JP", "euc-jp", "cseucpkdfmtjapanese euc-jp x-euc-jp"),
        ("ISO-2022-JP", "iso-2022-jp", "csiso2022jp iso-2022-jp"),
        ("ISO-2022-JP-2", "iso-2022-jp-2", "iso-2022-jp-2"),
        ("ISO-2022-KR", "iso-2022-kr", "iso-2022-kr csiso2022kr"),
        ("ISO-2022-CN", "iso-2022-cn", "iso-2022-cn"),
        ("ISO-2022-CN-EXT", "iso-2022-cn-ext", "iso-2022-cn-ext"),
        ("CP932", "shift_jis", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis cp932"),
        ("CP949", "euc-kr", "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949 cp949 uhc"),
        ("EUC-TW", "euc-tw", "euc-tw"),
        ("UTF-16BE", "utf-16be", "unicodefffe utf-16be"),
        ("UTF-16LE", "utf-16le", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"),
        ("UTF-32BE", "utf-32be", "utf-32be"),
        ("UTF-32LE", "utf-32le", "utf-32 utf-32le"),
        // Names uchardet answers with that the web table lacks.
        ("CP852", "ibm852", "ibm852 cp852"),
        ("CP855", "ibm855", "ibm855 cp855"),
        ("MAC-CENTRALEUROPE", "x-mac-ce", "mac-centraleurope x-mac-ce"),
        ("VISCII", "viscii", "viscii"),
    ]

    private static let table: [String: Entry] = {
        var t: [String: Entry] = [:]
        for g in groups {
            for name in g.names.split(separator: " ") {
                t[String(name)] = Entry(iconv: g.iconv, label: g.label)
            }
        }
        return t
    }()
}
