/// A session's usage split between its main agent and each sub-agent (Task / Agent tool). The parts add up
/// to the session: every record is in exactly one of them.
public struct AgentSplit: Sendable, Equatable {
    public struct Subagent: Sendable, Equatable {
        /// The agent id (`agent-<id>.jsonl`), or `sidechain` for sidechain lines inside the parent transcript.
        public var agentID: String
        /// The agent type the transcript names (`general-purpose`, `Explore`, …); nil when it names none.
        public var agentType: String?
        public var summary: UsageSummary

        public init(agentID: String, agentType: String?, summary: UsageSummary) {
            self.agentID = agentID; self.agentType = agentType; self.summary = summary
        }

        /// `Explore (a4c6cf73)`, `agent a4c6cf73`, `sidechain`.
        public var label: String {
            if agentID == AgentSplit.inlineSidechain { return agentType ?? agentID }
            let id = String(agentID.prefix(8))
            return agentType.map { "\($0) (\(id))" } ?? "agent \(id)"
        }
    }

    public var main: UsageSummary
    /// Most expensive first; equal costs by agent id.
    public var subagents: [Subagent]

    public init(main: UsageSummary, subagents: [Subagent] = []) { self.main = main; self.subagents = subagents }

    /// The id given to sidechain lines of a parent transcript (Claude Code before sub-agent files).
    public static let inlineSidechain = "sidechain"
}

/// Decides which agent each record belongs to: a sub-agent transcript's records are that agent's; in a
/// parent transcript, a progress-line copy of a sub-agent response is that agent's, other sidechain lines
/// are the `sidechain` agent's, the rest the main agent's.
public struct AgentResolver: Sendable {
    /// Per file of the load: its sub-agent id, if it is a sub-agent transcript.
    let fileAgents: [String?]
    public var links: SubagentLinks

    public init(_ usage: LoadedUsage, links: SubagentLinks = SubagentLinks()) {
        fileAgents = usage.files.map { TranscriptFile.agentID(path: $0.path) }
        self.links = links
    }

    /// The sub-agent id of `record`, nil for the main agent.
    public func agent(of record: borrowing PricedRecord) -> String? {
        let index = Int(record.record.fileIndex)
        if index >= 0, index < fileAgents.count, let agent = fileAgents[index] { return agent }
        if let key = record.record.dedupKey, let agent = links.progressAgents[key] { return agent }
        return record.record.isSidechain ? AgentSplit.inlineSidechain : nil
    }

    /// True when some record of `records` is not the main agent's by its file or sidechain flag alone (progress
    /// copies are only known once the parents are scanned).
    public func hasSubagentRecords<S: Sequence>(_ records: S) -> Bool where S.Element == PricedRecord {
        records.contains { record in
            let index = Int(record.record.fileIndex)
            return (index >= 0 && index < fileAgents.count && fileAgents[index] != nil) || record.record.isSidechain
        }
    }

    public func split<S: Sequence>(_ records: S) -> AgentSplit where S.Element == PricedRecord {
        var main = SummaryBuilder()
        var agents: [String: SummaryBuilder] = [:]
        for record in records {
            if let agent = agent(of: record) {
                agents[agent, default: SummaryBuilder()].add(record)
            } else {
                main.add(record)
            }
        }
        let subagents = agents.map { id, builder in
            AgentSplit.Subagent(agentID: id, agentType: links.types[id], summary: builder.build())
        }.sorted { $0.summary.cost != $1.summary.cost ? $0.summary.cost > $1.summary.cost : $0.agentID < $1.agentID }
        return AgentSplit(main: main.build(), subagents: subagents)
    }

