import ArgumentParser
import CCUsageKit
import Foundation

/// `ccusage archive status|export|import|prune`: the local archive of past usage.
struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The local archive that keeps usage after Claude Code deletes old transcripts.",
        discussion: """
        Every report stores the usage it read in a SQLite file: $CCUSAGE_ARCHIVE, else \
        $XDG_DATA_HOME/ccusage/archive.sqlite, else ~/.local/share/ccusage/archive.sqlite. Reports then add the \
        archived usage whose transcripts are gone. --no-archive (or CCUSAGE_NO_ARCHIVE=1) reads and writes none.

        Examples:
          ccusage archive status
          ccusage archive export --since 20250101 > usage.jsonl
          ccusage archive import usage.jsonl          (another machine's export; importing twice changes nothing)
          ccusage archive prune --before 20240101
        """,
        subcommands: [ArchiveStatusCommand.self, ArchiveExport.self, ArchiveImport.self, ArchivePrune.self])

    /// The archive path, or a clear error when the archive is turned off.
    static func path(_ env: Environment) throws -> String {
        guard let path = UsageArchive.defaultPath(env) else {
            throw CLIError("The archive is turned off (CCUSAGE_NO_ARCHIVE is set).")
        }
        return path
    }

    static func open(_ env: Environment, create: Bool) throws -> UsageArchive {
        let path = try path(env)
        if !create, access(path, F_OK) != 0 {
            throw CLIError("No archive at \(path) yet: any report creates it.")
        }
        do { return try UsageArchive(path: path, create: create) } catch { throw CLIError(error.description) }
    }

    static func zone(_ name: String?, _ env: Environment) throws -> ReportZone {
        guard let name else { return ReportZone(env.timeZone) }
        guard let zone = ReportZone(identifier: name) else { throw CLIError("Unknown time zone '\(name)'.") }
        return zone
    }
}

struct ArchiveStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Path, size, events per source, first and last day, archive-only events.")
    @Option(name: [.customShort("z"), .long], help: "IANA time zone for the days (default: TZ or the system zone).")
    var timezone: String?

    func run() throws {
        let env = Environment.live()
        let zone = try Archive.zone(timezone, env)
        let status: ArchiveStatus
        let archive = try Archive.open(env, create: false)
        do { status = try archive.status() } catch { throw CLIError(error.description) }
        var lines = ["Archive: \(status.path)",
                     "Size: \(Format.integer(Int(status.bytes))) bytes (schema version \(status.schemaVersion))"]
        let total = status.eventsBySource.reduce(0) { $0 + $1.events }
        lines.append("Events: \(Format.integer(total))"
                     + (total > 0 ? ", \(Int(status.bytes) / total) bytes per event" : ""))
        for entry in status.eventsBySource { lines.append("  \(entry.source): \(Format.integer(entry.events))") }
        if let first = status.firstTime, let last = status.lastTime {
            lines.append("Days: \(zone.day(ofMillis: first)) to \(zone.day(ofMillis: last))")
        }
        lines.append("Only in the archive (transcript gone): \(Format.integer(status.archivedOnly)) events from "
                     + "\(Format.integer(status.goneFiles)) of \(Format.integer(status.files)) files")
        Terminal.out(lines.joined(separator: "\n") + "\n")
    }
}

struct ArchiveExport: ParsableCommand {
    enum Kind: String, ExpressibleByArgument, CaseIterable { case jsonl, csv }
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the archived events to stdout, oldest first.")
    @Option(help: "jsonl (one JSON object per line, what import reads) or csv.") var format: Kind = .jsonl
    @Option(name: .shortAndLong, help: "First day to include (YYYYMMDD or YYYY-MM-DD).", transform: parseDay)
    var since: CalendarDay?
    @Option(name: .shortAndLong, help: "Last day to include.", transform: parseDay) var until: CalendarDay?
    @Option(name: [.customShort("z"), .long], help: "IANA time zone for the days (default: TZ or the system zone).")
    var timezone: String?

    mutating func validate() throws {
        if let since, let until, until < since { throw ValidationError("--since \(since) is after --until \(until).") }
    }

    func run() throws {
        let env = Environment.live()
        var days = DayBucketer(try Archive.zone(timezone, env))
        let archive = try Archive.open(env, create: false)
        var out = format == .csv ? ArchivedEvent.csvHeader + "\n" : ""
        var closed = false   // stdout went away (a closed pipe): the rest is not written
        do {
            try archive.export(include: { time in
                let day = days.day(ofMillis: time)
                return (since.map { day >= $0 } ?? true) && (until.map { day <= $0 } ?? true)
            }) { event in
                guard !closed else { return }
                out += (format == .csv ? event.csvLine : event.jsonLine) + "\n"
                if out.utf8.count > 1 << 20 {
                    closed = !Terminal.write(STDOUT_FILENO, out)
                    out = ""
                }
            }
        } catch {
            throw CLIError(error.description)
        }
        if !closed { Terminal.write(STDOUT_FILENO, out) }
    }
}

struct ArchiveImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Merge exported events (jsonl) into the archive by their dedup key.")
    @Argument(help: "Files written by `ccusage archive export` (use - for stdin).") var files: [String]

    mutating func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one file to import.") }
    }

    func run() throws {
        let env = Environment.live()
        var events: [ArchivedEvent] = []
        let decoder = JSONDecoder()
        for file in files {
            let data: Data
            if file == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else {
                guard let read = FileManager.default.contents(atPath: file) else { throw CLIError("Cannot read \(file).") }
                data = read
            }
            var lineNumber = 0
            for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                lineNumber += 1
                if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { continue }
                do { events.append(try decoder.decode(ArchivedEvent.self, from: Data(line))) } catch {
                    throw CLIError("\(file):\(lineNumber): not an event of `ccusage archive export --format jsonl`; nothing imported.")
                }
            }
        }
        let archive = try Archive.open(env, create: true)
        do {
            let result = try archive.importEvents(events, now: env.now)
            Terminal.out("Imported \(Format.integer(result.read)) events: \(Format.integer(result.changed)) added or improved, "
                         + "\(Format.integer(result.read - result.changed)) already archived.\n")
        } catch { throw CLIError(error.description) }
    }
}

struct ArchivePrune: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune", abstract: "Remove archived events before a day (asks nothing; prints what it removed).")
    @Option(name: .shortAndLong, help: "First day to keep (YYYYMMDD or YYYY-MM-DD).", transform: parseDay)
    var before: CalendarDay
    @Option(name: [.customShort("z"), .long], help: "IANA time zone for the day (default: TZ or the system zone).")
    var timezone: String?

    func run() throws {
        let env = Environment.live()
        let zone = try Archive.zone(timezone, env)
        // The first instant of the day in the zone (two steps settle a day that starts at an offset change).
        let midnight = Int64(before.daysSinceEpoch) * 86_400_000
        var start = midnight - Int64(zone.offsetSeconds(atMillis: midnight)) * 1000
        start = midnight - Int64(zone.offsetSeconds(atMillis: start)) * 1000
        let archive = try Archive.open(env, create: false)
        do {
            let removed = try archive.prune(before: start)
            Terminal.out("Removed \(Format.integer(removed.events)) events before \(before) and "
                         + "\(Format.integer(removed.files)) files left without events.\n")
        } catch { throw CLIError(error.description) }
    }
}
