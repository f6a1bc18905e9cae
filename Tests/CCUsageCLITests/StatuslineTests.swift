import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageCLI

/// `ccusage statusline` end to end: the built binary, a temporary data tree, hook JSON on stdin.
@Suite(.serialized) final class StatuslineCLITests {
    let root: String
    let sessionID = "5b1f0c2e-aaaa-bbbb-cccc-0123456789ab"
    let transcript: String
    let now = Date()
    /// Costs (recorded `costUSD`) of this session's entries and of an old entry of another session.
    let costs = [1.25, 2.5]

    static func iso(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }

    static func entry(_ id: String, session: String, at date: Date, cost: Double, input: Int = 1000,
                      create: Int = 0, read: Int = 0) -> String {
        #"{"type":"assistant","sessionId":"\#(session)","requestId":"req_\#(id)","timestamp":"\#(iso(date))","costUSD":\#(cost),"message":{"id":"msg_\#(id)","model":"claude-sonnet-4-20250514","usage":{"input_tokens":\#(input),"output_tokens":100,"cache_creation_input_tokens":\#(create),"cache_read_input_tokens":\#(read)}}}"#
    }

    init() throws {
        root = try makeTemporaryDirectory("ccusage-statusline")
        let project = root + "/projects/-Users-me-code-app"
        transcript = project + "/" + sessionID + ".jsonl"
        // Every stored property is set: from here on a throw still runs `deinit`, which removes `root`.
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/tmp", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/cache", withIntermediateDirectories: true)
        let lines = [
            #"{"type":"user","sessionId":"\#(sessionID)","message":{"role":"user","content":"hi"}}"#,
            Self.entry("1", session: sessionID, at: now.addingTimeInterval(-180), cost: costs[0]),
            Self.entry("2", session: sessionID, at: now.addingTimeInterval(-60), cost: costs[1], input: 1000, create: 500, read: 20_000),
            #"{"type":"user","sessionId":"\#(sessionID)","message":{"role":"user","content":[{"type":"tool_result","content":"ok"}]}}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: transcript, atomically: true, encoding: .utf8)
        let old = Self.entry("old", session: "other", at: now.addingTimeInterval(-26 * 3600), cost: 10)
        try (old + "\n").write(toFile: project + "/other.jsonl", atomically: true, encoding: .utf8)
    }

    /// Runs when the test ends, passed or failed, and when `init` throws after setting every property.
    deinit { removeTemporary(root) }

    var env: [String: String] {
        ["CLAUDE_CONFIG_DIR": root, "TMPDIR": root + "/tmp", "XDG_CACHE_HOME": root + "/cache"]
    }

    func hookJSON(session: String? = nil, extra: String = "") -> String {
        #"{"session_id":"\#(session ?? sessionID)","transcript_path":"\#(transcript)","model":{"id":"claude-sonnet-4-20250514","display_name":"Sonnet 4"}\#(extra)}"#
    }

    /// Today's cost as the CLI computes it (UTC, as runCLI sets TZ=UTC).
    var todayCost: Double {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let dates = [now.addingTimeInterval(-180), now.addingTimeInterval(-60)]
        return zip(dates, costs).filter { utc.isDate($0.0, inSameDayAs: Date()) }.map(\.1).reduce(0, +)
    }

    @Test func computesTheLineFromTheTreeAndTheTranscriptTail() throws {
        let r = try runCLI(["statusline", "--no-cache"], env: env, stdin: hookJSON())
        #expect(r.code == 0)
        #expect(r.err == "")
        let today = String(format: "$%.2f", todayCost)
        // Both entries are 2 minutes apart: $3.75 over 2 min = $112.50/hr; 1,100 tokens/min is Normal.
        let pattern = #"^🤖 Sonnet 4 \| 💰 \$3\.75 session / \#(NSRegularExpression.escapedPattern(for: today)) today / \$3\.75 block \((\d+h )?\d+m left\) \| 🔥 \$112\.50/hr \| 🧠 21,500 \(11%\)\n$"#
        #expect(r.out.range(of: pattern, options: .regularExpression) != nil, "\(r.out)")
        #expect(!r.out.contains("\u{1B}"))
    }

