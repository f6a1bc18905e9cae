import Foundation

/// Sub-agents: Task results, their transcripts and the parent's progress lines.
extension Generation {
    // MARK: - Sub-agents

    func taskResult(_ t: Transcript, call: ToolCall, sessionID: ID128) throws {
        let agentID = rng.next() & 0xFFFF_FFFF
        let directory = t.sink.path.dropLast(".jsonl".count) + "/subagents"
        try ensureDirectory(String(directory))
        var name = ByteBuffer(); name.raw("agent-"); name.hex(agentID, digits: 8); name.raw(".jsonl")
        let sink = try FileSink(path: directory + "/" + String(decoding: name.bytes, as: UTF8.self))
        let model = rng.chance(0.5) ? Catalog.haiku45 : t.model
        let header = makeHeader(sidechain: true, cwd: t.cwd, sessionID: sessionID, version: t.version,
                                branch: t.branch, agentID: agentID)
        var budget = Int64(min(2_000_000, max(3_000, rng.logNormal(median: 40_000, sigma: 0.8))))
        budget = min(budget, max(3_000, Int64(t.remaining)))
        let a = Transcript(sink: sink, header: header, version: t.version, model: model,
                           fastMode: t.fastMode && model == Catalog.opus46, oneHourShare: t.oneHourShare,
                           isSidechain: true, cwd: t.cwd, time: t.time + Int64(rng.int(200...2_000)),
                           pending: rng.int(6_000...12_000), budget: budget)

        // The sub-agent's own transcript.
        let promptID = nextUUID()
        beginLine(a)
        line.raw(",\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"")
        proseOrTool(rng.int(300...2_000), tool: false)
        line.raw("\"}")
        endLine(uuid: promptID, time: a.time)
        line.byte(UInt8(ascii: "}"))
        try emit(a, uuid: promptID)

        var copies: [ProgressCopy] = []
        repeat {
            lastSidechainResponse = nil
            let calls = try response(a, allowTools: !a.full)
            if let copy = lastSidechainResponse, rng.chance(0.5) { copies.append(copy) }
            if calls.isEmpty { break }
            for c in calls { try toolResult(a, call: c, sessionID: sessionID) }
        } while true
        lastSidechainResponse = nil
        try sink.finish()
        files += 1
        subagentFiles += 1
        bytes += sink.bytes
        t.childBytes += sink.bytes

        // Progress lines in the parent: copies of some sub-agent responses (they dedupe against the originals).
        for copy in copies.suffix(3) {
            try progressLine(t, copy: copy, call: call, agentID: agentID)
        }

        // The Task tool result.
        t.time = max(t.time, a.time) + Int64(rng.int(100...3_000))
        beginLine(t)
        line.raw(",\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"tool_use_id\":\"toolu_01")
        line.base62(call.id.hi, call.id.lo, count: 22)
        line.raw("\",\"type\":\"tool_result\",\"content\":[{\"type\":\"text\",\"text\":\"")
        let start = line.count
        proseOrTool(rng.int(500...5_000), tool: false)
        t.pending += (line.count - start) / 4
        line.raw("\"}]}]}")
        let uuid = nextUUID()
        endLine(uuid: uuid, time: t.time)
        line.raw(",\"toolUseResult\":{\"status\":\"completed\",\"totalDurationMs\":"); line.int(Int(a.time - t.time) + rng.int(1_000...5_000))
        line.raw(",\"totalTokens\":"); line.int(a.context + a.pending)
        line.raw(",\"totalToolUseCount\":"); line.int(rng.int(1...30))
        line.raw("}}")
        try emit(t, uuid: uuid)
    }

    func progressLine(_ t: Transcript, copy: ProgressCopy, call: ToolCall, agentID: UInt64) throws {
        beginLine(t)
        line.raw(",\"type\":\"progress\",\"data\":{\"message\":{\"type\":\"assistant\",\"timestamp\":")
        line.timestamp(copy.time)
        line.raw(",\"requestId\":\"req_011C"); line.base62(copy.requestID.hi, copy.requestID.lo, count: 20)
        line.raw("\",\"message\":")
        writeMessage(id: copy.messageID, model: copy.model, usage: copy.usage, speed: copy.speed,
                     cacheObject: copy.cacheObject, modern: true, stop: 0) {
            line.raw("{\"type\":\"text\",\"text\":\"")
            proseOrTool(rng.int(40...300), tool: false)
            line.raw("\"}")
        }
        line.raw("},\"normalizedMessages\":[],\"type\":\"agent_progress\",\"agentId\":\"")
        line.hex(agentID, digits: 8)
        line.raw("\"},\"toolUseID\":\"agent_msg_01"); line.base62(rng.next(), rng.next(), count: 22)
        line.raw("\",\"parentToolUseID\":\"toolu_01"); line.base62(call.id.hi, call.id.lo, count: 22)
        line.byte(UInt8(ascii: "\""))
        let uuid = nextUUID()
        let outer = max(t.time, copy.time + Int64(rng.int(5...80)))
        t.time = outer
        endLine(uuid: uuid, time: outer)
        line.byte(UInt8(ascii: "}"))
        try emit(t, uuid: uuid, serial: copy.serial, usage: copy.usage, usageTime: copy.time)
    }
}
