#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands INPUT arguments into input files: directories are walked recursively, in sorted
/// order so that runs are reproducible.
public struct InputDiscovery: Sendable {
    /// Files found, in a stable order.
    public var files: [InputFile] = []
    /// Files skipped because Sluice does not read their kind (relative paths).
    public var skipped: [String] = []
    /// Arguments that could not be read at all, with the reason.
    public var errors: [String] = []
    /// Subdirectories that could not be listed (relative paths); their files are not processed.
    public var unreadable: [String] = []
    /// Directories reached a second time (through a symbolic link: a loop such as `d/up -> ..`,
    /// or a second path to one directory), with the path they were first read under; each
    /// directory is read once.
    public var repeated: [(path: String, firstReadAs: String)] = []
    /// Subdirectories holding another Sluice run's output (a `.sluice/` journal), not read:
    /// their records, rejects and stats would come back as input. Given as an INPUT argument
    /// itself, such a directory is read.
    public var otherOutputs: [String] = []
    /// Directories entered so far, by device and inode, with the path they were read under.
    private var entered: [DirectoryID: String] = [:]

    private struct DirectoryID: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64

        init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
        }
    }

    /// Walks `inputs`. Output directories named in `exclude` are not entered.
    public init(inputs: [String], exclude: [String] = []) {
        let excluded = Set(exclude.map(Self.canonical))
        for input in inputs {
            if input == "-" {
                var f = InputFile(path: "-", relative: "stdin.jsonl", format: .jsonl, size: 0, isStdin: true)
                f.index = files.count
                files.append(f)
                continue
            }
            var st = stat()
            guard stat(input, &st) == 0 else {
                errors.append("\(input): \(String(cString: strerror(errno)))")
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                walk(root: input, dir: input, id: DirectoryID(st), prefix: "", excluded: excluded)
            } else {
                let name = input.split(separator: "/").last.map(String.init) ?? input
                add(path: input, relative: name, size: Int(st.st_size))
            }
        }
    }

    private mutating func add(path: String, relative: String, size: Int) {
        guard let (format, compression) = InputFile.classify(relative) else {
            skipped.append(relative)
            return
        }
        var f = InputFile(path: path, relative: relative, format: format, compression: compression, size: size)
        f.index = files.count
        files.append(f)
    }

    /// Walks directory `dir` (device and inode `id`, from the caller's `stat`).
    private mutating func walk(root: String, dir: String, id: DirectoryID, prefix: String, excluded: Set<String>) {
        if excluded.contains(Self.canonical(dir)) { return }
        let shown = prefix.isEmpty ? dir : prefix
        if let first = entered[id] {
            repeated.append((shown, first))
            return
        }
        entered[id] = shown
        guard let all = FileSystem.list(dir) else {
            // The top-level argument is checked by the caller; an unreadable subdirectory is
            // reported without stopping the run.
            if dir == root { errors.append("\(dir): \(String(cString: strerror(errno)))") } else { unreadable.append(prefix) }
            return
        }
        for name in all where !name.hasPrefix(".") {
            let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            let rel = prefix.isEmpty ? name : prefix + "/" + name
            var st = stat()
            guard stat(path, &st) == 0 else {
                // A dangling link or a vanished file inside a directory fails alone when
                // opened; it does not stop the run.
                add(path: path, relative: rel, size: 0)
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                if Self.isSluiceOutput(path) && !excluded.contains(Self.canonical(path)) {
                    otherOutputs.append(rel)
                    continue
                }
                walk(root: root, dir: path, id: DirectoryID(st), prefix: rel, excluded: excluded)
            } else if (st.st_mode & S_IFMT) == S_IFREG {
                add(path: path, relative: rel, size: Int(st.st_size))
            }
        }
    }

    /// Whether `dir` holds a Sluice run's journal directory.
    static func isSluiceOutput(_ dir: String) -> Bool {
        var st = stat()
        return stat(dir + "/.sluice", &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func canonical(_ path: String) -> String {
        guard let r = realpath(path, nil) else { return path }
        defer { free(r) }
        return String(cString: r)
    }
}
