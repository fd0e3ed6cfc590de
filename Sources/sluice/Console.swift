#if canImport(Glibc)
import Glibc
#endif

/// Writes diagnostics to stderr, unbuffered, so they interleave correctly with progress.
enum Console {
    static func error(_ message: String) {
        let line = message.hasSuffix("\n") ? message : message + "\n"
        var bytes = Array(line.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + done, $0.count - done) }
            if n <= 0 { if errno == EINTR { continue }; return }
            done += n
        }
    }
}