    /// The transcripts to scan for the agent types and progress copies of these records: their own parent
    /// transcripts, and for sub-agent files the parent next to them (`<session>.jsonl` beside the session
    /// folder, or `<sessionId>.jsonl` beside a top-level `agent-<id>.jsonl`).
    public static func parentsAndAgentFiles<S: Sequence>(_ records: S, usage: LoadedUsage)
        -> (parents: [String], agentFiles: [String]) where S.Element == PricedRecord {
        var parents = Set<String>(), agentFiles = Set<String>(), seen = Set<Int32>()
        for record in records where seen.insert(record.record.fileIndex).inserted {
            let file = usage.file(of: record)
            guard TranscriptFile.agentID(path: file.path) != nil else { parents.insert(file.path); continue }
            agentFiles.insert(file.path)
            var parts = file.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if let sub = parts.lastIndex(of: "subagents"), sub >= 1 {
                parts.removeSubrange(sub...)
                parents.insert(parts.joined(separator: "/") + ".jsonl")
            } else if let session = record.record.sessionField, !session.contains("/") {
                parts.removeLast()
                parents.insert((parts + [session + ".jsonl"]).joined(separator: "/"))
            }
        }
        return (parents.sorted(), agentFiles.sorted())
    }
}

extension SessionReport {
    /// Fills every row's `agents`: the split of its usage between main agent and sub-agents. Parent
    /// transcripts are read only for sessions with sub-agent records.
    public mutating func attachSubagents(_ usage: LoadedUsage) {
        var rowOfKey: [String: Int] = [:]
        for (i, row) in rows.enumerated() { rowOfKey[row.projectPath + "/" + row.sessionID] = i }
        var rowOfFile = [Int](repeating: -1, count: usage.files.count)
        for (f, file) in usage.files.enumerated() { rowOfFile[f] = rowOfKey[file.projectPath + "/" + file.sessionID] ?? -1 }
        var recordsOfRow = [[PricedRecord]](repeating: [], count: rows.count)
        for record in usage.records {
            let f = Int(record.record.fileIndex)
            guard f >= 0, f < rowOfFile.count, rowOfFile[f] >= 0 else { continue }
            recordsOfRow[rowOfFile[f]].append(record)
        }
        var resolver = AgentResolver(usage)
        // Sessions with a sub-agent transcript (even one whose every response survived as a progress copy in
        // the parent) or sidechain lines.
        var withAgents = Set(rows.indices.filter { resolver.hasSubagentRecords(recordsOfRow[$0]) })
        for (f, agent) in resolver.fileAgents.enumerated() where agent != nil && rowOfFile[f] >= 0 {
            withAgents.insert(rowOfFile[f])
        }
        let (parents, agentFiles) = AgentResolver.parentsAndAgentFiles(withAgents.sorted().flatMap { recordsOfRow[$0] },
                                                                       usage: usage)
        if !withAgents.isEmpty { resolver.links = SubagentLinks.scan(parents: parents, agentFiles: agentFiles) }
        for i in rows.indices {
            rows[i].agents = withAgents.contains(i) ? resolver.split(recordsOfRow[i]) : AgentSplit(main: rows[i].summary)
        }
    }
}

extension SessionDetail {
    /// Fills `agents` for this session's entries (its parent transcripts are read when it has sub-agents).
    public mutating func attachSubagents(_ usage: LoadedUsage) {
        var resolver = AgentResolver(usage)
        let agentFiles = usage.files.indices.contains { resolver.fileAgents[$0] != nil && usage.files[$0].sessionID == sessionID }
        if agentFiles || resolver.hasSubagentRecords(entries) {
            let (parents, agentFiles) = AgentResolver.parentsAndAgentFiles(entries, usage: usage)
            resolver.links = SubagentLinks.scan(parents: parents, agentFiles: agentFiles)
        }
        agents = resolver.split(entries)
    }
}

extension AgentSplit.Subagent {
    func json(hideCost: Bool) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("agentId", .string(agentID)),
            .init("agentType", agentType.map { .string($0) } ?? .null),
            .init("inputTokens", .int(summary.tokens.input)),
            .init("outputTokens", .int(summary.tokens.output)),
            .init("cacheCreationTokens", .int(summary.tokens.cacheCreation)),
            .init("cacheReadTokens", .int(summary.tokens.cacheRead)),
            .init("totalTokens", .int(summary.tokens.total)),
        ]
        if !hideCost { members.append(.init("totalCost", .double(summary.cost))) }
        members.append(.init("modelsUsed", .array(summary.modelsUsed.map { .string($0) })))
        return .object(members)
    }
}

extension AgentSplit {
    /// The `subagents` array of a session's JSON.
    public func json(hideCost: Bool) -> JSONValue { .array(subagents.map { $0.json(hideCost: hideCost) }) }
}
