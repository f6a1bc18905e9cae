import CSQLite
import Foundation

/// A read-only connection to another agent's SQLite store (10-agents-stores §1.7, decision 23).
///
/// How it opens, and why:
/// - Always a `file:` URI with `mode=ro` and `SQLITE_OPEN_READONLY`: SQLite can never write the database, and
///   the 5 s busy timeout waits out a writer's lock instead of failing at once (rollback journals).
/// - `immutable=1` only for a WAL-mode database that has no `-wal` file next to it. A live WAL writer always
///   holds a `-wal` file, so its absence means every commit is in the main file and nobody is writing; then
///   immutable reads it without creating the `-wal`/`-shm` files a WAL reader otherwise needs in the agent's
///   folder. With a `-wal` present (a live writer, or uncheckpointed frames) immutable would ignore those
///   frames and read stale or torn data, so the ordinary shared-memory reader is used and SQLite reuses the
///   agent's own `-wal`/`-shm` files (the reader may update its read marks inside the writer's `-shm`, as every
///   WAL reader does; no file is created).
/// - A WAL database with a `-wal` but no `-shm` file has no live writer (a writer keeps its `-shm`), yet
///   reading it in place would create the `-shm`: the database and its `-wal` are copied to a private temporary
///   folder and read there, so uncheckpointed commits are seen and the agent's folder is not touched.
/// - A rollback-journal database is never opened immutable: a writer may be half-way through changing pages,
///   and only the locks (which immutable skips) keep the read consistent. Readers of such files create no
///   other files.
final class AgentStore {
    let path: String
    private let handle: OpaquePointer
    /// The private copy's folder, removed on close (nil when the file is read in place).
    private let copyFolder: String?

    init(path: String, busyTimeoutMs: Int32 = 5000) throws(SQLiteError) {
        self.path = path
        var readPath = path, options = "?mode=ro"
        var copyFolder: String?
        switch AgentStore.journal(path) {
        case .walWithoutLog: options += "&immutable=1"
        case .walWithoutSharedMemory:
            let copy = try AgentStore.privateCopy(path)
            copyFolder = copy.folder
            readPath = copy.path
        case .other: break
        }
        self.copyFolder = copyFolder
        let uri = "file:" + AgentStore.uriPath(readPath) + options
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            if let db { sqlite3_close_v2(db) }
            if let copyFolder { try? FileManager.default.removeItem(atPath: copyFolder) }
            throw SQLiteError(code: rc & 0xFF, message: message)
        }
        handle = db
        sqlite3_busy_timeout(db, busyTimeoutMs)
        sqlite3_exec(db, "PRAGMA query_only = ON", nil, nil, nil)
    }

    deinit {
        sqlite3_close_v2(handle)
        if let copyFolder { try? FileManager.default.removeItem(atPath: copyFolder) }
    }

    enum Journal { case walWithoutLog, walWithoutSharedMemory, other }

    /// What the header (file format bytes 18/19 = 2 for WAL) and the files beside the database say.
    static func journal(_ path: String) -> Journal {
        guard let file = FileHandle(forReadingAtPath: path) else { return .other }
        defer { try? file.close() }
        guard let header = try? file.read(upToCount: 20), header.count == 20,
              header.starts(with: Array("SQLite format 3".utf8)),
              header[header.startIndex + 18] == 2, header[header.startIndex + 19] == 2 else { return .other }
        let fm = FileManager.default
        if !fm.fileExists(atPath: path + "-wal") { return .walWithoutLog }
        return fm.fileExists(atPath: path + "-shm") ? .other : .walWithoutSharedMemory
    }

    /// Copies the database and its `-wal` into a new temporary folder.
    static func privateCopy(_ path: String) throws(SQLiteError) -> (folder: String, path: String) {
        let fm = FileManager.default
        let folder = NSTemporaryDirectory() + "/ccusage-store-" + UUID().uuidString
        let copy = folder + "/store.db"
        do {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try fm.copyItem(atPath: path, toPath: copy)
            try fm.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
        } catch {
            try? fm.removeItem(atPath: folder)
            throw SQLiteError(code: SQLITE_CANTOPEN, message: "cannot copy the database to read it: \(error.localizedDescription)")
        }
        return (folder, copy)
    }

    /// The path percent-encoded for a URI (only unreserved characters and `/` stay as they are).
    static func uriPath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 15, radix: 16, uppercase: true)
            }
        }
        return out
    }

    private func error(_ rc: Int32) -> SQLiteError {
        SQLiteError(code: rc & 0xFF, message: String(cString: sqlite3_errmsg(handle)))
    }

    /// The column names of `table` (nil when there is no such table), read from `SELECT * … LIMIT 0`.
    func columns(of table: String) throws(SQLiteError) -> Set<String>? {
        var statement: OpaquePointer?
        let sql = "SELECT * FROM \"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\" LIMIT 0"
        let rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        guard rc == SQLITE_OK, let statement else {
            let failure = error(rc)
            if failure.code == SQLITE_ERROR, failure.message.hasPrefix("no such table") { return nil }
            throw failure
        }
        var names = Set<String>()
        for i in 0..<sqlite3_column_count(statement) {
            if let name = sqlite3_column_name(statement, i) { names.insert(String(cString: name)) }
        }
        return names
    }

    /// Runs `sql` with `parameters` and hands every row to `body`. A step error after some rows keeps them:
    /// the result says how many rows were read and the error that stopped the scan, if any.
    func rows(_ sql: String, _ parameters: [SQLiteValue] = [],
              _ body: (StoreRow) -> Void) throws(SQLiteError) -> (rows: Int, stopped: SQLiteError?) {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        guard rc == SQLITE_OK, let statement else { throw error(rc) }
        for (i, value) in parameters.enumerated() {
            let index = Int32(i + 1)
            switch value {
            case .null: sqlite3_bind_null(statement, index)
            case .integer(let v): sqlite3_bind_int64(statement, index, v)
            case .real(let v): sqlite3_bind_double(statement, index, v)
            case .text(let v): sqlite3_bind_text(statement, index, v, -1, AgentStore.transient)
            }
        }
        var count = 0
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { return (count, nil) }
            guard step == SQLITE_ROW else { return (count, error(step)) }
            count += 1
            body(StoreRow(statement: statement))
        }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// One row of a store query, read with the reference binding's rules (10 §1.7): text of NULL is absent,
/// integer and real reads of NULL are 0, a REAL read as integer is truncated, TEXT is converted by its
/// numeric prefix (SQLite's own conversions).
struct StoreRow {
    let statement: OpaquePointer

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String? {
        guard !isNull(column), let bytes = sqlite3_column_text(statement, column) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// The text's bytes, valid until the next step (nil for NULL).
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard !isNull(column), let bytes = sqlite3_column_text(statement, column) else { return nil }
        return UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column)))
    }

    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
    /// An integer read with negatives clamped to 0.
    func count(_ column: Int32) -> Int { Int(max(0, sqlite3_column_int64(statement, column))) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
    func isInteger(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_INTEGER }
}
