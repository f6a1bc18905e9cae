import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeping the archive current, and adding its events whose transcript lines are gone to a load.
extension UsageArchive {
    /// The event columns, in the order `upsert` binds and `readEvents` reads them.
    static let eventColumns = "key1, key2, key3, file, time, model, input, output, cache_creation, cache_read, "
        + "cache_creation_1h, cost, flags, session_id, version, limit_reset, place, seq"

    /// Insert, or replace the stored copy only when this one is better by the loader's rule (non-sidechain
    /// beats sidechain, then more tokens, then a higher logged cost, then a `speed` field), or is as good
    /// and the stored one's transcript is gone. An equal copy leaves the row untouched.
    static let upsertSQL = """
        INSERT INTO events(\(eventColumns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
        ON CONFLICT(key1, key2, key3) DO UPDATE SET file = excluded.file, time = excluded.time,
            model = excluded.model, input = excluded.input, output = excluded.output,
            cache_creation = excluded.cache_creation, cache_read = excluded.cache_read,
            cache_creation_1h = excluded.cache_creation_1h, cost = excluded.cost, flags = excluded.flags,
            session_id = excluded.session_id, version = excluded.version, limit_reset = excluded.limit_reset,
            place = excluded.place, seq = excluded.seq
        WHERE (excluded.flags & 4) < (events.flags & 4)
           OR ((excluded.flags & 4) = (events.flags & 4) AND (
                excluded.input + excluded.output + excluded.cache_creation + excluded.cache_read
                    > events.input + events.output + events.cache_creation + events.cache_read
             OR (excluded.input + excluded.output + excluded.cache_creation + excluded.cache_read
                    = events.input + events.output + events.cache_creation + events.cache_read
                 AND (coalesce(excluded.cost, 0) > coalesce(events.cost, 0)
                   OR (coalesce(excluded.cost, 0) = coalesce(events.cost, 0)
                       AND ((excluded.flags & 2) > (events.flags & 2)
                         OR ((excluded.flags & 2) = (events.flags & 2) AND excluded.file != events.file
                             AND (SELECT gone FROM files WHERE id = events.file) != 0)))))))
        """

    private struct FileRow { var id: Int64; var path: String; var size: Int64; var stamp: Int64; var inode: Int64
                             var project: String }

    /// Stores the deduplicated records of a load: new and changed transcripts' records are upserted (an
    /// unchanged transcript's are not looked at), transcripts that no longer exist are marked gone, and a
    /// rewritten (shrunk or replaced) transcript's earlier row is kept as gone with its events. Returns
    /// false without writing when the archive already holds this exact set of files (`signature`).
    /// `project`: the load saw only that project's files.
    @discardableResult
    public func store(_ usage: LoadedUsage, signature: UInt64, project: String?, now: Int64) throws(ArchiveError) -> Bool {
        do {
            let stored = Int64(bitPattern: signature)
            if try meta("live_signature") == stored { return false }
            return try db.transaction {
                // Another run may have stored the same files while this one waited for the write lock.
                if try meta("live_signature") == stored { return false }
                // An archive with no events yet (made by a run that saw none) is filled as a new one is: no
                // other run can add any while this transaction holds the write lock.
                let empty = try db.integer("SELECT NOT EXISTS(SELECT 1 FROM events)") == 1
                try storeFiles(usage, project: project, now: now, fresh: empty)
                try setMeta("live_signature", stored)
                Trace.mark("archive: events written")
                return true
            }
        } catch let error as ArchiveError {
            throw error
        } catch let error as SQLiteError {
            throw ArchiveError(error, path: path)
        } catch {
            throw .unavailable(path: path, reason: "\(error)")
        }
    }

