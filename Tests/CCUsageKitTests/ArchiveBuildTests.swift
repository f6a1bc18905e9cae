import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

/// A run's first archive is written in a side file and linked into place (`ArchiveBuild.swift`).
@Suite struct ArchiveBuildTests {
    let base = ArchiveTests()

    /// Every stored row of both tables, in key order.
    func rows(_ path: String) throws -> [String] {
        let archive = try UsageArchive(path: path)
        var out: [String] = []
        for (sql, columns) in [("SELECT \(UsageArchive.eventColumns) FROM events ORDER BY key1, key2, key3", 18),
                               ("SELECT id, source, path, project, session, project_path, size, stamp, inode, gone, imported FROM files ORDER BY id", 11),
                               ("SELECT id, name FROM names ORDER BY id", 2), ("SELECT key, value FROM meta ORDER BY key", 2)] {
            let s = try archive.db.prepare(sql)
            while try s.step() {
                out.append((0..<Int32(columns)).map { s.isNull($0) ? "NULL" : (s.text($0) ?? "") }.joined(separator: "|"))
            }
        }
        return out
    }

    @Test("a new archive holds exactly what upserts into an empty one and a run into an empty one do, is in WAL mode, and leaves no side file")
    func newArchiveEqualsStoredOne() throws {
        let root = try base.tree(), built = root + "/new/built.sqlite", stored = root + "/stored.sqlite"
        let upserted = root + "/upserted.sqlite"
        defer { removeTemporary(root) }
        _ = try UsageArchive(path: stored)   // an empty archive: a run fills it as a new one (plain inserts)
        let first = try base.load(root, archive: stored, cache: false)
        let second = try base.load(root, archive: built, cache: false)
        #expect(first.problems.isEmpty && second.problems.isEmpty)
        #expect(base.seen(first) == base.seen(second))
        #expect(try rows(built) == rows(stored))
        // The upserts an archive with events gets give the same rows.
        let signature = MergedCache.signature(second.files, options: base.options(root, archive: nil, cache: false))
        let other = try UsageArchive(path: upserted)
        try other.db.transaction {
            try other.storeFiles(second, project: nil, now: 1_760_000_000_000, fresh: false)
            try other.setMeta("live_signature", Int64(bitPattern: signature))
        }
        #expect(try rows(upserted) == rows(built))
        #expect(try rows(built).count > second.records.count)
        let archive = try UsageArchive(path: built)
        #expect(try archive.integrityCheck() == "ok")
        let mode = try archive.db.prepare("PRAGMA journal_mode")
        #expect(try mode.step() && mode.text(0) == "wal")
        #expect(try archive.db.integer("PRAGMA user_version") == ArchiveSchema.version)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/new").filter { $0.contains(".new-") } == [])
        // The next run finds it up to date.
        #expect(try !archive.store(second, signature: signature, project: nil, now: 2))
    }

    @Test("an archive that exists (or only its write-ahead log) is never replaced")
    func existingArchiveIsKept() throws {
        let root = try base.tree(), path = root + "/archive.sqlite"
        defer { removeTemporary(root) }
        let usage = try base.load(root, archive: nil, cache: false)
        try Data("x".utf8).write(to: URL(fileURLWithPath: path + "-wal"))
        #expect(try !UsageArchive.buildNew(usage, path: path, signature: 1, project: nil, now: 1))
        #expect(!FileManager.default.fileExists(atPath: path))
        try FileManager.default.removeItem(atPath: path + "-wal")
        let bytes = Data("not a database".utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(try !UsageArchive.buildNew(usage, path: path, signature: 1, project: nil, now: 1))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("side files of runs killed while building are removed; a live run's are not")
    func abandonedSideFilesAreRemoved() throws {
        let root = try base.tree(), path = root + "/archive.sqlite"
        defer { removeTemporary(root) }
        let dead = path + ".new-999999999", live = path + ".new-1"   // no such process; init
        for file in [dead, dead + "-journal", live] { try Data("partial".utf8).write(to: URL(fileURLWithPath: file)) }
        let usage = try base.load(root, archive: path, cache: false)
        #expect(usage.problems.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dead) && !FileManager.default.fileExists(atPath: dead + "-journal"))
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(try UsageArchive(path: path).integrityCheck() == "ok")
    }
}
