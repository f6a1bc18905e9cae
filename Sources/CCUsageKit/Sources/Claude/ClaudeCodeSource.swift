/// Claude Code: the JSONL transcripts under each data directory's `projects/` (`Discovery`), one record per
/// usage line (`LineParser`, `ClaudeLine.swift`), copies of a streamed response merged by message and request
/// id (`Loading/Dedup.swift`).
public struct ClaudeCodeSource: UsageSource {
    public typealias Parser = LineParser

    public init() {}

    public var id: SourceID { .claude }
    public var displayName: String { "Claude Code" }
    public var dedup: DedupPolicy { .bestCopyByMessageAndRequest }

    /// `CLAUDE_CONFIG_DIR` entries, else `~/.config/claude` and `~/.claude` (see `Discovery.baseDirectories`).
    public func roots(_ env: Environment, problems: inout [LoadProblem]) throws -> [String] {
        try Discovery.baseDirectories(env, problems: &problems)
    }

    public func files(in roots: [String], project: String?, parallel: Bool, listings: ListingCache?,
                      problems: inout [LoadProblem]) -> [TranscriptFile] {
        Discovery.transcripts(in: roots, project: project, parallel: parallel, listings: listings,
                              problems: &problems)
    }
}

extension LineParser: UsageLineParser {}
