#if canImport(Glibc)
import Glibc
#endif

/// Writes a file's batch results in order: the output, and `_rejected/` opened on first use.
final class OrderedWriter {
    private let output: OutputFile?
    private var rejected: OutputFile?
    private let rejectedPath: String?
    private let toStdout: Bool

    init(file: InputFile, outputDirectory: String?, sink: SinkOptions) throws(WriteError) {
        if let dir = outputDirectory {
            output = try OutputFile(path: "\(dir)/\(file.stem)\(sink.fileExtension)")
            let rejectedPath = "\(dir)/_rejected/\(file.stem).jsonl.zst"
            // A rejected file from an earlier run of this input would be stale now.
            unlink(rejectedPath)
            self.rejectedPath = rejectedPath
            toStdout = false
        } else {
            output = nil
            rejectedPath = nil
            toStdout = true
        }
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
