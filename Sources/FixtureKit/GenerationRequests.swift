import Foundation

/// Assistant responses: their token usage, content blocks, tool calls and tool results.
extension Generation {
    // MARK: - Requests

    /// Tokens of the next request; updates the context model.
    func nextUsage(_ t: Transcript, blocks: Int) -> TokenUsage {
        var u = TokenUsage()
        let ttl: Int64 = t.oneHourShare > 0 ? 3_600_000 : 300_000
        let warm = t.lastRequest != .min && t.time - t.lastRequest < ttl
        u.input = rng.chance(0.88) ? rng.int(1...12) : rng.int(20...4_000)
        if warm {
            u.cacheRead = t.context
            u.cacheCreation = t.pending
        } else {
            // The system prompt and tools are often still cached from another session.
            u.cacheRead = rng.chance(0.5) ? min(t.context + t.pending, rng.int(11_000...14_500)) : 0
            u.cacheCreation = t.context + t.pending - u.cacheRead
        }
        if !t.version.cacheObject, rng.chance(0.1) {
            // early versions sometimes sent everything uncached
            u.input += u.cacheCreation
            u.cacheCreation = 0
        }
        if t.version.cacheObject, t.oneHourShare > 0 {
            u.cacheCreation1h = t.oneHourShare >= 1 ? u.cacheCreation : Int(Double(u.cacheCreation) * t.oneHourShare)
        }
        u.output = max(blocks * 3, Int(min(24_000, rng.logNormal(median: 160, sigma: 1.1))) * blocks)
        t.context = u.cacheRead + u.cacheCreation
        t.pending = u.input + u.output
        t.lastRequest = t.time
        return u
    }

    func writeUsage(_ u: TokenUsage, output: Int, cacheObject: Bool, speed: UInt8, modern: Bool) {
        line.raw("{\"input_tokens\":"); line.int(u.input)
        line.raw(",\"cache_creation_input_tokens\":"); line.int(u.cacheCreation)
        line.raw(",\"cache_read_input_tokens\":"); line.int(u.cacheRead)
        if cacheObject {
            line.raw(",\"cache_creation\":{\"ephemeral_5m_input_tokens\":"); line.int(u.cacheCreation - u.cacheCreation1h)
            line.raw(",\"ephemeral_1h_input_tokens\":"); line.int(u.cacheCreation1h)
            line.byte(UInt8(ascii: "}"))
        }
        line.raw(",\"output_tokens\":"); line.int(output)
        if modern { line.raw(",\"server_tool_use\":{\"web_search_requests\":0,\"web_fetch_requests\":0}") }
        line.raw(",\"service_tier\":\"standard\"")
        switch speed {
        case 1: line.raw(",\"speed\":\"standard\"")
        case 2: line.raw(",\"speed\":\"fast\"")
        default: break
        }
        line.byte(UInt8(ascii: "}"))
    }

    enum Block { case thinking, text, tool(Int) }

