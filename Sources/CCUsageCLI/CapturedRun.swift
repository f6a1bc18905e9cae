import Foundation

/// The text a captured run wrote, collected instead of reaching the process's stdout and stderr.
final class CapturedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var out = ""
    private var err = ""

    func append(_ text: String, toStandardError: Bool) {
        lock.lock(); defer { lock.unlock() }
        if toStandardError { err += text } else { out += text }
    }

    var texts: (out: String, err: String) {
        lock.lock(); defer { lock.unlock() }
        return (out, err)
    }
}

/// One `ccusage` command run in this process, with what it printed: how the web dashboard gets exactly the
/// JSON `ccusage <report> --json` prints, through the CLI's own code path (and its caches), without a child
/// process. Runs are serialized: a command keeps process-wide state (loaded data parked until exit, cache
/// writes finished before return), which each run here releases afterwards.
public struct CapturedRun: Sendable, Equatable {
    public var code: Int32
    public var stdout: String
    public var stderr: String

    public init(code: Int32, stdout: String, stderr: String) {
        self.code = code; self.stdout = stdout; self.stderr = stderr
    }

    /// Runs `arguments` (as typed after `ccusage`) and returns its exit code and output.
    public static func run(_ arguments: [String]) async -> CapturedRun {
        await run { await CCUsageCommand.run(arguments: arguments) }
    }

    /// Runs `body` (a command run in this process, such as a team report with its usage source installed for
    /// this run only) behind the same gate, its output captured; an error it throws becomes the command's one
    /// `Error: …` line and exit code 1.
    public static func run(_ body: @escaping @Sendable () async throws -> Int32) async -> CapturedRun {
        await gate.run {
            let output = CapturedOutput()
            let code = await Terminal.$sink.withValue(output) {
                do { return try await body() } catch {
                    Terminal.write(STDERR_FILENO, "Error: \(error)\n")
                    return 1
                }
            }
            // A server outlives many runs: the loaded data a run parks for a fast exit is released here.
            Context.keepAlive.removeAll()
            let (out, err) = output.texts
            return CapturedRun(code: code, stdout: out, stderr: err)
        }
    }

    private static let gate = Gate()

    /// One run at a time, in arrival order.
    private actor Gate {
        private var busy = false
        private var waiting: [CheckedContinuation<Void, Never>] = []

        func run<T: Sendable>(_ body: @Sendable () async -> T) async -> T {
            if busy {
                await withCheckedContinuation { waiting.append($0) }
            } else {
                busy = true
            }
            let result = await body()
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
            return result
        }
    }
}
