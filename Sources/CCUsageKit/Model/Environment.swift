import Foundation

/// The outside world, passed in as values: the core never reads the process environment itself.
public struct Environment: Sendable {
    public var variables: [String: String]
    public var home: String
    public var currentDirectory: String
    /// Milliseconds since the epoch.
    public var now: Int64
    public var timeZone: TimeZone

    public init(variables: [String: String], home: String, currentDirectory: String = "/",
                now: Int64, timeZone: TimeZone) {
        self.variables = variables; self.home = home; self.currentDirectory = currentDirectory
        self.now = now; self.timeZone = timeZone
    }

    /// Built once by the CLI from the running process.
    public static func live() -> Environment {
        Trace.mark("arguments parsed")
        let info = ProcessInfo.processInfo
        let vars = info.environment
        var home = vars["HOME"] ?? ""
        if home.isEmpty { home = vars["USERPROFILE"] ?? "" }
        if home.isEmpty, let drive = vars["HOMEDRIVE"], let path = vars["HOMEPATH"] { home = drive + path }
        if home.isEmpty { home = NSHomeDirectory() }
        var now = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        // CCUSAGE_NOW (an ISO-8601 instant or epoch milliseconds) pins the clock, for tests and replays.
        if let pinned = vars["CCUSAGE_NOW"], !pinned.isEmpty {
            if let millis = Timestamp.parse(pinned) ?? Int64(pinned) { now = millis }
        }
        return Environment(variables: vars, home: home,
                           currentDirectory: FileManager.default.currentDirectoryPath,
                           now: now, timeZone: TimeZone.current)
    }
}
