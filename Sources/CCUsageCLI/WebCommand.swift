import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Web: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web",
        abstract: "Serve a local web dashboard of your usage (http://127.0.0.1:8787 by default).",
        discussion: """
        The page shows cost, tokens, cache savings, sessions, 5-hour blocks and charts, with the same options \
        as the reports in its address (since, until, timezone, mode, agent, project, breakdown). \
        /api/daily, /api/weekly, /api/monthly, /api/session and /api/blocks return exactly the JSON of \
        `ccusage <report> --json` for the same options. The transcripts are only read.

        Team reports: team=1 in the address (with user=, machine=, by-user=1, by-machine=1 as the flags of \
        `ccusage <report> --team`) reads the team database given by --team-url, CCUSAGE_TEAM_URL or the \
        config file's team.url; the database address is never taken from the page's address.

        Examples:
          ccusage web                     serve on http://127.0.0.1:8787
          ccusage web --port 9000 --open  another port, and open the browser
          ccusage web --team-url postgres://report@db/usage   also serve the team's reports (/?team=1)
        """)

    @Option(help: "TCP port to listen on (0: any free port).")
    var port: Int = 8787

    @Option(help: "Address to bind. Anything but a loopback address exposes your usage to the network.")
    var host: String = "127.0.0.1"

    @Flag(help: "Open the dashboard in the default browser.")
    var open = false

    @Option(name: .customLong("team-url"), help: "The team database for team=1 pages and API calls (default: CCUSAGE_TEAM_URL, then the config file's team.url).")
    var teamURL: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, got \(port).") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty.") }
    }

    /// Replaces this process with the `ccusage-web` binary installed next to `ccusage`.
    func run() async throws {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let candidates = [me.deletingLastPathComponent().appendingPathComponent("ccusage-web").path,
                          URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                              .deletingLastPathComponent().appendingPathComponent("ccusage-web").path]
        guard let server = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw CLIError("The dashboard binary 'ccusage-web' was not found next to ccusage (looked in \(candidates[0])). Install it beside ccusage.")
        }
        // The database URL (perhaps with a password) goes by the environment, never the server's process title.
        if let teamURL { setenv("CCUSAGE_TEAM_URL", teamURL, 1) }
        let words = ["ccusage-web", "--port", String(port), "--host", host] + (open ? ["--open"] : [])
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        execv(server, argv)
        throw CLIError("Could not start \(server): \(String(cString: strerror(errno)))")
    }
}
