import ArgumentParser
import CCUsageKit

struct Blocks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Usage by 5-hour billing window, with burn rate and projection for the active one.",
        discussion: """
        A block starts at the hour of its first request and lasts --session-length hours; a silence longer \
        than that leaves a gap. Without --token-limit the % column measures against the largest finished block.

        Examples:
          ccusage blocks --recent
          ccusage blocks --active --token-limit 500000
          ccusage blocks --json --session-length 3
        """)
    @OptionGroup(title: "Report options") var flags: ReportFlags
    @Flag(name: .shortAndLong, help: "Only the active block, in a detailed view.") var active = false
    @Flag(name: .shortAndLong, help: "Blocks of the last 3 days, plus the active one.") var recent = false
    @Option(name: .shortAndLong, help: "Token limit for % and warnings: a number, or 'max' (the largest finished block).")
    var tokenLimit: String?
    @Option(name: [.customShort("n"), .customShort("l", allowingJoined: false), .long],
            help: "Block length in hours (fractions allowed).")
    var sessionLength: Double = SessionBlocks.defaultHours

    mutating func validate() throws {
        guard sessionLength > 0, sessionLength.isFinite else {
            throw ValidationError("Session length must be a positive number.")
        }
        if let tokenLimit, tokenLimit != "max", !tokenLimit.isEmpty, Int(tokenLimit) == nil || Int(tokenLimit)! < 0 {
            throw ValidationError("--token-limit must be a whole number or 'max', got '\(tokenLimit)'.")
        }
    }

    func run() async throws {
        let context = try Context(flags)
        let usage = try context.load()
        let options = BlocksOptions(zone: context.zone, range: DateRange(since: flags.since, until: flags.until),
                                    order: flags.order ?? .asc, active: active, recent: recent, tokenLimit: tokenLimit,
                                    hours: sessionLength, now: context.env.now)
        let report = BlocksReport(usage, options: options)
        let table: String
        if report.blocks.isEmpty {
            table = active ? "No active session block found.\n" : "No Claude usage data found.\n"
        } else if active, report.blocks.count == 1 {
            table = BlocksTable.renderActive(report.blocks[0], report, context.render)
        } else {
            table = BlocksTable.render(report, context.render)
        }
        try context.emit(json: report.json(), table: table, usage: usage)
    }
}
