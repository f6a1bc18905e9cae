import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

@Suite struct StatuslineCacheTests {
    let state = StatuslineCacheState(date: "2025-07-20T10:00:00.000Z", lastOutput: "🤖 line", lastUpdateTime: 10_000,
                                     transcriptPath: "/t.jsonl", transcriptMtime: 500)

    @Test func reuseWhileFreshAndUnchanged() {
        func decide(_ s: StatuslineCacheState?, now: Int64 = 10_500, mtime: Int64 = 500, path: String = "/t.jsonl",
                    alive: Bool = false) -> StatuslineCache.Decision {
            StatuslineCache.decide(s, now: now, refreshSeconds: 1, transcriptPath: path, transcriptMtime: mtime,
                                   isAlive: { _ in alive })
        }
        #expect(decide(state) == .reuse("🤖 line"))
        #expect(decide(state, now: 11_000) == .compute)               // expired
        #expect(decide(state, mtime: 501) == .compute)                // transcript changed
        #expect(decide(state, path: "/other.jsonl") == .compute)
        #expect(decide(nil) == .compute)
        var empty = state
        empty.lastOutput = ""
        #expect(decide(empty) == .compute)
        var updating = state
        updating.isUpdating = true
        updating.pid = 4242
        #expect(decide(updating, now: 20_000, alive: true) == .reuse("🤖 line"))   // another process is on it
        #expect(decide(updating, now: 20_000, alive: false) == .compute)          // …but it died
    }

    @Test func aLineMadeWithOtherOptionsIsNeverReused() {
        let plain = StatuslineCache.optionsKey(format: StatuslineFormat(), label: "Sonnet 4", zone: "UTC", colors: false,
                                               online: false, overrides: [:])
        var keyed = state
        keyed.options = plain
        func decide(_ s: StatuslineCacheState, _ options: String, alive: Bool = false, now: Int64 = 10_500) -> StatuslineCache.Decision {
            StatuslineCache.decide(s, now: now, refreshSeconds: 1, transcriptPath: "/t.jsonl", transcriptMtime: 500,
                                   options: options, isAlive: { _ in alive })
        }
        #expect(decide(keyed, plain) == .reuse("🤖 line"))
        let others = [
            StatuslineCache.optionsKey(format: StatuslineFormat(costSource: .both), label: "Sonnet 4", zone: "UTC",
                                       colors: false, online: false, overrides: [:]),
            StatuslineCache.optionsKey(format: StatuslineFormat(burnRateVisual: .emojiText), label: "Sonnet 4", zone: "UTC",
                                       colors: false, online: false, overrides: [:]),
            StatuslineCache.optionsKey(format: StatuslineFormat(thresholds: ContextThresholds(low: 10, medium: 20)),
                                       label: "Sonnet 4", zone: "UTC", colors: false, online: false, overrides: [:]),
            StatuslineCache.optionsKey(format: StatuslineFormat(), label: "S4", zone: "UTC", colors: false, online: false,
                                       overrides: [:]),
            StatuslineCache.optionsKey(format: StatuslineFormat(), label: "Sonnet 4", zone: "Asia/Tokyo", colors: false,
                                       online: false, overrides: [:]),
            StatuslineCache.optionsKey(format: StatuslineFormat(), label: "Sonnet 4", zone: "UTC", colors: true,
                                       online: false, overrides: [:]),
            StatuslineCache.optionsKey(format: StatuslineFormat(), label: "Sonnet 4", zone: "UTC", colors: false,
                                       online: true, overrides: [:]),
            StatuslineCache.optionsKey(format: StatuslineFormat(), label: "Sonnet 4", zone: "UTC", colors: false,
                                       online: false, overrides: ["m": ["inputCostPerToken": 1e-6]]),
        ]
        #expect(Set(others + [plain]).count == others.count + 1)
        for other in others {
            #expect(decide(keyed, other) == .compute)
            var updating = keyed
            updating.isUpdating = true
            updating.pid = 4242
            #expect(decide(updating, other, alive: true, now: 20_000) == .compute)   // being made, but with other options
        }
        // The key does not depend on the order overrides come in.
        let a = StatuslineCache.optionsKey(format: StatuslineFormat(), label: "", zone: "UTC", colors: false, online: false,
                                           overrides: ["m": ["a": 1, "b": 2], "n": ["c": 3]])
        let b = StatuslineCache.optionsKey(format: StatuslineFormat(), label: "", zone: "UTC", colors: false, online: false,
                                           overrides: ["n": ["c": 3], "m": ["b": 2, "a": 1]])
        #expect(a == b)
    }

    @Test("file names stay inside the directory", arguments: [
        ("73cc9f9a-2775-4418-beec-bc36b62a1c6f", "73cc9f9a-2775-4418-beec-bc36b62a1c6f.lock"),
        ("test-session.v2_x", "test-session.v2_x.lock"),
    ])
    func plainNames(_ id: String, _ name: String) { #expect(StatuslineCache.fileName(sessionID: id) == name) }

    @Test(arguments: ["../../etc/passwd", "", ".hidden", "a/b", "naïve id", String(repeating: "z", count: 300)])
    func unsafeNamesAreSanitized(_ id: String) {
        let name = StatuslineCache.fileName(sessionID: id)
        #expect(!name.contains("/") && !name.hasPrefix(".") && name.hasSuffix(".lock") && name.utf8.count < 100)
        #expect(name.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(name != StatuslineCache.fileName(sessionID: id + "x"))
    }

    @Test func writeThenReadAndUnwritableDirectories() throws {
        let dir = try makeTemporaryDirectory("sem")
        defer { removeTemporary(dir) }
        let prepared = try #require(StatuslineCache.prepareDirectory(StatuslineCache.directory(tmp: dir + "/"), uid: getuid()))
        #expect(prepared == dir + "/ccusage-semaphore")
        #expect(StatuslineCache.write(state, directory: prepared, sessionID: "s/1"))
        #expect(StatuslineCache.read(directory: prepared, sessionID: "s/1") == state)
        #expect(try FileManager.default.contentsOfDirectory(atPath: prepared) == [StatuslineCache.fileName(sessionID: "s/1")])
        #expect(StatuslineCache.read(directory: prepared, sessionID: "other") == nil)
        #expect(!StatuslineCache.write(state, directory: "/nonexistent/dir", sessionID: "s"))
        #expect(StatuslineCache.prepareDirectory("/nonexistent/dir/ccusage-semaphore", uid: getuid()) == nil)
        #expect(StatuslineCache.prepareDirectory(prepared, uid: getuid() &+ 1) == nil)   // not ours
    }
}
