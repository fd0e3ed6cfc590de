import Foundation
import Testing
import SluiceText
@testable import Sluice

@Suite struct NearDedupStageTests {
    /// 120 words of a deterministic text; `seed` picks which.
    static func article(_ seed: Int, words: Int = 120) -> [String] {
        (0..<words).map { "w\(($0 &* 7919 &+ seed &* 104_729) % 5003)" }
    }

    static func signatures(_ texts: [(file: Int, line: Int, id: String, text: String)], hasher: MinHasher = MinHasher(),
                           bins: Int = 1024) -> NearDedupSignatures {
        var docs = NearDedupSignatures(permutations: hasher.permutations, bands: hasher.bands, bins: bins)
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: hasher.permutations) { scratch in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: bins) { sketch in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: hasher.bands) { keys in
                    for t in texts {
                        docs.add(text: t.text, id: Array("\"\(t.id)\"".utf8), position: DedupIndex.position(file: t.file, line: t.line),
                                 hasher: hasher, scratch: scratch, sketch: sketch, keys: keys)
                    }
                }
            }
        }
        return docs
    }

    @Test func keepsTheEarliestOfEachClusterAndNamesIt() {
        let a = Self.article(1), b = Self.article(2), c = Self.article(3)
        // a2: the last 6 words cut (J = 110/116 ≈ 0.95); a3: 2 words changed mid-text
        // (J ≈ 0.85); b2 shares only its first half with b (J ≈ 0.33); c2 is c with a new
        // headline line (J = 116/117... ≈ 0.96).
        var a3 = a
        a3[40] = "changed"
        a3[80] = "again"
        let b2 = Array(b.prefix(60)) + Self.article(9).prefix(60)
        let docs = Self.signatures([
            (0, 1, "a", a.joined(separator: " ")),
            (0, 2, "b", b.joined(separator: " ")),
            (0, 3, "empty", " ,. "),
            (1, 1, "a2", a.prefix(114).joined(separator: " ")),
            (1, 2, "c", c.joined(separator: " ")),
            (1, 3, "b2", b2.joined(separator: " ")),
            (2, 1, "a3", a3.joined(separator: "  ")),
            (2, 2, "c2", "Breaking\n" + c.joined(separator: " ")),
        ])
        // The empty text has no shingle and takes no part.
        #expect(docs.count == 7)
        let index = NearDedupIndex(docs, threshold: 0.8)
        #expect(index.duplicates == 3)
        #expect(index.clusters == 2)
        let p = DedupIndex.position
        #expect(index.duplicateOf(position: p(1, 1)) == Array("\"a\"".utf8))
        #expect(index.duplicateOf(position: p(2, 1)) == Array("\"a\"".utf8))
        #expect(index.duplicateOf(position: p(2, 2)) == Array("\"c\"".utf8))
        for kept in [p(0, 1), p(0, 2), p(0, 3), p(1, 2), p(1, 3)] { #expect(index.duplicateOf(position: kept) == nil) }
        // A threshold above every pair's similarity keeps everything but the nearest copies.
        #expect(NearDedupIndex(docs, threshold: 0.999).duplicates == 0)
    }

    @Test func decisionDoesNotDependOnReadingOrder() {
        // The same documents, signatures appended per file in another completion order, give the
        // same decision once joined in run order (what the reading pass does).
        let texts = (0..<40).map { i -> (file: Int, line: Int, id: String, text: String) in
            let base = Self.article(i % 10)
            let words = i < 10 ? base : Array(base.prefix(120 - i % 7))
            return (i / 10, i % 10 + 1, "d\(i)", words.joined(separator: " "))
        }
        let whole = Self.signatures(texts)
        var joined = NearDedupSignatures(permutations: whole.permutations, bands: whole.bands, bins: whole.bins)
        for f in 0..<4 { joined.append(Self.signatures(texts.filter { $0.file == f })) }
        let x = NearDedupIndex(whole, threshold: 0.8), y = NearDedupIndex(joined, threshold: 0.8)
        #expect(x.duplicates == 30 && y.duplicates == 30)
        for t in texts {
            let pos = DedupIndex.position(file: t.file, line: t.line)
            #expect(x.duplicateOf(position: pos) == y.duplicateOf(position: pos))
            if t.file > 0 { #expect(x.duplicateOf(position: pos) == Array("\"d\(t.line - 1)\"".utf8)) }
        }
    }

    @Test func stageDropsWithReasonAndDuplicateOf() {
        let a = Self.article(4)
        let texts = [(0, 1, "k", a.joined(separator: " ")), (0, 2, "n", a.prefix(116).joined(separator: " "))]
        var stage = NearDedupStage()
        stage.index = NearDedupIndex(Self.signatures(texts), threshold: 0.8)
        var batch = Batch(sequence: 0)
        for (f, l, id, text) in texts {
            _ = f
            batch.records.append(Record(idJSON: Array("\"\(id)\"".utf8), text: text, origin: Origin(file: "x.jsonl", line: l)))
        }
        var stats = StageStats()
        stage.process(&batch, stats: &stats)
        #expect(batch.records.map(\.idJSON) == [Array("\"k\"".utf8)])
        #expect(batch.dropped.map(\.reason) == ["near_duplicate"])
        #expect(batch.dropped.first?.duplicateOf == Array("\"k\"".utf8))
        #expect(stats.records == 2 && stats.changed == 1 && stats.counters["near_duplicates"] == 1)
        var w = JSONWriter()
        RecordEncoder.appendRejected(batch.dropped[0], to: &w)
        let line = String(decoding: w.bytes, as: UTF8.self)
        #expect(line.hasPrefix(#"{"reason":"near_duplicate","detail":"word-shingle similarity with an earlier document ≥ 0.8","duplicate_of":"k","record":{"id":"n","#))
    }

    @Test func pipelineFileOptionsAndPresets() throws {
        let yaml = """
        stages:
          - dedup
          - near_dedup:
              preset: datatrove
              threshold: 0.7
        """
        let p = try PipelineFile.parse(yaml)
        let stage = try #require(p.stages[1] as? NearDedupStage)
        #expect(stage.options.bands == 14 && stage.options.rows == 8 && stage.options.shingleWords == 5)
        #expect(stage.options.threshold == 0.7)
        #expect(stage.options.normalize == [.digits, .letterCase, .diacritics])
        #expect(stage.fingerprint == "near_dedup/2 shingle=5 bands=14 rows=8 threshold=0.7 check_bins=1024 normalize=digits,case,diacritics")
        #expect(NearDedupStage().fingerprint == "near_dedup/2 shingle=5 bands=20 rows=6 threshold=0.8 check_bins=1024")
        // A rule list overrides the preset's; unknown rules are named.
        let own = try PipelineFile.parse("stages:\n  - near_dedup:\n      preset: datatrove\n      normalize: [digits]\n")
        #expect((own.stages[0] as? NearDedupStage)?.options.normalize == [.digits])
        let none = try PipelineFile.parse("stages:\n  - near_dedup:\n      normalize: []\n")
        #expect((none.stages[0] as? NearDedupStage)?.options.normalize == [])
        #expect(throws: (any Error).self) { try PipelineFile.parse("stages:\n  - near_dedup:\n      normalize: [digits, accents]\n") }
    }

    /// With `normalize: [digits, case, diacritics]` a copy whose numbers, case and accents
    /// differ is a near-duplicate; without, it is not.
    @Test func normalizeRulesMakeCopiesMatch() {
        let a = "Le maire a annoncé 12 nouvelles mesures pour l'été 2024 à Besançon, dont la rénovation du marché couvert et "
            + "la réouverture de la piscine municipale fermée depuis trois ans pour des travaux de sécurité très coûteux."
        let b = a.uppercased().replacingOccurrences(of: "12", with: "15").replacingOccurrences(of: "2024", with: "2025")
            .folding(options: .diacriticInsensitive, locale: nil)
        var options = NearDedupOptions()
        let plain = NearDedupIndex(NearDedupIndex.Signed(documents: [(Array("1".utf8), a), (Array("2".utf8), b)], options: options), threshold: 0.8)
        #expect(plain.duplicates == 0)
        options.normalize = [.digits, .letterCase, .diacritics]
        let normalized = NearDedupIndex(NearDedupIndex.Signed(documents: [(Array("1".utf8), a), (Array("2".utf8), b)], options: options), threshold: 0.8)
        #expect(normalized.duplicateOf(document: 1) == Array("1".utf8))
    }
}

@Suite struct NearDedupSignatureFileTests {
    @Test func roundTripsAndRefusesOtherFingerprints() {
        let texts = (0..<5).map { i in (0, i + 1, "d\(i)", NearDedupStageTests.article(i % 3).joined(separator: " ")) }
        var docs = NearDedupStageTests.signatures(texts, bins: 64)
        docs.lineKeys = [7, 9]
        let part = NearDedupSignatureFile.Part(relative: "a/b.jsonl", index: 3, size: 120, mtime: 99, docs: docs)
        let bytes = NearDedupSignatureFile.encode([part], fingerprint: "fp 1")
        let back = NearDedupSignatureFile.decode(bytes, fingerprint: "fp 1")
        #expect(back?.count == 1)
        let d = back![0].docs
        #expect(back![0].relative == "a/b.jsonl" && back![0].index == 3 && back![0].size == 120 && back![0].mtime == 99)
        #expect(d.positions == docs.positions && d.compact == docs.compact && d.bandKeys == docs.bandKeys)
        #expect(d.ids == docs.ids && d.idEnds == docs.idEnds && d.lineKeys == [7, 9])
        #expect(NearDedupSignatureFile.decode(bytes, fingerprint: "fp 2") == nil)
        #expect(NearDedupSignatureFile.decode(Array(bytes.dropLast(3)), fingerprint: "fp 1") == nil)
        #expect(NearDedupIndex(d, threshold: 0.8).duplicates == NearDedupIndex(docs, threshold: 0.8).duplicates)
    }
}
