import CCUsageTestSupport
import Foundation
import Testing

/// `ccusage <agent> <report>`, `agent:report` and the unified report over the hand-made agent homes
/// (`Tests/Fixtures/agents`): routing, outputs, and that the agents' folders are only read.
@Suite struct AgentCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/agents").path

    static func variables(_ root: String) -> [String: String] {
        ["GEMINI_DATA_DIR": root + "/gemini", "QWEN_DATA_DIR": root + "/qwen", "KIMI_DATA_DIR": root + "/kimi",
         "COPILOT_OTEL_FILE_EXPORTER_PATH": root + "/copilot/export.jsonl", "PI_AGENT_DIR": root + "/pi/sessions",
         "OPENCLAW_DIR": root + "/openclaw", "AMP_DATA_DIR": root + "/amp", "CLAUDE_CONFIG_DIR": root + "/no-claude",
         "CODEX_HOME": root + "/no-codex"]
    }

    /// Every file and folder below `root` (hidden ones included) with a checksum of its bytes, size and mtime.
    static func snapshot(_ root: String) throws -> [String: String] {
        var out: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        while let relative = enumerator.nextObject() as? String {
            let path = root + "/" + relative
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let mtime = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            if attributes[.type] as? FileAttributeType == .typeRegular {
                for byte in try Data(contentsOf: URL(fileURLWithPath: path)) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            }
            out[relative] = "\(attributes[.size] ?? 0):\(mtime):\(hash)"
        }
        return out
    }

    @Test("every agent command and the unified report leave the agents' folders unchanged")
    func foldersUnchanged() throws {
        let root = try makeTemporaryDirectory("ccusage-agents-cli")
        defer { removeTemporary(root) }
        try FileManager.default.removeItem(atPath: root)
        try FileManager.default.copyItem(atPath: Self.fixtures, toPath: root)
        let before = try Self.snapshot(root)
        let env = Self.variables(root)
        for agent in ["gemini", "qwen", "kimi", "copilot", "pi", "openclaw", "amp"] {
            for args in [[agent], [agent, "session", "--json"], [agent + ":monthly", "--breakdown"], [agent, "--debug"]] {
                let result = try runCLI(args, env: env)
                #expect(result.code == 0, "\(args): \(result.err)")
            }
        }
        for args in [["daily", "--all", "--json"], ["session", "--all"], ["all", "weekly", "--by-agent", "--json"]] {
            let result = try runCLI(args, env: env)
            #expect(result.code == 0, "\(args): \(result.err)")
        }
        #expect(try Self.snapshot(root) == before)
    }

    @Test("the unified report takes rows from every agent; a damaged file of one agent breaks nobody")
    func unified() throws {
        let result = try runCLI(["daily", "--all", "--json", "-O"], env: Self.variables(Self.fixtures))
        #expect(result.code == 0)
        for agent in ["amp", "copilot", "gemini", "kimi", "openclaw", "pi", "qwen"] {
            #expect(result.out.contains("\"\(agent)\""), "\(agent) missing from the unified report")
        }
        let table = try runCLI(["all", "session", "-O"], env: Self.variables(Self.fixtures))
        #expect(table.out.contains("Detected: Amp, GitHub Copilot CLI, Gemini CLI, Kimi, OpenClaw, pi-agent, Qwen"))
    }

    @Test("routing: report words, agent:report, unsupported pairs, path flags")
    func routing() throws {
        let env = Self.variables(Self.fixtures)
        let weekly = try runCLI(["pi", "weekly"], env: env)
        #expect(weekly.code == 2)
        #expect(weekly.err.hasPrefix("The \"weekly\" report is not available for pi-agent usage.\nUse \"ccusage pi daily\" for pi-agent usage reports."))
        let blocks = try runCLI(["gemini", "blocks"], env: env)
        #expect(blocks.code == 2 && blocks.err.contains("only available for Claude Code usage"))
        let colon = try runCLI(["amp:session", "--json"], env: env)
        #expect(colon.code == 0 && colon.out.contains("\"sessions\""))
        let flag = try runCLI(["pi", "daily", "--json", "--pi-path", Self.fixtures + "/nothing-here"], env: env)
        #expect(flag.code == 0 && flag.out.contains("\"totals\": null"))
        let wrong = try runCLI(["gemini", "--pi-path", "/tmp"], env: env)
        #expect(wrong.code != 0)
        let empty = try runCLI(["amp"], env: ["AMP_DATA_DIR": Self.fixtures + "/nothing-here"])
        #expect(empty.code == 0 && empty.err.contains("No Amp usage data found.") && empty.out.isEmpty)
    }

    @Test("Gemini, Qwen and Kimi daily JSON equal the independent Python reference (Tests/reference/agents_reference.py)")
    func reference() throws {
        try expectReferenceAgrees("agents_reference.py")
    }
}
