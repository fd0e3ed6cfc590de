extension TextCleaner {
    /// Metadata lifted out of a text, and the part of the text that remains.
    struct Lifted {
        /// The bytes of the text that remain.
        var range: Range<Int>
        var tags: [String] = []
        var date: String? = nil
    }

    /// Lifts the trailing hashtag and timestamp lines, in any order, and the leading timestamp
    /// lines out of the first `count` bytes of `p`. All of them go, so that cleaning the result
    /// again lifts nothing more; the tags of several lines merge in text order, and the date is
    /// that of the last trailing timestamp line, else of the first leading one.
    func liftMetadata(_ p: UnsafeBufferPointer<UInt8>, count: Int, counters: inout Counters) -> Lifted {
        var lifted = Lifted(range: 0..<count)
        guard options.liftHashtags || options.liftTimestamp, count > 0 else { return lifted }
        var lo = 0, hi = count
        var tagLines: [[String]] = []
        while true {
            let last = Self.trimBlankEnd(p, lo, hi)
            guard last > lo else { break }
            let start = Self.lineStart(p, lo, last)
            if options.liftHashtags, let tags = HashtagLine.parse(p, start..<last) {
                tagLines.append(tags)
                counters.add(CleanCounter.hashtagLines)
                hi = start
            } else if options.liftTimestamp, let date = TimestampLine.parse(p, start..<last) {
                if lifted.date == nil { lifted.date = date }
                counters.add(CleanCounter.timestampLines)
                hi = start
            } else {
                break
            }
        }
        if tagLines.count == 1 {
            lifted.tags = tagLines[0]
        } else if tagLines.count > 1 {
            var seen = Set<String>()
            for line in tagLines.reversed() { for t in line where seen.insert(t).inserted { lifted.tags.append(t) } }
        }
        while options.liftTimestamp {
            let first = Self.trimBlankStart(p, lo, hi)
            // A timestamp line is short: look no further than 128 bytes for its end.
            let end = Self.lineEnd(p, first, min(hi, first + 128))
            guard end > first, end == hi || p[end] == 0x0A, let date = TimestampLine.parse(p, first..<end) else { break }
            if lifted.date == nil { lifted.date = date }
            counters.add(CleanCounter.timestampLines)
            lo = end
        }
        if lo == 0 && hi == count { return lifted }
        // Drop the blank lines the lifted lines leave behind.
        hi = Self.trimBlankEnd(p, lo, hi)
        lo = Self.trimBlankStart(p, lo, hi)
        lifted.range = lo..<hi
        return lifted
    }

    @inline(__always)
    static func isBlankByte(_ b: UInt8) -> Bool { b == 0x0A || b == 0x20 || b == 0x09 }

    /// `hi` moved back over newlines, spaces and tabs, not below `lo`.
    static func trimBlankEnd(_ p: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        var hi = hi
        while hi > lo && isBlankByte(p[hi - 1]) { hi -= 1 }
        return hi
    }

    /// `lo` moved forward over newlines, spaces and tabs, not past `hi`.
    static func trimBlankStart(_ p: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        var lo = lo
        while lo < hi && isBlankByte(p[lo]) { lo += 1 }
        return lo
    }

    /// The start of the line that ends at `hi`.
    static func lineStart(_ p: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        var j = hi
        while j > lo && p[j - 1] != 0x0A { j -= 1 }
        return j
    }

    /// The end of the line that starts at `lo`.
    static func lineEnd(_ p: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        var j = lo
        while j < hi && p[j] != 0x0A { j += 1 }
        return j
    }
}
