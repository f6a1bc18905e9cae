import ArgumentParser
import CCUsageKit
import CCUsageMCP

struct MCP: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Run a Model Context Protocol server on stdin/stdout (tools: daily, weekly, monthly, session, blocks).",
        discussion: """
        The server reads your Claude Code data like the other commands (CLAUDE_CONFIG_DIR, ~/.config/claude, \
        ~/.claude) on every call and answers with the JSON of `ccusage <tool> --json`. It runs until stdin closes.

        Example client configuration:
          { "mcpServers": { "ccusage": { "command": "ccusage", "args": ["mcp"] } } }
        """)

    @Option(name: .shortAndLong, help: "Transport; only stdio is supported.")
    var type: String = "stdio"

    @Option(name: .shortAndLong, help: "Default cost mode for calls that pass no mode: auto, calculate or display.")
    var mode: CostMode = .auto

    func validate() throws {
        guard type == "stdio" else {
            throw ValidationError("Only the stdio transport is supported, got --type \(type).")
        }
    }

    func run() async throws {
        try await CCUsageMCPServer.runStdio(version: ccusageVersion, defaultMode: mode)
    }
}
