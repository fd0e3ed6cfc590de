/// The shape of the reading passes that stages make before a run (exact dedup's keys,
/// near-dedup's signatures): one task per input file, at most `jobs` at a time.
enum ReadingPass {
    /// Runs `work` on each of `files`, at most `jobs` at a time, and hands each file's index and
    /// result to `body` as the file finishes (in completion order, on the caller's task). Once
    /// `body` returns false no further file is started; those running still finish.
    static func forEach<R: Sendable>(_ files: [InputFile], jobs: Int, _ work: @escaping @Sendable (InputFile) -> R,
                                     _ body: (Int, R) -> Bool) async {
        await withTaskGroup(of: (Int, R).self) { group in
            var running = 0
            var more = true
            var iterator = files.makeIterator()
            let limit = max(1, jobs)
            while true {
                while more, running < limit, let f = iterator.next() {
                    group.addTask { (f.index, work(f)) }
                    running += 1
                }
                guard let (i, result) = await group.next() else { break }
                running -= 1
                if !body(i, result) { more = false }
            }
        }
    }
}
