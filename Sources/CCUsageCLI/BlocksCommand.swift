import ArgumentParser
import CCUsageKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Blocks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Usage by 5-hour billing window, with burn rate and projection for the active one.",
        discussion: """
        A block starts at the hour of its first request and lasts --session-length hours; a silence longer \
        than that leaves a gap. Without --token-limit the % column measures against the largest finished block.

        --live shows a full-screen dashboard of the active block, refreshed every --refresh-interval seconds \
        until Ctrl+C (only new and appended transcript lines are read on each refresh). It needs a terminal on \
        standard output: piped or redirected, it stops with an error (use --active for one snapshot).

        Examples:
          ccusage blocks --recent
          ccusage blocks --active --token-limit 500000
          ccusage blocks --json --session-length 3
          ccusage blocks --live --refresh-interval 5
        """)
    @OptionGroup var flags: ReportFlags
    @Flag(name: .shortAndLong, help: "Only the active block, in a detailed view.") var active = false
    @Flag(name: .shortAndLong, help: "Blocks of the last 3 days, plus the active one.") var recent = false
    @Option(name: .shortAndLong, help: "Token limit for % and warnings: a number, or 'max' (the largest finished block).")
    var tokenLimit: String?
    @Option(name: [.customShort("n"), .customShort("l", allowingJoined: false), .long],
            help: "Block length in hours, fractions allowed (default 5).")
    var sessionLength: Double?
    @Flag(help: "Live dashboard of the active block until Ctrl+C (text mode only; --json disables it).")
    var live = false
    @Option(help: "Seconds between live refreshes, 1-60 (default 1).")
    var refreshInterval: Double?

    mutating func validate() throws {
        if let sessionLength { try Self.checkSessionLength(sessionLength) }
        if let tokenLimit { try Self.checkTokenLimit(tokenLimit) }
        if let refreshInterval, refreshInterval.isNaN {
            throw ValidationError("--refresh-interval must be a number of seconds.")
        }
    }

    static let liveNeedsTerminal = "blocks --live draws a dashboard and needs a terminal, but standard output is "
        + "not one (piped or redirected). For one snapshot use `ccusage blocks --active` (or add --json)."

    static func checkSessionLength(_ value: Double) throws {
        guard value > 0, value.isFinite else { throw ValidationError("Session length must be a positive number.") }
    }

    static func checkTokenLimit(_ value: String) throws {
        if value != "max", !value.isEmpty, (Int(value) ?? -1) < 0 {
            throw ValidationError("--token-limit must be a whole number or 'max', got '\(value)'.")
        }
    }

    func run() async throws {
        let context = try Context(flags, command: "blocks") {
            $0.active = active; $0.recent = recent; $0.tokenLimit = tokenLimit; $0.sessionLength = sessionLength
            $0.live = live; $0.refreshInterval = refreshInterval
        }
        let blocks = context.request.blocks
        try Self.checkSessionLength(blocks.hours)
        if blocks.live, !context.json {
            guard Terminal.isTTY(STDOUT_FILENO) else { throw CLIError(Self.liveNeedsTerminal) }
            var interval = blocks.refreshInterval ?? 1
            if interval < 1 || interval > 60 {
                interval = min(60, max(1, interval))
                Terminal.error("Refresh interval adjusted to \(LiveMonitor.seconds(interval)) seconds (valid range: 1-60)")
            }
            if !blocks.active { Terminal.error("Live mode automatically shows only active blocks.") }
            let monitor = LiveMonitor(context: context, tokenLimit: blocks.tokenLimit?.text, hours: blocks.hours,
                                      refreshSeconds: interval)
            try await monitor.run()
            return
        }
        try context.write(context.request)
    }
}
