import CCUsageTestSupport
import Foundation
import Testing

/// The store agents through the binary: the independent Python reading of 10-agents-stores, and one agent's bad
/// file not breaking another agent's numbers in the unified report.
@Suite struct StoreCLITests {
    @Test func pythonReferenceAgreesOnStoreAgents() throws {
        try expectReferenceAgrees("stores_compare.py")
    }

    @Test func badDroidFileLeavesOpenCodeInTheUnifiedReport() throws {
        let root = try makeTemporaryDirectory("store-cli"); defer { removeTemporary(root) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/droid", withIntermediateDirectories: true)
        try Data("{".utf8).write(to: URL(fileURLWithPath: root + "/droid/broken.settings.json"))
        try fm.createDirectory(atPath: root + "/opencode/storage/message/s", withIntermediateDirectories: true)
        try Data(#"{"id":"m","sessionID":"s","providerID":"openai","modelID":"gpt-5","time":{"created":1767312000000},"tokens":{"input":100,"output":10},"cost":0.5}"#.utf8)
            .write(to: URL(fileURLWithPath: root + "/opencode/storage/message/s/m.json"))
        let before = try fm.subpathsOfDirectory(atPath: root).sorted()
        let result = try runCLI(["daily", "--all", "--json", "--offline"],
                                env: ["OPENCODE_DATA_DIR": root + "/opencode", "DROID_SESSIONS_DIR": root + "/droid",
                                      "CLAUDE_CONFIG_DIR": root + "/none"])
        #expect(result.code == 0)
        #expect(result.out.contains("\"opencode\""))
        #expect(result.out.contains("\"totalTokens\": 110"))
        #expect(result.err.contains("Droid"))
        #expect(try fm.subpathsOfDirectory(atPath: root).sorted() == before)
    }

    @Test func unsupportedReportNamesTheAgent() throws {
        let result = try runCLI(["kilo", "weekly"])
        #expect(result.code != 0)
        #expect(result.err.contains("The \"weekly\" report is not available for Kilo usage."))
    }
}
