#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import CShims

/// One transcript file and the identity its path gives it.
public struct TranscriptFile: Sendable, Equatable {
    public var path: String
    /// The directory right under `projects/` (`unknown` when absent).
    public var project: String
    /// HEAD's session id: the file stem, or the session folder of `subagents/` and nested files.
    public var sessionID: String
    public var projectPath: String
    public var size: Int64
    public var modified: Int64
    /// Modification and status-change times (ns) mixed: caches compare it to notice any rewrite, even one
    /// that kept the size and set the modification time back (the status-change time cannot be set).
    public var stamp: Int64
    public var inode: UInt64
    /// The agent whose data this is.
    public var source: SourceID = .claude

    public init(path: String, project: String, sessionID: String, projectPath: String,
                size: Int64 = 0, modified: Int64 = 0, inode: UInt64 = 0) {
        self.path = path; self.project = project; self.sessionID = sessionID
        self.projectPath = projectPath; self.size = size; self.modified = modified; self.inode = inode
        self.stamp = modified
    }

    /// Derives project and session from the segments below `projects/` (the last is the file name).
    public init(path: String, relativeSegments rel: [String], size: Int64 = 0, modified: Int64 = 0,
                inode: UInt64 = 0) {
        let name = rel.last ?? path
        let stem = name.hasSuffix(".jsonl") ? String(name.dropLast(6)) : name
        var project = rel.count >= 2 ? rel[0] : "unknown"
        if project.trimmed.isEmpty { project = "unknown" }
        var session = stem, projectPath = project
        if rel.count >= 3 {
            if let sub = rel.dropLast().lastIndex(of: "subagents"), sub >= 2 {
                session = rel[sub - 1]
                projectPath = rel[0..<(sub - 1)].joined(separator: "/")
            } else {
                session = rel[rel.count - 2]
                projectPath = rel[0..<(rel.count - 2)].joined(separator: "/")
            }
        }
        self.init(path: path, project: project, sessionID: session, projectPath: projectPath,
                  size: size, modified: modified, inode: inode)
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    public var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
        return String(s)
    }
}

/// Something that could not be read; reported, never fatal.
public struct LoadProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable { case unreadableDirectory, unreadableFile, invalidDataDirectory, symlinkLoop, archive }
    public var kind: Kind
    public var path: String
    public var reason: String
    public init(kind: Kind, path: String, reason: String) { self.kind = kind; self.path = path; self.reason = reason }

    public var description: String {
        switch kind {
        case .unreadableDirectory: return "could not list directory \(path): \(reason)"
        case .unreadableFile: return "could not read \(path): \(reason)"
        case .invalidDataDirectory: return "skipped \(path): \(reason)"
        case .symlinkLoop: return "skipped \(path): \(reason)"
        case .archive: return "archive \(path): \(reason)"
        }
    }
}

/// Fatal: no data directory to read at all.
public struct NoDataDirectoryError: Error, Sendable, CustomStringConvertible {
    public var searched: [String]
    public var fromEnvironment: Bool
    public var description: String {
        if fromEnvironment {
            return "No valid Claude data directories found in CLAUDE_CONFIG_DIR (checked: "
                + searched.joined(separator: ", ")
                + "). Each entry must be a directory containing a 'projects' folder."
        }
        return "No Claude data directory found (searched: " + searched.joined(separator: ", ")
            + "). Set CLAUDE_CONFIG_DIR to the folder that holds your Claude Code 'projects' directory."
    }
}

