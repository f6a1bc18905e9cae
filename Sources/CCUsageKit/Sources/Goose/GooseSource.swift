import Foundation

/// Goose (10-agents-stores §5): `sessions.db`, one cumulative row per session in `sessions`.
public struct GooseSource: AgentSource {
    public init() {}
    public var id: String { "goose" }
    public var displayName: String { "Goose" }
    public var reports: [String] { ["daily", "monthly", "session"] }
    public var style: AgentReportStyle {
        AgentReportStyle(title: "Goose Token Usage Report", table: .credits, emptyMessage: "No Goose usage data found.")
    }

    static let columns = ["id", "model_config_json", "provider_name", "created_at", "total_tokens", "input_tokens",
                          "output_tokens", "accumulated_total_tokens", "accumulated_input_tokens",
                          "accumulated_output_tokens"]
    static let sql = "SELECT " + columns.joined(separator: ", ")
        + " FROM sessions WHERE model_config_json IS NOT NULL AND trim(model_config_json) != ''"

    /// `GOOSE_PATH_ROOT` (one root, not a list) or the three default locations; canonical, files, deduped.
    func databases(_ env: Environment) -> Result<[String], StoreFailure> {
        var candidates: [String]
        if let root = env.variables["GOOSE_PATH_ROOT"]?.trimmingCharacters(in: .whitespaces), !root.isEmpty {
            candidates = [StorePaths.join(root, "data/sessions/sessions.db")]
        } else {
            guard let home = StorePaths.home(env) else { return .failure(StoreFailure(StorePaths.noHome)) }
            candidates = [".local/share/goose/sessions/sessions.db",
                          "Library/Application Support/goose/sessions/sessions.db",
                          ".local/share/Block/goose/sessions/sessions.db"].map { StorePaths.join(home, $0) }
        }
        var seen = Set<String>()
        candidates = candidates.map(StorePaths.canonical).filter { StorePaths.isFile($0) && seen.insert($0).inserted }
        return .success(candidates)
    }

    public func roots(_ request: AgentLoadRequest) -> [String] { (try? databases(request.env).get()) ?? [] }

    public func load(_ request: AgentLoadRequest) -> AgentLoad {
        var tree = JSONTree()
        let pricing = StorePricing(table: request.prices ?? .embedded)
        return StoreRead.loadDatabases(databases(request.env), agent: displayName) { db, store, issues, keep in
            guard StoreRead.probe(store, table: "sessions", required: Self.columns, agent: displayName,
                                  issues: &issues) != nil else { return }
            var skipped = 0
            StoreRead.scan(store, Self.sql, agent: displayName, issues: &issues) { row in
                guard let session = row.text(0), let config = row.bytes(1),
                      let model = StoreJSON.parse(config, tree: &tree, { $0.trimmed($0.at($0.root, "model_name")) }) ?? nil,
                      let timestamp = Self.timestamp(row.text(3)) else { skipped += 1; return }
                guard let entry = Self.entry(row, session: session, model: model, timestamp: timestamp,
                                             pricing: pricing) else { return }
                keep(db + ":" + session, entry)
            }
            if skipped > 0 {
                issues.append(AgentIssue(.badRecord, path: db, detail: "\(skipped) Goose sessions without id, model or creation time"))
            }
        }
    }

    static func entry(_ row: StoreRow, session: String, model: String, timestamp: Int64,
                      pricing: StorePricing) -> AgentEntry? {
        func pick(_ accumulated: Int32, _ plain: Int32) -> Int {
            row.count(accumulated) > 0 ? row.count(accumulated) : row.count(plain)
        }
        let input = pick(8, 5), output = pick(9, 6)
        var total = pick(7, 4)
        if total == 0 { total = input + output }
        guard input > 0 || output > 0 || total > 0 else { return nil }
        let tokens = TokenCounts(input: input, output: output)
        let extra = max(0, total - (input + output))
        let provider = Self.provider(row.text(2), model: model)
        let billed = StoreTokens.billed(tokens, extra: extra)
        var priced = pricing.firstFound([model], billed)
        if priced.cost == 0, provider != "goose" {
            let prefixed = pricing.firstFound([provider + "/" + model], billed)
            priced = (prefixed.cost, priced.found || prefixed.found)
        }
        return AgentEntry(timestamp: timestamp, sessionID: session, projectPath: "Goose", model: model, tokens: tokens,
                          extra: extra, cost: priced.cost, missingPricing: !priced.found && (total > 0))
    }

    static func provider(_ name: String?, model: String) -> String {
        let trimmed = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "-", with: "_")
        if !trimmed.isEmpty { return trimmed }
        if model.hasPrefix("claude-") { return "anthropic" }
        if model.hasPrefix("gpt-") || model.hasPrefix("chatgpt-") || model.hasPrefix("o") { return "openai" }
        if model.hasPrefix("gemini-") { return "google" }
        if model.lowercased().hasPrefix("qwen") { return "openrouter" }
        return "goose"
    }

    /// `created_at` (10 §5.3): epoch seconds or ms digits, RFC 3339, `YYYY-MM-DD[ T]HH:MM:SS` (UTC) or a date.
    static func timestamp(_ text: String?) -> Int64? {
        guard let text else { return nil }
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            guard let value = Int64(text), value > 0 else { return nil }
            return value > 1_000_000_000_000 ? value : value * 1000
        }
        if let parsed = Timestamp.parse(text) { return parsed }
        let bytes = Array(text.utf8)
        if bytes.count == 19, bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T") {
            var fixed = bytes
            fixed[10] = UInt8(ascii: "T")
            return Timestamp.parse(String(decoding: fixed, as: UTF8.self) + "Z")
        }
        if bytes.count == 10, let day = CalendarDay(text), text.contains("-") {
            return Int64(day.daysSinceEpoch) * 86_400_000
        }
        return nil
    }
}
