/// OpenClaw (09-agents-jsonl §6): transcripts (live and archived) under `~/.openclaw`, `~/.clawdbot`,
/// `~/.moltbot`, `~/.moldbot` (or `--open-claw-path`, `OPENCLAW_DIR`).
public struct OpenClawSource: AgentSource {
    public init() {}
    public var id: String { "openclaw" }
    public var displayName: String { "OpenClaw" }
    public var reports: [String] { ["daily", "monthly", "session"] }
    public static let label = "OpenClaw"
    public var style: AgentReportStyle {
        AgentReportStyle(title: "OpenClaw Token Usage Report", tracksActivity: true, activityInJSON: true)
    }

    public func roots(_ request: AgentLoadRequest) -> [String] {
        if let flag = request.paths["open-claw-path"] { return AgentPaths.directories(flag) }
        if let value = request.env.variables["OPENCLAW_DIR"], !value.trimmingCharacters(in: .whitespaces).isEmpty {
            return AgentPaths.directories(value)
        }
        guard !request.env.home.isEmpty else { return [] }
        let home = request.env.home
        return AgentPaths.directories([".openclaw", ".clawdbot", ".moltbot", ".moldbot"].map { home + "/" + $0 }
            .joined(separator: ","))
    }

    /// `x.jsonl`, `x.jsonl.deleted.*`, `x.jsonl.reset.*` (09 §6.1).
    public static func qualifies(_ name: String) -> Bool {
        guard let range = name.range(of: ".jsonl") else { return false }
        let rest = name[range.lowerBound...]
        return rest == ".jsonl" || rest.hasPrefix(".jsonl.deleted.") || rest.hasPrefix(".jsonl.reset.")
    }

    /// The file name up to its first `.jsonl`.
    static func session(_ path: String) -> String {
        let name = AgentPaths.name(path)
        return name.range(of: ".jsonl").map { String(name[..<$0.lowerBound]) } ?? name
    }

    public func load(_ request: AgentLoadRequest) -> AgentLoad {
        let roots = self.roots(request)
        var unreadable: [String] = []
        var set = Set<String>()
        for root in roots { set.formUnion(AgentPaths.walk(root, unreadable: &unreadable, accept: OpenClawSource.qualifies)) }
        let files = set.sorted()
        let results = AgentFileResult.map(files, singleThread: request.singleThread) { path in
            OpenClawSource.parse(path: path, request: request)
        }
        return AgentLoad(files: files, results: results, found: !roots.isEmpty,
                         extraIssues: unreadable.map { AgentIssue(.unreadable, path: $0, detail: "cannot list directory") }) { e in
            "openclaw:\(e.sessionID):\(e.timestamp):\(e.model):\(e.tokens.input):\(e.tokens.output):\(e.tokens.cacheCreation):\(e.tokens.cacheRead):\(e.extra):\(e.cost)"
        }
    }

    static func parse(path: String, request: AgentLoadRequest) -> AgentFileResult {
        var result = AgentFileResult()
        let session = OpenClawSource.session(path)
        var currentModel: String?
        var mtime: Int64?
        var tree = JSONTree()
        var badLines = 0
        let (bytes, error) = agentForEachLine(path) { line, _ in
            guard lineContains(line, "\"model_change\"") || lineContains(line, "\"model-snapshot\"")
                    || lineContains(line, "\"usage\"") else { return true }
            guard let value = AgentJSON.parse(line, using: &tree) else { badLines += 1; return true }
            let type = value["type"]?.string
            if type == "model_change" || (type == "custom" && value["customType"]?.string == "model-snapshot") {
                let source = value["data"]?.isObject == true ? value["data"] ?? value : value
                if let model = source["modelId"]?.nonEmptyString ?? source["model"]?.nonEmptyString { currentModel = model }
                return true
            }
            guard type == "message", let message = value["message"], message["role"]?.string == "assistant",
                  let usage = message["usage"], usage.isObject else { return true }
            var tokens = TokenCounts(input: AgentJSON.count(usage["input"]), output: AgentJSON.count(usage["output"]),
                                     cacheCreation: AgentJSON.count(usage["cacheWrite"]),
                                     cacheRead: AgentJSON.count(usage["cacheRead"]))
            var extra = 0
            let recorded = AgentJSON.count(usage["totalTokens"])
            AgentRules.applyTotal(recorded, tokens: &tokens, extra: &extra)
            let stored = max(recorded, TokenCounts.saturatingAdd(tokens.total, extra))
            extra = stored - tokens.total
            guard !(tokens.isZero && extra == 0) else { return true }
            let raw = message["timestamp"] ?? value["timestamp"]
            var time: Int64?
            if case .integer(let ms)? = raw, ms <= UInt64(Int64.max) { time = Int64(ms) }
            else if let text = raw?.string { time = AgentRules.strictTimestamp(text) }
            if time == nil {
                if mtime == nil { mtime = AgentPaths.modifiedMillis(path) }
                time = mtime
            }
            let model = "[openclaw] " + (message["modelId"]?.nonEmptyString ?? message["model"]?.nonEmptyString
                                         ?? currentModel ?? "unknown")
            let logged = usage["cost"]?["total"]?.double
            let (cost, missing) = AgentRules.cost(mode: request.mode, logged: logged, candidates: [model], tokens: tokens,
                                                  extra: extra, prices: request.prices, cache: request.priceCache)
            result.entries.append(AgentEntry(timestamp: time ?? 0, sessionID: session, projectPath: OpenClawSource.label,
                                             model: model, tokens: tokens, extra: extra, cost: cost, missingPricing: missing))
            return true
        }
        result.bytes = bytes
        if let error { result.issues.append(AgentIssue(.unreadable, path: path, detail: error)) }
        if badLines > 0 { result.issues.append(AgentIssue(.badLine, path: path, detail: "\(badLines) malformed line(s)")) }
        return result
    }
}
