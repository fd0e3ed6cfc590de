#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SluiceText

/// Near-dedup's signatures on disk, for memory mode (`--memory`): what
/// ``NearDedupSignatures`` holds in memory, written per input file as it is signed.
///
/// Per input file `f`, in ``directory``:
/// - `f.sketch`: each document's compact sketch, `bins` bytes, so document `i`'s is at `i × bins`;
/// - `f.docs`: per document its position (8 bytes), id length (4) and id, and band keys (4 each);
/// - `f.lines`: with `line_dedup`, the keys of its documents' long lines (8 bytes each).
///
/// Little-endian throughout. The files live for one run's decision only.
struct NearDedupSpill: Sendable {
    let directory: String
    let bands: Int
    let bins: Int
    /// Documents signed, by input file index.
    var counts: [Int: Int] = [:]

    init(directory: String, bands: Int, bins: Int) {
        self.directory = directory
        self.bands = bands
        self.bins = bins
    }

    func sketchPath(_ file: Int) -> String { "\(directory)/\(file).sketch" }
    func docsPath(_ file: Int) -> String { "\(directory)/\(file).docs" }
    func linesPath(_ file: Int) -> String { "\(directory)/\(file).lines" }

    /// Writes one input file's signatures.
    final class FileWriter {
        let file: Int
        private let sketches: SpillWriter
        private let docs: SpillWriter
        private let lines: SpillWriter
        private let bands: Int
        private let bins: Int
        /// Documents written.
        private(set) var count = 0
        private var compact: [UInt8]
        private var lineKeys: [UInt64] = []

        init(_ spill: NearDedupSpill, file: Int) throws(WriteError) {
            self.file = file
            bands = spill.bands
            bins = spill.bins
            sketches = try SpillWriter(path: spill.sketchPath(file))
            docs = try SpillWriter(path: spill.docsPath(file))
            lines = try SpillWriter(path: spill.linesPath(file))
            compact = [UInt8](repeating: 0, count: spill.bins)
        }

        /// Signs and writes a document, unless it has no word. Buffers as for
        /// ``NearDedupSignatures/add(text:id:position:hasher:scratch:sketch:keys:lineMinChars:)``.
        func add(text: String, id: [UInt8], position: UInt64, hasher: MinHasher,
                 scratch: UnsafeMutableBufferPointer<UInt32>, sketch: UnsafeMutableBufferPointer<UInt32>,
                 keys: UnsafeMutableBufferPointer<UInt32>, lineMinChars: Int?) throws(WriteError) {
            if let lineMinChars {
                lineKeys.removeAll(keepingCapacity: true)
                RepeatedLines.keys(of: text, minChars: lineMinChars, into: &lineKeys)
                for k in lineKeys { try lines.append(k) }
            }
            let signed = compact.withUnsafeMutableBufferPointer { out in
                NearDedupSignatures.sign(text, hasher: hasher, scratch: scratch, sketch: sketch, keys: keys, compact: out)
            }
            guard signed else { return }
            try write(position: position, id: id, compact: compact, keys: UnsafeBufferPointer(keys))
        }

        /// Writes every document of `signatures` (signed elsewhere, e.g. read from a shard's
        /// signature file).
        func add(contentsOf signatures: NearDedupSignatures) throws(WriteError) {
            var failure: WriteError?
            signatures.bandKeys.withUnsafeBufferPointer { all in
                for i in 0..<signatures.count where failure == nil {
                    do throws(WriteError) {
                        try write(position: signatures.positions[i], id: signatures.id(i),
                                  compact: signatures.compact[(i * bins)..<((i + 1) * bins)],
                                  keys: UnsafeBufferPointer(rebasing: all[(i * bands)..<((i + 1) * bands)]))
                    } catch {
                        failure = error
                    }
                }
            }
            if let failure { throw failure }
            for k in signatures.lineKeys { try lines.append(k) }
        }

        private func write<C: Collection>(position: UInt64, id: [UInt8], compact: C,
                                          keys: UnsafeBufferPointer<UInt32>) throws(WriteError) where C.Element == UInt8 {
            try sketches.append(contentsOf: compact)
            try docs.append(position)
            try docs.append(UInt32(id.count))
            try docs.append(contentsOf: id)
            for b in 0..<bands { try docs.append(keys[b]) }
            count += 1
        }

        /// Writes what is buffered and closes the files.
        func finish() throws(WriteError) {
            try sketches.finish()
            try docs.finish()
            try lines.finish()
        }
    }

    /// Reads `f.docs` front to back.
    struct DocsReader {
        private let reader: SpillReader
        private let bands: Int

        init(_ spill: NearDedupSpill, file: Int) throws(WriteError) {
            reader = try SpillReader(path: spill.docsPath(file), capacity: 1 << 20)
            bands = spill.bands
        }

        /// The next document's position, id and band keys (into `keys`); nil at the end.
        func next(keys: UnsafeMutableBufferPointer<UInt32>, id: inout [UInt8]) throws(WriteError) -> UInt64? {
            guard let position = try reader.next(UInt64.self), let length = try reader.next(UInt32.self) else { return nil }
            id.removeAll(keepingCapacity: true)
            guard try reader.next(bytes: Int(length), { id.append(contentsOf: $0) }) != nil else { return nil }
            for b in 0..<bands {
                guard let k = try reader.next(UInt32.self) else { return nil }
                keys[b] = k
            }
            return position
        }
    }

    /// Removes the directory and its files.
    func remove() {
        if let names = FileSystem.list(directory) {
            for n in names { unlink(directory + "/" + n) }
        }
        rmdir(directory)
    }
}
