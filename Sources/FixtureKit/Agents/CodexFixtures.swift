import Foundation

/// What a Codex home written by `CodexFixtureGenerator` must read as: its files and bytes, and the usage a daily
/// report counts (07-codex): every `token_count` event the rules emit, de-duplicated by (instant, model, counts).
public struct CodexFixtureSummary: Sendable, Equatable, Codable {
    public var files = 0, archivedFiles = 0, subagentFiles = 0, forkFiles = 0
    public var bytes: Int64 = 0
    /// Distinct events (the daily report's de-duplication) and their summed counts (cached clamped to input).
    public var events = 0
    public var input: Int64 = 0, cached: Int64 = 0, output: Int64 = 0, reasoning: Int64 = 0, total: Int64 = 0
    /// The home to point `CODEX_HOME` at.
    public var home = ""
}

/// Realistic, deterministic Codex CLI homes for tests and benchmarks: rollouts in `sessions/YYYY/MM/DD/`, spread
/// over `days` days from `start` (ms), each a `session_meta` with long instructions, turns with `turn_context`
/// (model switches, now and then none: the `gpt-5` fallback), reasoning, function calls with large outputs, and
/// `token_count` events carrying cumulative totals and the last turn's usage (repeated lines, `info: null`
/// pings; some sessions log totals only, as older versions did). Some sessions are copied or moved to
/// `archived_sessions/`, spawn a sub-agent (a `thread_spawn` file replaying the parent's history in one second)
/// or are forked (the parent's lines copied with their timestamps). The same arguments write the same bytes.
public enum CodexFixtureGenerator {
    public static let models = ["gpt-5.3-codex", "gpt-5.4", "gpt-5.2-codex", "gpt-5-mini", "gpt-5.5"]

    /// Writes `<root>/codex/…` until about `targetBytes` are written; returns what a reader must find.
    public static func generate(into root: String, targetBytes: Int64, seed: UInt64 = 1,
                                start: Int64 = 1_767_225_600_000, days: Int = 60) throws -> CodexFixtureSummary {
        var writer = CodexFixtureWriter(home: root + "/codex", seed: seed, start: start, days: max(days, 1))
        try FileManager.default.createDirectory(atPath: writer.home + "/sessions", withIntermediateDirectories: true)
        while writer.summary.bytes < targetBytes { try writer.session() }
        return writer.summary
    }
}

/// One rollout line: its time and bytes (`{"timestamp":"…"` first, so a copy can be re-stamped in place).
struct RolloutLine {
    var ms: Int64
    var bytes: [UInt8]
    /// The usage key a daily report would count it under, when the line is a counted `token_count`.
    var event: CodexEventKey?
}

struct CodexEventKey: Hashable {
    var ms: Int64
    var model: String
    var input: Int, cached: Int, output: Int, reasoning: Int, total: Int
}

struct CodexFixtureWriter {
    let home: String
    var rng: SplitMix64
    let start: Int64
    let days: Int
    var summary = CodexFixtureSummary()
    var seen = Set<CodexEventKey>()
    let tool: TextCorpus, prose: TextCorpus
    let cipher: [UInt8]
    var sessionNumber = 0
    /// The previous session's lines and name, for forks.
    var previous: (lines: [RolloutLine], totals: [Int], model: String)?

