/// The clean stage: `TextCleaner` over each record, lifting tags and date into fields.
public struct CleanStage: Stage {
    /// The cleaner run on each record's text.
    public let cleaner: TextCleaner
    /// Keep the text before cleaning in `raw_text`, for audit.
    public let keepRawText: Bool
    /// Drop a record with no text left after cleaning (reason `clean:empty`, with its text as it
    /// came in), instead of keeping an empty document: a page of only no-break spaces, a
    /// record that was one boilerplate line.
    public let dropEmpty: Bool

    /// A clean stage; `keepRawText` keeps the text before cleaning in `raw_text`; `dropEmpty`
    /// drops records left without text (the stream command keeps them: one line per record).
    public init(options: TextCleaner.Options = .init(), keepRawText: Bool = false, dropEmpty: Bool = true) {
        cleaner = TextCleaner(options: options)
        self.keepRawText = keepRawText
        self.dropEmpty = dropEmpty
    }

    /// The stage's name in pipeline files and stats.
    public var name: String { "clean" }
    /// The stage's version and options, part of the run fingerprint.
    public var fingerprint: String {
        let o = cleaner.options
        var f = "clean/3 drop_empty=\(dropEmpty) normalization=\(o.normalization.rawValue) remove_control=\(o.removeControl) normalize_spaces=\(o.normalizeSpaces) collapse_spaces=\(o.collapseSpaces) trim_lines=\(o.trimLines) max_blank_lines=\(o.maxBlankLines) lift_hashtags=\(o.liftHashtags) lift_timestamp=\(o.liftTimestamp) keep_raw_text=\(keepRawText)"
        f += " mojibake=\(o.repairMojibake) html_entities=\(o.htmlEntities) html_tags=\(o.htmlTags) boilerplate=\(o.removeBoilerplate) punctuation=\(o.fixPunctuation) french_spacing=\(o.frenchSpacing)"
        if !o.boilerplatePatterns.isEmpty || o.replaceDefaultBoilerplate {
            // The patterns themselves, not the file name: editing the file changes the pipeline.
            f += " boilerplate_patterns=\(o.boilerplatePatterns.count):\(Self.digest(o.boilerplatePatterns)) replace_default=\(o.replaceDefaultBoilerplate)"
        }
        return f
    }

    /// Runs the stage over `batch`, counting into `stats`.
    public func process(_ batch: inout Batch, stats: inout StageStats) {
        let progress = StageProgress.current
        var empty: [Int] = []
        for i in batch.records.indices {
            progress?.at(record: i)
            let before = batch.records[i].text
            let result = cleaner.clean(before, language: batch.records[i].lang ?? batch.records[i].inputLang)
            stats.records += 1
            stats.counters.merge(result.counters)
            let textChanged = result.text.utf8.count != before.utf8.count || result.text != before
            if textChanged || !result.tags.isEmpty || result.date != nil { stats.changed += 1 }
            if dropEmpty && result.text.isEmpty {
                // Dropped as it came in: its text is what a reader of _rejected/ needs to see.
                empty.append(i)
                continue
            }
            if keepRawText && textChanged { batch.records[i].rawText = before }
            batch.records[i].text = result.text
            batch.records[i].addTags(result.tags)
            if batch.records[i].date == nil { batch.records[i].date = result.date }
        }
        guard !empty.isEmpty else { return }
        stats.counters.add("empty_dropped", empty.count)
        batch.drop(at: empty, reason: "clean:empty", detail: "no text left after cleaning")
    }

    /// A stable 64-bit FNV-1a digest of `lines`, in hex.
    static func digest(_ lines: [String]) -> String {
        var h = FNV1a()
        for line in lines {
            h.add(line.utf8)
            h.add(byte: 0x0A)
        }
        return String(h.value, radix: 16)
    }
}
