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

/// The rows' key order (`EventKey.sorted`) and a new archive committed in steps.
@Suite(.serialized) struct ArchiveRowOrderTests {
    @Test("the counting sort of event keys gives the order of a plain sort, equal keys in record order")
    func keysSortLikeAPlainSort() {
        let record = UnsafeMutablePointer<PricedRecord>.allocate(capacity: 1)
        defer { record.deallocate() }
        var random = SystemRandomNumberGenerator()
        for n in [0, 1, 2, 17, 64, 65, 300, 5000, 70000] {
            for spread in [Int64.max, 1 << 20, 3] {   // hashes; few top bits (one big bucket); nearly all equal
                var keys: [EventKey] = []
                for i in 0..<n {
                    let key1 = Int64.random(in: -spread...spread, using: &random)
                    let twin = i > 0 && Int.random(in: 0..<10, using: &random) == 0
                    keys.append(twin ? EventKey(key1: keys[i - 1].key1, key2: keys[i - 1].key2, key3: keys[i - 1].key3,
                                                record: record, index: Int32(i), place: 0, seq: 0)
                                     : EventKey(key1: key1, key2: Int64.random(in: -3...3, using: &random),
                                                key3: Int64.random(in: 0...2, using: &random), record: record,
                                                index: Int32(i), place: Int32(i % 5), seq: Int32(i % 7)))
                }
                keys.shuffle(using: &random)
                let expected = keys.sorted { ($0.key1, $0.key2, $0.key3, $0.index) < ($1.key1, $1.key2, $1.key3, $1.index) }
                let sorted = EventKey.sorted(keys)
                #expect(sorted.map(\.index) == expected.map(\.index), "n \(n), spread \(spread)")
                #expect(sorted.map(\.seq) == expected.map(\.seq) && sorted.map(\.place) == expected.map(\.place))
            }
        }
    }

    @Test("a new archive committed every few rows holds the rows of one written in one go")
    func checkpointsChangeNoRow() throws {
        let base = ArchiveTests(), root = try base.tree(), whole = root + "/whole.sqlite", steps = root + "/steps.sqlite"
        defer { removeTemporary(root) }
        let usage = try base.load(root, archive: nil, cache: false)
        #expect(usage.records.count > 20)
        #expect(try UsageArchive.buildNew(usage, path: whole, signature: 9, project: nil, now: 1))
        let saved = UsageArchive.rowsPerCheckpoint
        UsageArchive.rowsPerCheckpoint = 3
        defer { UsageArchive.rowsPerCheckpoint = saved }
        #expect(try UsageArchive.buildNew(usage, path: steps, signature: 9, project: nil, now: 1))
        let rows = ArchiveBuildTests().rows
        #expect(try rows(steps) == rows(whole))
        #expect(try UsageArchive(path: steps).integrityCheck() == "ok")
    }
}
