import CSQLite
import Foundation

/// The little of SQLite the store generators need: create a database, run schema text, insert rows with one
/// prepared statement inside a transaction.
final class FixtureSQLite {
    private let handle: OpaquePointer
    private var statement: OpaquePointer?

    init(path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let db else {
            throw FixtureError.io(path: path, reason: "cannot create SQLite database")
        }
        handle = db
    }

    deinit {
        sqlite3_finalize(statement)
        sqlite3_close_v2(handle)
    }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw FixtureError.io(path: "sqlite", reason: String(cString: sqlite3_errmsg(handle)))
        }
    }

    /// Prepares the insert statement that `insert` runs.
    func prepare(_ sql: String) throws {
        sqlite3_finalize(statement)
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw FixtureError.io(path: "sqlite", reason: String(cString: sqlite3_errmsg(handle)))
        }
    }

    enum Value { case int(Int64), real(Double), text(String), null }

    func insert(_ values: [Value]) throws {
        guard let statement else { return }
        sqlite3_reset(statement)
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            switch value {
            case .int(let v): sqlite3_bind_int64(statement, index, v)
            case .real(let v): sqlite3_bind_double(statement, index, v)
            case .text(let v): sqlite3_bind_text(statement, index, v, -1, FixtureSQLite.transient)
            case .null: sqlite3_bind_null(statement, index)
            }
        }
        guard sqlite3_step(statement) == SQLITE_DONE else {
            throw FixtureError.io(path: "sqlite", reason: String(cString: sqlite3_errmsg(handle)))
        }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
