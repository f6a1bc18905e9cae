/// Gemini CLI (09-agents-jsonl §1): chat `.json` session files and `.jsonl` logs under `~/.gemini/tmp`.
public struct GeminiSource: AgentSource {
    public init() {}
    public var id: String { "gemini" }
    public var displayName: String { "Gemini CLI" }
    public var reports: [String] { ["daily", "monthly", "session"] }
    public static let label = "Gemini"

    public func roots(_ request: AgentLoadRequest) -> [String] {
        AgentPaths.roots(variable: "GEMINI_DATA_DIR", env: request.env, defaults: [request.env.home + "/.gemini/tmp"])
    }

    /// Every `*.json` and `*.jsonl` below the roots, sorted and de-duplicated.
    public static func files(_ roots: [String], unreadable: inout [String]) -> [String] {
        var all = Set<String>()
        for root in roots {
            all.formUnion(AgentPaths.walk(root, unreadable: &unreadable) { $0.hasSuffix(".json") || $0.hasSuffix(".jsonl") })
        }
        return all.sorted()
    }

    public func load(_ request: AgentLoadRequest) -> AgentLoad {
        let roots = self.roots(request)
        var unreadable: [String] = []
        let files = GeminiSource.files(roots, unreadable: &unreadable)
        let results = AgentFileResult.map(files, singleThread: request.singleThread) { path in
            GeminiParser.parse(path: path, request: request)
        }
        return AgentLoad(files: files, results: results, found: !roots.isEmpty,
                         extraIssues: unreadable.map { AgentIssue(.unreadable, path: $0, detail: "cannot list directory") })
    }

    /// `google/M`, `gemini/M`, `vertex_ai/M`, `openrouter/google/M`, `M` (duplicates removed).
    public static func candidates(_ model: String) -> [String] {
        var out: [String] = []
        for name in ["google/" + model, "gemini/" + model, "vertex_ai/" + model, "openrouter/google/" + model, model]
        where !out.contains(name) { out.append(name) }
        return out
    }
}

/// A Gemini tokens object (09 §1.2), read with aliases; numbers may be floats (truncated), negatives → 0.
struct GeminiTokens {
    var input = 0, output = 0, cached = 0, thoughts = 0, tool = 0
    var total: Int?

    init(_ object: AgentJSON) {
        func read(_ keys: [String]) -> Int? {
            for key in keys {
                guard let value = object[key]?.double, value.isFinite else { continue }
                if value <= 0 { return 0 }
                return value >= 9.2e18 ? Int.max : Int(value.rounded(.towardZero))
            }
            return nil
        }
        input = read(["input", "prompt", "input_tokens", "prompt_tokens"]) ?? 0
        output = read(["output", "candidates", "output_tokens", "candidates_tokens"]) ?? 0
        cached = read(["cached", "cached_tokens"]) ?? 0
        thoughts = read(["thoughts", "reasoning", "thoughts_tokens", "reasoning_tokens"]) ?? 0
        tool = read(["tool", "tool_tokens"]) ?? 0
        total = read(["total", "total_tokens"])
    }

    /// Columns and extra (09 §1.4); nil when everything is 0.
    func columns(direct: Bool) -> (TokenCounts, Int)? {
        var inputPrime = input
        let exclusive = input + output + thoughts + tool
        if !direct || (cached > 0 && total == exclusive && total != exclusive + cached) {
            inputPrime = input - min(input, cached)
        }
        var tokens = TokenCounts(input: inputPrime + tool, output: output, cacheCreation: 0, cacheRead: cached)
        let recorded = total ?? (tokens.input + tokens.output + tokens.cacheRead + thoughts)
        var extra = thoughts
        AgentRules.applyTotal(recorded, tokens: &tokens, extra: &extra)
        let stored = max(0, recorded - tokens.total)
        extra = max(stored, 0)
        if tokens.isZero && extra == 0 { return nil }
        return (tokens, extra)
    }
}
