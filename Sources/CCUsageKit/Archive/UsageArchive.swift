import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the archive could not be used: one line for the user, who keeps the report from the live files.
public enum ArchiveError: Error, Equatable, CustomStringConvertible {
    /// A SQLite database of another program (or of an unknown layout).
    case foreign(path: String)
    /// Not a SQLite database, or a damaged one.
    case corrupt(path: String, reason: String)
    /// Written by a newer ccusage (a schema version this build does not know).
    case newer(path: String, version: Int64)
    case diskFull(path: String)
    case unavailable(path: String, reason: String)

    public var path: String {
        switch self {
        case .foreign(let p), .corrupt(let p, _), .newer(let p, _), .diskFull(let p), .unavailable(let p, _): p
        }
    }

    /// The message without the path.
    public var reason: String {
        switch self {
        case .foreign:
            "not a ccusage archive (a SQLite database of another program); left untouched. Move it away or set CCUSAGE_ARCHIVE."
        case .corrupt(_, let reason):
            "unreadable (\(reason)); left untouched. Move it away (a new archive is then started) or set CCUSAGE_ARCHIVE."
        case .newer(_, let version):
            "written by a newer ccusage (schema version \(version), this build knows \(ArchiveSchema.version)); left untouched. Update ccusage."
        case .diskFull: "the disk is full; the archive was not updated (the report is complete). Free some space."
        case .unavailable(_, let reason): "cannot be used: \(reason)"
        }
    }

    public var description: String { "archive \(path): \(reason)" }

    init(_ error: SQLiteError, path: String) {
        if error.isFull { self = .diskFull(path: path) } else if error.isCorrupt {
            self = .corrupt(path: path, reason: error.message)
        } else { self = .unavailable(path: path, reason: error.message) }
    }
}

/// The versioned schema. Every change is a new migration appended to `migrations`, run in order from the
/// file's `PRAGMA user_version`; a file whose `application_id` is not ours is never touched.
public enum ArchiveSchema {
    /// `ccus` in ASCII.
    public static let applicationID: Int64 = 0x6363_7573
    public static var version: Int64 { Int64(migrations.count) }

    static let migrations: [String] = [
        // 1: files, interned names, events keyed by their dedup key.
        """
        CREATE TABLE names(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        CREATE TABLE files(
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            path TEXT NOT NULL,
            project TEXT NOT NULL,
            session TEXT NOT NULL,
            project_path TEXT NOT NULL,
            size INTEGER NOT NULL,
            stamp INTEGER NOT NULL,
            inode INTEGER NOT NULL,
            gone INTEGER NOT NULL DEFAULT 0,
            imported INTEGER NOT NULL DEFAULT 0
        );
        CREATE UNIQUE INDEX files_present ON files(path) WHERE gone = 0;
        CREATE TABLE events(
            key1 INTEGER NOT NULL,
            key2 INTEGER NOT NULL,
            key3 INTEGER NOT NULL,
            file INTEGER NOT NULL REFERENCES files(id),
            time INTEGER NOT NULL,
            model INTEGER REFERENCES names(id),
            input INTEGER NOT NULL,
            output INTEGER NOT NULL,
            cache_creation INTEGER NOT NULL,
            cache_read INTEGER NOT NULL,
            cache_creation_1h INTEGER NOT NULL,
            cost REAL,
            flags INTEGER NOT NULL,
            session_id INTEGER REFERENCES names(id),
            version INTEGER REFERENCES names(id),
            limit_reset INTEGER,
            place INTEGER NOT NULL REFERENCES files(id),
            seq INTEGER NOT NULL,
            PRIMARY KEY(key1, key2, key3)
        ) WITHOUT ROWID;
        CREATE INDEX events_placed ON events(place, seq) WHERE place != file;
        CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
        CREATE VIEW usage_events AS
            SELECT f.source, f.project, f.session, datetime(e.time / 1000, 'unixepoch') AS utc_time, e.time,
                   m.name AS model, e.input, e.output, e.cache_creation, e.cache_read, e.cache_creation_1h,
                   e.cost AS logged_cost_usd, e.flags & 1 AS fast, (e.flags & 4) / 4 AS sidechain,
                   printf('%016x%016x%016x', e.key1, e.key2, e.key3) AS dedup_key, f.path AS file, f.gone
            FROM events e JOIN files f ON f.id = e.file LEFT JOIN names m ON m.id = e.model;
        """,
    ]
}

