#if canImport(Glibc)
import Glibc
#endif

/// Appends stats events to `OUT/stats.jsonl`, one JSON object per line.
final class StatsLog {
    private var fd: Int32
    let path: String

    /// Starts the log with `events` (the file events of files finished earlier), replacing
    /// the old log atomically.
    init(path: String, events: [JSONValue] = []) throws(WriteError) {
        self.path = path
        var w = JSONWriter()
        for e in events {
            w.appendValue(e)
            w.appendRawASCII("\n")
        }
        try FileSystem.writeAtomically(path, w.bytes)
        fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw WriteError(path: path, errno: errno, action: "open") }
    }

    deinit { close() }

    /// Appends one event. A stats write failure must not lose the run's data, so it is
    /// reported on stderr rather than thrown.
    func append(_ event: JSONValue) {
        var w = JSONWriter()
        w.appendValue(event)
        w.appendRawASCII("\n")
        do {
            try FileSystem.writeAll(fd: fd, bytes: w.bytes, path: path)
        } catch {
            try? FileSystem.writeAll(fd: 2, bytes: Array("sluice: \(error)\n".utf8), path: "stderr")
        }
    }

    func close() {
        if fd >= 0 { Glibc.close(fd); fd = -1 }
    }
}
