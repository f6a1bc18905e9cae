#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What to generate. The same spec always produces the same bytes (on the same platform).
public struct FixtureSpec: Sendable, Equatable {
    public var seed: UInt64
    /// Generation stops as soon as the `.jsonl` files add up to at least this many bytes.
    public var targetBytes: Int64
    /// First UTC day of the data, `YYYY-MM-DD`.
    public var startDate: String
    /// Sessions start on one of `days` consecutive UTC days from `startDate` (a long session may run past).
    public var days: Int
    /// Probability that a line is preceded by a truncated (invalid JSON) partial copy of itself.
    public var malformedRate: Double

    public init(seed: UInt64 = 1, targetBytes: Int64 = 2_000_000, startDate: String = "2025-06-01",
                days: Int = 60, malformedRate: Double = 0.001) {
        self.seed = seed; self.targetBytes = targetBytes; self.startDate = startDate
        self.days = days; self.malformedRate = malformedRate
    }

    /// Milliseconds since the epoch of `startDate` at 00:00 UTC, or nil if it is not a real `YYYY-MM-DD` date.
    public var startMilliseconds: Int64? {
        let parts = startDate.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1 else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard d <= monthDays else { return nil }
        return daysFromCivil(y, m, d) * 86_400_000
    }

    /// Throws `FixtureError.invalidSpec` with a message naming the bad field.
    public func validate() throws {
        guard targetBytes > 0 else { throw FixtureError.invalidSpec("targetBytes must be positive (got \(targetBytes)).") }
        guard startMilliseconds != nil else {
            throw FixtureError.invalidSpec("startDate must be a real date written YYYY-MM-DD (got \"\(startDate)\").")
        }
        guard days >= 1 else { throw FixtureError.invalidSpec("days must be at least 1 (got \(days)).") }
        guard malformedRate >= 0, malformedRate <= 1 else {
            throw FixtureError.invalidSpec("malformedRate must be between 0 and 1 (got \(malformedRate)).")
        }
    }
}

/// Token totals of one group of deduplicated requests.
public struct ExpectedTotals: Sendable, Codable, Equatable {
    public var inputTokens: Int64 = 0
    public var outputTokens: Int64 = 0
    /// `cache_creation_input_tokens`, which always equals `ephemeral_5m + ephemeral_1h` when both exist.
    public var cacheCreationTokens: Int64 = 0
    public var cacheReadTokens: Int64 = 0
    /// The part of `cacheCreationTokens` written with the 1-hour TTL.
    public var cacheCreation1hTokens: Int64 = 0
    public var totalTokens: Int64 = 0

    public init() {}

    mutating func add(_ t: TokenUsage) {
        inputTokens += Int64(t.input); outputTokens += Int64(t.output)
        cacheCreationTokens += Int64(t.cacheCreation); cacheReadTokens += Int64(t.cacheRead)
        cacheCreation1hTokens += Int64(t.cacheCreation1h)
        totalTokens += Int64(t.total)
    }
}

/// Deduplicated totals of one model label (`-fast` appended for `speed: fast` requests).
public struct ExpectedModelTotals: Sendable, Codable, Equatable {
    public var model: String
    public var requests: Int
    public var totals: ExpectedTotals
}

/// What was written. Stored as `<root>/expected.json`.
public struct FixtureSummary: Sendable, Codable, Equatable {
    /// Number of `.jsonl` files (sessions and sub-agent transcripts).
    public var files: Int
    /// Sub-agent transcripts among `files` (`<session>/subagents/agent-<hex>.jsonl`).
    public var subagentFiles: Int
    public var projects: Int
    /// Total size of all `.jsonl` files (expected.json is not counted).
    public var bytes: Int64
    /// All lines, malformed ones included.
    public var lines: Int
    /// Valid lines that carry `message.usage` (assistant, `<synthetic>` and progress lines, duplicates included).
    public var usageLines: Int
    /// Distinct `(message.id, requestId)` keys among the usage lines (a `<synthetic>` line has no requestId;
    /// its key is its message.id alone).
    public var uniqueRequests: Int
    /// Truncated lines. Each one is an extra partial copy of the complete line written right after it,
    /// so no usage is lost; they contribute nothing to `expected`.
    public var malformedLines: Int
    /// Totals over the unique requests, each counted once with its largest token total.
    public var expected: ExpectedTotals
    public var byModel: [ExpectedModelTotals]
    /// First and last usage timestamp.
    public var firstTimestamp: String
    public var lastTimestamp: String
    public var seed: UInt64
    public var startDate: String
    public var days: Int
}

public enum FixtureError: Error, Equatable, CustomStringConvertible {
    case invalidSpec(String)
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidSpec(let message): "Invalid fixture spec: \(message)"
        case .io(let path, let reason): "Cannot write \(path): \(reason)"
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// One request's tokens, as written in `message.usage`.
struct TokenUsage: Equatable {
    var input = 0, output = 0, cacheCreation = 0, cacheRead = 0, cacheCreation1h = 0
    var total: Int { input + output + cacheCreation + cacheRead }
}
