import Foundation

/// A dashboard or API address's report options (its query parameters), turned into the `ccusage` arguments
/// that print the same report. Only the report options are accepted: anything else is refused, so a URL
/// never carries more than the options of a report.
public struct ReportQuery: Sendable, Equatable {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unknownParameter(String)
        case badValue(String, String)
        public var description: String {
            switch self {
            case .unknownParameter(let name):
                "Unknown parameter '\(name)'. Report options: \(ReportQuery.optionNames.joined(separator: ", "))."
            case .badValue(let name, let value): "Bad value '\(value)' for '\(name)'."
            }
        }
    }

    /// The report options a URL may carry.
    public static let optionNames = ["since", "until", "timezone", "mode", "agent", "all", "project", "breakdown",
                                     "instances", "order", "offline", "team"]
    static let switches: Set = ["all", "breakdown", "instances"]

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

    /// Every agent (`agent=all` or `all=1`).
    public var unified: Bool { values["agent"] == "all" || isOn("all") }

    /// One agent other than Claude Code, named before the report (`ccusage codex daily`).
    public var agent: String? {
        guard let agent = values["agent"], agent != "all", agent != "claude" else { return nil }
        return agent
    }

    /// The arguments of `ccusage <report> --json` with these options. `teamSupported`: whether this
    /// build's CLI has `--team` (the option is dropped otherwise).
    public func arguments(report: String, teamSupported: Bool = false) -> [String] {
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
        if teamSupported, let team = values["team"] { words.append("--team=\(team)") }
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
