/// Personal data in text: e-mail addresses, phone numbers and IP addresses, as found by
/// ``PatternScanner``, counted or replaced by placeholders (`<EMAIL>`, `<PHONE>`, `<IP>`).
public enum PIIMasker {
    /// The kinds of personal data, with their count names and placeholders.
    public enum Kind: String, CaseIterable, Sendable {
        /// E-mail addresses, phone numbers, IPv4 and IPv6 addresses.
        case email, phone, ip

        /// The kind's name in counts: `emails`, `phones`, `ips`.
        public var countName: String {
            switch self {
            case .email: "emails"
            case .phone: "phones"
            case .ip: "ips"
            }
        }

        /// What replaces it in masked text: `<EMAIL>`, `<PHONE>`, `<IP>`.
        public var placeholder: String {
            switch self {
            case .email: "<EMAIL>"
            case .phone: "<PHONE>"
            case .ip: "<IP>"
            }
        }

        init?(_ k: PatternKind) {
            switch k {
            case .email: self = .email
            case .phone: self = .phone
            case .ipv4, .ipv6: self = .ip
            default: return nil
            }
        }
    }

    /// Non-zero PII counts (`emails`, `phones`, `ips`) from pattern counts (``PatternScanner/counts(_:)``).
    public static func counts(_ c: [Int]) -> [(name: String, count: Int)] {
        var out: [(name: String, count: Int)] = []
        for k in Kind.allCases {
            let n = count(c, k.countName)
            if n > 0 { out.append((k.countName, n)) }
        }
        return out
    }

    static func count(_ c: [Int], _ name: String) -> Int {
        switch name {
        case "emails": c[Int(PatternKind.email.rawValue)]
        case "phones": c[Int(PatternKind.phone.rawValue)]
        case "ips": c[Int(PatternKind.ipv4.rawValue)] + c[Int(PatternKind.ipv6.rawValue)]
        default: 0
        }
    }

    /// `text` with the PII of `kinds` replaced by placeholders, and counts per kind (in `Kind` order, non-zero only).
    public static func mask(_ text: String, kinds: Set<Kind> = Set(Kind.allCases)) -> (text: String, counts: [(name: String, count: Int)]) {
        let matches = PatternScanner.scan(text).filter { Kind($0.kind).map(kinds.contains) ?? false }
        guard !matches.isEmpty else { return (text, []) }
        var tally: [Kind: Int] = [:]
        var out: [UInt8] = []
        var copy = text
        copy.withUTF8 { p in
            out.reserveCapacity(p.count)
            var last = 0
            for m in matches {
                let k = Kind(m.kind)!
                tally[k, default: 0] += 1
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[last..<m.start]))
                out.append(contentsOf: k.placeholder.utf8)
                last = m.end
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[last..<p.count]))
        }
        let counts = Kind.allCases.compactMap { k in tally[k].map { (name: k.countName, count: $0) } }
        return (String(decoding: out, as: UTF8.self), counts)
    }
}
