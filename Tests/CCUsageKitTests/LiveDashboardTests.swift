import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

@Suite struct LiveDashboardTests {
    let utc = ReportZone(identifier: "UTC")!
    let now = Timestamp.parse("2025-07-20T11:15:30Z")!

    /// Active block 10:00–15:00 UTC: 61,500 tokens, $1.50, over 30 minutes.
    func block(reset: String? = nil) throws -> SessionBlock {
        var records = [
            PricedRecord(try #require(record(line(id: "a", model: "claude-sonnet-4-20250514", input: 1000, output: 20_000,
                                                   time: "2025-07-20T10:05:00Z"))), cost: 1.0),
            PricedRecord(try #require(record(line(id: "b", model: "claude-opus-4-1-20250805", input: 500, output: 10_000,
                                                   cacheRead: 30_000, time: "2025-07-20T10:35:00Z"))), cost: 0.5),
        ]
        if let reset { records[1].record.usageLimitReset = Timestamp.parse(reset) }
        return try #require(SessionBlocks.build(records, now: now).first { $0.isActive })
    }

    func snapshot(limit: Int? = 100_000, reset: String? = nil) throws -> LiveSnapshot {
        LiveSnapshot(block: try block(reset: reset), now: now, zone: utc, tokenLimit: limit, refreshSeconds: 1)
    }

    @Test func wideFrameWithALimit() throws {
        let frame = LiveDashboard.render(try snapshot(), width: 120, style: .plain)
        let expected = """
         ┌────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
         │                                       CLAUDE CODE - LIVE TOKEN USAGE MONITOR                                       │
         ├────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┤
         │                                                                                                                    │
         │ ⏱️ SESSION     [██████████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░]   25.2%                 │
         │    Started: 10:00:00 AM  Elapsed: 1h  Remaining: 3h (03:00:00 PM)                                                  │
         │                                                                                                                    │
         ├────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┤
         │                                                                                                                    │
         │ 🔥 USAGE       [█████████████████████████████████████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░]   61.5% (61.5k/100.0k)  │
         │    Tokens: 61,500 (Burn Rate: 2,050 token/min ⚡ HIGH)  Limit: 100,000 tokens  Cost: $1.50                         │
         │                                                                                                                    │
         ├────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┤
         │                                                                                                                    │
         │ 📈 PROJECTION  [█████████████████████████████████████████████████████████████████████████]  521.7% (521.7k/100.0k) │
         │    Status: ❌ WILL EXCEED LIMIT  Tokens: 521,725  Cost: $12.73                                                     │
         │                                                                                                                    │
         ├────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┤
         │ ⚙️  Models: opus-4-1, sonnet-4                                                                                     │
         ├────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┤
         │                                   ↻ Refreshing every 1s  •  Press Ctrl+C to stop                                   │
         └────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘

        """
        #expect(frame == expected)
    }

    @Test func everyWideLineHasTheBoxWidth() throws {
        for width in [60, 80, 100, 121, 200] {
            for limit in [nil, 100_000, 10_000_000] as [Int?] {
                let frame = LiveDashboard.render(try snapshot(limit: limit, reset: "2025-07-20T12:30:00Z"),
                                                 width: width, style: .plain)
                let box = min(120, width - 2), margin = (width - box) / 2
                for line in frame.split(separator: "\n") {
                    #expect(DisplayWidth.of(String(line)) == margin + box, "width \(width), limit \(String(describing: limit)): \(line)")
                }
            }
        }
    }

    @Test func anchoredFramesPlaceBordersAndBarsWithCursorMoves() throws {
        for width in [80, 121] {
            let plain = LiveDashboard.render(try snapshot(), width: width, style: .plain)
            let anchored = LiveDashboard.render(try snapshot(), width: width, style: .plain, anchored: true)
            let box = min(120, width - 2), margin = (width - box) / 2
            // Without the cursor moves it is the plain frame.
            #expect(anchored.replacingOccurrences(of: "\u{1B}\\[[0-9]+G", with: "", options: .regularExpression) == plain)
            for line in anchored.split(separator: "\n") where line.hasSuffix("│") {
                #expect(line.hasSuffix("\u{1B}[\(margin + box)G│"), "\(line)")
            }
            let bars = anchored.split(separator: "\n").filter { $0.contains("[█") || $0.contains("[░") }
            #expect(bars.count == 3)
            for bar in bars { #expect(bar.contains("\u{1B}[\(margin + 2 + 14 + 1 + 1)G["), "\(bar)") }
        }
    }

    @Test func claudesOwnLimitIsShownWithItsAge() throws {
        var s = try snapshot()
        let reset = Timestamp.parse("2025-07-20T14:00:00Z")! / 1000
        s.rateLimits = RememberedRateLimits(configDirectory: "/home/u/.claude", seenAt: now - 3 * 60_000,
                                            limits: RateLimits(fiveHour: .init(usedPercentage: 71.6, resetsAt: reset)))
        let wide = LiveDashboard.render(s, width: 120, style: .plain)
        #expect(wide.contains("│    Claude 5h limit: 72% used  Resets: 02:00 PM  Seen: 3m ago "), "\(wide)")
        let narrow = LiveDashboard.render(s, width: 62, style: .plain)
        #expect(narrow.contains("│    Claude 5h: 72% used · 02:00 PM · 3m ago"), "\(narrow)")
        let compact = LiveDashboard.render(s, width: 50, style: TerminalStyle(colors: true))
        #expect(compact.contains("Claude 5h: \u{1B}[33m72%\u{1B}[39m (3m ago)"), "\(compact)")
        for line in wide.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) == 119, "\(line)") }
    }

    @Test func withoutALimitTheBarsAreFixedAndShowTokenCounts() throws {
        let frame = LiveDashboard.render(try snapshot(limit: nil), width: 120, style: .plain)
        let lines = frame.split(separator: "\n").map(String.init)
        let usage = try #require(lines.first { $0.contains("🔥 USAGE") })
        // Without a limit the USAGE bar is a fixed 10 % fill.
        let bar = try #require(usage.split(separator: "[").last?.split(separator: "]").first)
        #expect(bar.filter { $0 == "█" }.count == Int(Double(bar.count) * 0.1))
        #expect(usage.contains("] (61.5k tokens)"))
        #expect(frame.contains("Tokens: 61,500 (Burn Rate: 2,050 token/min ⚡ HIGH)  Cost: $1.50"))
        #expect(!frame.contains("Limit:"))
        #expect(frame.contains("Status: ✓ ON TRACK  Tokens: 521,725  Cost: $12.73"))
        #expect(frame.contains("] (521.7k tokens)"))
    }

    @Test("projection status against the limit", arguments: [
        (1_000_000, "✓ WITHIN LIMIT"), (600_000, "⚠️  APPROACHING LIMIT"), (500_000, "❌ WILL EXCEED LIMIT"),
    ])
    func projectionStatus(_ limit: Int, _ status: String) throws {
        #expect(LiveDashboard.render(try snapshot(limit: limit), width: 120, style: .plain).contains("Status: \(status)"))
    }

    @Test func narrowWideLayoutFallsBackToTwoLines() throws {
        let frame = LiveDashboard.render(try snapshot(), width: 80, style: .plain)
        #expect(frame.contains("│    Tokens: 61.5k (Burn Rate: 2.1k token/min ⚡ HIGH)"))
        #expect(frame.contains("│    Limit: 100.0k tokens  Cost: $1.50"))
        #expect(frame.contains("│    Status: ❌ WILL EXCEED LIMIT  Tokens: 521,725  Cost: $12.73"))
        // Below ~75 columns the projection details split too, with short numbers.
        let seventy = LiveDashboard.render(try snapshot(), width: 64, style: .plain)
        #expect(seventy.contains("│    Status: ❌ WILL EXCEED LIMIT "))
        #expect(seventy.contains("│    Tokens: 521.7k  Cost: $12.73"))
        // Elapsed is dropped first when the session details do not fit.
        let sixty = LiveDashboard.render(try snapshot(), width: 60, style: .plain)
        #expect(sixty.contains("Started: 10:00:00 AM  Remaining: 3h (03:00:00 PM)"))
        #expect(!sixty.contains("Elapsed"))
    }

    @Test func compactViewBelowSixtyColumns() throws {
        let frame = LiveDashboard.render(try snapshot(), width: 40, style: .plain)
        let rule = String(repeating: "─", count: 40)
        let header = String(repeating: " ", count: 14) + "LIVE MONITOR" + String(repeating: " ", count: 14)
        #expect(frame == """
            \(header)
            \(rule)
            Session: 25.2% (1h 15m)
            Tokens: 61,500/100,000 OK
            Cost: $1.50
            Rate: 2,050/min
            \(rule)
            Refresh: 1s | Ctrl+C: stop

            """)
        #expect(LiveDashboard.render(try snapshot(limit: 50_000), width: 59, style: .plain).contains("Tokens: 61,500/50,000 OVER"))
        #expect(LiveDashboard.render(try snapshot(limit: 70_000), width: 59, style: .plain).contains("Tokens: 61,500/70,000 WARN"))
        #expect(LiveDashboard.render(try snapshot(limit: nil), width: 59, style: .plain).contains("Tokens: 61,500\nCost"))
    }

    @Test func usageLimitResetIsShownWhileInTheFuture() throws {
        let future = LiveDashboard.render(try snapshot(reset: "2025-07-20T12:30:00Z"), width: 120, style: .plain)
        #expect(future.contains("│ ❌ USAGE LIMIT. RESET AT 12:30 PM"))
        let past = LiveDashboard.render(try snapshot(reset: "2025-07-20T11:00:00Z"), width: 120, style: .plain)
        #expect(!past.contains("USAGE LIMIT"))
        // In the report zone.
        let tokyo = LiveSnapshot(block: try block(reset: "2025-07-20T12:30:00Z"), now: now,
                                 zone: ReportZone(identifier: "Asia/Tokyo")!, tokenLimit: nil)
        #expect(LiveDashboard.render(tokyo, width: 120, style: .plain).contains("RESET AT 09:30 PM"))
    }

    @Test func waitingAndErrorStates() {
        let none = LiveSnapshot(block: nil, now: now, zone: utc)
        #expect(LiveDashboard.render(none, width: 120, style: .plain) == "No active session block found. Waiting...\n")
        #expect(LiveDashboard.render(none, width: 120, style: TerminalStyle(colors: true))
                == "\u{1B}[33mNo active session block found. Waiting...\u{1B}[39m\n")
        #expect(LiveDashboard.error("boom", style: TerminalStyle(colors: true)) == "\u{1B}[31mError: boom\u{1B}[39m\n")
    }

    @Test func coloursOnlyWithAColourStyle() throws {
        let coloured = LiveDashboard.render(try snapshot(), width: 120, style: TerminalStyle(colors: true))
        #expect(coloured.contains("│\u{1B}[1m" + LiveDashboard.center(LiveDashboard.title, 116) + "\u{1B}[22m│"))
        #expect(coloured.contains("\u{1B}[36m█"))          // session bar: cyan
        #expect(coloured.contains("\u{1B}[31m⚡ HIGH"))
        #expect(!LiveDashboard.render(try snapshot(), width: 120, style: .plain).contains("\u{1B}"))
    }

    @Test("pretty-ms compact durations", arguments: [
        (0.0, "0ms"), (999, "999ms"), (59_999, "59s"), (60_000, "1m"), (4_530_000, "1h"), (90_000_000, "1d"),
    ])
    func compactDurations(_ ms: Double, _ text: String) { #expect(LiveDashboard.prettyCompact(ms) == text) }

    @Test func shortTokenCounts() {
        #expect(LiveDashboard.short(999) == "999")
        #expect(LiveDashboard.short(1000) == "1.0k")
        #expect(LiveDashboard.short(15_678) == "15.7k")
    }
}

@Suite struct IncrementalUsageTests {
    func append(_ path: String, _ text: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    func same(_ a: LoadedUsage, _ b: LoadedUsage) {
        #expect(a.records == b.records)
        #expect(a.files.map(\.path) == b.files.map(\.path))
        #expect(a.stats == b.stats)
        #expect(a.duplicatesRemoved == b.duplicatesRemoved)
    }

    @Test func refreshesMatchAFullLoadAndReadOnlyWhatChanged() throws {
        let root = try makeTree([
            "p/b-session.jsonl": [line(id: "m1", request: "r1", output: 10, time: "2025-07-20T10:00:00Z"),
                                  line(id: "m2", request: "r2", output: 20, time: "2025-07-20T10:01:00Z")],
            "p/d-session.jsonl": [line(id: "m3", request: "r3", output: 30, time: "2025-07-20T10:02:00Z")],
        ])
        defer { removeTemporary(root) }
        let env = testEnvironment(configDir: root)
        var loader = IncrementalUsage(options: LoadOptions())
        same(try loader.refresh(env), try UsageLoader.load(LoadOptions(), env))
        #expect(loader.lastActivity.filesReadWhole == 2)

        // Nothing changed: nothing is read.
        _ = try loader.refresh(env)
        #expect(loader.lastActivity == IncrementalUsage.Activity())

        // An appended line, then a streamed duplicate with more output, then a half-written line.
        let b = root + "/projects/p/b-session.jsonl"
        let sizeBefore = try #require(FileManager.default.attributesOfItem(atPath: b)[.size] as? Int)
        let added = line(id: "m4", request: "r4", output: 40, time: "2025-07-20T10:03:00Z") + "\n"
            + line(id: "m1", request: "r1", output: 99, time: "2025-07-20T10:00:00Z") + "\n"
        try append(b, added)
        let partial = line(id: "m5", request: "r5", output: 50, time: "2025-07-20T10:04:00Z")
        try append(b, String(partial.prefix(40)))
        var usage = try loader.refresh(env)
        #expect(loader.lastActivity.filesRead == 1 && loader.lastActivity.filesReadWhole == 0)
        #expect(loader.lastActivity.bytesRead == Int64(added.utf8.count + 40))
        same(usage, try UsageLoader.load(LoadOptions(), env))
        #expect(sizeBefore > 0)

        // The half-written line is completed.
        try append(b, String(partial.dropFirst(40)) + "\n")
        usage = try loader.refresh(env)
        same(usage, try UsageLoader.load(LoadOptions(), env))
        #expect(usage.records.map(\.tokens.output).sorted() == [20, 30, 40, 50, 99])

        // A new file sorting before the others shifts every file index.
        let a = root + "/projects/p/a-session.jsonl"
        try (line(id: "m6", request: "r6", output: 60, time: "2025-07-20T10:05:00Z") + "\n")
            .write(toFile: a, atomically: true, encoding: .utf8)
        usage = try loader.refresh(env)
        #expect(loader.lastActivity.filesRead == 1)
        same(usage, try UsageLoader.load(LoadOptions(), env))
        #expect(usage.records.allSatisfy { usage.file(of: $0).path.hasSuffix(".jsonl") })
        #expect(usage.records.first.map { usage.file(of: $0).sessionID } == "a-session")

        // A file rewritten shorter (or replaced) is read whole; a removed one disappears.
        try (line(id: "m7", request: "r7", output: 70, time: "2025-07-20T10:06:00Z") + "\n")
            .write(toFile: b, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: root + "/projects/p/d-session.jsonl")
        usage = try loader.refresh(env)
        #expect(loader.lastActivity.filesReadWhole == 1)
        same(usage, try UsageLoader.load(LoadOptions(), env))
        #expect(usage.records.map(\.tokens.output) == [60, 70])
    }

    @Test func aMissingDataDirectoryIsAnError() {
        var loader = IncrementalUsage(options: LoadOptions())
        #expect(throws: NoDataDirectoryError.self) { try loader.refresh(testEnvironment(configDir: "/nonexistent/claude")) }
    }
}
