/// The agent a transcript file or usage record came from. A record keeps it in the high byte of its flag
/// bits, so it costs no bytes; Claude Code is 0, which leaves every record and cache file of a Claude load as it
/// was before sources had ids.
public struct SourceID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let claude = SourceID(rawValue: 0)
    public static let codex = SourceID(rawValue: 1)

    /// The command word and `agent` value (`claude`, `codex`).
    public var description: String {
        switch rawValue {
        case 0: "claude"
        case 1: "codex"
        default: "source-\(rawValue)"
        }
    }
}

/// Turns one file's lines, in order, into usage records. A scan makes one parser per file (or per piece of a
/// large file), so a parser may keep state across lines (a model named on an earlier line, cumulative totals).
public protocol UsageLineParser {
    init(keepRawTimestamps: Bool)
    /// Classifies one line (without its `\n`). `fileIndex` is the file's place in the load's file list.
    mutating func parse(_ line: UnsafeBufferPointer<UInt8>, fileIndex: Int32) -> LineOutcome
}

/// How a source's copies of one response are recognised in the merge stage.
public enum DedupPolicy: Sendable, Equatable {
    /// Records keyed by `(message id, request id)`; the best copy is kept where the first one was
    /// (`Deduplicator`, `Loading/Dedup.swift`).
    case bestCopyByMessageAndRequest
    /// Every record counts once.
    case none
}

/// A high-volume, record-based source of usage: transcripts of many megabytes read on every run, so it goes
/// through the loader's stages and caches (`Loading/`, `Caching/`): its files are listed with the listing
/// cache, scanned in parallel into plain `UsageRecord`s (120 bytes with their cost, mapped from the merged
/// cache on a repeat run), deduplicated and priced. Claude Code (`ClaudeCodeSource`) is the first.
///
/// The smaller agents (Gemini, Qwen, OpenCode …) plug into `AgentSource` instead (`Sources/Agents/`): each
/// reads its own files or database and yields finished `AgentEntry` values (with reasoning tokens and
/// credits), with no cache of its own; their reports share one builder. Codex sits between the two today: its
/// own discovery and parser (`Sources/Codex/`, state across lines), the report cache, no scan or merged
/// cache. It becomes a `UsageSource` once records carry its reasoning tokens (out of Claude's 120 bytes).
public protocol UsageSource: Sendable {
    associatedtype Parser: UsageLineParser
    /// Stored in every file and record read from this source.
    var id: SourceID { get }
    /// The name in titles and messages (`Claude Code`).
    var displayName: String { get }
    /// How copies of one response are recognised.
    var dedup: DedupPolicy { get }
    /// The data directories to read, from the environment; what cannot be used is added to `problems`, and
    /// having none at all is an error.
    func roots(_ env: Environment, problems: inout [LoadProblem]) throws -> [String]
    /// Every file to read under `roots`, sorted by path (byte order), each with its identity (size, times,
    /// inode) for the caches. `project` narrows the walk to one project folder; `listings` reuses the
    /// listings of unchanged folders.
    func files(in roots: [String], project: String?, parallel: Bool, listings: ListingCache?,
               problems: inout [LoadProblem]) -> [TranscriptFile]
}
