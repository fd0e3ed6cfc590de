/// Counts of values in fixed buckets: the compact length and quality histograms of a `file`
/// stats event, which add up over batches, files and shards without keeping any values.
///
/// Two kinds of buckets, both fixed so that histograms of different files merge by adding:
/// - ``logBucket(_:)`` for counts (words, sentences): bucket 0 holds 0, bucket k ≥ 1 holds
///   2^(k-1) …< 2^k, so 1, 2–3, 4–7, … — a log scale over any document length.
/// - ``ratioBucket(_:)`` for ratios in 0…1: ten buckets of 0.1 (1.0 falls in the last).
public struct Histogram: Sendable, Equatable {
    /// Counts by bucket, without trailing empty buckets.
    public private(set) var counts: [Int] = []

    /// Buckets of ``ratioBucket(_:)``.
    public static let ratioBuckets = 10

    /// An empty histogram.
    public init() {}

    /// A histogram with `counts` by bucket.
    public init(counts: [Int]) {
        self.counts = counts
        trim()
    }

    /// Whether nothing was counted.
    public var isEmpty: Bool { counts.isEmpty }
    /// Values counted.
    public var total: Int { counts.reduce(0, +) }

    /// Counts one value in `bucket`.
    public mutating func add(bucket: Int, _ n: Int = 1) {
        guard bucket >= 0, n != 0 else { return }
        if bucket >= counts.count { counts += Array(repeating: 0, count: bucket - counts.count + 1) }
        counts[bucket] += n
    }

    /// Adds `other`'s counts bucket by bucket.
    public mutating func merge(_ other: Histogram) {
        for (b, n) in other.counts.enumerated() { add(bucket: b, n) }
    }

    /// The log-scale bucket of a count: 0 for 0, else 1 + ⌊log2 v⌋.
    public static func logBucket(_ v: Int) -> Int {
        v <= 0 ? 0 : Int.bitWidth - v.leadingZeroBitCount
    }

    /// The smallest value of log bucket `b` (0, 1, 2, 4, 8, …).
    public static func logBucketStart(_ b: Int) -> Int {
        b <= 0 ? 0 : 1 << (b - 1)
    }

    /// The bucket of a ratio: ten of 0.1 over 0…1; values outside are clamped.
    public static func ratioBucket(_ x: Double) -> Int {
        guard x.isFinite, x > 0 else { return 0 }
        return min(ratioBuckets - 1, Int(x * Double(ratioBuckets)))
    }

    /// The histogram as a JSON array of counts.
    public func json() -> JSONValue { .array(counts.map { .int($0) }) }

    /// Reads a JSON array of counts; anything else (or negative counts) gives nil.
    public init?(json v: JSONValue?) {
        guard case .array(let items)? = v else { return nil }
        var c: [Int] = []
        for item in items {
            guard let n = item.intValue, n >= 0 else { return nil }
            c.append(n)
        }
        self.init(counts: c)
    }

    private mutating func trim() {
        while counts.last == 0 { counts.removeLast() }
    }
}