/// The local archive: every deduplicated usage event ccusage has seen, kept after its transcript is gone.
/// One SQLite file in WAL mode; every write is one transaction.
public final class UsageArchive: @unchecked Sendable {
    public let path: String
    let db: SQLiteDatabase

    /// Event flags as stored (`events.flags`).
    static let fast: Int64 = 1, speed: Int64 = 2, sidechain: Int64 = 4, keyless: Int64 = 8

    /// `$CCUSAGE_ARCHIVE`, else `$XDG_DATA_HOME/ccusage/archive.sqlite`, else
    /// `~/.local/share/ccusage/archive.sqlite`; nil when `CCUSAGE_NO_ARCHIVE` is set.
    public static func defaultPath(_ env: Environment) -> String? {
        let off = (env.variables["CCUSAGE_NO_ARCHIVE"] ?? "").lowercased()
        if ["1", "true", "yes"].contains(off) { return nil }
        if let path = env.variables["CCUSAGE_ARCHIVE"], !path.isEmpty { return path }
        if let xdg = env.variables["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/ccusage/archive.sqlite" }
        return env.home + "/.local/share/ccusage/archive.sqlite"
    }

    /// Size and modification time of the database and its write-ahead log: changes whenever the archive
    /// may have (a report cached under another stamp is not reused). 0 when there is no archive.
    public static func stamp(path: String) -> UInt64 {
        var h: UInt64 = 0x5EED_A4C1
        for file in [path, path + "-wal"] {
            var st = stat()
            guard stat(file, &st) == 0 else { h = (h ^ 1) &* 0x0000_0100_0000_01B3; continue }
            for v in [UInt64(bitPattern: Int64(st.st_size)), UInt64(bitPattern: Int64(st.st_ino)),
                      UInt64(bitPattern: st.modifiedNanoseconds)] {
                h = (h ^ v) &* 0x0000_0100_0000_01B3
                h ^= h >> 32
            }
        }
        return h
    }

    /// Opens (or, with `create`, starts) the archive at `path`, migrating it to the current schema. Throws
    /// without changing anything when the file is not a ccusage archive or cannot be read. `building`: the
    /// side file of a new archive (`buildNew`), written with no journal and no syncs until it is complete.
    public init(path: String, create: Bool = true, building: Bool = false) throws(ArchiveError) {
        self.path = path
        self.building = building
        if create, access(path, F_OK) != 0 {
            let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            if !parent.isEmpty, !UsageArchive.makeDirectories(parent) {
                throw .unavailable(path: path, reason: "cannot create \(parent): \(String(cString: strerror(errno)))")
            }
        }
        do {
            db = try SQLiteDatabase(path: path, mode: create ? .create : .readWrite)
            try UsageArchive.migrate(db, path: path, building: building)
        } catch let error as ArchiveError {
            throw error
        } catch let error as SQLiteError {
            throw ArchiveError(error, path: path)
        } catch {
            throw .unavailable(path: path, reason: "\(error)")
        }
    }

    private static func migrate(_ db: SQLiteDatabase, path: String, building: Bool) throws {
        // Reading the header first: a file that is not a database fails here, before anything is written.
        let application = try db.integer("PRAGMA application_id") ?? 0
        var version = try db.integer("PRAGMA user_version") ?? 0
        let objects = try db.integer("SELECT count(*) FROM sqlite_master") ?? 0
        if application != ArchiveSchema.applicationID, application != 0 || objects > 0 || version != 0 {
            throw ArchiveError.foreign(path: path)
        }
        if version > ArchiveSchema.version { throw ArchiveError.newer(path: path, version: version) }
        if building {
            // 8 KiB pages: a new archive is one bulk write (its rows inserted through SQL split half as many
            // pages as with 4 KiB, about 15 % less time; the file is about 1 % larger).
            try db.execute("PRAGMA page_size=8192; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF")
        } else {
            if try currentJournal(db) != "wal" {
                try db.execute("PRAGMA journal_mode=WAL")
            }
            try db.execute("PRAGMA synchronous=NORMAL")
        }
        guard version < ArchiveSchema.version else { return }
        try db.transaction {
            version = try db.integer("PRAGMA user_version") ?? 0   // another process may have migrated meanwhile
            while version < ArchiveSchema.version {
                try db.execute(ArchiveSchema.migrations[Int(version)])
                version += 1
            }
            try db.execute("PRAGMA application_id=\(ArchiveSchema.applicationID); PRAGMA user_version=\(version)")
        }
    }

    private static func currentJournal(_ db: SQLiteDatabase) throws -> String {
        let statement = try db.prepare("PRAGMA journal_mode")
        return try statement.step() ? (statement.text(0) ?? "") : ""
    }

