import CCUsageTestSupport
import Foundation
@testable import CCUsageKit

/// Writes files (path below the root → text) into a new temporary directory; remove it with `removeTemporary`.
func makeAgentHome(_ files: [String: String]) throws -> String {
    let root = try makeTemporaryDirectory("ccusage-agent")
    for (path, text) in files {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }
    return root
}

/// A load request for tests: UTC, no home, the given variables.
func agentRequest(_ variables: [String: String], home: String = "/nonexistent-home", mode: CostMode = .auto,
                  prices: PriceTable? = .embedded, paths: [String: String] = [:]) -> AgentLoadRequest {
    AgentLoadRequest(env: Environment(variables: variables, home: home, now: 0, timeZone: TimeZone(identifier: "UTC")!),
                     mode: mode, prices: prices, paths: paths, singleThread: true)
}

/// A focused report's JSON text (UTC).
func agentJSON(_ source: any AgentSource, _ load: AgentLoad, _ kind: AgentReportKind = .daily,
               range: DateRange = DateRange()) -> String {
    let report = AgentReport(agent: source.id, kind: kind, entries: load.entries, style: source.style,
                             options: AgentReportOptions(zone: ReportZone(TimeZone(identifier: "UTC")!), range: range))
    return AgentReport.render(report.json())
}

/// A price table with one explicit model (USD per token).
func priceTable(_ prices: [String: ModelPrice]) -> PriceTable { PriceTable(tables: [prices]) }