    @Test func theCachedLineIsReusedOnlyWithTheSameOptions() throws {
        let hook = hookJSON(extra: #","cost":{"total_cost_usd":0.5}"#)
        let plain = ["statusline", "--refresh-interval", "600"]
        let first = try runCLI(plain, env: env, stdin: hook)
        #expect(first.code == 0 && first.out.contains("💰 $0.50 session"))
        // Within the refresh interval, other options still give their own line…
        let both = try runCLI(plain + ["--cost-source", "both", "-B", "emoji-text", "--debug"], env: env, stdin: hook)
        #expect(both.out.contains("💰 ($0.50 cc / $3.75 ccusage) session") && both.out.contains("🟢 (Normal)"))
        #expect(!both.err.contains("cached line reused"))
        // …which the same options then reuse, and the first options recompute theirs.
        let again = try runCLI(plain + ["--cost-source", "both", "-B", "emoji-text", "--debug"], env: env, stdin: hook)
        #expect(again.out == both.out && again.err.contains("cached line reused"))
        let back = try runCLI(plain + ["--debug"], env: env, stdin: hook)
        #expect(back.out == first.out && !back.err.contains("cached line reused"))
        let zone = try runCLI(plain + ["--debug", "-z", "Pacific/Kiritimati"], env: env, stdin: hook)
        #expect(!zone.err.contains("cached line reused"))
    }

    @Test func optionsChangeTheLine() throws {
        let both = try runCLI(["statusline", "--no-cache", "--cost-source", "both", "-B", "emoji-text"], env: env,
                              stdin: hookJSON(extra: #","cost":{"total_cost_usd":0.5}"#))
        #expect(both.out.contains("💰 ($0.50 cc / $3.75 ccusage) session"))
        #expect(both.out.contains("🔥 $112.50/hr 🟢 (Normal) | 🧠"))
        let cc = try runCLI(["statusline", "--no-cache", "--cost-source", "cc"], env: env, stdin: hookJSON())
        #expect(cc.out.contains("💰 N/A session"))
        let unknown = try runCLI(["statusline", "--no-cache", "--cost-source", "ccusage"], env: env,
                                 stdin: hookJSON(session: "not-a-session"))
        #expect(unknown.out.contains("💰 N/A session"))
        // 21,500 of 200,000 is 11%: yellow from 10%, red from 11%.
        let colours = try runCLI(["statusline", "--no-cache", "--context-low-threshold", "5", "--context-medium-threshold", "11"],
                                 env: env.merging(["FORCE_COLOR": "1"]) { $1 }, stdin: hookJSON())
        #expect(colours.out.contains("🧠 21,500 (\u{1B}[31m11%\u{1B}[39m)"))
        #expect(colours.out.contains("\u{1B}[32m$112.50/hr\u{1B}[39m"))
    }

    @Test("the real hook payloads", arguments: [
        ("statusline-test-opus4.json", "🤖 Opus 4.1 | 💰 $0.09 session", "🧠 85,000 (43%)"),
        ("statusline-test-sonnet4.json", "🤖 Sonnet 4 | 💰 $0.02 session", "🧠 35,000 (18%)"),
        ("statusline-test-sonnet41.json", "🤖 Sonnet 4.1 | 💰 $0.04 session", "🧠 52,000 (26%)"),
        ("statusline-test.json", "🤖 Sonnet 4 | 💰 $0.06 session", "🧠 42,500 (21%)"),
    ])
    func realPayloads(_ name: String, _ prefix: String, _ context: String) throws {
        let r = try runCLI(["statusline"], env: env, stdin: try #require(statuslineHookFixtures[name]))
        #expect(r.code == 0)
        #expect(r.out.hasPrefix(prefix + " / "), "\(r.out)")
        #expect(r.out.contains(" block ("))
        #expect(r.out.hasSuffix(" | " + context + "\n"))
    }

    @Test func theCacheFileIsReusedUntilTheTranscriptChanges() throws {
        let first = try runCLI(["statusline", "--refresh-interval", "60"], env: env, stdin: hookJSON())
        #expect(first.code == 0)
        let lock = root + "/tmp/ccusage-semaphore/" + sessionID + ".lock"
        let state = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: lock))) as? [String: Any])
        #expect(Set(state.keys).isSuperset(of: ["date", "lastOutput", "lastUpdateTime", "transcriptPath", "transcriptMtime", "isUpdating"]))
        #expect(state["lastOutput"] as? String == String(first.out.dropLast()))
        #expect(state["isUpdating"] as? Bool == false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/tmp/ccusage-semaphore") == [sessionID + ".lock"])

        // New usage in another file: the cached line is still fresh (same transcript mtime).
        let more = Self.entry("3", session: "other", at: now.addingTimeInterval(-30), cost: 100)
        try (more + "\n").write(toFile: root + "/projects/-Users-me-code-app/third.jsonl", atomically: true, encoding: .utf8)
        let cached = try runCLI(["statusline", "--refresh-interval", "60"], env: env, stdin: hookJSON())
        #expect(cached.out == first.out)
        let fresh = try runCLI(["statusline", "--no-cache"], env: env, stdin: hookJSON())
        #expect(fresh.out.contains("$103.75 block"))
        // The transcript changes: recomputed at once.
        let handle = try #require(FileHandle(forWritingAtPath: transcript))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"type":"user","message":{"content":"more"}}"#.utf8 + [0x0A]))
        try handle.close()
        let changed = try runCLI(["statusline", "--refresh-interval", "60"], env: env, stdin: hookJSON())
        #expect(changed.out.contains("$103.75 block"))
    }

