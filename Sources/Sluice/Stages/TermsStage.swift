import SluiceText

/// The terms stage: term lists (gazetteers) matched with `TermMatcher`; the tag of every
/// list with a match goes to `tags`, and the number of matches per tag to `attributes.terms`
/// (`{"climate": 3, "elections": 1}`, in list order).
public struct TermsStage: Stage {
    /// The matcher of every list.
    public let matcher: TermMatcher
    /// Where the lists came from, for the fingerprint (a hash of their content).
    public let source: String
    private let contentHash: UInt64

    /// A terms stage tagging records with each list's tag when its terms occur.
    public init(lists: [(tag: String, terms: [String])], options: TermMatcher.Options = .init(), source: String = "inline") {
        matcher = TermMatcher(lists: lists, options: options)
        self.source = source
        var h = FNV1a()
        for (tag, terms) in lists {
            for s in [tag] + terms {
                h.add(s.utf8)
                h.add(byte: 0x0A)
            }
            h.add(byte: 0x1E)
        }
        contentHash = h.value
    }

    /// The stage's name in pipeline files and stats.
    public var name: String { "terms" }
    /// The stage's version and options, part of the run fingerprint.
    public var fingerprint: String {
        let o = matcher.options
        let hex = String(contentHash, radix: 16)
        return "terms/1 source=\(source) lists=\(hex) case_insensitive=\(o.caseInsensitive) diacritic_insensitive=\(o.diacriticInsensitive)"
    }

    /// Runs the stage over `batch`, counting into `stats`.
    public func process(_ batch: inout Batch, stats: inout StageStats) {
        let tagCount = matcher.tags.count
        var perTag = [Int](repeating: 0, count: tagCount)
        let progress = StageProgress.current
        for i in batch.records.indices {
            progress?.at(record: i)
            stats.records += 1
            let found = matcher.matches(in: batch.records[i].text)
            guard !found.isEmpty else { continue }
            for k in perTag.indices { perTag[k] = 0 }
            for m in found { perTag[m.tag] += 1 }
            var members: [JSONValue.Member] = []
            var tags: [String] = []
            for (k, n) in perTag.enumerated() where n > 0 {
                members.append((key: matcher.tags[k], value: .int(n)))
                tags.append(matcher.tags[k])
                stats.counters.add(matcher.tags[k], n)
            }
            stats.changed += 1
            batch.records[i].addTags(tags)
            batch.records[i].setAttributes("terms", .object(members))
        }
    }
}

/// The terms stage, as written in a pipeline builder.
public typealias Terms = TermsStage
