#if canImport(Glibc)
import Glibc
#endif
@testable import Sluice
@testable import SluiceText

extension Harness {
    /// Word shingles, MinHash and the confirming sketch on any bytes: no crash or hang, every
    /// signature value set once there is a shingle, a sketch identical to itself, trailing
    /// spaces irrelevant, the run-order decision over the text and a near-copy well-formed, and
    /// line_dedup's stripping never growing a text and idempotent; the decoder-side ledger
    /// and the spilled decision (memory mode) deciding as the index does, signature files
    /// round-tripping and any bytes after their header refused safely, word-at-a-time hashing and similarity as their plain forms.
    static let nearDup = Harness(name: "near-dup") { input in
        // Raw bytes, valid UTF-8 or not: shingling must stay in bounds and end.
        var raw = 0
        WordShingles.forEach(utf8: input.bytes, size: 5) { _ in raw += 1 }
        Harness.require(raw <= input.bytes.count, "more shingles than bytes")

        let text = input.text
        let hasher = MinHasher(bands: 4, rows: 3)
        var sig = [UInt32](repeating: 0, count: 12)
        var bins = [UInt32](repeating: 0, count: 64)
        var copy = text
        let shingles = copy.withUTF8 { b in
            sig.withUnsafeMutableBufferPointer { s in bins.withUnsafeMutableBufferPointer { k in hasher.signature(utf8: b, into: s, sketch: k) } }
        }
        Harness.require(shingles == WordShingles.count(text, size: 5), "signature and count disagree on shingles")
        if shingles > 0 {
            Harness.require(!sig.contains(.max), "an empty MinHash bin left after densifying")
            let compact = bins.map(ShingleSketch.compact)
            let s = compact.withUnsafeBufferPointer { ShingleSketch.similarity($0.baseAddress!, $0.baseAddress!, count: 64) }
            Harness.require(s == 1, "a sketch is not identical to itself: \(s)")
        }
        Harness.require(hasher.signature(text + "  ") == hasher.signature(text), "trailing spaces changed the signature")

        var options = NearDedupOptions()
        options.bands = 4
        options.rows = 3
        options.checkBins = 64
        let docs: [(id: [UInt8], text: String)] = [(Array("1".utf8), text), (Array("2".utf8), text + " tail"), (Array("3".utf8), text)]
        let signed = NearDedupIndex.Signed(documents: docs, options: options)
        let index = NearDedupIndex(signed, threshold: 0.8)
        Harness.require(index.duplicateOf(document: 0) == nil, "the first document was dropped")
        Harness.require(index.duplicates <= signed.count - (signed.count > 0 ? 1 : 0), "more drops than later documents")
        var lineKeys: [UInt64] = []
        for _ in 0..<2 { RepeatedLines.keys(of: text, minChars: 3, into: &lineKeys) }
        var lineOptions = RepeatedLines.Options()
        lineOptions.minChars = 3
        lineOptions.minDocuments = 2
        let lines = RepeatedLines(options: lineOptions, keys: lineKeys)
        let (stripped, removed) = lines.strip(text)
        Harness.require(stripped.utf8.count <= text.utf8.count, "stripping lines made the text longer")
        Harness.require(removed <= text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }, "more lines removed than there are")
        Harness.require(lines.strip(stripped).removed == 0, "stripping twice removed more lines")
        // The decoder-side ledger decides as the whole-run index does.
        let ledger = NearDedupLedger(hasher: hasher, bins: 64, threshold: 0.8)
        var batch = Batch(sequence: 0)
        for (i, d) in docs.enumerated() { batch.records.append(Record(idJSON: d.id, text: d.text, origin: Origin(file: "f", line: i + 1))) }
        ledger.mark(&batch)
        for (i, r) in batch.records.enumerated() {
            Harness.require(batch.nearDuplicates[r.origin.order] == index.duplicateOf(document: i), "ledger and index disagree on document \(i)")
        }

