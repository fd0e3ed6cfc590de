import Foundation

/// Real texts from the repository's fixtures and sample data, for mutation by ``FuzzText``:
/// the split cases, the mojibake cases, the sample article and the end-to-end inputs.
public enum FuzzSeeds {
    /// The package root: this file is `<root>/Tests/SluiceFuzzSupport/FuzzSeeds.swift`.
    public static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// Texts of the fixture files; loaded once.
    public static let texts: [String] = {
        var out: [String] = []
        let jsonl = [
            ("Tests/SluiceTextTests/Fixtures/split_cases.jsonl", ["text"]),
            ("Tests/SluiceTextTests/Fixtures/mojibake_cases.jsonl", ["input", "expected"]),
            ("Tests/SluiceTests/Fixtures/e2e/in/a.jsonl", ["text", "content", "body"]),
            ("Tests/SluiceTests/Fixtures/zstd/payload.jsonl", ["text"]),
        ]
        for (path, fields) in jsonl {
            for line in lines(path) {
                guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
                for f in fields { if let t = o[f] as? String { out.append(t) } }
            }
        }
        for path in ["data/sample/000_6e00d44780554c9a.txt", "Tests/SluiceTests/Fixtures/e2e/in/sub/c.txt"] {
            if let t = read(path) { out.append(t) }
        }
        precondition(out.count > 500, "fixture texts missing under \(root)")
        return out
    }()

    /// Raw lines of the JSONL fixtures, bad ones included, for the decoder.
    public static let jsonLines: [String] = {
        ["Tests/SluiceTests/Fixtures/e2e/in/a.jsonl", "Tests/SluiceTests/Fixtures/e2e/in/bad.jsonl",
         "Tests/SluiceTests/Fixtures/zstd/payload.jsonl"].flatMap(lines)
    }()

    static func read(_ path: String) -> String? {
        guard let d = FileManager.default.contents(atPath: root + "/" + path) else { return nil }
        return String(decoding: d, as: UTF8.self)
    }

    static func lines(_ path: String) -> [String] {
        (read(path) ?? "").split(separator: "\n").map(String.init)
    }
}
