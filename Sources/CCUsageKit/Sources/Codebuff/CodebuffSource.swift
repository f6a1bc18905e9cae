import Foundation

/// Codebuff, formerly Manicode (10-agents-stores §7): `chat-messages.json` arrays, one entry per assistant
/// message, credits carried beside USD.
public struct CodebuffSource: AgentSource {
    public init() {}
    public var id: String { "codebuff" }
    public var displayName: String { "Codebuff" }
    public var reports: [String] { ["daily", "monthly", "session"] }
    public var style: AgentReportStyle {
        AgentReportStyle(title: "Codebuff Token Usage Report", table: .credits, emptyMessage: "No Codebuff usage data found.")
    }

    /// `CODEBUFF_DATA_DIR` channel roots (`<root>/projects` unless the root is one), else the three defaults.
    func directories(_ env: Environment) -> Result<[String], StoreFailure> {
        let roots: [String]
        if let value = env.variables["CODEBUFF_DATA_DIR"] {
            roots = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { ($0 as NSString).lastPathComponent == "projects" ? $0 : StorePaths.join($0, "projects") }
        } else {
            guard let home = StorePaths.home(env) else { return .failure(StoreFailure(StorePaths.noHome)) }
            roots = ["manicode", "manicode-dev", "manicode-staging"].map { StorePaths.join(home, ".config/\($0)/projects") }
        }
        var seen = Set<String>()
        return .success(roots.filter { StorePaths.isDirectory($0) && seen.insert($0).inserted })
    }

    public func roots(_ request: AgentLoadRequest) -> [String] { (try? directories(request.env).get()) ?? [] }

    public func load(_ request: AgentLoadRequest) -> AgentLoad {
        var load = AgentLoad()
        guard let dirs = directories(request.env).found(else: &load) else { return load }
        let files = dirs.flatMap { StorePaths.files(under: $0) { $0 == "chat-messages.json" } }.sorted()
        var tree = JSONTree()
        let pricing = StorePricing(table: request.prices ?? .embedded)
        var byKey: [String: AgentEntry] = [:]
        var order: [String] = []
        for file in files {
            load.filesRead += 1; load.bytes += StorePaths.fileSize(file)
            let context = CodebuffChat(path: file)
            switch StoreJSON.parseFile(file, tree: &tree, { context.entries($0, pricing: pricing) }) {
            case .parsed(let entries?):
                for (key, entry) in entries {
                    if byKey.updateValue(entry, forKey: key) == nil { order.append(key) }
                }
            case .parsed(nil), .invalid:
                load.issues.append(AgentIssue(.badRecord, path: file, detail: "not a JSON array of chat messages"))
            case .unreadable:
                load.issues.append(AgentIssue(.unreadable, path: file, detail: "cannot read Codebuff chat"))
            }
        }
        load.entries = order.compactMap { byKey[$0] }.sorted { $0.timestamp < $1.timestamp }
        return load
    }
}

/// One chat file: its session identity from the path, and its assistant messages (10 §7.2–§7.5).
struct CodebuffChat {
    let path: String
    let chatID: String, sessionID: String

    init(path: String) {
        self.path = path
        let parts = path.split(separator: "/").map(String.init)
        // …/<channel>/projects/<project>/chats/<chatId>/chat-messages.json
        func part(_ back: Int) -> String? { parts.count > back ? parts[parts.count - 1 - back] : nil }
        chatID = part(1) ?? "unknown"
        let project = part(3) ?? "unknown"
        let channel = part(5) ?? "manicode"
        sessionID = "\(channel)/\(project)/\(chatID)"
    }

