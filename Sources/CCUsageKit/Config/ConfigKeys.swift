/// The one table of configuration keys: which keys `ccusage.json` accepts, for which commands, and of which
/// type. `ConfigFile` validates against it, the resolver reads only these keys, and a test checks it against
/// `config-schema.json` (the schema's `options` and per-command definitions hold exactly these keys).
public enum ConfigKeys {
    /// The type a key's value must have; a value of another type is an error naming the file and the key.
    public enum Kind: Sendable, Equatable {
        case bool, int, number, string, date, zone, tokenLimit, object, enumeration([String])
    }

    /// Keys every command (and `defaults`) accepts.
    public static let shared: [String: Kind] = [
        "since": .date, "until": .date, "json": .bool, "mode": .enumeration(["auto", "calculate", "display"]),
        "debug": .bool, "debugSamples": .int, "order": .enumeration(["asc", "desc"]), "breakdown": .bool,
        "offline": .bool, "noOffline": .bool, "color": .bool, "noColor": .bool, "timezone": .zone,
        "jq": .string, "compact": .bool, "noCost": .bool, "singleThread": .bool,
        "noCache": .bool, "pricingOverrides": .object, "speed": .enumeration(["auto", "standard", "fast"]), "all": .bool,
    ]

    /// Keys of one command (also accepted in `defaults`, where they apply to that command).
    public static let perCommand: [String: [String: Kind]] = [
        "daily": ["instances": .bool, "project": .string, "projectAliases": .string],
        "weekly": ["startOfWeek": .enumeration(["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]),
                   "instances": .bool, "project": .string],
        "monthly": ["instances": .bool, "project": .string],
        "session": ["id": .string],
        "blocks": ["active": .bool, "recent": .bool, "tokenLimit": .tokenLimit, "sessionLength": .number,
                   "live": .bool, "refreshInterval": .number],
        "statusline": ["visualBurnRate": .enumeration(["off", "emoji", "text", "emoji-text"]),
                       "costSource": .enumeration(["auto", "ccusage", "cc", "both"]), "cache": .bool, "noCache": .bool,
                       "refreshInterval": .number, "contextLowThreshold": .int, "contextMediumThreshold": .int,
                       "modelLabelAliases": .object, "rateLimits": .bool],
    ]

    /// Keys other ccusage versions accept that this one deliberately does not read, with the reason the
    /// warning gives. They are not in the schema; like any unknown key they are ignored with a warning.
    public static let unsupported: [String: String] = [
        "locale": "dates are always YYYY-MM-DD and times US style, whatever the locale",
    ]

    /// The keys `command` accepts, with their types (a command's own type wins over a shared one).
    public static func keys(for command: String) -> [String: Kind] {
        shared.merging(perCommand[command] ?? [:]) { $1 }
    }

    /// The warning for a key `ConfigFile` ignored (`defaults.locale`, `commands.daily.foo`).
    public static func ignoredKeyWarning(_ key: String, path: String) -> String {
        let last = key.split(separator: ".").last.map(String.init) ?? key
        if let reason = unsupported[last] {
            return "warning: \(path): '\(key)' is not supported (\(reason)); ignored"
        }
        return "warning: \(path): unknown key '\(key)' ignored"
    }
}
