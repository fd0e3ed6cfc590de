/// A fixed-size bit stack recording, per nesting level, whether the open
/// container is an object or an array.
///
/// Lives entirely inline (no heap) so validating a nested value allocates
/// nothing; 8 words cover the 512-level depth limit.
struct JSONContainerStack {
    /// Maximum nesting depth that JSON input may reach (the whole document counts).
    static let maxDepth = 512

    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
    private var w4: UInt64 = 0, w5: UInt64 = 0, w6: UInt64 = 0, w7: UInt64 = 0
    /// Number of open containers.
    private(set) var depth = 0

    @inline(__always)
    private func word(_ index: Int) -> UInt64 {
        switch index {
        case 0: w0
        case 1: w1
        case 2: w2
        case 3: w3
        case 4: w4
        case 5: w5
        case 6: w6
        default: w7
        }
    }

    @inline(__always)
    private mutating func setWord(_ index: Int, _ value: UInt64) {
        switch index {
        case 0: w0 = value
        case 1: w1 = value
        case 2: w2 = value
        case 3: w3 = value
        case 4: w4 = value
        case 5: w5 = value
        case 6: w6 = value
        default: w7 = value
        }
    }

    /// Pushes a container; the caller must have checked `depth < 512`.
    @inline(__always)
    mutating func push(isObject: Bool) {
        let index = depth >> 6, bit = UInt64(1) << UInt64(depth & 63)
        let w = word(index)
        setWord(index, isObject ? w | bit : w & ~bit)
        depth += 1
    }

    @inline(__always)
    mutating func pop() { depth -= 1 }

    /// Whether the innermost open container is an object.
    @inline(__always)
    var topIsObject: Bool {
        let d = depth - 1
        return word(d >> 6) & (UInt64(1) << UInt64(d & 63)) != 0
    }
}
