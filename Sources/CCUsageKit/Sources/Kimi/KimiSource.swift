/// Kimi CLI (09-agents-jsonl §3): `<root>/sessions/<group>/<session>/wire.jsonl` under `~/.kimi`.
public struct KimiSource: AgentSource {
    public init() {}
    public var id: String { "kimi" }
    public var displayName: String { "Kimi" }
    public var reports: [String] { ["daily", "monthly", "session"] }
    public static let label = "Kimi"
    /// 2026-04-20T15:28:10.072Z: `kimi-for-coding` is priced as K2.6 from this instant on, K2.5 before.
    public static let k26Since: Int64 = 1_776_698_890_072

    public func roots(_ request: AgentLoadRequest) -> [String] {
        AgentPaths.roots(variable: "KIMI_DATA_DIR", env: request.env, defaults: [request.env.home + "/.kimi"])
    }

    /// Exactly `sessions/<group>/<session>/wire.jsonl` per root, with the root it belongs to.
    public static func files(_ roots: [String]) -> [(root: String, path: String)] {
        var out: [(String, String)] = []
        var seen = Set<String>()
        for root in roots {
            let sessions = root + "/sessions"
            for group in AgentPaths.children(sessions) where AgentPaths.isDirectory(sessions + "/" + group) {
                for session in AgentPaths.children(sessions + "/" + group) {
                    let path = sessions + "/" + group + "/" + session + "/wire.jsonl"
                    if AgentPaths.isRegularFile(path), seen.insert(path).inserted { out.append((root, path)) }
                }
            }
        }
        return out.sorted { $0.1 < $1.1 }
    }

    /// `<root>/config.json` → `model`, else `kimi-for-coding`.
    public static func model(root: String) -> String {
        guard let bytes = AgentPaths.read(root + "/config.json"),
              let value = bytes.withUnsafeBufferPointer({ AgentJSON.parse($0) }),
              let model = value["model"]?.nonEmptyString else { return "kimi-for-coding" }
        return model
    }

    /// Price candidates (08 §10.3): K2.5/K2.6 by time for `kimi-for-coding`, then `moonshot/M`, `kimi/M`, `M`.
    public static func candidates(_ model: String, timestamp: Int64) -> [String] {
        var out: [String] = []
        if model == "kimi-for-coding" { out.append(timestamp < k26Since ? "moonshot/kimi-k2.5" : "moonshot/kimi-k2.6") }
        out += ["moonshot/" + model, "kimi/" + model, model]
        return out
    }

    public func load(_ request: AgentLoadRequest) -> AgentLoad {
        let found = KimiSource.files(roots(request))
        var models: [String: String] = [:]
        for file in found where models[file.root] == nil { models[file.root] = KimiSource.model(root: file.root) }
        let paths = found.map(\.path)
        let modelByPath = Dictionary(found.map { ($0.path, models[$0.root] ?? "kimi-for-coding") }, uniquingKeysWith: { a, _ in a })
        let results = AgentFileResult.map(paths, singleThread: request.singleThread) { path in
            KimiSource.parse(path: path, model: modelByPath[path] ?? "kimi-for-coding", request: request)
        }
        return AgentLoad(files: paths, results: results, found: !paths.isEmpty) { e in
            "\(e.sessionID)\u{0}\(e.messageID)\u{0}\(e.timestamp)\u{0}\(e.model)\u{0}\(e.tokens.input)\u{0}\(e.tokens.output)\u{0}\(e.tokens.cacheCreation)\u{0}\(e.tokens.cacheRead)\u{0}\(e.extra)"
        }
    }

    static func parse(path: String, model: String, request: AgentLoadRequest) -> AgentFileResult {
        var result = AgentFileResult()
        let parts = path.split(separator: "/").map(String.init)
        let session = parts.count >= 2 ? parts[parts.count - 2] : "unknown"
        var mtime: Int64?
        var tree = JSONTree()
        var badLines = 0
        let (bytes, error) = agentForEachLine(path) { line, _ in
            guard lineContains(line, "\"StatusUpdate\""), lineContains(line, "\"token_usage\"") else { return true }
            guard let value = AgentJSON.parse(line, using: &tree) else { badLines += 1; return true }
            guard value["type"]?.string != "metadata", let message = value["message"],
                  message["type"]?.string == "StatusUpdate", let usage = message["payload"]?["token_usage"],
                  usage.isObject else { return true }
            var tokens = TokenCounts(input: AgentJSON.count(usage["input_other"]), output: AgentJSON.count(usage["output"]),
                                     cacheCreation: AgentJSON.count(usage["input_cache_creation"]),
                                     cacheRead: AgentJSON.count(usage["input_cache_read"]))
            var extra = 0
            AgentRules.applyTotal(AgentJSON.count(usage["total"]), tokens: &tokens, extra: &extra)
            guard !(tokens.isZero && extra == 0) else { return true }
            let time: Int64
            if let seconds = value["timestamp"]?.double, seconds.isFinite, abs(seconds) < 9e15 {
                time = Int64((seconds * 1000).rounded(.towardZero))
            } else {
                if mtime == nil { mtime = AgentPaths.modifiedMillis(path) }
                time = mtime ?? 0
            }
            let candidates = KimiSource.candidates(model, timestamp: time)
            let (cost, missing) = AgentRules.cost(mode: request.mode, candidates: candidates, tokens: tokens, extra: extra,
                                                  extraAsOutput: false, prices: request.prices, cache: request.priceCache)
            var entry = AgentEntry(timestamp: time, sessionID: session, projectPath: KimiSource.label, model: model,
                                   tokens: tokens, extra: extra, cost: cost, missingPricing: missing)
            entry.messageID = message["payload"]?["message_id"]?.string ?? ""
            result.entries.append(entry)
            return true
        }
        result.bytes = bytes
        if let error { result.issues.append(AgentIssue(.unreadable, path: path, detail: error)) }
        if badLines > 0 { result.issues.append(AgentIssue(.badLine, path: path, detail: "\(badLines) malformed line(s)")) }
        return result
    }
}
