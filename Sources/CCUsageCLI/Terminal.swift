import CCUsageKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to the terminal, the scan's progress line and `--jq`: the CLI's only output channels.
enum Terminal {
    static func isTTY(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// `COLUMNS` when set and positive, else the terminal's width, else 120.
    static func width(_ env: [String: String]) -> Int {
        if let text = env["COLUMNS"], let value = Int(text.trimmed), value > 0 { return value }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 120
    }

    static func out(_ text: String) { write(STDOUT_FILENO, text) }

    static func error(_ text: String) { write(STDERR_FILENO, text.hasSuffix("\n") ? text : text + "\n") }

    /// Where a captured run's stdout and stderr go instead of the process's (see `CapturedRun`); nil: the
    /// file descriptors themselves.
    @TaskLocal static var sink: CapturedOutput?

    /// Writes all of `text`, retrying short and interrupted writes; false when the output is gone
    /// (a closed pipe ends quietly).
    @discardableResult
    static func write(_ fd: Int32, _ text: String) -> Bool {
        if let sink { sink.append(text, toStandardError: fd == STDERR_FILENO); return true }
        var copy = text
        return copy.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                let n = Darwin.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if n < 0 { if errno == EINTR || errno == EAGAIN { continue }; return false }
                offset += n
            }
            return true
        }
    }
}

/// A `files / MiB` progress line on stderr for scans longer than a second (TTY only).
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let start = DispatchTime.now()
    private var files = 0
    private var bytes: Int64 = 0
    private var shown = false
    private var lastDraw: UInt64 = 0
    private let lock = NSLock()

    init(enabled: Bool) { self.enabled = enabled }

    var callback: (@Sendable (Int, Int64) -> Void)? {
        guard enabled else { return nil }
        return { [self] count, size in self.advance(count, size) }
    }

    private func advance(_ count: Int, _ size: Int64) {
        lock.lock(); defer { lock.unlock() }
        files += count; bytes += size
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - start.uptimeNanoseconds > 1_000_000_000, now - lastDraw > 100_000_000 else { return }
        lastDraw = now
        shown = true
        Terminal.write(STDERR_FILENO, "\r\u{1B}[2KReading transcripts: \(files) files, \(bytes / 1_048_576) MiB")
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if shown { Terminal.write(STDERR_FILENO, "\r\u{1B}[2K") }
    }
}

/// `--jq`: runs the system `jq` directly (no shell) on the JSON output.
enum JQ {
    static func locate(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = String(dir) + "/jq"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    static func run(filter: String, input: String) throws {
        guard let jq = locate() else {
            throw CLIError("--jq needs the jq command, which was not found on PATH. Install jq (e.g. apt-get install jq) or use --json.")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: jq)
        process.arguments = [filter]
        let pipe = Pipe()
        process.standardInput = pipe
        do { try process.run() } catch {
            throw CLIError("Could not start jq: \(error.localizedDescription)")
        }
        signal(SIGPIPE, SIG_IGN)
        let handle = pipe.fileHandleForWriting
        try? handle.write(contentsOf: Data(input.utf8))
        try? handle.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIError("jq failed with exit code \(process.terminationStatus) for filter '\(filter)'.")
        }
    }
}
