import Foundation

/// Data locations of the store agents (10-agents-stores §1.8).
enum StorePaths {
    static let noHome = "home directory is not set"

    /// The home directory, nil when it is not set.
    static func home(_ env: Environment) -> String? { env.home.isEmpty ? nil : env.home }

    /// A comma-separated variable: when set (even empty), its trimmed non-empty parts that are existing
    /// directories, deduplicated in order, and never the default; nil when the variable is unset.
    static func list(_ env: Environment, _ variable: String) -> [String]? {
        guard let value = env.variables[variable] else { return nil }
        var seen = Set<String>(), out: [String] = []
        for part in value.split(separator: ",", omittingEmptySubsequences: false) {
            let path = part.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty, isDirectory(path), seen.insert(path).inserted else { continue }
            out.append(path)
        }
        return out
    }

    /// The directories of `variable`, else `home + defaultRelative` when it is a directory. Throws the
    /// "home directory is not set" message when the default is needed and there is no home.
    static func directories(_ env: Environment, _ variable: String, _ defaultRelative: String) -> Result<[String], StoreFailure> {
        if let listed = list(env, variable) { return .success(listed) }
        guard let home = home(env) else { return .failure(StoreFailure(noHome)) }
        let path = join(home, defaultRelative)
        return .success(isDirectory(path) ? [path] : [])
    }

    static func join(_ base: String, _ relative: String) -> String {
        base.hasSuffix("/") ? base + relative : base + "/" + relative
    }

    static func isDirectory(_ path: String) -> Bool {
        var dir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
    }

    static func isFile(_ path: String) -> Bool {
        var dir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && !dir.boolValue
    }

    /// The path with symlinks resolved (the path itself when it cannot be resolved).
    static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Every regular file under `root` (recursively, symlinked files and folders skipped) whose name
    /// satisfies `accept`, in directory-listing order.
    static func files(under root: String, _ accept: (String) -> Bool) -> [String] {
        var out: [String] = []
        var stack = [root]
        while let dir = stack.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for name in names {
                let path = join(dir, name)
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: stack.append(path)
                case S_IFREG where accept(name): out.append(path)
                default: break
                }
            }
        }
        return out
    }

    /// The file's modification time in ms (nil when it cannot be read).
    static func modified(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if os(Linux)
        return Int64(info.st_mtim.tv_sec) * 1000 + Int64(info.st_mtim.tv_nsec) / 1_000_000
        #else
        return Int64(info.st_mtimespec.tv_sec) * 1000 + Int64(info.st_mtimespec.tv_nsec) / 1_000_000
        #endif
    }

    static func fileSize(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }
}

/// Why an agent's whole load could not run (no home directory): reported as its one issue.
struct StoreFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }

    var load: AgentLoad { AgentLoad(issues: [AgentIssue(.unreadable, path: "", detail: message)]) }
}

extension Result where Success == [String], Failure == StoreFailure {
    /// The locations discovery found, with `load` marked found when there are any; nil with `load` holding the
    /// one issue that says why nothing could be looked for (no home directory, say).
    func found(else load: inout AgentLoad) -> [String]? {
        switch self {
        case .success(let found):
            load.found = !found.isEmpty
            return found
        case .failure(let failure):
            load = failure.load
            return nil
        }
    }
}