public enum Discovery {
    /// The Claude base directories (each holding `projects/`), HEAD semantics: `CLAUDE_CONFIG_DIR` is
    /// exclusive when set; `~` is expanded; an entry naming the `projects` folder itself is accepted.
    public static func baseDirectories(_ env: Environment, problems: inout [LoadProblem]) throws -> [String] {
        let raw = env.variables["CLAUDE_CONFIG_DIR"] ?? ""
        let entries = raw.split(separator: ",").map { String($0).trimmed }
            .filter { !$0.isEmpty }
        var candidates: [String] = []
        let fromEnv = !entries.isEmpty
        if fromEnv {
            candidates = entries.map { expand($0, env) }
        } else {
            let xdg = env.variables["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? env.home + "/.config"
            candidates = [xdg + "/claude", env.home + "/.claude"]
        }
        var result: [String] = [], seen = Set<String>()
        for candidate in candidates {
            var base = candidate
            while base.count > 1, base.hasSuffix("/") { base.removeLast() }
            if isDirectory(base + "/projects") {
                // the base itself
            } else if lastComponent(base) == "projects", isDirectory(base) {
                base = parentPath(base)
            } else {
                if fromEnv {
                    let reason = isDirectory(base) ? "no 'projects' folder inside" : "not a directory"
                    problems.append(LoadProblem(kind: .invalidDataDirectory, path: candidate,
                                                reason: "CLAUDE_CONFIG_DIR entry: \(reason)"))
                }
                continue
            }
            let resolved = realPath(base) ?? base
            if seen.insert(resolved).inserted { result.append(base) }
        }
        if result.isEmpty { throw NoDataDirectoryError(searched: candidates, fromEnvironment: fromEnv) }
        return result
    }

    static func expand(_ path: String, _ env: Environment) -> String {
        if path == "~" { return env.home }
        if path.hasPrefix("~/") { return env.home + path.dropFirst(1) }
        return path
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Every `.jsonl` file under each `<base>/projects`, sorted by full path (byte order).
    /// Dot entries are included; symlinks are followed, directory cycles skipped.
    /// With `parallel`, the folders under each `projects/` are walked on all cores. With `listings`, a
    /// folder unchanged since the last walk is not listed again (see `ListingCache`); the result is the same.
    public static func transcripts(in bases: [String], project: String? = nil, parallel: Bool = true,
                                   listings: ListingCache? = nil,
                                   problems: inout [LoadProblem]) -> [TranscriptFile] {
        var files: [TranscriptFile] = []
        var listed: [(String, DirectoryListing)] = []
        var listedAgain = 0
        for base in bases {
            var root = base + "/projects"
            var prefix: [String] = []
            if let project, isSinglePathSegment(project) {
                guard isDirectory(root + "/" + project) else { continue }
                root += "/" + project
                prefix = [project]
            }
            var info = stat()
            guard stat(root, &info) == 0 else {
                problems.append(LoadProblem(kind: .unreadableDirectory, path: root, reason: String(cString: strerror(errno))))
                continue
            }
            let context = WalkContext(listings: listings, root: root, device: UInt64(info.st_dev))
            var state = WalkState()
            if parallel {
                walkInParallel(root, prefix, info, context, &state)
            } else {
                walk(root, prefix, info, context, &state)
            }
            files += state.files
            problems += state.problems
            listed += state.listed
            listedAgain += state.listedAgain
        }
        listings?.remember(listed, again: listedAgain, complete: project == nil)
        // Sort indices, not the (large) structs.
        let order = bytewiseOrder(files.map(\.path))
        return order.map { files[$0] }
    }

    static func isSinglePathSegment(_ s: String) -> Bool {
        !s.isEmpty && s != "." && s != ".." && !s.contains("/") && !s.contains("\\")
    }

    struct FileID: Hashable { let dev: UInt64, ino: UInt64 }

    /// What every folder of one walk shares: the earlier listings, and whether this file system's folder
    /// times can vouch for them.
    private struct WalkContext: @unchecked Sendable {
        let listings: ListingCache?
        /// Listings are reused only for folders on the root's device, and only when its file system keeps
        /// folder times reliably.
        let device: UInt64?

        init(listings: ListingCache?, root: String, device: UInt64) {
            self.listings = listings
            self.device = listings != nil && ccusage_trusts_directory_times(root) == 1 ? device : nil
        }

        func reusable(_ dir: String, _ info: stat) -> DirectoryListing? {
            guard let listings, let device, UInt64(info.st_dev) == device else { return nil }
            return listings.reusable(dir, info)
        }
    }

    /// One walk's results: a serial walk has one; a parallel walk one per subtree, merged after.
    private struct WalkState {
        var files: [TranscriptFile] = []
        var problems: [LoadProblem] = []
        var visited = Set<FileID>()
        /// Every folder's listing, reused or read this time, for the next walk.
        var listed: [(String, DirectoryListing)] = []
        /// Folders read this time.
        var listedAgain = 0
    }

    /// Walks the folders right under `root` on all cores (each with its own loop protection), then checks
    /// that no folder was reached from two of them (a symlink across projects); if one was, the walk is
    /// redone serially, so which path is kept never depends on thread timing. The result is the serial
    /// walk's, up to order, and `transcripts` sorts it.
    private static func walkInParallel(_ root: String, _ rel: [String], _ info: stat, _ context: WalkContext,
                                       _ state: inout WalkState) {
        var top = WalkState()
        var subtrees: [(String, [String], stat)]? = []
        walk(root, rel, info, context, &top, subtrees: &subtrees)
        let work = subtrees ?? []
        guard work.count > 1 else {
            walk(root, rel, info, context, &state)
            return
        }
        let results = ScanSlots<WalkState>(count: work.count, empty: WalkState())
        let rootVisited = top.visited
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            var result = WalkState()
            result.visited = rootVisited
            walk(work[i].0, work[i].1, work[i].2, context, &result)
            results.store(result, at: i)
        }
        let walks = results.take()
        var union = rootVisited
        var total = rootVisited.count
        for w in walks {
            total += w.visited.count - rootVisited.count
            union.formUnion(w.visited)
        }
        guard union.count == total else {
            walk(root, rel, info, context, &state)
            return
        }
        state = top
        for w in walks {
            state.files += w.files
            state.problems += w.problems
            state.listed += w.listed
            state.listedAgain += w.listedAgain
        }
    }

    /// Walks `dir` (whose `stat` is `info`) depth-first.
    private static func walk(_ dir: String, _ rel: [String], _ info: stat, _ context: WalkContext,
                             _ state: inout WalkState) {
        var none: [(String, [String], stat)]? = nil
        walk(dir, rel, info, context, &state, subtrees: &none)
    }

    /// As above; with `subtrees`, the folders inside `dir` are listed there instead of entered.
    private static func walk(_ dir: String, _ rel: [String], _ info: stat, _ context: WalkContext,
                             _ state: inout WalkState, subtrees: inout [(String, [String], stat)]?) {
        guard state.visited.insert(FileID(dev: UInt64(info.st_dev), ino: UInt64(info.st_ino))).inserted else {
            state.problems.append(LoadProblem(kind: .symlinkLoop, path: dir, reason: "directory already visited (symlink loop)"))
            return
        }
        // A folder read now has its entries looked up relative to it; a reused listing's by full path.
        var fd: Int32 = -1
        defer { if fd >= 0 { close(fd) } }
        let listing: DirectoryListing
        if let reused = context.reusable(dir, info) {
            listing = reused
        } else {
            fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0, let fresh = DirectoryListing.read(fd, info) else {
                state.problems.append(LoadProblem(kind: .unreadableDirectory, path: dir, reason: String(cString: strerror(errno))))
                return
            }
            listing = fresh
            state.listedAgain += 1
        }
        state.listed.append((dir, listing))
        // What this folder's transcripts share (project, project path, session), worked out once.
        var shared: (project: String, projectPath: String, session: String?)?
        for entry in listing.entries {
            let name = entry.name
            let isTranscript = name.hasSuffix(".jsonl")
            let path = dir + "/" + name
            var st = stat()
            guard (fd >= 0 ? fstatat(fd, name, &st, 0) : stat(path, &st)) == 0 else {
                // A dangling link or a file removed meanwhile: only worth reporting for transcripts.
                if isTranscript {
                    state.problems.append(LoadProblem(kind: .unreadableFile, path: path, reason: String(cString: strerror(errno))))
                }
                continue
            }
            let kind = st.st_mode & S_IFMT
            if kind == S_IFDIR {
                if subtrees != nil {
                    subtrees!.append((path, rel + [name], st))
                } else {
                    walk(path, rel + [name], st, context, &state)
                }
            } else if kind == S_IFREG, isTranscript {
                if shared == nil {
                    let sample = TranscriptFile(path: path, relativeSegments: rel + [name])
                    // Below a session folder the session is the folder's; higher up, each file's stem.
                    shared = (sample.project, sample.projectPath, rel.count >= 2 ? sample.sessionID : nil)
                }
                let session = shared!.session ?? String(name.dropLast(6))
                var file = TranscriptFile(path: path, project: shared!.project, sessionID: session,
                                          projectPath: shared!.projectPath, size: Int64(st.st_size),
                                          modified: st.modifiedMilliseconds, inode: UInt64(st.st_ino))
                file.stamp = st.modifiedNanoseconds ^ (st.changedNanoseconds &* 0x1E37_79B9_7F4A_7C15)
                state.files.append(file)
            }
        }
    }
}

extension stat {
    #if canImport(Darwin)
    private var modification: timespec { st_mtimespec }
    private var statusChange: timespec { st_ctimespec }
    #else
    private var modification: timespec { st_mtim }
    private var statusChange: timespec { st_ctim }
    #endif

