import SluiceText

/// The quality stage: Gopher quality and repetition, C4 and FineWeb signals for each record,
/// under `attributes.quality.<filter>` with the filter's `keep` decision and `reasons`
/// (datatrove's definitions and default thresholds). Filters named in `drop` also drop the
/// records that fail them, with reason `filter:<filter>` (the first failing filter in
/// `gopher_quality, gopher_repetition, c4, fineweb` order). By default nothing is dropped.
public struct QualityStage: Stage {
    /// Filters whose signals are computed and written.
    public let filters: [QualityFilterKind]
    /// Filters whose failures drop the record.
    public let drop: [QualityFilterKind]
    /// The limits each filter checks.
    public let thresholds: QualityThresholds

    /// A quality stage computing `filters`' signals and dropping records that fail those of `drop`.
    public init(filters: [QualityFilterKind] = QualityFilterKind.allCases, drop: [QualityFilterKind] = [],
                thresholds: QualityThresholds = QualityThresholds()) {
        // Every dropping filter is computed; keep the canonical order.
        let wanted = Set(filters).union(drop)
        self.filters = QualityFilterKind.allCases.filter { wanted.contains($0) }
        self.drop = QualityFilterKind.allCases.filter { drop.contains($0) }
        self.thresholds = thresholds
    }

    /// The stage's name in pipeline files and stats.
    public var name: String { "quality" }

    /// The stage's version and options, part of the run fingerprint.
    public var fingerprint: String {
        var parts = ["quality/2 filters=\(filters.map(\.rawValue).joined(separator: ",")) drop=\(drop.map(\.rawValue).joined(separator: ","))"]
        let t = thresholds
        let all = [("gopher_quality", t.gopherQuality.values), ("gopher_repetition", t.gopherRepetition.values),
                   ("c4", t.c4.values), ("fineweb", t.fineweb.values)]
        for (name, values) in all {
            parts.append(name + " " + values.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
        }
        return parts.joined(separator: " ")
    }

    private var groups: QualitySignals.Groups {
        var g: QualitySignals.Groups = []
        for f in filters {
            switch f {
            case .gopherQuality: g.insert(.gopherQuality)
            case .gopherRepetition: g.insert(.gopherRepetition)
            case .c4: g.insert(.c4)
            case .fineweb: g.insert(.fineweb)
            }
        }
        return g
    }

    /// Runs the stage over `batch`, counting into `stats`.
    public func process(_ batch: inout Batch, stats: inout StageStats) {
        let groups = self.groups
        var kept: [Record] = []
        kept.reserveCapacity(batch.records.count)
        let progress = StageProgress.current
        for (i, var record) in batch.records.enumerated() {
            progress?.at(record: i)
            stats.records += 1
            let signals = QualitySignals.compute(record.text, groups: groups, language: record.lang ?? record.inputLang)
            var members: [JSONValue.Member] = []
            var dropBy: (QualityFilterKind, [String])?
            for f in filters {
                let reasons = thresholds.reasons(f, signals)
                if let first = reasons.first {
                    stats.counters.add("\(f.rawValue):\(first)")
                    if dropBy == nil && drop.contains(f) { dropBy = (f, reasons) }
                }
                members.append((key: f.rawValue, value: Self.json(f, signals, reasons)))
            }
            record.setAttributes("quality", .object(members))
            if let (f, reasons) = dropBy {
                // As every stage drops: the record whole under `record` (it was a JSON string under `raw`).
                batch.dropped.append(RejectedRecord(dropping: record, reason: "filter:\(f.rawValue)",
                                                    detail: reasons.joined(separator: ",")))
                stats.changed += 1
            } else {
                kept.append(record)
            }
        }
        batch.records = kept
    }

    private static func num(_ v: Double) -> JSONValue { .double(v, fractionDigits: 6) }

    /// The signals of one filter, its decision and reasons, as written under `attributes.quality`.
    static func json(_ f: QualityFilterKind, _ s: QualitySignals, _ reasons: [String]) -> JSONValue {
        var m: [JSONValue.Member] = [
            (key: "keep", value: .bool(reasons.isEmpty)),
            (key: "reasons", value: .array(reasons.map { .string($0) })),
        ]
        switch f {
        case .gopherQuality:
            let g = s.gopherQuality
            m += [(key: "words", value: .int(g.words)),
                  (key: "non_symbol_words", value: .int(g.nonSymbolWords)),
                  (key: "mean_word_length", value: num(g.meanWordLength)),
                  (key: "hash_to_word_ratio", value: num(g.hashToWordRatio)),
                  (key: "ellipsis_to_word_ratio", value: num(g.ellipsisToWordRatio)),
                  (key: "bullet_lines_ratio", value: num(g.bulletLinesRatio)),
                  (key: "ellipsis_lines_ratio", value: num(g.ellipsisLinesRatio)),
                  (key: "alpha_words_ratio", value: num(g.alphaWordsRatio)),
                  (key: "stop_words", value: g.stopWords.map { .int($0) } ?? .null)]
        case .gopherRepetition:
            let r = s.gopherRepetition
            m += [(key: "dup_para_frac", value: num(r.duplicateParagraphFraction)),
                  (key: "dup_para_char_frac", value: num(r.duplicateParagraphCharFraction)),
                  (key: "dup_line_frac", value: num(r.duplicateLineFraction)),
                  (key: "dup_line_char_frac", value: num(r.duplicateLineCharFraction))]
            for (k, v) in r.topNgramCharFraction.enumerated() { m.append((key: "top_\(k + 2)_gram_char_frac", value: num(v))) }
            for (k, v) in r.duplicateNgramCharFraction.enumerated() { m.append((key: "dup_\(k + 5)_gram_char_frac", value: num(v))) }
        case .c4:
            let c = s.c4
            m += [(key: "lines", value: .int(c.lines)),
                  (key: "kept_lines", value: .int(c.keptLines)),
                  (key: "sentences", value: .int(c.sentences)),
                  (key: "lines_too_long_word", value: .int(c.linesTooLongWord)),
                  (key: "lines_no_terminal_punct", value: .int(c.linesNoTerminalPunctuation)),
                  (key: "lines_too_few_words", value: .int(c.linesTooFewWords)),
                  (key: "lines_javascript", value: .int(c.linesJavascript)),
                  (key: "lines_policy", value: .int(c.linesPolicy)),
                  (key: "lorem_ipsum", value: .bool(c.loremIpsum)),
                  (key: "curly_bracket", value: .bool(c.curlyBracket))]
        case .fineweb:
            let w = s.fineweb
            m += [(key: "lines", value: .int(w.lines)),
                  (key: "line_punct_ratio", value: num(w.linePunctuationRatio)),
                  (key: "short_line_ratio", value: num(w.shortLineRatio)),
                  (key: "char_dup_ratio", value: num(w.charDuplicatesRatio)),
                  (key: "new_line_ratio", value: num(w.newLineRatio))]
        }
        return .object(m)
    }
}

/// The quality stage, as written in a pipeline builder.
public typealias Quality = QualityStage
