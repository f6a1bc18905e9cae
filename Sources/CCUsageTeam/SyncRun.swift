import CCUsageCLI
import CCUsageKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `ccusage sync [--team-url URL] [--machine NAME] [--user NAME] [--no-archive] [--debug]`.
enum SyncRun {
    static let help = """
        USAGE: ccusage sync [--team-url <url>] [--machine <name>] [--user <name>] [--no-archive] [--debug]
               ccusage sync --rebuild-rollups [--team-url <url>]

        Pushes this machine's deduplicated usage events (Claude Code transcripts and archive, Codex, other
        agents) to the team PostgreSQL database. Idempotent: a second sync changes nothing.

        OPTIONS:
          --team-url <url>   postgres://user@host:port/database?sslmode=require (default: CCUSAGE_TEAM_URL,
                             then team.url in the config file). The password may come from the URL,
                             PGPASSWORD or ~/.pgpass and is never printed.
          --machine <name>   This machine's name (default: the host name).
          --user <name>      Your name (default: the login name).
          --no-archive       Send the live files only (not the local archive's events of gone transcripts).
          --config <path>    The configuration file to read team.url from.
          -d, --debug        Print what is sent (never the password).
          --rebuild-rollups  Send nothing: recompute the report rollups from the stored events (after events
                             were loaded by other means, e.g. a restore). Needs the schema owner's rights.
          -h, --help         Show this help.
        """

    static func run(_ arguments: [String]) async throws -> Int32 {
        var url: String?, machine: String?, user: String?, config: String?
        var archive = true, debug = false, rebuild = false
        var index = 0
        while index < arguments.count {
            let (name, inline) = TeamMain.split(arguments[index])
            func value() throws -> String {
                if let inline { return inline }
                guard index + 1 < arguments.count else { throw TeamError("\(name) needs a value.") }
                index += 1
                return arguments[index]
            }
            switch name {
            case "--team-url": url = try value()
            case "--machine": machine = try value()
            case "--user": user = try value()
            case "--config": config = try value()
            case "--no-archive": archive = false
            case "-d", "--debug": debug = true
            case "--rebuild-rollups": rebuild = true
            case "-h", "--help":
                print(help)
                return 0
            default: throw TeamError("Unknown option '\(name)' for sync.\n" + help)
            }
            index += 1
        }
        let env = Environment.live()
        let target = try TeamTarget.resolve(
            url: try TeamMain.teamURL(flag: url, env: env, arguments: config.map { ["--config", $0] } ?? []),
            env: env.variables, home: env.home)
        if rebuild { return try await rebuildRollups(target) }
        let machineName = machine ?? hostName()
        let userName = user ?? env.variables["USER"] ?? NSUserName()
        guard !machineName.isEmpty, !userName.isEmpty else { throw TeamError("--machine and --user must not be empty.") }
        if debug {
            FileHandle.standardError.write(Data("[debug] team database \(target.label) (sslmode=\(target.sslMode), password \(target.password == nil ? "none" : "given")); user \(userName), machine \(machineName)\n".utf8))
        }

        let tty = isatty(STDERR_FILENO) == 1
        if tty { FileHandle.standardError.write(Data("Reading local usage…".utf8)) }
        let local = LocalEvents.gather(env: env, prices: .embedded, archive: archive && env.variables["CCUSAGE_NO_ARCHIVE"] == nil)
        let events = TeamSync.bestCopies(local.events)
        if tty { FileHandle.standardError.write(Data("\r\u{1b}[K".utf8)) }
        for problem in local.problems { FileHandle.standardError.write(Data("warning: \(problem)\n".utf8)) }
        if debug {
            var bySource: [String: Int] = [:]
            for event in events { bySource[event.source, default: 0] += 1 }
            let text = bySource.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            FileHandle.standardError.write(Data("[debug] events to send: \(events.count) (\(text))\n".utf8))
        }

        let started = Date()
        let outcome = try await upload(events, target: target, user: userName, machine: machineName, tty: tty)
        let seconds = Date().timeIntervalSince(started)
        let unchanged = events.count - outcome.inserted - outcome.improved
        print("Synced \(Format.integer(events.count)) events of \(userName)@\(machineName) to \(target.label): "
              + "\(Format.integer(outcome.inserted)) new, \(Format.integer(outcome.improved)) improved, "
              + "\(Format.integer(unchanged)) unchanged.")
        if debug {
            let rate = seconds > 0 ? Int(Double(events.count) / seconds) : 0
            FileHandle.standardError.write(Data("[debug] upload took \(String(format: "%.2f", seconds)) s (\(rate) events/s)\n".utf8))
        }
        return 0
    }

    static func upload(_ events: [TeamEvent], target: TeamTarget, user: String, machine: String,
                       tty: Bool) async throws -> TeamSync.Outcome {
        let db = try await TeamDatabase.connect(target)
        do {
            try await db.prepareForWriting()
            let sync = TeamSync(db: db, user: user, machine: machine)
            let total = events.count
            let outcome = try await sync.upload(events) { done in
                guard tty else { return }
                FileHandle.standardError.write(Data("\rSyncing: \(Format.integer(done)) / \(Format.integer(total)) events".utf8))
            }
            if tty { FileHandle.standardError.write(Data("\r\u{1b}[K".utf8)) }
            await db.close()
            return outcome
        } catch {
            if tty { FileHandle.standardError.write(Data("\r\u{1b}[K".utf8)) }
            await db.close()
            throw error
        }
    }

    static func rebuildRollups(_ target: TeamTarget) async throws -> Int32 {
        let started = Date()
        let db = try await TeamDatabase.connect(target)
        do {
            let events = try await db.rebuildRollups()
            await db.close()
            print("Rebuilt the rollups of \(Format.integer(events)) events in \(target.label) in "
                  + String(format: "%.1f", Date().timeIntervalSince(started)) + " s.")
            return 0
        } catch {
            await db.close()
            throw error
        }
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "unknown" }
        let name = String(cString: buffer)
        return name.split(separator: ".").first.map(String.init) ?? name
    }
}
