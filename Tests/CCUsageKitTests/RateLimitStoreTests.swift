import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

@Suite struct RateLimitStoreTests {
    @Test("the config directory of a transcript", arguments: [
        ("/home/u/.claude/projects/-home-u-app/5b1f.jsonl", "/home/u/.claude"),
        ("/home/u/.config/claude/projects/p/s/subagents/agent-a1.jsonl", "/home/u/.config/claude"),
        ("/data/projects/x/projects/p/s.jsonl", "/data/projects/x"),
        ("/projects/p/s.jsonl", "/"),
        ("test/test-transcript.jsonl", nil),
        ("/home/u/projects", nil),
    ] as [(String, String?)])
    func configDirectory(_ transcript: String, _ directory: String?) {
        #expect(RateLimitStore.configDirectory(ofTranscript: transcript) == directory)
    }

    @Test func remembersTheLatestValuesPerDirectory() throws {
        let cache = try makeTemporaryDirectory("ccusage-rate-limits")
        defer { removeTemporary(cache) }
        let reset: Int64 = 1_795_795_200
        let now = (reset - 3600) * 1000
        let a = RateLimits(fiveHour: .init(usedPercentage: 23.5, resetsAt: reset))
        let b = RateLimits(fiveHour: .init(usedPercentage: 50, resetsAt: reset),
                           sevenDay: .init(usedPercentage: 41.2, resetsAt: reset + 5 * 86_400))
        #expect(RateLimitStore.read(cacheDirectory: cache).isEmpty)
        #expect(RateLimitStore.remember(a, configDirectory: "/home/u/.claude", now: now, cacheDirectory: cache))
        #expect(RateLimitStore.remember(b, configDirectory: "/work/claude", now: now + 1000, cacheDirectory: cache))
        // The same values again within a minute: nothing rewritten, the first sighting stays.
        #expect(RateLimitStore.remember(a, configDirectory: "/home/u/.claude", now: now + 30_000, cacheDirectory: cache))
        #expect(RateLimitStore.read(cacheDirectory: cache) == [
            RememberedRateLimits(configDirectory: "/home/u/.claude", seenAt: now, limits: a),
            RememberedRateLimits(configDirectory: "/work/claude", seenAt: now + 1000, limits: b),
        ])
        // New values replace the old ones of that directory only.
        let c = RateLimits(fiveHour: .init(usedPercentage: 30, resetsAt: reset))
        #expect(RateLimitStore.remember(c, configDirectory: "/home/u/.claude", now: now + 60_000, cacheDirectory: cache))
        let all = RateLimitStore.read(cacheDirectory: cache)
        #expect(all.map(\.limits) == [c, b])

        // Only the directories asked for, only what is still in effect, most recent first.
        #expect(RateLimitStore.current(all, directories: ["/home/u/.claude/", "/work/claude"], now: now + 120_000)
            .map(\.configDirectory) == ["/home/u/.claude", "/work/claude"])
        #expect(RateLimitStore.current(all, directories: ["/elsewhere"], now: now).isEmpty)
        // A data directory reached through a symbolic link is the same directory.
        let real = cache + "/real", link = cache + "/link"
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let linked = [RememberedRateLimits(configDirectory: link, seenAt: now, limits: a)]
        #expect(RateLimitStore.current(linked, directories: [real + "/"], now: now).count == 1)
        let afterReset = RateLimitStore.current(all, directories: ["/home/u/.claude", "/work/claude"], now: reset * 1000)
        #expect(afterReset == [RememberedRateLimits(configDirectory: "/work/claude", seenAt: now + 1000,
                                                    limits: RateLimits(sevenDay: b.sevenDay))])
    }

    @Test func aDamagedFileIsIgnoredAndReplaced() throws {
        let cache = try makeTemporaryDirectory("ccusage-rate-limits")
        defer { removeTemporary(cache) }
        for junk in ["", "{", #"{"entries":"lots"}"#, #"{"entries":[{"configDir":"/c","seenAt":1,"fiveHour":{"usedPercentage":-1,"resetsAt":5}}]}"#] {
            try junk.write(toFile: RateLimitStore.path(cacheDirectory: cache), atomically: true, encoding: .utf8)
            #expect(RateLimitStore.read(cacheDirectory: cache).isEmpty)
        }
        let limits = RateLimits(fiveHour: .init(usedPercentage: 1, resetsAt: 2_000_000_000))
        #expect(RateLimitStore.remember(limits, configDirectory: "/c", now: 1, cacheDirectory: cache))
        #expect(RateLimitStore.read(cacheDirectory: cache).map(\.limits) == [limits])
    }

    @Test("ages", arguments: [(0, "just now"), (59, "just now"), (60, "1m ago"), (3599, "59m ago"), (3600, "1h 0m ago"), (7500, "2h 5m ago")])
    func age(_ seconds: Int64, _ text: String) {
        let r = RememberedRateLimits(configDirectory: "/c", seenAt: 1_000_000, limits: RateLimits())
        #expect(r.age(now: 1_000_000 + seconds * 1000) == text)
    }
}
