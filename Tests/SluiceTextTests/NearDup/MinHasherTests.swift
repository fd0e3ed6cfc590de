import Testing
@testable import SluiceText

@Suite struct MinHasherTests {
    static let words = (0..<400).map { "w\($0 * 7919 % 1000)" }

    static func compact(_ s: [UInt32]) -> [UInt8] { s.map { UInt8(truncatingIfNeeded: $0) } }

    static func similarity(_ x: [UInt32], _ y: [UInt32]) -> Double {
        let a = compact(x), b = compact(y)
        return a.withUnsafeBufferPointer { p in b.withUnsafeBufferPointer { q in
            MinHasher.similarity(p.baseAddress!, q.baseAddress!, count: a.count)
        } }
    }

    @Test func signaturesAreDeterministicAndSized() {
        let h = MinHasher()
        #expect(h.permutations == 120)
        let text = Self.words.joined(separator: " ")
        #expect(h.signature(text) == MinHasher().signature(text))
        #expect(h.signature(text).count == 120)
        #expect(Self.similarity(h.signature(text), h.signature(text)) == 1)
        // Differently written, same words: the same signature.
        #expect(h.signature(text.uppercased()) == h.signature(text))
        // The datatrove preset's shape.
        #expect(MinHasher(shingleWords: 5, bands: 14, rows: 8).permutations == 112)
    }

    @Test func estimateFollowsJaccard() {
        let h = MinHasher()
        let a = Self.words
        // Replacing every 10th word changes 5 of every 10 shingles' windows: J ≈ 1/3.
        var b = a
        for i in stride(from: 0, to: b.count, by: 10) { b[i] = "x\(i)" }
        // Cutting the last 40 of 400 words: J = 356/396 ≈ 0.90.
        let c = Array(a.prefix(360))
        let sa = h.signature(a.joined(separator: " "))
        let sb = h.signature(b.joined(separator: " "))
        let sc = h.signature(c.joined(separator: " "))
        let exactB = Self.jaccard(a, b), exactC = Self.jaccard(a, c)
        #expect(abs(exactC - 356.0 / 396.0) < 1e-9)
        #expect(abs(Self.similarity(sa, sc) - exactC) < 0.1)
        #expect(abs(Self.similarity(sa, sb) - exactB) < 0.1)
        #expect(Self.similarity(sa, h.signature("something else entirely with other words here")) < 0.05)
    }

    @Test func bandKeysMatchOnlyForEqualBands() {
        let h = MinHasher(bands: 4, rows: 2)
        var s: [UInt32] = [1, 2, 3, 4, 5, 6, 7, 8]
        var t = s
        t[7] = 9
        var ks = [UInt32](repeating: 0, count: 4), kt = ks
        s.withUnsafeBufferPointer { p in ks.withUnsafeMutableBufferPointer { h.bandKeys(p, into: $0) } }
        t.withUnsafeBufferPointer { p in kt.withUnsafeMutableBufferPointer { h.bandKeys(p, into: $0) } }
        #expect(ks[0] == kt[0] && ks[1] == kt[1] && ks[2] == kt[2])
        #expect(ks[3] != kt[3])
        // Equal rows in different bands give different keys.
        s = [1, 2, 1, 2, 1, 2, 1, 2]
        s.withUnsafeBufferPointer { p in ks.withUnsafeMutableBufferPointer { h.bandKeys(p, into: $0) } }
        #expect(Set(ks).count == 4)
    }

    static func jaccard(_ a: [String], _ b: [String]) -> Double {
        func shingles(_ w: [String]) -> Set<String> {
            Set((0...(w.count - 5)).map { w[$0..<($0 + 5)].joined(separator: " ") })
        }
        let x = shingles(a), y = shingles(b)
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }
}

@Suite struct ShingleSketchTests {
    @Test func similarityCountsBinsExactly() {
        // Eight bytes at a time must count as one at a time: bytes of every kind (0, equal,
        // different, 0x80 and 0x7F next to each other), lengths that leave a tail.
        var state: UInt32 = 99
        func next() -> UInt8 {
            state = state &* 1_103_515_245 &+ 12_345
            return [0, 0, 1, 0x7F, 0x80, 0xFF, UInt8(truncatingIfNeeded: state >> 20)][Int(state >> 28) % 7]
        }
        for count in [1, 7, 8, 9, 64, 1023, 1024] {
            for _ in 0..<20 {
                let x = (0..<count).map { _ in next() }
                var y = x
                for j in y.indices where next() < 0x40 { y[j] = next() }
                var equal = 0, used = 0
                for j in 0..<count {
                    used += (x[j] | y[j]) != 0 ? 1 : 0
                    equal += (x[j] == y[j] && x[j] != 0) ? 1 : 0
                }
                let m = used == 0 ? 0 : max(0, (Double(equal) / Double(used) - 1.0 / 255) / (1 - 1.0 / 255))
                #expect(ShingleSketch.similarity(x, y, count: count) == m)
            }
        }
    }

    static func sketch(_ text: String, bins: Int = 1024) -> [UInt8] {
        var copy = text
        var sig = [UInt32](repeating: 0, count: 120)
        var bin = [UInt32](repeating: 0, count: bins)
        copy.withUTF8 { b in
            sig.withUnsafeMutableBufferPointer { s in
                bin.withUnsafeMutableBufferPointer { k in _ = MinHasher().signature(utf8: b, into: s, sketch: k) }
            }
        }
        return bin.map(ShingleSketch.compact)
    }

    static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        a.withUnsafeBufferPointer { p in b.withUnsafeBufferPointer { q in ShingleSketch.similarity(p.baseAddress!, q.baseAddress!, count: a.count) } }
    }

    @Test func estimateIsCloseToExactJaccard() {
        let a = MinHasherTests.words
        let c = Array(a.prefix(360))
        var b = a
        for i in stride(from: 0, to: b.count, by: 40) { b[i] = "x\(i)" }
        let sa = Self.sketch(a.joined(separator: " "))
        #expect(Self.similarity(sa, sa) == 1)
        #expect(abs(Self.similarity(sa, Self.sketch(c.joined(separator: " "))) - MinHasherTests.jaccard(a, c)) < 0.03)
        #expect(abs(Self.similarity(sa, Self.sketch(b.joined(separator: " "))) - MinHasherTests.jaccard(a, b)) < 0.03)
        // 396 shingles in 1,024 bins: most bins hold one shingle or none.
        #expect(sa.filter { $0 != 0 }.count > 300)
        #expect(Self.similarity(Self.sketch(""), Self.sketch("")) == 0)
    }
}
