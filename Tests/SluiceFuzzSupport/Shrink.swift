/// Shrinks a failing input to a small one that still fails, so a property failure names an
/// input a person can read: removes stretches of scalars (halves, quarters, … single ones)
/// as long as `fails` still holds.
public enum Shrink {
    public static func minimize(_ input: String, maxSteps: Int = 20_000, _ fails: (String) -> Bool) -> String {
        string(minimize(Array(input.unicodeScalars), maxSteps: maxSteps) { fails(string($0)) })
    }

    /// The same for bytes (inputs that need not be UTF-8).
    public static func minimize(bytes input: [UInt8], maxSteps: Int = 20_000, _ fails: ([UInt8]) -> Bool) -> [UInt8] {
        minimize(input, maxSteps: maxSteps, fails)
    }

    /// Removes stretches of `input` while `fails` still holds: one shrinking loop for scalars and bytes.
    static func minimize<E>(_ input: [E], maxSteps: Int, _ fails: ([E]) -> Bool) -> [E] {
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
