import CCUsageKit
import Foundation

/// `$1,234.56`: the CLI's two-decimal rounding (half away from zero on the decimal value), with thousands
/// separators.
public func webMoney(_ value: Double) -> String {
    let text = Format.fixed(value, decimals: 2)
    let negative = text.hasPrefix("-")
    let body = negative ? String(text.dropFirst()) : text
    let parts = body.split(separator: ".", maxSplits: 1)
    guard let whole = parts.first, let number = Int(whole) else { return "$" + text }
    return (negative ? "-$" : "$") + Format.integer(number) + (parts.count > 1 ? "." + parts[1] : "")
}

/// Token counts of one row of a report's JSON.
struct Tokens: Sendable, Equatable {
    var input = 0, output = 0, cacheCreation = 0, cacheRead = 0
    var total: Int { input + output + cacheCreation + cacheRead }

    init() {}
    init(input: Int, output: Int, cacheCreation: Int, cacheRead: Int) {
        self.input = input; self.output = output; self.cacheCreation = cacheCreation; self.cacheRead = cacheRead
    }
    init(_ object: [String: Any]) {
        input = int(object["inputTokens"]); output = int(object["outputTokens"])
        cacheCreation = int(object["cacheCreationTokens"] ?? object["cacheCreationInputTokens"])
        cacheRead = int(object["cacheReadTokens"] ?? object["cacheReadInputTokens"])
    }

    static func += (a: inout Tokens, b: Tokens) {
        a.input += b.input; a.output += b.output; a.cacheCreation += b.cacheCreation; a.cacheRead += b.cacheRead
    }
}

func int(_ value: Any?) -> Int { (value as? NSNumber)?.intValue ?? 0 }
func double(_ value: Any?) -> Double { (value as? NSNumber)?.doubleValue ?? 0 }

/// One period row (day, week, month) of a report: its key, tokens, cost and cost per part (model, agent or
/// project).
struct PeriodRow: Sendable {
    var key: String
    var tokens: Tokens
    var cost: Double
    var parts: [String: Double]
    var models: [String: (tokens: Tokens, cost: Double)]

    static let keyNames = ["date", "week", "month", "period"]

    init?(_ object: [String: Any]) {
        guard let key = Self.keyNames.lazy.compactMap({ object[$0] as? String }).first else { return nil }
        self.key = key
        tokens = Tokens(object)
        cost = double(object["totalCost"] ?? object["costUSD"])
        models = [:]
        for item in object["modelBreakdowns"] as? [[String: Any]] ?? [] {
            guard let name = item["modelName"] as? String else { continue }
            var entry = models[name] ?? (Tokens(), 0)
            entry.tokens += Tokens(item); entry.cost += double(item["cost"])
            models[name] = entry
        }
        parts = models.mapValues { $0.cost }
    }
}

/// The parsed JSON of a period report (`daily`, `weekly`, `monthly`), and its totals.
struct PeriodReport: Sendable {
    var rows: [PeriodRow] = []
    var tokens = Tokens()
    var cost = 0.0

    init(json: String) {
        guard let object = parse(json) else { return }
        let key = ["daily", "weekly", "monthly", "data"].first { object[$0] != nil } ?? "daily"
        rows = (object[key] as? [[String: Any]] ?? []).compactMap(PeriodRow.init)
        if let totals = object["totals"] as? [String: Any] {
            tokens = Tokens(totals); cost = double(totals["totalCost"] ?? totals["costUSD"])
        } else {
            for row in rows { tokens += row.tokens; cost += row.cost }
        }
    }

    /// Cost per part from `daily --all --by-agent` (each row's `agents`).
    static func agentParts(json: String) -> [String: [String: Double]] {
        guard let object = parse(json), let rows = object["daily"] as? [[String: Any]] else { return [:] }
        var out: [String: [String: Double]] = [:]
        for row in rows {
            guard let key = PeriodRow.keyNames.lazy.compactMap({ row[$0] as? String }).first else { continue }
            for agent in row["agents"] as? [[String: Any]] ?? [] {
                guard let name = agent["agent"] as? String else { continue }
                out[key, default: [:]][name, default: 0] += double(agent["totalCost"])
            }
        }
        return out
    }

    /// Cost per project from `daily --instances` (`projects: {name: [rows]}`).
    static func projectParts(json: String) -> [String: [String: Double]] {
        guard let object = parse(json), let projects = object["projects"] as? [String: Any] else { return [:] }
        var out: [String: [String: Double]] = [:]
        for (project, value) in projects {
            for row in (value as? [[String: Any]] ?? []).compactMap(PeriodRow.init) {
                out[row.key, default: [:]][project, default: 0] += row.cost
            }
        }
        return out
    }
}

