import CCUsageKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `ccusage <agent> <report>` routing checked before argument parsing (08-unified §1.3–§1.4): the legacy
/// `agent:report` form, `claude <report>` as the plain command, and the exact messages for reports an agent
/// does not have. A later agent adds one entry to `agents`.
enum AgentRouting {
    struct Agent {
        var id: String
        /// The name in error messages.
        var displayName: String
        var reports: [String]
    }

    static let agents: [Agent] = [
        Agent(id: "claude", displayName: "Claude Code",
              reports: ["daily", "weekly", "monthly", "session", "blocks", "statusline"]),
        Agent(id: CodexSource.id, displayName: CodexSource.displayName,
              reports: CodexSource.reports.map(\.rawValue)),
    ] + AgentSources.all.map { Agent(id: $0.id, displayName: $0.displayName, reports: $0.reports) }

    /// Flags that take a separate value (their value is not a command word).
    static let valueFlags: Set<String> = [
        "-s", "--since", "-u", "--until", "-z", "--timezone", "-q", "--jq", "-m", "--mode", "-o", "--order",
        "--config", "--debug-samples", "--speed", "-i", "--id", "-p", "--project", "--project-aliases",
        "-w", "--start-of-week", "-t", "--token-limit", "-n", "--session-length", "--refresh-interval",
        "--cost-source", "--visual-burn-rate", "--context-low-threshold", "--context-medium-threshold", "--sections",
        "--pi-path", "--open-claw-path",
    ]

    enum Outcome: Equatable {
        case arguments([String])
        /// A usage error: the message (without the trailing help hint); exit code 2.
        case usageError(String)
    }

    static func route(_ arguments: [String], configWantsUnified: Bool = false) -> Outcome {
        var args = arguments
        // `codex:daily` → `codex daily` (first argument only, supported pairs only).
        if let first = args.first, let colon = first.firstIndex(of: ":") {
            let agent = String(first[..<colon]), report = String(first[first.index(after: colon)...])
            if agents.contains(where: { $0.id == agent && $0.reports.contains(report) }) {
                args.replaceSubrange(0...0, with: [agent, report])
            }
        }
        // Help and version win over every routing error.
        if args.contains(where: { ["-h", "--help", "-v", "-V", "--version"].contains($0) }) {
            return .arguments(stripClaude(args))
        }
        for arg in args {
            if ["--daily", "--weekly", "--monthly", "--session", "--blocks", "--statusline"].contains(arg) {
                return .usageError("Report flags like \(arg) are not supported. Use \"ccusage \(arg.dropFirst(2))\" instead.")
            }
        }
        let words = commandWords(args)
        if words.count >= 2, let agent = agents.first(where: { $0.id == words[0] }), !agent.reports.contains(words[1]) {
            let report = words[1]
            let codex = "Use \"ccusage codex daily\" for Codex usage reports."
            if report == "blocks" || report == "statusline" {
                let hint = agent.id == "claude" ? codex
                    : "Use \"ccusage \(agent.id) daily\" for \(agent.displayName) usage reports."
                return .usageError("The \"\(report)\" report is only available for Claude Code usage.\n" + hint)
            }
            return .usageError("The \"\(report)\" report is not available for \(agent.displayName) usage.\n"
                               + "Use \"ccusage \(agent.id) daily\" for \(agent.displayName) usage reports.")
        }
        if let routed = agentSource(args) { return .arguments(routed) }
        let plain = stripClaude(args)
        if commandWords(plain).first == "session",
           plain.contains(where: { $0 == "--id" || $0 == "-i" || $0.hasPrefix("--id=") }),
           plain.contains(where: { $0 == "--by-agent" || $0 == "--sections" || $0.hasPrefix("--sections=") }) {
            return .usageError("The --sections and --by-agent options cannot be used with session --id.")
        }
        if configWantsUnified, !plain.contains("--all"), commandWords(plain).first.map(reportWords.contains) ?? true,
           !plain.contains(where: { $0 == "--id" || $0 == "-i" || $0.hasPrefix("--id=") }) {
            return .arguments(unified(plain + ["--all"]))
        }
        return .arguments(unified(plain))
    }

    static let reportWords: Set<String> = ["daily", "weekly", "monthly", "session"]