    /// One API response, written as one line per content block with growing `output_tokens`.
    /// Returns the tool calls it made.
    func response(_ t: Transcript, allowTools: Bool) throws -> [ToolCall] {
        var blocks: [Block] = []
        if t.version.modern, rng.chance(0.25) { blocks.append(.thinking) }
        let toolCount = allowTools ? (rng.chance(0.75) ? 1 : rng.int(2...3)) : 0
        if toolCount == 0 || rng.chance(0.55) { blocks.append(.text) }
        var calls: [ToolCall] = []
        for i in 0..<toolCount {
            blocks.append(.tool(i))
            var kind = ToolCall.Kind.allCases[rng.weighted([30, 28, 14, 9, 4, 5, 3, 0])]
            // Until the tree has its first sub-agent, Task calls are likelier, so small trees have one too.
            if t.version.modern, !t.isSidechain, rng.chance(subagentFiles == 0 ? 0.2 : 0.015) { kind = .task }
            var path = t.cwd + "/"
            TextCorpus.expand(Array("{file}".utf8), into: &pathBytes, rng: &rng)
            path += String(decoding: pathBytes, as: UTF8.self)
            pathBytes.removeAll(keepingCapacity: true)
            calls.append(ToolCall(kind: kind, id: ID128(&rng), filePath: path))
        }

        var model = t.model
        if t.version.modern, !t.isSidechain, model != Catalog.haiku45, rng.chance(0.06) { model = Catalog.haiku45 }
        let speed: UInt8 = model == Catalog.opus46 && t.version.speed ? (t.fastMode ? 2 : 1) : 0
        let label = speed == 2 ? Catalog.opus46Fast : model
        let messageID = ID128(&rng), requestID = ID128(&rng)
        let serial = newRequest(label: label)
        let latency = Int64(rng.int(1_200...25_000))
        t.time += latency
        let usage = nextUsage(t, blocks: blocks.count)
        let finalOutput = usage.output

        for (index, block) in blocks.enumerated() {
            let isLast = index == blocks.count - 1
            let output = isLast ? finalOutput : max(1, finalOutput * (index + 1) / (blocks.count + 1))
            var lineUsage = usage
            lineUsage.output = output
            if index > 0 { t.time += Int64(rng.int(30...2_500)) }
            beginLine(t)
            line.raw(",\"message\":")
            writeMessage(id: messageID, model: model, usage: lineUsage, speed: speed, cacheObject: t.version.cacheObject,
                         modern: t.version.modern, stop: isLast ? (calls.isEmpty ? 2 : 1) : 0) {
                switch block {
                case .thinking:
                    line.raw("{\"type\":\"thinking\",\"thinking\":\"")
                    proseOrTool(rng.int(200...3_000), tool: false)
                    line.raw("\",\"signature\":\"")
                    for _ in 0..<rng.int(8...30) { line.base62(rng.next(), rng.next(), count: 16) }
                    line.raw("==\"}")
                case .text:
                    line.raw("{\"type\":\"text\",\"text\":\"")
                    proseOrTool(rng.chance(0.8) ? rng.int(40...600) : rng.int(600...5_000), tool: false)
                    line.raw("\"}")
                case .tool(let i):
                    writeToolUse(calls[i], t: t)
                }
            }
            line.raw(",\"requestId\":\"req_011C"); line.base62(requestID.hi, requestID.lo, count: 20)
            line.byte(UInt8(ascii: "\""))
            if t.version.costUSD {
                let p = Catalog.prices[model]
                let cost = lineUsage.input * p.0 + lineUsage.output * p.1 + lineUsage.cacheCreation * p.2
                    + lineUsage.cacheRead * p.3
                line.raw(",\"costUSD\":"); line.decimal(cost, scale: 8)
                line.raw(",\"durationMs\":"); line.int(Int(latency))
            }
            line.raw(",\"type\":\"assistant\"")
            let uuid = nextUUID()
            endLine(uuid: uuid, time: t.time)
            line.byte(UInt8(ascii: "}"))
            try emit(t, uuid: uuid, serial: serial, usage: lineUsage, usageTime: t.time)
            if isLast, t.isSidechain {
                lastSidechainResponse = ProgressCopy(serial: serial, messageID: messageID, requestID: requestID,
                                                     model: model, usage: lineUsage, speed: speed,
                                                     cacheObject: t.version.cacheObject, time: t.time)
            }
        }
        return calls
    }

