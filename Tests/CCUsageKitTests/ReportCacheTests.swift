import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

@Suite struct ReportCacheTests {
    @Test func entriesRoundTripAndOnlyTheMostRecentlyUsedAreKept() throws {
        let dir = try makeTemporaryDirectory("ccusage-reports")
        defer { removeTemporary(dir) }
        let entry = { (i: Int) in ReportCache.Entry(notices: "n\(i)", text: "report \(i)\n", warnings: "") }
        #expect(ReportCache.write(directory: dir, key: "k0", signature: 7, entry: entry(0)))
        #expect(ReportCache.read(directory: dir, key: "k0", signature: 7) == entry(0))
        #expect(ReportCache.read(directory: dir, key: "k0", signature: 8) == nil)   // other files
        #expect(ReportCache.read(directory: dir, key: "k1", signature: 7) == nil)
        // An entry of an older format is removed on the next write.
        FileManager.default.createFile(atPath: dir + "/report-v1-3f.bin", contents: Data("old".utf8))
        let full = ReportCache.capacity - 1
        for i in 1...full { #expect(ReportCache.write(directory: dir, key: "k\(i)", signature: 7, entry: entry(i))) }
        // Give the entries distinct last-use times (the clock behind file times is coarse): k1 the oldest, k0
        // the most recent.
        for i in 0...full {
            let path = ReportCache.path(directory: dir, key: "k\(i)")
            let used = Date(timeIntervalSince1970: 1_000_000 + Double(i == 0 ? 1000 : i))
            try FileManager.default.setAttributes([.modificationDate: used], ofItemAtPath: path)
        }
        for i in (full + 1)...(full + 8) {
            #expect(ReportCache.write(directory: dir, key: "k\(i)", signature: 7, entry: entry(i)))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("report-") }
        #expect(names.count == ReportCache.capacity && !names.contains("report-v1-3f.bin"))
        #expect(ReportCache.read(directory: dir, key: "k0", signature: 7) == entry(0))
        #expect(ReportCache.read(directory: dir, key: "k\(full + 8)", signature: 7) == entry(full + 8))
        for i in 1...8 { #expect(ReportCache.read(directory: dir, key: "k\(i)", signature: 7) == nil, "k\(i)") }
        #expect(ReportCache.read(directory: dir, key: "k9", signature: 7) == entry(9))
    }
}
