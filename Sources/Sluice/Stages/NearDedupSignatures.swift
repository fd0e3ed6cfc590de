import SluiceText

/// What near-dedup keeps per document between its reading pass and its decision: the
/// position, the band keys of its MinHash signature, its compact ``ShingleSketch`` (one byte
/// per bin) and its id.
///
/// Per document: `4 × bands` bytes of band keys, `check_bins` bytes of sketch, 8 of position
/// and the id's bytes (with the defaults: 80 + 1024 + 8 + id).
struct NearDedupSignatures: Sendable {
    let permutations: Int
    let bands: Int
    /// Bins of each document's sketch.
    let bins: Int
    var positions: [UInt64] = []
    var compact: [UInt8] = []
    var bandKeys: [UInt32] = []
    /// Ids (raw JSON) back to back; `idEnds[i]` is where document `i`'s ends.
    var ids: [UInt8] = []
    var idEnds: [Int] = []
    /// With `line_dedup`: each document's distinct keys of long lines, back to back.
    var lineKeys: [UInt64] = []

    init(permutations: Int, bands: Int, bins: Int) {
        self.permutations = permutations
        self.bands = bands
        self.bins = bins
    }

    var count: Int { positions.count }

    /// Adds a document unless it has no word (nothing to compare). `scratch` holds
    /// `permutations` values, `sketch` `bins`, `keys` `bands`.
    mutating func add(text: String, id: [UInt8], position: UInt64, hasher: MinHasher,
                      scratch: UnsafeMutableBufferPointer<UInt32>, sketch: UnsafeMutableBufferPointer<UInt32>,
                      keys: UnsafeMutableBufferPointer<UInt32>, lineMinChars: Int? = nil) {
        if let lineMinChars { RepeatedLines.keys(of: text, minChars: lineMinChars, into: &lineKeys) }
        let start = compact.count
        // Room for the compact sketch, given back when the text has no word.
        compact.append(contentsOf: repeatElement(0, count: bins))
        let signed = compact.withUnsafeMutableBufferPointer { out in
            Self.sign(text, hasher: hasher, scratch: scratch, sketch: sketch, keys: keys,
                      compact: UnsafeMutableBufferPointer(rebasing: out[start..<(start + bins)]))
        }
        guard signed else { compact.removeLast(bins); return }
        positions.append(position)
        bandKeys.append(contentsOf: keys.prefix(bands))
        ids.append(contentsOf: id)
        idEnds.append(ids.count)
    }

    /// Signs `text`: its band keys into `keys` (`bands` values) and its compact sketch into
    /// `compact` (one byte per bin); false when it has no word (nothing to compare).
    /// `scratch` holds `permutations` values, `sketch` as many as `compact`.
    static func sign(_ text: String, hasher: MinHasher, scratch: UnsafeMutableBufferPointer<UInt32>,
                     sketch: UnsafeMutableBufferPointer<UInt32>, keys: UnsafeMutableBufferPointer<UInt32>,
                     compact: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        var copy = text
        let shingles = copy.withUTF8 { hasher.signature(utf8: $0, into: scratch, sketch: sketch) }
        guard shingles > 0 else { return false }
        hasher.bandKeys(UnsafeBufferPointer(scratch), into: keys)
        for j in 0..<compact.count { compact[j] = ShingleSketch.compact(sketch[j]) }
        return true
    }

    /// Makes room for `documents` more documents.
    mutating func reserve(_ documents: Int) {
        positions.reserveCapacity(positions.count + documents)
        compact.reserveCapacity(compact.count + documents * bins)
        bandKeys.reserveCapacity(bandKeys.count + documents * bands)
        idEnds.reserveCapacity(idEnds.count + documents)
    }

    /// Appends another part read later in run order.
    mutating func append(_ other: NearDedupSignatures) {
        let base = ids.count
        positions.append(contentsOf: other.positions)
        compact.append(contentsOf: other.compact)
        bandKeys.append(contentsOf: other.bandKeys)
        ids.append(contentsOf: other.ids)
        idEnds.append(contentsOf: other.idEnds.map { $0 + base })
        lineKeys.append(contentsOf: other.lineKeys)
    }

    func id(_ i: Int) -> [UInt8] {
        Array(ids[(i == 0 ? 0 : idEnds[i - 1])..<idEnds[i]])
    }
}
