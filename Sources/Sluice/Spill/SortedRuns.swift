#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An external sort of 64-bit values: values are buffered up to `capacity`, each full buffer
/// is sorted and written to disk as a run, and ``merged()`` reads every run back in one
/// ascending stream. Memory stays at the buffer plus 64 KB per run while merging, whatever
/// the number of values.
struct SortedRuns {
    /// Where runs are written: `prefix.<n>`.
    let prefix: String
    let capacity: Int
    private var buffer: [UInt64] = []
    private(set) var runs: [String] = []
    /// Values appended.
    private(set) var count = 0

    /// Runs named `prefix.0`, `prefix.1`, …, each of up to `capacity` values.
    init(prefix: String, capacity: Int) {
        self.prefix = prefix
        self.capacity = max(1, capacity)
    }

    mutating func append(_ value: UInt64) throws(WriteError) {
        if buffer.count >= capacity { try spill() }
        if buffer.capacity == 0 { buffer.reserveCapacity(min(capacity, 1 << 16)) }
        buffer.append(value)
        count += 1
    }

    /// Sorts the buffer and writes it as a run.
    private mutating func spill() throws(WriteError) {
        buffer.sort()
        let path = "\(prefix).\(runs.count)"
        let w = try SpillWriter(path: path, capacity: 1 << 20)
        for v in buffer { try w.append(v) }
        try w.finish()
        runs.append(path)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Every value appended, ascending. The runs on disk are deleted once the merge ends.
    mutating func merged() throws(WriteError) -> Merge {
        buffer.sort()
        defer { buffer = []; runs = [] }
        var readers: [SpillReader] = []
        for path in runs { readers.append(try SpillReader(path: path)) }
        return Merge(memory: buffer, readers: readers, paths: runs)
    }

    /// The ascending stream of a ``SortedRuns``: a binary heap over the runs' heads.
    struct Merge: ~Copyable {
        private let memory: [UInt64]
        private var at = 0
        private let readers: [SpillReader]
        private let paths: [String]
        /// (value, source) pairs: source `readers.count` is the in-memory run.
        private var heap: [(value: UInt64, source: Int)] = []
        private var started = false

        init(memory: [UInt64], readers: [SpillReader], paths: [String]) {
            self.memory = memory
            self.readers = readers
            self.paths = paths
        }

        deinit { for p in paths { unlink(p) } }

        private mutating func pull(_ source: Int) throws(WriteError) -> UInt64? {
            if source == readers.count {
                guard at < memory.count else { return nil }
                defer { at += 1 }
                return memory[at]
            }
            return try readers[source].next(UInt64.self)
        }

        /// The next value, or nil when every run is read.
        mutating func next() throws(WriteError) -> UInt64? {
            if readers.isEmpty {
                guard at < memory.count else { return nil }
                defer { at += 1 }
                return memory[at]
            }
            if !started {
                started = true
                for s in 0...readers.count { if let v = try pull(s) { push((v, s)) } }
            }
            guard let top = heap.first else { return nil }
            if let v = try pull(top.source) {
                heap[0] = (v, top.source)
                siftDown(0)
            } else {
                let last = heap.removeLast()
                if !heap.isEmpty { heap[0] = last; siftDown(0) }
            }
            return top.value
        }

        private mutating func push(_ e: (value: UInt64, source: Int)) {
            heap.append(e)
            var i = heap.count - 1
            while i > 0 {
                let p = (i - 1) / 2
                guard heap[i].value < heap[p].value else { break }
                heap.swapAt(i, p)
                i = p
            }
        }

        private mutating func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && heap[l].value < heap[m].value { m = l }
                if r < heap.count && heap[r].value < heap[m].value { m = r }
                if m == i { return }
                heap.swapAt(i, m)
                i = m
            }
        }
    }
}
