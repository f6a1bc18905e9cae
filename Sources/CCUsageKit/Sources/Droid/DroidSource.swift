import Foundation

/// Factory Droid (10-agents-stores §6): one cumulative `*.settings.json` snapshot per session; the latest
/// snapshot of a session wins.
public struct DroidSource: AgentSource {
    public init() {}
    public var id: String { "droid" }
    public var displayName: String { "Droid" }
    public var reports: [String] { ["daily", "monthly", "session"] }

    func directories(_ env: Environment) -> Result<[String], StoreFailure> {
        StorePaths.directories(env, "DROID_SESSIONS_DIR", ".factory/sessions")
    }

    public func roots(_ request: AgentLoadRequest) -> [String] { (try? directories(request.env).get()) ?? [] }

    public func load(_ request: AgentLoadRequest) -> AgentLoad {
        var load = AgentLoad()
        guard let dirs = directories(request.env).found(else: &load) else { return load }
        let files = dirs.flatMap { StorePaths.files(under: $0) { $0.hasSuffix(".settings.json") } }.sorted()
        var tree = JSONTree()
        let pricing = StorePricing(table: request.prices ?? .embedded)
        var latest: [String: AgentEntry] = [:]
        for file in files {
            load.filesRead += 1; load.bytes += StorePaths.fileSize(file)
            let session = String((file as NSString).lastPathComponent.dropLast(".settings.json".count))
            switch StoreJSON.parseFile(file, tree: &tree, { Self.entry($0, file: file, session: session, pricing: pricing) }) {
            case .parsed(let entry?):
                // The latest snapshot wins; on equal times, the later path.
                if let kept = latest[session], kept.timestamp > entry.timestamp { continue }
                latest[session] = entry
            case .parsed(nil): continue
            case .invalid:
                // Decision 23: a malformed file is counted and skipped, not fatal as in the reference.
                load.issues.append(AgentIssue(.badRecord, path: file, detail: "failed to parse Droid settings"))
            case .unreadable:
                if FileManager.default.fileExists(atPath: file) {
                    load.issues.append(AgentIssue(.unreadable, path: file, detail: "cannot read Droid settings"))
                }
            }
        }
        load.entries = latest.values.sorted { $0.timestamp > $1.timestamp }
        return load
    }

    static func entry(_ json: StoreJSON, file: String, session: String, pricing: StorePricing) -> AgentEntry? {
        let root = json.root
        let usage = json.at(root, "tokenUsage")
        guard json.isObject(root), json.isObject(usage) else { return nil }
        var tokens = TokenCounts(input: json.count(json.at(usage, "inputTokens")),
                                 output: json.count(json.at(usage, "outputTokens")),
                                 cacheCreation: json.count(json.at(usage, "cacheCreationTokens")),
                                 cacheRead: json.count(json.at(usage, "cacheReadTokens")))
        var extra = json.count(json.at(usage, "thinkingTokens"))
        StoreTokens.applyTotal(json.count(json.at(usage, "totalTokens")), tokens: &tokens, extra: &extra)
        guard !tokens.isZero || extra > 0 else { return nil }
        let providerLock = json.string(json.at(root, "providerLock"))
        var model = normalize(json.string(json.at(root, "model")) ?? "")
        if model.isEmpty { model = sidecarModel(file) }
        let provider = Self.provider(providerLock, model: model)
        if model.isEmpty {
            model = ["anthropic": "claude-unknown", "openai": "gpt-unknown", "google": "gemini-unknown",
                     "xai": "grok-unknown"][provider] ?? "unknown"
        }
        let timestamp = json.string(json.at(root, "providerLockTimestamp")).flatMap(Timestamp.parse)
            ?? StorePaths.modified(file) ?? 0
        let priced = pricing.firstPositive(candidates(model: model, provider: provider),
                                           StoreTokens.billed(tokens, extra: extra))
        return AgentEntry(timestamp: timestamp, sessionID: session, projectPath: "Droid", model: model,
                          tokens: tokens, extra: extra, cost: priced.cost, missingPricing: !priced.found)
    }

    /// The model named on a `Model:` line among the first 500 lines of the `<stem>.jsonl` sidecar.
    static func sidecarModel(_ settings: String) -> String {
        let sidecar = String(settings.dropLast(".settings.json".count)) + ".jsonl"
        guard let data = FileManager.default.contents(atPath: sidecar) else { return "" }
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(500) {
            guard let range = line.range(of: "Model:") else { continue }
            let rest = line[range.upperBound...]
            let cut = rest.prefix { $0 != "\"" && $0 != "\\" && $0 != "[" }
            return normalize(String(cut))
        }
        return ""
    }

    /// 10 §6.4: strip `custom:`, drop `[...]` spans, trim, drop trailing `-`, lowercase, `.`/space/`-` → one `-`.
    static func normalize(_ raw: String) -> String {
        var text = Substring(raw)
        if text.hasPrefix("custom:") { text = text.dropFirst("custom:".count) }
        var unbracketed = "", depth = 0
        for ch in text {
            if ch == "[" { depth += 1; continue }
            if ch == "]" { if depth > 0 { depth -= 1 }; continue }
            if depth == 0 { unbracketed.append(ch) }
        }
        var trimmed = Substring(unbracketed.trimmingCharacters(in: .whitespacesAndNewlines))
        while trimmed.hasSuffix("-") { trimmed = trimmed.dropLast() }
        var out = "", lastDash = false
        for ch in trimmed.lowercased() {
            if ch == "." || ch == "-" || ch.isWhitespace {
                if !lastDash { out.append("-") }
                lastDash = true
            } else {
                out.append(ch); lastDash = false
            }
        }
        return out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    static func provider(_ lock: String?, model: String) -> String {
        let raw = (lock ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .replacingOccurrences(of: "-", with: "_")
        switch raw {
        case "claude", "anthropic": return "anthropic"
        case "openai": return "openai"
        case "google", "google_ai", "gemini", "vertex", "vertex_ai": return "google"
        case "xai", "x_ai", "grok": return "xai"
        case "", "unknown": break
        default: return raw
        }
        if ["claude", "opus", "sonnet", "haiku"].contains(where: model.contains) { return "anthropic" }
        let isO = model.count > 1 && model.hasPrefix("o") && model.dropFirst().first?.isNumber == true
        if model.hasPrefix("gpt-") || model.contains("-gpt-") || model.contains("chatgpt") || isO { return "openai" }
        if model.contains("gemini") { return "google" }
        if model.contains("grok") { return "xai" }
        return "unknown"
    }

    static func candidates(model: String, provider: String) -> [String] {
        let prefixes: [String]
        switch provider {
        case "anthropic": prefixes = ["anthropic/", "openrouter/anthropic/"]
        case "openai": prefixes = ["openai/", "openrouter/openai/"]
        case "google": prefixes = ["google/", "vertex_ai/", "openrouter/google/"]
        case "xai": prefixes = ["xai/", "openrouter/x-ai/"]
        case "unknown": prefixes = []
        default: prefixes = [provider + "/", "openrouter/" + provider + "/"]
        }
        return StorePricing.unique([model] + prefixes.map { $0 + model })
    }
}