    // MARK: Claude's rate limits (rate_limits)

    static let rateLimits = #","rate_limits":{"five_hour":{"used_percentage":23.5,"resets_at":1795795200},"seven_day":{"used_percentage":41.2,"resets_at":1796227200}}"#
    /// 2026-11-27 13:00 UTC: 2 of the 5 hours before the 16:00 reset are gone, 2 of the 7 days before 2 December.
    static let pinnedNow = "2026-11-27T13:00:00Z"

    @Test func aHookWithRateLimitsShowsBothWindows() throws {
        let plain = try runCLI(["statusline", "--no-cache"], env: env, stdin: hookJSON())
        let r = try runCLI(["statusline", "--no-cache"], env: env.merging(["CCUSAGE_NOW": Self.pinnedNow]) { $1 },
                           stdin: hookJSON(extra: Self.rateLimits))
        #expect(r.code == 0)
        #expect(r.err == "")
        // 23.5 % after 40 % of the 5 hours: within pace; 41.2 % after 27 % of the 7 days: ahead (▲).
        #expect(r.out.hasSuffix(" | 🧠 21,500 (11%) | ⏳ 5h 24% (resets 16:00) · 7d 41%▲ (Wed 16:00)\n"), "\(r.out)")
        // Everything before the segment is the usual line.
        #expect(plain.out.hasSuffix(" | 🧠 21,500 (11%)\n"))
        #expect(!plain.out.contains("⏳"))
    }

