/// Reads one Gemini file (09 §1.3): a whole `.json` session/result object, or a `.jsonl` log line by line.
enum GeminiParser {
    struct Event {
        var id: String?
        var sessionID: String
        var model: String
        var timestamp: Int64
        var tokens: TokenCounts
        var extra: Int
    }

    static func parse(path: String, request: AgentLoadRequest) -> AgentFileResult {
        var result = AgentFileResult()
        let mtime = AgentPaths.modifiedMillis(path)
        var events: [Event] = []
        if path.hasSuffix(".jsonl") {
            events = parseLines(path: path, mtime: mtime, result: &result)
        } else {
            guard let bytes = AgentPaths.read(path) else {
                result.issues.append(AgentIssue(.unreadable, path: path, detail: "cannot read file"))
                return result
            }
            result.bytes = Int64(bytes.count)
            guard String(validating: bytes, as: UTF8.self) != nil else {
                result.issues.append(AgentIssue(.unreadable, path: path, detail: "not UTF-8 text"))
                return result
            }
            let value = bytes.withUnsafeBufferPointer { AgentJSON.parse($0) }
            if let value, value.isObject {
                events = parseDocument(value, stem: AgentPaths.stem(path), mtime: mtime)
            } else if value == nil {
                result.issues.append(AgentIssue(.badRecord, path: path, detail: "not valid JSON"))
            }
        }
        for e in events {
            let (cost, missing) = AgentRules.cost(mode: request.mode, candidates: GeminiSource.candidates(e.model),
                                                  tokens: e.tokens, extra: e.extra, extraAsOutput: true,
                                                  prices: request.prices, cache: request.priceCache)
            result.entries.append(AgentEntry(timestamp: e.timestamp, sessionID: e.sessionID, projectPath: GeminiSource.label,
                                             model: e.model, tokens: e.tokens, extra: e.extra, cost: cost,
                                             missingPricing: missing))
        }
        return result
    }

    static func timestamp(_ value: AgentJSON?) -> Int64? {
        value?.string.flatMap(AgentRules.strictTimestamp)
    }

    /// A `.json` file: `messages[]` of type gemini, a single gemini object, or stats (§1.3 A).
    static func parseDocument(_ doc: AgentJSON, stem: String, mtime: Int64) -> [Event] {
        let session = doc["sessionId"]?.string ?? doc["session_id"]?.string ?? stem
        let sessionTime = timestamp(doc["startTime"]) ?? timestamp(doc["lastUpdated"]) ?? mtime
        var events: [Event] = []
        if let messages = doc["messages"]?.array {
            for message in messages where message["type"]?.string == "gemini" {
                guard let tokens = message["tokens"], tokens.isObject, let model = message["model"]?.nonEmptyString,
                      let (columns, extra) = GeminiTokens(tokens).columns(direct: true) else { continue }
                let time = timestamp(message["timestamp"]) ?? timestamp(message["created_at"]) ?? sessionTime
                events.append(Event(id: nil, sessionID: session, model: model, timestamp: time, tokens: columns, extra: extra))
            }
        } else if doc["type"]?.string == "gemini" {
            if let tokens = doc["tokens"], tokens.isObject, let model = doc["model"]?.nonEmptyString,
               let (columns, extra) = GeminiTokens(tokens).columns(direct: true) {
                let time = timestamp(doc["timestamp"]) ?? timestamp(doc["created_at"]) ?? mtime
                events.append(Event(id: nil, sessionID: session, model: model, timestamp: time, tokens: columns, extra: extra))
            }
        } else {
            let time = timestamp(doc["timestamp"]) ?? mtime
            events += statsEvents(doc, hint: doc["model"]?.nonEmptyString, session: session, time: time)
        }
        return events
    }

    /// Stats records: one event per `stats.models` entry, else the stats object itself (§1.3).
    static func statsEvents(_ record: AgentJSON, hint: String?, session: String, time: Int64) -> [Event] {
        guard let stats = (record["stats"]?.isObject == true ? record["stats"] : record["result"]?["stats"]),
              stats.isObject else { return [] }
        var events: [Event] = []
        if let models = stats["models"]?.object {
            for name in models.keys.sorted() {
                guard let tokens = models[name]?["tokens"], tokens.isObject,
                      let (columns, extra) = GeminiTokens(tokens).columns(direct: false) else { continue }
                events.append(Event(id: nil, sessionID: session, model: name, timestamp: time, tokens: columns, extra: extra))
            }
        }
        if events.isEmpty, let (columns, extra) = GeminiTokens(stats).columns(direct: false) {
            events.append(Event(id: nil, sessionID: session, model: hint ?? "unknown", timestamp: time, tokens: columns,
                                extra: extra))
        }
        return events
    }

    /// A `.jsonl` log (§1.3 B): session and model carried from earlier lines; events with a seen `id` replace
    /// the earlier one in place.
    static func parseLines(path: String, mtime: Int64, result: inout AgentFileResult) -> [Event] {
        var session = AgentPaths.stem(path)
        var currentModel: String?
        var events: [Event] = []
        var byID: [String: Int] = [:]
        var tree = JSONTree()
        var badLines = 0
        var badUTF8 = false
        let (bytes, error) = agentForEachLine(path) { line, _ in
            // Only lines naming a model, a session, stats or tokens can matter (a cheap byte search first).
            guard lineContains(line, "\"tokens\"") || lineContains(line, "\"model\"") || lineContains(line, "\"session")
                    || lineContains(line, "\"stats\"") else { return true }
            guard let value = AgentJSON.parse(line, using: &tree) else {
                if String(validating: line, as: UTF8.self) == nil { badUTF8 = true }
                badLines += 1
                return true
            }
            guard value.isObject else { return true }
            if let id = value["sessionId"]?.string ?? value["session_id"]?.string { session = id }
            if let model = value["model"]?.nonEmptyString { currentModel = model }
            if value["type"]?.string == "gemini", let tokens = value["tokens"], tokens.isObject {
                guard let model = value["model"]?.nonEmptyString ?? currentModel,
                      let (columns, extra) = GeminiTokens(tokens).columns(direct: true) else { return true }
                let time = timestamp(value["timestamp"]) ?? timestamp(value["created_at"]) ?? mtime
                let id = value["id"]?.string
                let event = Event(id: id, sessionID: session, model: model, timestamp: time, tokens: columns, extra: extra)
                if let id, let index = byID[id] { events[index] = event } else {
                    if let id { byID[id] = events.count }
                    events.append(event)
                }
            } else {
                let time = timestamp(value["timestamp"]) ?? mtime
                events += statsEvents(value, hint: currentModel, session: session, time: time)
            }
            return true
        }
        result.bytes = bytes
        if let error { result.issues.append(AgentIssue(.unreadable, path: path, detail: error)) }
        if badUTF8 { result.issues.append(AgentIssue(.unreadable, path: path, detail: "not UTF-8 text")) }
        if badLines > 0 { result.issues.append(AgentIssue(.badLine, path: path, detail: "\(badLines) malformed line(s)")) }
        return events
    }
}
