import Testing
@testable import Sluice

@Suite struct ZstdFormatTests {
    @Test func hasMagicAcceptsDataAndSkippableFrames() {
        #expect(ZstdFormat.hasMagic([0x28, 0xB5, 0x2F, 0xFD]))
        #expect(ZstdFormat.hasMagic([0x50, 0x2A, 0x4D, 0x18]))
        #expect(ZstdFormat.hasMagic([0x5F, 0x2A, 0x4D, 0x18, 0]))
        #expect(!ZstdFormat.hasMagic([0x60, 0x2A, 0x4D, 0x18]))
        #expect(!ZstdFormat.hasMagic([0x28, 0xB5, 0x2F]))
        #expect(!ZstdFormat.hasMagic(Array("{\"id\"".utf8)))
    }
}
