/// The five counts Codex logs for one turn (07-codex §5.3). `input` includes `cached`; `output` includes
/// `reasoning`; `total` is the logged total (or input + output + reasoning when none was logged).
public struct CodexTokens: Sendable, Hashable {
    public var input = 0, cached = 0, output = 0, reasoning = 0, total = 0

    public init(input: Int = 0, cached: Int = 0, output: Int = 0, reasoning: Int = 0, total: Int = 0) {
        self.input = input; self.cached = cached; self.output = output; self.reasoning = reasoning; self.total = total
    }

    /// Input that was not read from the cache (never below 0).
    public var nonCachedInput: Int { max(input - cached, 0) }

    var isZeroUsage: Bool { input == 0 && cached == 0 && output == 0 && reasoning == 0 }

    /// Field by field `self − earlier`, each floored at 0.
    func subtracting(_ earlier: CodexTokens) -> CodexTokens {
        CodexTokens(input: max(input - earlier.input, 0), cached: max(cached - earlier.cached, 0),
                    output: max(output - earlier.output, 0), reasoning: max(reasoning - earlier.reasoning, 0),
                    total: max(total - earlier.total, 0))
    }

    /// Sums saturate instead of trapping (counts are read as unsigned 64-bit values).
    static func += (lhs: inout CodexTokens, rhs: CodexTokens) {
        lhs.input = saturatingAdd(lhs.input, rhs.input)
        lhs.cached = saturatingAdd(lhs.cached, rhs.cached)
        lhs.output = saturatingAdd(lhs.output, rhs.output)
        lhs.reasoning = saturatingAdd(lhs.reasoning, rhs.reasoning)
        lhs.total = saturatingAdd(lhs.total, rhs.total)
    }
}

@inline(__always) func saturatingAdd(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? .max : sum
}

/// One usage event read from a Codex file: a `token_count` of a rollout, or a saved `codex exec --json` line.
public struct CodexEvent: Sendable, Equatable {
    /// As logged (trimmed), or normalised to `YYYY-MM-DDTHH:MM:SS.mmmZ` for numeric and headless timestamps.
    public var timestamp: String
    public var model: String
    public var tokens: CodexTokens
    /// Priced as a stand-in model: no model in the log (gpt-5), or `codex-auto-review` mapped by date.
    public var isFallback: Bool

    public init(timestamp: String, model: String, tokens: CodexTokens, isFallback: Bool = false) {
        self.timestamp = timestamp; self.model = model; self.tokens = tokens; self.isFallback = isFallback
    }
}

/// The events of one file, with what was skipped while reading it.
public struct CodexFileEvents: Sendable {
    public var events: [CodexEvent] = []
    /// Lines that looked like usage (a session or exec line) but are not valid JSON or have a wrongly typed field.
    public var malformedLines = 0
    /// Byte offsets of the first few malformed lines, for `--debug`.
    public var malformedOffsets: [Int64] = []
    public var lines = 0
    public var bytes: Int64 = 0
    /// Set when the file could not be read.
    public var error: String?

    public init() {}
}
