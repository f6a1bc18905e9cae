import Foundation
import Testing
@testable import CCUsageKit

/// The read-only SQLite reader (decision 23, 10 §1.7): locked, WAL and damaged stores are read consistently,
/// problems are counted issues, and the agent's folder is left exactly as it was.
@Suite struct AgentStoreTests {
    static let usage = #"{"providerID":"openai","modelID":"gpt-test","time":{"created":1767312000000},"tokens":{"input":10,"output":1},"cost":0.5}"#

    func openCode(_ home: StoreHome, mode: CostMode = .display) -> AgentLoad {
        OpenCodeSource().load(AgentLoadRequest(env: home.env(["OPENCODE_DATA_DIR": home.root]), mode: mode, prices: nil))
    }

    @Test func rollbackDatabaseIsReadWithoutNewFiles() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("opencode.db", [messageSchema, messageRow("m1", "s1", Self.usage)])
        let before = home.snapshot()
        let load = openCode(home)
        #expect(load.entries.count == 1)
        #expect(load.issues.isEmpty)
        #expect(home.snapshot() == before)
    }

    @Test func checkpointedWALDatabaseIsReadImmutableWithoutNewFiles() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("opencode.db", ["PRAGMA journal_mode=WAL", messageSchema, messageRow("m1", "s1", Self.usage)])
        #expect(AgentStore.journal(home.path("opencode.db")) == .walWithoutLog)
        let before = home.snapshot()
        #expect(!before.keys.contains("opencode.db-wal"))
        #expect(openCode(home).entries.count == 1)
        #expect(home.snapshot() == before)
    }

    /// A running agent: WAL mode, autocheckpoint off, commits only in the `-wal`, the writer still open.
    @Test func walWithLiveWriterSeesUncheckpointedCommits() throws {
        let home = try StoreHome(); defer { home.remove() }
        let writer = try home.open("opencode.db")
        for sql in ["PRAGMA journal_mode=WAL", "PRAGMA wal_autocheckpoint=0", messageSchema,
                    messageRow("m1", "s1", Self.usage), messageRow("m2", "s1", Self.usage)] { try writer.execute(sql) }
        let before = home.snapshot()
        #expect(before.keys.contains("opencode.db-wal"))
        let load = openCode(home)
        #expect(load.entries.count == 2)
        #expect(load.issues.isEmpty)
        let after = home.snapshot()
        #expect(after.keys.sorted() == before.keys.sorted())
        #expect(after["opencode.db"] == before["opencode.db"])
        #expect(after["opencode.db-wal"] == before["opencode.db-wal"])
        // The writer is unaffected: still in WAL mode, and it can keep writing.
        try writer.execute(messageRow("m3", "s1", Self.usage))
        #expect(openCode(home).entries.count == 3)
        withExtendedLifetime(writer) {}
    }

    /// Uncheckpointed frames left behind without a `-shm` (no live writer): read from a private copy.
    @Test func walWithoutSharedMemoryIsReadFromACopy() throws {
        let home = try StoreHome(); defer { home.remove() }
        let source = try StoreHome(); defer { source.remove() }
        do {
            let writer = try source.open("opencode.db")
            for sql in ["PRAGMA journal_mode=WAL", "PRAGMA wal_autocheckpoint=0", messageSchema,
                        messageRow("m1", "s1", Self.usage)] { try writer.execute(sql) }
            // Copy the files while the writer still holds its commits in the -wal.
            try FileManager.default.copyItem(atPath: source.path("opencode.db"), toPath: home.path("opencode.db"))
            try FileManager.default.copyItem(atPath: source.path("opencode.db-wal"), toPath: home.path("opencode.db-wal"))
        }
        #expect(AgentStore.journal(home.path("opencode.db")) == .walWithoutSharedMemory)
        let before = home.snapshot()
        let load = openCode(home)
        #expect(load.entries.count == 1)
        #expect(home.snapshot() == before)
    }

    /// A writer holding a RESERVED lock with uncommitted rows (rollback journal): the committed rows are read.
    @Test func rollbackWriterMidTransactionLeavesCommittedRowsReadable() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("opencode.db", [messageSchema, messageRow("m1", "s1", Self.usage)])
        let writer = try home.open("opencode.db")
        try writer.execute("BEGIN IMMEDIATE")
        try writer.execute(messageRow("m2", "s1", Self.usage))
        let load = openCode(home)
        #expect(load.entries.count == 1)
        #expect(load.issues.isEmpty)
        try writer.execute("ROLLBACK")
    }

    /// An exclusive lock held past the busy timeout: one issue, no crash, no rows.
    @Test func exclusiveLockPastTheTimeoutIsAnIssue() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("opencode.db", [messageSchema, messageRow("m1", "s1", Self.usage)])
        let writer = try home.open("opencode.db")
        try writer.execute("BEGIN EXCLUSIVE")
        try writer.execute(messageRow("m2", "s1", Self.usage))
        var issues: [AgentIssue] = []
        if let store = StoreRead.open(home.path("opencode.db"), agent: "OpenCode", busyTimeoutMs: 100, issues: &issues) {
            _ = StoreRead.probe(store, table: "message", required: ["id"], agent: "OpenCode", issues: &issues)
        }
        #expect(issues.count == 1)
        #expect(issues.first?.detail.contains("locked") == true)
        try writer.execute("ROLLBACK")
    }

    /// Another process holding an exclusive lock (a running agent mid-commit) that it releases within the
    /// timeout: the read waits and sees the committed rows.
    @Test func exclusiveLockOfAnotherProcessIsWaitedOut() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("opencode.db", [messageSchema, messageRow("m1", "s1", Self.usage)])
        let script = """
            import sqlite3, sys, time
            db = sqlite3.connect(sys.argv[1], isolation_level=None)
            db.execute("BEGIN EXCLUSIVE")
            db.execute("INSERT INTO message (id, session_id, data) VALUES ('m2', 's1', ?)", (sys.argv[2],))
            print("locked", flush=True)
            time.sleep(0.5)
            db.execute("COMMIT")
            """
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        writer.arguments = ["python3", "-c", script, home.path("opencode.db"), Self.usage]
        let pipe = Pipe()
        writer.standardOutput = pipe
        try writer.run()
        let ready = pipe.fileHandleForReading.availableData
        #expect(String(decoding: ready, as: UTF8.self).hasPrefix("locked"))
        let load = openCode(home)
        writer.waitUntilExit()
        #expect(load.issues.isEmpty)
        #expect(load.entries.count == 2)
    }

    @Test func damagedFileIsOneIssueAndTheLegacyFilesStillLoad() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.write("opencode.db", String(repeating: "not a database ", count: 100))
        try home.write("storage/message/s/msg.json", #"{"id":"f1","sessionID":"s","providerID":"p","modelID":"m","tokens":{"input":5}}"#)
        let before = home.snapshot()
        let load = openCode(home)
        #expect(load.entries.map(\.sessionID) == ["s"])
        #expect(load.issues.count == 1)
        #expect(load.issues.first?.kind == .unreadable)
        #expect(home.snapshot() == before)
    }

    @Test func truncatedDatabaseKeepsWhatItCanAndReports() throws {
        let home = try StoreHome(); defer { home.remove() }
        var statements = [messageSchema]
        let big = String(repeating: "x", count: 2000)
        for i in 0..<200 {
            statements.append(messageRow("m\(i)", "s", Self.usage.replacingOccurrences(of: "\"cost\"", with: "\"pad\":\"\(big)\",\"cost\"")))
        }
        try home.sqlite("opencode.db", statements)
        let full = try Data(contentsOf: URL(fileURLWithPath: home.path("opencode.db")))
        try full.prefix(full.count / 2).write(to: URL(fileURLWithPath: home.path("opencode.db")))
        let load = openCode(home)
        #expect(load.entries.count < 200)
        #expect(!load.issues.isEmpty)
    }

    @Test func missingColumnIsOneWarning() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("opencode.db", ["CREATE TABLE message (id TEXT, data TEXT)"])
        let load = openCode(home)
        #expect(load.issues == [AgentIssue(.warning, path: home.path("opencode.db"),
                                           detail: "OpenCode database \(home.path("opencode.db")): table message lacks column(s) session_id; it is skipped")])
    }

    @Test func missingTableIsOneWarning() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("opencode.db", ["CREATE TABLE unrelated (x)"])
        let load = openCode(home)
        #expect(load.issues.count == 1)
        #expect(load.issues.first?.kind == .warning)
        #expect(load.issues.first?.detail.contains("no table message") == true)
    }

    @Test func uriPathEscapesSpecialCharacters() {
        #expect(AgentStore.uriPath("/a b/c?d#e%f.db") == "/a%20b/c%3Fd%23e%25f.db")
    }

    @Test func pathWithSpecialCharactersOpens() throws {
        let home = try StoreHome(); defer { home.remove() }
        try home.sqlite("we ird?#%/opencode.db", [messageSchema, messageRow("m1", "s1", Self.usage)])
        let load = OpenCodeSource().load(AgentLoadRequest(env: home.env(["OPENCODE_DATA_DIR": home.path("we ird?#%")]),
                                                          mode: .display, prices: nil))
        #expect(load.entries.count == 1)
    }
}
