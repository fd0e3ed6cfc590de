import Foundation

/// NFC / NFKC normalization: a fast check first, Foundation only for text that fails it.
enum UnicodeNormalizer {
    /// Whether `s` is certainly in NFC (the standard library's quick check).
    static func isKnownNFC(_ s: String) -> Bool {
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            var span = s.utf8Span
            return span.checkForNFC(quickCheck: true)
        }
        return false
    }

    /// `s` in the normalization form `form`, or `nil` when it already is in it.
    /// `s` must hold a non-ASCII byte (ASCII text is in every form).
    static func normalize(_ s: String, _ form: TextCleaner.Normalization) -> String? {
        switch form {
        case .none:
            return nil
        case .nfc:
            if isKnownNFC(s) { return nil }
            let n = s.precomposedStringWithCanonicalMapping
            return n.utf8.elementsEqual(s.utf8) ? nil : n
        case .nfkc:
            // No quick check for NFKC: compatibility characters pass the NFC check.
            let n = s.precomposedStringWithCompatibilityMapping
            return n.utf8.elementsEqual(s.utf8) ? nil : n
        }
    }
}
