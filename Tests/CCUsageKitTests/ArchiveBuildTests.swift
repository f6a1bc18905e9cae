import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit
@testable import FixtureKit

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

/// A new archive's events written as SQLite pages (`ArchiveBTree.swift`) against the same rows inserted
/// through SQL.
@Suite(.serialized) struct ArchivePagesTests {
    /// `count` deduplicated records over `files` files, in a merge-like order (file indices mostly rising,
    /// some falling back, so many records have a place other than their file), with values of every size.
    func usage(_ count: Int, files: Int, seed: UInt64, grown: Int64 = 0) -> LoadedUsage {
        var random = SplitMix64(seed: seed)
        var transcripts: [TranscriptFile] = []
        for f in 0..<files {
            let project = "proj\(f % 5)"
            transcripts.append(TranscriptFile(path: "/p/\(project)/s\(f).jsonl", project: project, sessionID: "s\(f)",
                                              projectPath: project, size: Int64(100 + f) + grown,
                                              modified: Int64(1_700_000_000_000 + f), inode: UInt64(1000 + f)))
        }
        let models = [nil, "claude-opus-4-6", "claude-sonnet-4-20250514", "a-model-name-that-is-rather-long-\(seed)"]
        var file = 0
        var records: [PricedRecord] = []
        for i in 0..<count {
            if random.next() % 7 == 0 { file = min(files - 1, file + 1) }
            let own = random.next() % 9 == 0 ? Int(random.next() % UInt64(file + 1)) : file
            let big = random.next() % 5 == 0
            func amount() -> Int { Int(random.next() % (big ? 4_000_000_000 : 300)) }
            let tokens = TokenCounts(input: amount(), output: amount(), cacheCreation: amount(), cacheRead: amount())
            let time: Int64 = 1_750_000_000_000 + Int64(i) * 977 - (big ? 9_000_000_000_000 : 0)
            var cost: Double?
            if random.next() % 4 == 0 { cost = Double(random.next() % 1000) / 7 } else if random.next() % 9 == 0 { cost = 0 }
            var key: DedupKey?
            if random.next() % 13 != 0 {
                let request: UInt64 = random.next() % 2 == 0 ? 0 : random.next()
                key = DedupKey(message: random.next(), message2: random.next() % 3, request: request)
            }
            let reset: Int64? = random.next() % 11 == 0 ? Int64(random.next() % 2_000_000_000_000) : nil
            let session: String? = random.next() % 5 == 0 ? nil : "session-\(own)"
            let version: String? = random.next() % 2 == 0 ? "2.1.\(own % 4)" : nil
            let record = UsageRecord(time: time, tokens: tokens, cacheCreation1h: random.next() % 3 == 0 ? amount() : 0,
                                     recordedCost: cost, model: models[Int(random.next() % 4)],
                                     isFast: random.next() % 5 == 0, hasSpeed: random.next() % 3 == 0,
                                     isSidechain: random.next() % 6 == 0, dedupKey: key, sessionField: session,
                                     version: version, usageLimitReset: reset, fileIndex: Int32(own))
            records.append(PricedRecord(record, cost: 0))
        }
        return LoadedUsage(files: transcripts, records: records)
    }

    @Test("events written as pages are the rows SQL inserts, in a sound file, from one row to three levels of pages")
    func pagesEqualInsertedRows() throws {
        let root = NSTemporaryDirectory() + "ccusage-pages-\(getpid())"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { removeTemporary(root) }
        let rows = ArchiveBuildTests().rows
        for (k, (count, files)) in [(1, 1), (2, 1), (3, 2), (60, 3), (75, 4), (76, 4), (77, 5), (150, 9), (2_000, 40),
                                    (6_100, 100), (40_000, 700)].enumerated() {
            let usage = usage(count, files: files, seed: UInt64(k + 1))
            let pages = "\(root)/pages-\(k).sqlite", inserted = "\(root)/sql-\(k).sqlite"
            #expect(try UsageArchive.buildNew(usage, path: pages, signature: 5, project: nil, now: 1))
            UsageArchive.directPages = false
            defer { UsageArchive.directPages = true }
            #expect(try UsageArchive.buildNew(usage, path: inserted, signature: 5, project: nil, now: 1))
            UsageArchive.directPages = true
            let archive = try UsageArchive(path: pages)
            #expect(try archive.integrityCheck() == "ok", "\(count) rows")
            let expected = try rows(inserted)
            #expect(try rows(pages) == expected, "\(count) rows")
            #expect(try archive.db.integer("SELECT count(*) FROM events") == Int64(count))
            // The partial index answers as SQLite's own does.
            let placed = "SELECT count(*), sum(seq), sum(key1 % 1000) FROM events INDEXED BY events_placed WHERE place != file AND place > 0"
            #expect(try archive.db.integer(placed) == UsageArchive(path: inserted).db.integer(placed))
            // The archive takes later upserts as one written through SQL does.
            let later = self.usage(count / 2 + 1, files: files, seed: UInt64(k + 100), grown: 10)
            for path in [pages, inserted] {
                try UsageArchive(path: path).store(later, signature: 6, project: nil, now: 2)
            }
            #expect(try rows(pages) == rows(inserted))
            #expect(try UsageArchive(path: pages).integrityCheck() == "ok")
        }
    }

    @Test("the page path is taken only for the events layout it encodes")
    func pagesOnlyForTheirLayout() throws {
        let root = NSTemporaryDirectory() + "ccusage-layout-\(getpid())"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { removeTemporary(root) }
        let archive = try UsageArchive(path: root + "/a.sqlite")
        #expect(try archive.eventsMatchPages())
        try archive.db.execute("ALTER TABLE events ADD COLUMN note TEXT")
        #expect(try !archive.eventsMatchPages())
        let other = try UsageArchive(path: root + "/b.sqlite")
        try other.db.execute("DROP INDEX events_placed; CREATE INDEX events_placed ON events(place, seq)")
        #expect(try !other.eventsMatchPages())
    }
}