    static func makeDirectories(_ path: String) -> Bool {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o755) != 0, errno != EEXIST { return false }
        }
        return true
    }

    // MARK: Names and meta

    /// A new archive's side file: every name it holds is in `nameIDs`.
    private let building: Bool
    private var nameIDs: [String: Int64] = [:]
    private var pooledIDs: [UInt32: SQLiteValue] = [:]
    private var poolIDs: [Int64: UInt32] = [:]
    private var namesByID: [Int64: String] = [:]
    private lazy var findName = try? db.prepare("SELECT id FROM names WHERE name = ?")
    private lazy var addName = try? db.prepare("INSERT INTO names(name) VALUES (?)")

    /// The id of an interned name (models, session ids, versions), added when new.
    func nameID(_ name: String?) throws -> SQLiteValue {
        guard let name else { return .null }
        if let id = nameIDs[name] { return .integer(id) }
        guard let findName, let addName else { throw ArchiveError.unavailable(path: path, reason: "cannot prepare") }
        var found: Int64?
        if !building {   // a new archive's names are all in `nameIDs`
            try findName.bind([.text(name)])
            if try findName.step() { found = findName.int64(0) }
            findName.reset()
        }
        let id: Int64
        if let found { id = found } else {
            try name.withCString { text in
                sqlite3_bind_text(addName.handle, 1, text, -1, nil)   // read during the step
                defer { addName.reset() }
                try addName.step()
            }
            id = db.lastInsertRowID
        }
        nameIDs[name] = id
        return .integer(id)
    }

    /// Adds names to a new archive's side file (`building`) in one go; returns their ids, in order. Names
    /// it already holds keep their ids.
    func addNewNames(_ names: [String]) throws -> [Int64] {
        precondition(building, "only a new archive knows all the names it holds")
        var next = (try db.integer("SELECT max(id) FROM names") ?? 0) + 1
        var added: [String] = []
        let ids = names.map { name in
            if let id = nameIDs[name] { return id }
            defer { next += 1 }
            nameIDs[name] = next
            added.append(name)
            return next
        }
        let batch = 64
        let sql = "INSERT INTO names(id, name) VALUES "
        let many = try db.prepare(sql + (0..<batch).map { "(?\(2 * $0 + 1), ?\(2 * $0 + 2))" }.joined(separator: ", "))
        let one = try db.prepare(sql + "(?1, ?2)")
        var i = 0
        while i < added.count {
            let (statement, count) = i + batch <= added.count ? (many, batch) : (one, 1)
            for k in 0..<count {
                sqlite3_bind_int64(statement.handle, Int32(2 * k + 1), nameIDs[added[i + k]]!)
                sqlite3_bind_text(statement.handle, Int32(2 * k + 2), added[i + k], -1, SQLiteStatement.transient)
            }
            try statement.step()
            statement.reset()
            i += count
        }
        return ids
    }

    /// Whether this is a new archive's side file (`init(path:create:building:)`).
    var isBuilding: Bool { building }

    /// `nameID` of a `StringPool` string, by its pool id.
    func pooledNameID(_ id: UInt32) throws -> SQLiteValue {
        if let known = pooledIDs[id] { return known }
        let value = try nameID(StringPool.string(id))
        pooledIDs[id] = value
        return value
    }

    /// The `StringPool` id of a stored name (0 for NULL).
    func poolID(_ id: Int64?) throws -> UInt32 {
        guard let id else { return 0 }
        if let known = poolIDs[id] { return known }
        let pooled = StringPool.id(try name(id))
        poolIDs[id] = pooled
        return pooled
    }

    /// The name of an id (nil for NULL or an unknown id).
    func name(_ id: Int64?) throws -> String? {
        guard let id else { return nil }
        if namesByID.isEmpty {
            let all = try db.prepare("SELECT id, name FROM names")
            while try all.step() { namesByID[all.int64(0)] = all.text(1) }
        }
        return namesByID[id]
    }

    func meta(_ key: String) throws -> Int64? {
        try db.integer("SELECT value FROM meta WHERE key = ?", [.text(key)])
    }

    func setMeta(_ key: String, _ value: Int64) throws {
        try db.prepare("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .run([.text(key), .integer(value)])
    }

    /// `PRAGMA integrity_check` (tests and `archive status`).
    public func integrityCheck() throws -> String {
        let statement = try db.prepare("PRAGMA integrity_check")
        return try statement.step() ? (statement.text(0) ?? "") : ""
    }
}
