import Testing
@testable import SluiceText

@Suite struct SplitScannerTests {
    /// The eight-byte test agrees with the byte table for every ASCII byte in every lane.
    @Test func specialLanesAreTheBytesThatAreNotPlain() {
        for b in UInt8(0)..<0x80 {
            for lane in 0..<8 {
                // The other lanes hold a plain letter.
                var w: UInt64 = 0x6161_6161_6161_6161
                w &= ~(UInt64(0xFF) << UInt64(8 * lane))
                w |= UInt64(b) << UInt64(8 * lane)
                let expected: UInt64 = SplitScanner.isPlain(b) ? 0 : 0x80 << UInt64(8 * lane)
                #expect(SplitScanner.specialASCII(w) == expected, "byte \(b) in lane \(lane)")
            }
        }
    }
}
