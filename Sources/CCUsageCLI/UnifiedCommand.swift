import ArgumentParser
import CCUsageKit
import Foundation

/// `ccusage all <report>` (and `--all` before or after the report word): every detected agent in one report
/// (08-unified.md).
struct AllCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Every agent (Claude Code, Codex) in one report: daily (default), weekly, monthly or session.",
        discussion: """
        Also reached with --all: `ccusage daily --all`, `ccusage --all monthly`.

        Examples:
          ccusage all daily --json --by-agent   per-agent parts inside each day
          ccusage weekly --all                  Monday-based weeks over every agent
        """,
        subcommands: [AllDaily.self, AllWeekly.self, AllMonthly.self, AllSession.self],
        defaultSubcommand: AllDaily.self
    )
}

struct UnifiedFlags: ParsableArguments {
    @OptionGroup var report: ReportFlags
    @Flag(help: "JSON: add each agent's part (\"agents\") to every daily, weekly or monthly row.")
    var byAgent = false
    @Option(help: "More reports from the same read, e.g. daily,monthly,session (JSON: one key each; tables: one each).",
            transform: UnifiedFlags.parseSections)
    var sections: [UnifiedKind]?

    static func parseSections(_ text: String) throws -> [UnifiedKind] {
        var out: [UnifiedKind] = []
        for token in text.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) where !token.isEmpty {
            guard let kind = UnifiedKind(rawValue: token) else {
                throw ValidationError("Invalid --sections value '\(token)'. Expected one or more of: daily, weekly, monthly, session.")
            }
            if !out.contains(kind) { out.append(kind) }
        }
        guard !out.isEmpty else {
            throw ValidationError("Invalid --sections value '\(text)'. Expected one or more of: daily, weekly, monthly, session.")
        }
        return out
    }
}

struct AllDaily: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "daily", abstract: "Every agent by day.")
    @OptionGroup var flags: UnifiedFlags
    func run() async throws { try runUnified(.daily, flags) }
}

struct AllWeekly: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "weekly", abstract: "Every agent by week (from Monday).")
    @OptionGroup var flags: UnifiedFlags
    func run() async throws { try runUnified(.weekly, flags) }
}

struct AllMonthly: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "monthly", abstract: "Every agent by month.")
    @OptionGroup var flags: UnifiedFlags
    func run() async throws { try runUnified(.monthly, flags) }
}

struct AllSession: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "session", abstract: "Every agent's sessions.")
    @OptionGroup var flags: UnifiedFlags
    func run() async throws { try runUnified(.session, flags) }
}

/// Builds the request (`--all`, `--by-agent`, `--sections`) and writes what `UsageService` returns.
func runUnified(_ kind: UnifiedKind, _ flags: UnifiedFlags) throws {
    let context = try Context(flags.report, command: kind.rawValue) { explicit in
        explicit.all = true
        explicit.byAgent = flags.byAgent
        explicit.sections = flags.sections?.compactMap { ReportRequest.Kind(rawValue: $0.rawValue) }
    }
    try context.write(context.request)
}
