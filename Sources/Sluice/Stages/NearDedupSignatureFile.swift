import Foundation
import SluiceText

/// The signatures of one shard's inputs, written by `sluice run --shard I/N --near-dedup-prepare`
/// to `OUT/.sluice/neardup/shard-I-of-N.<stage>.sig` and read by every task of the run step, so a
/// task does not have to read the other shards' inputs itself.
///
/// Each file's part carries the input's size and modification time: a part whose input changed
/// since is not used (the input is read again), so a stale file never changes a decision.
/// Format: `SLNDSIG1`, then little-endian integers and arrays, see ``encode(_:fingerprint:)``.
enum NearDedupSignatureFile {
    struct Part: Sendable {
        var relative: String
        var index: Int
        var size: Int
        var mtime: Int
        var docs: NearDedupSignatures
    }

    static let magic = Array("SLNDSIG1".utf8)

    /// The directory of the signature files of `outputDirectory`.
    static func directory(_ outputDirectory: String) -> String { outputDirectory + "/.sluice/neardup" }

    /// The file name for `shard` and a stage fingerprint (hashed: fingerprints hold spaces).
    static func name(shard: String, fingerprint: String) -> String {
        let h = DedupKey.hash(fingerprint) >> 32
        return "\(shard).\(String(h, radix: 16)).sig"
    }

    static func encode(_ parts: [Part], fingerprint: String) -> [UInt8] {
        var out = header(fingerprint: fingerprint, parts: parts.count)
        for p in parts { out += encode(p) }
        return out
    }

