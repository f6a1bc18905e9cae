import Foundation

/// A problem with a configuration file: always names the file and, where there is one, the key.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var key: String?
    public var message: String
    public var description: String {
        "Invalid configuration file \(path)" + (key.map { ": '\($0)'" } ?? "") + ": " + message
    }
}

/// One option value from a configuration file.
public enum ConfigValue: Sendable, Equatable {
    case bool(Bool), int(Int), number(Double), string(String), object([String: ConfigValue])
}

/// A parsed and validated `ccusage.json`.
///
/// ```json
/// { "$schema": "…", "defaults": { "timezone": "Asia/Tokyo" },
///   "commands": { "daily": { "instances": true } }, "claude": { "defaults": {}, "commands": {} } }
/// ```
public struct ConfigFile: Sendable, Equatable {
    public var path: String
    public var defaults: [String: ConfigValue]
    public var commands: [String: [String: ConfigValue]]
    public var claudeDefaults: [String: ConfigValue]
    public var claudeCommands: [String: [String: ConfigValue]]
    /// Other agents' sections (`codex.defaults`, `codex.commands.daily`) and their `commands["codex daily"]` /
    /// `commands["codex:daily"]` entries, by agent id.
    public var agentDefaults: [String: [String: ConfigValue]] = [:]
    public var agentCommands: [String: [String: [String: ConfigValue]]] = [:]
    public var agentCommandEntries: [String: [String: ConfigValue]] = [:]
    /// `team.url`: the team database (`ccusage sync`, `--team`); read by ccusage-team only.
    public var teamURL: String?
    /// Keys that were ignored because no option has that name (reported as warnings).
    public var unknownKeys: [String]

    public static let commandNames = ["daily", "weekly", "monthly", "session", "blocks", "statusline"]
    /// Agents other than Claude with config sections, and their reports.
    public static let agentReports: [String: [String]] = ["codex": ["daily", "monthly", "session"]]

    typealias Kind = ConfigKeys.Kind
    static var shared: [String: Kind] { ConfigKeys.shared }
    static var perCommand: [String: [String: Kind]] { ConfigKeys.perCommand }