    @Test func theSharedSamplePayloadPrintsBothPercentages() throws {
        let r = try runCLI(["statusline", "--no-cache"], env: env, stdin: statuslineHookFixtures["statusline-rate-limits.json"] ?? "")
        #expect(r.code == 0)
        #expect(r.out.range(of: #" \| 🧠 85,000 \(43%\) \| ⏳ 5h 24%▲? \(resets 16:00\) · 7d 41%▲? \(Wed 16:00\)\n$"#,
                            options: .regularExpression) != nil, "\(r.out)")
    }

    @Test func resetTimesFollowTheTimeZoneAndThePaceMarkShows() throws {
        // 14:00 UTC in Tokyo is 23:00; 80 % used after 60 % of the 5 hours: ahead of pace, yellow.
        let limits = #","rate_limits":{"five_hour":{"used_percentage":80,"resets_at":1795795200},"seven_day":{"used_percentage":95.2,"resets_at":1796227200}}"#
        let r = try runCLI(["statusline", "--no-cache", "--timezone", "Asia/Tokyo"],
                           env: env.merging(["CCUSAGE_NOW": "2026-11-27T14:00:00Z", "FORCE_COLOR": "1"]) { $1 },
                           stdin: hookJSON(extra: limits))
        #expect(r.out.contains("⏳ 5h \u{1B}[33m80%▲\u{1B}[39m (resets 01:00) · 7d \u{1B}[31m95%▲\u{1B}[39m (Thu 01:00)"), "\(r.out)")
        let noColor = try runCLI(["statusline", "--no-cache", "--timezone", "Asia/Tokyo"],
                                 env: env.merging(["CCUSAGE_NOW": "2026-11-27T14:00:00Z", "FORCE_COLOR": "1", "NO_COLOR": ""]) { $1 },
                                 stdin: hookJSON(extra: limits))
        #expect(noColor.out.contains("⏳ 5h 80%▲ (resets 01:00) · 7d 95%▲ (Thu 01:00)"), "\(noColor.out)")
        #expect(!noColor.out.contains("\u{1B}"))
    }

    @Test("a malformed rate_limits still prints the usual line, exit 0", arguments: [
        #","rate_limits":"lots""#,
        #","rate_limits":null"#,
        #","rate_limits":{"five_hour":{"used_percentage":-1,"resets_at":1795795200}}"#,
        #","rate_limits":{"five_hour":{"used_percentage":"lots","resets_at":1795795200},"seven_day":null}"#,
        #","rate_limits":{"five_hour":{"used_percentage":12}}"#,
        #","rate_limits":[]"#,
    ])
    func malformedRateLimits(_ extra: String) throws {
        let plain = try runCLI(["statusline", "--no-cache"], env: env.merging(["CCUSAGE_NOW": Self.pinnedNow]) { $1 }, stdin: hookJSON())
        let r = try runCLI(["statusline", "--no-cache"], env: env.merging(["CCUSAGE_NOW": Self.pinnedNow]) { $1 },
                           stdin: hookJSON(extra: extra))
        #expect(r.code == 0)
        #expect(r.err == "")
        #expect(r.out == plain.out)
    }

    @Test func theOptionAndTheConfigKeyHideTheSegmentAndTheCachedLineFollows() throws {
        let pinned = env.merging(["CCUSAGE_NOW": Self.pinnedNow]) { $1 }
        let shown = try runCLI(["statusline", "--refresh-interval", "60"], env: pinned, stdin: hookJSON(extra: Self.rateLimits))
        #expect(shown.out.contains("⏳ 5h 24%"))
        // The line cached a moment ago had the segment: with the option it is computed again, without it.
        let hidden = try runCLI(["statusline", "--refresh-interval", "60", "--no-rate-limits"], env: pinned,
                                stdin: hookJSON(extra: Self.rateLimits))
        #expect(!hidden.out.contains("⏳"), "\(hidden.out)")
        #expect(shown.out.hasPrefix(String(hidden.out.dropLast())))
        let again = try runCLI(["statusline", "--refresh-interval", "60"], env: pinned, stdin: hookJSON(extra: Self.rateLimits))
        #expect(again.out == shown.out)
        let config = root + "/ccusage.json"
        try #"{"commands":{"statusline":{"rateLimits":false}}}"#.write(toFile: config, atomically: true, encoding: .utf8)
        let configured = try runCLI(["statusline", "--no-cache", "--config", config], env: pinned, stdin: hookJSON(extra: Self.rateLimits))
        #expect(configured.out == hidden.out)
        #expect(configured.err == "")
        let forced = try runCLI(["statusline", "--no-cache", "--config", config, "--rate-limits"], env: pinned,
                                stdin: hookJSON(extra: Self.rateLimits))
        #expect(forced.out == shown.out)
    }

    @Test func blocksShowTheLimitsTheStatusLineLastSawUntilTheyReset() throws {
        // Its own tree, at fixed times: two requests at 12:10 and 12:40 UTC make a block active until 17:00.
        let base = root + "/limits"
        let project = base + "/projects/p"
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        let first = try #require(ISO8601DateFormatter().date(from: "2026-11-27T12:10:00Z"))
        let lines = [Self.entry("l1", session: "s", at: first, cost: 1),
                     Self.entry("l2", session: "s", at: first.addingTimeInterval(1800), cost: 2)]
        try (lines.joined(separator: "\n") + "\n").write(toFile: project + "/s.jsonl", atomically: true, encoding: .utf8)
        let env = ["CLAUDE_CONFIG_DIR": base, "TMPDIR": root + "/tmp", "XDG_CACHE_HOME": root + "/cache"]
        func at(_ now: String) -> [String: String] { env.merging(["CCUSAGE_NOW": now]) { $1 } }
        let hook = #"{"session_id":"s","transcript_path":"\#(project)/s.jsonl","model":{"display_name":"Opus"}\#(Self.rateLimits)}"#

        // Nothing seen yet: no rateLimits key.
        let before = try runCLI(["blocks", "--json", "--active"], env: at("2026-11-27T13:00:00Z"))
        #expect(before.code == 0)
        #expect(!before.out.contains("rateLimits"))

        let line = try runCLI(["statusline", "--no-cache"], env: at("2026-11-27T13:00:00Z"), stdin: hook)
        #expect(line.out.contains("⏳ 5h 24%"))
        let stored = try String(contentsOfFile: root + "/cache/ccusage/rate-limits-v1.json", encoding: .utf8)
        #expect(stored.contains(#""configDir":"\#(base)""#), "\(stored)")

        let json = try runCLI(["blocks", "--json", "--active"], env: at("2026-11-27T13:03:00Z"))
        #expect(json.out.contains("""
              "rateLimits": [
                {
                  "configDir": "\(base)",
                  "seenAt": "2026-11-27T13:00:00.000Z",
                  "ageSeconds": 180,
                  "fiveHour": {
                    "usedPercentage": 23.5,
                    "resetsAt": "2026-11-27T16:00:00.000Z"
                  },
                  "sevenDay": {
                    "usedPercentage": 41.2,
                    "resetsAt": "2026-12-02T16:00:00.000Z"
                  }
                }
              ]
        """), "\(json.out)")
        let text = try runCLI(["blocks", "--active", "--no-color"], env: at("2026-11-27T13:03:00Z"))
        #expect(text.out.contains("Claude Plan Limits (seen by the status line 3m ago):\n  5-hour window:    24% used, resets 04:00 PM\n  7-day window:     41% used, resets Wed 04:00 PM\n"), "\(text.out)")

        // Past the 5-hour reset only the 7-day window is still in effect; the table view shows nothing extra.
        let later = try runCLI(["blocks", "--json", "--active"], env: at("2026-11-27T16:00:00Z"))
        #expect(later.out.contains(#""sevenDay""#) && !later.out.contains(#""fiveHour""#), "\(later.out)")
        let laterText = try runCLI(["blocks", "--active", "--no-color"], env: at("2026-11-27T16:00:00Z"))
        #expect(!laterText.out.contains("5-hour window") && laterText.out.contains("7-day window:     41% used"))
        // Another data directory's blocks do not show them.
        let other = try runCLI(["blocks", "--json", "--active"], env: self.env.merging(["CCUSAGE_NOW": "2026-11-27T13:03:00Z"]) { $1 })
        #expect(!other.out.contains("rateLimits"))
    }

    @Test func anUnusableTempDirectoryOnlyDisablesTheCache() throws {
        for tmp in ["/nonexistent/dir", "/dev/null"] {
            let r = try runCLI(["statusline"], env: env.merging(["TMPDIR": tmp]) { $1 }, stdin: hookJSON())
            #expect(r.code == 0)
            #expect(r.out.hasPrefix("🤖 Sonnet 4 | 💰 $3.75 session"))
        }
        // An unsafe session id never leaves the directory.
        let r = try runCLI(["statusline"], env: env, stdin: hookJSON(session: "../../escape"))
        #expect(r.code == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/tmp/ccusage-semaphore")
        #expect(names.count == 1 && names[0].hasPrefix("______escape-") && names[0].hasSuffix(".lock"))
        #expect(!FileManager.default.fileExists(atPath: root + "/escape.lock"))
    }

    @Test func noDataDirectoryStillPrintsALine() throws {
        let r = try runCLI(["statusline", "--no-cache"], env: ["CLAUDE_CONFIG_DIR": "/nonexistent/claude", "TMPDIR": root + "/tmp"],
                           stdin: hookJSON(extra: #","cost":{"total_cost_usd":1.234}"#))
        #expect(r.code == 0)
        #expect(r.out == "🤖 Sonnet 4 | 💰 $1.23 session / $0.00 today / No active block | 🧠 21,500 (11%)\n")
    }

    @Test("bad input exits 1 with a message", arguments: [
        ("", "❌ No input provided\n"),
        ("   \n", "❌ No input provided\n"),
        ("{oops", "❌ Invalid input format: not valid JSON\n"),
        (#"{"session_id":"s","model":{"display_name":"M"}}"#, "❌ Invalid input format: missing required field 'transcript_path'\n"),
    ])
    func badInput(_ input: String, _ message: String) throws {
        let r = try runCLI(["statusline"], env: env, stdin: input)
        #expect(r.code == 1)
        #expect(r.out == message)
    }

    @Test func noStdinAtAllIsEmptyInput() throws {
        let r = try runCLI(["statusline"], env: env)
        #expect(r.code == 1 && r.out == "❌ No input provided\n")
    }

    @Test("threshold validation", arguments: [
        (["--context-low-threshold", "80", "--context-medium-threshold", "50"], "must be less than medium threshold"),
        (["--context-low-threshold", "50", "--context-medium-threshold", "50"], "must be less than medium threshold"),
        (["--context-medium-threshold", "40"], "must be less than medium threshold"),
        (["--context-low-threshold", "101"], "0 to 100"),
        (["--context-low-threshold", "x"], "0 to 100"),
        (["--cost-source", "cheap"], "cheap"),
        (["--visual-burn-rate", "loud"], "loud"),
    ])
    func invalidOptions(_ args: [String], _ message: String) throws {
        let r = try runCLI(["statusline"] + args, env: env, stdin: hookJSON())
        #expect(r.code == 1)
        #expect(r.err.contains(message), "\(r.err)")
        #expect(r.out == "")
    }

    @Test func aWriterThatNeverClosesStdinDoesNotHangIt() throws {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var binary = dir.appendingPathComponent("ccusage")
        if !FileManager.default.fileExists(atPath: binary.path) {
            binary = dir.deletingLastPathComponent().appendingPathComponent("ccusage")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["statusline", "--no-cache"]
        process.environment = env.merging(["HOME": "/nonexistent-home", "TZ": "UTC"]) { $1 }
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let start = Date()
        try process.run()
        input.fileHandleForWriting.write(Data(hookJSON().utf8))   // …and the pipe stays open
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try input.fileHandleForWriting.close()
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: out, as: UTF8.self).hasPrefix("🤖 Sonnet 4 | 💰 $3.75 session"))
    }
}

/// The real hook payloads of `shared/fixtures/statusline`, minified (the Kit tests keep verbatim copies in step with the files).
let statuslineHookFixtures: [String: String] = [
    "statusline-rate-limits.json": #"{"session_id":"test-session-opus4","transcript_path":"test/test-transcript.jsonl","cwd":"/Users/test/project","model":{"id":"claude-opus-4-1-20250805","display_name":"Opus 4.1"},"workspace":{"current_dir":"/Users/test/project","project_dir":"/Users/test/project"},"version":"2.1.230","output_style":{"name":"default"},"cost":{"total_cost_usd":0.0892,"total_duration_ms":180000,"total_api_duration_ms":12000,"total_lines_added":0,"total_lines_removed":0},"context_window":{"total_input_tokens":85000,"total_output_tokens":5000,"context_window_size":200000},"exceeds_200k_tokens":false,"rate_limits":{"five_hour":{"used_percentage":23.5,"resets_at":1795795200},"seven_day":{"used_percentage":41.2,"resets_at":1796227200}}}"#,
    "statusline-test-opus4.json": #"{"session_id":"test-session-opus4","transcript_path":"test/test-transcript.jsonl","cwd":"/Users/test/project","model":{"id":"claude-opus-4-1-20250805","display_name":"Opus 4.1"},"workspace":{"current_dir":"/Users/test/project","project_dir":"/Users/test/project"},"version":"1.0.88","output_style":{"name":"default"},"cost":{"total_cost_usd":0.0892,"total_duration_ms":180000,"total_api_duration_ms":12000,"total_lines_added":0,"total_lines_removed":0},"context_window":{"total_input_tokens":85000,"total_output_tokens":5000,"context_window_size":200000},"exceeds_200k_tokens":false}"#,
    "statusline-test-sonnet4.json": #"{"session_id":"test-session-sonnet4","transcript_path":"test/test-transcript.jsonl","cwd":"/Users/test/project","model":{"id":"claude-sonnet-4-20250514","display_name":"Sonnet 4"},"workspace":{"current_dir":"/Users/test/project","project_dir":"/Users/test/project"},"version":"1.0.88","output_style":{"name":"default"},"cost":{"total_cost_usd":0.0245,"total_duration_ms":120000,"total_api_duration_ms":8500,"total_lines_added":0,"total_lines_removed":0},"context_window":{"total_input_tokens":35000,"total_output_tokens":2500,"context_window_size":200000},"exceeds_200k_tokens":false}"#,
    "statusline-test-sonnet41.json": #"{"session_id":"test-session-sonnet41","transcript_path":"test/test-transcript.jsonl","cwd":"/Users/test/project","model":{"id":"claude-sonnet-4-1-20250805","display_name":"Sonnet 4.1"},"workspace":{"current_dir":"/Users/test/project","project_dir":"/Users/test/project"},"version":"1.0.88","output_style":{"name":"default"},"cost":{"total_cost_usd":0.0356,"total_duration_ms":150000,"total_api_duration_ms":9500,"total_lines_added":0,"total_lines_removed":0},"context_window":{"total_input_tokens":52000,"total_output_tokens":3800,"context_window_size":200000},"exceeds_200k_tokens":false}"#,
    "statusline-test.json": #"{"session_id":"73cc9f9a-2775-4418-beec-bc36b62a1c6f","transcript_path":"/Users/ryoppippi/.config/claude/projects/-Users-ryoppippi-ghq-github-com-ccusage-ccusage/73cc9f9a-2775-4418-beec-bc36b62a1c6f.jsonl","cwd":"/Users/ryoppippi/ghq/github.com/ccusage/ccusage","model":{"id":"claude-sonnet-4-20250514","display_name":"Sonnet 4"},"workspace":{"current_dir":"/Users/ryoppippi/ghq/github.com/ccusage/ccusage","project_dir":"/Users/ryoppippi/ghq/github.com/ccusage/ccusage"},"version":"1.0.88","output_style":{"name":"default"},"cost":{"total_cost_usd":0.056266149999999994,"total_duration_ms":164055,"total_api_duration_ms":13577,"total_lines_added":0,"total_lines_removed":0},"context_window":{"total_input_tokens":42500,"total_output_tokens":3200,"context_window_size":200000},"exceeds_200k_tokens":false}"#,
]
