import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-session semaphore file `<tmpdir>/ccusage-semaphore/<session_id>.lock`: the last line printed and
/// when, so a burst of hook calls reuses one computation.
public struct StatuslineCacheState: Codable, Sendable, Equatable {
    /// ISO-8601 time of the last update.
    public var date: String
    public var lastOutput: String
    /// Milliseconds since the epoch.
    public var lastUpdateTime: Int64
    public var transcriptPath: String
    /// The transcript's modification time (ms) when `lastOutput` was computed.
    public var transcriptMtime: Int64
    public var isUpdating: Bool?
    public var pid: Int32?
    /// The options `lastOutput` was rendered with (see `StatuslineCache.optionsKey`): a line made with other
    /// options (`--cost-source`, `--visual-burn-rate`, …) is never reused.
    public var options: String?

    public init(date: String, lastOutput: String, lastUpdateTime: Int64, transcriptPath: String,
                transcriptMtime: Int64, isUpdating: Bool? = nil, pid: Int32? = nil, options: String? = nil) {
        self.date = date; self.lastOutput = lastOutput; self.lastUpdateTime = lastUpdateTime
        self.transcriptPath = transcriptPath; self.transcriptMtime = transcriptMtime
        self.isUpdating = isUpdating; self.pid = pid; self.options = options
    }
}

public enum StatuslineCache {
    public enum Decision: Sendable, Equatable {
        /// Print this cached line and stop.
        case reuse(String)
        /// Compute a fresh line.
        case compute
    }

    /// Reuse the last line when it was rendered with the same `options`, is younger than the refresh interval
    /// and the transcript has not changed since; when it is stale but another live process is already
    /// computing it (with the same options), reuse it too.
    public static func decide(_ state: StatuslineCacheState?, now: Int64, refreshSeconds: Double,
                              transcriptPath: String, transcriptMtime: Int64, options: String? = nil,
                              isAlive: (Int32) -> Bool) -> Decision {
        guard let state, !state.lastOutput.isEmpty, state.options == options else { return .compute }
        let age = now - state.lastUpdateTime
        if age >= 0, Double(age) < refreshSeconds * 1000, state.transcriptMtime == transcriptMtime,
           state.transcriptPath == transcriptPath {
            return .reuse(state.lastOutput)
        }
        if state.isUpdating == true, let pid = state.pid, pid > 0, isAlive(pid) { return .reuse(state.lastOutput) }
        return .compute
    }

    /// Everything besides the data that shapes the line, as one string: the format (cost source, burn-rate
    /// style, context thresholds and whatever else it holds), the model label, the time zone, colour, whether
    /// prices may be fetched, and the price overrides.
    public static func optionsKey(format: StatuslineFormat, label: String, zone: String, colors: Bool, online: Bool,
                                  overrides: [String: [String: Double]]) -> String {
        let prices = overrides.sorted { $0.key < $1.key }.map { model, rates in
            model + ":" + rates.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        }
        return ["\(format)", "label=\(label)", "zone=\(zone)", "colors=\(colors)", "online=\(online)",
                "prices=" + prices.joined(separator: ";")].joined(separator: "|")
    }

    /// `<tmpdir>/ccusage-semaphore` (see `CacheLocation`).
    public static func directory(tmp: String) -> String { CacheLocation.statuslineDirectory(tmp: tmp) }

    /// `<session_id>.lock` when the id is a plain file name (letters, digits, `.`, `_`, `-`); otherwise the
    /// safe characters of it plus a hash, so no id can reach outside the directory or collide with another.
    public static func fileName(sessionID: String) -> String {
        func plain(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_"
        }
        if sessionID.unicodeScalars.allSatisfy({ plain($0) || $0 == "." }), !sessionID.isEmpty,
           !sessionID.hasPrefix("."), sessionID.utf8.count <= 128 {
            return sessionID + ".lock"
        }
        var kept = ""
        for scalar in sessionID.unicodeScalars.prefix(64) { kept.unicodeScalars.append(plain(scalar) ? scalar : "_") }
        var copy = sessionID
        let hash = copy.withUTF8 { Hashing.pair($0).0 }
        let hex = String(hash, radix: 16)
        return (kept.isEmpty ? "session" : kept) + "-" + String(repeating: "0", count: 16 - hex.count) + hex + ".lock"
    }

    /// Makes the directory (mode 0700) and checks that it is a real directory owned by `uid`; nil when the
    /// cache cannot be used safely (then the status line is computed without it).
    public static func prepareDirectory(_ path: String, uid: UInt32) -> String? {
        if mkdir(path, 0o700) != 0, errno != EEXIST { return nil }
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR, st.st_uid == uid else { return nil }
        return path
    }

    /// The stored state; nil when absent, unreadable or not ours (a symlink is never followed).
    public static func read(directory: String, sessionID: String) -> StatuslineCacheState? {
        let path = directory + "/" + fileName(sessionID: sessionID)
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        while bytes.count < 1 << 20 {
            let n = buffer.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            bytes += buffer[0..<n]
        }
        return try? JSONDecoder().decode(StatuslineCacheState.self, from: Data(bytes))
    }

    /// Replaces the state atomically: a private temp file in the same directory, then `rename`.
    /// Returns false (and leaves nothing behind) when that is not possible.
    @discardableResult
    public static func write(_ state: StatuslineCacheState, directory: String, sessionID: String) -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(state) else { return false }
        return CacheWriter.writeAtomically([[UInt8](data)], to: directory + "/" + fileName(sessionID: sessionID),
                                           createDirectory: false)
    }
}