/// One session row of `session --json`.
struct SessionRow: Sendable, Equatable {
    var id: String
    var project: String
    var tokens: Tokens
    var cost: Double
    var last: String
    var models: [String]

    static func list(json: String) -> [SessionRow] {
        // The session JSON of a large history is megabytes: decoded straight into the fields the page reads
        // (Foundation's `Any` tree took a third of a page's time); anything unexpected takes the general path.
        if let decoded = try? JSONDecoder().decode(SessionList.self, from: Data(json.utf8)) {
            return decoded.sessions.compactMap(\.row)
        }
        return general(json: json)
    }

    /// The rows read through Foundation's `Any` tree: any shape the decoder refuses.
    static func general(json: String) -> [SessionRow] {
        guard let object = parse(json), let rows = object["sessions"] as? [[String: Any]] else { return [] }
        return rows.compactMap { row in
            guard let id = row["sessionId"] as? String else { return nil }
            return SessionRow(id: id, project: row["projectPath"] as? String ?? "", tokens: Tokens(row),
                              cost: double(row["totalCost"]), last: row["lastActivity"] as? String ?? "",
                              models: row["modelsUsed"] as? [String] ?? [])
        }
    }
}

/// The fields of `session --json` the page reads.
private struct SessionList: Decodable {
    struct Session: Decodable {
        var sessionId: String?
        var projectPath: String?
        var inputTokens: Int?, outputTokens: Int?
        var cacheCreationTokens: Int?, cacheCreationInputTokens: Int?
        var cacheReadTokens: Int?, cacheReadInputTokens: Int?
        var totalCost: Double?
        var lastActivity: String?
        var modelsUsed: [String]?

        var row: SessionRow? {
            guard let sessionId else { return nil }
            let tokens = Tokens(input: inputTokens ?? 0, output: outputTokens ?? 0,
                                cacheCreation: cacheCreationTokens ?? cacheCreationInputTokens ?? 0,
                                cacheRead: cacheReadTokens ?? cacheReadInputTokens ?? 0)
            return SessionRow(id: sessionId, project: projectPath ?? "", tokens: tokens, cost: totalCost ?? 0,
                              last: lastActivity ?? "", models: modelsUsed ?? [])
        }
    }
    var sessions: [Session]
}

/// One 5-hour block of `blocks --json`.
struct BlockRow: Sendable {
    var start: String
    var end: String
    var active: Bool
    var entries: Int
    var tokens: Int
    var cost: Double
    var models: [String]
    var costPerHour: Double?
    var tokensPerMinute: Double?
    var projectedCost: Double?
    var projectedTokens: Int?
    var remainingMinutes: Int?

    static func list(json: String) -> [BlockRow] {
        guard let object = parse(json), let rows = object["blocks"] as? [[String: Any]] else { return [] }
        return rows.compactMap { row in
            guard row["isGap"] as? Bool != true, let start = row["startTime"] as? String else { return nil }
            let burn = row["burnRate"] as? [String: Any]
            let projection = row["projection"] as? [String: Any]
            return BlockRow(start: start, end: row["endTime"] as? String ?? "", active: row["isActive"] as? Bool == true,
                            entries: int(row["entries"]), tokens: int(row["totalTokens"]), cost: double(row["costUSD"]),
                            models: row["models"] as? [String] ?? [],
                            costPerHour: burn.map { double($0["costPerHour"]) },
                            tokensPerMinute: burn.map { double($0["tokensPerMinute"]) },
                            projectedCost: projection.map { double($0["totalCost"]) },
                            projectedTokens: projection.map { int($0["totalTokens"]) },
                            remainingMinutes: projection.map { int($0["remainingMinutes"]) })
        }
    }
}

/// One request of `session --id <id> --json`.
struct RequestRow: Sendable {
    var timestamp: String
    var model: String
    var tokens: Tokens
    var cost: Double

    static func detail(json: String) -> (cost: Double, tokens: Int, rows: [RequestRow]) {
        guard let object = parse(json) else { return (0, 0, []) }
        let rows = (object["entries"] as? [[String: Any]] ?? []).map { row in
            RequestRow(timestamp: row["timestamp"] as? String ?? "", model: row["model"] as? String ?? "",
                       tokens: Tokens(row), cost: double(row["costUSD"]))
        }
        return (double(object["totalCost"]), int(object["totalTokens"]), rows)
    }
}

/// Models the CLI warned have no price (their cost is 0 in the report, not free).
func unpricedModels(stderr: String) -> [String] {
    let marker = "Missing embedded pricing for "
    return stderr.split(separator: "\n").compactMap { line in
        guard let range = line.range(of: marker) else { return nil }
        let rest = line[range.upperBound...]
        return String(rest.prefix { $0 != ";" })
    }
}

func parse(_ json: String) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
}
