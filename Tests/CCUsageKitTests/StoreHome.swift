import CCUsageTestSupport
import Foundation
@testable import CCUsageKit

/// A hand-made agent home in a temporary directory: files, SQLite databases built by the test, and a snapshot of
/// every file (names and bytes) to prove a load left the folder as it was.
struct StoreHome {
    let root: String

    init() throws { root = try makeTemporaryDirectory("store-home") }
    init(existing root: String) { self.root = root }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    /// Creates (or opens) the database at `relative` and runs `statements` on it, then closes it.
    func sqlite(_ relative: String, _ statements: [String]) throws {
        let db = try open(relative)
        for statement in statements { try db.execute(statement) }
    }

    /// A read-write connection the test keeps open (a running agent).
    func open(_ relative: String) throws -> SQLiteDatabase {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        return try SQLiteDatabase(path: full, mode: .create)
    }

    /// Every file below the root (hidden ones too) with its bytes.
    func snapshot(_ relative: String = "") -> [String: Data] {
        var out: [String: Data] = [:]
        let base = relative.isEmpty ? root : path(relative)
        guard let walker = FileManager.default.enumerator(atPath: base) else { return out }
        while let name = walker.nextObject() as? String {
            let full = base + "/" + name
            var dir: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &dir), !dir.boolValue {
                out[name] = FileManager.default.contents(atPath: full) ?? Data()
            }
        }
        return out
    }

    func files(_ relative: String = "") -> [String] { snapshot(relative).keys.sorted() }

    func env(_ variables: [String: String], home: String = "/nonexistent-home") -> Environment {
        Environment(variables: variables, home: home, now: 0, timeZone: TimeZone(identifier: "UTC") ?? .current)
    }

    func remove() { removeTemporary(root) }
}

/// A price table of explicit rows (no whole-list tier).
func storePrices(_ rows: [String: ModelPrice]) -> PriceTable { PriceTable(tables: [rows]) }

/// SQL text literal.
func sq(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

let messageSchema = "CREATE TABLE message (id TEXT, session_id TEXT, data TEXT, time_created INTEGER)"

func messageRow(_ id: String, _ session: String, _ data: String) -> String {
    "INSERT INTO message (id, session_id, data) VALUES (\(sq(id)), \(sq(session)), \(sq(data)))"
}

func isoDate(_ millis: Int64) -> String { String(Timestamp.iso(millis).prefix(10)) }
