import Testing
@testable import SluiceText

@Suite struct CountersTests {
    @Test func addMergeAndSort() {
        var a = Counters()
        a.add("b", 2); a.add("a"); a.add("zero", 0)
        var b = Counters()
        b.add("b", 3)
        a.merge(b)
        #expect(a["b"] == 5)
        #expect(a["zero"] == 0)
        #expect(a.sorted.map(\.name) == ["a", "b"])
    }
}
