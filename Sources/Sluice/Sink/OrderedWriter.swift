#if canImport(Glibc)
import Glibc
#endif

/// Writes a file's batch results in order: the output, and `_rejected/` opened on first use.
final class OrderedWriter {
    private let output: OutputFile?
    private var rejected: OutputFile?
    private let rejectedPath: String?
    private let toStdout: Bool

    /// Starts the outputs of `file` afresh, or, with `resume`, continues them from the
    /// lengths a checkpoint recorded. Returns nil when resuming is impossible (the partial
    /// outputs are gone or shorter than recorded): the caller starts over.
    init?(file: InputFile, outputDirectory: String?, sink: SinkOptions,
          resume: (output: Int, rejected: Int)? = nil) throws(WriteError) {
        guard let dir = outputDirectory else {
            output = nil
            rejectedPath = nil
            toStdout = true
            return
        }
        toStdout = false
        let outputPath = "\(dir)/\(file.stem)\(sink.fileExtension)"
        let rejectedPath = "\(dir)/_rejected/\(file.stem).jsonl.zst"
        self.rejectedPath = rejectedPath
        if let resume {
            guard let out = try OutputFile(resuming: outputPath, length: resume.output) else { return nil }
            output = out
            if resume.rejected > 0 {
                guard let rej = try OutputFile(resuming: rejectedPath, length: resume.rejected) else { return nil }
                rejected = rej
            } else {
                Self.removeStale(rejectedPath)
            }
        } else {
            output = try OutputFile(path: outputPath)
            Self.removeStale(rejectedPath)
        }
    }

    /// A rejected file from an earlier run of this input would be stale now.
    private static func removeStale(_ path: String) {
        unlink(path)
        unlink(path + ".partial")
    }

    func write(_ r: BatchResult) throws(WriteError) {
        if toStdout {
            if !r.output.isEmpty { try FileSystem.writeAll(fd: 1, bytes: r.output, path: "stdout") }
            // Without an output directory, rejected records go to stderr so none vanish.
            if !r.rejectedOutput.isEmpty { try FileSystem.writeAll(fd: 2, bytes: r.rejectedOutput, path: "stderr") }
            return
        }
        if !r.output.isEmpty { try output?.write(r.output) }
        if !r.rejectedOutput.isEmpty, let rejectedPath {
            if rejected == nil { rejected = try OutputFile(path: rejectedPath) }
            try rejected?.write(r.rejectedOutput)
        }
    }

    /// Flushes both outputs to disk; returns their durable lengths for a checkpoint.
    func sync() throws(WriteError) -> (output: Int, rejected: Int) {
        try output?.sync()
        try rejected?.sync()
        return (output?.bytesWritten ?? 0, rejected?.bytesWritten ?? 0)
    }

    /// Renames the outputs into place; returns the output's size in bytes.
    func commit() throws(WriteError) -> Int {
        // Zero bytes are not a zstd file (`zstd -d` fails on them): write an empty frame.
        if let output, output.bytesWritten == 0 { try output.write(ZstdFormat.emptyFrame) }
        try rejected?.commit()
        try output?.commit()
        return output?.bytesWritten ?? 0
    }

    /// Leaves the partial outputs closed under their temporary names.
    func abandon() {
        output?.close()
        rejected?.close()
    }
}