    /// `fresh`: the archive holds no events, so events are inserted without looking for stored copies.
    /// `checkpoint`, `direct`: see `writeEvents`.
    func storeFiles(_ usage: LoadedUsage, project: String?, now: Int64, fresh: Bool = false,
                    checkpoint: (() throws -> Void)? = nil, direct: DirectEvents? = nil) throws {
        var present: [String: FileRow] = [:]
        let rows = try db.prepare("SELECT id, path, size, stamp, inode, project FROM files WHERE gone = 0")
        while try rows.step() {
            let row = FileRow(id: rows.int64(0), path: rows.text(1) ?? "", size: rows.int64(2), stamp: rows.int64(3),
                              inode: rows.int64(4), project: rows.text(5) ?? "")
            present[row.path] = row
        }
        let retire = try db.prepare("UPDATE files SET gone = ? WHERE id = ?")
        let insert = try db.prepare("""
            INSERT INTO files(source, path, project, session, project_path, size, stamp, inode)
            VALUES ('claude', ?, ?, ?, ?, ?, ?, ?)
            """)
        let update = try db.prepare("UPDATE files SET size = ?, stamp = ?, inode = ? WHERE id = ?")
        let unreadable = Set(usage.problems.filter { $0.kind == .unreadableFile }.map(\.path))
        var fileIDs = [Int64](repeating: 0, count: usage.files.count)   // 0: unchanged, its records skipped
        var rowIDs = [Int64](repeating: 0, count: usage.files.count)
        for (i, file) in usage.files.enumerated() {
            let known = present.isEmpty ? nil : present[file.path]
            rowIDs[i] = known?.id ?? 0
            guard unreadable.isEmpty || !unreadable.contains(file.path) else { continue }
            let inode = Int64(bitPattern: file.inode)
            if let row = known {
                if row.size == file.size, row.stamp == file.stamp, row.inode == inode { continue }
                if row.inode == inode, file.size >= row.size {
                    try update.run([.integer(file.size), .integer(file.stamp), .integer(inode), .integer(row.id)])
                    fileIDs[i] = row.id
                    continue
                }
                // Shrunk or replaced: lines may be gone, so the earlier copy's events stay, as a gone file's.
                try retire.run([.integer(now), .integer(row.id)])
            }
            try Self.insertFile(file, inode: inode, with: insert)
            fileIDs[i] = db.lastInsertRowID
            rowIDs[i] = fileIDs[i]
        }
        let live = present.isEmpty ? [] : Set(usage.files.map(\.path))
        for row in present.values where !live.contains(row.path) && (project == nil || row.project == project) {
            // Not listed this run: gone only when the transcript is really not there (a directory that could
            // not be listed, or another CLAUDE_CONFIG_DIR, does not retire anything).
            if access(row.path, F_OK) != 0, errno == ENOENT { try retire.run([.integer(now), .integer(row.id)]) }
        }
        Trace.mark("archive: file rows")
        guard fileIDs.contains(where: { $0 != 0 }) else { return }
        try writeEvents(usage, fileIDs: fileIDs, rowIDs: rowIDs, fresh: fresh, checkpoint: checkpoint, direct: direct)
    }

    /// Inserts a `files` row (a new archive has thousands: no values are boxed or copied).
    private static func insertFile(_ file: TranscriptFile, inode: Int64, with insert: SQLiteStatement) throws {
        let s = insert.handle
        try file.path.withCString { path in
            try file.project.withCString { project in
                try file.sessionID.withCString { session in
                    try file.projectPath.withCString { projectPath in
                        // SQLite reads the text during the step, while the pointers are valid.
                        sqlite3_bind_text(s, 1, path, -1, nil)
                        sqlite3_bind_text(s, 2, project, -1, nil)
                        sqlite3_bind_text(s, 3, session, -1, nil)
                        sqlite3_bind_text(s, 4, projectPath, -1, nil)
                        sqlite3_bind_int64(s, 5, file.size)
                        sqlite3_bind_int64(s, 6, file.stamp)
                        sqlite3_bind_int64(s, 7, inode)
                        defer { insert.reset() }
                        try insert.step()
                    }
                }
            }
        }
    }