    /// `<agent> [report] …` for an agent read through `AgentSource` → `agent-report <agent> <report> …`; the
    /// report word must come right after the agent name (08 §1.2), else the report is `daily`.
    static func agentSource(_ args: [String]) -> [String]? {
        guard let index = wordIndex(args, commandWords(args).first ?? ""),
              let source = AgentSources.named(args[index]) else { return nil }
        var rest = args
        rest.remove(at: index)
        var report = "daily"
        if index < rest.count, source.reports.contains(rest[index]) {
            report = rest[index]
            rest.remove(at: index)
        }
        return ["agent-report", source.id, report] + rest
    }

    /// `--all` (or `--by-agent`) before or after `daily|weekly|monthly|session` (or no report word) →
    /// `all <report> …`; `session --id` stays the Claude session view.
    static func unified(_ args: [String]) -> [String] {
        let words = commandWords(args)
        if words.first == "all" { return args }
        let unifiedFlag = { (a: String) in a == "--all" || a == "--by-agent" || a == "--sections" || a.hasPrefix("--sections=") }
        guard args.contains(where: unifiedFlag) else { return args }
        let report = words.first ?? "daily"
        guard reportWords.contains(report) else { return args }
        if report == "session", args.contains(where: { $0 == "--id" || $0 == "-i" || $0.hasPrefix("--id=") }) {
            return args.filter { $0 != "--all" }
        }
        var rest = args.filter { $0 != "--all" }
        if let index = wordIndex(rest, report) { rest.remove(at: index) }
        return ["all", report] + rest
    }

    /// The index of the first command word equal to `word`.
    static func wordIndex(_ args: [String], _ word: String) -> Int? {
        var skipNext = false
        for (i, arg) in args.enumerated() {
            if skipNext { skipNext = false; continue }
            if arg.hasPrefix("-") {
                if !arg.contains("="), valueFlags.contains(arg) { skipNext = true }
                continue
            }
            return arg == word ? i : nil
        }
        return nil
    }

    /// The first two words that are neither flags nor a flag's value.
    static func commandWords(_ args: [String]) -> [String] {
        var words: [String] = []
        var skipNext = false
        for arg in args {
            if skipNext { skipNext = false; continue }
            if arg.hasPrefix("-") {
                if !arg.contains("="), valueFlags.contains(arg) { skipNext = true }
                continue
            }
            words.append(arg)
            if words.count == 2 { break }
        }
        return words
    }

    /// `ccusage claude <report> …` is the plain command.
    static func stripClaude(_ args: [String]) -> [String] {
        guard let index = args.firstIndex(where: { !$0.hasPrefix("-") }), args[index] == "claude",
              index == 0 || !valueFlags.contains(args[index - 1]) else { return args }
        var copy = args
        copy.remove(at: index)
        return copy
    }

    /// `all: true` in the configuration file's `defaults` makes the unified report the default.
    static func configWantsUnified(_ args: [String]) -> Bool {
        // Only the plain reports can become unified (the status line never pays for reading the config here).
        guard commandWords(args).first.map(reportWords.contains) ?? true,
              !args.contains(where: { ["-h", "--help", "-v", "-V", "--version", "--all"].contains($0) }) else { return false }
        let environment = Environment.live()
        var path: String?
        if let index = args.firstIndex(of: "--config"), index + 1 < args.count { path = args[index + 1] }
        if let inline = args.first(where: { $0.hasPrefix("--config=") }) { path = String(inline.dropFirst(9)) }
        let candidates = path.map { [$0.hasPrefix("/") ? $0 : environment.currentDirectory + "/" + $0] }
            ?? ConfigFile.candidates(environment)
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }),
              let file = try? ConfigFile.load(path: found) else { return false }
        return file.defaults["all"] == .bool(true)
    }

    /// After a Claude-only report on a terminal: one stderr line when other agents' data exists too (decision 20).
    static func hintOtherAgents() {
        guard isatty(STDERR_FILENO) == 1 else { return }
        let env = Environment.live()
        var found: [(id: String, name: String)] = []
        if !CodexDiscovery.files(homes: CodexDiscovery.homes(env)).isEmpty { found.append((CodexSource.id, "Codex")) }
        let request = AgentLoadRequest(env: env, prices: nil)
        for source in AgentSources.all where !source.roots(request).isEmpty { found.append((source.id, source.displayName)) }
        guard let first = found.first else { return }
        Terminal.error("hint: \(found.map(\.name).joined(separator: ", ")) data was found too; `ccusage \(first.id) daily` "
                       + "shows it, `ccusage daily --all` every agent.")
    }
}
