import CShims
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a parent transcript says about its sub-agents (Task / Agent tool): each agent's type, and which of its
/// responses the parent replayed in `progress` lines. Read only for the sessions a sub-agent split is shown
/// for, and only from lines that mention an agent (a byte search first, then a JSON parse of those lines).
///
/// Where the type comes from, first found wins:
/// - the tool result that ended the agent: `toolUseResult: {agentId, agentType}` (Claude Code 2.1);
/// - the Task / Agent `tool_use` whose id that result (`message.content[].tool_use_id`) or a progress line
///   (`parentToolUseID`) names: its `input.subagent_type` (Claude Code 2.0 and later);
/// - `agent-<id>.meta.json` beside the sub-agent transcript: `agentType`.
public struct SubagentLinks: Sendable, Equatable {
    /// Agent id → agent type (`general-purpose`, `Explore`, …).
    public var types: [String: String] = [:]
    /// A copy of a sub-agent response in a parent's progress line → that agent's id.
    public var progressAgents: [DedupKey: String] = [:]

    public init(types: [String: String] = [:], progressAgents: [DedupKey: String] = [:]) {
        self.types = types; self.progressAgents = progressAgents
    }

    /// Reads `parents` (transcripts that ran sub-agents) and the `.meta.json` files beside `agentFiles`.
    /// Unreadable files and lines that do not parse are skipped.
    public static func scan(parents: [String], agentFiles: [String]) -> SubagentLinks {
        var links = SubagentLinks()
        var toolTypes: [String: String] = [:]            // tool_use id → subagent_type
        var agentTools: [(agent: String, tool: String)] = []
        for path in parents {
            forEachLine(path, containing: [Array("\"subagent_type\"".utf8), Array("\"agentId\"".utf8)]) { line in
                guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else { return }
                links.absorb(object, toolTypes: &toolTypes, agentTools: &agentTools)
            }
        }
        for (agent, tool) in agentTools where links.types[agent] == nil {
            if let type = toolTypes[tool] { links.types[agent] = type }
        }
        for file in agentFiles {
            guard let id = TranscriptFile.agentID(path: file), links.types[id] == nil else { continue }
            let meta = (file.hasSuffix(".jsonl") ? String(file.dropLast(6)) : file) + ".meta.json"
            if let data = FileManager.default.contents(atPath: meta), data.count < 1 << 20,
               let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
               let type = object["agentType"] as? String, !type.isEmpty {
                links.types[id] = type
            }
        }
        return links
    }

    private mutating func absorb(_ line: [String: Any], toolTypes: inout [String: String],
                               agentTools: inout [(agent: String, tool: String)]) {
        let message = line["message"] as? [String: Any]
        let content = message?["content"] as? [[String: Any]] ?? []
        for item in content {
            if item["type"] as? String == "tool_use", let id = item["id"] as? String,
               let input = item["input"] as? [String: Any], let type = input["subagent_type"] as? String, !type.isEmpty {
                toolTypes[id] = type
            }
        }
        if let result = line["toolUseResult"] as? [String: Any], let agent = result["agentId"] as? String, !agent.isEmpty {
            if let type = result["agentType"] as? String, !type.isEmpty, types[agent] == nil { types[agent] = type }
            for item in content {
                if let tool = item["tool_use_id"] as? String { agentTools.append((agent, tool)) }
            }
        }
        if let data = line["data"] as? [String: Any], let agent = data["agentId"] as? String, !agent.isEmpty {
            if let tool = line["parentToolUseID"] as? String { agentTools.append((agent, tool)) }
            if let nested = data["message"] as? [String: Any], let inner = nested["message"] as? [String: Any],
               let id = inner["id"] as? String, !id.isEmpty {
                progressAgents[DedupKey(messageID: id, requestID: nested["requestId"] as? String)] = agent
            }
        }
    }

    /// Calls `body` with every line of the file that contains one of `needles`, reading 4 MiB at a time and
    /// searching the whole chunk (not line by line), so lines without a needle cost one `memmem` pass.
    static func forEachLine(_ path: String, containing needles: [[UInt8]], _ body: (Data) -> Void) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return posixRead(fd, base, raw.count)
            }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            guard let last = buffer[0..<n].lastIndex(of: 0x0A) else { pending += buffer[0..<n]; continue }
            if pending.isEmpty {
                matchingLines(buffer[..<last], needles, body)
            } else {
                pending += buffer[..<last]
                matchingLines(pending[...], needles, body)
                pending.removeAll(keepingCapacity: true)
            }
            pending += buffer[(last + 1)..<n]
        }
        if !pending.isEmpty { matchingLines(pending[...], needles, body) }
    }

    /// The lines of `text` (complete lines, without their final newline) that contain a needle.
    static func matchingLines(_ text: ArraySlice<UInt8>, _ needles: [[UInt8]], _ body: (Data) -> Void) {
        text.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            let count = raw.count
            var from = 0
            while from < count {
                // The earliest hit of any needle.
                var hit = -1
                for needle in needles {
                    let found = needle.withUnsafeBytes { n -> Int in
                        guard let nb = n.baseAddress,
                              let p = ccusage_memmem(base + from, count - from, nb, n.count) else { return -1 }
                        return base.distance(to: UnsafeRawPointer(p))
                    }
                    if found >= 0, hit < 0 || found < hit { hit = found }
                }
                guard hit >= 0 else { return }
                var start = hit
                while start > from, raw[start - 1] != 0x0A { start -= 1 }
                let end = memchr(base + hit, 0x0A, count - hit).map { base.distance(to: UnsafeRawPointer($0)) } ?? count
                body(Data(raw[start..<end]))
                from = end + 1
            }
        }
    }
}

extension TranscriptFile {
    /// The sub-agent id of a sub-agent transcript (`…/subagents/agent-<id>.jsonl`, or a top-level
    /// `agent-<id>.jsonl` of Claude Code 2.0); nil for a conversation's own transcript.
    public static func agentID(path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.hasSuffix(".jsonl") ? String(name.dropLast(6)) : name
        if stem.hasPrefix("agent-"), stem.count > 6 { return String(stem.dropFirst(6)) }
        if path.contains("/subagents/") { return stem }
        return nil
    }
}
