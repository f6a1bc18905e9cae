import CCUsageCLI
import CCUsageKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `ccusage-team`: `sync`, or a report command line with `--team` (the CLI itself runs it, its local load
/// replaced by the team database).
public enum TeamMain {
    public static func run(_ arguments: [String]) async -> Int32 {
        do {
            if arguments.first == "sync" { return try await SyncRun.run(Array(arguments.dropFirst())) }
            return try await report(arguments)
        } catch {
            FileHandle.standardError.write(Data(("Error: \(error)\n").utf8))
            return 1
        }
    }

    static let reportWords: Set<String> = ["daily", "weekly", "monthly", "session", "blocks"]

    /// Strips the team flags, checks what team reports support, and runs the CLI with the team provider.
    static func report(_ arguments: [String]) async throws -> Int32 {
        let (forwarded, filters, url) = try parse(arguments)
        TeamHandoff.provider = try provider(url: url, filters: filters, arguments: arguments)
        return await CCUsageCommand.run(arguments: forwarded)
    }

    /// A team report's CLI arguments (team flags removed, refused options refused), its filters and grouping,
    /// and `--team-url` if given.
    static func parse(_ arguments: [String]) throws -> (forwarded: [String], filters: TeamFilters, url: String?) {
        var filters = TeamFilters()
        var url: String?
        var forwarded: [String] = []
        var index = 0
        func value(_ name: String) throws -> String {
            guard index + 1 < arguments.count else { throw TeamError("\(name) needs a value.") }
            index += 1
            return arguments[index]
        }
        var passthrough = false
        while index < arguments.count {
            let word = arguments[index]
            let (name, inline) = split(word)
            if passthrough || !name.hasPrefix("--") {
                forwarded.append(word)
            } else {
                switch name {
                case "--": passthrough = true; forwarded.append(word)
                case "--team": break
                case "--by-user": filters.byUser = true
                case "--by-machine": filters.byMachine = true
                case "--user": filters.user = try inline ?? value(name)
                case "--machine": filters.machine = try inline ?? value(name)
                case "--team-url": url = try inline ?? value(name)
                case "--project", "--instances", "--all", "--live", "--by-agent":
                    throw TeamError("\(name) does not work with --team (team reports group by user or machine: --by-user, --by-machine).")
                default: forwarded.append(word)
                }
            }
            index += 1
        }
        let words = forwarded.prefix { $0 != "--" }.filter { !$0.hasPrefix("-") }
        let command = words.first { reportWords.contains($0) } ?? "daily"
        let agents = Set(["codex", "all"] + AgentSources.all.map { $0.id })
        if let other = words.first(where: { agents.contains($0) || ($0.contains(":") && !$0.hasPrefix("claude:")) }) {
            throw TeamError("--team reports Claude Code usage with daily, weekly, monthly, session and blocks, not '\(other)'.")
        }
        if filters.byUser || filters.byMachine {
            guard ["daily", "weekly", "monthly"].contains(command) else {
                throw TeamError("--by-user and --by-machine group daily, weekly and monthly rows; use --user or --machine with \(command).")
            }
            forwarded.append("--instances")
        }
        // Prices are the ones stored with each event: no price download.
        forwarded.append("--offline")
        return (forwarded, filters, url)
    }

    /// The usage source that reads the team database (`--team-url` > `CCUSAGE_TEAM_URL` > `team.url`).
    static func provider(url: String?, filters: TeamFilters,
                         arguments: [String]) throws -> @Sendable (TeamLoadRequest) throws -> LoadedUsage {
        let env = Environment.live()
        let target = try TeamTarget.resolve(url: try teamURL(flag: url, env: env, arguments: arguments),
                                            env: env.variables, home: env.home)
        return { request in
            try blocking { try await TeamReports.load(request, target: target, filters: filters) }
        }
    }

    static func split(_ word: String) -> (String, String?) {
        guard word.hasPrefix("--"), let eq = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<eq]), String(word[word.index(after: eq)...]))
    }

    /// `--team-url` > `CCUSAGE_TEAM_URL` > the config file's `team.url` (`--config` or the usual places).
    static func teamURL(flag: String?, env: Environment, arguments: [String]) throws -> String {
        if let flag { return flag }
        if let value = env.variables["CCUSAGE_TEAM_URL"], !value.isEmpty { return value }
        var paths = ConfigFile.candidates(env)
        if let i = arguments.firstIndex(of: "--config"), i + 1 < arguments.count {
            let path = arguments[i + 1]
            paths = [path.hasPrefix("/") ? path : env.currentDirectory + "/" + path]
        }
        for path in paths where FileManager.default.fileExists(atPath: path) {
            guard let file = try? ConfigFile.load(path: path) else { break }
            if let url = file.teamURL { return url }
            break
        }
        throw TeamError("No team database given: use --team-url postgres://…, CCUSAGE_TEAM_URL, or team.url in the config file.")
    }
}

