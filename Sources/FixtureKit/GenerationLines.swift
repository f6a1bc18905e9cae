import Foundation

/// The lines around requests: summaries, snapshots, system lines, prompts, compactions and synthetic
/// (API error) messages.
extension Generation {
    // MARK: - Non-usage lines

    func summaryLine(_ t: Transcript) throws {
        line.reset()
        line.raw("{\"type\":\"summary\",\"summary\":")
        line.string(rng.pick(Catalog.summaries))
        line.raw(",\"leafUuid\":\""); line.uuid(nextUUID()); line.raw("\"}")
        try emit(t, uuid: nil)
    }

    func snapshotLine(_ t: Transcript, messageID: ID128) throws {
        line.reset()
        line.raw("{\"type\":\"file-history-snapshot\",\"messageId\":\""); line.uuid(messageID)
        line.raw("\",\"snapshot\":{\"messageId\":\""); line.uuid(messageID)
        line.raw("\",\"trackedFileBackups\":{")
        let n = rng.int(0...3)
        for i in 0..<n {
            if i > 0 { line.byte(UInt8(ascii: ",")) }
            line.byte(UInt8(ascii: "\"")); expandEscaped("{file}", into: &line)
            line.raw("\":{\"backupFileName\":\""); line.hex(rng.next(), digits: 16)
            let v = rng.int(1...6)
            line.raw("@v"); line.int(v); line.raw("\",\"version\":"); line.int(v)
            line.raw(",\"backupTime\":"); line.timestamp(t.time - Int64(rng.below(600_000)))
            line.byte(UInt8(ascii: "}"))
        }
        line.raw("},\"timestamp\":"); line.timestamp(t.time)
        line.raw("},\"isSnapshotUpdate\":"); line.raw(rng.chance(0.2) ? "true}" : "false}")
        try emit(t, uuid: nil)
    }

    func systemLine(_ t: Transcript) throws {
        beginLine(t)
        line.raw(",\"type\":\"system\",\"content\":\"Running \\u001b[1mPostToolUse:Edit\\u001b[22m hook: prettier --write\"")
        line.raw(",\"isMeta\":false")
        let uuid = nextUUID()
        t.time += Int64(rng.int(5...400))
        endLine(uuid: uuid, time: t.time)
        line.raw(",\"level\":\"info\"}")
        try emit(t, uuid: uuid)
    }

    func userPrompt(_ t: Transcript, uuid: ID128) throws {
        beginLine(t)
        line.raw(",\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"")
        let start = line.count
        expandEscaped(rng.pick(Prompts.all), into: &line)
        if rng.chance(0.15) {
            // a pasted stack trace or snippet
            line.raw("\\n\\n")
            proseOrTool(rng.int(200...6_000), tool: true)
        }
        t.pending += (line.count - start) / 3 + 4
        line.raw("\"}")
        endLine(uuid: uuid, time: t.time)
        if t.version.modern {
            line.raw(",\"thinkingMetadata\":{\"level\":\"")
            line.raw(rng.chance(0.7) ? "none" : "high")
            line.raw("\",\"disabled\":false,\"triggers\":[]},\"todos\":[]")
        }
        line.byte(UInt8(ascii: "}"))
        try emit(t, uuid: uuid)
    }

    func proseOrTool(_ n: Int, tool: Bool) {
        (tool ? toolText : proseText).append(to: &line, minBytes: n, rng: &rng)
    }

    func compaction(_ t: Transcript) throws {
        let boundary = nextUUID()
        line.reset()
        line.raw("{\"parentUuid\":null,\"logicalParentUuid\":")
        if let p = t.parent { line.byte(UInt8(ascii: "\"")); line.uuid(p); line.byte(UInt8(ascii: "\"")) } else { line.raw("null") }
        line.raw(t.header)
        line.raw(",\"type\":\"system\",\"subtype\":\"compact_boundary\",\"content\":\"Conversation compacted\",\"isMeta\":false")
        t.time += Int64(rng.int(20_000...90_000))
        endLine(uuid: boundary, time: t.time)
        line.raw(",\"level\":\"info\",\"compactMetadata\":{\"trigger\":\"auto\",\"preTokens\":"); line.int(t.context)
        line.raw("}}")
        try emit(t, uuid: boundary)

        let summary = nextUUID()
        beginLine(t)
        line.raw(",\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"This session is being continued from a previous conversation that ran out of context. The conversation is summarized below:\\n")
        proseOrTool(rng.int(3_000...9_000), tool: false)
        line.raw("\"},\"isVisibleInTranscriptOnly\":true,\"isCompactSummary\":true")
        t.time += 5
        endLine(uuid: summary, time: t.time)
        line.byte(UInt8(ascii: "}"))
        try emit(t, uuid: summary)
        t.context = 0
        t.pending = rng.int(15_000...30_000)
        t.lastRequest = .min
    }


    // MARK: - Synthetic

    func syntheticLine(_ t: Transcript, apiError: Bool) throws {
        t.time += Int64(rng.int(50...3_000))
        beginLine(t)
        line.raw(",\"type\":\"assistant\"")
        let uuid = nextUUID()
        endLine(uuid: uuid, time: t.time)
        let messageID = nextUUID()
        line.raw(",\"message\":{\"id\":\""); line.uuid(messageID)
        line.raw("\",\"model\":\"<synthetic>\",\"role\":\"assistant\",\"stop_reason\":\"stop_sequence\",\"stop_sequence\":\"\",\"type\":\"message\",\"usage\":{\"input_tokens\":0,\"output_tokens\":0,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0")
        if t.version.cacheObject {
            line.raw(",\"server_tool_use\":{\"web_search_requests\":0,\"web_fetch_requests\":0},\"service_tier\":null,\"cache_creation\":{\"ephemeral_1h_input_tokens\":0,\"ephemeral_5m_input_tokens\":0}")
        }
        line.raw("},\"content\":[{\"type\":\"text\",\"text\":\"")
        if apiError {
            // the reset time: the next full hour at least an hour ahead, in Unix seconds
            let reset = (t.time / 3_600_000 + 2) * 3_600
            line.raw("Claude AI usage limit reached|"); line.int(Int(reset))
        } else {
            line.raw("No response requested.")
        }
        line.raw("\"}]}")
        line.raw(apiError ? ",\"isApiErrorMessage\":true}" : ",\"isApiErrorMessage\":false}")
        let serial = newRequest(label: Catalog.synthetic)
        try emit(t, uuid: uuid, serial: serial, usage: TokenUsage(), usageTime: t.time)
    }
}
