import Foundation

/// The JSON object Claude Code pipes into its `statusLine` command. Only `session_id`, `transcript_path` and
/// `model.display_name` are required; unknown fields are ignored, a known field of the wrong type is an error
/// (except `rate_limits`, read leniently: a malformed window is left out).
public struct StatuslineHook: Sendable, Equatable {
    public struct Model: Sendable, Equatable {
        public var id: String?
        public var displayName: String
        public init(id: String? = nil, displayName: String) { self.id = id; self.displayName = displayName }
    }

    public struct Workspace: Sendable, Equatable {
        public var currentDir: String?
        public var projectDir: String?
    }

    /// Claude Code's own accounting of the session.
    public struct Cost: Sendable, Equatable {
        public var totalCostUSD: Double?
        public var totalDurationMs: Double?
        public var totalAPIDurationMs: Double?
        public var totalLinesAdded: Int?
        public var totalLinesRemoved: Int?
        public init(totalCostUSD: Double? = nil, totalDurationMs: Double? = nil, totalAPIDurationMs: Double? = nil,
                    totalLinesAdded: Int? = nil, totalLinesRemoved: Int? = nil) {
            self.totalCostUSD = totalCostUSD; self.totalDurationMs = totalDurationMs
            self.totalAPIDurationMs = totalAPIDurationMs
            self.totalLinesAdded = totalLinesAdded; self.totalLinesRemoved = totalLinesRemoved
        }
    }

    public struct ContextWindow: Sendable, Equatable {
        public var totalInputTokens: Int?
        public var totalOutputTokens: Int?
        public var contextWindowSize: Int?
        public init(totalInputTokens: Int? = nil, totalOutputTokens: Int? = nil, contextWindowSize: Int? = nil) {
            self.totalInputTokens = totalInputTokens; self.totalOutputTokens = totalOutputTokens
            self.contextWindowSize = contextWindowSize
        }
    }

    public var sessionID: String
    public var transcriptPath: String
    public var cwd: String?
    public var model: Model
    public var workspace: Workspace?
    public var version: String?
    public var cost: Cost?
    public var contextWindow: ContextWindow?
    /// Claude's plan usage (`rate_limits`); nil when absent or when no window in it is well-formed.
    public var rateLimits: RateLimits?

    public init(sessionID: String, transcriptPath: String, model: Model, cwd: String? = nil,
                workspace: Workspace? = nil, version: String? = nil, cost: Cost? = nil,
                contextWindow: ContextWindow? = nil, rateLimits: RateLimits? = nil) {
        self.sessionID = sessionID; self.transcriptPath = transcriptPath; self.model = model; self.cwd = cwd
        self.workspace = workspace; self.version = version; self.cost = cost; self.contextWindow = contextWindow
        self.rateLimits = rateLimits
    }

    /// Parses the hook input; whitespace-only input is `.empty`.
    public static func parse(_ bytes: [UInt8]) throws(StatuslineInputError) -> StatuslineHook {
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            throw .empty
        }
        let wire: Wire
        do {
            wire = try JSONDecoder().decode(Wire.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw .invalid(StatuslineInputError.explain(error))
        } catch {
            throw .invalid(String(describing: error))
        }
        return StatuslineHook(
            sessionID: wire.session_id, transcriptPath: wire.transcript_path,
            model: Model(id: wire.model.id, displayName: wire.model.display_name), cwd: wire.cwd,
            workspace: wire.workspace.map { Workspace(currentDir: $0.current_dir, projectDir: $0.project_dir) },
            version: wire.version,
            cost: wire.cost.map {
                Cost(totalCostUSD: $0.total_cost_usd, totalDurationMs: $0.total_duration_ms,
                     totalAPIDurationMs: $0.total_api_duration_ms,
                     totalLinesAdded: $0.total_lines_added?.value, totalLinesRemoved: $0.total_lines_removed?.value)
            },
            contextWindow: wire.context_window.map {
                ContextWindow(totalInputTokens: $0.total_input_tokens?.value,
                              totalOutputTokens: $0.total_output_tokens?.value,
                              contextWindowSize: $0.context_window_size?.value)
            },
            rateLimits: wire.rate_limits?.value)
    }

    // The wire shape, snake_case as Claude Code sends it.
    private struct Wire: Decodable {
        struct Model: Decodable { let id: String?; let display_name: String }
        struct Workspace: Decodable { let current_dir: String?; let project_dir: String? }
        struct Cost: Decodable {
            let total_cost_usd: Double?
            let total_duration_ms: Double?
            let total_api_duration_ms: Double?
            let total_lines_added: Count?
            let total_lines_removed: Count?
        }
        struct ContextWindow: Decodable {
            let total_input_tokens: Count?
            let total_output_tokens: Count?
            let context_window_size: Count?
        }
        let session_id: String
        let transcript_path: String
        let cwd: String?
        let model: Model
        let workspace: Workspace?
        let version: String?
        let cost: Cost?
        let context_window: ContextWindow?
        let rate_limits: LenientRateLimits?
    }

    /// A JSON number used as a count: a whole or fractional number (rounded), within ±2^53.
    private struct Count: Decodable {
        let value: Int
        init(from decoder: Decoder) throws {
            let number = try decoder.singleValueContainer().decode(Double.self)
            guard number.isFinite, abs(number) <= 9_007_199_254_740_992 else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                        debugDescription: "number out of range"))
            }
            value = Int(number.rounded())
        }
    }
}

/// Why the hook input was rejected; `description` is the line printed for Claude Code to show.
public enum StatuslineInputError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case invalid(String)

    public var description: String {
        switch self {
        case .empty: "❌ No input provided"
        case .invalid(let reason): "❌ Invalid input format: \(reason)"
        }
    }

    static func explain(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey], _ last: CodingKey? = nil) -> String {
            let all = keys + (last.map { [$0] } ?? [])
            return all.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing required field '\(path(context.codingPath, key))'"
        case .typeMismatch(let type, let context):
            if context.codingPath.isEmpty { return "expected a JSON object" }
            return "field '\(path(context.codingPath))' must be \(describe(type))"
        case .valueNotFound(let type, let context):
            return "field '\(path(context.codingPath))' must be \(describe(type)), not null"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON" }
            return "field '\(path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return "not valid JSON"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Double.Type, is Int.Type: "a number"
        case is Bool.Type: "true or false"
        default: "an object"
        }
    }
}
