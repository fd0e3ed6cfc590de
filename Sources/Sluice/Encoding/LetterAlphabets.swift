/// The letters beyond ASCII that each language's alphabet uses (lowercase), from the languages'
/// standard orthographies; after a `|` the letters it has only in loanwords and names (š and ž
/// in Finnish and Estonian). The single-byte re-ranking asks whether one language accounts for
/// every letter a decoding gives: a wrong code page yields letters no single language has.
enum LetterAlphabets {
    static let languages: [(code: String, letters: String)] = [
        // Western and Northern European
        ("de", "äöüß|éèàç"), ("fr", "àâæçéèêëîïôœùûüÿ"), ("es", "áéíñóúü"), ("pt", "áâãàçéêíóôõú"),
        ("it", "àèéìíîòóùú"), ("ca", "àçéèíïòóúü"), ("nl", "éëïö|áèóüç"), ("no", "æøå|éèóôàü"),
        ("sv", "åäö|éü"), ("fi", "äöå|šžé"), ("is", "áðéíóúýþæö"), ("et", "õäöü|šž"), ("ga", "áéíóú"),
        ("mt", "ċġħżàèìòù"), ("sq", "çë"),
        // Central and Eastern European
        ("pl", "ąćęłńóśźż"), ("cs", "áčďéěíňóřšťúůýž"), ("sk", "áäčďéíĺľňóôŕšťúýž"),
        ("hu", "áéíóöőúüű"), ("sl", "čšžćđ"), ("hr", "čćđšž"), ("ro", "ăâîșțşţ"),
        // Turkish, Baltic
        ("tr", "çğıöşüâîû"), ("lt", "ąčęėįšųūž"), ("lv", "āčēģīķļņšūž"),
        // Cyrillic
        ("ru", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"), ("uk", "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"),
        ("be", "абвгдеёжзійклмнопрстуўфхцчшыьэюя"), ("bg", "абвгдежзийклмнопрстуфхцчшщъьюя"),
        ("sr", "абвгдђежзијклљмнњопрстћуфхцчџш"), ("mk", "абвгдѓежзѕијклљмнњопрстќуфхцчџш"),
        // Greek
        ("el", "αβγδεζηθικλμνξοπρστυφχψωςάέήίόύώϊϋΐΰ"),
        // Hebrew, Arabic (with the Persian and Urdu letters cp1256 has)
        ("he", "אבגדהוזחטיךכלםמןנסעףפץצקרשת"),
        ("ar", "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيپچژگکیھۀےٹڈڑںہ"),
    ]

    /// Bit `i` set when `languages[i]` has the (lowercase) letter `scalar`: in `core` among its
    /// own letters, in `loan` among those of loanwords only.
    static func masks(of scalar: Unicode.Scalar) -> (core: UInt64, loan: UInt64) {
        var core: UInt64 = 0, loan: UInt64 = 0
        for (i, lang) in languages.enumerated() {
            let parts = lang.letters.split(separator: "|", omittingEmptySubsequences: false)
            if parts[0].unicodeScalars.contains(scalar) {
                core |= 1 << UInt64(i)
            } else if parts.count > 1 && parts[1].unicodeScalars.contains(scalar) {
                loan |= 1 << UInt64(i)
            }
        }
        return (core, loan)
    }
}