    /// Reads and validates the file; every problem is a `ConfigError` naming the file and key.
    public static func load(path: String) throws -> ConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(path: path, key: nil, message: "the file cannot be read")
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            // Foundation names neither line nor column: find them ourselves.
            if let syntax = JSONSyntax.firstError(in: [UInt8](data)) {
                throw ConfigError(path: path, key: nil, message: "not valid JSON at \(syntax)")
            }
            throw ConfigError(path: path, key: nil, message: "not valid JSON (\(error.localizedDescription))")
        }
        guard let object = root as? [String: Any] else {
            throw ConfigError(path: path, key: nil, message: "the top level must be a JSON object")
        }
        var file = ConfigFile(path: path, defaults: [:], commands: [:], claudeDefaults: [:], claudeCommands: [:],
                              unknownKeys: [])
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "$schema":
                guard value is String else { throw ConfigError(path: path, key: key, message: "must be a string") }
            case "defaults":
                file.defaults = try section(value, name: "defaults", command: nil, path: path, unknown: &file.unknownKeys)
            case "commands":
                file.commands = try commandSections(value, name: "commands", path: path, unknown: &file.unknownKeys)
            case "team":
                guard let team = value as? [String: Any], team.keys.allSatisfy({ $0 == "url" }),
                      team["url"] == nil || team["url"] is String else {
                    throw ConfigError(path: path, key: key, message: "must be an object with a string 'url'")
                }
                file.teamURL = team["url"] as? String
            case "claude":
                guard let claude = value as? [String: Any] else {
                    throw ConfigError(path: path, key: key, message: "must be an object")
                }
                for (sub, subValue) in claude.sorted(by: { $0.key < $1.key }) {
                    switch sub {
                    case "defaults":
                        file.claudeDefaults = try section(subValue, name: "claude.defaults", command: nil, path: path,
                                                          unknown: &file.unknownKeys)
                    case "commands":
                        file.claudeCommands = try commandSections(subValue, name: "claude.commands", path: path,
                                                                  unknown: &file.unknownKeys)
                    default: file.unknownKeys.append("claude." + sub)
                    }
                }
            case let agent where agentReports[agent] != nil:
                guard let section = value as? [String: Any] else {
                    throw ConfigError(path: path, key: key, message: "must be an object")
                }
                for (sub, subValue) in section.sorted(by: { $0.key < $1.key }) {
                    switch sub {
                    case "defaults":
                        file.agentDefaults[agent] = try self.section(subValue, name: agent + ".defaults", command: nil,
                                                                     path: path, unknown: &file.unknownKeys)
                    case "commands":
                        file.agentCommands[agent] = try commandSections(subValue, name: agent + ".commands", path: path,
                                                                        unknown: &file.unknownKeys)
                    default: file.unknownKeys.append(agent + "." + sub)
                    }
                }
            default: file.unknownKeys.append(key)
            }
        }
        if let commands = object["commands"] as? [String: Any] {
            for (raw, value) in commands.sorted(by: { $0.key < $1.key }) {
                for (agent, reports) in agentReports {
                    for separator in [" ", ":"] {
                        guard raw.hasPrefix(agent + separator) else { continue }
                        let report = String(raw.dropFirst(agent.count + 1))
                        guard reports.contains(report) else { continue }
                        file.agentCommandEntries[raw] = try section(value, name: "commands." + raw, command: report,
                                                                    path: path, unknown: &file.unknownKeys)
                        file.unknownKeys.removeAll { $0 == "commands." + raw }
                    }
                }
            }
        }
        return file
    }

    static func commandSections(_ value: Any, name: String, path: String,
                                unknown: inout [String]) throws -> [String: [String: ConfigValue]] {
        guard let object = value as? [String: Any] else {
            throw ConfigError(path: path, key: name, message: "must be an object")
        }
        var out: [String: [String: ConfigValue]] = [:]
        for (raw, section) in object.sorted(by: { $0.key < $1.key }) {
            // HEAD also accepts "claude daily" and "claude:daily".
            var command = raw
            for prefix in ["claude ", "claude:"] where command.hasPrefix(prefix) { command = String(command.dropFirst(prefix.count)) }
            guard commandNames.contains(command) else { unknown.append(name + "." + raw); continue }
            out[command] = try self.section(section, name: name + "." + raw, command: command, path: path, unknown: &unknown)
        }
        return out
    }

    static func section(_ value: Any, name: String, command: String?, path: String,
                        unknown: inout [String]) throws -> [String: ConfigValue] {
        guard let object = value as? [String: Any] else {
            throw ConfigError(path: path, key: name, message: "must be an object")
        }
        var out: [String: ConfigValue] = [:]
        for (key, raw) in object.sorted(by: { $0.key < $1.key }) {
            let full = name + "." + key
            var kind = shared[key]
            if let command {
                kind = perCommand[command]?[key] ?? kind
            } else if kind == nil {
                kind = perCommand.values.lazy.compactMap { $0[key] }.first
            }
            guard let kind else { unknown.append(full); continue }
            out[key] = try convert(raw, kind: kind, key: full, path: path)
        }
        return out
    }

    static func convert(_ raw: Any, kind: Kind, key: String, path: String) throws -> ConfigValue {
        func fail(_ message: String) -> ConfigError { ConfigError(path: path, key: key, message: message) }
        let isBool = isJSONBool(raw)
        switch kind {
        case .bool:
            guard isBool, let b = raw as? Bool else { throw fail("must be true or false") }
            return .bool(b)
        case .int:
            guard !isBool, let n = raw as? NSNumber, let i = Int(exactly: n.doubleValue) else {
                throw fail("must be a whole number")
            }
            return .int(i)
        case .number:
            guard !isBool, let n = raw as? NSNumber, n.doubleValue.isFinite else { throw fail("must be a number") }
            return .number(n.doubleValue)
        case .string:
            guard let s = raw as? String else { throw fail("must be a string") }
            return .string(s)
        case .date:
            guard let s = raw as? String, CalendarDay(s) != nil else {
                throw fail("must be a date string YYYYMMDD or YYYY-MM-DD")
            }
            return .string(s)
        case .zone:
            guard let s = raw as? String else { throw fail("must be an IANA time zone name") }
            guard ReportZone(identifier: s) != nil else { throw fail("unknown time zone '\(s)'") }
            return .string(s)
        case .tokenLimit:
            if let s = raw as? String, s == "max" || Int(s).map({ $0 >= 0 }) == true { return .string(s) }
            if !isBool, let n = raw as? NSNumber, let i = Int(exactly: n.doubleValue), i >= 0 { return .string(String(i)) }
            throw fail("must be a whole number or \"max\"")
        case .object:
            guard let object = raw as? [String: Any] else { throw fail("must be an object") }
            var out: [String: ConfigValue] = [:]
            for (k, v) in object {
                if let s = v as? String { out[k] = .string(s) }
                else if isJSONBool(v), let b = v as? Bool { out[k] = .bool(b) }
                else if let n = v as? NSNumber { out[k] = .number(n.doubleValue) }
                else if v is [String: Any] { out[k] = try convert(v, kind: .object, key: key + "." + k, path: path) }
                else { throw fail("unsupported value for '\(k)'") }
            }
            return .object(out)
        case .enumeration(let allowed):
            guard let s = raw as? String, allowed.contains(s) else {
                throw fail("must be one of " + allowed.joined(separator: ", "))
            }
            return .string(s)
        }
    }

    /// The options for one command: `defaults` < `commands.<cmd>` < `claude.defaults` < `claude.commands.<cmd>`.
    /// Another agent's report (`"codex daily"`): `defaults` < `commands["codex daily"]` < `commands.daily` <
    /// `commands["codex:daily"]` < `codex.defaults` < `codex.commands.daily`.
    public func options(for command: String) -> [String: ConfigValue] {
        let words = command.split(separator: " ").map(String.init)
        if words.count == 2, let agent = words.first, ConfigFile.agentReports[agent] != nil {
            let report = words[1]
            var merged = defaults
            for layer in [agentCommandEntries[agent + " " + report] ?? [:], commands[report] ?? [:],
                          agentCommandEntries[agent + ":" + report] ?? [:], agentDefaults[agent] ?? [:],
                          agentCommands[agent]?[report] ?? [:]] {
                merged.merge(layer) { $1 }
            }
            return merged
        }
        var merged = defaults
        for layer in [commands[command] ?? [:], claudeDefaults, claudeCommands[command] ?? [:]] {
            merged.merge(layer) { $1 }
        }
        return merged
    }

    /// `--config PATH` alone, else the first existing file of: `./.ccusage/ccusage.json`, then
    /// `<dir>/ccusage.json` for each `CLAUDE_CONFIG_DIR` entry, or `~/.config/claude` and `~/.claude`.
    public static func candidates(_ env: Environment) -> [String] {
        var out = [env.currentDirectory + "/.ccusage/ccusage.json"]
        let entries = (env.variables["CLAUDE_CONFIG_DIR"] ?? "").split(separator: ",").map { String($0).trimmed }
            .filter { !$0.isEmpty }
        if entries.isEmpty {
            let xdg = env.variables["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? env.home + "/.config"
            out += [xdg + "/claude/ccusage.json", env.home + "/.claude/ccusage.json"]
        } else {
            out += entries.map { Discovery.expand($0, env) + "/ccusage.json" }
        }
        return out
    }
}

/// True when a JSONSerialization value is a JSON boolean (on Linux both come back as NSNumber).
func isJSONBool(_ value: Any) -> Bool {
    guard let n = value as? NSNumber else { return value is Bool }
    return String(cString: n.objCType) == "c"
}
