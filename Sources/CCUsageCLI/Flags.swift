import ArgumentParser
import CCUsageKit

extension CostMode: ExpressibleByArgument {}
extension ReportOrder: ExpressibleByArgument {}
extension WeekStart: ExpressibleByArgument {}

func parseDay(_ text: String) throws -> CalendarDay {
    guard let day = CalendarDay(text) else {
        throw ValidationError("Date must be in YYYYMMDD format (or YYYY-MM-DD), got '\(text)'.")
    }
    return day
}

// Each option is declared once, in one of the titled groups below; commands take the groups they need.
// Every group writes its values into `RequestFlags`, which `RequestResolver` turns into a `ReportRequest`.

/// Which usage: dates, zone and order.
struct FilterOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "First day to include (YYYYMMDD or YYYY-MM-DD), inclusive.", transform: parseDay)
    var since: CalendarDay?

    @Option(name: .shortAndLong, help: "Last day to include (YYYYMMDD or YYYY-MM-DD), inclusive.", transform: parseDay)
    var until: CalendarDay?

    @Option(name: .shortAndLong, help: "Row order by date: asc or desc (session: by cost, default desc).")
    var order: ReportOrder?

    mutating func validate() throws {
        if let since, let until, until < since {
            throw ValidationError("--since \(since) is after --until \(until).")
        }
    }

    func apply(to flags: inout RequestFlags) {
        flags.since = since; flags.until = until; flags.order = order
    }
}

/// How the report is written.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print JSON instead of a table.")
    var json = false

    @Option(name: [.customShort("q"), .long], help: "Pipe the JSON output through jq with this filter (implies --json).")
    var jq: String?

    @Flag(name: .shortAndLong, help: "Add one row per model under each row.")
    var breakdown = false

    @Flag(help: "Force the compact table layout.")
    var compact = false

    @Flag(name: .customLong("no-cost"), help: "Hide costs (no cost column, no cost fields in JSON).")
    var noCost = false

    func apply(to flags: inout RequestFlags) {
        flags.json = json; flags.jq = jq; flags.breakdown = breakdown; flags.compact = compact; flags.noCost = noCost
    }
}

/// Where costs come from.
struct PricingOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Cost mode: auto (recorded cost, else computed), calculate (always computed) or display (recorded only).")
    var mode: CostMode?

    func apply(to flags: inout RequestFlags) { flags.mode = mode }
}

/// What a run may reuse and keep.
struct CachingOptions: ParsableArguments {
    @Flag(name: .customLong("no-cache"), help: "Use no cache: read every transcript whole and build the report afresh (also: CCUSAGE_NO_CACHE=1).")
    var noCache = false

    @Flag(name: .customLong("no-archive"), help: "Neither read nor update the local archive of past usage (also: CCUSAGE_NO_ARCHIVE=1).")
    var noArchive = false

    func apply(to flags: inout RequestFlags) { flags.noCache = noCache; flags.noArchive = noArchive }
}

/// How much is said on stderr, and how files are read.
struct DiagnosticsOptions: ParsableArguments {
    @Option(help: "How many items each list of --debug shows at most (default 5).")
    var debugSamples: Int?

    @Flag(help: "Read files on one thread.")
    var singleThread = false

    mutating func validate() throws {
        if let debugSamples, debugSamples < 0 { throw ValidationError("--debug-samples must be 0 or more.") }
    }

    func apply(to flags: inout RequestFlags) { flags.debugSamples = debugSamples; flags.singleThread = singleThread }
}

// The options the status line shares with the reports, one group each (it takes these and no others of theirs).

/// `-z, --timezone` (Filters).
struct ZoneOption: ParsableArguments {
    @Option(name: [.customShort("z"), .long], help: "IANA time zone for dates (status line: for 'today' and reset times), e.g. Asia/Tokyo (default: TZ, else the config file's timezone, else the system zone).")
    var timezone: String?
}

/// `--color` / `--no-color` (Output).
struct ColorOption: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Force or disable colours (default: colour on a terminal; NO_COLOR and FORCE_COLOR are honoured).")
    var color: Bool?
}

/// `-O, --offline` / `--no-offline` (Pricing).
struct OfflineOption: ParsableArguments {
    @Flag(name: [.customShort("O"), .customLong("offline")], inversion: .prefixedNo,
          help: "Use only the embedded pricing snapshot, no network (default: off for reports, on for the status line).")
    var offline: Bool?
}

/// `-d, --debug` (Diagnostics).
struct DebugOption: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print diagnostics on stderr: for reports the files, lines, duplicates, skipped lines and unreadable files (every file is read, no cache); for the status line what was read, cached and computed.")
    var debug = false
}

/// `--config PATH` (Diagnostics).
struct ConfigOption: ParsableArguments {
    @Option(help: "Path to a ccusage.json configuration file.")
    var config: String?
}

/// `daily`, `weekly`, `monthly`: rows per project, one project.
struct ProjectOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Group rows by project.") var instances = false
    @Option(name: .shortAndLong, parsing: .unconditional, help: projectHelp) var project: String?

    func apply(to flags: inout RequestFlags) { flags.instances = instances; flags.project = project }
}

/// `--project`'s help. Its value is taken as it is, also when it starts with `-` (Claude Code's folder names do).
let projectHelp = ArgumentHelp(
    "Only this project: its folder name under projects/ (e.g. -Users-me-code-api) or the name --instances shows (api).",
    valueName: "name")

/// The options every report command takes, in their titled groups.
struct ReportFlags: ParsableArguments {
    @OptionGroup(title: "Filters") var filters: FilterOptions
    @OptionGroup(title: "Filters") var zone: ZoneOption
    @OptionGroup(title: "Output") var output: OutputOptions
    @OptionGroup(title: "Output") var color: ColorOption
    @OptionGroup(title: "Pricing") var pricing: PricingOptions
    @OptionGroup(title: "Pricing") var offline: OfflineOption
    @OptionGroup(title: "Caching") var caching: CachingOptions
    @OptionGroup(title: "Diagnostics") var debug: DebugOption
    @OptionGroup(title: "Diagnostics") var diagnostics: DiagnosticsOptions
    @OptionGroup(title: "Diagnostics") var config: ConfigOption

    /// The explicit values, for `RequestResolver`.
    var request: RequestFlags {
        var flags = RequestFlags()
        filters.apply(to: &flags)
        flags.timezone = zone.timezone
        output.apply(to: &flags)
        flags.color = color.color
        pricing.apply(to: &flags)
        flags.offline = offline.offline
        caching.apply(to: &flags)
        flags.debug = debug.debug
        diagnostics.apply(to: &flags)
        flags.config = config.config
        return flags
    }
}
