import CSQLite

/// A failed SQLite call, with SQLite's own message.
public struct SQLiteError: Error, Equatable, CustomStringConvertible {
    /// The primary result code (`SQLITE_BUSY`, `SQLITE_FULL`, `SQLITE_NOTADB`, …).
    public var code: Int32
    public var message: String
    public var description: String { message }

    public var isFull: Bool { code == SQLITE_FULL }
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
    /// Not a database, or a damaged one.
    public var isCorrupt: Bool { code == SQLITE_NOTADB || code == SQLITE_CORRUPT }
}

/// One connection to a SQLite database through the system library: statements are prepared with bound
/// parameters only (no value is ever pasted into SQL text), writes run in transactions.
public final class SQLiteDatabase: @unchecked Sendable {
    public enum Mode: Sendable { case readOnly, readWrite, create }

    private let handle: OpaquePointer
    public let path: String

    /// Opens `path` (never following it into a URI) with a busy timeout, so concurrent readers and writers
    /// wait for each other instead of failing.
    public init(path: String, mode: Mode, busyTimeoutMs: Int32 = 5000) throws {
        _ = SQLiteDatabase.configured
        var flags: Int32 = SQLITE_OPEN_NOMUTEX
        switch mode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc & 0xFF, message: message)
        }
        handle = db
        self.path = path
        sqlite3_busy_timeout(db, busyTimeoutMs)
        sqlite3_extended_result_codes(db, 0)
    }

    deinit { sqlite3_close_v2(handle) }

    /// The process-wide settings, made once before the first connection.
    private static let configured: Void = { _ = ccusage_sqlite3_no_memstatus() }()

    func error(_ rc: Int32) -> SQLiteError {
        SQLiteError(code: rc & 0xFF, message: String(cString: sqlite3_errmsg(handle)))
    }

    /// Runs SQL without parameters (schema statements, pragmas).
    public func execute(_ sql: String) throws {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw error(rc) }
    }

    public func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw error(rc) }
        return SQLiteStatement(statement, database: self)
    }

    /// The first column of the first row of a query, as an integer (nil when there is no row or it is NULL).
    public func integer(_ sql: String, _ parameters: [SQLiteValue] = []) throws -> Int64? {
        let statement = try prepare(sql)
        try statement.bind(parameters)
        guard try statement.step(), !statement.isNull(0) else { return nil }
        return statement.int64(0)
    }

    /// Runs `body` in one transaction (`BEGIN IMMEDIATE`: the write lock is taken up front, so a second
    /// writer waits at the start instead of failing half-way); rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    public var changes: Int { Int(sqlite3_changes(handle)) }
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
}

/// A value bound to a statement parameter.
public enum SQLiteValue: Sendable, Equatable {
    case null, integer(Int64), real(Double), text(String)
}

/// A prepared statement: bind, step, read columns, reset, run again.
public final class SQLiteStatement {
    private let statement: OpaquePointer
    private let database: SQLiteDatabase
    /// For loops that bind many values with the C calls themselves (`UsageArchive.writeEvents`).
    var handle: OpaquePointer { statement }

    init(_ statement: OpaquePointer, database: SQLiteDatabase) {
        self.statement = statement
        self.database = database
    }

    deinit { sqlite3_finalize(statement) }

    /// Clears earlier bindings and binds `values` to parameters 1…n.
    public func bind(_ values: [SQLiteValue]) throws {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (i, value) in values.enumerated() { try bind(value, at: Int32(i + 1)) }
    }

    public func bind(_ value: SQLiteValue, at index: Int32) throws {
        let rc: Int32
        switch value {
        case .null: rc = sqlite3_bind_null(statement, index)
        case .integer(let v): rc = sqlite3_bind_int64(statement, index, v)
        case .real(let v): rc = sqlite3_bind_double(statement, index, v)
        case .text(let v): rc = sqlite3_bind_text(statement, index, v, -1, SQLiteStatement.transient)
        }
        guard rc == SQLITE_OK else { throw database.error(rc) }
    }

    @inline(__always) public func bind(_ value: Int64, at index: Int32) {
        sqlite3_bind_int64(statement, index, value)
    }

    /// An integer, or NULL for nil.
    @inline(__always) public func bind(_ value: Int64?, at index: Int32) {
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    @inline(__always) public func bind(_ value: Double?, at index: Int32) {
        if let value { sqlite3_bind_double(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    /// Resets the statement for another run with new bindings (bindings not rebound keep their values).
    public func reset() { sqlite3_reset(statement) }

    /// Steps once: true with a row to read, false when done.
    @discardableResult
    public func step() throws -> Bool {
        let rc = sqlite3_step(statement)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw database.error(rc)
    }

    /// Binds `values`, runs to completion and resets.
    public func run(_ values: [SQLiteValue]) throws {
        try bind(values)
        while try step() {}
        sqlite3_reset(statement)
    }

    @inline(__always) public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
    /// nil for NULL.
    @inline(__always) public func optionalInt64(_ column: Int32) -> Int64? {
        isNull(column) ? nil : sqlite3_column_int64(statement, column)
    }
    @inline(__always) public func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
    @inline(__always) public func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(statement, column) == SQLITE_NULL
    }
    public func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, column) else { return nil }
        return String(cString: bytes)
    }

    /// SQLite copies bound text before the call returns.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
