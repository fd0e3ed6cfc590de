/// HTML escaping for `sluice report`: every string that comes from the data (record text,
/// file names, reasons, tags, languages) goes through ``escape(_:)`` before it reaches the
/// page, so no record can add markup, end an attribute or open a script.
public enum HTML {
    /// `s` safe as element text and as a quoted attribute value: `& < > " '` become
    /// entities; U+0000 and other C0 controls but tab, CR and LF, which HTML does not allow
    /// as text, become U+FFFD.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
