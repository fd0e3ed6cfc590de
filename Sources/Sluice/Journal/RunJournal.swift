#if canImport(Glibc)
import Glibc
#endif

/// The run journal under `OUT/.sluice/` (a shard's under `OUT/.sluice/shard-I-of-N/`, so
/// that tasks sharing an output directory never write each other's): what pipeline the run
/// uses, and a checkpoint file per input. Each file is replaced atomically (write, fsync, rename), so a crash leaves
/// either the old or the new version, never a torn one.
public struct RunJournal: Sendable {
    /// The run-level record: `OUT/.sluice/run.json`.
    public struct RunRecord: Sendable {
        /// The pipeline's name.
        public var pipelineName: String
        /// ``Pipeline/fingerprint``: a resume refuses another one.
        public var pipelineFingerprint: String
        /// The pipeline as given on the command line (a built-in name or a file path).
        public var pipelineSource: String
        /// The inputs as given on the command line.
        public var inputs: [String]
        /// Relative paths of the input files found when the run last started.
        public var files: [String]
        /// How many times the run was started (1 for a run never resumed).
        public var starts: Int
        /// The version of Sluice that last started the run.
        public var sluiceVersion: String
        /// `I/N` for a shard of a sharded run.
        public var shard: String? = nil
        /// Whether exact dedup saw every input of the run, not just this shard's
        /// (`--dedup-across-shards`); decides which documents are kept, so a resume must match.
        public var dedupAcrossShards = false
        /// The pipeline's stage names in order, naming the checkpoints' per-stage stats
        /// (`sluice report` of a run in progress); empty in journals written before issue 18.
        public var stageNames: [String] = []
    }

    /// The journal's directory.
    public let directory: String
    var filesDirectory: String { directory + "/files" }

    /// The journal of the run in `outputDirectory`, or of one shard of it.
    public init(outputDirectory: String, shard: Shard? = nil) {
        directory = outputDirectory + "/.sluice" + (shard.map { "/" + $0.name } ?? "")
    }

    /// Whether a run was started here.
    public var exists: Bool { access(directory + "/run.json", F_OK) == 0 }

    /// The run-level record, or nil when there is none or it cannot be read.
    public func loadRun() -> RunRecord? {
        guard let v = Self.readJSON(directory + "/run.json"),
              let fp = v["pipeline_fingerprint"]?.stringValue else { return nil }
        return RunRecord(
            pipelineName: v["pipeline_name"]?.stringValue ?? "",
            pipelineFingerprint: fp,
            pipelineSource: v["pipeline_source"]?.stringValue ?? "news",
            inputs: Self.strings(v["inputs"]),
            files: Self.strings(v["files"]),
            starts: v["starts"]?.intValue ?? 1,
            sluiceVersion: v["sluice_version"]?.stringValue ?? "",
            shard: v["shard"]?.stringValue,
            dedupAcrossShards: v["dedup_across_shards"] == .bool(true),
            stageNames: Self.strings(v["stages"]))
    }

    /// Writes the run-level record atomically.
    public func saveRun(_ r: RunRecord) throws(WriteError) {
        try FileSystem.makeDirectories(filesDirectory)
        var members: [JSONValue.Member] = [
            (key: "pipeline_name", value: .string(r.pipelineName)),
            (key: "pipeline_fingerprint", value: .string(r.pipelineFingerprint)),
            (key: "pipeline_source", value: .string(r.pipelineSource)),
            (key: "inputs", value: .array(r.inputs.map { .string($0) })),
            (key: "files", value: .array(r.files.map { .string($0) })),
            (key: "starts", value: .int(r.starts)),
            (key: "sluice_version", value: .string(r.sluiceVersion)),
            (key: "stages", value: .array(r.stageNames.map { .string($0) })),
        ]
        if let shard = r.shard {
            members.append((key: "shard", value: .string(shard)))
            members.append((key: "dedup_across_shards", value: .bool(r.dedupAcrossShards)))
        }
        let v = JSONValue.object(members)
        try FileSystem.writeAtomically(directory + "/run.json", Array(v.serialized().utf8))
    }

    /// Every checkpoint, by relative input path.
    public func loadCheckpoints() -> [String: FileCheckpoint] {
        var out: [String: FileCheckpoint] = [:]
        for name in FileSystem.list(filesDirectory) ?? [] where name.hasSuffix(".json") {
            if let v = Self.readJSON(filesDirectory + "/" + name), let cp = FileCheckpoint(json: v) {
                out[cp.file] = cp
            }
        }
        return out
    }

    /// Writes a file's checkpoint atomically.
    public func save(_ cp: FileCheckpoint) throws(WriteError) {
        try FileSystem.writeAtomically(path(for: cp.file), Array(cp.json().serialized().utf8))
    }

    /// Removes a file's checkpoint.
    public func remove(_ file: String) {
        unlink(path(for: file))
    }

    /// Forgets everything (`--restart`).
    public func reset() {
        for name in FileSystem.list(filesDirectory) ?? [] { unlink(filesDirectory + "/" + name) }
        unlink(directory + "/run.json")
    }

    /// One flat file per input: the relative path with `%` and `/` escaped.
    func path(for file: String) -> String {
        let escaped = file.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
        return filesDirectory + "/" + escaped + ".json"
    }

    static func readJSON(_ path: String) -> JSONValue? {
        guard let bytes = try? FileReader.readAll(path: path) else { return nil }
        return bytes.withUnsafeBufferPointer { try? JSONValue.parse($0) }
    }

    private static func strings(_ v: JSONValue?) -> [String] {
        guard case .array(let items)? = v else { return [] }
        return items.compactMap(\.stringValue)
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
