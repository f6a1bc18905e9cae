import Foundation

// The pieces a generation works with: the transcript being written, the lines captured for copying into
// resumed sessions, and the small records of requests, progress copies, projects and tool calls.

/// One transcript file being written: a main session or a sub-agent.
final class Transcript {
    let sink: FileSink
    /// Everything between the `parentUuid` value and the line-specific fields:
    /// `,"isSidechain":false,"userType":"external","cwd":"…","sessionId":"…","version":"…","gitBranch":"…"`.
    let header: [UInt8]
    let version: Catalog.Version
    let model: Int
    let fastMode: Bool
    /// Share of cache writes that use the 1-hour TTL (0 for most sessions).
    let oneHourShare: Double
    let isSidechain: Bool
    let cwd: String
    var branch = "main"
    var parent: ID128?
    var time: Int64
    /// Tokens in the (cached) context, and tokens added since the last request.
    var context = 0
    var pending: Int
    var lastRequest: Int64 = .min
    var budget: Int64
    /// Lines captured so that a later session can resume this one (main sessions only).
    var capture: Capture?

    init(sink: FileSink, header: [UInt8], version: Catalog.Version, model: Int, fastMode: Bool, oneHourShare: Double,
         isSidechain: Bool, cwd: String, time: Int64, pending: Int, budget: Int64) {
        self.sink = sink; self.header = header; self.version = version; self.model = model
        self.fastMode = fastMode; self.oneHourShare = oneHourShare; self.isSidechain = isSidechain
        self.cwd = cwd; self.time = time; self.pending = pending; self.budget = budget
    }

    /// Bytes of this session's sub-agent transcripts (they count against its budget).
    var childBytes: Int64 = 0

    var full: Bool { sink.bytes + childBytes >= budget }
    var remaining: Int { max(0, Int(budget - sink.bytes - childBytes)) }
}

/// The first lines of a session, kept so that the next session can resume it by copying them verbatim.
final class Capture {
    struct Entry { var end: Int; var serial: Int32; var usage: Bool; var malformed: Bool; var uuid: ID128? }
    let project: Int
    var blob: [UInt8] = []
    var entries: [Entry] = []
    var endTime: Int64 = 0
    var closed = false
    static let limit = 1 << 20

    init(project: Int) { self.project = project }
}

/// The best (largest) copy seen of one request.
struct RequestRecord {
    var tokens = TokenUsage()
    var label: UInt8
}

/// A copy of a sub-agent response, to be replayed in a progress line of the parent session.
struct ProgressCopy {
    var serial: Int, messageID: ID128, requestID: ID128, model: Int, usage: TokenUsage
    var speed: UInt8, cacheObject: Bool, time: Int64
}

struct Project {
    var directory: String
    var cwd: String
    var zoneOffset: Int
    var branches: [String]
}

/// Tool calls issued by one response.
struct ToolCall {
    enum Kind: CaseIterable { case bash, read, edit, grep, glob, todo, webFetch, task }
    var kind: Kind
    var id: ID128
    var filePath: String
    var prompt: String = ""
}

extension String {
    var utf8Array: [UInt8] { Array(utf8) }
}

/// ln(1 + x) for x ≥ 0 from basic arithmetic (used only for project weights).
func log1pApprox(_ x: Double) -> Double {
    // ln(y) via y = m · 2^k, then the atanh series.
    var y = 1 + x, k = 0.0
    while y > 2 { y /= 2; k += 1 }
    let s = (y - 1) / (y + 1), s2 = s * s
    var term = s, sum = 0.0
    for i in stride(from: 1, through: 41, by: 2) { sum += term / Double(i); term *= s2 }
    return 2 * sum + k * 0.693_147_180_559_945_3
}
