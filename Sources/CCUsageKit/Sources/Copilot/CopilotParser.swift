/// One Copilot OpenTelemetry export file (09 §4.2–§4.5): chat spans, inference logs, agent-turn logs and
/// invoke_agent summary spans, with per-file duplicate suppression.
enum CopilotParser {
    enum Source: Int { case chat = 0, inference, agentTurn, summary }

    struct Record {
        var source: Source
        var traceID: String?
        var responseID: String?
        var entry: AgentEntry
    }

    static let sessionKeys: [(String, Int)] = [
        ("gen_ai.conversation.id", 3), ("copilot_chat.session_id", 3), ("copilot_chat.chat_session_id", 3),
        ("session.id", 3), ("github.copilot.interaction_id", 2), ("gen_ai.response.id", 1),
    ]

    /// A non-negative integer or a string of digits; else 0.
    static func count(_ value: AgentJSON?) -> Int {
        if case .string(let s)? = value, !s.isEmpty, s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return Int(s) ?? Int.max }
        return AgentJSON.count(value)
    }

    static func firstNonZero(_ attributes: AgentJSON, _ keys: [String]) -> Int {
        for key in keys { let v = count(attributes[key]); if v != 0 { return v } }
        return 0
    }

    /// The record's best session attribute: the highest priority; among equals the one listed last.
    static func session(_ attributes: AgentJSON) -> (String, Int)? {
        var best: (String, Int)?
        for (key, priority) in sessionKeys {
            guard let value = attributes[key]?.nonEmptyString else { continue }
            if let current = best, priority < current.1 { continue }
            best = (value, priority)
        }
        return best
    }

    static func isSpan(_ record: AgentJSON) -> Bool {
        if let type = record["type"] { return type.string == "span" }
        guard record["name"]?.nonEmptyString != nil else { return false }
        return ["spanId", "traceId", "startTime", "endTime", "duration", "kind"].contains { record[$0] != nil }
    }

    static func millis(_ record: AgentJSON) -> Int64? {
        for key in ["endTime", "startTime", "hrTime", "_hrTime", "time"] {
            if let pair = record[key]?.array, pair.count == 2, let s = pair[0].double, let ns = pair[1].double {
                return Int64((s * 1000 + ns / 1e6).rounded(.towardZero))
            }
        }
        for key in ["timestamp", "observedTimestamp"] {
            guard let v = record[key]?.double, v.isFinite else { continue }
            if v >= 1e17 { return Int64(v / 1e6) }
            if v >= 1e14 { return Int64(v / 1e3) }
            if v >= 1e11 { return Int64(v) }
            return Int64(v * 1000)
        }
        if let ns = record["timeUnixNano"]?.double, ns > 0 { return Int64(ns / 1e6) }
        if let text = record["timeUnixNano"]?.string, let ns = Double(text), ns > 0 { return Int64(ns / 1e6) }
        return nil
    }

    static func parse(path: String, request: AgentLoadRequest) -> AgentFileResult {
        var result = AgentFileResult()
        var values: [AgentJSON] = []
        var tree = JSONTree()
        var badLines = 0
        let (bytes, error) = agentForEachLine(path) { line, _ in
            guard lineContains(line, "\"attributes\"") else { return true }
            guard let value = AgentJSON.parse(line, using: &tree) else { badLines += 1; return true }
            if value["attributes"]?.isObject == true { values.append(value) }
            return true
        }
        result.bytes = bytes
        if let error { result.issues.append(AgentIssue(.unreadable, path: path, detail: error)) }
        if badLines > 0 { result.issues.append(AgentIssue(.badLine, path: path, detail: "\(badLines) malformed line(s)")) }
        result.entries = entries(values, mtime: AgentPaths.modifiedMillis(path), request: request)
        return result
    }

    static func traceID(_ r: AgentJSON) -> String? { r["traceId"]?.nonEmptyString ?? r["spanContext"]?["traceId"]?.nonEmptyString }
    static func spanID(_ r: AgentJSON) -> String? { r["spanId"]?.nonEmptyString ?? r["spanContext"]?["spanId"]?.nonEmptyString }

    static func entries(_ values: [AgentJSON], mtime: Int64, request: AgentLoadRequest) -> [AgentEntry] {
        // Per-trace context: the first model and the best session attribute.
        var traceModel: [String: String] = [:]
        var traceSession: [String: (String, Int)] = [:]
        for value in values {
            guard let trace = traceID(value), let attributes = value["attributes"] else { continue }
            if traceModel[trace] == nil, let model = attributes["gen_ai.response.model"]?.nonEmptyString
                ?? attributes["gen_ai.request.model"]?.nonEmptyString { traceModel[trace] = model }
            if let s = session(attributes), traceSession[trace].map({ s.1 > $0.1 }) ?? true { traceSession[trace] = s }
        }
        var records: [Record] = []
        for (index, value) in values.enumerated() {
            guard let attributes = value["attributes"] else { continue }
            let span = isSpan(value)
            let operation = attributes["gen_ai.operation.name"]?.string
            let name = value["name"]?.string ?? ""
            let body = value["body"]?.string ?? value["_body"]?.string ?? ""
            let event = attributes["event.name"]?.string
            let source: Source
            if span, operation == "chat" || name.hasPrefix("chat ") { source = .chat }
            else if !span, event == "gen_ai.client.inference.operation.details" || body.hasPrefix("GenAI inference:") { source = .inference }
            else if !span, event == "copilot_chat.agent.turn" || body.hasPrefix("copilot_chat.agent.turn") { source = .agentTurn }
            else if span, operation == "invoke_agent" || name.hasPrefix("invoke_agent ") { source = .summary }
            else { continue }
            let rawInput = count(attributes["gen_ai.usage.input_tokens"])
            let cacheRead = count(attributes["gen_ai.usage.cache_read.input_tokens"])
            var tokens = TokenCounts(input: rawInput - min(rawInput, cacheRead),
                                     output: count(attributes["gen_ai.usage.output_tokens"]),
                                     cacheCreation: firstNonZero(attributes, ["gen_ai.usage.cache_write.input_tokens",
                                                                               "gen_ai.usage.cache_creation.input_tokens"]),
                                     cacheRead: cacheRead)
            var extra = firstNonZero(attributes, ["gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens"])
            AgentRules.applyTotal(firstNonZero(attributes, ["gen_ai.usage.total_tokens", "gen_ai.usage.total.token_count"]),
                                  tokens: &tokens, extra: &extra)
            guard !(tokens.isZero && extra == 0) else { continue }
            let trace = traceID(value), spanID = spanID(value)
            let model = attributes["gen_ai.response.model"]?.nonEmptyString ?? attributes["gen_ai.request.model"]?.nonEmptyString
                ?? trace.flatMap { traceModel[$0] } ?? "unknown"
            let sessionID = session(attributes)?.0 ?? trace.flatMap { traceSession[$0]?.0 } ?? trace ?? "unknown-session"
            let time = millis(value) ?? mtime
            let key: String
            switch source {
            case .chat, .summary:
                key = trace.flatMap { t in spanID.map { "\(t):\($0)" } } ?? "span:\(sessionID):\(time):\(index)"
            case .inference:
                key = trace.flatMap { t in spanID.map { "log:\(t):\($0)" } } ?? "log:\(sessionID):\(time):\(index)"
            case .agentTurn:
                let turn = attributes["turn.index"].map { "\(count($0))" } ?? attributes["copilot_chat.turn.index"].map { "\(count($0))" }
                    ?? "idx-\(index)"
                key = "agent-turn:\(trace ?? sessionID):\(turn)"
            }
            let (cost, missing) = AgentRules.cost(mode: request.mode, candidates: [model], tokens: tokens, extra: extra,
                                                  extraAsOutput: true, prices: request.prices, cache: request.priceCache)
            var entry = AgentEntry(timestamp: time, sessionID: sessionID, projectPath: CopilotSource.label, model: model,
                                   tokens: tokens, extra: extra, cost: cost, missingPricing: missing)
            entry.messageID = key
            records.append(Record(source: source, traceID: trace, responseID: attributes["gen_ai.response.id"]?.nonEmptyString,
                                  entry: entry))
        }
        // §4.3: finer records suppress coarser ones sharing a trace or response id.
        var traces: [Set<String>] = Array(repeating: [], count: 4), responses: [Set<String>] = Array(repeating: [], count: 4)
        for r in records {
            if let t = r.traceID { traces[r.source.rawValue].insert(t) }
            if let id = r.responseID { responses[r.source.rawValue].insert(id) }
        }
        return records.filter { r in
            for finer in 0..<r.source.rawValue {
                if let t = r.traceID, traces[finer].contains(t) { return false }
                if let id = r.responseID, responses[finer].contains(id) { return false }
            }
            return true
        }.map(\.entry)
    }
}
