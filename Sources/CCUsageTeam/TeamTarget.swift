import CCUsageKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-line, user-facing failure of a team command (exit code 1). Never carries the password.
public struct TeamError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ message: String) { description = message }
}

/// Where the team database is and how to log in: from `--team-url` / `CCUSAGE_TEAM_URL` / `team.url`, with
/// libpq's fallbacks (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGSSLMODE`, `PGPASSWORD`, `~/.pgpass`).
public struct TeamTarget: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var password: String?
    /// `disable`, `allow`, `prefer` (the default), `require`, `verify-ca` or `verify-full`.
    public var sslMode: String
    /// `sslrootcert`: CA certificates for `verify-ca` / `verify-full` (default: the system's).
    public var rootCertificate: String?

    /// `user@host:port/database`: how the target is named in messages (no password, ever).
    public var label: String { "\(user)@\(host):\(port)/\(database)" }

    static let sslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]

    /// Parses `postgres://[user[:password]@]host[:port][/database][?sslmode=…&sslrootcert=…]`.
    public static func resolve(url: String, env: [String: String], home: String) throws -> TeamTarget {
        let text = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://"),
              let parts = URLComponents(string: text) else {
            throw TeamError("The team database URL must look like postgres://user@host:port/database (got a value that does not).")
        }
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        var query: [String: String] = [:]
        for item in parts.queryItems ?? [] { query[item.name] = item.value ?? "" }
        let host = nonEmpty(parts.host) ?? nonEmpty(env["PGHOST"]) ?? "localhost"
        let portText = parts.port.map(String.init) ?? nonEmpty(env["PGPORT"]) ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw TeamError("The team database port '\(portText)' is not a port number.")
        }
        let login = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        let user = nonEmpty(parts.percentEncodedUser?.removingPercentEncoding) ?? nonEmpty(env["PGUSER"]) ?? login
        let path = String((parts.percentEncodedPath.removingPercentEncoding ?? "").drop { $0 == "/" })
        let database = nonEmpty(path) ?? nonEmpty(env["PGDATABASE"]) ?? user
        let sslMode = nonEmpty(query["sslmode"]) ?? nonEmpty(env["PGSSLMODE"]) ?? "prefer"
        guard sslModes.contains(sslMode) else {
            throw TeamError("Unknown sslmode '\(sslMode)'; use one of \(sslModes.joined(separator: ", ")).")
        }
        var target = TeamTarget(host: host, port: port, user: user, database: database, password: nil,
                                sslMode: sslMode, rootCertificate: nonEmpty(query["sslrootcert"]))
        target.password = parts.percentEncodedPassword?.removingPercentEncoding
            ?? env["PGPASSWORD"]
            ?? PassFile.lookup(path: env["PGPASSFILE"] ?? home + "/.pgpass", target: target)
        return target
    }
}

/// `~/.pgpass` (libpq's format): `host:port:database:user:password`, `*` matches anything, `\:` and `\\`
/// escape. Like libpq, a file readable by group or others is ignored.
enum PassFile {
    static func lookup(path: String, target: TeamTarget) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [target.host, String(target.port), target.database, target.user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    static func split(_ line: String) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for character in line {
            if escaped { current.append(character); escaped = false }
            else if character == "\\" { escaped = true }
            else if character == ":" { fields.append(current); current = "" }
            else { current.append(character) }
        }
        fields.append(current)
        return fields
    }
}
