import SluiceText

/// `near_dedup`'s `line_dedup`: lines of at least `minChars` characters that occur in at least
/// `minDocuments` documents of the run (site footers, "All rights reserved") are removed.
///
/// Lines are compared normalized like exact dedup (`DedupKey`: spacing, ASCII case and
/// invisible characters do not matter) and counted once per document, over every input of the
/// run in the reading pass, so the same lines are removed for any `--jobs`, resume or shard
/// split that sees the same corpus.
public struct RepeatedLines: Sendable {
    /// Which lines count as repeated.
    public struct Options: Sendable, Equatable {
        /// Shortest line considered, in characters (Unicode scalars) after trimming.
        public var minChars = 30
        /// Documents a line must occur in to be removed.
        public var minDocuments = 10

        /// The defaults: lines of 30 characters or more, in 10 documents or more.
        public init() {}
    }

    /// Which lines count as repeated.
    public let options: Options
    private var repeated: Set<UInt64> = []

    /// Lines found repeated.
    public var count: Int { repeated.count }

    /// Counts `keys` (each document's distinct line keys, ``keys(of:minChars:)``) and keeps those
    /// in at least `minDocuments` documents.
    init(options: Options, keys: [UInt64]) {
        var sorted = keys
        sorted.sort()
        var i = 0
        self.init(options: options) { () -> UInt64? in
            defer { i += 1 }
            return i < sorted.count ? sorted[i] : nil
        }
    }

    /// Counts keys given in ascending order by `next` (nil at the end), as
    /// ``init(options:keys:)`` does; for keys merged from sorted runs on disk.
    init<E: Error>(options: Options, sortedKeys next: () throws(E) -> UInt64?) throws(E) {
        self.options = options
        var current: UInt64?
        var run = 0
        while true {
            let k = try next()
            if k != current || k == nil {
                if let current, run >= options.minDocuments { repeated.insert(current) }
                current = k
                run = 0
            }
            guard k != nil else { break }
            run += 1
        }
    }

    /// The distinct keys of the lines of `text` long enough to count, appended to `out`.
    static func keys(of text: String, minChars: Int, into out: inout [UInt64]) {
        var copy = text
        let start = out.count
        copy.withUTF8 { b in
            forEachLine(b) { line in
                if scalars(line) >= minChars { out.append(DedupKey.hash(utf8: line)) }
            }
        }
        // Once per document: a footer repeated inside one document still counts one.
        if out.count - start > 1 {
            let distinct = Set(out[start...])
            out.removeSubrange(start...)
            out.append(contentsOf: distinct.sorted())
        }
    }

    /// `text` without its repeated lines, and how many were removed (0: `text` unchanged).
    public func strip(_ text: String) -> (text: String, removed: Int) {
        guard !repeated.isEmpty else { return (text, 0) }
        var copy = text
        var kept: [UInt8] = []
        var removed = 0
        copy.withUTF8 { b in
            var first = true
            Self.forEachLine(b) { line in
                if Self.scalars(line) >= options.minChars && repeated.contains(DedupKey.hash(utf8: line)) {
                    removed += 1
                    return
                }
                if !first { kept.append(0x0A) }
                first = false
                kept.append(contentsOf: line)
            }
        }
        return removed == 0 ? (text, 0) : (String(decoding: kept, as: UTF8.self), removed)
    }

    /// Calls `body` with each line of `b` (without its `\n`; a `\r` before it stays).
    static func forEachLine(_ b: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0
        var i = 0
        while i <= b.count {
            if i == b.count || b[i] == 0x0A {
                body(UnsafeBufferPointer(rebasing: b[start..<i]))
                start = i + 1
            }
            i += 1
        }
    }

    /// Unicode scalars of a line, spaces and tabs at its ends not counted.
    static func scalars(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var lo = 0
        var hi = line.count
        while lo < hi && (line[lo] == 0x20 || line[lo] == 0x09) { lo += 1 }
        while hi > lo && (line[hi - 1] == 0x20 || line[hi - 1] == 0x09 || line[hi - 1] == 0x0D) { hi -= 1 }
        var n = 0
        for j in lo..<hi where line[j] & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
