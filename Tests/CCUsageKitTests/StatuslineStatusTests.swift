import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

@Suite struct StatuslineStatusTests {
    /// An assistant line with a `sessionId` and a recorded cost (so the numbers do not depend on prices).
    func entry(_ id: String, session: String, time: String, cost: Double, input: Int = 100, output: Int = 200) -> String {
        #"{"type":"assistant","sessionId":"\#(session)","requestId":"r\#(id)","timestamp":"\#(time)","costUSD":\#(cost),"message":{"id":"m\#(id)","model":"claude-sonnet-4-20250514","usage":{"input_tokens":\#(input),"output_tokens":\#(output)}}}"#
    }

    func load(_ files: [String: [String]], now: String) throws -> (LoadedUsage, Int64) {
        let root = try makeTree(files)
        defer { removeTemporary(root) }
        let env = testEnvironment(configDir: root, now: now)
        return (try UsageLoader.load(LoadOptions(), env), env.now)
    }

    @Test func sessionTodayAndActiveBlock() throws {
        let (usage, now) = try load([
            "p/aaaa-session.jsonl": [
                entry("1", session: "aaaa-session", time: "2025-07-19T23:30:00Z", cost: 1.0),
                entry("2", session: "aaaa-session", time: "2025-07-20T10:05:00Z", cost: 2.0),
                entry("3", session: "aaaa-session", time: "2025-07-20T10:35:00Z", cost: 4.0),
            ],
            // Resumed elsewhere: the JSONL sessionId still names the session.
            "p/bbbb-other.jsonl": [
                entry("4", session: "aaaa-session", time: "2025-07-20T10:20:00Z", cost: 8.0),
                entry("5", session: "bbbb-other", time: "2025-07-20T10:40:00Z", cost: 16.0),
            ],
        ], now: "2025-07-20T11:15:30Z")
        let h = StatuslineHook(sessionID: "aaaa-session", transcriptPath: "/x.jsonl", model: .init(displayName: "Sonnet 4"))
        let utc = StatuslineStatus(hook: h, usage: usage, now: now, zone: ReportZone(identifier: "UTC")!,
                                   transcriptContextTokens: nil)
        #expect(utc.computedSessionCost == 15)
        #expect(utc.hookSessionCost == nil)
        #expect(utc.todayCost == 30)
        let block = try #require(utc.block)
        #expect(block.cost == 30)
        // The block runs 10:00–15:00; 3h 44m 30s are left, floored.
        #expect(block.remainingMinutes == 224)
        let burn = try #require(block.burn)
        #expect(abs(burn.costPerHour - 30.0 / 35 * 60) < 1e-9)
        #expect(abs(burn.tokensPerMinuteForIndicator - 1200.0 / 35) < 1e-9)
        #expect(utc.context == nil)
        // In Tokyo it is already the 20th at 23:30 UTC on the 19th: every entry is "today".
        let tokyo = StatuslineStatus(hook: h, usage: usage, now: now, zone: ReportZone(identifier: "Asia/Tokyo")!,
                                     transcriptContextTokens: nil)
        #expect(tokyo.todayCost == 31)
    }

    @Test func unknownSessionAndNoActiveBlock() throws {
        let (usage, now) = try load(["p/s.jsonl": [entry("1", session: "s", time: "2025-07-20T10:05:00Z", cost: 1)]],
                                    now: "2025-07-21T10:00:00Z")
        let h = StatuslineHook(sessionID: "nope", transcriptPath: "/x", model: .init(displayName: "M"),
                               cost: .init(totalCostUSD: 0.25))
        let s = StatuslineStatus(hook: h, usage: usage, now: now, zone: ReportZone(identifier: "UTC")!,
                                 transcriptContextTokens: nil)
        #expect(s.computedSessionCost == nil)
        #expect(s.hookSessionCost == 0.25)
        #expect(s.todayCost == 0)
        #expect(s.block == nil)
    }

    @Test func contextComesFromTheHookFirstThenTheTranscript() {
        let usage = LoadedUsage()
        let zone = ReportZone(identifier: "UTC")!
        var h = StatuslineHook(sessionID: "s", transcriptPath: "/x", model: .init(id: "claude-sonnet-4-6", displayName: "Sonnet 4.6"),
                               contextWindow: .init(totalInputTokens: 50_000, contextWindowSize: 100_000))
        #expect(StatuslineStatus(hook: h, usage: usage, now: 0, zone: zone, transcriptContextTokens: 7).context
                == .init(tokens: 50_000, window: 100_000))
        // Without a size the model's window applies (Sonnet 4.6: 1M).
        h.contextWindow = .init(totalInputTokens: 50_000)
        #expect(StatuslineStatus(hook: h, usage: usage, now: 0, zone: zone, transcriptContextTokens: 7).context
                == .init(tokens: 50_000, window: 1_000_000))
        h.contextWindow = nil
        #expect(StatuslineStatus(hook: h, usage: usage, now: 0, zone: zone, transcriptContextTokens: 7).context
                == .init(tokens: 7, window: 1_000_000))
        h.model = .init(displayName: "No id")
        #expect(StatuslineStatus(hook: h, usage: usage, now: 0, zone: zone, transcriptContextTokens: 7).context
                == .init(tokens: 7, window: 200_000))
        #expect(StatuslineStatus(hook: h, usage: usage, now: 0, zone: zone, transcriptContextTokens: nil).context == nil)
    }

    @Test func contextWindowOfModels() {
        #expect(StatuslineStatus.contextWindow(of: "claude-opus-4-1-20250805", prices: .embedded) == 200_000)
        #expect(StatuslineStatus.contextWindow(of: "claude-sonnet-4-6", prices: .embedded) == 1_000_000)
        #expect(StatuslineStatus.contextWindow(of: "not-a-model-xyz", prices: .embedded) == 200_000)
        #expect(StatuslineStatus.contextWindow(of: nil, prices: .embedded) == 200_000)
    }
}
