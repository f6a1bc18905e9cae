import CCUsageTestSupport
import CustomDump
import Foundation
import Testing
@testable import CCUsageKit

/// Compares `actual` with `Golden/<name>`; `GOLDEN_RECORD=1 swift test` rewrites the file.
func expectGolden(_ actual: String, named name: String, filePath: StaticString = #filePath,
                  sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    if ProcessInfo.processInfo.environment["GOLDEN_RECORD"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    expectNoDifference(actual, expected, "golden file \(name) differs (GOLDEN_RECORD=1 to re-record)",
                       filePath: filePath, line: UInt(sourceLocation.line), column: UInt(sourceLocation.column))
}

/// The repository's `Tests/Fixtures` folder.
let fixturesRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").path

func testEnvironment(configDir: String, zone: String = "UTC", now: String = "2025-09-02T00:00:00.000Z") -> Environment {
    Environment(variables: ["CLAUDE_CONFIG_DIR": configDir], home: "/nonexistent-home", now: Timestamp.parse(now)!,
                timeZone: TimeZone(identifier: zone)!)
}

/// Parses one line as the scanner would.
func parseLine(_ text: String, keepRaw: Bool = false) -> LineOutcome {
    var parser = LineParser(keepRawTimestamps: keepRaw)
    var copy = text
    return copy.withUTF8 { parser.parse($0) }
}

func record(_ text: String) -> UsageRecord? {
    if case .usage(let r) = parseLine(text) { return r }
    return nil
}

/// A compact assistant line for tests.
func line(id: String? = "msg_1", request: String? = "req_1", model: String? = "claude-sonnet-4-20250514",
          input: Int = 10, output: Int = 20, cacheCreate: Int = 0, cacheRead: Int = 0,
          time: String = "2025-07-20T10:00:00.000Z", sidechain: Bool = false, speed: String? = nil,
          cost: Double? = nil, extraUsage: String = "") -> String {
    var message: [String] = []
    if let id { message.append("\"id\":\"\(id)\"") }
    if let model { message.append("\"model\":\"\(model)\"") }
    var usage = "\"input_tokens\":\(input),\"output_tokens\":\(output),\"cache_creation_input_tokens\":\(cacheCreate),\"cache_read_input_tokens\":\(cacheRead)"
    if let speed { usage += ",\"speed\":\"\(speed)\"" }
    usage += extraUsage
    message.append("\"usage\":{\(usage)}")
    var fields = ["\"type\":\"assistant\"", "\"message\":{\(message.joined(separator: ","))}", "\"timestamp\":\"\(time)\""]
    if let request { fields.append("\"requestId\":\"\(request)\"") }
    if sidechain { fields.append("\"isSidechain\":true") }
    if let cost { fields.append("\"costUSD\":\(cost)") }
    return "{" + fields.joined(separator: ",") + "}"
}

/// Writes a temporary data tree: `files` maps paths below `projects/` to their lines. Remove it with
/// `defer { removeTemporary(root) }`.
func makeTree(_ files: [String: [String]]) throws -> String {
    try makeDataTree(files.mapValues { Array(($0.joined(separator: "\n") + "\n").utf8) }, prefix: "ccusage-test")
}
