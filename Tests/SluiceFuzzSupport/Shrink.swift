/// Shrinks a failing input to a small one that still fails, so a property failure names an
/// input a person can read: removes stretches of scalars (halves, quarters, … single ones)
/// as long as `fails` still holds.
public enum Shrink {
    public static func minimize(_ input: String, maxSteps: Int = 20_000, _ fails: (String) -> Bool) -> String {
        var s = Array(input.unicodeScalars)
        var steps = 0
        var chunk = max(1, s.count / 2)
        while chunk >= 1 && steps < maxSteps {
            var removed = false
            var i = 0
            while i < s.count && steps < maxSteps {
                var t = s
                t.removeSubrange(i..<min(s.count, i + chunk))
                steps += 1
                if fails(string(t)) { s = t; removed = true } else { i += chunk }
            }
            if !removed { chunk /= 2 }
        }
        return string(s)
    }

    /// The same for bytes (inputs that need not be UTF-8).
    public static func minimize(bytes input: [UInt8], maxSteps: Int = 20_000, _ fails: ([UInt8]) -> Bool) -> [UInt8] {
        var s = input
        var steps = 0
        var chunk = max(1, s.count / 2)
        while chunk >= 1 && steps < maxSteps {
            var removed = false
            var i = 0
            while i < s.count && steps < maxSteps {
                var t = s
                t.removeSubrange(i..<min(s.count, i + chunk))
                steps += 1
                if fails(t) { s = t; removed = true } else { i += chunk }
            }
            if !removed { chunk /= 2 }
        }
        return s
    }

    static func string(_ scalars: [Unicode.Scalar]) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars)
        return String(v)
    }
}