    /// A stored event as a record (`fileIndex` is set by the caller), with its keyless flag.
    func record(from s: SQLiteStatement, firstColumn c: Int32 = 0) throws -> UsageRecord {
        let flags = s.int64(c + 12)
        let key = flags & UsageArchive.keyless != 0 ? nil
            : DedupKey(message: UInt64(bitPattern: s.int64(c)), message2: UInt64(bitPattern: s.int64(c + 1)),
                       request: UInt64(bitPattern: s.int64(c + 2)))
        let tokens = TokenCounts(input: Int(s.int64(c + 6)), output: Int(s.int64(c + 7)),
                                 cacheCreation: Int(s.int64(c + 8)), cacheRead: Int(s.int64(c + 9)))
        return UsageRecord(time: s.int64(c + 4), tokens: tokens, cacheCreation1h: Int(s.int64(c + 10)),
                           recordedCost: s.isNull(c + 11) ? nil : s.double(c + 11),
                           modelID: try poolID(s.optionalInt64(c + 5)), isFast: flags & UsageArchive.fast != 0,
                           hasSpeed: flags & UsageArchive.speed != 0, isSidechain: flags & UsageArchive.sidechain != 0,
                           dedupKey: key, sessionFieldID: try poolID(s.optionalInt64(c + 13)),
                           versionID: try poolID(s.optionalInt64(c + 14)), usageLimitReset: s.optionalInt64(c + 15),
                           rawTimestampID: 0, fileIndex: 0)
    }

}

/// Where a load keeps its archive (`LoadOptions.archive`; nil reads and writes none).
public struct ArchiveOptions: Sendable {
    public var path: String
    /// The run's clock (ms): when a transcript was found gone.
    public var now: Int64
    /// `--quiet`: a first archive written in the background (`ArchiveBackground`) says nothing when it fails.
    public var quiet = false
    public init(path: String, now: Int64) { self.path = path; self.now = now }
}

/// The one place a load meets the archive (see `UsageLoader.load`): stores the run's records, then adds
/// the archived events whose transcripts are gone. A problem with the archive is one line in `problems`;
/// the live records are reported whatever happens.
enum ArchiveHook {
    static func apply(_ usage: inout LoadedUsage, options: LoadOptions) {
        guard let path = options.archive?.path, let now = options.archive?.now else { return }
        ArchiveBackground.wait()   // an earlier load's first archive (the same side file name) is complete
        let signature = options.modifiedSince == nil ? MergedCache.signature(usage.files, options: options) : nil
        if let signature, ArchiveBackground.enabled, UsageArchive.absent(path) {
            // No archive: it holds nothing the report needs, so it is written while the report is built.
            let loaded = usage, project = options.project
            ArchiveBackground.start(quiet: options.archive?.quiet ?? false) {
                write(loaded, path: path, signature: signature, project: project, now: now)
            }
            return
        }
        if let signature {
            // No archive yet: written in one go (nothing is archived only).
            do {
                if try UsageArchive.buildNew(usage, path: path, signature: signature, project: options.project, now: now) {
                    Trace.mark("archive: new archive in place")
                    return
                }
            } catch {
                usage.problems.append(LoadProblem(kind: .archive, path: error.path, reason: error.reason))
                return
            }
        }
        let archive: UsageArchive
        Trace.mark("archive: opening")
        do {
            archive = try UsageArchive(path: path)
            Trace.mark("archive: open")
        } catch {
            usage.problems.append(LoadProblem(kind: .archive, path: error.path, reason: error.reason))
            return
        }
        if let signature {
            do {
                if try archive.store(usage, signature: signature, project: options.project, now: now) {
                    Trace.mark("archive updated")
                }
            } catch {
                usage.problems.append(LoadProblem(kind: .archive, path: error.path, reason: error.reason))
            }
        }
        do {
            let added = try archive.addArchivedOnly(to: &usage, options: options)
            Trace.mark("archive: \(added) archived-only events added")
        } catch {
            usage.problems.append(LoadProblem(kind: .archive, path: error.path, reason: error.reason))
        }
    }

    /// A first archive, off the report's path: written new, or (another run made one meanwhile) stored into.
    private static func write(_ usage: LoadedUsage, path: String, signature: UInt64, project: String?,
                              now: Int64) -> LoadProblem? {
        do {
            if try UsageArchive.buildNew(usage, path: path, signature: signature, project: project, now: now) {
                Trace.mark("archive: new archive in place")
                return nil
            }
            try UsageArchive(path: path).store(usage, signature: signature, project: project, now: now)
            Trace.mark("archive updated")
            return nil
        } catch {
            return LoadProblem(kind: .archive, path: error.path, reason: error.reason)
        }
    }
}
