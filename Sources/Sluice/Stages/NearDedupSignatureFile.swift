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
        var out = magic
        func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { out.append(contentsOf: $0) } }
        func bytes(_ b: [UInt8]) { int(b.count); out.append(contentsOf: b) }
        bytes(Array(fingerprint.utf8))
        int(parts.count)
        for p in parts {
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
        }
        return out
    }

    /// The parts of a file written with `fingerprint`; nil when it is not such a file.
    static func decode(_ data: [UInt8], fingerprint: String) -> [Part]? {
        var at = 0
        func int() -> Int? {
            guard at + 8 <= data.count else { return nil }
            var v: Int64 = 0
            for k in 0..<8 { v |= Int64(data[at + k]) << (8 * Int64(k)) }
            at += 8
            return Int(v)
        }
        func bytes() -> [UInt8]? {
            guard let n = int(), n >= 0, at + n <= data.count else { return nil }
            defer { at += n }
            return Array(data[at..<(at + n)])
        }
        guard data.count >= magic.count, Array(data[0..<magic.count]) == magic else { return nil }
        at = magic.count
        guard let fp = bytes(), fp == Array(fingerprint.utf8), let count = int(), count >= 0 else { return nil }
        var parts: [Part] = []
        for _ in 0..<count {
            guard let rel = bytes(), let index = int(), let size = int(), let mtime = int(),
                  let perms = int(), let bands = int(), let bins = int(), let n = int(), n >= 0,
                  at + n * 8 <= data.count else { return nil }
            var d = NearDedupSignatures(permutations: perms, bands: bands, bins: bins)
            for _ in 0..<n { guard let v = int() else { return nil }; d.positions.append(UInt64(bitPattern: Int64(v))) }
            guard let compact = bytes(), compact.count == n * bins, at + n * bands * 4 <= data.count else { return nil }
            d.compact = compact
            for _ in 0..<(n * bands) {
                var v: UInt32 = 0
                for k in 0..<4 { v |= UInt32(data[at + k]) << (8 * UInt32(k)) }
                at += 4
                d.bandKeys.append(v)
            }
            guard let ids = bytes() else { return nil }
            d.ids = ids
            for _ in 0..<n { guard let v = int(), v >= 0, v <= ids.count else { return nil }; d.idEnds.append(v) }
            guard let lines = int(), lines >= 0, at + lines * 8 <= data.count else { return nil }
            for _ in 0..<lines { guard let v = int() else { return nil }; d.lineKeys.append(UInt64(bitPattern: Int64(v))) }
            parts.append(Part(relative: String(decoding: rel, as: UTF8.self), index: index, size: size, mtime: mtime, docs: d))
        }
        return parts
    }

    /// Parts usable for `files` from every signature file in `directory` written with
    /// `fingerprint`: by file index, only where the input's size and mtime are unchanged.
    static func load(directory: String, fingerprint: String, files: [InputFile]) -> [Int: NearDedupSignatures] {
        var out: [Int: NearDedupSignatures] = [:]
        forEachPart(directory: directory, fingerprint: fingerprint, files: files) { out[$0] = $1 }
        return out
    }

    /// Calls `body` with each part usable for `files` (see ``load(directory:fingerprint:files:)``)
    /// and its file index, one signature file in memory at a time.
    static func forEachPart<E: Error>(directory: String, fingerprint: String, files: [InputFile],
                                      _ body: (Int, NearDedupSignatures) throws(E) -> Void) throws(E) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let suffix = "." + name(shard: "", fingerprint: fingerprint).dropFirst()
        var byRelative: [String: InputFile] = [:]
        for f in files { byRelative[f.relative] = f }
        for n in names.sorted() where n.hasSuffix(suffix) {
            guard let data = FileManager.default.contents(atPath: directory + "/" + n),
                  let parts = decode(Array(data), fingerprint: fingerprint) else { continue }
            for p in parts {
                guard let f = byRelative[p.relative], f.index == p.index, let fp = InputFingerprint(path: f.path),
                      fp.size == p.size, fp.mtimeNanoseconds == p.mtime else { continue }
                try body(f.index, p.docs)
            }
        }
    }
}
