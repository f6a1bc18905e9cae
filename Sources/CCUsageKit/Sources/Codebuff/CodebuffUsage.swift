/// The usage fields Codebuff spreads over several objects (10 §7.2): each read from the first key present with a
/// positive value, and merged by filling only the fields still zero or absent.
struct CodebuffUsage {
    var tokens = TokenCounts()
    var total = 0
    var credits = 0.0
    var model: String?

    init() {}

    init(_ json: StoreJSON, _ node: Int32) {
        guard json.isObject(node) else { return }
        func first(_ keys: [Int32]) -> Int { keys.lazy.map(json.count).first { $0 > 0 } ?? 0 }
        tokens.input = first([json.at(node, "inputTokens"), json.at(node, "input_tokens"),
                              json.at(node, "promptTokens"), json.at(node, "prompt_tokens")])
        tokens.output = first([json.at(node, "outputTokens"), json.at(node, "output_tokens"),
                               json.at(node, "completionTokens"), json.at(node, "completion_tokens")])
        let cacheReadKeys = [json.at(node, "cacheReadInputTokens"), json.at(node, "cache_read_input_tokens")]
        tokens.cacheRead = max(first(cacheReadKeys), json.count(json.at(node, "promptTokensDetails", "cachedTokens")),
                               json.count(json.at(node, "prompt_tokens_details", "cached_tokens")))
        tokens.cacheCreation = first([json.at(node, "cacheCreationInputTokens"), json.at(node, "cache_creation_input_tokens"),
                                      json.at(node, "cacheCreationTokens"), json.at(node, "cache_creation_tokens"),
                                      json.at(node, "cachedTokensCreated"), json.at(node, "cached_tokens_created")])
        total = first([json.at(node, "totalTokens"), json.at(node, "total_tokens"), json.at(node, "total")])
        if let value = json.number(json.at(node, "credits")), value > 0, value.isFinite { credits = value }
        model = json.trimmed(json.at(node, "model"))
    }

    var hasAny: Bool { !tokens.isZero || total > 0 || credits > 0 || model != nil }

    mutating func merge(_ other: CodebuffUsage) {
        if tokens.input == 0 { tokens.input = other.tokens.input }
        if tokens.output == 0 { tokens.output = other.tokens.output }
        if tokens.cacheRead == 0 { tokens.cacheRead = other.tokens.cacheRead }
        if tokens.cacheCreation == 0 { tokens.cacheCreation = other.tokens.cacheCreation }
        if total == 0 { total = other.total }
        if credits == 0 { credits = other.credits }
        if model == nil { model = other.model }
    }
}
