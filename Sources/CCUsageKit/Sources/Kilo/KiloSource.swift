import Foundation

/// Kilo Code CLI (10-agents-stores §3): `kilo.db` per data directory, assistant messages only.
public struct KiloSource: AgentSource {
    public init() {}
    public var id: String { "kilo" }
    public var displayName: String { "Kilo" }
    public var reports: [String] { ["daily", "monthly", "session"] }

    /// `KILO_DATA_DIR`, else `~/.local/share/kilo`; no home gives no paths (and no error).
    func directories(_ env: Environment) -> [String] {
        if let listed = StorePaths.list(env, "KILO_DATA_DIR") { return listed }
        guard let home = StorePaths.home(env) else { return [] }
        let path = StorePaths.join(home, ".local/share/kilo")
        return StorePaths.isDirectory(path) ? [path] : []
    }

    public func roots(_ request: AgentLoadRequest) -> [String] { directories(request.env) }

    public func load(_ request: AgentLoadRequest) -> AgentLoad {
        let dirs = directories(request.env)
        var load = AgentLoad(found: !dirs.isEmpty)
        var entries: [AgentEntry] = [], issues: [AgentIssue] = []
        var seen = Set<String>()
        var tree = JSONTree()
        let pricing = StorePricing(table: request.mode == .display ? nil : request.prices)
        for dir in dirs {
            let db = StorePaths.join(dir, "kilo.db")
            guard StorePaths.isFile(db) else { continue }
            load.filesRead += 1; load.bytes += StoreRead.size(db)
            MessageTable.read(db, agent: displayName, tree: &tree, issues: &issues) { rowID, session, json in
                guard let (messageID, entry) = Self.entry(json, rowID: rowID, session: session, db: db,
                                                          mode: request.mode, pricing: pricing),
                      seen.insert(messageID).inserted else { return }
                entries.append(entry)
            }
        }
        entries.sort { $0.timestamp < $1.timestamp }
        load.entries = entries
        load.issues = issues
        return load
    }

    /// One message JSON → (message id, entry) (10 §3.3, §3.5, §3.6).
    static func entry(_ json: StoreJSON, rowID: String, session: String, db: String, mode: CostMode,
                      pricing: StorePricing) -> (String, AgentEntry)? {
        let root = json.root
        guard json.string(json.at(root, "role")) == "assistant",
              let model = json.trimmed(json.at(root, "modelID")) else { return nil }
        guard let created = json.number(json.at(root, "time", "created")), created > 0 else { return nil }
        let timestamp = created < 1e12 ? Int64(created * 1000) : Int64(created)
        let tokensNode = json.at(root, "tokens")
        var tokens = MessageTable.tokens(json, tokensNode)
        var extra = json.count(json.at(tokensNode, "reasoning"))
        StoreTokens.applyTotal(json.count(json.at(tokensNode, "total")), tokens: &tokens, extra: &extra)
        guard !tokens.isZero || extra > 0 else { return nil }
        let messageID = json.string(json.at(root, "id")) ?? "\(db):\(rowID)"
        let sessionID = json.string(json.at(root, "session_id")) ?? session
        let provider = json.trimmed(json.at(root, "providerID"))
        let logged = json.number(json.at(root, "cost"))
        var cost = 0.0, missing = false
        switch mode {
        case .display:
            cost = logged ?? 0
        case .auto where logged != nil:
            cost = logged ?? 0
            if cost <= 0 { missing = !pricing.firstFound(candidates(model: model, provider: provider), tokens).found }
        case .auto, .calculate:
            let priced = pricing.firstFound(candidates(model: model, provider: provider),
                                            StoreTokens.billed(tokens, extra: extra))
            cost = priced.cost
            missing = !priced.found && (logged ?? 0) <= 0
        }
        if pricing.table == nil { missing = false }
        return (messageID, AgentEntry(timestamp: timestamp, sessionID: sessionID, projectPath: "Kilo", model: model,
                                      tokens: tokens, extra: extra, cost: cost, missingPricing: missing))
    }

    static func candidates(model: String, provider: String?) -> [String] {
        guard let provider, provider != "unknown", provider != "kilo" else { return [model] }
        return StorePricing.unique([provider.replacingOccurrences(of: "-", with: "_") + "/" + model, model])
    }
}
