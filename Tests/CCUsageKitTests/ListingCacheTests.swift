import CCUsageTestSupport
import CShims
import Foundation
import Testing
@testable import CCUsageKit

/// The remembered folder listings (`ListingCache`): a walk that reuses them finds exactly what a walk that
/// lists every folder finds.
@Suite struct ListingCacheTests {
    /// Files and problems of one walk, comparable.
    struct Walk: Equatable {
        var files: [String]
        var sizes: [Int64]
        var problems: [String]
    }

    func walk(_ root: String, cache: String?, margin: Int64 = 0, parallel: Bool = true,
              project: String? = nil) -> (Walk, ListingCache?) {
        let listings = cache.map { ListingCache(directory: $0, margin: margin) }
        var problems: [LoadProblem] = []
        let files = Discovery.transcripts(in: [root], project: project, parallel: parallel, listings: listings,
                                          problems: &problems)
        if let listings, listings.changed { listings.write() }
        return (Walk(files: files.map(\.path), sizes: files.map(\.size), problems: problems.map(\.description)),
                listings)
    }

    /// A file system's folder times have a coarse clock: changes made right after a listing wait a tick.
    func settle() { usleep(30_000) }

    func tree() throws -> String {
        try makeTree([
            "p/s1.jsonl": [line(id: "a")],
            "p/s1/subagents/agent-1.jsonl": [line(id: "b")],
            "p/.hidden/x.jsonl": [line(id: "c")],
            "p/notes.txt": ["ignored"],
            "q/deep/er/s2.jsonl": [line(id: "d")],
            "r/s3.jsonl": [line(id: "e")],
        ])
    }

    @Test func unchangedFoldersAreNotListedAgain() throws {
        let root = try tree(), cache = root + "/cache"
        defer { removeTemporary(root) }
        let (first, one) = walk(root, cache: cache)
        #expect(first == walk(root, cache: nil).0)
        #expect(one!.reused == 0 && one!.listedAgain > 0)
        settle()
        for parallel in [true, false] {
            let (again, two) = walk(root, cache: cache, parallel: parallel)
            #expect(again == first)
            #expect(two!.listedAgain == 0 && two!.reused == one!.listedAgain && !two!.changed)
        }
    }