    init(home: String, seed: UInt64, start: Int64, days: Int) {
        self.home = home; self.start = start; self.days = days
        rng = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 0xC0DE)
        tool = TextCorpus(kind: .tool, size: 2 << 20, rng: &rng)
        prose = TextCorpus(kind: .prose, size: 1 << 20, rng: &rng)
        var c: [UInt8] = []
        c.reserveCapacity(1 << 16)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        while c.count < 1 << 16 { c.append(alphabet[rng.below(alphabet.count)]) }
        cipher = c
        summary.home = home
    }

    /// Per-session state while writing turns.
    struct Turns {
        var lines: [RolloutLine] = []
        var ms: Int64
        var model: String?
        /// Cumulative input, cached, output, reasoning, total.
        var totals = [0, 0, 0, 0, 0]
        var totalsOnly: Bool
        var usageEvents = 0
    }

    mutating func session() throws {
        sessionNumber += 1
        let day = Int64(rng.below(days))
        let begin = start + day * 86_400_000 + Int64(rng.int(6 * 3600...23 * 3600)) * 1000 + Int64(rng.below(1000))
        let id = ID128(&rng)
        let fallback = rng.chance(0.03)
        var t = Turns(ms: begin, model: fallback ? nil : CodexFixtureGenerator.models[rng.below(5)],
                      totalsOnly: rng.chance(0.1))
        let fork = previous != nil && rng.chance(0.05)
        var meta = ByteBuffer(capacity: 16_384)
        metaLine(&meta, ms: begin, id: id, source: fork ? "fork" : "cli")
        t.lines.append(RolloutLine(ms: begin, bytes: meta.bytes, event: nil))
        if fork, let parent = previous {
            // The parent's history with its own timestamps, then new turns on top of its totals.
            t.lines += parent.lines.dropFirst()
            t.totals = parent.totals
            t.model = parent.model
            t.ms = max(begin, (parent.lines.last?.ms ?? begin) + 60_000)
            summary.forkFiles += 1
        }
        developerLine(&t)
        let turnCount = rng.int(2...24)
        var spawned = false
        for turn in 0..<turnCount {
            self.turn(&t)
            if !spawned, !fork, turn >= 1, t.usageEvents >= 2, rng.chance(0.012) {
                spawned = true
                try subagent(parent: t)
            }
        }
        let name = fileName(begin, id)
        let (y, m, d) = civil(fromDays: begin.floorDiv(86_400_000).0)
        let folder = String(format: "%04d/%02d/%02d", y, m, d)
        let placement = rng.unit()
        if placement < 0.04 {
            try write(t.lines, to: "archived_sessions/" + name)   // archived: moved out of sessions/
            summary.archivedFiles += 1
        } else {
            try write(t.lines, to: "sessions/" + folder + "/" + name)
            if placement < 0.12 {
                try write(t.lines, to: "archived_sessions/" + name)   // an archived copy of an active file
                summary.archivedFiles += 1
            }
        }
        previous = (t.lines, t.totals, t.model ?? "gpt-5")
    }

    func fileName(_ ms: Int64, _ id: ID128) -> String {
        var b = ByteBuffer(capacity: 80)
        b.raw("rollout-")
        b.timestampBody(ms)
        var stamp = Array(b.bytes.prefix(8 + 19))
        for i in 8..<stamp.count where stamp[i] == UInt8(ascii: ":") { stamp[i] = UInt8(ascii: "-") }
        var tail = ByteBuffer(capacity: 40)
        tail.raw("-")
        tail.uuid(id)
        tail.raw(".jsonl")
        return String(decoding: stamp + tail.bytes, as: UTF8.self)
    }

    /// A sub-agent spawned now: its `session_meta`, the parent's history re-stamped within the spawn second,
    /// then its own turns (on top of the parent's totals).
    mutating func subagent(parent: Turns) throws {
        let spawn = (parent.ms / 1000 + 1) * 1000
        let id = ID128(&rng)
        var meta = ByteBuffer(capacity: 16_384)
        metaLine(&meta, ms: spawn, id: id, source: "thread_spawn")
        var child = Turns(ms: spawn + 1000 + Int64(rng.below(5000)), model: "gpt-5-mini", totalsOnly: false)
        child.lines.append(RolloutLine(ms: spawn, bytes: meta.bytes, event: nil))
        let replayed = parent.lines.dropFirst()
        for (i, line) in replayed.enumerated() {
            var copy = line
            copy.ms = spawn + Int64(i * 999 / max(replayed.count, 1))
            var stamp = ByteBuffer(capacity: 24)
            stamp.timestampBody(copy.ms)
            copy.bytes.replaceSubrange(14..<38, with: stamp.bytes)
            copy.event = nil   // a replay counts nothing
            child.lines.append(copy)
        }
        child.totals = parent.totals
        for _ in 0..<rng.int(1...4) { turn(&child) }
        let name = fileName(spawn, id)
        let (y, m, d) = civil(fromDays: spawn.floorDiv(86_400_000).0)
        try write(child.lines, to: String(format: "sessions/%04d/%02d/%02d/", y, m, d) + name)
        summary.subagentFiles += 1
    }

    mutating func metaLine(_ b: inout ByteBuffer, ms: Int64, id: ID128, source: String) {
        b.raw(#"{"timestamp":"#); b.timestamp(ms); b.raw(#","type":"session_meta","payload":{"id":""#); b.uuid(id)
        b.raw(#"","timestamp":"#); b.timestamp(ms)
        b.raw(#","cwd":"/home/dev/src/project-"#); b.int(rng.below(9))
        b.raw(#"","originator":"codex_cli_rs","cli_version":"0.121.0","source":"#)
        switch source {
        case "thread_spawn": b.raw(#"{"subagent":{"thread_spawn":{"parent_thread_id":"0199","depth":1}}}"#)
        case "fork": b.raw(#""cli","forked_from_id":"0199""#)
        default: b.raw(#""cli""#)
        }
        b.raw(#","model_provider":"openai","base_instructions":{"text":""#)
        prose.append(to: &b, minBytes: rng.int(6000...14_000), rng: &rng)
        b.raw(#""},"git":{"commit_hash":""#); b.hex(rng.next(), digits: 16); b.hex(rng.next(), digits: 16)
        b.raw(#"","branch":"main"}}}"#)
    }

    mutating func developerLine(_ t: inout Turns) {
        var b = ByteBuffer(capacity: 4096)
        t.ms += Int64(rng.int(5...900))
        b.raw(#"{"timestamp":"#); b.timestamp(t.ms)
        b.raw(#","type":"response_item","payload":{"type":"message","role":"developer","content":[{"type":"input_text","text":""#)
        prose.append(to: &b, minBytes: rng.int(1500...4000), rng: &rng)
        b.raw(#""}]}}"#)
        t.lines.append(RolloutLine(ms: t.ms, bytes: b.bytes, event: nil))
    }

    /// One user turn: the message, a `turn_context` (sometimes another model), a rate-limit ping, then steps of
    /// reasoning, a function call and its output, each closed by a `token_count`.
    mutating func turn(_ t: inout Turns) {
        var b = ByteBuffer(capacity: 8192)
        func line(_ ms: Int64, _ event: CodexEventKey? = nil) {
            t.lines.append(RolloutLine(ms: ms, bytes: b.bytes, event: event))
            b.reset()
        }
        t.ms += Int64(rng.int(20...900)) * 1000
        b.raw(#"{"timestamp":"#); b.timestamp(t.ms)
        b.raw(#","type":"event_msg","payload":{"type":"user_message","message":""#)
        prose.append(to: &b, minBytes: rng.int(60...3000), rng: &rng)
        b.raw(#"","images":[]}}"#)
        line(t.ms)
        if t.model != nil, rng.chance(0.12) { t.model = CodexFixtureGenerator.models[rng.below(5)] }
        t.ms += Int64(rng.int(5...80))
        b.raw(#"{"timestamp":"#); b.timestamp(t.ms)
        b.raw(#","type":"turn_context","payload":{"cwd":"/home/dev/src/project","approval_policy":"on-request","#)
        b.raw(#""sandbox_policy":{"type":"workspace-write","network_access":false},"#)
        if let model = t.model { b.raw(#""model":""#); b.escaped(model); b.raw(#"","#) }
        b.raw(#""effort":"medium","summary":"auto","user_instructions":""#)
        prose.append(to: &b, minBytes: rng.int(800...6000), rng: &rng)
        b.raw(#""}}"#)
        line(t.ms)
        t.ms += Int64(rng.int(50...600))
        b.raw(#"{"timestamp":"#); b.timestamp(t.ms)
        b.raw(#","type":"event_msg","payload":{"type":"token_count","info":null,"rate_limits":{"primary":{"used_percent":"#)
        b.int(rng.below(100)); b.raw(#".0,"window_minutes":300}}}}"#)
        line(t.ms)
        for _ in 0..<rng.int(1...9) {
            t.ms += Int64(rng.int(400...9000))
            b.raw(#"{"timestamp":"#); b.timestamp(t.ms)
            b.raw(#","type":"response_item","payload":{"type":"reasoning","summary":[],"content":null,"encrypted_content":""#)
            let n = rng.int(300...2800), at = rng.below(cipher.count - n)
            b.raw(cipher[at..<at + n])
            b.raw(#""}}"#)
            line(t.ms)
            t.ms += Int64(rng.int(5...200))
            let call = rng.next()
            b.raw(#"{"timestamp":"#); b.timestamp(t.ms)
            b.raw(#","type":"response_item","payload":{"type":"function_call","name":"exec_command","arguments":"{\"cmd\":\"rg -n "#)
            b.hex(call & 0xFFFF, digits: 4)
            b.raw(#"\"}","call_id":"call_"#); b.base62(call, rng.next(), count: 22); b.raw(#""}}"#)
            line(t.ms)
            usage(&t, &b)
            t.ms += Int64(rng.int(30...4000))
            b.raw(#"{"timestamp":"#); b.timestamp(t.ms)
            b.raw(#","type":"response_item","payload":{"type":"function_call_output","call_id":"call_"#)
            b.base62(call, 0, count: 22); b.raw(#"","output":""#)
            let size = min(Int(rng.logNormal(median: 1800, sigma: 1.2)), 200_000)
            tool.append(to: &b, minBytes: max(size, 40), rng: &rng)
            b.raw(#""}}"#)
            line(t.ms)
        }
        t.ms += Int64(rng.int(300...5000))
        b.raw(#"{"timestamp":"#); b.timestamp(t.ms)
        b.raw(#","type":"event_msg","payload":{"type":"agent_message","message":""#)
        prose.append(to: &b, minBytes: rng.int(80...1500), rng: &rng)
        b.raw(#""}}"#)
        line(t.ms)
    }

    /// A `token_count` for one model call, sometimes logged twice (a later line with the same info), and its
    /// events as the rules count them.
    mutating func usage(_ t: inout Turns, _ b: inout ByteBuffer) {
        let context = 8000 + t.totals[0] / max(t.usageEvents + 1, 1) / 3 + rng.int(0...6000)
        let input = min(context + rng.int(0...3000), 250_000)
        let cached = rng.chance(0.9) ? input - rng.int(0...min(input, 4000)) : 0
        let output = rng.int(20...2500)
        let reasoning = rng.chance(0.6) ? rng.int(0...output) : 0
        let last = [input, cached, output, reasoning, input + output]
        var base = t.totals
        for i in 0..<5 { t.totals[i] += last[i] }
        t.usageEvents += 1
        for _ in 0..<(rng.chance(0.25) ? 2 : 1) {
            t.ms += Int64(rng.int(5...700))
            b.raw(#"{"timestamp":"#); b.timestamp(t.ms)
            b.raw(#","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":"#)
            counts(&b, t.totals)
            if !t.totalsOnly { b.raw(#","last_token_usage":"#); counts(&b, last) }
            b.raw(#","model_context_window":258400},"rate_limits":{"primary":{"used_percent":12.0,"window_minutes":300}}}}"#)
            // The last turn's usage counts on every line; totals only: the growth counts, a repeated total nothing.
            let counted = t.totalsOnly ? zip(t.totals, base).map { $0 - $1 } : last
            base = t.totals
            var event: CodexEventKey?
            if counted[0] + counted[1] + counted[2] + counted[3] > 0 {
                event = CodexEventKey(ms: t.ms, model: t.model ?? "gpt-5", input: counted[0],
                                      cached: min(counted[1], counted[0]), output: counted[2], reasoning: counted[3],
                                      total: counted[4])
            }
            t.lines.append(RolloutLine(ms: t.ms, bytes: b.bytes, event: event))
            b.reset()
        }
    }

    func counts(_ b: inout ByteBuffer, _ c: [Int]) {
        b.raw(#"{"input_tokens":"#); b.int(c[0])
        b.raw(#","cached_input_tokens":"#); b.int(c[1])
        b.raw(#","output_tokens":"#); b.int(c[2])
        b.raw(#","reasoning_output_tokens":"#); b.int(c[3])
        b.raw(#","total_tokens":"#); b.int(c[4])
        b.byte(UInt8(ascii: "}"))
    }

    mutating func write(_ lines: [RolloutLine], to relative: String) throws {
        let path = home + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let sink = try FileSink(path: path)
        var row: [UInt8] = []
        for line in lines {
            row.removeAll(keepingCapacity: true)
            row += line.bytes
            row.append(0x0A)
            try row.withUnsafeBufferPointer { try sink.write($0) }
            if let event = line.event, seen.insert(event).inserted {
                summary.events += 1
                summary.input += Int64(event.input); summary.cached += Int64(event.cached)
                summary.output += Int64(event.output); summary.reasoning += Int64(event.reasoning)
                summary.total += Int64(event.total)
            }
        }
        try sink.finish()
        summary.files += 1
        summary.bytes += sink.bytes
    }
}
