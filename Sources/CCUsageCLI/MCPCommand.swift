import ArgumentParser
import CCUsageKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct MCP: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Run a Model Context Protocol server on stdin/stdout (tools: daily, weekly, monthly, session, blocks).",
        discussion: """
        The server reads your Claude Code data like the other commands (CLAUDE_CONFIG_DIR, ~/.config/claude, \
        ~/.claude, the config file, the caches) on every call and answers with the JSON of `ccusage <tool> --json`. \
        It runs until stdin closes. With `team: true` a tool reads the team database (given by --team-url, \
        CCUSAGE_TEAM_URL or the config file's team.url) and answers with the JSON of `ccusage <tool> --team --json`.

        Example client configuration:
          { "mcpServers": { "ccusage": { "command": "ccusage", "args": ["mcp"] } } }
        """)

    @Option(name: .shortAndLong, help: "Transport; only stdio is supported.")
    var type: String = "stdio"

    @Option(name: .shortAndLong, help: "Default cost mode for calls that pass no mode: auto, calculate or display (default: the config file's mode, else auto).")
    var mode: CostMode?

    @Option(name: .customLong("team-url"), help: "The team database for calls with team: true (default: CCUSAGE_TEAM_URL, then the config file's team.url).")
    var teamURL: String?

    func validate() throws {
        guard type == "stdio" else {
            throw ValidationError("Only the stdio transport is supported, got --type \(type).")
        }
    }

    /// Replaces this process with the `ccusage-mcp` binary installed next to `ccusage` (stdio is inherited).
    func run() async throws {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let candidates = [me.deletingLastPathComponent().appendingPathComponent("ccusage-mcp").path,
                          URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                              .deletingLastPathComponent().appendingPathComponent("ccusage-mcp").path]
        guard let server = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw CLIError("The MCP server binary 'ccusage-mcp' was not found next to ccusage (looked in \(candidates[0])). Install it beside ccusage.")
        }
        // The database URL (perhaps with a password) goes by the environment, never a process title.
        if let teamURL { setenv("CCUSAGE_TEAM_URL", teamURL, 1) }
        let words: [String] = ["ccusage-mcp"] + (mode.map { ["--mode", $0.rawValue] } ?? [])
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        execv(server, argv)
        throw CLIError("Could not start \(server): \(String(cString: strerror(errno)))")
    }
}
