/// pi-agent (09-agents-jsonl §5): session JSONL files under `~/.pi/agent/sessions` (or `--pi-path`, `PI_AGENT_DIR`).
public struct PiSource: AgentSource {
    public init() {}
    public var id: String { "pi" }
    public var displayName: String { "pi-agent" }
    public var reports: [String] { ["daily", "monthly", "session"] }
    public var style: AgentReportStyle {
        AgentReportStyle(title: "pi-agent Token Usage Report", tracksActivity: true, activityInJSON: true,
                         nullTotalsWhenEmpty: true, unifiedSessionByProject: true)
    }

    /// `--pi-path` → `PI_AGENT_DIR` (non-blank) → `~/.pi/agent/sessions`; existing directories only.
    public func roots(_ request: AgentLoadRequest) -> [String] {
        if let flag = request.paths["pi-path"] { return AgentPaths.directories(flag) }
        if let value = request.env.variables["PI_AGENT_DIR"], !value.trimmingCharacters(in: .whitespaces).isEmpty {
            return AgentPaths.directories(value)
        }
        guard !request.env.home.isEmpty else { return [] }
        return AgentPaths.directories(request.env.home + "/.pi/agent/sessions")
    }

    public func load(_ request: AgentLoadRequest) -> AgentLoad {
        let roots = self.roots(request)
        var unreadable: [String] = []
        var set = Set<String>()
        for root in roots { set.formUnion(AgentPaths.walk(root, unreadable: &unreadable) { $0.hasSuffix(".jsonl") }) }
        let files = set.sorted()
        let results = AgentFileResult.map(files, singleThread: request.singleThread) { path in
            PiSource.parse(path: path, request: request)
        }
        return AgentLoad(files: files, results: results, found: !roots.isEmpty,
                         extraIssues: unreadable.map { AgentIssue(.unreadable, path: $0, detail: "cannot list directory") }) { e in
            "pi:\(e.projectPath):\(e.sessionID):\(e.timestamp):\(e.model):\(e.tokens.input):\(e.tokens.output):\(e.tokens.cacheCreation):\(e.tokens.cacheRead):\(e.extra):\(e.cost)"
        }
    }

    /// The file stem after its first `_` (`prefix_session-a` → `session-a`).
    static func session(_ path: String) -> String {
        let stem = AgentPaths.stem(path)
        guard let underscore = stem.firstIndex(of: "_") else { return stem }
        return String(stem[stem.index(after: underscore)...])
    }

    /// The path component right after the first one named `sessions`, else `unknown`.
    static func project(_ path: String) -> String {
        let parts = path.split(separator: "/").map(String.init)
        guard let i = parts.firstIndex(of: "sessions"), i + 1 < parts.count else { return "unknown" }
        return parts[i + 1]
    }

    static func parse(path: String, request: AgentLoadRequest) -> AgentFileResult {
        var result = AgentFileResult()
        let session = PiSource.session(path), project = PiSource.project(path)
        var tree = JSONTree()
        var badLines = 0
        let (bytes, error) = agentForEachLine(path) { line, _ in
            guard lineContains(line, "\"usage\""), lineContains(line, "\"message\"") else { return true }
            guard let value = AgentJSON.parse(line, using: &tree) else { badLines += 1; return true }
            let type = value["type"]
            guard type == nil || type?.string == "message", let message = value["message"],
                  message["role"]?.string == "assistant", let usage = message["usage"], usage.isObject else { return true }
            guard let time = value["timestamp"]?.string.flatMap(AgentRules.strictTimestamp) else { return true }
            var tokens = TokenCounts(input: AgentJSON.count(usage["input"]), output: AgentJSON.count(usage["output"]),
                                     cacheCreation: AgentJSON.count(usage["cacheWrite"]),
                                     cacheRead: AgentJSON.count(usage["cacheRead"]))
            var extra = 0
            AgentRules.applyTotal(AgentJSON.count(usage["totalTokens"]), tokens: &tokens, extra: &extra)
            guard !(tokens.isZero && extra == 0) else { return true }
            let model = message["model"]?.nonEmptyString.map { "[pi] " + $0 }
            let logged = usage["cost"]?["total"]?.double
            let (cost, missing) = model.map {
                AgentRules.cost(mode: request.mode, logged: logged, candidates: [$0], tokens: tokens, extra: extra,
                                prices: request.prices, cache: request.priceCache)
            } ?? (request.mode == .calculate ? 0 : logged ?? 0, false)
            result.entries.append(AgentEntry(timestamp: time, sessionID: session, projectPath: project, model: model ?? "",
                                             tokens: tokens, extra: extra, cost: cost, missingPricing: missing))
            return true
        }
        result.bytes = bytes
        if let error { result.issues.append(AgentIssue(.unreadable, path: path, detail: error)) }
        if badLines > 0 { result.issues.append(AgentIssue(.badLine, path: path, detail: "\(badLines) malformed line(s)")) }
        return result
    }
}
