import CSQLite
import Foundation

/// The steps every store agent takes with a database, each failure turned into one counted issue
/// (decision 23: never fatal, never silent): open read-only, check the schema, stream the query.
enum StoreRead {
    /// Opens `path` read-only; nil (with an issue) when SQLite cannot.
    static func open(_ path: String, agent: String, busyTimeoutMs: Int32 = 5000,
                     issues: inout [AgentIssue]) -> AgentStore? {
        do {
            return try AgentStore(path: path, busyTimeoutMs: busyTimeoutMs)
        } catch {
            issues.append(AgentIssue(.unreadable, path: path, detail: "cannot open \(agent) database: \(error.message)"))
            return nil
        }
    }

    /// The columns of `table`, or nil with one warning naming the missing table or the missing `required`
    /// columns (or an issue when the file is not a readable database).
    static func probe(_ store: AgentStore, table: String, required: [String], agent: String,
                      issues: inout [AgentIssue]) -> Set<String>? {
        do {
            guard let columns = try store.columns(of: table) else {
                issues.append(AgentIssue(.warning, path: store.path,
                                         detail: "\(agent) database \(store.path) has no table \(table); it is skipped"))
                return nil
            }
            let missing = required.filter { !columns.contains($0) }
            guard missing.isEmpty else {
                issues.append(AgentIssue(.warning, path: store.path, detail:
                    "\(agent) database \(store.path): table \(table) lacks column(s) \(missing.joined(separator: ", ")); it is skipped"))
                return nil
            }
            return columns
        } catch {
            issues.append(AgentIssue(.unreadable, path: store.path, detail: "cannot read \(agent) database: \(error.message)"))
            return nil
        }
    }

    /// Streams the rows of `sql`; a failure to prepare is an issue, a failure mid-scan keeps the rows read
    /// and is an issue saying how many.
    static func scan(_ store: AgentStore, _ sql: String, _ parameters: [SQLiteValue] = [], agent: String,
                     issues: inout [AgentIssue], _ body: (StoreRow) -> Void) {
        do {
            let (rows, stopped) = try store.rows(sql, parameters, body)
            if let stopped {
                issues.append(AgentIssue(.unreadable, path: store.path,
                                         detail: "\(agent) database read stopped after \(rows) rows: \(stopped.message)"))
            }
        } catch {
            issues.append(AgentIssue(.unreadable, path: store.path, detail: "cannot query \(agent) database: \(error.message)"))
        }
    }

    /// The size of a database with its `-wal` file (for the load's byte count).
    static func size(_ path: String) -> Int64 {
        let fm = FileManager.default
        var total: Int64 = 0
        for file in [path, path + "-wal"] {
            if let size = (try? fm.attributesOfItem(atPath: file))?[.size] as? NSNumber { total += size.int64Value }
        }
        return total
    }
}

extension StoreRead {
    /// The load of an agent whose usage is the rows of SQLite databases (Goose, Hermes, ZCode): discovery's
    /// failure as its one issue, else every database counted, opened read-only and handed to `read`, which
    /// probes its schema, streams its query and `keep`s entries by dedup key (the first of a key wins).
    /// The entries come back in time order.
    static func loadDatabases(_ discovered: Result<[String], StoreFailure>, agent: String,
                              read: (_ db: String, _ store: AgentStore, _ issues: inout [AgentIssue],
                                     _ keep: (_ key: String, _ entry: AgentEntry) -> Void) -> Void) -> AgentLoad {
        var load = AgentLoad()
        guard let dbs = discovered.found(else: &load) else { return load }
        var entries: [AgentEntry] = [], issues: [AgentIssue] = [], seen = Set<String>()
        for db in dbs {
            load.filesRead += 1; load.bytes += size(db)
            guard let store = open(db, agent: agent, issues: &issues) else { continue }
            read(db, store, &issues) { key, entry in
                if seen.insert(key).inserted { entries.append(entry) }
            }
        }
        entries.sort { $0.timestamp < $1.timestamp }
        load.entries = entries
        load.issues = issues
        return load
    }
}
