/// The state of a run in an output directory, read from its journal (`sluice status`).
public struct RunStatus: Sendable {
    /// One input file's journal entry.
    public struct FileState: Sendable {
        /// The input's path relative to its root.
        public var file: String
        /// `in_progress`, `done` or `failed`.
        public var status: String
        /// Input records accounted for by the last checkpoint.
        public var recordsDone: Int
        /// When the checkpoint was saved, in seconds since the epoch.
        public var savedAt: Double
        /// Why the file failed, when it did.
        public var error: String?
        /// Set when the input's fingerprint no longer matches its checkpoint.
        public var changed: String?
    }

    /// The run-level record.
    public var run: RunJournal.RunRecord
    /// Every input file with a journal entry.
    public var files: [FileState] = []
    /// Inputs found now that the journal has never seen.
    public var pending: [String] = []
    /// Files of the run whose inputs are gone.
    public var vanished: [String] = []
    /// nil when the pipeline is unchanged; otherwise what changed (or why it could not be checked).
    public var pipelineChange: String?
    /// The latest checkpoint time, in seconds since the epoch.
    public var lastCheckpoint: Double = 0

    /// The shards of the sharded run in `outputDirectory`, started or not: nil when the run is
    /// not sharded. `started` lists those with a journal.
    public static func shards(in outputDirectory: String) -> (count: Int, started: [Shard])? {
        let layout = ShardPlan.layout(outputDirectory: outputDirectory)
        // The started shards' count (the fewest, should runs be mixed), else a plan's.
        guard let count = layout.journals.first?.count ?? layout.plans.first else { return nil }
        return (count, layout.journals.filter { $0.count == count })
    }

    /// Files done.
    public var done: Int { files.filter { $0.status == "done" }.count }
    /// Files failed.
    public var failed: Int { files.filter { $0.status == "failed" }.count }
    /// Files started and not finished.
    public var inProgress: Int { files.filter { $0.status == "in_progress" }.count }
    /// Input records accounted for over every file.
    public var recordsDone: Int { files.reduce(0) { $0 + $1.recordsDone } }

    /// Reads the journal in `outputDirectory` (of `shard` in a sharded run); nil when there is
    /// none. Inputs are looked up as the run named them, relative to the current directory.
    ///
    /// `lookups` shares the input walk, the shard plan and the pipeline between the statuses of
    /// one run's shards, so a report on N shards does each once, not N times.
    public init?(outputDirectory: String, shard: Shard? = nil, lookups: Lookups = Lookups()) {
        let journal = RunJournal(outputDirectory: outputDirectory, shard: shard)
        guard let run = journal.loadRun() else { return nil }
        self.run = run
        let checkpoints = journal.loadCheckpoints()
        var discovery = lookups.discovery(of: run.inputs, excluding: outputDirectory)
        if let shard {
            // Pending means pending in this shard: files the run's plan gives to the others are theirs.
            let assignment = lookups.assignment(outputDirectory: outputDirectory, count: shard.count, files: discovery.files)
            discovery.files = assignment.files(of: shard.index, among: discovery.files)
        }
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
        switch lookups.pipeline(run.pipelineSource) {
        case .success(let p):
            if p.fingerprint != run.pipelineFingerprint {
                pipelineChange = PipelineDiff.describe(old: run.pipelineFingerprint, new: p.fingerprint,
                                                       oldName: run.pipelineName, newName: p.name)
            }
        case .failure(let error):
            pipelineChange = "cannot load the pipeline '\(run.pipelineSource)' to compare: \(error)"
        }
    }

    /// Look-ups that the statuses of several shards of one run share, each done once.
    public final class Lookups {
        private var discoveries: [[String]: InputDiscovery] = [:]
        private var assignments: [Int: ShardAssignment] = [:]
        private var pipelines: [String: Result<(name: String, fingerprint: String), any Error>] = [:]

        /// Empty look-ups.
        public init() {}

        func discovery(of inputs: [String], excluding outputDirectory: String) -> InputDiscovery {
            if let d = discoveries[inputs] { return d }
            let d = InputDiscovery(inputs: inputs, exclude: [outputDirectory])
            discoveries[inputs] = d
            return d
        }

        func assignment(outputDirectory: String, count: Int, files: [InputFile]) -> ShardAssignment {
            if let a = assignments[count] { return a }
            let a = ShardPlan.load(outputDirectory: outputDirectory, count: count)
                ?? ShardAssignment(inputs: files, count: count)
            assignments[count] = a
            return a
        }

        func pipeline(_ source: String) -> Result<(name: String, fingerprint: String), any Error> {
            if let p = pipelines[source] { return p }
            let p = Result<(name: String, fingerprint: String), any Error> {
                let file = try PipelineFile.load(nameOrPath: source)
                return (file.name, file.fingerprint)
            }
            pipelines[source] = p
            return p
        }
    }
}
