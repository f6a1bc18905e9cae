import Foundation

/// ZCode (10-agents-stores §9, the schema-aware reader of decision 24): `cli/db/db.sqlite` per root, one entry per
/// completed request in `model_usage`, joined to `session` for the project folder.
public struct ZCodeSource: AgentSource {
    public init() {}
    public var id: String { "zcode" }
    public var displayName: String { "ZCode" }
    public var reports: [String] { ["daily", "monthly", "session"] }
    /// Session JSON carries first/last activity and projectPath (10 §9.6).
    public var style: AgentReportStyle {
        AgentReportStyle(title: "ZCode Token Usage Report", tracksActivity: true, activityInJSON: true)
    }

    static let requiredUsage = ["id", "session_id", "started_at", "model_id", "status", "input_tokens", "output_tokens"]

    func databases(_ env: Environment) -> Result<[String], StoreFailure> {
        var roots: [String] = []
        let parts = (env.variables["ZCODE_HOME"] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if parts.isEmpty {
            guard let home = StorePaths.home(env) else { return .failure(StoreFailure(StorePaths.noHome)) }
            roots = [StorePaths.join(home, ".zcode")]
        } else {
            roots = parts
        }
        var seenRoots = Set<String>(), seen = Set<String>(), out: [String] = []
        for root in roots where StorePaths.isDirectory(root) {
            let canonical = StorePaths.canonical(root)
            guard seenRoots.insert(canonical).inserted else { continue }
            let db = StorePaths.canonical(StorePaths.join(canonical, "cli/db/db.sqlite"))
            if StorePaths.isFile(db), seen.insert(db).inserted { out.append(db) }
        }
        return .success(out)
    }

    public func roots(_ request: AgentLoadRequest) -> [String] { (try? databases(request.env).get()) ?? [] }

    /// The query for the columns this database has (optional ones become literals).
    static func query(usage: Set<String>, session: Set<String>) -> String {
        func optional(_ column: String, _ fallback: String) -> String {
            usage.contains(column) ? "m." + column : fallback
        }
        return "SELECT m.id, m.session_id, m.started_at, m.model_id, m.input_tokens, m.output_tokens, "
            + optional("cache_creation_input_tokens", "0") + ", " + optional("cache_read_input_tokens", "0") + ", "
            + optional("computed_total_tokens", "m.input_tokens + m.output_tokens") + ", "
            + optional("provider_id", "NULL") + ", s.directory, " + (session.contains("version") ? "s.version" : "NULL")
            + " FROM model_usage m LEFT JOIN session s ON s.id = m.session_id WHERE m.status = 'completed'"
    }

    public func load(_ request: AgentLoadRequest) -> AgentLoad {
        let pricing = StorePricing(table: request.mode == .display ? nil : request.prices)
        return StoreRead.loadDatabases(databases(request.env), agent: displayName) { _, store, issues, keep in
            guard let usage = StoreRead.probe(store, table: "model_usage", required: Self.requiredUsage,
                                              agent: displayName, issues: &issues),
                  let session = StoreRead.probe(store, table: "session", required: ["id", "directory"],
                                                agent: displayName, issues: &issues) else { return }
            StoreRead.scan(store, Self.query(usage: usage, session: session), agent: displayName, issues: &issues) { row in
                if let entry = ZCodeRow.entry(row, mode: request.mode, pricing: pricing) { keep(entry.id, entry.entry) }
            }
        }
    }
}

/// One `model_usage` row → entry (10 §9.3, §9.5).
enum ZCodeRow {
    static let zaiProviders: Set<String> = ["zai", "z.ai", "zai-coding-plan", "builtin:zai-coding-plan",
                                            "builtin:bigmodel-coding-plan"]

    static func entry(_ row: StoreRow, mode: CostMode, pricing: StorePricing) -> (id: String, entry: AgentEntry)? {
        guard let id = row.text(0)?.trimmingCharacters(in: .whitespaces), !id.isEmpty,
              let session = row.text(1)?.trimmingCharacters(in: .whitespaces), !session.isEmpty,
              let model = row.text(3)?.trimmingCharacters(in: .whitespacesAndNewlines), !model.isEmpty else { return nil }
        let started = row.isInteger(2) ? row.int(2) : Int64(row.double(2).rounded())
        guard started > 0 else { return nil }
        let inputAll = row.count(4)
        let cacheRead = min(row.count(7), inputAll)
        let cacheCreation = min(row.count(6), inputAll - cacheRead)
        var tokens = TokenCounts(input: inputAll - cacheRead - cacheCreation, output: row.count(5),
                                 cacheCreation: cacheCreation, cacheRead: cacheRead)
        var extra = 0
        StoreTokens.applyTotal(row.count(8), tokens: &tokens, extra: &extra)
        guard !tokens.isZero || extra > 0 else { return nil }
        let provider = row.text(9)?.trimmingCharacters(in: .whitespaces).lowercased().nilIfEmpty
        let directory = row.text(10)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var cost = 0.0, missing = false
        if mode != .display, pricing.table != nil {
            (cost, missing) = price(model: model, provider: provider, tokens: tokens, extra: extra, pricing: pricing)
        }
        return (id, AgentEntry(timestamp: started, sessionID: session, projectPath: directory.isEmpty ? "ZCode" : directory,
                               model: model, tokens: tokens, extra: extra, cost: cost, missingPricing: missing))
    }

    static func price(model: String, provider: String?, tokens: TokenCounts, extra: Int,
                      pricing: StorePricing) -> (Double, Bool) {
        guard let table = pricing.table else { return (0, false) }
        let lower = model.lowercased()
        let isZai = provider.map(zaiProviders.contains) ?? (lower.hasPrefix("glm-") || lower.hasPrefix("glm/"))
        var candidates = [model, lower]
        if isZai { candidates += ["zai/" + model, "zai/" + lower] }
        candidates = StorePricing.unique(candidates)
        var billed = StoreTokens.billed(tokens, extra: extra)
        if isZai {
            billed.input = TokenCounts.saturatingAdd(billed.input, billed.cacheCreation)
            billed.cacheCreation = 0
        }
        // 1. A name with its own entry (the user's pricing overrides land in the primary table).
        if let exact = candidates.lazy.compactMap({ table.tables.first?[$0] }).first {
            return (exact.cost(billed), false)
        }
        // 2. A custom provider (a UUID, BYOK) is not priced by name.
        if let provider, !zaiProviders.contains(provider) { return (0, true) }
        // 3. The first `zai/` candidate that resolves, then the others.
        let ordered = candidates.filter { $0.hasPrefix("zai/") } + candidates.filter { !$0.hasPrefix("zai/") }
        for name in ordered {
            if let (_, price) = table.price(candidates: [name]) { return (price.cost(billed), false) }
        }
        return (0, true)
    }
}

fileprivate extension String {
    /// nil for the empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
