/// Amp (09-agents-jsonl §7): one thread JSON per file under `<root>/threads`, `~/.local/share/amp` by default;
/// a usage ledger with credits, else the assistant messages' usage.
public struct AmpSource: AgentSource {
    public init() {}
    public var id: String { "amp" }
    public var displayName: String { "Amp" }
    public var reports: [String] { ["daily", "monthly", "session"] }
    public static let label = "Amp"
    public var style: AgentReportStyle {
        AgentReportStyle(title: "Amp Token Usage Report", table: .credits, emptyMessage: "No Amp usage data found.")
    }

    public func roots(_ request: AgentLoadRequest) -> [String] {
        AgentPaths.roots(variable: "AMP_DATA_DIR", env: request.env,
                         defaults: request.env.home.isEmpty ? [] : [request.env.home + "/.local/share/amp"])
    }

    public func load(_ request: AgentLoadRequest) -> AgentLoad {
        let roots = self.roots(request)
        var unreadable: [String] = []
        var set = Set<String>()
        for root in roots where AgentPaths.isDirectory(root + "/threads") {
            set.formUnion(AgentPaths.walk(root + "/threads", unreadable: &unreadable) { $0.hasSuffix(".json") })
        }
        let files = set.sorted()
        let results = AgentFileResult.map(files, singleThread: request.singleThread) { path in
            AmpSource.parse(path: path, request: request)
        }
        return AgentLoad(files: files, results: results, found: !roots.isEmpty,
                         extraIssues: unreadable.map { AgentIssue(.unreadable, path: $0, detail: "cannot list directory") })
    }

    static func parse(path: String, request: AgentLoadRequest) -> AgentFileResult {
        var result = AgentFileResult()
        guard let bytes = AgentPaths.read(path) else {
            result.issues.append(AgentIssue(.unreadable, path: path, detail: "cannot read file"))
            return result
        }
        result.bytes = Int64(bytes.count)
        guard let thread = bytes.withUnsafeBufferPointer({ AgentJSON.parse($0) }) else {
            result.issues.append(AgentIssue(.badRecord, path: path, detail: "not valid JSON"))
            return result
        }
        guard let session = thread["id"]?.nonEmptyString else { return result }
        result.entries = entries(thread, session: session, request: request)
        return result
    }

    static func entries(_ thread: AgentJSON, session: String, request: AgentLoadRequest) -> [AgentEntry] {
        var out: [AgentEntry] = []
        func add(time: Int64, model: String, tokens: TokenCounts, total: Int, credits: Double?, id: String) {
            var tokens = tokens, extra = 0
            AgentRules.applyTotal(total, tokens: &tokens, extra: &extra)
            guard !(tokens.isZero && extra == 0) else { return }
            let (cost, missing) = AgentRules.cost(mode: request.mode, candidates: [model], tokens: tokens, extra: extra,
                                                  extraAsOutput: true, prices: request.prices, cache: request.priceCache)
            var entry = AgentEntry(timestamp: time, sessionID: session, projectPath: label, model: model, tokens: tokens,
                                   extra: extra, cost: cost, credits: credits, missingPricing: missing)
            entry.messageID = id
            out.append(entry)
        }
        let messages = thread["messages"]?.array ?? []
        if let events = thread["usageLedger"]?["events"]?.array {
            for event in events {
                guard let time = event["timestamp"]?.string.flatMap(AgentRules.strictTimestamp),
                      let model = event["model"]?.nonEmptyString, let tokens = event["tokens"], tokens.isObject else { continue }
                var counts = TokenCounts(input: AgentJSON.count(tokens["input"]), output: AgentJSON.count(tokens["output"]))
                if let target = event["toMessageId"]?.int64,
                   let message = messages.first(where: { $0["role"]?.string == "assistant" && $0["messageId"]?.int64 == target }),
                   let usage = message["usage"] {
                    counts.cacheCreation = AgentJSON.count(usage["cacheCreationInputTokens"])
                    counts.cacheRead = AgentJSON.count(usage["cacheReadInputTokens"])
                }
                add(time: time, model: model, tokens: counts, total: AgentJSON.count(tokens["total"]),
                    credits: event["credits"]?.double, id: event["id"]?.string ?? "")
            }
            return out
        }
        for message in messages where message["role"]?.string == "assistant" {
            guard let usage = message["usage"], usage.isObject,
                  let time = (usage["timestamp"] ?? message["timestamp"])?.string.flatMap(AgentRules.strictTimestamp),
                  let model = usage["model"]?.nonEmptyString ?? message["model"]?.nonEmptyString else { continue }
            let counts = TokenCounts(input: AgentJSON.count(usage["inputTokens"]), output: AgentJSON.count(usage["outputTokens"]),
                                     cacheCreation: AgentJSON.count(usage["cacheCreationInputTokens"]),
                                     cacheRead: AgentJSON.count(usage["cacheReadInputTokens"]))
            add(time: time, model: model, tokens: counts, total: AgentJSON.count(usage["totalTokens"]),
                credits: usage["credits"]?.double, id: "")
        }
        return out
    }
}
