import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One rollout or exec-log file found under a Codex home.
public struct CodexFile: Sendable, Equatable {
    public var path: String
    /// Path relative to its source directory without the final `.jsonl`: the session id (07-codex §10).
    public var sessionID: String
    /// Modification time in milliseconds (exec lines without a timestamp are dated by it).
    public var modifiedMillis: Int64
    public var size: Int64
    /// The inode when listed: a file replaced under the same name is not the cached one (`CodexScanCache`).
    public var inode: UInt64 = 0
}

/// Where Codex usage lives (07-codex §2–§3): the homes named by `CODEX_HOME` (default `~/.codex`), their
/// `sessions/` and `archived_sessions/` (or the home itself), and every `*.jsonl` below. Only reads.
public enum CodexDiscovery {
    /// `CODEX_HOME` split at `,` and trimmed (set but empty: no homes), else `$HOME/.codex`.
    public static func homes(_ env: Environment) -> [String] {
        if let value = env.variables["CODEX_HOME"] {
            return value.split(separator: ",", omittingEmptySubsequences: false)
                .map { String($0).unicodeTrimmed }.filter { !$0.isEmpty }
                .map { Discovery.expand($0, env) }
        }
        return [env.home + "/.codex"]
    }

    /// The directories scanned, in order: `<home>/sessions`, `<home>/archived_sessions`, or the home itself when
    /// it has neither. Each listed once (compared component-wise).
    public static func sources(homes: [String]) -> [(home: String, path: String)] {
        var out: [(home: String, path: String)] = []
        var seen = Set<[String]>()
        func add(_ home: String, _ path: String) {
            let key = components(path)
            if seen.insert(key).inserted { out.append((home, path)) }
        }
        for home in homes {
            let sessions = home + "/sessions", archived = home + "/archived_sessions"
            let hasSessions = isDirectory(sessions), hasArchived = isDirectory(archived)
            if hasSessions { add(home, sessions) }
            if hasArchived { add(home, archived) }
            if !hasSessions && !hasArchived { add(home, home) }
        }
        return out
    }

    /// Every file in processing order: sources in order, each source's files in component-wise path order. A file
    /// whose (home, relative path) was already seen — an archived copy at an active file's path — is skipped.
    public static func files(homes: [String]) -> [CodexFile] {
        var out: [CodexFile] = []
        var seen = Set<[String]>()
        for source in sources(homes: homes) {
            var found: [(relative: [String], file: CodexFile)] = []
            walk(source.path, relative: [], into: &found)
            // Component-wise byte order is the byte order of the components joined by a NUL (no name has one,
            // and it sorts below every other byte): one memcmp per comparison instead of nested generic walks.
            let keys = found.map { entry -> [UInt8] in
                var key: [UInt8] = []
                for (i, component) in entry.relative.enumerated() {
                    if i > 0 { key.append(0) }
                    key += component.utf8
                }
                return key
            }
            let order = found.indices.sorted { bytesPrecede(keys[$0], keys[$1]) }
            for index in order where seen.insert([source.home] + found[index].relative).inserted {
                out.append(found[index].file)
            }
        }
        return out
    }

    /// Byte order, a prefix first.
    static func bytesPrecede(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let common = min(a.count, b.count)
        let order = a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y -> Int32 in
                guard common > 0, let xs = x.baseAddress, let ys = y.baseAddress else { return 0 }
                return memcmp(xs, ys, common)
            }
        }
        return order != 0 ? order < 0 : a.count < b.count
    }

    /// The session id of a relative path: components joined by `/`, the final `.jsonl` removed.
    static func sessionID(_ relative: [String]) -> String {
        var parts = relative
        if let last = parts.last, last.hasSuffix(".jsonl") { parts[parts.count - 1] = String(last.dropLast(6)) }
        let id = parts.joined(separator: "/")
        return id.isEmpty ? "unknown" : id
    }

    private static func walk(_ directory: String, relative: [String], into found: inout [(relative: [String], file: CodexFile)]) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = directory + "/" + name
            var st = stat()
            // `lstat(path)` without walking the path again: relative to the open folder.
            guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let type = st.st_mode & S_IFMT
            if type == S_IFDIR {
                walk(path, relative: relative + [name], into: &found)
            } else if type == S_IFREG, hasJSONLExtension(name) {
                let parts = relative + [name]
                #if os(Linux)
                let mtime = Int64(st.st_mtim.tv_sec) * 1000 + Int64(st.st_mtim.tv_nsec) / 1_000_000
                #else
                let mtime = Int64(st.st_mtimespec.tv_sec) * 1000 + Int64(st.st_mtimespec.tv_nsec) / 1_000_000
                #endif
                found.append((parts, CodexFile(path: path, sessionID: sessionID(parts), modifiedMillis: mtime,
                                               size: Int64(st.st_size), inode: UInt64(st.st_ino))))
            }
        }
    }

    /// The extension (after the last `.`, a leading dot alone is not one) is exactly `jsonl`.
    static func hasJSONLExtension(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return name[name.index(after: dot)...] == "jsonl"
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
    }

    static func components(_ path: String) -> [String] {
        path.split(separator: "/").map(String.init).filter { $0 != "." }
    }

    /// `--speed auto`: fast when any home's `config.toml` has a `service_tier` of `fast` or `priority` (§13.2).
    public static func configuresFastTier(homes: [String]) -> Bool {
        homes.contains { home in
            guard let data = FileManager.default.contents(atPath: home + "/config.toml"),
                  let text = String(data: data, encoding: .utf8) else { return false }
            return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
                .contains { line in
                    let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                    let parts = content.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    guard parts.count == 2, String(parts[0]).unicodeTrimmed == "service_tier" else { return false }
                    let value = String(parts[1]).unicodeTrimmed.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                    return value == "fast" || value == "priority"
                }
        }
    }
}
