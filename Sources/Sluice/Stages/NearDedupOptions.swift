import SluiceText

/// Options of the `near_dedup` stage.
public struct NearDedupOptions: Sendable, Equatable {
    /// Words per shingle.
    public var shingleWords = 5
    /// LSH bands and signature values per band. The default banding (20 × 6) makes nearly
    /// every pair at J ≥ 0.8 a candidate (99.8 %); the signature check then decides.
    public var bands = 20
    /// Signature values per band (``bands`` × `rows` ≤ 1024).
    public var rows = 6
    /// Word-shingle Jaccard similarity from which a document is a near-duplicate.
    public var threshold = 0.8
    /// Bins of the sketch that confirms candidates (a power of two): one byte per document
    /// each; more bins, a closer estimate.
    public var checkBins = 1024
    /// Word rules beyond the ones always applied (`normalize: [digits, case, diacritics]`).
    public var normalize: ShingleNormalization = []
    /// Remove lines repeated across documents (``RepeatedLines``); nil: off.
    public var lineDedup: RepeatedLines.Options?

    /// The defaults (the `sluice` preset).
    public init() {}

    /// Named settings: `sluice` (the defaults) and `datatrove` (datatrove's MinHash defaults:
    /// 5-word shingles, 14 bands × 8 rows, digits, case and accents normalized).
    public enum Preset: String, CaseIterable, Sendable {
        case sluice
        case datatrove
    }

    /// The options of a named preset.
    public init(preset: Preset) {
        switch preset {
        case .sluice: break
        case .datatrove:
            shingleWords = 5
            bands = 14
            rows = 8
            normalize = [.digits, .letterCase, .diacritics]
        }
    }

    /// Part of the pipeline fingerprint: every option that changes which documents are dropped.
    var fingerprint: String {
        "shingle=\(shingleWords) bands=\(bands) rows=\(rows) threshold=\(threshold) check_bins=\(checkBins)"
            + (normalize.isEmpty ? "" : " normalize=" + normalize.names.joined(separator: ","))
            + (lineDedup.map { " line_dedup=\($0.minChars)/\($0.minDocuments)" } ?? "")
    }
}
