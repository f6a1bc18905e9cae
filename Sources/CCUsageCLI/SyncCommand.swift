import ArgumentParser
import CCUsageKit
import Foundation

/// `ccusage sync`: listed here for `--help`; `ccusage-team` does the work (see `TeamHandoff`).
struct Sync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Push this machine's deduplicated usage events to a team PostgreSQL database.",
        discussion: """
        Every source is sent (Claude Code transcripts and the local archive, Codex, other agents), keyed by \
        source and deduplication key: the same transcript synced from two machines counts once, a second \
        sync changes nothing, and a better copy (more tokens) replaces a worse one. Reports read the team \
        database with --team (daily, weekly, monthly, session, blocks; --by-user, --by-machine, --user, \
        --machine).

        The password may come from the URL, PGPASSWORD or ~/.pgpass; it is never printed.

        Examples:
          CCUSAGE_TEAM_URL=postgres://sync@db.example/ccusage ccusage sync
          ccusage daily --team --by-user
        """)

    @Option(help: "postgres://user@host:port/db?sslmode=require (default: CCUSAGE_TEAM_URL, then the config file's team.url).")
    var teamURL: String?
    @Option(help: "This machine's name in the team database (default: the host name).")
    var machine: String?
    @Option(help: "Your name in the team database (default: the login name).")
    var user: String?
    @Flag(name: .shortAndLong, help: "Print what is sent (never the password).")
    var debug = false

    func run() async throws {
        // Reached only when `ccusage-team` handed the command line back (it runs `sync` itself).
        throw CLIError("'ccusage sync' is run by ccusage-team; install it beside ccusage.")
    }
}
