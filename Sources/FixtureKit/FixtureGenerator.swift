/// Writes a realistic, deterministic Claude Code data tree:
///
///     <root>/projects/<project>/<session-uuid>.jsonl
///     <root>/projects/<project>/<session-uuid>/subagents/agent-<hex>.jsonl
///     <root>/expected.json          (the returned `FixtureSummary`)
///
/// The same `FixtureSpec` always produces byte-identical output (the PRNG is SplitMix64 and no platform
/// randomness, hashing order or libm function is involved).
///
/// What `expected` means:
/// - Every API response gets a unique `(message.id, requestId)`. It may be written several times: as
///   2–4 streaming lines (one per content block, same input/cache tokens, growing `output_tokens`), again
///   verbatim in a resumed session that copies a prefix of the previous session, and again inside a
///   `type:"progress"` line of the parent session (for sub-agent responses). `expected` counts each
///   key once, with its largest token total (the last streaming line).
/// - `<synthetic>` lines (no requestId, zero tokens) are usage lines and unique requests, adding 0 tokens.
/// - Malformed lines are truncated partial copies of the complete line written right after them, so
///   they never carry usage that is missing elsewhere: `expected` is the same whether a reader skips them
///   or not, as long as it does not count a truncated line as valid.
public enum FixtureGenerator {
    public static func generate(into root: String, spec: FixtureSpec) throws -> FixtureSummary {
        let generation = try Generation(root: root, spec: spec)
        let summary = try generation.run()
        try writeExpected(summary, to: root + "/expected.json")
        return summary
    }

    /// `expected.json`: pretty-printed, keys in declaration order (JSONEncoder on Linux reorders them).
    static func writeExpected(_ s: FixtureSummary, to path: String) throws {
        var b = ByteBuffer(capacity: 4096)
        func totals(_ t: ExpectedTotals, indent: StaticString) {
            b.raw("{\n")
            let fields: [(StaticString, Int64)] = [
                ("inputTokens", t.inputTokens), ("outputTokens", t.outputTokens),
                ("cacheCreationTokens", t.cacheCreationTokens), ("cacheReadTokens", t.cacheReadTokens),
                ("cacheCreation1hTokens", t.cacheCreation1hTokens), ("totalTokens", t.totalTokens),
            ]
            for (i, f) in fields.enumerated() {
                b.raw(indent); b.raw("  \""); b.raw(f.0); b.raw("\": "); b.int(Int(f.1))
                b.raw(i == fields.count - 1 ? "\n" : ",\n")
            }
            b.raw(indent); b.raw("}")
        }
        b.raw("{\n")
        b.raw("  \"files\": "); b.int(s.files)
        b.raw(",\n  \"subagentFiles\": "); b.int(s.subagentFiles)
        b.raw(",\n  \"projects\": "); b.int(s.projects)
        b.raw(",\n  \"bytes\": "); b.int(Int(s.bytes))
        b.raw(",\n  \"lines\": "); b.int(s.lines)
        b.raw(",\n  \"usageLines\": "); b.int(s.usageLines)
        b.raw(",\n  \"uniqueRequests\": "); b.int(s.uniqueRequests)
        b.raw(",\n  \"malformedLines\": "); b.int(s.malformedLines)
        b.raw(",\n  \"expected\": "); totals(s.expected, indent: "  ")
        b.raw(",\n  \"byModel\": [")
        for (i, m) in s.byModel.enumerated() {
            b.raw(i == 0 ? "\n    {\n" : ",\n    {\n")
            b.raw("      \"model\": "); b.string(m.model)
            b.raw(",\n      \"requests\": "); b.int(m.requests)
            b.raw(",\n      \"totals\": "); totals(m.totals, indent: "      ")
            b.raw("\n    }")
        }
        b.raw(s.byModel.isEmpty ? "]" : "\n  ]")
        b.raw(",\n  \"firstTimestamp\": "); b.string(s.firstTimestamp)
        b.raw(",\n  \"lastTimestamp\": "); b.string(s.lastTimestamp)
        b.raw(",\n  \"seed\": "); b.raw(Array(String(s.seed).utf8))
        b.raw(",\n  \"startDate\": "); b.string(s.startDate)
        b.raw(",\n  \"days\": "); b.int(s.days)
        b.raw("\n}\n")
        let sink = try FileSink(path: path)
        try b.bytes.withUnsafeBufferPointer { try sink.write($0) }
        try sink.finish()
    }
}