    /// (dedup key, entry) of every counted message; nil when the document is not an array.
    func entries(_ json: StoreJSON, pricing: StorePricing) -> [(String, AgentEntry)]? {
        guard json.isArray(json.root) else { return nil }
        var out: [(String, AgentEntry)] = []
        for (index, message) in json.children(json.root).enumerated() {
            guard json.isObject(message) else { continue }
            let kind = json.trimmed(json.at(message, "variant")) ?? json.trimmed(json.at(message, "role")) ?? ""
            guard ["ai", "agent", "assistant"].contains(kind) else { continue }
            var usage = CodebuffUsage()
            let metadata = json.at(message, "metadata")
            usage.model = json.trimmed(json.at(metadata, "model"))
            usage.merge(CodebuffUsage(json, json.at(metadata, "usage")))
            usage.merge(CodebuffUsage(json, json.at(metadata, "codebuff", "usage")))
            usage.merge(runState(json, metadata))
            if usage.credits == 0, let credits = json.number(json.at(message, "credits")), credits > 0, credits.isFinite {
                usage.credits = credits
            }
            var tokens = usage.tokens, extra = 0
            StoreTokens.applyTotal(usage.total, tokens: &tokens, extra: &extra)
            guard !tokens.isZero || extra > 0 || usage.credits > 0 else { continue }
            let model = usage.model ?? "codebuff-unknown"
            let timestamp = timestamp(json, message)
            let (cost, found) = price(model: model, StoreTokens.billed(tokens, extra: extra), pricing)
            let entry = AgentEntry(timestamp: timestamp, sessionID: sessionID, projectPath: "Codebuff", model: model,
                                   tokens: tokens, extra: extra, cost: cost,
                                   credits: usage.credits > 0 ? usage.credits : nil,
                                   missingPricing: !found && (!tokens.isZero || extra > 0))
            let key: String
            if let id = json.string(json.at(message, "id")), !id.isEmpty {
                key = "codebuff:\(sessionID):\(id)"
            } else {
                key = "codebuff:\(sessionID):\(Timestamp.iso(timestamp)):\(model):\(index):\(tokens.input):"
                    + "\(tokens.output):\(tokens.cacheRead):\(tokens.cacheCreation):\(extra)"
            }
            out.append((key, entry))
        }
        return out
    }

    /// The newest non-zero value per field over the run state's assistant history.
    private func runState(_ json: StoreJSON, _ metadata: Int32) -> CodebuffUsage {
        let history = json.at(metadata, "runState", "sessionState", "mainAgentState", "messageHistory")
        guard json.isArray(history) else { return CodebuffUsage() }
        var acc = CodebuffUsage()
        for item in Array(json.children(history)).reversed() {
            let options = json.at(item, "providerOptions")
            guard json.string(json.at(item, "role")) == "assistant", json.isObject(options) else { continue }
            var usage = CodebuffUsage(json, json.at(options, "usage"))
            usage.merge(CodebuffUsage(json, json.at(options, "codebuff", "usage")))
            if usage.model == nil { usage.model = json.trimmed(json.at(options, "codebuff", "model")) }
            acc.merge(usage)
        }
        return acc
    }

    private func timestamp(_ json: StoreJSON, _ message: Int32) -> Int64 {
        for node in [json.at(message, "timestamp"), json.at(message, "createdAt"), json.at(message, "metadata", "timestamp")] {
            if let text = json.string(node), let value = Timestamp.parse(text) { return value }
            if let number = json.number(node), number > 0 { return number < 1e10 ? Int64(number * 1000) : Int64(number) }
        }
        if let t = chatID.firstIndex(of: "T") {
            var time = String(chatID[chatID.index(after: t)...])
            for _ in 0..<2 { if let dash = time.firstIndex(of: "-") { time.replaceSubrange(dash...dash, with: ":") } }
            if let value = Timestamp.parse(String(chatID[...t]) + time) { return value }
        }
        return StorePaths.modified(path) ?? 0
    }

    private func price(model: String, _ tokens: TokenCounts, _ pricing: StorePricing) -> (Double, Bool) {
        let first = pricing.firstFound([model], tokens)
        let lower = model.lowercased()
        let provider: String? =
            lower.hasPrefix("claude-") || lower.hasPrefix("anthropic/") || lower.hasPrefix("anthropic.") ? "anthropic"
            : ["gpt-", "o1", "o3", "o4", "openai/"].contains(where: lower.hasPrefix) ? "openai"
            : lower.hasPrefix("gemini") || lower.hasPrefix("google/") ? "google"
            : lower.hasPrefix("grok") || lower.hasPrefix("xai/") ? "xai"
            : lower.hasPrefix("openrouter/") ? "openrouter" : nil
        guard first.cost == 0, let provider, !model.hasPrefix(provider + "/") else { return first }
        let second = pricing.firstFound([provider + "/" + model], tokens)
        return (second.cost, first.found || second.found)
    }
}
