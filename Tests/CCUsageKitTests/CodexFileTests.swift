import CCUsageTestSupport
import Foundation
import CShims
import Testing
@testable import CCUsageKit

/// 07-codex §17 worked examples that start from files, and Codex edge cases.
@Suite struct CodexFileTests {
    func events(_ load: CodexLoad) -> [CodexTokens] { load.results.flatMap { $0.events.map(\.tokens) } }

    @Test("V7: deltas from cumulative totals, spaced JSON")
    func v7() throws {
        let home = try CodexHome(["sessions/a.jsonl": [
            #"{ "timestamp": "2026-01-02T00:00:00.000Z", "type" : "turn_context", "payload": { "model": "gpt-5" } }"#,
            tokenCount("2026-01-02T00:00:01.000Z", total: usage(100, 10, 50, nil, 150), spaced: true),
            tokenCount("2026-01-02T00:00:02.000Z", total: usage(200, 20, 75, nil, 275), spaced: true),
        ]])
        defer { home.remove() }
        let load = home.load()
        #expect(events(load) == [CodexTokens(input: 100, cached: 10, output: 50, total: 150),
                                 CodexTokens(input: 100, cached: 10, output: 25, total: 125)])
        #expect(load.results[0].events.allSatisfy { $0.model == "gpt-5" && !$0.isFallback })
    }

    @Test("V8: a numeric timestamp in milliseconds")
    func v8() throws {
        let home = try CodexHome(["sessions/a.jsonl": [
            turnContext("gpt-5"),
            #"{"timestamp":1767312001000,"type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":100,"cached_input_tokens":10,"output_tokens":50,"total_tokens":150}}}}"#,
        ]])
        defer { home.remove() }
        #expect(home.load().results[0].events.map(\.timestamp) == ["2026-01-02T00:00:01.000Z"])
    }

    @Test("V9: a branch copying its parent's history counts once in daily, twice in sessions")
    func v9() throws {
        let parent = [turnContext("gpt-5.2"), tokenCount("2026-05-12T08:01:00.000Z", total: usage(1000, 100, 200, 20, 1200))]
        let home = try CodexHome([
            "sessions/x-parent.jsonl": parent,
            "sessions/x-branch.jsonl": parent + [tokenCount("2026-05-12T08:02:00.000Z", total: usage(1600, 300, 450, 40, 2050))],
        ])
        defer { home.remove() }
        let load = home.load()
        #expect(load.files.map(\.sessionID) == ["x-branch", "x-parent"])
        #expect(events(load)[1] == CodexTokens(input: 600, cached: 200, output: 250, reasoning: 20, total: 850))
        let daily = home.report(.daily, pricing: CodexPricing(exact: [:]))
        #expect(daily.rows.count == 1 && daily.rows[0].tokens.input == 1600)
        let sessions = home.report(.session, pricing: CodexPricing(exact: [:]))
        #expect(sessions.rows.map(\.tokens.input) == [1600, 1000])
    }

    @Test("V10: an identical line in two files")
    func v10() throws {
        let line = tokenCount("2026-05-12T08:01:00.000Z", last: usage(1000, 100, 200, 20, 1200), infoModel: "gpt-5.2")
        let home = try CodexHome(["root.jsonl": [line], "goal.jsonl": [line]])
        defer { home.remove() }
        #expect(home.report(.daily).rows.map(\.tokens.input) == [1000])
        let sessions = home.report(.session)
        #expect(sessions.rows.map(\.key) == ["goal", "root"] && sessions.rows.map(\.tokens.input) == [1000, 1000])
    }

    @Test("V11: the active copy wins over the archived one at the same path")
    func v11() throws {
        let home = try CodexHome([
            "sessions/duplicate.jsonl": [turnContext("gpt-5"), tokenCount("2026-05-12T08:01:00.000Z", total: usage(111, 10, 20, 1, 131))],
            "archived_sessions/duplicate.jsonl": [turnContext("gpt-5"), tokenCount("2026-05-12T09:01:00.000Z", total: usage(999, 10, 20, 1, 1019))],
            "archived_sessions/archived-only.jsonl": [turnContext("gpt-5"), tokenCount("2026-05-13T08:01:00.000Z", total: usage(222, 20, 30, 2, 252))],
        ])
        defer { home.remove() }
        #expect(home.load().files.map(\.sessionID) == ["duplicate", "archived-only"])
        #expect(home.report(.daily).rows.map { "\($0.key) \($0.tokens.input)" } == ["2026-05-12 111", "2026-05-13 222"])
    }

    @Test("V12: saved codex exec --json output")
    func v12() throws {
        let home = try CodexHome(["run.jsonl": [
            #"{"type":"turn.completed","timestamp":"2026-01-02T03:04:05.000Z","model":"gpt-5.2-codex","usage":{"input_tokens":120,"cached_input_tokens":20,"output_tokens":30,"total_tokens":150}}"#,
            #"{"type":"result","data":{"timestamp":"2026-01-02T03:05:05.000Z","model_name":"gpt-5.2-codex","usage":{"prompt_tokens":50,"cached_tokens":5,"completion_tokens":12}}}"#,
            #"{"type":"turn.completed","timestamp":"2026-01-02T03:06:05.000Z","model":"gpt-5.2-codex","usage":{"input_tokens":9,"output_tokens":4,"reasoning_output_tokens":1,"total_tokens":0}}"#,
        ]])
        defer { home.remove() }
        let load = home.load()
        #expect(load.files.map(\.sessionID) == ["run"])
        #expect(events(load) == [CodexTokens(input: 120, cached: 20, output: 30, total: 150),
                                 CodexTokens(input: 50, cached: 5, output: 12, total: 62),
                                 CodexTokens(input: 9, output: 4, reasoning: 1, total: 14)])
    }

    @Test("V13: lenient exec lines: wrong types ignored, gpt-5 fallback, dated by the file's time")
    func v13() throws {
        let home = try CodexHome(["run.jsonl": [
            #"{"type":"turn.completed","timestamp":false,"model":{"name":"unexpected"},"usage":{"input_tokens":120,"cached_input_tokens":20,"output_tokens":30,"total_tokens":150}}"#,
        ]])
        defer { home.remove() }
        let load = home.load()
        let e = try #require(load.results[0].events.first)
        #expect(e.model == "gpt-5" && e.isFallback)
        #expect(e.timestamp == Timestamp.iso(load.files[0].modifiedMillis))
    }

    @Test("V14: codex-auto-review is the newest model released by the event's date")
    func v14() throws {
        func exec(_ stamp: String) -> String {
            #"{"type":"turn.completed","model":"codex-auto-review","usage":{"input_tokens":10,"output_tokens":1},"#
                + stamp + "}"
        }
        let home = try CodexHome([
            "run.jsonl": [exec(#""timestamp":"2026-02-05T00:00:00.000Z""#), exec(#""timestamp":"2026-03-05T00:00:00.000Z""#),
                          exec(#""timestamp":"2026-04-23T00:00:00.000Z""#),
                          exec(#""timestamp":"not-a-date","created_at":"2025-12-11T00:00:00.000Z""#)],
            "tc.jsonl": [turnContext("codex-auto-review", time: "2025-12-11T00:00:00.000Z"),
                         tokenCount("2025-12-11T00:01:00.000Z", last: usage(10, 0, 1)),
                         tokenCount("2026-04-23T00:01:00.000Z", last: usage(10, 0, 1))],
        ])
        defer { home.remove() }
        let load = home.load()
        #expect(load.results[0].events.map(\.model) == ["gpt-5.3-codex", "gpt-5.4", "gpt-5.5", "gpt-5.2-codex"])
        #expect(load.results[1].events.map(\.model) == ["gpt-5.2-codex", "gpt-5.5"])
        #expect(load.results.allSatisfy { $0.events.allSatisfy(\.isFallback) })
        #expect(CodexTime.autoReviewModel(dateOf: "2026-02-29T00:00:00Z") == "gpt-5")
        #expect(CodexTime.autoReviewModel(dateOf: "2025-08-06T23:59:59Z") == "gpt-5")
    }

    static let spawnMeta = #"{"timestamp":"2026-05-12T08:03:00.000Z","type":"session_meta","payload":{"id":"child","source":{"subagent":{"thread_spawn":{"parent_thread_id":"parent"}}}}}"#

    @Test("V15: a sub-agent's replayed parent history is skipped")
    func v15() throws {
        let parentEvents = [
            tokenCount("2026-05-12T08:01:00.000Z", last: usage(1000, 100, 200, nil, 1200), total: usage(1000, 100, 200, nil, 1200)),
            tokenCount("2026-05-12T08:02:00.000Z", last: usage(500, 50, 100, nil, 600), total: usage(1500, 150, 300, nil, 1800)),
        ]
        let replayed = parentEvents.map { $0.replacingOccurrences(of: "08:01:00", with: "08:03:00").replacingOccurrences(of: "08:02:00", with: "08:03:00") }
        let home = try CodexHome([
            "sessions/parent.jsonl": [turnContext("gpt-5.2")] + parentEvents,
            "sessions/sub.jsonl": [Self.spawnMeta, #"{"timestamp":"2026-05-12T08:03:00.000Z","type":"session_meta","payload":{"id":"parent"}}"#,
                                   turnContext("gpt-5.2")] + replayed + [
                tokenCount("2026-05-12T08:04:00.000Z", last: usage(100, 10, 20, nil, 120), infoModel: "gpt-5.2"),
                tokenCount("2026-05-12T08:05:00.000Z", last: usage(50, 5, 10, nil, 60)),
            ],
        ])
        defer { home.remove() }
        let load = home.load()
        #expect(load.results[0].events.map(\.tokens.input) == [1000, 500])
        #expect(load.results[1].events.map(\.tokens) == [CodexTokens(input: 100, cached: 10, output: 20, total: 120),
                                                         CodexTokens(input: 50, cached: 5, output: 10, total: 60)])
    }

    @Test("V16: the replayed totals stay the baseline of the sub-agent's own totals")
    func v16() throws {
        let home = try CodexHome(["sessions/sub.jsonl": [Self.spawnMeta, turnContext("gpt-5.2"),
            tokenCount("2026-05-12T08:03:00.000Z", total: usage(1000, 100, 200)),
            tokenCount("2026-05-12T08:03:00.000Z", total: usage(1500, 150, 300)),
            tokenCount("2026-05-12T08:04:00.000Z", total: usage(1600, 160, 320, nil, 1920)),
        ]])
        defer { home.remove() }
        #expect(events(home.load()) == [CodexTokens(input: 100, cached: 10, output: 20, total: 120)])
    }

    @Test("V17: three sub-agents of one parent")
    func v17() throws {
        var files = ["sessions/parent.jsonl": [turnContext("gpt-5.2"), tokenCount("2026-05-12T08:01:00.000Z", last: usage(1000, 0, 10))]]
        for (n, own) in [50, 75, 25].enumerated() {
            let second = "2026-05-12T08:0\(n + 3):00"
            files["sessions/sub\(n).jsonl"] = [Self.spawnMeta, turnContext("gpt-5.2"),
                                               tokenCount(second + ".100Z", last: usage(700, 0, 5)),
                                               tokenCount(second + ".200Z", last: usage(300, 0, 5)),
                                               tokenCount("2026-05-12T09:00:0\(n).000Z", last: usage(own, 0, 1))]
        }
        let home = try CodexHome(files)
        defer { home.remove() }
        let all = events(home.load())
        #expect(all.count == 4 && all.map(\.input).reduce(0, +) == 1150)
    }

    @Test("V18-V19: date filter and report time zone")
    func v18v19() throws {
        let home = try CodexHome(["sessions/a.jsonl": [turnContext("gpt-5"),
            tokenCount("2026-01-02T00:00:00.000Z", last: usage(100, 10, 50, 0, 150)),
            tokenCount("2026-01-03T00:00:00.000Z", last: usage(200, 20, 75, 5, 280)),
            tokenCount("2024-08-04T23:30:00.000Z", last: usage(1, 0, 1)),
        ]])
        defer { home.remove() }
        let filtered = home.report(.daily, range: DateRange(since: CalendarDay("20260103")))
        #expect(filtered.rows.map(\.key) == ["2026-01-03"] && filtered.rows[0].tokens.nonCachedInput == 180)
        #expect(home.report(.daily).rows.first?.key == "2024-08-04")
        #expect(home.report(.daily, zone: "Asia/Tokyo").rows.first?.key == "2024-08-05")
    }

    @Test("V20: config.toml service tier", arguments: [
        ("service_tier = \"fast\"", true), ("service_tier = 'priority' # comment", true),
        ("[profile.x]\nservice_tier = \"fast\"", true), ("service_tier_override = \"fast\"", false),
        ("service_tier = \"breakfast\"", false), ("service_tier = \"standard\"", false), ("# service_tier = \"fast\"", false),
    ])
    func v20(text: String, fast: Bool) throws {
        let home = try CodexHome(["sessions/a.jsonl": []])
        defer { home.remove() }
        try text.write(toFile: home.root + "/config.toml", atomically: true, encoding: .utf8)
        #expect(CodexDiscovery.configuresFastTier(homes: [home.root]) == fast)
    }

    @Test("V22: the TypeScript fixture, built-in prices")
    func v22() throws {
        let home = try CodexHome(["sessions/project-alpha/session-alpha.jsonl": [
            turnContext("gpt-5.2-codex", time: "2026-05-13T09:00:00.000Z"),
            tokenCount("2026-05-13T09:01:00.000Z", last: usage(1000, 250, 125, 75, 1200)),
            tokenCount("2026-05-14T10:00:00.000Z", last: usage(2500, 500, 300, 200, 3000), infoModel: "gpt-5.3-codex"),
        ]])
        defer { home.remove() }
        let daily = home.report(.daily)
        #expect(daily.rows.map(\.tokens.nonCachedInput) == [750, 2000])
        // V22 is derived from the TypeScript port; §13.1's evaluation order gives the same values up to the last bit.
        #expect(abs(daily.rows[0].cost - 0.0031062499999999997) < 1e-15)
        #expect(abs(daily.rows[1].cost - 0.0077875) < 1e-15)
        let session = try #require(home.report(.session).rows.first)
        #expect(session.key == "project-alpha/session-alpha" && session.directory == "project-alpha")
        #expect(session.sessionFile == "session-alpha" && session.lastActivity == "2026-05-14T10:00:00.000Z")
    }

    @Test("Edge cases: info null, repeated totals, strict types, malformed lines counted, no model → gpt-5 fallback")
    func edgeCases() throws {
        let home = try CodexHome(["sessions/a.jsonl": [
            #"{"timestamp":"2026-01-02T00:00:00.000Z","type":"event_msg","payload":{"type":"token_count","info":null}}"#,
            tokenCount("2026-01-02T00:00:01.000Z", total: usage(100, 10, 50)),
            tokenCount("2026-01-02T00:00:02.000Z", total: usage(100, 10, 50)),
            #"{"timestamp":"2026-01-02T00:00:03.000Z","type":"turn_context","payload":{"model":5}}"#,
            #"{"timestamp":"2026-01-02T00:00:04.000Z","type":"event_msg","payload":{"type":"token_count","info":{"last_token_usage":{"input_tokens":7,"output_tokens":"+3"}}}"#,
            #"{"timestamp":"2026-01-02T00:00:05.000Z","timestamp":"x","type":"event_msg","payload":{"type":"token_count","info":{"last_token_usage":{"input_tokens":9}}}}"#,
            #"{"type":"response_item","payload":{"type":"message","content":"no usage here"}}"#,
        ]])
        defer { home.remove() }
        let load = home.load()
        let result = load.results[0]
        #expect(result.events.map(\.tokens) == [CodexTokens(input: 100, cached: 10, output: 50, total: 150)])
        #expect(result.events.allSatisfy { $0.model == "gpt-5" && $0.isFallback })
        #expect(result.malformedLines == 3)
    }

    @Test("Discovery: homes from CODEX_HOME, extension rules, component-wise order, the home itself")
    func discovery() throws {
        let home = try CodexHome(["a/b.jsonl": [], "a-c/x.jsonl": [], ".jsonl": [], "x.JSONL": [], "note.txt": [],
                                  ".hidden/h.jsonl": []])
        defer { home.remove() }
        #expect(home.load().files.map(\.sessionID) == [".hidden/h", "a/b", "a-c/x"])
        var env = home.env
        env.variables["CODEX_HOME"] = " \(home.root) , ,\(home.root)/"
        #expect(CodexDiscovery.homes(env).count == 2)
        #expect(CodexDiscovery.sources(homes: CodexDiscovery.homes(env)).count == 1)
        env.variables["CODEX_HOME"] = ""
        #expect(CodexDiscovery.homes(env).isEmpty)
        env.variables.removeValue(forKey: "CODEX_HOME")
        #expect(CodexDiscovery.homes(env) == ["/nonexistent-home/.codex"])
    }
}

/// The one-pass classifier against 07-codex §4.1 written out literally.
@Suite struct CodexClassifierTests {
    static func literal(_ text: String) -> CodexLineKind {
        let has = { (needle: String) in text.utf8.count >= needle.utf8.count && text.contains(needle) }
        if has(#""type":"turn_context""#) { return .session }
        let ev = has(#""type":"event_msg""#), tc = has(#""type":"token_count""#)
        if ev && tc { return .session }
        if ev || !has(#""type":"#) || (text.utf8.count + 1 < 65_536 && tc) {
            var copy = text
            if copy.withUTF8({ CodexLine.spacedTypesMakeSessionLine($0) }) { return .session }
        }
        if has(#""usage":"#) || has(#""input_tokens":"#) || has(#""prompt_tokens":"#) { return .headless }
        return .ignored
    }

    @Test(arguments: [
        #"{"type":"turn_context","payload":{}}"#, #"{"type":"type":"turn_context"}"#,
        #"{"type":"event_msg","payload":{"type":"token_count"}}"#, #"{"type":"event_msg","payload":{"type":"agent_message"}}"#,
        #"{"type" : "event_msg","payload":{"type": "token_count"}}"#, #"{"x":{"type" :"turn_context"}}"#,
        #"{"type":"response_item","payload":{"type":"token_count"}}"#, #"{"type":"response_item","usage":{}}"#,
        #"{"type":"turn.completed","usage":{"input_tokens":1}}"#, #"{"data":{"prompt_tokens":3}}"#,
        #"{"xinput_tokens":1,"type":"a"}"#, #"{"my_prompt_tokens":1,"type":"a"}"#, #"{"type":"a","input_tokens" :1}"#,
        #"{"type":"response_item","payload":{"text":"\"usage\":"}}"#, "", "not json", #"{"type":"event_msg"}"#,
    ])
    func matchesTheSpec(_ text: String) {
        var copy = text
        #expect(copy.withUTF8 { CodexLine.classify($0) } == Self.literal(text))
        #expect(Self.lineAndMarkers(text + "\n" + text).map { $0.kind } == [Self.literal(text), Self.literal(text)])
    }

    /// The lines of `text` as the reader splits them (newline and markers in one pass), each classified.
    static func lineAndMarkers(_ text: String) -> [(kind: CodexLineKind, length: Int)] {
        var out: [(kind: CodexLineKind, length: Int)] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            var start = 0
            while start <= buf.count {
                var flags: Int32 = 0
                let length = start < buf.count ? ccusage_codex_line(base + start, buf.count - start, &flags) : 0
                let line = UnsafeBufferPointer(rebasing: buf[start..<(start + length)])
                out.append((CodexLine.classify(line, markers: flags), length))
                start += length + 1
            }
        }
        return out
    }

    @Test("the one-pass split and markers classify every line as the spec's literal rules do")
    func onePassMatchesTheSpec() {
        let pieces = [#"{"type":"#, #""turn_context""#, #""event_msg""#, #""token_count""#, #""type""#, " ", "\t", "\r",
                      ":", #"""#, ",", "{", "}", #""usage":"#, #""input_tokens""#, #""prompt_tokens":"#, "x", "é",
                      String(repeating: "a", count: 29), String(repeating: "b", count: 40), #"\"type\""#,
                      #""payload":{"type":"#, "_tokens", "\n"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            var text = ""
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let count = Int(seed >> 59) + 1
            for _ in 0..<count {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            let found = Self.lineAndMarkers(text)
            if found.map({ $0.length }) != lines.map({ $0.utf8.count })
                || found.map({ $0.kind }) != lines.map({ Self.literal($0) }) { mismatches.append(text) }
        }
        #expect(mismatches.prefix(3) == [])
    }
}