    /// The start of a file of `parts` parts, which follow it (``encode(_:)``).
    static func header(fingerprint: String, parts: Int) -> [UInt8] {
        var out = magic
        func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { out.append(contentsOf: $0) } }
        int(fingerprint.utf8.count)
        out.append(contentsOf: fingerprint.utf8)
        int(parts)
        return out
    }

    /// One part: its input, then its documents' positions, sketches, band keys, ids and line keys.
    static func encode(_ p: Part) -> [UInt8] {
        var out: [UInt8] = []
        func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { out.append(contentsOf: $0) } }
        func bytes(_ b: [UInt8]) { int(b.count); out.append(contentsOf: b) }
        bytes(Array(p.relative.utf8))
        int(p.index); int(p.size); int(p.mtime)
        let d = p.docs
        int(d.permutations); int(d.bands); int(d.bins)
        int(d.count)
        for v in d.positions { int(Int(bitPattern: UInt(v))) }
        bytes(d.compact)
        for v in d.bandKeys { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        bytes(d.ids)
        for v in d.idEnds { int(v) }
        int(d.lineKeys.count)
        for v in d.lineKeys { int(Int(bitPattern: UInt(v))) }
        return out
    }

    /// The parts of a file written with `fingerprint`; nil when it is not such a file.
    static func decode(_ data: [UInt8], fingerprint: String) -> [Part]? {
        var source = ArrayBytes(data: data)
        guard let count = header(&source, fingerprint: fingerprint) else { return nil }
        var parts: [Part] = []
        for _ in 0..<count {
            guard let p = part(&source) else { return nil }
            parts.append(p)
        }
        return parts
    }

    /// Where a file is decoded from: bytes in memory, or read from the file as needed.
    protocol Bytes {
        /// Bytes not yet taken.
        var remaining: Int { get }
        /// The next `n` bytes; nil when fewer are left.
        mutating func take(_ n: Int) -> [UInt8]?
    }

    struct ArrayBytes: Bytes {
        let data: [UInt8]
        var at = 0
        var remaining: Int { data.count - at }
        mutating func take(_ n: Int) -> [UInt8]? {
            guard n >= 0, n <= remaining else { return nil }
            defer { at += n }
            return Array(data[at..<(at + n)])
        }
    }

    /// A file read front to back, one part in memory at a time.
    struct FileBytes: Bytes {
        let reader: SpillReader
        var remaining: Int
        init?(path: String) {
            guard let size = FileSystem.size(path), let r = try? SpillReader(path: path, capacity: 1 << 20) else { return nil }
            reader = r
            remaining = size
        }
        mutating func take(_ n: Int) -> [UInt8]? {
            guard n >= 0, n <= remaining, let b = try? reader.next(bytes: n, { Array($0) }) else { return nil }
            remaining -= n
            return b
        }
    }

    private static func int<S: Bytes>(_ s: inout S) -> Int? {
        guard let b = s.take(8) else { return nil }
        var v: Int64 = 0
        for k in 0..<8 { v |= Int64(b[k]) << (8 * Int64(k)) }
        return Int(v)
    }

    private static func bytes<S: Bytes>(_ s: inout S) -> [UInt8]? {
        guard let n = int(&s) else { return nil }
        return s.take(n)
    }

    /// Reads the header; returns the number of parts, or nil when it is not a file written
    /// with `fingerprint`.
    static func header<S: Bytes>(_ s: inout S, fingerprint: String) -> Int? {
        guard s.take(magic.count) == magic, bytes(&s) == Array(fingerprint.utf8), let count = int(&s), count >= 0 else { return nil }
        return count
    }

    /// Reads one part; nil when the bytes are cut short or inconsistent. Counts are checked
    /// against the bytes left before anything is allocated for them.
    static func part<S: Bytes>(_ s: inout S) -> Part? {
        guard let rel = bytes(&s), let index = int(&s), let size = int(&s), let mtime = int(&s),
              let perms = int(&s), let bands = int(&s), let bins = int(&s), let n = int(&s), n >= 0,
              bands >= 0, bins >= 0, bands <= 1 << 16, bins <= 1 << 20, n <= s.remaining / 8 else { return nil }
        var d = NearDedupSignatures(permutations: perms, bands: bands, bins: bins)
        guard let positions = s.take(n * 8) else { return nil }
        for i in 0..<n { d.positions.append(little(positions, at: i * 8, size: 8)) }
        guard let compact = bytes(&s), compact.count == n * bins, n * bands <= s.remaining / 4,
              let keys = s.take(n * bands * 4) else { return nil }
        d.compact = compact
        for i in 0..<(n * bands) { d.bandKeys.append(UInt32(little(keys, at: i * 4, size: 4))) }
        guard let ids = bytes(&s), let ends = s.take(n * 8) else { return nil }
        d.ids = ids
        for i in 0..<n {
            let v = Int(bitPattern: UInt(little(ends, at: i * 8, size: 8)))
            guard v >= 0, v <= ids.count else { return nil }
            d.idEnds.append(v)
        }
        guard let lines = int(&s), lines >= 0, lines <= s.remaining / 8, let lineBytes = s.take(lines * 8) else { return nil }
        for i in 0..<lines { d.lineKeys.append(little(lineBytes, at: i * 8, size: 8)) }
        return Part(relative: String(decoding: rel, as: UTF8.self), index: index, size: size, mtime: mtime, docs: d)
    }

    private static func little(_ b: [UInt8], at: Int, size: Int) -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<size { v |= UInt64(b[at + k]) << (8 * UInt64(k)) }
        return v
    }

    /// Parts usable for `files` from every signature file in `directory` written with
    /// `fingerprint`: by file index, only where the input's size and mtime are unchanged.
    static func load(directory: String, fingerprint: String, files: [InputFile]) -> [Int: NearDedupSignatures] {
        var out: [Int: NearDedupSignatures] = [:]
        forEachPart(directory: directory, fingerprint: fingerprint, files: files) { out[$0] = $1 }
        return out
    }

    /// Calls `body` with each part usable for `files` (see ``load(directory:fingerprint:files:)``)
    /// and its file index, one part in memory at a time.
    static func forEachPart<E: Error>(directory: String, fingerprint: String, files: [InputFile],
                                      _ body: (Int, NearDedupSignatures) throws(E) -> Void) throws(E) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let suffix = "." + name(shard: "", fingerprint: fingerprint).dropFirst()
        var byRelative: [String: InputFile] = [:]
        for f in files { byRelative[f.relative] = f }
        for n in names.sorted() where n.hasSuffix(suffix) {
            guard var source = FileBytes(path: directory + "/" + n),
                  let count = header(&source, fingerprint: fingerprint) else { continue }
            for _ in 0..<count {
                // A part cut short ends the file; the parts before it were whole and stay usable.
                guard let p = part(&source) else { break }
                guard let f = byRelative[p.relative], f.index == p.index, let fp = InputFingerprint(path: f.path),
                      fp.size == p.size, fp.mtimeNanoseconds == p.mtime else { continue }
                try body(f.index, p.docs)
            }
        }
    }
}