    /// `{"id":"msg_01…","type":"message","role":"assistant","model":…,"content":[…],"stop_reason":…,"stop_sequence":null,"usage":{…}}`
    func writeMessage(id: ID128, model: Int, usage: TokenUsage, speed: UInt8, cacheObject: Bool, modern: Bool,
                      stop: Int, content: () -> Void) {
        line.raw("{\"id\":\"msg_01"); line.base62(id.hi, id.lo, count: 22)
        line.raw("\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"")
        line.raw(Catalog.modelBytes[model])
        line.raw("\",\"content\":[")
        content()
        switch stop {
        case 1: line.raw("],\"stop_reason\":\"tool_use\",\"stop_sequence\":null,\"usage\":")
        case 2: line.raw("],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":")
        default: line.raw("],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":")
        }
        writeUsage(usage, output: usage.output, cacheObject: cacheObject, speed: speed, modern: modern)
        line.byte(UInt8(ascii: "}"))
    }

    func writeToolUse(_ call: ToolCall, t: Transcript) {
        line.raw("{\"type\":\"tool_use\",\"id\":\"toolu_01"); line.base62(call.id.hi, call.id.lo, count: 22)
        line.raw("\",\"name\":\"")
        switch call.kind {
        case .bash:
            line.raw("Bash\",\"input\":{\"command\":\"")
            expandEscaped(rng.pick(Catalog.bashCommands), into: &line)
            line.raw("\",\"description\":"); line.string(rng.pick(Catalog.bashDescriptions))
            line.byte(UInt8(ascii: "}"))
        case .read:
            line.raw("Read\",\"input\":{\"file_path\":"); line.string(call.filePath)
            if rng.chance(0.2) {
                line.raw(",\"offset\":"); line.int(rng.int(1...800)); line.raw(",\"limit\":"); line.int(rng.pick([50, 100, 200]))
            }
            line.byte(UInt8(ascii: "}"))
        case .edit:
            line.raw("Edit\",\"input\":{\"file_path\":"); line.string(call.filePath)
            line.raw(",\"old_string\":\""); proseOrTool(rng.int(40...800), tool: true)
            line.raw("\",\"new_string\":\""); proseOrTool(rng.int(40...1_200), tool: true)
            line.raw(t.version.modern ? "\",\"replace_all\":false}" : "\"}")
        case .grep:
            line.raw("Grep\",\"input\":{\"pattern\":\"")
            expandEscaped(rng.pick(["{id}", "func {id}\\\\(", "TODO|FIXME", "class {Type}", "\"{id}\""]), into: &line)
            line.raw("\",\"path\":"); line.string(t.cwd)
            line.raw(",\"output_mode\":\"content\",\"-n\":true}")
        case .glob:
            line.raw("Glob\",\"input\":{\"pattern\":")
            line.string(rng.pick(["**/*.swift", "src/**/*.ts", "**/*.py", "**/package.json", "docs/**/*.md"]))
            line.byte(UInt8(ascii: "}"))
        case .todo:
            line.raw("TodoWrite\",\"input\":{\"todos\":[")
            for i in 0..<rng.int(2...6) {
                if i > 0 { line.byte(UInt8(ascii: ",")) }
                line.raw("{\"content\":\""); expandEscaped(rng.pick(Catalog.todoItems), into: &line)
                line.raw("\",\"status\":\""); line.raw(rng.pick(["pending", "in_progress", "completed"]).utf8Array)
                line.raw("\",\"activeForm\":\"Working on it\"}")
            }
            line.raw("]}")
        case .webFetch:
            line.raw("WebFetch\",\"input\":{\"url\":\"https://docs.example.com/")
            expandEscaped("{id}/{word}", into: &line)
            line.raw("\",\"prompt\":\"Summarize the configuration options\"}")
        case .task:
            line.raw("Task\",\"input\":{\"description\":\"")
            expandEscaped(rng.pick(Catalog.taskDescriptions), into: &line)
            line.raw("\",\"prompt\":\""); proseOrTool(rng.int(300...2_000), tool: false)
            line.raw("\",\"subagent_type\":"); line.string(rng.pick(Catalog.subagentTypes))
            line.byte(UInt8(ascii: "}"))
        }
        line.byte(UInt8(ascii: "}"))
    }

    /// Size of one tool result: a few KB typically, sometimes a few hundred KB.
    func resultSize(_ t: Transcript) -> Int {
        let n = Int(min(350_000, max(60, rng.logNormal(median: 2_600, sigma: 1.35))))
        return min(n, max(1_500, t.remaining * 4 / 10))
    }

    func toolResult(_ t: Transcript, call: ToolCall, sessionID: ID128) throws {
        if call.kind == .task { try taskResult(t, call: call, sessionID: sessionID); return }
        t.time += call.kind == .bash ? Int64(rng.int(80...90_000)) : Int64(rng.int(20...1_500))
        let isError = rng.chance(0.04)
        beginLine(t)
        line.raw(",\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"tool_use_id\":\"toolu_01")
        line.base62(call.id.hi, call.id.lo, count: 22)
        line.raw("\",\"type\":\"tool_result\",\"content\":\"")
        let contentStart = line.count
        if isError {
            line.raw("<tool_use_error>File has not been read yet. Read it first before writing to it.</tool_use_error>")
        } else {
            switch call.kind {
            case .edit:
                line.raw("The file "); line.escaped(call.filePath)
                line.raw(" has been updated. Here's the result of running `cat -n` on a snippet of the edited file:\\n")
                proseOrTool(rng.int(300...3_000), tool: true)
            case .todo:
                line.raw("Todos have been modified successfully. Ensure that you continue to use the todo list to track your progress. Please proceed with the current tasks if applicable")
            case .glob:
                for i in 0..<rng.int(1...40) {
                    if i > 0 { line.raw("\\n") }
                    line.escaped(t.cwd); line.byte(UInt8(ascii: "/")); expandEscaped("{file}", into: &line)
                }
            case .webFetch:
                proseOrTool(rng.int(500...8_000), tool: false)
            default:
                proseOrTool(resultSize(t), tool: true)
            }
        }
        let contentEnd = line.count
        t.pending += (contentEnd - contentStart) * 10 / 36
        line.raw("\"")
        if isError { line.raw(",\"is_error\":true") } else if t.version.cacheObject { line.raw(",\"is_error\":false") }
        line.raw("}]}")
        let uuid = nextUUID()
        endLine(uuid: uuid, time: t.time)
        if t.version.cacheObject {
            if isError {
                line.raw(",\"toolUseResult\":\"Error: File has not been read yet. Read it first before writing to it.\"")
            } else {
                switch call.kind {
                case .bash:
                    line.raw(",\"toolUseResult\":{\"stdout\":\"")
                    line.bytes.append(contentsOf: line.bytes[contentStart..<contentEnd])
                    line.raw("\",\"stderr\":\"\",\"interrupted\":false,\"isImage\":false}")
                case .read:
                    line.raw(",\"toolUseResult\":{\"type\":\"text\",\"file\":{\"filePath\":"); line.string(call.filePath)
                    line.raw(",\"content\":\"")
                    line.bytes.append(contentsOf: line.bytes[contentStart..<contentEnd])
                    let n = rng.int(10...2_000)
                    line.raw("\",\"numLines\":"); line.int(n); line.raw(",\"startLine\":1,\"totalLines\":"); line.int(n)
                    line.raw("}}")
                case .edit:
                    line.raw(",\"toolUseResult\":{\"filePath\":"); line.string(call.filePath)
                    line.raw(",\"oldString\":\""); proseOrTool(rng.int(40...400), tool: true)
                    line.raw("\",\"newString\":\""); proseOrTool(rng.int(40...400), tool: true)
                    line.raw("\",\"originalFile\":\""); proseOrTool(resultSize(t), tool: true)
                    line.raw("\",\"structuredPatch\":[{\"oldStart\":"); line.int(rng.int(1...500))
                    line.raw(",\"oldLines\":3,\"newStart\":"); line.int(rng.int(1...500))
                    line.raw(",\"newLines\":4,\"lines\":[\" context\",\"-old\",\"+new\",\"+added\"]}],\"userModified\":false,\"replaceAll\":false}")
                default:
                    break
                }
            }
        }
        line.byte(UInt8(ascii: "}"))
        try emit(t, uuid: uuid)
    }

}
