import CCUsageKit
import Foundation

/// `groupBy` with `team: true`: `--by-user` or `--by-machine`.
public enum TeamGrouping: String, CaseIterable, Sendable {
    case user, machine
}

/// The team arguments of a tool call.
public struct TeamArguments: Sendable, Equatable {
    public var on = false
    public var user: String?
    public var machine: String?
    public var groupBy: TeamGrouping?
    /// The call's `mode`, else the server's `--mode` (nil: the config file's, else auto).
    var explicitMode: CostMode?
    public init() {}
}

/// A tool call with `team: true`: the sibling `ccusage-team` runs `<tool> --team --json` with the call's
/// options, one child process per call. The MCP server stays free of SwiftNIO and the PostgreSQL driver
/// (its start-up and size are unchanged for everyone who never uses a team), a call can never leave the team
/// database installed as the usage source of a later local call, and the JSON is the CLI's own by
/// construction. The cost, a process start per call (tens of milliseconds), is small beside a round trip to
/// the database.
enum TeamCall {
    /// What `ccusage <tool> --team --json` is given for this call (the agent and `--all` are passed on so
    /// `ccusage-team` refuses them with the CLI's own message).
    static func arguments(_ request: ToolRequest) -> [String] {
        var words: [String] = []
        if request.agent == .codex { words.append("codex") }
        words.append(request.tool.rawValue)
        if request.agent == .all { words.append("--all") }
        words += ["--team", "--json"]
        if let since = request.range.since { words.append("--since=\(since)") }
        if let until = request.range.until { words.append("--until=\(until)") }
        if let zone = request.zone { words.append("--timezone=\(zone.identifier)") }
        if let mode = request.team.explicitMode { words.append("--mode=\(mode.rawValue)") }
        if let order = request.order { words.append("--order=\(order.rawValue)") }
        if request.breakdown { words.append("--breakdown") }
        if let start = request.flags.startOfWeek { words.append("--start-of-week=\(start.rawValue)") }
        if let id = request.sessionID { words.append("--id=\(id)") }
        if request.active { words.append("--active") }
        if request.recent { words.append("--recent") }
        if let limit = request.tokenLimit { words.append("--token-limit=\(limit)") }
        if let hours = request.flags.sessionLength { words.append("--session-length=\(hours)") }
        if let user = request.team.user { words.append("--user=\(user)") }
        if let machine = request.team.machine { words.append("--machine=\(machine)") }
        if let group = request.team.groupBy { words.append("--by-\(group.rawValue)") }
        return words
    }

    /// Runs the call's team report; its JSON without the final newline, or the report's one error line.
    static func run(_ request: ToolRequest, _ env: Environment) throws(ToolError) -> String {
        let binary = try sibling("ccusage-team")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments(request)
        // The call's environment (CCUSAGE_TEAM_URL, PGPASSWORD, the config file's place); the URL never goes on
        // the command line, where a process listing would show it.
        process.environment = env.home.isEmpty ? env.variables : env.variables.merging(["HOME": env.home]) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: env.currentDirectory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw .loadFailed("Could not start \(binary): \(error.localizedDescription)")
        }
        // stderr is read on another thread, so neither pipe can fill up and stall the child.
        let errors = ErrorText()
        let reader = Thread { errors.text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
        reader.start()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        errors.wait()
        guard process.terminationStatus == 0 else {
            let lines = errors.text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
            let line = lines.first { $0.hasPrefix("Error: ") } ?? lines.last
                ?? "ccusage-team exited with status \(process.terminationStatus)."
            throw .loadFailed(line.hasPrefix("Error: ") ? String(line.dropFirst("Error: ".count)) : line)
        }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    /// An executable installed next to the running server.
    static func sibling(_ name: String) throws(ToolError) -> String {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let candidates = [me.deletingLastPathComponent().appendingPathComponent(name).path,
                          URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                              .deletingLastPathComponent().appendingPathComponent(name).path]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw .loadFailed("Team reports need '\(name)' next to ccusage-mcp (looked in \(candidates[0])). Install it beside ccusage.")
        }
        return found
    }
}

/// The child's stderr, filled by a reader thread.
private final class ErrorText: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value = ""
    var text: String {
        get { value }
        set { value = newValue; done.signal() }
    }
    func wait() { done.wait() }
}
