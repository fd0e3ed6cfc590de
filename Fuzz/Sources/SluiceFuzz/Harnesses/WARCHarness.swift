@testable import Sluice

/// A byte source that hands out chunks of pseudo-random sizes (1…`limit` bytes, from a seed),
/// so the reader's buffer refills land at every kind of split point.
private final class RandomChunkReader: ByteReader {
    let bytes: [UInt8]
    private var state: UInt64
    private let limit: Int
    private(set) var bytesRead = 0

    init(_ bytes: [UInt8], seed: UInt8, limit: Int) {
        self.bytes = bytes
        state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1
        self.limit = max(1, limit)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let want = Int(state >> 33) % limit + 1
        let n = min(want, buffer.count, bytes.count - bytesRead)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { src in
            buffer.baseAddress!.copyMemory(from: src.baseAddress! + bytesRead, byteCount: n)
        }
        bytesRead += n
        return n
    }
}

extension Harness {
    /// Everything a WARC reader yields over `source`, the error that stopped it, and its position.
    private static func warcRecords(_ reader: WARCReader) -> ([WARCRecord], ReadError?) {
        var out: [WARCRecord] = []
        do {
            while let r = try reader.next() { out.append(r) }
        } catch {
            return (out, error)
        }
        return (out, nil)
    }

    /// The WARC reader and the HTTP response parser on arbitrary bytes: no crash or hang;
    /// records come in order of increasing offset within the input, with blocks of their
    /// Content-Length (or at most the cap); the input never yields more bytes than it has;
    /// random chunk sizes, 1-byte reads and skip-then-read all give the same records and error.
    static let warc = Harness(name: "warc") { input in
        let (choice, rest) = input.split()
        let payload = Array(rest)
        let cap = choice & 0x80 != 0 ? 300 : 1 << 16
        let chunk = choice & 0x40 != 0 ? 64 : 4096

        let reader = WARCReader(source: RandomChunkReader(payload, seed: choice, limit: Int(choice & 0x3F) * 61 + 1),
                                maxBlockSize: cap, chunkSize: chunk)
        let (records, error) = warcRecords(reader)
        Harness.require(reader.position <= payload.count, "position \(reader.position) past the input (\(payload.count))")
        var previous = -1
        for (i, r) in records.enumerated() {
            Harness.require(r.ordinal == i, "ordinal \(r.ordinal) for record \(i)")
            Harness.require(r.offset > previous && r.offset < payload.count, "record \(i) at offset \(r.offset) after \(previous)")
            Harness.require(r.offset + r.contentLength <= payload.count, "record \(i) block runs past the input")
            if r.isOversized {
                Harness.require(r.contentLength > cap && r.block.count <= cap, "oversized block of \(r.block.count)")
            } else {
                Harness.require(r.block.count == r.contentLength, "block of \(r.block.count) for Content-Length \(r.contentLength)")
            }
            previous = r.offset
            // The selection (HTTP parsing, de-chunking) must not crash and keeps bodies within the block.
            if case .document(_, _, _, _, _, _, let body) = WARCSelection(r) {
                Harness.require(body.count <= r.block.count, "body longer than its block")
            }
        }
        if let error {
            Harness.require(error.offset >= 0 && error.offset <= payload.count, "error offset \(error.offset) outside the input")
        }

        let (single, singleError) = warcRecords(WARCReader(source: RandomChunkReader(payload, seed: 0, limit: 1),
                                                           maxBlockSize: cap, chunkSize: chunk))
        Harness.require(single == records, "1-byte reads gave \(single.count) records, chunks \(records.count)")
        Harness.require(singleError == error, "1-byte reads ended with \(String(describing: singleError)), chunks with \(String(describing: error))")

        let resumed = WARCReader(source: RandomChunkReader(payload, seed: choice &+ 1, limit: 997), maxBlockSize: cap, chunkSize: chunk)
        let half = records.count / 2
        do {
            let skipped = try resumed.skip(records: half)
            Harness.require(skipped == half, "skipped \(skipped) of \(half)")
        } catch {
            Harness.require(false, "skip(records: \(half)) failed where reading did not: \(error)")
        }
        let (tail, tailError) = warcRecords(resumed)
        Harness.require(tail == Array(records.dropFirst(half)), "skip-then-read differs from reading")
        Harness.require(tailError == error, "skip-then-read ended differently")

        // The HTTP parser on the raw bytes as a block.
        if let http = try? HTTPResponse(parsing: payload) {
            Harness.require(http.payload.count <= payload.count && (0...999).contains(http.status), "bad HTTP parse")
            if let body = try? http.body() { Harness.require(body.count <= http.payload.count, "de-chunked body grew") }
        }
    }
}
