#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on an output directory for one run, or one shard of a run: a second
/// `sluice run` into the same output while the first goes on (a Slurm task resubmitted, a
/// command typed twice) is refused, instead of the two renaming each other's checkpoints and
/// outputs away. Different shards lock different names and run side by side.
///
/// `flock` on `OUT/.sluice/<name>.lock`: the kernel releases it when the process ends, however
/// it ends, so no stale lock is left. On a file system without `flock` the run goes on unlocked.
final class RunLock {
    private let fd: Int32

    /// Takes the lock `name` in `outputDirectory`, or throws when another process holds it.
    init(outputDirectory: String, name: String) throws(Engine.ConfigurationError) {
        let dir = outputDirectory + "/.sluice"
        do { try FileSystem.makeDirectories(dir) } catch { throw Engine.ConfigurationError(description: "\(error)") }
        let path = dir + "/" + name + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw Engine.ConfigurationError(description: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EWOULDBLOCK {
                close(fd)
                let what = name == "run" ? "another sluice run" : "another sluice run of \(name)"
                throw Engine.ConfigurationError(description: "\(outputDirectory): \(what) is writing there now; "
                    + "wait for it to end (or stop it), then run the same command again: it resumes where that one stopped")
            }
            // No flock here (some network file systems): go on without the lock.
        }
        self.fd = fd
    }

    deinit { close(fd) }
}
