import Testing
@testable import SluiceText

@Suite struct DedupKeyTests {
    /// The normalization spelled out scalar by scalar, as documented on ``DedupKey``.
    private func reference(_ text: String) -> UInt64 {
        var kept: [UInt8] = []
        for s in text.unicodeScalars {
            let v = s.value
            if v <= 0x20 || v == 0x7F || (0x80...0xA0).contains(v) || v == 0xAD
                || (0x200B...0x200D).contains(v) || v == 0x2060 || v == 0xFEFF { continue }
            if (0x41...0x5A).contains(v) { kept.append(UInt8(v) | 0x20); continue }
            kept.append(contentsOf: String(s).utf8)
        }
        return kept.withUnsafeBytes { DedupKey.mix($0) }
    }

    @Test func everyASCIIByteAtEveryOffsetOfTheEightByteBlocks() {
        // Each byte value at each position of an 8-byte block, between kept letters.
        for b in UInt8(0)..<0x80 {
            for pad in 0..<9 {
                let text = String(repeating: "Ab", count: pad) + String(UnicodeScalar(b)) + "xYz0123456789"
                #expect(DedupKey.hash(text) == reference(text), "byte \(b) after \(2 * pad) bytes")
            }
        }
    }

    @Test func mixedScriptsAndSkippedCharactersMatchTheReference() {
        let pieces = ["The ", "MAYOR", " said", "\n\n", "\t", "\u{7F}", "\u{1}", "é", "Ж", "中", "😀", "\u{A0}",
                      "\u{AD}", "\u{200B}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{85}", "¿", "Zz", "  ", "09", "@#"]
        for text in PieceTexts(pieces, count: 500, maxPieces: 40, seed: 0x1234_5678) {
            #expect(DedupKey.hash(text) == reference(text), "\(text.debugDescription)")
        }
    }
}