        // Memory mode: the same signatures spilled to disk, band keys in runs of 2 values,
        // decide as the index does; the signature file round-trips them.
        let spillDir = "/tmp/sluice-fuzz-spill-\(getpid())"
        var spill = NearDedupSpill(directory: spillDir, bands: 4, bins: 64)
        spill.remove()
        do {
            try FileSystem.makeDirectories(spillDir)
            let writer = try NearDedupSpill.FileWriter(spill, file: 0)
            try writer.add(contentsOf: signed.docs)
            try writer.finish()
            spill.counts[0] = writer.count
            let (spilled, _) = try NearDedupIndex.decide(spill, threshold: 0.8, memory: 1 << 20, lineDedup: nil, runCapacity: 2)
            for i in 0..<docs.count {
                Harness.require(spilled.duplicateOf(document: i) == index.duplicateOf(document: i), "spilled and in-memory decisions disagree on document \(i)")
            }
        } catch {
            Harness.require(false, "spilling failed: \(error)")
        }
        spill.remove()
        let part = NearDedupSignatureFile.Part(relative: text, index: 3, size: 5, mtime: 7, docs: signed.docs)
        let file = NearDedupSignatureFile.encode([part], fingerprint: "fp")
        let back = NearDedupSignatureFile.decode(file, fingerprint: "fp")
        Harness.require(back?.count == 1 && back?[0].docs.compact == signed.docs.compact && back?[0].docs.ids == signed.docs.ids
                        && back?[0].docs.bandKeys == signed.docs.bandKeys && back?[0].relative == text, "a signature file did not round-trip")
        // Any bytes after a valid header: decoded or refused, never a crash or a huge allocation.
        _ = NearDedupSignatureFile.decode(NearDedupSignatureFile.header(fingerprint: "fp", parts: 2) + input.bytes, fingerprint: "fp")

        // Eight bytes at a time hash ASCII words as one byte at a time does.
        var fast = WordShingles.WordHash()
        var slow = fast
        let lowered = WordShingles.asciiWordLowered
        let end = fast.feedASCIIRun(input.bytes, from: 0, lowered: lowered)
        var j = 0
        while j < input.bytes.count, lowered[Int(input.bytes[j])] != 0 {
            slow.feed(lowered[Int(input.bytes[j])])
            j += 1
        }
        Harness.require(end == j && fast == slow, "word-at-a-time and byte-at-a-time hashing differ")
        // The same with every digit read as 0 (the `digits` rule).
        var fastZero = WordShingles.WordHash()
        var slowZero = fastZero
        let zeroed = WordShingles.asciiWordLoweredZeroDigits
        let endZero = fastZero.feedASCIIRun(input.bytes, from: 0, lowered: zeroed, zeroDigits: true)
        var jz = 0
        while jz < input.bytes.count, zeroed[Int(input.bytes[jz])] != 0 {
            slowZero.feed(zeroed[Int(input.bytes[jz])])
            jz += 1
        }
        Harness.require(endZero == jz && fastZero == slowZero, "digit rule: word-at-a-time and byte-at-a-time hashing differ")
        // Every normalization rule on raw bytes: in bounds, ends, never more shingles than words allow.
        var normalized = 0
        WordShingles.forEach(utf8: input.bytes, size: 5, normalization: [.digits, .letterCase, .diacritics]) { _ in normalized += 1 }
        Harness.require(normalized <= max(raw, 1), "normalization made more shingles")

        // Sketch similarity counted eight bins at a time equals the plain count.
        let half = input.bytes.count / 2
        if half > 0 {
            let x = Array(input.bytes.prefix(half)), y = Array(input.bytes.dropFirst(half).prefix(half))
            var equal = 0, used = 0
            for k in 0..<half {
                used += (x[k] | y[k]) != 0 ? 1 : 0
                equal += (x[k] == y[k] && x[k] != 0) ? 1 : 0
            }
            let m = used == 0 ? 0 : max(0, (Double(equal) / Double(used) - 1.0 / 255) / (1 - 1.0 / 255))
            Harness.require(ShingleSketch.similarity(x, y, count: half) == m, "sketch similarity miscounted")
        }

        if shingles > 0 {
            // An identical later copy shares every band and its sketch: always dropped.
            Harness.require(index.duplicateOf(document: 2) != nil, "an identical copy was kept")
        }
    }
}
