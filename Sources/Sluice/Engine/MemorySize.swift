/// Parses `--memory` sizes: a number of bytes, or with a suffix K, M, G or T (powers of 1024,
/// an optional trailing `B` or `iB`); at least 1 MiB.
public enum MemorySize {
    /// The bytes `text` names, or nil when it is not a size or is below 1 MiB.
    public static func parse(_ text: String) -> Int? {
        var s = Substring(text.uppercased())
        if s.hasSuffix("IB") { s = s.dropLast(2) } else if s.hasSuffix("B") { s = s.dropLast() }
        var shift = 0
        switch s.last {
        case "K": shift = 10
        case "M": shift = 20
        case "G": shift = 30
        case "T": shift = 40
        default: break
        }
        if shift > 0 { s = s.dropLast() }
        guard let n = Double(s), n.isFinite, n > 0 else { return nil }
        let bytes = n * Double(1 << shift)
        guard bytes >= Double(1 << 20), bytes < 9e18 else { return nil }
        return Int(bytes)
    }
}
