import SluiceText

extension NearDedupIndex {
    /// Documents signed for a decision outside a run (benchmarks, library users): the `i`-th
    /// document has position `i` in run order.
    public struct Signed: Sendable {
        var docs: NearDedupSignatures

        /// Signs `documents` (id as raw JSON, text) with `options`' shingles, bands and sketch.
        public init(documents: [(id: [UInt8], text: String)], options: NearDedupOptions) {
            let hasher = MinHasher(shingleWords: options.shingleWords, bands: options.bands, rows: options.rows,
                                   normalization: options.normalize)
            var docs = NearDedupSignatures(permutations: hasher.permutations, bands: hasher.bands, bins: options.checkBins)
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: hasher.permutations) { scratch in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: options.checkBins) { sketch in
                    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: hasher.bands) { keys in
                        for (i, d) in documents.enumerated() {
                            docs.add(text: d.text, id: d.id, position: UInt64(i), hasher: hasher,
                                     scratch: scratch, sketch: sketch, keys: keys)
                        }
                    }
                }
            }
            self.docs = docs
        }

        /// Documents with at least one word (the others take no part).
        public var count: Int { docs.count }

        /// Bytes held per document until the decision, besides its id: sketch, band keys,
        /// position and id offset.
        public static func bytesPerDocument(_ options: NearDedupOptions) -> Int {
            options.checkBins + 4 * options.bands + 8 + 8
        }
    }

    /// Decides over documents signed with ``Signed``.
    public init(_ signed: Signed, threshold: Double) {
        self.init(signed.docs, threshold: threshold)
    }

    /// The id of the kept document that the `i`-th signed document repeats, or nil.
    public func duplicateOf(document i: Int) -> [UInt8]? { duplicateOf(position: UInt64(i)) }
}
