import CCUsageKit
import CCUsageMCP
import Foundation

// Started by `ccusage mcp` (which validates the options): `ccusage-mcp [--mode auto|calculate|display]`.
var mode: CostMode?   // nil: each call's config file decides, else auto
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let flag = arguments.removeFirst()
    if flag == "--mode" || flag == "-m", let value = arguments.first, let parsed = CostMode(rawValue: value) {
        arguments.removeFirst()
        mode = parsed
    } else {
        FileHandle.standardError.write(Data("ccusage-mcp: unexpected argument '\(flag)' (usage: ccusage mcp [--mode auto|calculate|display])\n".utf8))
        exit(1)
    }
}
do {
    try await CCUsageMCPServer.runStdio(version: ccusageVersion, defaultMode: mode)
} catch {
    FileHandle.standardError.write(Data("ccusage mcp: \(error)\n".utf8))
    exit(1)
}
