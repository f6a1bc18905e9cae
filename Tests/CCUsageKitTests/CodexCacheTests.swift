import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

/// `CodexScanCache` through `CodexSource.load`: an unchanged file comes from the cache, a grown rollout is read on
/// from its old end with the parser state carried over (totals, model, replay), a rewritten file is read whole,
/// and every cached load equals a load without the cache.
@Suite struct CodexCacheTests {
    static let pad = String(repeating: "x", count: 17_000)   // past the 16 KiB sub-agent test: the file is settled

    static func context(_ time: String, model: String) -> String {
        #"{"timestamp":"\#(time)","type":"turn_context","payload":{"model":"\#(model)"}}"#
    }
    static func totals(_ time: String, input: Int, output: Int) -> String {
        #"{"timestamp":"\#(time)","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":\#(input),"output_tokens":\#(output)}}}}"#
    }
    static func filler(_ time: String) -> String {
        #"{"timestamp":"\#(time)","type":"response_item","payload":{"type":"function_call_output","output":"\#(pad)"}}"#
    }

    struct Home {
        let root: String, cache: String
        var file: String { root + "/sessions/2026/02/01/rollout-a.jsonl" }
        var env: Environment {
            Environment(variables: ["CODEX_HOME": root], home: "/nonexistent-home", now: 0,
                        timeZone: TimeZone(identifier: "UTC")!)
        }
        init() throws {
            root = try makeTemporaryDirectory("codex-cache-home")
            cache = try makeTemporaryDirectory("codex-cache-dir")
            try FileManager.default.createDirectory(atPath: root + "/sessions/2026/02/01", withIntermediateDirectories: true)
        }
        func write(_ lines: [String]) throws {
            try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: file))
        }
        func append(_ lines: [String]) throws {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(lines.map { $0 + "\n" }.joined().utf8))
            try handle.close()
        }
        func cached() -> CodexLoad {
            let load = CodexSource.load(env, singleThread: true, cacheDirectory: cache)
            CacheWrites.wait()
            return load
        }
        func fresh() -> CodexLoad { CodexSource.load(env, singleThread: true) }
        func entry() -> CodexScanCache.Entry? { CodexScanCache.Snapshot(directory: cache)?.entry(file) }
        func remove() { removeTemporary(root); removeTemporary(cache) }
    }

    static func same(_ a: CodexLoad, _ b: CodexLoad) -> Bool {
        a.results.map(\.events) == b.results.map(\.events) && a.lines == b.lines && a.malformedLines == b.malformedLines
    }

    @Test("an unchanged file is taken from the cache as it was")
    func reuse() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write([Self.context("2026-02-01T10:00:00.000Z", model: "gpt-5.4"), Self.filler("2026-02-01T10:00:01.000Z"),
                        Self.totals("2026-02-01T10:00:02.000Z", input: 100, output: 10)])
        let first = home.cached()
        let entry = try #require(home.entry())
        #expect(entry.events.events.count == 1 && entry.point.resumable)
        let file = try #require(CodexDiscovery.files(homes: [home.root]).first)
        let (events, _, hit) = CodexSource.readCached(file, cached: entry)
        #expect(hit)
        #expect(events.events == first.results[0].events)
        #expect(Self.same(home.cached(), home.fresh()))
    }

    @Test("a grown rollout is read on from its old end with the totals and the model carried over")
    func append() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write([Self.context("2026-02-01T10:00:00.000Z", model: "gpt-5.4"), Self.filler("2026-02-01T10:00:01.000Z"),
                        Self.totals("2026-02-01T10:00:02.000Z", input: 100, output: 10)])
        _ = home.cached()
        // Totals only: the appended event is the growth over the cached totals, priced by the cached model.
        try home.append([Self.totals("2026-02-01T11:00:00.000Z", input: 250, output: 30)])
        let grown = home.cached()
        #expect(Self.same(grown, home.fresh()))
        let events = grown.results[0].events
        #expect(events.count == 2)
        #expect(events.last?.tokens == CodexTokens(input: 150, output: 20, total: 170))
        #expect(events.last?.model == "gpt-5.4")
        // Grown again: still the same as a whole read.
        try home.append([Self.context("2026-02-01T12:00:00.000Z", model: "gpt-5.5"),
                         Self.totals("2026-02-01T12:00:01.000Z", input: 300, output: 40)])
        let again = home.cached()
        #expect(again.results[0].events.last?.model == "gpt-5.5")
        #expect(Self.same(again, home.fresh()))
    }

    @Test("the resumed state is the state a whole read reaches")
    func resumedState() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write([Self.context("2026-02-01T10:00:00.000Z", model: "gpt-5.4"), Self.filler("2026-02-01T10:00:01.000Z")])
        _ = home.cached()
        let edited = try String(contentsOfFile: home.file, encoding: .utf8)
        // Change the model in place (same length) without changing the last 256 bytes, then grow the file: the
        // cached state (gpt-5.4) is carried over, which shows the old bytes were not read again.
        let file = try #require(CodexDiscovery.files(homes: [home.root]).first)
        let entry = try #require(home.entry())
        try Data(edited.replacingOccurrences(of: "gpt-5.4", with: "gpt-5.5").utf8).write(to: URL(fileURLWithPath: home.file))
        try home.append([Self.totals("2026-02-01T11:00:00.000Z", input: 10, output: 1)])
        var grown = try #require(CodexDiscovery.files(homes: [home.root]).first)
        grown.inode = file.inode
        let (events, kept, hit) = CodexSource.readCached(grown, cached: entry)
        #expect(!hit)
        #expect(events.events.last?.model == "gpt-5.4")
        #expect(kept?.point.consumed == grown.size)
        #expect(kept?.point.state.previousTotals == CodexTokens(input: 10, output: 1, total: 11))
    }

    @Test("a rewritten file is read whole")
    func rewritten() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write([Self.context("2026-02-01T10:00:00.000Z", model: "gpt-5.4"), Self.filler("2026-02-01T10:00:01.000Z"),
                        Self.totals("2026-02-01T10:00:02.000Z", input: 100, output: 10)])
        _ = home.cached()
        // Longer, with other bytes before the old end: not a growth.
        try home.write([Self.context("2026-02-01T10:00:00.000Z", model: "gpt-5.5"), Self.filler("2026-02-01T10:00:01.000Z"),
                        Self.totals("2026-02-01T10:00:02.000Z", input: 500, output: 50),
                        Self.totals("2026-02-01T10:00:03.000Z", input: 900, output: 90)])
        let rewritten = home.cached()
        #expect(Self.same(rewritten, home.fresh()))
        #expect(rewritten.results[0].events.map(\.model) == ["gpt-5.5", "gpt-5.5"])
        #expect(rewritten.results[0].events.first?.tokens.input == 500)
        // Replaced by another file (a new inode) of the same size.
        let other = home.root + "/other.jsonl"
        let text = try String(contentsOfFile: home.file, encoding: .utf8).replacingOccurrences(of: "gpt-5.5", with: "gpt-5.2")
        try Data(text.utf8).write(to: URL(fileURLWithPath: other))
        try FileManager.default.removeItem(atPath: home.file)
        try FileManager.default.moveItem(atPath: other, toPath: home.file)
        let replaced = home.cached()
        #expect(replaced.results[0].events.map(\.model) == ["gpt-5.2", "gpt-5.2"])
        #expect(Self.same(replaced, home.fresh()))
    }

    @Test("a sub-agent file shorter than 16 KiB is never read on (the replay test is not settled)")
    func unsettled() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write([#"{"timestamp":"2026-02-01T10:00:00.000Z","type":"session_meta","payload":{"source":{"subagent":{"thread_spawn":{}}}}}"#,
                        Self.totals("2026-02-01T10:00:05.100Z", input: 100, output: 10)])
        _ = home.cached()
        #expect(home.entry()?.point.resumable == false)
        // The second replayed event arrives: both are now the parent's history, skipped.
        try home.append([Self.totals("2026-02-01T10:00:05.200Z", input: 200, output: 20),
                         Self.totals("2026-02-01T10:00:09.000Z", input: 260, output: 25)])
        let grown = home.cached()
        #expect(Self.same(grown, home.fresh()))
        #expect(grown.results[0].events.map(\.tokens.input) == [60])
    }
}
