#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output written under a temporary name and renamed into place when complete, so a
/// reader never sees a half-written file under its final name.
final class OutputFile {
    let finalPath: String
    let tempPath: String
    private var fd: Int32 = -1
    private(set) var bytesWritten = 0

    /// Opens (creating parent directories) `path + ".partial"` for writing, empty.
    init(path: String) throws(WriteError) {
        finalPath = path
        tempPath = path + ".partial"
        try FileSystem.makeParentDirectories(of: path)
        fd = open(tempPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: tempPath, errno: errno, action: "create") }
    }

    /// Reopens the partial output of an interrupted run, cut back to `length`, the size its
    /// checkpoint recorded as durable. Returns nil when it is missing or shorter than that
    /// (the file is then redone from its start).
    init?(resuming path: String, length: Int) throws(WriteError) {
        finalPath = path
        tempPath = path + ".partial"
        // Killed between the rename and the journal update: the output is complete but the
        // journal does not know; take it back as the partial file.
        if !FileSystem.exists(tempPath) && FileSystem.exists(finalPath) {
            if rename(finalPath, tempPath) != 0 { throw WriteError(path: finalPath, errno: errno, action: "rename") }
        }
        guard let size = FileSystem.size(tempPath), size >= length else { return nil }
        fd = open(tempPath, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw WriteError(path: tempPath, errno: errno, action: "open") }
        if ftruncate(fd, off_t(length)) != 0 { throw WriteError(path: tempPath, errno: errno, action: "truncate") }
        if lseek(fd, off_t(length), SEEK_SET) < 0 { throw WriteError(path: tempPath, errno: errno, action: "seek in") }
        bytesWritten = length
    }

    /// Makes everything written so far durable.
    func sync() throws(WriteError) {
        if fd >= 0 && fsync(fd) != 0 { throw WriteError(path: tempPath, errno: errno, action: "fsync") }
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    func write(_ bytes: [UInt8]) throws(WriteError) {
        try FileSystem.writeAll(fd: fd, bytes: bytes, path: tempPath)
        bytesWritten += bytes.count
    }

    /// Flushes to disk, closes and renames to the final name.
    func commit() throws(WriteError) {
        guard fd >= 0 else { return }
        if fsync(fd) != 0 { throw WriteError(path: tempPath, errno: errno, action: "fsync") }
        Glibc.close(fd)
        fd = -1
        if rename(tempPath, finalPath) != 0 { throw WriteError(path: finalPath, errno: errno, action: "rename to") }
    }

    /// Closes without renaming: the partial output stays for inspection and resume.
    func close() {
        if fd >= 0 { Glibc.close(fd); fd = -1 }
    }
}

/// A failed write, naming the file and the system's reason.
public struct WriteError: Error, Sendable, CustomStringConvertible {
    /// The file written.
    public var path: String
    /// The system's error number.
    public var code: Int32
    /// What was being done (`create`, `open`, `rename`, …).
    public var action: String

    init(path: String, errno: Int32, action: String) {
        self.path = path
        code = errno
        self.action = action
    }

    /// The action, the path and the system's reason.
    public var description: String {
        let hint = code == ENOSPC || code == EDQUOT || code == EFBIG ? " (no space or file size limit: free space and run the same command again to resume)"
            : code == EACCES || code == EROFS ? " (check the output directory's permissions)" : ""
        return "cannot \(action) \(path): \(String(cString: strerror(code)))\(hint)"
    }
}

/// Small POSIX helpers shared by the writers.
enum FileSystem {
    static func makeParentDirectories(of path: String) throws(WriteError) {
        guard let slash = path.lastIndex(of: "/") else { return }
        try makeDirectories(String(path[..<slash]))
    }

    static func makeDirectories(_ dir: String) throws(WriteError) {
        if dir.isEmpty { return }
        var st = stat()
        if stat(dir, &st) == 0 { return }
        if let slash = dir.lastIndex(of: "/"), slash != dir.startIndex {
            try makeDirectories(String(dir[..<slash]))
        }
        if mkdir(dir, 0o755) != 0 && errno != EEXIST { throw WriteError(path: dir, errno: errno, action: "create directory") }
    }

    /// Replaces `path` atomically: a crash leaves the old or the new content, never a mix.
    static func writeAtomically(_ path: String, _ bytes: [UInt8]) throws(WriteError) {
        let temp = path + ".tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: temp, errno: errno, action: "create") }
        do throws(WriteError) {
            try writeAll(fd: fd, bytes: bytes, path: temp)
            if fsync(fd) != 0 { throw WriteError(path: temp, errno: errno, action: "fsync") }
        } catch {
            Glibc.close(fd)
            unlink(temp)
            throw error
        }
        Glibc.close(fd)
        if rename(temp, path) != 0 { throw WriteError(path: path, errno: errno, action: "rename to") }
        syncDirectory(of: path)
    }

    /// Makes a rename in the directory of `path` durable.
    static func syncDirectory(of path: String) {
        let dir = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let fd = open(dir.isEmpty ? "/" : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); Glibc.close(fd) }
    }

    /// Names in a directory (without `.` and `..`), sorted; nil when it cannot be read.
    static func list(_ dir: String) -> [String]? {
        guard let d = opendir(dir) else { return nil }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func size(_ path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : nil
    }

    static func writeAll(fd: Int32, bytes: [UInt8], path: String) throws(WriteError) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, errno: errno, action: "write")
            }
            done += n
        }
    }
}
