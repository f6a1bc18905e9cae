import CShims
import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A run's first archive, written in one go: into a side file of the archive's folder with no journal and no
/// syncs (nothing else opens it), plain inserts in key order, then synced and linked into place. A run killed
/// meanwhile leaves no archive, only a side file (named after its process, removed by a later run once that
/// process is gone); an archive another run made meanwhile is never replaced (`link` does not overwrite).
extension UsageArchive {
    /// Writes a new archive at `path` holding the records of `usage` (as `store` would) when there is none:
    /// no database and no write-ahead log at `path`. Returns false, having written nothing at `path`, when
    /// there is one, now or by the time the new one is complete: the caller then stores into it.
    static func buildNew(_ usage: LoadedUsage, path: String, signature: UInt64, project: String?,
                         now: Int64) throws(ArchiveError) -> Bool {
        guard absent(path) else { return false }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard makeDirectories(folder) else {
            throw .unavailable(path: path, reason: "cannot create \(folder): \(String(cString: strerror(errno)))")
        }
        removeAbandoned(folder: folder, name: name)
        let side = "\(path).new-\(getpid())"
        removeSide(side)
        defer { removeSide(side) }   // once linked, the side name is a second name of the archive
        do {
            try fill(side, usage, signature: signature, project: project, now: now)
            Trace.mark("archive: closed")
            try sync(side)
        } catch let error as SQLiteError {
            throw ArchiveError(error, path: path)
        } catch {
            throw .unavailable(path: path, reason: "\(error)")
        }
        Trace.mark("archive: new archive complete")
        // EEXIST: another run made an archive meanwhile. Any other failure (a file system without hard
        // links): the usual way, which never replaces a file either.
        guard link(side, path) == 0 else { return false }
        let directory = open(folder, O_RDONLY)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
        return true
    }

    /// No database and no write-ahead log at `path`.
    static func absent(_ path: String) -> Bool {
        access(path, F_OK) != 0 && errno == ENOENT && access(path + "-wal", F_OK) != 0 && errno == ENOENT
    }

    /// Creates `side` with the schema and the events; closed (so complete on disk) when this returns.
    private static func fill(_ side: String, _ usage: LoadedUsage, signature: UInt64, project: String?,
                             now: Int64) throws {
        var direct: DirectEvents?
        var roots: [String: UInt32] = [:]
        do {
            let archive = try UsageArchive(path: side, building: true)
            Trace.mark("archive: side file made")
            // The schema is on disk (no journal): the events can be written as pages (`ArchiveBTree.swift`).
            let pagesFit = try archive.eventsMatchPages()
            direct = UsageArchive.directPages && pagesFit ? SideFile.inspect(side).map(DirectEvents.init) : nil
            // Rows inserted through SQL: every so many rows those written so far are committed (no journal: a
            // plain write) and the disk starts on them, so the closing `fsync` waits only for the last ones.
            let pages = open(side, O_RDONLY | O_CLOEXEC)
            defer { if pages >= 0 { close(pages) } }
            try archive.db.transaction {
                try archive.storeFiles(usage, project: project, now: now, fresh: true, checkpoint: {
                    try archive.db.execute("COMMIT; BEGIN IMMEDIATE")
                    if pages >= 0 { _ = ccusage_start_writeback(pages) }
                }, direct: direct)
                try archive.setMeta("live_signature", Int64(bitPattern: signature))
            }
            if direct?.filled == true {
                let tables = try archive.db.prepare(
                    "SELECT name, rootpage FROM sqlite_master WHERE name IN ('events', 'events_placed')")
                while try tables.step() { roots[tables.text(0) ?? ""] = UInt32(truncatingIfNeeded: tables.int64(1)) }
            }
        }   // closed: SQLite has written every page
        if let direct, direct.filled {
            guard let file = SideFile.inspect(side), let events = roots["events"], let placed = roots["events_placed"] else {
                throw SQLiteError(code: SQLITE_INTERNAL, message: "the new archive changed while its events were encoded")
            }
            try file.write([(direct.events, events), (direct.placed, placed)])
        }
        Trace.mark("archive: events written")
        // Later runs open it in WAL mode, as every archive (switching needs no other connection: now).
        try SQLiteDatabase(path: side, mode: .readWrite).execute("PRAGMA journal_mode=WAL")
        Trace.mark("archive: WAL mode")
    }

    private static func sync(_ side: String) throws {
        let fd = open(side, O_RDONLY)
        guard fd >= 0 else { throw SQLiteError(code: SQLITE_CANTOPEN, message: String(cString: strerror(errno))) }
        defer { close(fd) }
        guard fsync(fd) == 0 else {
            throw SQLiteError(code: errno == ENOSPC ? SQLITE_FULL : SQLITE_IOERR, message: String(cString: strerror(errno)))
        }
    }

    private static func removeSide(_ side: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(side + suffix) }
    }

    /// Removes the side files of runs that are gone (killed while building `name`).
    private static func removeAbandoned(folder: String, name: String) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        let prefix = name + ".new-"
        while let entry = readdir(dir) {
            let file = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard file.hasPrefix(prefix) else { continue }
            let digits = file.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
            guard let pid = pid_t(digits), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(folder + "/" + file)
        }
    }
}
