import Foundation

/// A dashboard or API address's report options (its query parameters), turned into the `ccusage` arguments
/// that print the same report. Only the report options are accepted: anything else is refused, so a URL
/// never carries more than the options of a report.
public struct ReportQuery: Sendable, Equatable {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unknownParameter(String)
        case badValue(String, String)
        case needsTeam(String)
        public var description: String {
            switch self {
            case .unknownParameter(let name):
                "Unknown parameter '\(name)'. Report options: \(ReportQuery.optionNames.joined(separator: ", "))."
            case .badValue(let name, let value): "Bad value '\(value)' for '\(name)'."
            case .needsTeam(let name): "'\(name)' needs team=1 (team reports read the team database)."
            }
        }
    }

    /// The report options a URL may carry. The team ones are the CLI's flags: `team` (`--team`), `user`,
    /// `machine` (filters), `by-user`, `by-machine` (grouping); the database URL is never one of them.
    public static let optionNames = ["since", "until", "timezone", "mode", "agent", "all", "project", "breakdown",
                                     "instances", "order", "offline", "team", "user", "machine", "by-user", "by-machine"]
    static let switches: Set = ["all", "breakdown", "instances", "team", "by-user", "by-machine"]
    /// Options that only team reports take.
    static let teamOnly = ["user", "machine", "by-user", "by-machine"]

    /// The options in a fixed order (empty values dropped).
    public private(set) var values: [String: String] = [:]

    public init() {}

    /// Parses `pairs` (in URL order); `extra` names page-only parameters that are kept apart, not refused.
    public init(_ pairs: [(String, String)], extra: Set<String> = []) throws {
        for (name, value) in pairs {
            if extra.contains(name) { continue }
            guard Self.optionNames.contains(name) else { throw Problem.unknownParameter(name) }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard trimmed.count <= 200, !trimmed.contains(where: { $0.isNewline || $0 == "\0" }) else {
                throw Problem.badValue(name, String(trimmed.prefix(40)))
            }
            if Self.switches.contains(name) || name == "offline" {
                guard let flag = Self.flag(trimmed) else { throw Problem.badValue(name, trimmed) }
                values[name] = flag ? "1" : "0"
            } else if name == "agent" {
                guard trimmed.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                    throw Problem.badValue(name, trimmed)
                }
                values[name] = trimmed.lowercased()
            } else {
                values[name] = trimmed
            }
        }
        if !team, let name = Self.teamOnly.first(where: { values[$0] != nil && values[$0] != "0" }) {
            throw Problem.needsTeam(name)
        }
    }

    static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "true", "yes", "on": true
        case "0", "false", "no", "off": false
        default: nil
        }
    }

    public subscript(_ name: String) -> String? {
        get { values[name] }
        set { values[name] = newValue?.isEmpty == true ? nil : newValue }
    }

    func isOn(_ name: String) -> Bool { values[name] == "1" }

    /// A team report (`team=1`): run by `ccusage-team`'s code with the team database as the usage source.
    public var team: Bool { isOn("team") }

    /// Every agent (`agent=all` or `all=1`).
    public var unified: Bool { values["agent"] == "all" || isOn("all") }

    /// One agent other than Claude Code, named before the report (`ccusage codex daily`).
    public var agent: String? {
        guard let agent = values["agent"], agent != "all", agent != "claude" else { return nil }
        return agent
    }

    /// The arguments of `ccusage <report> --json` with these options (`--team …` when `team=1`).
    public func arguments(report: String) -> [String] {
        var words: [String] = []
        if let agent { words.append(agent) }
        words.append(report)
        if unified { words.append("--all") }
        for name in ["since", "until", "timezone", "mode", "order", "project"] {
            if let value = values[name] { words.append("--\(name)=\(value)") }
        }
        if isOn("breakdown") { words.append("--breakdown") }
        if isOn("instances") { words.append("--instances") }
        if let offline = values["offline"] { words.append(offline == "1" ? "--offline" : "--no-offline") }
        if team {
            words.append("--team")
            for name in ["user", "machine"] { if let value = values[name] { words.append("--\(name)=\(value)") } }
            for name in ["by-user", "by-machine"] where isOn(name) { words.append("--\(name)") }
        }
        words.append("--json")
        return words
    }

    /// The query string of these options (sorted names), `overrides` applied; "" when none.
    public func queryString(_ overrides: [String: String?] = [:]) -> String {
        var merged = values
        for (name, value) in overrides { merged[name] = value.flatMap { $0.isEmpty ? nil : $0 } }
        let pairs = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.escape($0.value))" }
        return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
