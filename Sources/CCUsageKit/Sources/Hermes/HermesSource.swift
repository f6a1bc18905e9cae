import Foundation

/// Hermes Agent (10-agents-stores §4): `state.db` per home, one cumulative row per session in `sessions`.
public struct HermesSource: AgentSource {
    public init() {}
    public var id: String { "hermes" }
    public var displayName: String { "Hermes" }
    public var reports: [String] { ["daily", "monthly", "session"] }

    static let columns = ["id", "model", "billing_provider", "started_at", "message_count", "input_tokens",
                          "output_tokens", "cache_read_tokens", "cache_write_tokens", "reasoning_tokens",
                          "estimated_cost_usd", "actual_cost_usd"]
    static let sql = "SELECT " + columns.joined(separator: ", ")
        + " FROM sessions WHERE model IS NOT NULL AND trim(model) != ''"

    func databases(_ env: Environment) -> Result<[String], StoreFailure> {
        let homes: [String]
        if let listed = StorePaths.list(env, "HERMES_HOME") {
            homes = listed
        } else {
            guard let home = StorePaths.home(env) else { return .failure(StoreFailure(StorePaths.noHome)) }
            homes = [StorePaths.join(home, ".hermes")]
        }
        var seen = Set<String>()
        return .success(homes.map { StorePaths.join($0, "state.db") }
            .filter { StorePaths.isFile($0) && seen.insert($0).inserted })
    }

    public func roots(_ request: AgentLoadRequest) -> [String] { (try? databases(request.env).get()) ?? [] }

    public func load(_ request: AgentLoadRequest) -> AgentLoad {
        let pricing = StorePricing(table: request.prices ?? .embedded)
        return StoreRead.loadDatabases(databases(request.env), agent: displayName) { _, store, issues, keep in
            guard StoreRead.probe(store, table: "sessions", required: Self.columns, agent: displayName,
                                  issues: &issues) != nil else { return }
            StoreRead.scan(store, Self.sql, agent: displayName, issues: &issues) { row in
                if let entry = Self.entry(row, pricing: pricing) { keep(entry.sessionID, entry) }
            }
        }
    }

    /// One `sessions` row → entry (10 §4.3, §4.5; cost per decision 24).
    static func entry(_ row: StoreRow, pricing: StorePricing) -> AgentEntry? {
        guard let session = row.text(0), !session.isEmpty,
              let model = row.text(1)?.trimmingCharacters(in: .whitespacesAndNewlines), !model.isEmpty else { return nil }
        let started = row.double(3)
        guard started > 0 else { return nil }
        let timestamp = started > 1e12 ? Int64(started) : Int64(started * 1000)
        let tokens = TokenCounts(input: row.count(5), output: row.count(6), cacheCreation: row.count(8),
                                 cacheRead: row.count(7))
        let extra = row.count(9)
        // Decision 24: the actual cost when recorded (> 0), else the estimated one, else computed.
        let actual = row.isNull(11) ? 0 : max(0, row.double(11))
        let estimated = row.isNull(10) ? 0 : max(0, row.double(10))
        let logged = actual > 0 ? actual : estimated
        guard !tokens.isZero || extra > 0 || logged > 0 else { return nil }
        var cost = logged, missing = false
        if logged <= 0 {
            let priced = pricing.firstPositive(candidates(model: model, provider: provider(row.text(2), model: model)),
                                               StoreTokens.billed(tokens, extra: extra))
            cost = priced.cost
            missing = !priced.found && (!tokens.isZero || extra > 0)
        }
        return AgentEntry(timestamp: timestamp, sessionID: session, projectPath: "Hermes", model: model,
                          tokens: tokens, extra: extra, cost: cost, messageCount: row.count(4), missingPricing: missing)
    }

    static func provider(_ billing: String?, model: String) -> String {
        let raw = (billing ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .replacingOccurrences(of: "-", with: "_")
        switch raw {
        case "anthropic", "claude": return "anthropic"
        case "openai", "openai_codex": return "openai"
        case "google", "google_ai", "gemini", "vertex", "vertex_ai": return "google"
        case "": break
        default: return raw
        }
        let lower = model.lowercased()
        if lower.hasPrefix("claude-") || lower.hasPrefix("claude/") { return "anthropic" }
        if lower.hasPrefix("gpt") || lower.hasPrefix("chatgpt") { return "openai" }
        if lower.count > 1, lower.hasPrefix("o"), lower.dropFirst().first?.isNumber == true { return "openai" }
        if lower.hasPrefix("gemini-") || lower.hasPrefix("gemini/") { return "google" }
        return "hermes"
    }

    static func candidates(model: String, provider: String) -> [String] {
        StorePricing.unique((provider == "hermes" ? [] : [provider + "/" + model]) + [model])
    }
}
