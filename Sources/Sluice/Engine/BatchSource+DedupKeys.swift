extension BatchSource {
    /// Hands `body` the dedup key and line number of each record of a JSONL input, in order,
    /// without building records (``RecordDecoder/dedupKey(ofJSONLine:lineNumber:)``). Stops at
    /// a read error — the main pass reports it — or when `shouldStop` returns true.
    func forEachDedupKey(shouldStop: () -> Bool, _ body: (_ key: UInt64, _ line: Int) -> Void) {
        var count = 0
        do {
            while try lines.nextLine({ line in
                if let key = decoder.dedupKey(ofJSONLine: line, lineNumber: lines.lineNumber) {
                    body(key, lines.lineNumber)
                }
            }) {
                count += 1
                if count & 1023 == 0 && shouldStop() { break }
            }
        } catch {
            return
        }
    }
}
