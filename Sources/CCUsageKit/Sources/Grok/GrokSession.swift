import Foundation

/// One Grok session folder (`sessions/<url-encoded cwd>/<session>/`): what its `summary.json` says, and the
/// `turn_completed` lines of its `updates.jsonl` turned into entries (10 §8.2–§8.6).
struct GrokSession {
    var summaryID: String?, cwd: String?, currentModel: String?
    let directoryName: String, decodedParent: String

    init(updates: String, tree: inout JSONTree) {
        let dir = (updates as NSString).deletingLastPathComponent
        directoryName = (dir as NSString).lastPathComponent
        decodedParent = GrokSession.percentDecoded(((dir as NSString).deletingLastPathComponent as NSString).lastPathComponent)
        let summary = StoreJSON.parseFile(StorePaths.join(dir, "summary.json"), tree: &tree) { json in
            (json.trimmed(json.at(json.root, "info", "id")),
             json.trimmed(json.at(json.root, "info", "cwd")) ?? json.trimmed(json.at(json.root, "git_root_dir"))
                ?? json.trimmed(json.at(json.root, "info", "git_root_dir")),
             json.trimmed(json.at(json.root, "current_model_id")))
        }
        if case .parsed(let (id, cwd, model)) = summary { summaryID = id; self.cwd = cwd; currentModel = model }
    }

    static func mayCount(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        lineContains(line, "\"turn_completed\"")
    }

    /// `%XX` decoded byte-wise as UTF-8.
    static func percentDecoded(_ text: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(value); i += 3
            } else {
                out.append(bytes[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// (dedup key, entry) for each model of a `turn_completed` line; empty for any other line.
    func entries(_ json: StoreJSON, mode: CostMode, pricing: StorePricing) -> [(String, AgentEntry)] {
        let params = json.at(json.root, "params")
        let update = json.at(params, "update")
        let usage = json.at(update, "usage")
        guard json.string(json.at(update, "sessionUpdate")) == "turn_completed", json.isObject(usage) else { return [] }
        let session = json.trimmed(json.at(params, "sessionId")) ?? summaryID ?? directoryName
        let project = cwd ?? decodedParent
        let eventID = json.trimmed(json.at(params, "_meta", "eventId"))
        var timestamp: Int64 = 0
        if let ms = json.number(json.at(params, "_meta", "agentTimestampMs")), ms > 0 {
            timestamp = Int64(ms)
        } else if let seconds = json.number(json.at(json.root, "timestamp")), seconds > 0 {
            timestamp = Int64(seconds * 1000)
        }
        var rows: [(String, Int32)] = []
        let models = json.at(usage, "modelUsage")
        if json.isObject(models), json.tree.nodes[Int(models)].firstChild >= 0 {
            for member in json.children(models) {
                if let key = json.keyText(member) { rows.append((key, member)) }
            }
            rows.sort { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        } else {
            rows = [(currentModel ?? "unknown", usage)]
        }
        var out: [(String, AgentEntry)] = []
        for (model, node) in rows {
            let input = json.count(json.at(node, "inputTokens")), cached = json.count(json.at(node, "cachedReadTokens"))
            let cacheRead = min(cached, input)
            let uncached = input - cacheRead
            let cacheCreation = min(json.count(json.at(node, "cacheCreationTokens")), uncached)
            let tokens = TokenCounts(input: uncached - cacheCreation, output: json.count(json.at(node, "outputTokens")),
                                     cacheCreation: cacheCreation, cacheRead: cacheRead)
            let reasoning = json.count(json.at(node, "reasoningTokens"))
            guard !tokens.isZero || reasoning > 0 else { continue }
            let ticks = json.number(json.at(node, "costUsdTicks")) ?? 0
            let logged: Double? = ticks > 0 ? ticks / 1e10 : nil
            var cost = 0.0, missing = false
            switch (mode, logged) {
            case (.display, _): cost = logged ?? 0
            case (.auto, let logged?): cost = logged
            default:
                let priced = pricing.firstFound(GrokSession.candidates(model), tokens)
                cost = priced.cost
                missing = !priced.found && !tokens.isZero && pricing.table != nil
            }
            let key = eventID.map { "\($0)|\(model)" }
                ?? "\(session)|\(timestamp)|\(model)|\(tokens.input)|\(tokens.output)|\(cacheRead)|\(cacheCreation)|\(reasoning)"
            out.append((key, AgentEntry(timestamp: timestamp, sessionID: session, projectPath: project, model: model,
                                        tokens: tokens, cost: cost, missingPricing: missing)))
        }
        return out
    }

    /// raw, `xai/raw`, `x-ai/raw`, then the same without a trailing `-build` (10 §8.5).
    static func candidates(_ model: String) -> [String] {
        var raw = model
        if raw.hasPrefix("[grok] ") { raw.removeFirst("[grok] ".count) }
        raw = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !raw.isEmpty else { return [] }
        let base = raw.hasSuffix("-build") ? String(raw.dropLast("-build".count)) : raw
        return StorePricing.unique([raw, "xai/" + raw, "x-ai/" + raw, base, "xai/" + base, "x-ai/" + base])
    }
}
