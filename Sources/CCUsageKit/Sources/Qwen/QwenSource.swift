/// Qwen Code (09-agents-jsonl §2): `<root>/projects/<project>/chats/<name>.jsonl` under `~/.qwen`.
public struct QwenSource: AgentSource {
    public init() {}
    public var id: String { "qwen" }
    public var displayName: String { "Qwen" }
    public var reports: [String] { ["daily", "monthly", "session"] }
    public var style: AgentReportStyle {
        AgentReportStyle(title: "Qwen Token Usage Report", tracksActivity: true, activityInJSON: true,
                         nullTotalsWhenEmpty: true, sessionFilterOnLastActivity: true, detectedByFiles: true)
    }

    public func roots(_ request: AgentLoadRequest) -> [String] {
        AgentPaths.roots(variable: "QWEN_DATA_DIR", env: request.env, defaults: [request.env.home + "/.qwen"])
    }

    /// Exactly `projects/<project>/chats/*.jsonl`, sorted.
    public static func files(_ roots: [String]) -> [String] {
        var out = Set<String>()
        for root in roots {
            let projects = root + "/projects"
            for project in AgentPaths.children(projects) where AgentPaths.isDirectory(projects + "/" + project) {
                let chats = projects + "/" + project + "/chats"
                for name in AgentPaths.children(chats) where name.hasSuffix(".jsonl") {
                    let path = chats + "/" + name
                    if AgentPaths.isRegularFile(path) { out.insert(path) }
                }
            }
        }
        return out.sorted()
    }

    public func load(_ request: AgentLoadRequest) -> AgentLoad {
        let files = QwenSource.files(roots(request))
        let results = AgentFileResult.map(files, singleThread: request.singleThread) { path in
            QwenSource.parse(path: path, request: request)
        }
        // Content key across all files; the first occurrence is kept (§2.3).
        return AgentLoad(files: files, results: results, found: !files.isEmpty) { entry in
            "\(entry.sessionID)\u{0}\(entry.timestamp)\u{0}\(entry.model)\u{0}\(entry.tokens.input)\u{0}\(entry.tokens.output)\u{0}\(entry.tokens.cacheRead)\u{0}\(entry.extra)"
        }
    }

    /// `M`, `qwen/M`, `alibaba/M` (08 §10.3); LiteLLM lists Qwen's own models under `dashscope/`, so that name is
    /// tried last (beyond the reference: with decision 21's exact-key tier it prices `qwen3-coder-plus` offline).
    public static func candidates(_ model: String) -> [String] {
        [model, "qwen/" + model, "alibaba/" + model, "dashscope/" + model]
    }

    static func parse(path: String, request: AgentLoadRequest) -> AgentFileResult {
        var result = AgentFileResult()
        let parts = path.split(separator: "/").map(String.init)
        let project = parts.count >= 3 ? parts[parts.count - 3] : "unknown"
        let stem = AgentPaths.stem(path)
        var mtime: Int64?
        var tree = JSONTree()
        var badLines = 0
        let (bytes, error) = agentForEachLine(path) { line, _ in
            guard lineContains(line, "usageMetadata") else { return true }
            guard let value = AgentJSON.parse(line, using: &tree) else { badLines += 1; return true }
            guard value["type"]?.string == "assistant", let usage = value["usageMetadata"], usage.isObject else { return true }
            var tokens = TokenCounts(input: AgentJSON.count(usage["promptTokenCount"]),
                                     output: AgentJSON.count(usage["candidatesTokenCount"]), cacheCreation: 0,
                                     cacheRead: AgentJSON.count(usage["cachedContentTokenCount"]))
            var extra = AgentJSON.count(usage["thoughtsTokenCount"])
            AgentRules.applyTotal(AgentJSON.count(usage["totalTokenCount"]), tokens: &tokens, extra: &extra)
            guard !(tokens.isZero && extra == 0) else { return true }
            let time: Int64
            if let t = value["timestamp"]?.string.flatMap(AgentRules.strictTimestamp) { time = t } else {
                if mtime == nil { mtime = AgentPaths.modifiedMillis(path) }
                time = mtime ?? 0
            }
            let model = value["model"]?.nonEmptyString ?? "unknown"
            let session = value["sessionId"]?.nonEmptyString ?? "\(project)-\(stem)"
            let (cost, missing) = AgentRules.cost(mode: request.mode, candidates: QwenSource.candidates(model),
                                                  tokens: tokens, extra: extra, extraAsOutput: true, prices: request.prices, cache: request.priceCache)
            result.entries.append(AgentEntry(timestamp: time, sessionID: session, projectPath: project, model: model,
                                             tokens: tokens, extra: extra, cost: cost, missingPricing: missing))
            return true
        }
        result.bytes = bytes
        if let error { result.issues.append(AgentIssue(.unreadable, path: path, detail: error)) }
        if badLines > 0 { result.issues.append(AgentIssue(.badLine, path: path, detail: "\(badLines) malformed line(s)")) }
        return result
    }
}
