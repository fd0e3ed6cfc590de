import Foundation

/// Headless Chromium (Debian's `chromium`) for the report's browser tests.
enum Chromium {
    /// The browser, or nil when none is installed (the tests are then skipped).
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Why the browser tests are skipped.
    static let absent = "chromium is not installed (apt-get install -y chromium; .ci/run installs it): the report's browser tests are skipped"

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Messages the page wrote to the console or uncaught errors, as Chromium logs them.
        var consoleLines: [String] { stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init) }
    }

    /// Runs headless Chromium on `page` with `args` (`--dump-dom`, `--screenshot=…`), with its
    /// own profile directory (tests run in parallel) and a time limit.
    static func run(_ page: URL, _ args: [String], profile: URL) throws -> Result {
        guard let path else { throw E2E.Failure(absent) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                       "--disable-extensions", "--disable-background-networking", "--enable-logging=stderr", "--v=0",
                       "--user-data-dir=\(profile.path)"] + args + [page.absoluteString]
        p.currentDirectoryURL = profile
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let killer = DispatchWorkItem { if p.isRunning { p.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: killer)
        // Both pipes drained at once, so a full one never blocks the browser.
        let collected = Collected()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            collected.data = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        killer.cancel()
        return Result(status: p.terminationStatus, stdout: String(decoding: collected.data, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// stdout, filled by the reading thread before the group is left.
    private final class Collected: @unchecked Sendable {
        var data = Data()
    }
}
