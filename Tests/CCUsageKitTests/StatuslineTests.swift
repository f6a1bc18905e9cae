import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

/// Copies of `shared/fixtures/statusline/*.json` (real Claude Code hook payloads), so the tests do not
/// depend on a checkout layout; `embeddedFixturesMatchTheSharedFiles` keeps them in step.
let statuslineFixtures: [String: String] = [
    "statusline-rate-limits.json": #"""
    {
      "session_id": "test-session-opus4",
      "transcript_path": "test/test-transcript.jsonl",
      "cwd": "/Users/test/project",
      "model": {
        "id": "claude-opus-4-1-20250805",
        "display_name": "Opus 4.1"
      },
      "workspace": {
        "current_dir": "/Users/test/project",
        "project_dir": "/Users/test/project"
      },
      "version": "2.1.230",
      "output_style": {
        "name": "default"
      },
      "cost": {
        "total_cost_usd": 0.0892,
        "total_duration_ms": 180000,
        "total_api_duration_ms": 12000,
        "total_lines_added": 0,
        "total_lines_removed": 0
      },
      "context_window": {
        "total_input_tokens": 85000,
        "total_output_tokens": 5000,
        "context_window_size": 200000
      },
      "exceeds_200k_tokens": false,
      "rate_limits": {
        "five_hour": {
          "used_percentage": 23.5,
          "resets_at": 1795795200
        },
        "seven_day": {
          "used_percentage": 41.2,
          "resets_at": 1796227200
        }
      }
    }
    """#,
    "statusline-test-opus4.json": #"""
    {
    	"session_id": "test-session-opus4",
    	"transcript_path": "test/test-transcript.jsonl",
    	"cwd": "/Users/test/project",
    	"model": {
    		"id": "claude-opus-4-1-20250805",
    		"display_name": "Opus 4.1"
    	},
    	"workspace": {
    		"current_dir": "/Users/test/project",
    		"project_dir": "/Users/test/project"
    	},
    	"version": "1.0.88",
    	"output_style": {
    		"name": "default"
    	},
    	"cost": {
    		"total_cost_usd": 0.0892,
    		"total_duration_ms": 180000,
    		"total_api_duration_ms": 12000,
    		"total_lines_added": 0,
    		"total_lines_removed": 0
    	},
    	"context_window": {
    		"total_input_tokens": 85000,
    		"total_output_tokens": 5000,
    		"context_window_size": 200000
    	},
    	"exceeds_200k_tokens": false
    }

    """#,
    "statusline-test-sonnet4.json": #"""
    {
    	"session_id": "test-session-sonnet4",
    	"transcript_path": "test/test-transcript.jsonl",
    	"cwd": "/Users/test/project",
    	"model": {
    		"id": "claude-sonnet-4-20250514",
    		"display_name": "Sonnet 4"
    	},
    	"workspace": {
    		"current_dir": "/Users/test/project",
    		"project_dir": "/Users/test/project"
    	},
    	"version": "1.0.88",
    	"output_style": {
    		"name": "default"
    	},
    	"cost": {
    		"total_cost_usd": 0.0245,
    		"total_duration_ms": 120000,
    		"total_api_duration_ms": 8500,
    		"total_lines_added": 0,
    		"total_lines_removed": 0
    	},
    	"context_window": {
    		"total_input_tokens": 35000,
    		"total_output_tokens": 2500,
    		"context_window_size": 200000
    	},
    	"exceeds_200k_tokens": false
    }

    """#,
    "statusline-test-sonnet41.json": #"""
    {
    	"session_id": "test-session-sonnet41",
    	"transcript_path": "test/test-transcript.jsonl",
    	"cwd": "/Users/test/project",
    	"model": {
    		"id": "claude-sonnet-4-1-20250805",
    		"display_name": "Sonnet 4.1"
    	},
    	"workspace": {
    		"current_dir": "/Users/test/project",
    		"project_dir": "/Users/test/project"
    	},
    	"version": "1.0.88",
    	"output_style": {
    		"name": "default"
    	},
    	"cost": {
    		"total_cost_usd": 0.0356,
    		"total_duration_ms": 150000,
    		"total_api_duration_ms": 9500,
    		"total_lines_added": 0,
    		"total_lines_removed": 0
    	},
    	"context_window": {
    		"total_input_tokens": 52000,
    		"total_output_tokens": 3800,
    		"context_window_size": 200000
    	},
    	"exceeds_200k_tokens": false
    }

    """#,
    "statusline-test.json": #"""
    {
    	"session_id": "73cc9f9a-2775-4418-beec-bc36b62a1c6f",
    	"transcript_path": "/Users/ryoppippi/.config/claude/projects/-Users-ryoppippi-ghq-github-com-ccusage-ccusage/73cc9f9a-2775-4418-beec-bc36b62a1c6f.jsonl",
    	"cwd": "/Users/ryoppippi/ghq/github.com/ccusage/ccusage",
    	"model": {
    		"id": "claude-sonnet-4-20250514",
    		"display_name": "Sonnet 4"
    	},
    	"workspace": {
    		"current_dir": "/Users/ryoppippi/ghq/github.com/ccusage/ccusage",
    		"project_dir": "/Users/ryoppippi/ghq/github.com/ccusage/ccusage"
    	},
    	"version": "1.0.88",
    	"output_style": {
    		"name": "default"
    	},
    	"cost": {
    		"total_cost_usd": 0.056266149999999994,
    		"total_duration_ms": 164055,
    		"total_api_duration_ms": 13577,
    		"total_lines_added": 0,
    		"total_lines_removed": 0
    	},
    	"context_window": {
    		"total_input_tokens": 42500,
    		"total_output_tokens": 3200,
    		"context_window_size": 200000
    	},
    	"exceeds_200k_tokens": false
    }

    """#,
]

/// `shared/fixtures/statusline`, next to the repository (present in the development checkout).
let sharedStatuslineFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/fixtures/statusline").path

func fixtureHook(_ name: String) throws -> StatuslineHook {
    try StatuslineHook.parse(Array(try #require(statuslineFixtures[name]).utf8))
}

@Suite struct StatuslineHookTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        let file: String, session: String, modelID: String, display: String, cost: Double, input: Int
        var testDescription: String { file }
    }

    @Test("every real hook payload parses into the typed struct", arguments: [
        Expected(file: "statusline-test-opus4.json", session: "test-session-opus4", modelID: "claude-opus-4-1-20250805",
                 display: "Opus 4.1", cost: 0.0892, input: 85000),
        Expected(file: "statusline-test-sonnet4.json", session: "test-session-sonnet4", modelID: "claude-sonnet-4-20250514",
                 display: "Sonnet 4", cost: 0.0245, input: 35000),
        Expected(file: "statusline-test-sonnet41.json", session: "test-session-sonnet41", modelID: "claude-sonnet-4-1-20250805",
                 display: "Sonnet 4.1", cost: 0.0356, input: 52000),
        Expected(file: "statusline-test.json", session: "73cc9f9a-2775-4418-beec-bc36b62a1c6f", modelID: "claude-sonnet-4-20250514",
                 display: "Sonnet 4", cost: 0.056266149999999994, input: 42500),
    ])
    func parsesFixture(_ e: Expected) throws {
        let h = try fixtureHook(e.file)
        #expect(h.sessionID == e.session)
        #expect(h.model == StatuslineHook.Model(id: e.modelID, displayName: e.display))
        #expect(h.cost?.totalCostUSD == e.cost)
        #expect(h.contextWindow?.totalInputTokens == e.input)
        #expect(h.contextWindow?.contextWindowSize == 200_000)
        #expect(h.version == "1.0.88")
        #expect(h.workspace?.currentDir == h.cwd)
        #expect(h.cost?.totalLinesAdded == 0)
        if e.file == "statusline-test.json" {
            #expect(h.transcriptPath.hasSuffix("/73cc9f9a-2775-4418-beec-bc36b62a1c6f.jsonl"))
            #expect(h.cost?.totalDurationMs == 164055)
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedStatuslineFixtures)))
    func embeddedFixturesMatchTheSharedFiles() throws {
        for (name, text) in statuslineFixtures {
            let shared = try String(contentsOfFile: sharedStatuslineFixtures + "/" + name, encoding: .utf8)
            #expect(shared == text, "\(name) differs from shared/fixtures/statusline")
        }
    }

    @Test func onlySessionTranscriptAndDisplayNameAreRequired() throws {
        let h = try StatuslineHook.parse(Array(#"{"session_id":"s","transcript_path":"/t.jsonl","model":{"display_name":"Opus"},"new_field":[1,{"x":null}],"cost":null}"#.utf8))
        #expect(h == StatuslineHook(sessionID: "s", transcriptPath: "/t.jsonl", model: .init(displayName: "Opus")))
    }

    @Test("empty and whitespace-only input is 'No input provided'", arguments: ["", " \n\t\r\n"])
    func emptyInput(_ text: String) {
        #expect(throws: StatuslineInputError.empty) { try StatuslineHook.parse(Array(text.utf8)) }
        #expect(StatuslineInputError.empty.description == "❌ No input provided")
    }

    @Test("bad input is 'Invalid input format' with the reason", arguments: [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (#"{"transcript_path":"t","model":{"display_name":"M"}}"#, "missing required field 'session_id'"),
        (#"{"session_id":"s","transcript_path":"t","model":{"id":"x"}}"#, "missing required field 'model.display_name'"),
        (#"{"session_id":"s","transcript_path":"t","model":{"display_name":null}}"#, "'model.display_name' must be a string, not null"),
        (#"{"session_id":42,"transcript_path":"t","model":{"display_name":"M"}}"#, "'session_id' must be a string"),
        (#"{"session_id":"s","transcript_path":"t","model":{"display_name":"M"},"cost":{"total_cost_usd":"1"}}"#,
         "'cost.total_cost_usd' must be a number"),
    ])
    func invalidInput(_ text: String, _ reason: String) {
        do {
            _ = try StatuslineHook.parse(Array(text.utf8))
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.hasPrefix("❌ Invalid input format: "))
            #expect(error.description.contains(reason), "\(error.description)")
        }
    }
}

@Suite struct StatuslineFormatTests {
    let colors = TerminalStyle(colors: true)
    let status = StatuslineStatus(model: "Opus 4.1", hookSessionCost: 0.0892, computedSessionCost: 0.5,
                                  todayCost: 12.345, block: .init(cost: 3.2, remainingMinutes: 125,
                                                                  burn: .init(costPerHour: 1.5, tokensPerMinuteForIndicator: 1200)),
                                  context: .init(tokens: 85_000, window: 200_000))

    @Test func theWholeLine() {
        #expect(StatuslineFormat().render(status, style: .plain)
                == "🤖 Opus 4.1 | 💰 $0.09 session / $12.35 today / $3.20 block (2h 5m left) | 🔥 $1.50/hr | 🧠 85,000 (43%)")
    }

    @Test("cost sources", arguments: [
        (StatuslineCostSource.auto, 0.0892 as Double?, 0.5 as Double?, "$0.09"),
        (.auto, nil, 0.5, "$0.50"),
        (.auto, nil, nil, "N/A"),
        (.cc, 0.0892, 0.5, "$0.09"),
        (.cc, nil, 0.5, "N/A"),
        (.ccusage, 0.0892, 0.5, "$0.50"),
        (.ccusage, 0.0892, nil, "N/A"),
        (.both, 0.0892, 0.5, "($0.09 cc / $0.50 ccusage)"),
        (.both, nil, 0.5, "(N/A cc / $0.50 ccusage)"),
        (.both, 0.0892, nil, "($0.09 cc / N/A ccusage)"),
    ])
    func costSources(_ source: StatuslineCostSource, _ hookCost: Double?, _ computed: Double?, _ expected: String) {
        var s = status
        s.hookSessionCost = hookCost
        s.computedSessionCost = computed
        #expect(StatuslineFormat(costSource: source).render(s, style: .plain).hasPrefix("🤖 Opus 4.1 | 💰 \(expected) session / "))
    }

    @Test("burn-rate visuals at each level", arguments: [
        (BurnRateVisual.off, 1999.9, "🔥 $1.50/hr | 🧠"),
        (.emoji, 1999.9, "🔥 $1.50/hr 🟢 | 🧠"),
        (.text, 1999.9, "🔥 $1.50/hr (Normal) | 🧠"),
        (.emojiText, 1999.9, "🔥 $1.50/hr 🟢 (Normal) | 🧠"),
        (.emojiText, 2000, "🔥 $1.50/hr ⚠️ (Moderate) | 🧠"),
        (.emoji, 4999, "🔥 $1.50/hr ⚠️ | 🧠"),
        (.emojiText, 5000, "🔥 $1.50/hr 🚨 (High) | 🧠"),
        (.text, 80000, "🔥 $1.50/hr (High) | 🧠"),
    ])
    func burnVisuals(_ visual: BurnRateVisual, _ tokensPerMinute: Double, _ expected: String) {
        var s = status
        s.block?.burn?.tokensPerMinuteForIndicator = tokensPerMinute
        #expect(StatuslineFormat(burnRateVisual: visual).render(s, style: .plain).contains("(2h 5m left) | " + expected))
    }

    @Test func burnTextIsColouredByLevelButTheEmojiIsNot() {
        var s = status
        s.block?.burn?.tokensPerMinuteForIndicator = 6000
        let line = StatuslineFormat(burnRateVisual: .emojiText).render(s, style: colors)
        #expect(line.contains("🔥 \u{1B}[31m$1.50/hr\u{1B}[39m 🚨 \u{1B}[31m(High)\u{1B}[39m"))
    }

    @Test("context percentage colour by thresholds", arguments: [
        (49, 50, 80, TerminalStyle.Color.green),
        (50, 50, 80, .yellow),
        (79, 50, 80, .yellow),
        (80, 50, 80, .red),
        (59, 60, 90, .green),
        (89, 60, 90, .yellow),
        (90, 60, 90, .red),
    ])
    func contextColours(_ percent: Int, _ low: Int, _ medium: Int, _ color: TerminalStyle.Color) {
        var s = status
        s.context = .init(tokens: percent * 1000, window: 100_000)
        let line = StatuslineFormat(thresholds: .init(low: low, medium: medium)).render(s, style: colors)
        #expect(line.hasSuffix("🧠 \(Format.integer(percent * 1000)) (\u{1B}[\(color.rawValue)m\(percent)%\u{1B}[39m)"))
    }

    @Test func noColoursWhenPlain() {
        let line = StatuslineFormat(burnRateVisual: .emojiText).render(status, style: .plain)
        #expect(!line.contains("\u{1B}"))
    }

    @Test func noActiveBlockAndNoContext() {
        var s = status
        s.block = nil
        s.context = nil
        #expect(StatuslineFormat(burnRateVisual: .emojiText).render(s, style: .plain)
                == "🤖 Opus 4.1 | 💰 $0.09 session / $12.35 today / No active block | 🧠 N/A")
    }

    @Test("time left: hours and minutes, minutes alone below an hour", arguments: [
        (125, "(2h 5m left)"), (60, "(1h 0m left)"), (59, "(59m left)"), (0, "(0m left)"),
    ])
    func timeLeft(_ minutes: Int, _ expected: String) {
        var s = status
        s.block?.remainingMinutes = minutes
        #expect(StatuslineFormat().render(s, style: .plain).contains("$3.20 block \(expected)"))
    }

    @Test func blockWithoutBurnRateHasNoFireSegment() {
        var s = status
        s.block?.burn = nil
        #expect(StatuslineFormat().render(s, style: .plain).contains("$3.20 block (2h 5m left) | 🧠 85,000 (43%)"))
    }

    @Test("threshold validation", arguments: [
        (50, 80, nil as String?), (0, 100, nil), (80, 80, "must be less than"), (90, 10, "must be less than"),
        (-1, 80, "between 0 and 100"), (10, 101, "between 0 and 100"),
    ])
    func thresholds(_ low: Int, _ medium: Int, _ problem: String?) {
        let found = ContextThresholds(low: low, medium: medium).problem
        if let problem { #expect(found?.contains(problem) == true) } else { #expect(found == nil) }
    }

    @Test func contextPercentRoundsHalfUp() {
        #expect(StatuslineStatus.Context(tokens: 85_000, window: 200_000).percent == 43)
        #expect(StatuslineStatus.Context(tokens: 1, window: 0).percent == 0)
    }
}

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

@Suite final class TranscriptTailTests {
    /// This test's directory for its transcripts, removed when the test ends.
    let dir: String

    init() throws { dir = try makeTemporaryDirectory("ccusage-tail") }
    deinit { removeTemporary(dir) }

    func write(_ text: String) throws -> String {
        let path = dir + "/tail-\(UUID().uuidString).jsonl"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func assistant(_ input: Any, create: Int = 0, read: Int = 0) -> String {
        #"{"type":"assistant","message":{"model":"m","usage":{"input_tokens":\#(input),"cache_creation_input_tokens":\#(create),"cache_read_input_tokens":\#(read),"output_tokens":5}}}"#
    }

    @Test("the last assistant line with usage, whatever the chunk size", arguments: [7, 64, 1 << 16])
    func lastAssistantLine(chunk: Int) throws {
        let text = [
            assistant(1, create: 2, read: 3),
            assistant(1000, create: 500, read: 20_000),
            #"{"type":"user","message":{"content":"a \"usage\" and \"assistant\" mention"}}"#,
            #"{"type":"assistant","message":{"usage":{"input_tokens":"12"}}}"#,
            #"{"type":"progress","data":{"type":"assistant","message":{"usage":{"input_tokens":9}}}}"#,
            "not json at all",
            "",
        ].joined(separator: "\n")
        let path = try write(text)
        #expect(TranscriptTail.lastContextTokens(path: path, chunkSize: chunk) == 21_500)
    }

    @Test func aFinalLineWithoutNewlineAndCRLF() throws {
        #expect(TranscriptTail.lastContextTokens(path: try write(assistant(1) + "\r\n" + assistant(40, read: 2))) == 42)
        #expect(TranscriptTail.lastContextTokens(path: try write(assistant(5) + "\r\n"), chunkSize: 3) == 5)
    }

    @Test func overlongLinesAreSkippedNotBuffered() throws {
        let huge = #"{"type":"assistant","message":{"usage":{"input_tokens":999}},"pad":""# + String(repeating: "x", count: 5000) + "\"}"
        let path = try write(assistant(3, read: 4) + "\n" + huge + "\n")
        #expect(TranscriptTail.lastContextTokens(path: path, chunkSize: 256, maxLineBytes: 1024) == 7)
        #expect(TranscriptTail.lastContextTokens(path: path, chunkSize: 256, maxLineBytes: 1 << 20) == 999)
    }

    @Test func missingOrEmptyFiles() throws {
        #expect(TranscriptTail.lastContextTokens(path: "/nonexistent/file.jsonl") == nil)
        #expect(TranscriptTail.lastContextTokens(path: try write("")) == nil)
        #expect(TranscriptTail.lastContextTokens(path: NSTemporaryDirectory()) == nil)
    }
}

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
