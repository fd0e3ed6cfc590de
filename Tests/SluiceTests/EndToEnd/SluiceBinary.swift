import Foundation
import Testing

/// Runs the built `sluice` executable, which SwiftPM puts in the same build products
/// directory as the test bundle.
enum SluiceBinary {
    struct Result: Sendable {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var out: String { String(decoding: stdout, as: UTF8.self) }
        var err: String { String(decoding: stderr, as: UTF8.self) }
        /// stdout split into lines (without the final empty piece).
        var lines: [String] { out.split(separator: "\n", omittingEmptySubsequences: false).dropLast(out.hasSuffix("\n") ? 1 : 0).map(String.init) }
    }

    /// The path of the `sluice` executable.
    static let path: String = {
        var candidates: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        for dir in candidates {
            // Linux: the test runner sits in the products dir; macOS: inside X.xctest/Contents/MacOS.
            var d = dir
            for _ in 0..<4 {
                let p = d.appendingPathComponent("sluice").path
                if FileManager.default.isExecutableFile(atPath: p) { return p }
                d = d.deletingLastPathComponent()
            }
        }
        return candidates.first!.appendingPathComponent("sluice").path
    }()

    /// Runs `sluice args…` with `stdin` (nil: /dev/null) in `cwd`, waiting for it to exit.
    static func run(_ args: [String], stdin: Data? = nil, cwd: URL? = nil) throws -> Result {
        let p = try start(args, stdin: stdin, cwd: cwd)
        return p.wait()
    }

    /// A started process whose output is being collected.
    final class Running: @unchecked Sendable {
        let process: Process
        private let group = DispatchGroup()
        private var outData = Data()
        private var errData = Data()

        init(process: Process, out: Pipe, err: Pipe) {
            self.process = process
            group.enter()
            DispatchQueue.global().async { [self] in
                outData = out.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
            group.enter()
            DispatchQueue.global().async { [self] in
                errData = err.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }

        func wait() -> Result {
            process.waitUntilExit()
            group.wait()
            return Result(status: process.terminationStatus, stdout: outData, stderr: errData)
        }
    }

    /// `sluice args…` under a 64 KiB file size limit (`ulimit -f` counts 512-byte blocks in
    /// POSIX sh). Sluice ignores SIGXFSZ, so writes past it fail with EFBIG.
    static func runWithFileSizeLimit(_ args: [String]) throws -> SluiceBinary.Result {
        try launch("/bin/sh", ["-c", #"ulimit -f 128; exec "$0" "$@""#, path] + args).wait()
    }

    /// Starts `sluice args…` with `stdin` (nil: /dev/null) in `cwd`, without waiting for it.
    static func start(_ args: [String], stdin: Data? = nil, cwd: URL? = nil) throws -> Running {
        guard let stdin else { return try launch(path, args, cwd: cwd) }
        let input = Pipe()
        let running = try launch(path, args, stdin: input, cwd: cwd)
        DispatchQueue.global().async {
            try? input.fileHandleForWriting.write(contentsOf: stdin)
            try? input.fileHandleForWriting.close()
        }
        return running
    }

    /// Starts `executable arguments`, collecting its stdout and stderr; its stdin is `stdin`,
    /// or /dev/null.
    private static func launch(_ executable: String, _ arguments: [String], stdin: Pipe? = nil, cwd: URL? = nil) throws -> Running {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        if let stdin { p.standardInput = stdin } else { p.standardInput = FileHandle.nullDevice }
        try p.run()
        return Running(process: p, out: out, err: err)
    }
}

/// Fixtures, temp dirs and zstd helpers for the end-to-end tests.
enum E2E {
    /// Writes `yaml` to `tmp/<name>.yaml` and runs `sluice run INPUT -o tmp/out-<name> -p` it;
    /// the result and the output directory.
    static func runPipeline(_ yaml: String, on input: URL, in tmp: URL, name: String) throws -> (result: SluiceBinary.Result, out: URL) {
        let pipeline = tmp.appendingPathComponent("\(name).yaml")
        try write(yaml, to: pipeline)
        let out = tmp.appendingPathComponent("out-\(name)")
        return (try SluiceBinary.run(["run", input.path, "-o", out.path, "-p", pipeline.path, "--progress", "none"]), out)
    }

    /// Tests/SluiceTests/Fixtures
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let input = fixtures.appendingPathComponent("e2e/in")
    static let zstd = fixtures.appendingPathComponent("zstd")
    /// The package root.
    static let root = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh empty directory, removed by the caller via `defer { E2E.remove(dir) }`.
    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("sluice-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func remove(_ dir: URL) {
        // Unreadable test files must become removable again.
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        try? FileManager.default.removeItem(at: dir)
    }

    /// `zstd -dc path`: the decompressed bytes.
    static func decompress(_ path: String) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["zstd", "-dc", "-q", path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus != 0 { throw Failure("zstd -dc \(path) exited \(p.terminationStatus)") }
        return data
    }

    /// The decompressed output lines of a `.jsonl.zst` file.
    static func lines(_ url: URL) throws -> [String] {
        let text = String(decoding: try decompress(url.path), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// All regular files under `dir`, relative, sorted.
    /// Files under `dir`, relative and sorted; the run journal (`.sluice/`) only with `journal`.
    static func files(_ dir: URL, journal: Bool = false) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir.path) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            if !journal && rel.hasPrefix(".sluice") { continue }
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: dir.appendingPathComponent(rel).path, isDirectory: &isDir)
            if !isDir.boolValue { out.append(rel) }
        }
        return out.sorted()
    }

    static func json(_ line: String) throws -> [String: Any] {
        guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed]) as? [String: Any] else {
            throw Failure("not a JSON object: \(line)")
        }
        return o
    }

    /// stats.jsonl events.
    static func events(_ url: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { try json(String($0)) }
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}
