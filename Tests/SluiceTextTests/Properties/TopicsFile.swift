import Foundation

/// Reads a term-list YAML file of the shape of Pipelines/topics.yaml (`tag: [term, term, …]`,
/// lists over several lines, `#` comments) without a YAML library, which SluiceText's tests
/// do not have.
enum TopicsFile {
    static func lists(_ path: String) -> [(tag: String, terms: [String])] {
        guard let data = FileManager.default.contents(atPath: path) else { fatalError("\(path) missing") }
        let text = String(decoding: data, as: UTF8.self).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }.joined(separator: " ")
        var out: [(tag: String, terms: [String])] = []
        for chunk in text.split(separator: "]") {
            let parts = chunk.split(separator: "[", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let tag = parts[0].trimmingCharacters(in: .whitespaces).dropLast()  // the ':'
            let terms = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            out.append((String(tag), terms))
        }
        return out
    }
}
