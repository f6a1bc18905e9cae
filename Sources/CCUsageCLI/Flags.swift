import ArgumentParser
import CCUsageKit

extension CostMode: ExpressibleByArgument {}
extension ReportOrder: ExpressibleByArgument {}

func parseDay(_ text: String) throws -> CalendarDay {
    guard let day = CalendarDay(text) else {
        throw ValidationError("Date must be in YYYYMMDD format (or YYYY-MM-DD), got '\(text)'.")
    }
    return day
}

/// Options shared by `daily`, `weekly`, `monthly`, `session` and `blocks`.
struct ReportFlags: ParsableArguments {
    @Option(name: .shortAndLong, help: "First day to include (YYYYMMDD or YYYY-MM-DD), inclusive.", transform: parseDay)
    var since: CalendarDay?

    @Option(name: .shortAndLong, help: "Last day to include (YYYYMMDD or YYYY-MM-DD), inclusive.", transform: parseDay)
    var until: CalendarDay?

    @Flag(name: .shortAndLong, help: "Print JSON instead of a table.")
    var json = false

    @Option(name: .shortAndLong, help: "Cost mode: auto (recorded cost, else computed), calculate (always computed) or display (recorded only).")
    var mode: CostMode?

    @Option(name: .shortAndLong, help: "Row order by date: asc or desc (session: by cost, default desc).")
    var order: ReportOrder?

    @Flag(name: .shortAndLong, help: "Add one row per model under each row.")
    var breakdown = false

    @Flag(name: [.customShort("O"), .customLong("offline")], inversion: .prefixedNo,
          help: "Use only the embedded pricing snapshot (no network).")
    var offline: Bool?

    @Flag(inversion: .prefixedNo, help: "Force or disable colours (default: colour on a terminal; NO_COLOR and FORCE_COLOR are honoured).")
    var color: Bool?

    @Option(name: [.customShort("z"), .long], help: "IANA time zone for dates, e.g. Asia/Tokyo (default: TZ, else the config file's timezone, else the system zone).")
    var timezone: String?

    @Option(name: [.customShort("q"), .long], help: "Pipe the JSON output through jq with this filter (implies --json).")
    var jq: String?

    @Flag(help: "Force the compact table layout.")
    var compact = false

    @Flag(name: .customLong("no-cost"), help: "Hide costs (no cost column, no cost fields in JSON).")
    var noCost = false

    @Flag(name: .shortAndLong, help: "Print loader diagnostics (files, lines, duplicates, skipped lines, unreadable files) on stderr; reads every file (no cache).")
    var debug = false

    @Option(help: "How many items each list of --debug shows at most (default 5).")
    var debugSamples: Int?

    @Flag(help: "Read files on one thread.")
    var singleThread = false

    @Flag(name: .customLong("no-cache"), help: "Use no cache: read every transcript whole and build the report afresh (also: CCUSAGE_NO_CACHE=1).")
    var noCache = false

    @Flag(name: .customLong("no-archive"), help: "Neither read nor update the local archive of past usage (also: CCUSAGE_NO_ARCHIVE=1).")
    var noArchive = false

    @Option(help: "Path to a ccusage.json configuration file.")
    var config: String?

    mutating func validate() throws {
        if let since, let until, until < since {
            throw ValidationError("--since \(since) is after --until \(until).")
        }
        if let debugSamples, debugSamples < 0 { throw ValidationError("--debug-samples must be 0 or more.") }
    }
}
