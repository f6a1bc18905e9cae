import CCUsageKit
import MCP

/// The Model Context Protocol server (stdio). Tools and their handlers live in this target.
public enum CCUsageMCPServer {
    public static let name = "ccusage"
}
