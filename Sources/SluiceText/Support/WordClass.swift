/// Byte-level character classes shared by the text algorithms, with an ASCII fast path.
public enum WordClass {
    /// Whether `b` is an ASCII letter, digit or underscore.
    @inline(__always)
    public static func isASCIIWord(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }

    /// Classifies the scalar starting at `i`: whether it is a word character (letter, mark,
    /// digit, underscore), whether it is a letter, and its length in bytes.
    @inline(__always)
    public static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (isWord: Bool, isLetter: Bool, length: Int) {
        let b = bytes[i]
        if b < 0x80 {
            let word = isASCIIWord(b)
            return (word, word && b > 0x39 && b != 0x5F, 1)
        }
        let (scalar, len) = decodeScalar(bytes, i)
        guard let scalar else { return (false, false, len) }
        let (word, letter) = classify(scalar)
        return (word, letter, len)
    }

    /// Whether the scalar ending just before byte `i` is a word character (false at the start).
    @inline(__always)
    public static func isWord(before i: Int, in p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i > 0 else { return false }
        let b = p[i - 1]
        if b < 0x80 { return isASCIIWord(b) }
        var s = i - 1
        while s > 0 && p[s] & 0xC0 == 0x80 { s -= 1 }
        return classify(p, s).isWord
    }

    /// Whether `scalar` is a word character (letter, mark, digit, underscore) and whether it
    /// is a letter. Scalars of the Basic Multilingual Plane are looked up in a table built
    /// once from the same properties; others query the properties.
    @inline(__always)
    static func classify(_ scalar: Unicode.Scalar) -> (isWord: Bool, isLetter: Bool) {
        let v = scalar.value
        if v < 0x10000 {
            let bits = bmpTable[Int(v)]
            return (bits & 1 != 0, bits & 2 != 0)
        }
        return classifyByProperties(scalar)
    }

    /// Bit 0: word character, bit 1: letter, for every scalar below U+10000 (surrogate code
    /// points: neither). About 65k property look-ups once, instead of one per scalar.
    nonisolated(unsafe) static let bmpTable: UnsafePointer<UInt8> = {
        let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x10000)
        for v in 0..<0x10000 {
            var bits: UInt8 = 0
            if let s = Unicode.Scalar(UInt32(v)) {
                let (word, letter) = classifyByProperties(s)
                bits = (word ? 1 : 0) | (letter ? 2 : 0)
            }
            t[v] = bits
        }
        return UnsafePointer(t)
    }()

    static func classifyByProperties(_ scalar: Unicode.Scalar) -> (isWord: Bool, isLetter: Bool) {
        let p = scalar.properties
        let letter = p.isAlphabetic
        let word = letter || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark || p.generalCategory == .enclosingMark
            || p.generalCategory == .connectorPunctuation
        return (word, letter)
    }

    /// Decodes one scalar at `i` (valid UTF-8 assumed; a stray byte yields nil and length 1).
    @inline(__always)
    public static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar?, Int) {
        let b = bytes[i]
        let len: Int
        var v: UInt32
        switch b {
        case 0x00..<0x80: return (Unicode.Scalar(b), 1)
        case 0xC0..<0xE0: len = 2; v = UInt32(b & 0x1F)
        case 0xE0..<0xF0: len = 3; v = UInt32(b & 0x0F)
        case 0xF0..<0xF8: len = 4; v = UInt32(b & 0x07)
        default: return (nil, 1)
        }
        guard i + len <= bytes.count else { return (nil, 1) }
        for k in 1..<len { v = (v << 6) | UInt32(bytes[i + k] & 0x3F) }
        return (Unicode.Scalar(v), len)
    }
}
