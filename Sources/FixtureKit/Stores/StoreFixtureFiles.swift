import Foundation

/// The JSON-file agents' generators (10-agents-stores §6–§8).
extension StoreFixtureRun {
    /// Droid `droid/<project>/<session>.settings.json` snapshots with their `.jsonl` transcripts.
    mutating func droid() throws -> StoreFixtureSummary {
        var summary = StoreFixtureSummary(agent: "droid", variable: "DROID_SESSIONS_DIR", path: path("droid"))
        var n = 0
        while summary.bytes < bytes {
            let t = tokens(), thinking = rng.int(0...700)
            let stamp = Self.iso(time())
            let settings = #"{"model":"custom:Claude-Sonnet-4-[Anthropic]","providerLock":"anthropic","providerLockTimestamp":"\#(stamp)","reasoningEffort":"medium","tokenUsage":{"inputTokens":\#(t.input),"outputTokens":\#(t.output),"cacheCreationTokens":\#(t.cacheCreation),"cacheReadTokens":\#(t.cacheRead),"thinkingTokens":\#(thinking)}}"#
            var transcript = ""
            for _ in 0..<rng.int(5...40) {
                transcript += #"{"type":"message","role":"assistant","content":"\#(text(rng.int(200...1500)))"}"# + "\n"
            }
            try write("droid/project-\(n % 20)/session-\(n).settings.json", settings)
            try write("droid/project-\(n % 20)/session-\(n).jsonl", transcript)
            summary.add(input: t.input, output: t.output, cacheCreation: t.cacheCreation, cacheRead: t.cacheRead, extra: thinking)
            summary.bytes += Int64(settings.utf8.count + transcript.utf8.count)
            n += 1
        }
        return summary
    }

    /// Codebuff `codebuff/projects/<project>/chats/<chatId>/chat-messages.json` arrays.
    mutating func codebuff() throws -> StoreFixtureSummary {
        var summary = StoreFixtureSummary(agent: "codebuff", variable: "CODEBUFF_DATA_DIR", path: path("codebuff"))
        var n = 0
        while summary.bytes < bytes {
            var messages: [String] = []
            let chat = Self.iso(time()).replacingOccurrences(of: ":", with: "-")
            for k in 0..<rng.int(2...20) {
                messages.append(#"{"id":"u\#(k)","role":"user","text":"\#(text(rng.int(100...600)))"}"#)
                let t = tokens()
                messages.append(#"{"id":"a\#(k)","role":"assistant","timestamp":"\#(Self.iso(time()))","text":"\#(text(rng.int(200...1500)))","metadata":{"model":"claude-sonnet-4-20250514","usage":{"inputTokens":\#(t.input),"outputTokens":\#(t.output),"cacheCreationInputTokens":\#(t.cacheCreation),"cacheReadInputTokens":\#(t.cacheRead)}},"credits":\#(k + 1)}"#)
                summary.add(input: t.input, output: t.output, cacheCreation: t.cacheCreation, cacheRead: t.cacheRead)
            }
            let body = "[" + messages.joined(separator: ",") + "]"
            try write("codebuff/projects/project-\(n % 20)/chats/\(chat)-\(n)/chat-messages.json", body)
            summary.bytes += Int64(body.utf8.count)
            n += 1
        }
        return summary
    }

    /// Grok `grok/sessions/<url-encoded cwd>/<session>/updates.jsonl`: streamed chunks, then `turn_completed`.
    mutating func grok() throws -> StoreFixtureSummary {
        var summary = StoreFixtureSummary(agent: "grok", variable: "GROK_HOME", path: path("grok"))
        var n = 0, event = 0
        while summary.bytes < bytes {
            var lines = ""
            let session = "sess-\(n)"
            for _ in 0..<rng.int(2...20) {
                let at = time()
                for _ in 0..<rng.int(3...15) {
                    lines += #"{"timestamp":\#(at / 1000),"method":"_x.ai/session/update","params":{"sessionId":"\#(session)","update":{"sessionUpdate":"agent_message_chunk","content":{"type":"text","text":"\#(text(rng.int(100...600)))"}}}}"# + "\n"
                }
                let t = tokens()
                let input = t.input + t.cacheRead
                lines += #"{"timestamp":\#(at / 1000),"method":"_x.ai/session/update","params":{"sessionId":"\#(session)","update":{"sessionUpdate":"turn_completed","usage":{"inputTokens":\#(input),"outputTokens":\#(t.output),"cachedReadTokens":\#(t.cacheRead),"modelUsage":{"grok-4.3":{"inputTokens":\#(input),"outputTokens":\#(t.output),"cachedReadTokens":\#(t.cacheRead)}}}},"_meta":{"eventId":"evt-\#(event)","agentTimestampMs":\#(at)}}}"# + "\n"
                summary.add(input: t.input, output: t.output, cacheRead: t.cacheRead)
                event += 1
            }
            try write("grok/sessions/%2Fwork%2Fproject-\(n % 10)/\(session)/updates.jsonl", lines)
            summary.bytes += Int64(lines.utf8.count)
            n += 1
        }
        return summary
    }

    static func iso(_ millis: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(millis) / 1000)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
