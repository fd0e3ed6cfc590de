/// A field of the token being built: a range of the input until something is rewritten, then
/// a range at the end of the decoded buffer.
struct HTMLTokenField {
    var start = 0
    var end = 0
    var isDecoded = false

    var isEmpty: Bool { start == end }
    var span: HTMLSpan { HTMLSpan(start: start, end: end, isDecoded: isDecoded) }

    /// Appends input bytes `lo..<hi`: free while they continue the range.
    @inline(__always)
    mutating func take(_ lo: Int, _ hi: Int, _ s: UnsafeBufferPointer<UInt8>, _ scratch: inout [UInt8]) {
        guard lo < hi else { return }
        if !isDecoded {
            if start == end {
                start = lo
                end = hi
                return
            }
            if end == lo {
                end = hi
                return
            }
            materialize(s, &scratch)
        }
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: s[lo..<hi]))
        end = scratch.count
    }

    /// Moves the bytes so far to the end of the decoded buffer.
    mutating func materialize(_ s: UnsafeBufferPointer<UInt8>, _ scratch: inout [UInt8]) {
        guard !isDecoded else { return }
        let from = scratch.count
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: s[start..<end]))
        start = from
        end = scratch.count
        isDecoded = true
    }

    mutating func add(_ byte: UInt8, _ s: UnsafeBufferPointer<UInt8>, _ scratch: inout [UInt8]) {
        materialize(s, &scratch)
        scratch.append(byte)
        end = scratch.count
    }

    mutating func addFFFD(_ s: UnsafeBufferPointer<UInt8>, _ scratch: inout [UInt8]) {
        materialize(s, &scratch)
        scratch.append(0xEF); scratch.append(0xBF); scratch.append(0xBD)
        end = scratch.count
    }
}
