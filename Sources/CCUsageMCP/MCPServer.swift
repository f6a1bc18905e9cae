import CCUsageKit
import Dispatch
import Foundation
import Logging
import MCP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Model Context Protocol server: tools `daily`, `weekly`, `monthly`, `session` and `blocks`, over stdio.
///
/// Each call goes through `UsageService` like one CLI run (config file, caches, price refresh, archive) and
/// answers with the JSON the CLI prints for `--json`,
/// as a text content item plus the same object as `structuredContent`. Bad arguments and missing data come
/// back as tool errors (`isError: true`). Nothing is logged: stdout is the protocol channel.
public enum CCUsageMCPServer {
    public static let name = "ccusage"

    /// Answers one `tools/call`: the report JSON text, or a tool error with a message for the user.
    public static func call(_ params: CallTool.Parameters, environment: Environment,
                            defaultMode: CostMode? = nil) -> CallTool.Result {
        do throws(ToolError) {
            let request = try ToolRequest(tool: params.name, arguments: params.arguments, defaultMode: defaultMode)
            let text = try request.run(environment)
            // The same object as the text: what a client parsing the text gets.
            let structured = try? JSONDecoder().decode(Value.self, from: Data(text.utf8))
            return CallTool.Result(content: [.text(text: text, annotations: nil, _meta: nil)],
                                   structuredContent: structured)
        } catch {
            return CallTool.Result(content: [.text(text: error.description, annotations: nil, _meta: nil)], isError: true)
        }
    }

    /// Builds the server with its tool handlers (not yet started).
    public static func makeServer(version: String, defaultMode: CostMode? = nil,
                                  environment: @escaping @Sendable () -> Environment = { .live() }) async -> Server {
        let server = Server(name: name, version: version, title: "ccusage",
                            instructions: "Claude Code token usage and cost from the local transcripts. Every tool returns the JSON of the matching `ccusage <command> --json`.",
                            capabilities: .init(tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { _ in
            ListTools.Result(tools: UsageTool.allCases.map(\.definition))
        }
        await server.withMethodHandler(CallTool.self) { params in
            // Scanning is blocking, multi-threaded work: keep it off the cooperative pool.
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(returning: call(params, environment: environment(), defaultMode: defaultMode))
                }
            }
        }
        return server
    }

    /// Serves on stdin/stdout until stdin closes, then answers the requests still in flight and returns.
    public static func runStdio(version: String, defaultMode: CostMode? = nil,
                                environment: @escaping @Sendable () -> Environment = { .live() }) async throws {
        // The transport makes stdin/stdout non-blocking; a terminal shares that flag with the shell, so restore it.
        let savedFlags = [STDIN_FILENO, STDOUT_FILENO].map { ($0, fcntl($0, F_GETFL)) }
        defer { for (fd, flags) in savedFlags where flags >= 0 { _ = fcntl(fd, F_SETFL, flags) } }
        let transport = DrainingTransport(base: StdioTransport())
        let server = await makeServer(version: version, defaultMode: defaultMode, environment: environment)
        try await server.start(transport: transport)
        await server.waitUntilCompleted()
        await transport.waitForResponses(timeout: .seconds(300))
        await server.stop()
        CacheWrites.wait()   // cache files still being written in the background
    }
}
