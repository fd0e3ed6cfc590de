#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SluiceText

extension NearDedupIndex {
    /// Decides over signatures spilled to disk (memory mode), with the same result as deciding
    /// over them in memory. Band keys go through sorted runs (``SortedRuns``) within
    /// `memory` bytes; sketches are read from disk for the candidate pairs only. Memory held per
    /// document: 4 bytes while deciding, then 12 per dropped document and the kept ids they
    /// name. Also returns the repeated lines when `lineDedup` is set.
    /// `runCapacity` overrides the values per sorted run that `memory` allows (tests).
    static func decide(_ spill: NearDedupSpill, threshold: Double, memory: Int, lineDedup: RepeatedLines.Options?,
                       runCapacity: Int? = nil) throws(WriteError) -> (NearDedupIndex, RepeatedLines?) {
        let files = spill.counts.keys.sorted()
        var bases: [Int] = []
        var n = 0
        for f in files { bases.append(n); n += spill.counts[f]! }
        // Documents are numbered in 31 bits (Int32 roots, 32-bit halves of band entries).
        if n > Int(Int32.max) {
            throw WriteError(path: spill.directory, errno: EOVERFLOW,
                             action: "decide near duplicates of \(n) documents (at most \(Int32.max) in one run; split the corpus into several runs) in")
        }
        let bands = spill.bands
        // Band keys of all bands, and line keys, share half the budget.
        let capacity = runCapacity ?? max(4096, memory / 2 / 8 / (bands + 1))
        var runs = (0..<bands).map { SortedRuns(prefix: "\(spill.directory)/band\($0)", capacity: capacity) }
        var lineRuns = SortedRuns(prefix: "\(spill.directory)/lines", capacity: capacity)
        var id: [UInt8] = []
        try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: bands) { (keys) throws(WriteError) in
            var g: UInt64 = 0
            for f in files {
                let docs = try NearDedupSpill.DocsReader(spill, file: f)
                while try docs.next(keys: keys, id: &id) != nil {
                    for b in 0..<bands { try runs[b].append(UInt64(keys[b]) << 32 | g) }
                    g += 1
                }
                if lineDedup != nil {
                    let lines = try SpillReader(path: spill.linesPath(f))
                    while let k = try lines.next(UInt64.self) { try lineRuns.append(k) }
                }
            }
        }
        var lines: RepeatedLines?
        if let lineDedup {
            var merge = try lineRuns.merged()
            lines = try RepeatedLines(options: lineDedup, sortedKeys: { () throws(WriteError) in try merge.next() })
        }
        var index = NearDedupIndex()
        guard n > 1 else { return (index, lines) }

        var matcher = NearDedupMatcher(count: n)
        let sketches = SketchFiles(spill, files: files, bases: bases)
        for b in 0..<bands {
            var merge = try runs[b].merged()
            matcher.startBand()
            while let e = try merge.next() {
                try matcher.enter(e) { (x, y) throws(WriteError) in try sketches.similarity(x, y) >= threshold }
            }
        }
        index.candidates = matcher.candidates
        matcher.resolveRoots()
        // Kept documents that others repeat, whose ids the index keeps.
        var named = [UInt64](repeating: 0, count: (n + 63) / 64)
        for r in matcher.match where r >= 0 { named[Int(r) >> 6] |= 1 << (UInt64(r) & 63) }
        var slots: [Int32: Int32] = [:]
        try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: bands) { (keys) throws(WriteError) in
            var g = 0
            for f in files {
                let docs = try NearDedupSpill.DocsReader(spill, file: f)
                while let position = try docs.next(keys: keys, id: &id) {
                    let root = matcher.match[g]
                    if root >= 0 {
                        index.drop(position: position, root: root, slots: slots)
                    } else if named[g >> 6] & (1 << (UInt64(g) & 63)) != 0 {
                        index.keep(Int32(g), id: id, slots: &slots)
                    }
                    g += 1
                }
            }
        }
        index.finish()
        return (index, lines)
    }

    /// Reads documents' sketches from the spilled `.sketch` files, keeping the last few read:
    /// a bucket compares each member with its first and previous member.
    private final class SketchFiles {
        private let spill: NearDedupSpill
        private let files: [Int]
        private let bases: [Int]
        private var open: [Int: SpillReader] = [:]
        private var cached: [Int32] = [-1, -1, -1, -1]
        private var buffers: [[UInt8]]
        private var nextSlot = 0

        init(_ spill: NearDedupSpill, files: [Int], bases: [Int]) {
            self.spill = spill
            self.files = files
            self.bases = bases
            buffers = Array(repeating: [UInt8](repeating: 0, count: spill.bins), count: 4)
        }

        /// The slot holding document `g`'s sketch, read if needed; `keep` is not replaced.
        private func load(_ g: Int32, keep: Int) throws(WriteError) -> Int {
            if let s = cached.firstIndex(of: g) { return s }
            var s = nextSlot
            if s == keep { s = (s + 1) & 3 }
            nextSlot = (s + 1) & 3
            // The file holding g: the last whose base is ≤ g.
            var lo = 0, hi = bases.count
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if bases[mid] <= Int(g) { lo = mid } else { hi = mid }
            }
            let f = files[lo]
            let reader: SpillReader
            if let r = open[f] {
                reader = r
            } else {
                // Bounded: descriptors are closed in bulk and reopened as needed.
                if open.count >= 256 { open.removeAll() }
                reader = try SpillReader(path: spill.sketchPath(f), capacity: 64)
                open[f] = reader
            }
            let offset = (Int(g) - bases[lo]) * spill.bins
            var ok = false
            var failure: WriteError?
            buffers[s].withUnsafeMutableBytes { b in
                do throws(WriteError) { ok = try reader.readBytes(at: offset, into: b) } catch { failure = error }
            }
            if let failure { throw failure }
            guard ok else { throw WriteError(path: spill.sketchPath(f), errno: 5, action: "read (file cut short) from") }
            cached[s] = g
            return s
        }

        func similarity(_ x: Int32, _ y: Int32) throws(WriteError) -> Double {
            let a = try load(x, keep: -1)
            let b = try load(y, keep: a)
            return buffers[a].withUnsafeBufferPointer { p in
                buffers[b].withUnsafeBufferPointer { q in
                    ShingleSketch.similarity(p.baseAddress!, q.baseAddress!, count: spill.bins)
                }
            }
        }
    }
}
