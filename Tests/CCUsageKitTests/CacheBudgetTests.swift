import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

@Suite struct CacheBudgetTests {
    func write(_ dir: String, _ name: String, bytes: Int, usedAt seconds: Double) throws {
        let path = dir + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(count: bytes))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: seconds)], ofItemAtPath: path)
    }

    @Test func leastRecentlyUsedFilesGoFirstAndOtherVersionsAreRemoved() throws {
        let dir = try makeTemporaryDirectory("ccusage-budget")
        defer { removeTemporary(dir) }
        let merged = "merged-v\(MergedCache.version)-", report = "report-v\(ReportCache.version)-"
        for i in 0..<12 { try write(dir, merged + "\(i).bin", bytes: 100, usedAt: 1_000_000 + Double(i)) }
        for i in 0..<40 { try write(dir, report + "\(i).bin", bytes: 10, usedAt: 1_000_000 + Double(i)) }
        for old in ["merged-v5-1.bin", "report-v1-2.bin", "scan-cache-v2.bin", "listings-v0.bin", "codex-scan-v0.bin"] {
            try write(dir, old, bytes: 5, usedAt: 2_000_000)
        }
        try write(dir, ScanCache.fileName, bytes: 5, usedAt: 1)
        try write(dir, ListingCache.fileName, bytes: 5, usedAt: 1)
        try write(dir, CodexScanCache.fileName, bytes: 5, usedAt: 1)
        try write(dir, "litellm-pricing.json", bytes: 5, usedAt: 1)
        try write(dir, merged + "x.bin.tmp-1-2", bytes: 5, usedAt: 1_000_000)      // left by a killed run
        try write(dir, merged + "y.bin.tmp-3-4", bytes: 5, usedAt: 2_000_000)      // being written now
        CacheBudget.prune(directory: dir, now: 2_000_001 * 1_000_000_000)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: dir))
        #expect(names == Set((4..<12).map { merged + "\($0).bin" } + (8..<40).map { report + "\($0).bin" }
                             + [ScanCache.fileName, ListingCache.fileName, CodexScanCache.fileName,
                                "litellm-pricing.json", merged + "y.bin.tmp-3-4"]))
    }

    @Test func theByteBudgetKeepsTheMostRecentFileOfEachKindWhateverItsSize() throws {
        let dir = try makeTemporaryDirectory("ccusage-budget")
        defer { removeTemporary(dir) }
        let merged = "merged-v\(MergedCache.version)-"
        // Sparse files: their size counts, no disk is used.
        for (i, size) in [(0, CacheBudget.bytes + 1), (1, 1 << 20), (2, CacheBudget.bytes / 2)] {
            let path = dir + "/" + merged + "\(i).bin"
            FileManager.default.createFile(atPath: path, contents: nil)
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.truncate(atOffset: UInt64(size))
            try handle.close()
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000 - Double(i))],
                                                  ofItemAtPath: path)
        }
        CacheBudget.prune(directory: dir)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(names == [merged + "0.bin"])
    }
}
