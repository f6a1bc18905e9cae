import Foundation

/// What one generated agent home holds: the variable that points the agent at it and the token sums its
/// focused report must show (`--mode display` numbers, no date filter).
public struct StoreFixtureSummary: Sendable, Equatable, Codable {
    public var agent: String
    public var variable: String
    public var path: String
    public var entries = 0
    public var inputTokens = 0, outputTokens = 0, cacheCreationTokens = 0, cacheReadTokens = 0, extraTokens = 0
    public var bytes: Int64 = 0

    public var totalTokens: Int { inputTokens + outputTokens + cacheCreationTokens + cacheReadTokens + extraTokens }

    mutating func add(input: Int, output: Int, cacheCreation: Int = 0, cacheRead: Int = 0, extra: Int = 0) {
        entries += 1
        inputTokens += input; outputTokens += output; cacheCreationTokens += cacheCreation
        cacheReadTokens += cacheRead; extraTokens += extra
    }
}

/// Deterministic, realistic homes of the spec-10 agents (OpenCode, Kilo, Hermes, Goose, ZCode on SQLite; Droid,
/// Codebuff, Grok on JSON files) for the benchmark and the unified report: about `bytes` of data each, spread
/// over `days` days from `start` (ms), with the padding text real stores carry (message bodies, transcripts).
public enum StoreFixtures {
    public static let agents = ["opencode", "kilo", "hermes", "goose", "zcode", "droid", "codebuff", "grok"]

    public static func generate(agent: String, into root: String, bytes: Int64, seed: UInt64 = 1,
                                start: Int64 = 1_767_225_600_000, days: Int = 30) throws -> StoreFixtureSummary {
        var gen = StoreFixtureRun(root: root, bytes: bytes, seed: seed, start: start, days: days)
        switch agent {
        case "opencode", "kilo": return try gen.messages(agent)
        case "hermes": return try gen.hermes()
        case "goose": return try gen.goose()
        case "zcode": return try gen.zcode()
        case "droid": return try gen.droid()
        case "codebuff": return try gen.codebuff()
        case "grok": return try gen.grok()
        default: throw FixtureError.invalidSpec("unknown agent \(agent); one of \(agents.joined(separator: ", "))")
        }
    }
}

/// One generation run: the random source, the clock and the filler text.
struct StoreFixtureRun {
    let root: String, bytes: Int64, start: Int64, days: Int
    var rng: SplitMix64

    init(root: String, bytes: Int64, seed: UInt64, start: Int64, days: Int) {
        self.root = root; self.bytes = bytes; self.start = start; self.days = max(1, days)
        rng = SplitMix64(seed: seed)
    }

    static let words = ["the", "file", "function", "returns", "error", "test", "update", "build", "swift", "parse",
                        "report", "session", "token", "cache", "model", "query", "index", "value", "array", "struct"]
    static let models = ["claude-sonnet-4-20250514", "claude-opus-4-5", "gpt-5", "gpt-5.2-codex", "claude-haiku-4-5"]

    mutating func text(_ count: Int) -> String {
        var out = ""
        out.reserveCapacity(count + 12)
        while out.utf8.count < count { out += Self.words[rng.below(Self.words.count)] + " " }
        return out
    }

    mutating func time() -> Int64 { start + Int64(rng.below(days * 86_400_000)) }
    mutating func model() -> String { Self.models[rng.below(Self.models.count)] }
    mutating func tokens() -> (input: Int, output: Int, cacheCreation: Int, cacheRead: Int) {
        (rng.int(10...5000), rng.int(5...2000), rng.int(0...3000), rng.int(0...40000))
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    static func size(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
