import CCUsageKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a team report asks the team database for: the report's kind and the resolved shared options.
public struct TeamLoadRequest: Sendable {
    /// `daily`, `weekly`, `monthly` or `session` (aggregated rows), `blocks` (per-hour sums with their first
    /// and last times, weighted by requests), or `events` (`session --id`).
    public var kind: String
    public var zone: ReportZone
    public var range: DateRange
    public var mode: CostMode
    /// The block length in hours (`--session-length`), for `blocks`.
    public var blockHours: Double = 5
}

/// `ccusage sync` and the `--team` family of flags: `ccusage` never links the PostgreSQL driver, so it hands
/// such command lines to `ccusage-team` (installed next to it), which runs this same CLI with the local load
/// replaced by a query of the team database (`TeamHandoff.provider`).
public enum TeamHandoff {
    /// Set by `ccusage-team` only: loads a report's usage from the team database instead of local files.
    nonisolated(unsafe) public static var provider: (@Sendable (TeamLoadRequest) throws -> LoadedUsage)?

    /// The service's usage source under `ccusage-team` (nil otherwise): the provider's usage for a report,
    /// whose failure is the command's one error line.
    static var usageSource: (@Sendable (ReportRequest, Bool) throws(RequestError) -> LoadedUsage)? {
        guard let provider else { return nil }
        return { (request: ReportRequest, events: Bool) throws(RequestError) -> LoadedUsage in
            let kind = !events ? request.kind.rawValue : request.kind == .blocks ? "blocks" : "events"
            do {
                return try provider(TeamLoadRequest(kind: kind, zone: request.zone, range: request.range,
                                                    mode: request.mode, blockHours: request.blocks.hours))
            } catch {
                throw RequestError("\(error)")
            }
        }
    }

    /// Flags that take a value and belong to team reports and `sync`.
    public static let valueFlags: Set<String> = ["--team-url", "--user", "--machine"]
    /// Team flags without a value.
    public static let switches: Set<String> = ["--team", "--by-user", "--by-machine"]

    /// Whether `arguments` (as typed, after the program name) are a team command line: `sync …`, or a report
    /// with `--team`. Team flags without `--team` are an error (a report never falls back to local data).
    static func wantsTeam(_ arguments: [String]) throws -> Bool {
        if arguments.first == "sync" { return true }
        // `web --team-url`, `mcp --team-url`: the servers' database for their team reports.
        if arguments.first == "web" || arguments.first == "mcp" { return false }
        var team = false, other: String?
        for word in arguments {
            if word == "--" { break }
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if word == "--team" { team = true } else if switches.contains(name) || valueFlags.contains(name) {
                other = other ?? name
            }
        }
        if !team, let other { throw CLIError("\(other) needs --team (team reports read the team database).") }
        return team
    }

    /// Replaces this process with `ccusage-team` for a team command line; returns normally otherwise. The
    /// database URL is moved from the arguments to the environment (`CCUSAGE_TEAM_URL`), so it never shows in
    /// the child's process title.
    static func execIfTeam(_ arguments: [String]) throws {
        guard provider == nil, try wantsTeam(arguments) else { return }
        // A run captured inside a server (the web dashboard) must never replace the server's process.
        guard Terminal.sink == nil else { throw CLIError("--team is not available here: team reports need ccusage-team.") }
        var words: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--team-url", index + 1 < arguments.count {
                setenv("CCUSAGE_TEAM_URL", arguments[index + 1], 1)
                index += 2
                continue
            }
            if word.hasPrefix("--team-url=") {
                setenv("CCUSAGE_TEAM_URL", String(word.dropFirst("--team-url=".count)), 1)
                index += 1
                continue
            }
            words.append(word)
            index += 1
        }
        let binary = try sibling("ccusage-team")
        let argv: [UnsafeMutablePointer<CChar>?] = (["ccusage-team"] + words).map { strdup($0) } + [nil]
        execv(binary, argv)
        throw CLIError("Could not start \(binary): \(String(cString: strerror(errno)))")
    }

    /// An executable installed next to the running `ccusage`.
    static func sibling(_ name: String) throws -> String {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let candidates = [me.deletingLastPathComponent().appendingPathComponent(name).path,
                          URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                              .deletingLastPathComponent().appendingPathComponent(name).path]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw CLIError("'\(name)' was not found next to ccusage (looked in \(candidates[0])). Install it beside ccusage.")
        }
        return found
    }
}