    @Test func everyChangeOfAFolderIsSeen() throws {
        let root = try tree(), cache = root + "/cache"
        defer { removeTemporary(root) }
        let projects = root + "/projects"
        let fm = FileManager.default
        let changes: [(String, () throws -> Void)] = [
            ("new file in a nested folder", {
                try (line(id: "f") + "\n").write(toFile: projects + "/q/deep/er/new.jsonl", atomically: false, encoding: .utf8) }),
            ("grown file", {
                let h = try #require(FileHandle(forWritingAtPath: projects + "/r/s3.jsonl"))
                h.seekToEndOfFile(); h.write(Data((line(id: "g") + "\n").utf8)); try h.close() }),
            ("renamed file", { try fm.moveItem(atPath: projects + "/p/s1.jsonl", toPath: projects + "/p/s9.jsonl") }),
            ("removed folder", { try fm.removeItem(atPath: projects + "/p/.hidden") }),
            ("folder replaced by a link to another", {
                try fm.removeItem(atPath: projects + "/r")
                try fm.createSymbolicLink(atPath: projects + "/r", withDestinationPath: projects + "/q/deep") }),
            ("new project", {
                try fm.createDirectory(atPath: projects + "/z/s", withIntermediateDirectories: true)
                try (line(id: "h") + "\n").write(toFile: projects + "/z/s/t.jsonl", atomically: false, encoding: .utf8) }),
            ("non-transcript added", {
                try "x".write(toFile: projects + "/z/readme.md", atomically: false, encoding: .utf8) }),
            ("unreadable folder", {
                try fm.setAttributes([.posixPermissions: 0], ofItemAtPath: projects + "/q/deep/er") }),
        ]
        _ = walk(root, cache: cache)
        for (name, change) in changes {
            settle()
            try change()
            let cold = walk(root, cache: nil).0
            let warm = walk(root, cache: cache).0
            #expect(warm == cold, "\(name)")
            // And once more, with the listings just written.
            settle()
            #expect(walk(root, cache: cache).0 == cold, "\(name), again")
        }
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: projects + "/q/deep/er")
    }

    @Test func foldersChangedJustBeforeTheirListingAreListedAgain() throws {
        let root = try tree(), cache = root + "/cache"
        defer { removeTemporary(root) }
        // The tree was just made: with the real margin, nothing listed now may be reused.
        _ = walk(root, cache: cache, margin: ListingCache.defaultMargin)
        let (_, again) = walk(root, cache: cache, margin: ListingCache.defaultMargin)
        #expect(again!.reused == 0 && again!.changed)
    }

    @Test func aWalkOfOneProjectKeepsTheOtherListings() throws {
        let root = try tree(), cache = root + "/cache"
        defer { removeTemporary(root) }
        let (all, _) = walk(root, cache: cache)
        settle()
        #expect(walk(root, cache: cache, project: "q").0 == walk(root, cache: nil, project: "q").0)
        settle()
        let (again, listings) = walk(root, cache: cache)
        #expect(again == all && listings!.listedAgain == 0)
    }

    @Test("a damaged or foreign listings file is ignored", arguments: ["", "garbage", "CCUSAGE-LISTINGS\u{9}", "half"])
    func damagedListings(_ content: String) throws {
        let root = try tree(), cache = root + "/cache"
        defer { removeTemporary(root) }
        let (first, _) = walk(root, cache: cache)
        let path = cache + "/" + ListingCache.fileName
        var bytes = Array(content.utf8)
        if content == "half" {
            let real = try Data(contentsOf: URL(fileURLWithPath: path))
            bytes = Array(real.prefix(real.count / 2))
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        settle()
        let (again, listings) = walk(root, cache: cache)
        #expect(again == first && listings!.reused == 0)
    }

    @Test func onlyLocalFileSystemsAreTrusted() throws {
        let root = try tree()
        defer { removeTemporary(root) }
        #if os(Linux)
        #expect(ccusage_trusts_directory_times(root) == 1)   // the temp dir: ext4, tmpfs, overlayfs…
        #expect(ccusage_trusts_directory_times("/proc") == 0)
        #endif
        #expect(ccusage_trusts_directory_times(root + "/does-not-exist") == 0)
    }
}

@Suite struct RecordLayoutTests {
    /// Records are written to the merged cache as their bytes: no padding (no stray memory in the file) and
    /// no references.
    @Test func recordsArePlainDataWithoutPadding() {
        #expect(_isPOD(PricedRecord.self))
        #expect(MemoryLayout<PricedRecord>.size == MemoryLayout<PricedRecord>.stride)
        #expect(MemoryLayout<UsageRecord>.size == MemoryLayout<UsageRecord>.stride)
        #expect(MemoryLayout<PricedRecord>.size == 120)
    }

    @Test func optionalFieldsAndStringsRoundTrip() {
        var r = UsageRecord(time: 5, tokens: TokenCounts(input: 1, output: 2), model: "m-\(UUID())", sessionField: "s")
        #expect(r.recordedCost == nil && r.dedupKey == nil && r.usageLimitReset == nil && r.version == nil)
        r.recordedCost = 0.25; r.usageLimitReset = -7; r.version = "1.2.3"; r.isFast = true; r.isSidechain = true
        r.dedupKey = DedupKey(messageID: "a", requestID: nil)
        #expect(r.recordedCost == 0.25 && r.usageLimitReset == -7 && r.version == "1.2.3" && r.isFast && !r.hasSpeed)
        #expect(r.dedupKey == DedupKey(messageID: "a", requestID: nil) && r.isSidechain)
        let same = UsageRecord(time: 5, tokens: TokenCounts(input: 1, output: 2), recordedCost: 0.25, model: r.model,
                               isFast: true, isSidechain: true, dedupKey: DedupKey(messageID: "a", requestID: nil),
                               sessionField: "s", version: "1.2.3", usageLimitReset: -7)
        #expect(same == r)
        r.recordedCost = nil; r.version = nil
        #expect(r.recordedCost == nil && r.version == nil && r != same)
    }
}
