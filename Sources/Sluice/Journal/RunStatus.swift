/// The state of a run in an output directory, read from its journal (`sluice status`).
public struct RunStatus: Sendable {
    public struct FileState: Sendable {
        public var file: String
        public var status: String
        public var recordsDone: Int
        public var savedAt: Double
        public var error: String?
        /// Set when the input's fingerprint no longer matches its checkpoint.
        public var changed: String?
    }

    public var run: RunJournal.RunRecord
    public var files: [FileState] = []
    /// Inputs found now that the journal has never seen.
    public var pending: [String] = []
    /// Files of the run whose inputs are gone.
    public var vanished: [String] = []
    /// nil when the pipeline is unchanged; otherwise what changed (or why it could not be checked).
    public var pipelineChange: String?
    public var lastCheckpoint: Double = 0

    public var done: Int { files.filter { $0.status == "done" }.count }
    public var failed: Int { files.filter { $0.status == "failed" }.count }
    public var inProgress: Int { files.filter { $0.status == "in_progress" }.count }
    public var recordsDone: Int { files.reduce(0) { $0 + $1.recordsDone } }

    /// Reads the journal in `outputDirectory`; nil when there is none. Inputs are looked up as
    /// the run named them, relative to the current directory.
    public init?(outputDirectory: String) {
        let journal = RunJournal(outputDirectory: outputDirectory)
        guard let run = journal.loadRun() else { return nil }
        self.run = run
        let checkpoints = journal.loadCheckpoints()
        let discovery = InputDiscovery(inputs: run.inputs, exclude: [outputDirectory])
        let present = Dictionary(discovery.files.map { ($0.relative, $0) }, uniquingKeysWith: { a, _ in a })
        for cp in checkpoints.values.sorted(by: { $0.file < $1.file }) {
            var state = FileState(file: cp.file, status: cp.status.rawValue, recordsDone: cp.stats.recordsIn,
                                  savedAt: cp.savedAt, error: cp.stats.error)
            if let f = present[cp.file], !f.isStdin, let fp = InputFingerprint(path: f.path), fp != cp.fingerprint {
                state.changed = fp.difference(from: cp.fingerprint)
            }
            if present[cp.file] == nil { vanished.append(cp.file) }
            lastCheckpoint = max(lastCheckpoint, cp.savedAt)
            files.append(state)
        }
        pending = discovery.files.map(\.relative).filter { checkpoints[$0] == nil && !$0.hasPrefix("stdin") }
        do {
            let p = try PipelineFile.load(nameOrPath: run.pipelineSource)
            if p.fingerprint != run.pipelineFingerprint {
                pipelineChange = PipelineDiff.describe(old: run.pipelineFingerprint, new: p.fingerprint,
                                                       oldName: run.pipelineName, newName: p.name)
            }
        } catch {
            pipelineChange = "cannot load the pipeline '\(run.pipelineSource)' to compare: \(error)"
        }
    }
}
