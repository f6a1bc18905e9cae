import Dispatch

/// A CLI run's first archive, written on a thread of its own while the report is built and printed (the scan
/// has used every core; the archive is the one serial step after it that the report does not need). The
/// process waits for it before exiting (`finish`), so the archive is complete and linked when the command
/// returns, and a failure is the same one warning line, printed after the report.
public enum ArchiveBackground {
    /// Set by the CLI before it runs a command (it calls `finish` before exiting). Other hosts (the MCP and
    /// web servers, tests calling the loader) write the archive before the load returns.
    nonisolated(unsafe) public static var enabled = false

    private static let queue = DispatchQueue(label: "ccusage.archive")
    private static let group = DispatchGroup()
    private static let lock = NSLockLite()
    /// Problems of finished builds, with whether the run asked for no warnings (`--quiet`).
    nonisolated(unsafe) private static var problems: [(problem: LoadProblem, quiet: Bool)] = []
    nonisolated(unsafe) private static var failures = 0

    /// Runs `work` (returns its problem, nil when the archive was written) on the archive thread.
    static func start(quiet: Bool, _ work: @escaping @Sendable () -> LoadProblem?) {
        queue.async(group: group) {
            guard let problem = work() else { return }
            lock.withLock {
                problems.append((problem, quiet))
                failures += 1
            }
        }
    }

    /// Returns when every build has finished.
    static func wait() { group.wait() }

    /// Whether a build failed (its archive is not in place): a report made meanwhile is not cached, so the
    /// next run tries again and says why. Waits for the builds.
    static var failed: Bool {
        wait()
        return lock.withLock { failures > 0 }
    }

    /// Waits for the builds; returns the warning lines not yet shown (`warning: archive PATH: reason`).
    public static func finish() -> [String] {
        wait()
        return lock.withLock {
            defer { problems = [] }
            return problems.filter { !$0.quiet }.map { "warning: " + $0.problem.description }
        }
    }
}