    var modifiedMilliseconds: Int64 { Int64(modification.tv_sec) * 1000 + Int64(modification.tv_nsec) / 1_000_000 }
    var modifiedNanoseconds: Int64 { Int64(modification.tv_sec) &* 1_000_000_000 &+ Int64(modification.tv_nsec) }
    var changedNanoseconds: Int64 { Int64(statusChange.tv_sec) &* 1_000_000_000 &+ Int64(statusChange.tv_nsec) }
}

func lastComponent(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}

func parentPath(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}

/// The indices of `strings` in byte order of their UTF-8 (memcmp), compared in one contiguous buffer.
func bytewiseOrder(_ strings: [String]) -> [Int] {
    var bytes: [UInt8] = []
    var ranges: [(start: Int, count: Int)] = []
    ranges.reserveCapacity(strings.count)
    for s in strings {
        ranges.append((bytes.count, s.utf8.count))
        bytes.append(contentsOf: s.utf8)
    }
    return bytes.withUnsafeBufferPointer { buffer in
        let base = buffer.baseAddress
        return strings.indices.sorted { i, j in
            let a = ranges[i], b = ranges[j]
            let n = min(a.count, b.count)
            let c = n == 0 ? 0 : memcmp(base! + a.start, base! + b.start, n)
            return c != 0 ? c < 0 : a.count < b.count
        }
    }
}

/// Byte order of the UTF-8 paths (memcmp), the order files are processed in.
func bytewiseLess(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { pa in
        b.withUTF8 { pb in
            let n = min(pa.count, pb.count)
            let c = n == 0 ? 0 : memcmp(pa.baseAddress!, pb.baseAddress!, n)
            return c != 0 ? c < 0 : pa.count < pb.count
        }
    }
}
