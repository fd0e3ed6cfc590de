/// The letters beyond ASCII that each language's alphabet uses (lowercase), from the languages'
/// standard orthographies. The single-byte re-ranking asks whether one language accounts for
/// every letter a decoding gives: a wrong code page yields letters no single language has.
enum LetterAlphabets {
    static let languages: [(code: String, letters: String)] = [
        // Western and Northern European
        ("de", "äöüß"), ("fr", "àâæçéèêëîïôœùûüÿ"), ("es", "áéíñóúü"), ("pt", "áâãàçéêíóôõú"),
        ("it", "àèéìíîòóùú"), ("ca", "àçéèíïòóúü"), ("nl", "áéèëïóöü"), ("no", "æøåéèóôà"),
        ("sv", "åäöé"), ("fi", "äöåšž"), ("is", "áðéíóúýþæö"), ("et", "õäöüšž"), ("ga", "áéíóú"),
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
    ]

    /// Bit `i` set when `languages[i]` has the (lowercase) letter `scalar`.
    static func mask(of scalar: Unicode.Scalar) -> UInt64 {
        var m: UInt64 = 0
        for (i, lang) in languages.enumerated() where lang.letters.unicodeScalars.contains(scalar) {
            m |= 1 << UInt64(i)
        }
        return m
    }
}
