import Foundation

/// One transcript file being written: a main session or a sub-agent.
final class Transcript {
    let sink: FileSink
    /// Everything between the `parentUuid` value and the line-specific fields:
    /// `,"isSidechain":false,"userType":"external","cwd":"…","sessionId":"…","version":"…","gitBranch":"…"`.
    let header: [UInt8]
    let version: Catalog.Version
    let model: Int
    let fastMode: Bool
    /// Share of cache writes that use the 1-hour TTL (0 for most sessions).
    let oneHourShare: Double
    let isSidechain: Bool
    let cwd: String
    var branch = "main"
    var parent: ID128?
    var time: Int64
    /// Tokens in the (cached) context, and tokens added since the last request.
    var context = 0
    var pending: Int
    var lastRequest: Int64 = .min
    var budget: Int64
    /// Lines captured so that a later session can resume this one (main sessions only).
    var capture: Capture?

    init(sink: FileSink, header: [UInt8], version: Catalog.Version, model: Int, fastMode: Bool, oneHourShare: Double,
         isSidechain: Bool, cwd: String, time: Int64, pending: Int, budget: Int64) {
        self.sink = sink; self.header = header; self.version = version; self.model = model
        self.fastMode = fastMode; self.oneHourShare = oneHourShare; self.isSidechain = isSidechain
        self.cwd = cwd; self.time = time; self.pending = pending; self.budget = budget
    }

    /// Bytes of this session's sub-agent transcripts (they count against its budget).
    var childBytes: Int64 = 0

    var full: Bool { sink.bytes + childBytes >= budget }
    var remaining: Int { max(0, Int(budget - sink.bytes - childBytes)) }
}

/// The first lines of a session, kept so that the next session can resume it by copying them verbatim.
final class Capture {
    struct Entry { var end: Int; var serial: Int32; var usage: Bool; var malformed: Bool; var uuid: ID128? }
    let project: Int
    var blob: [UInt8] = []
    var entries: [Entry] = []
    var endTime: Int64 = 0
    var closed = false
    static let limit = 1 << 20

    init(project: Int) { self.project = project }
}

/// The best (largest) copy seen of one request.
struct RequestRecord {
    var tokens = TokenUsage()
    var label: UInt8
}

/// A copy of a sub-agent response, to be replayed in a progress line of the parent session.
struct ProgressCopy {
    var serial: Int, messageID: ID128, requestID: ID128, model: Int, usage: TokenUsage
    var speed: UInt8, cacheObject: Bool, time: Int64
}

struct Project {
    var directory: String
    var cwd: String
    var zoneOffset: Int
    var branches: [String]
}

/// Tool calls issued by one response.
struct ToolCall {
    enum Kind: CaseIterable { case bash, read, edit, grep, glob, todo, webFetch, task }
    var kind: Kind
    var id: ID128
    var filePath: String
    var prompt: String = ""
}

final class Generation {
    var rng: SplitMix64
    /// Decisions and ids of rewritten history (see `copyPrefix`).
    var rewriteRNG: SplitMix64
    let spec: FixtureSpec
    let root: String
    let startMs: Int64
    let endMs: Int64
    let toolText: TextCorpus
    let proseText: TextCorpus
    var line = ByteBuffer(capacity: 1 << 20)
    var scratch = ByteBuffer(capacity: 1 << 16)

    var files = 0, subagentFiles = 0, lines = 0, usageLines = 0, malformedLines = 0
    var bytes: Int64 = 0
    var requests: [RequestRecord] = []
    var firstUsage = Int64.max, lastUsage = Int64.min
    var projects: [Project] = []
    var projectWeights: [Double] = []
    var lastCapture: Capture?
    var createdDirectories = Set<String>()
    let bigFileChance: Double

    init(root: String, spec: FixtureSpec) throws {
        try spec.validate()
        self.spec = spec
        self.root = root
        rng = SplitMix64(seed: spec.seed ^ 0x6363_7573_6167_6521)
        rewriteRNG = SplitMix64(seed: spec.seed ^ 0x7265_7772_6974_6532)
        startMs = spec.startMilliseconds ?? 0
        endMs = startMs + Int64(spec.days) * 86_400_000
        // Smaller trees get a smaller corpus: it keeps tests fast in debug builds.
        let toolSize = Int(min(3 << 20, max(256 << 10, spec.targetBytes / 4)))
        toolText = TextCorpus(kind: .tool, size: toolSize, rng: &rng)
        proseText = TextCorpus(kind: .prose, size: max(64 << 10, toolSize / 8), rng: &rng)
        bigFileChance = spec.targetBytes >= 100_000_000 ? 0.0065 : 0
        makeProjects()
    }

    // MARK: - Tree

    func makeProjects() {
        let estimatedFiles = max(1, Int(spec.targetBytes / 230_000))
        let count = max(2, estimatedFiles / 40)
        var used = Set<String>()
        for i in 0..<count {
            var name = Catalog.projectNames[i % Catalog.projectNames.count]
            if i >= Catalog.projectNames.count { name += "-\(i / Catalog.projectNames.count + 1)" }
            let cwd = rng.chance(0.15) ? "/Users/dev/code/work/\(name)" : "/Users/dev/code/\(name)"
            // Claude Code: every character that is not [A-Za-z0-9] becomes "-".
            var dir = String(cwd.unicodeScalars.map { s -> Character in
                s.isASCII && (CharacterSet.alphanumerics.contains(s)) ? Character(s) : "-"
            })
            while used.contains(dir) { dir += "-x" }
            used.insert(dir)
            var branches: [String] = []
            for _ in 0..<rng.int(1...3) { branches.append(rng.pick(Catalog.branches)) }
            projects.append(Project(directory: dir, cwd: cwd, zoneOffset: rng.pick(Catalog.zoneOffsets),
                                    branches: branches))
            projectWeights.append(1 / portableExp(0.8 * log1pApprox(Double(i))))
        }
    }

    func ensureDirectory(_ path: String) throws {
        guard !createdDirectories.contains(path) else { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw FixtureError.io(path: path, reason: "\(error)")
        }
        createdDirectories.insert(path)
    }

    func run() throws -> FixtureSummary {
        try ensureDirectory(root + "/projects")
        while bytes < spec.targetBytes {
            try writeSession()
        }
        return summary()
    }

    func summary() -> FixtureSummary {
        var total = ExpectedTotals()
        var byLabel = [ExpectedTotals](repeating: ExpectedTotals(), count: Catalog.labels.count)
        var counts = [Int](repeating: 0, count: Catalog.labels.count)
        for r in requests {
            total.add(r.tokens)
            byLabel[Int(r.label)].add(r.tokens)
            counts[Int(r.label)] += 1
        }
        var models: [ExpectedModelTotals] = []
        for i in Catalog.labels.indices where counts[i] > 0 {
            models.append(ExpectedModelTotals(model: Catalog.labels[i], requests: counts[i], totals: byLabel[i]))
        }
        models.sort { $0.model < $1.model }
        func text(_ ms: Int64) -> String {
            guard ms != .max, ms != .min else { return "" }
            var b = ByteBuffer(); b.timestampBody(ms)
            return String(decoding: b.bytes, as: UTF8.self)
        }
        return FixtureSummary(files: files, subagentFiles: subagentFiles, projects: projects.count, bytes: bytes,
                              lines: lines, usageLines: usageLines, uniqueRequests: requests.count,
                              malformedLines: malformedLines, expected: total, byModel: models,
                              firstTimestamp: text(firstUsage), lastTimestamp: text(lastUsage),
                              seed: spec.seed, startDate: spec.startDate, days: spec.days)
    }

    // MARK: - Sessions

    func sessionStart(project: Project) -> Int64 {
        let day = Int64(rng.below(spec.days))
        let localHour = rng.weighted(Catalog.hourWeights)
        var t = startMs + day * 86_400_000 + Int64(localHour - project.zoneOffset) * 3_600_000
        t += Int64(rng.below(3_600_000))
        return min(max(t, startMs), endMs - 1)
    }

    func writeSession() throws {
        var resume: Capture?
        if let last = lastCapture, last.entries.count >= 4, rng.chance(0.12) { resume = last }
        let projectIndex = resume?.project ?? rng.weighted(projectWeights)
        let project = projects[projectIndex]
        let version = Catalog.versions[rng.weighted(Catalog.versionWeights)]
        let model = version.models[rng.weighted(version.modelWeights)]
        let sessionID = ID128(&rng)
        let start = resume.map { $0.endTime + Int64(rng.int(60_000...14_400_000)) } ?? sessionStart(project: project)

        var budget = Int64(min(4_000_000, max(6_000, rng.logNormal(median: 112_000, sigma: 0.85))))
        if rng.chance(bigFileChance) { budget = Int64(rng.int(5_000_000...30_000_000)) }
        budget = min(budget, max(4_000, spec.targetBytes - bytes))

        let directory = root + "/projects/" + project.directory
        try ensureDirectory(directory)
        var idText = ByteBuffer(); idText.uuid(sessionID)
        let sessionString = String(decoding: idText.bytes, as: UTF8.self)
        let sink = try FileSink(path: directory + "/" + sessionString + ".jsonl")

        let branch = rng.pick(project.branches)
        let header = makeHeader(sidechain: false, cwd: project.cwd, sessionID: sessionID, version: version,
                                branch: branch, agentID: nil)
        let oneHour = version.cacheObject && rng.chance(0.2) ? (rng.chance(0.5) ? 1.0 : rng.unit()) : 0
        let t = Transcript(sink: sink, header: header, version: version, model: model,
                           fastMode: model == Catalog.opus46 && version.speed && rng.chance(0.35),
                           oneHourShare: oneHour, isSidechain: false, cwd: project.cwd, time: start,
                           pending: rng.int(9_000...22_000), budget: budget)
        t.capture = Capture(project: projectIndex)
        t.branch = branch

        if let resume {
            for _ in 0..<rng.int(0...2) { try summaryLine(t) }
            // Copy at most ~70% of this session's budget, so the copy never dominates the file.
            let fits = resume.entries.firstIndex { $0.end > Int(budget) * 7 / 10 } ?? resume.entries.count
            let limit = max(2, fits)
            let count = rng.int(max(2, limit / 3)...limit)
            // Half of the resumed stretches are rewritten history (their own generator: the other bytes of a
            // seed's tree stay as they were).
            try copyPrefix(resume, count: count, into: t, rewrittenAt: rewriteRNG.chance(0.5) ? start : nil)
            // The resumed conversation carries its context over (cold cache: it is re-written).
            t.pending += rng.int(5_000...40_000)
        } else if rng.chance(0.06) {
            try summaryLine(t)
        }

        var turns = 0
        repeat {
            try turn(t, sessionID: sessionID, first: turns == 0)
            turns += 1
        } while !t.full

        try sink.finish()
        files += 1
        bytes += sink.bytes
        if let capture = t.capture {
            capture.endTime = t.time
            lastCapture = capture
        }
    }

    func makeHeader(sidechain: Bool, cwd: String, sessionID: ID128, version: Catalog.Version, branch: String,
                    agentID: UInt64?) -> [UInt8] {
        var b = ByteBuffer(capacity: 256)
        b.raw(sidechain ? ",\"isSidechain\":true" : ",\"isSidechain\":false")
        b.raw(",\"userType\":\"external\",\"cwd\":"); b.string(cwd)
        b.raw(",\"sessionId\":\""); b.uuid(sessionID)
        b.raw("\",\"version\":"); b.string(version.name)
        if version.gitBranch { b.raw(",\"gitBranch\":"); b.string(branch) }
        if let agentID { b.raw(",\"agentId\":\""); b.hex(agentID, digits: 8); b.byte(UInt8(ascii: "\"")) }
        return b.bytes
    }

    /// Copies the first `count` captured lines verbatim; with `rewrittenAt`, as Claude Code 2.0.x sometimes
    /// rewrote a stretch of history later: new uuids, that one timestamp on every line, no `requestId`
    /// (00-decisions 22: the same responses, counted once).
    func copyPrefix(_ capture: Capture, count: Int, into t: Transcript, rewrittenAt: Int64? = nil) throws {
        var start = 0
        var lastUUID: ID128?
        for entry in capture.entries.prefix(count) {
            if let time = rewrittenAt, !entry.malformed {
                scratch.reset()
                capture.blob.withUnsafeBufferPointer { scratch.bytes.append(contentsOf: $0[start..<entry.end]) }
                let uuid = ID128(&rewriteRNG)
                rewriteHistory(&scratch.bytes, uuid: uuid, time: time)
                try scratch.bytes.withUnsafeBufferPointer { try t.sink.write($0) }
                lines += 1
                if entry.usage { usageLines += 1 }
                if entry.uuid != nil { lastUUID = uuid }
                start = entry.end
                continue
            }
            try capture.blob.withUnsafeBufferPointer { try t.sink.write(UnsafeBufferPointer(rebasing: $0[start..<entry.end])) }
            lines += 1
            if entry.malformed { malformedLines += 1 }
            if entry.usage { usageLines += 1 }
            if let u = entry.uuid { lastUUID = u }
            start = entry.end
        }
        t.parent = lastUUID
    }

    /// In one JSONL line: drops the `requestId` field, gives the line `uuid` and the timestamp `time`.
    func rewriteHistory(_ bytes: inout [UInt8], uuid: ID128, time: Int64) {
        func find(_ needle: String, from: Int = 0) -> Int? {
            let n = Array(needle.utf8)
            guard bytes.count >= n.count, from <= bytes.count - n.count else { return nil }
            for i in from...(bytes.count - n.count) where bytes[i] == n[0] && bytes[i..<(i + n.count)].elementsEqual(n) {
                return i
            }
            return nil
        }
        func replaceValue(after key: String, with value: ByteBuffer) {
            guard let at = find(key), let end = bytes[(at + key.utf8.count)...].firstIndex(of: UInt8(ascii: "\"")) else { return }
            bytes.replaceSubrange((at + key.utf8.count)..<end, with: value.bytes)
        }
        if let at = find(",\"requestId\":\""),
           let end = bytes[(at + 14)...].firstIndex(of: UInt8(ascii: "\"")) {
            bytes.removeSubrange(at...end)
        }
        var text = ByteBuffer(capacity: 40)
        text.uuid(uuid)
        replaceValue(after: "\"uuid\":\"", with: text)
        text.reset()
        text.timestampBody(time)
        replaceValue(after: "\"timestamp\":\"", with: text)
    }

    /// One user prompt and the chain of requests that answers it.
    func turn(_ t: Transcript, sessionID: ID128, first: Bool) throws {
        if !first {
            // Think time: usually seconds to minutes, sometimes a long break.
            t.time += rng.chance(0.1) ? Int64(rng.int(1_800_000...10_800_000)) : Int64(rng.int(8_000...600_000))
        }
        if t.version.cacheObject, rng.chance(0.04) { try systemLine(t) }
        let promptID = ID128(&rng)
        if t.version.modern, rng.chance(0.5) { try snapshotLine(t, messageID: promptID) }
        try userPrompt(t, uuid: promptID)

        let steps = rng.chance(0.3) ? 1 : rng.int(2...14)
        for step in 0..<steps {
            let last = step == steps - 1 || t.full
            let calls = try response(t, allowTools: !last)
            if calls.isEmpty { break }
            for call in calls { try toolResult(t, call: call, sessionID: sessionID) }
            if t.full && step > 0 {
                _ = try response(t, allowTools: false)
                break
            }
        }
        if rng.chance(0.03) { try syntheticLine(t, apiError: rng.chance(0.3)) }
        if t.context > 150_000, t.version.modern { try compaction(t) }
        if t.context > 180_000 { t.context = rng.int(15_000...30_000) }
    }

    // MARK: - Line plumbing

    func nextUUID() -> ID128 { ID128(&rng) }

    @inline(__always) func beginLine(_ t: Transcript) {
        line.reset()
        line.raw("{\"parentUuid\":")
        if let p = t.parent { line.byte(UInt8(ascii: "\"")); line.uuid(p); line.byte(UInt8(ascii: "\"")) } else { line.raw("null") }
        line.raw(t.header)
    }

    @inline(__always) func endLine(uuid: ID128, time: Int64) {
        line.raw(",\"uuid\":\""); line.uuid(uuid)
        line.raw("\",\"timestamp\":"); line.timestamp(time)
    }

    /// Writes `line` (plus, at `malformedRate`, a truncated copy before it) and does the bookkeeping.
    func emit(_ t: Transcript, uuid: ID128?, serial: Int = -1, usage: TokenUsage? = nil, usageTime: Int64 = 0) throws {
        line.byte(0x0A)
        if spec.malformedRate > 0, rng.chance(spec.malformedRate) {
            // Cut somewhere in the middle, never inside a UTF-8 sequence. A proper prefix of a JSON
            // object is never valid JSON, so the copy cannot parse.
            var cut = line.count / 5 + rng.below(max(1, line.count * 3 / 5))
            while cut > 1, line.bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            line.bytes.withUnsafeBufferPointer { p in
                scratch.reset()
                scratch.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[0..<cut]))
                scratch.byte(0x0A)
            }
            try scratch.bytes.withUnsafeBufferPointer { try t.sink.write($0) }
            lines += 1
            malformedLines += 1
            capture(t, bytes: scratch.bytes, entry: .init(end: 0, serial: -1, usage: false, malformed: true, uuid: nil))
        }
        try line.bytes.withUnsafeBufferPointer { try t.sink.write($0) }
        lines += 1
        if serial >= 0, let usage {
            usageLines += 1
            if usage.total > requests[serial].tokens.total || requests[serial].tokens.total == 0 {
                requests[serial].tokens = usage
            }
            firstUsage = min(firstUsage, usageTime)
            lastUsage = max(lastUsage, usageTime)
        }
        capture(t, bytes: line.bytes, entry: .init(end: 0, serial: Int32(serial), usage: serial >= 0,
                                                   malformed: false, uuid: uuid))
        if let uuid { t.parent = uuid }
    }

    func capture(_ t: Transcript, bytes: [UInt8], entry: Capture.Entry) {
        guard let c = t.capture, !c.closed else { return }
        guard c.blob.count + bytes.count <= Capture.limit else { c.closed = true; return }
        c.blob.append(contentsOf: bytes)
        var e = entry
        e.end = c.blob.count
        c.entries.append(e)
    }

    func newRequest(label: Int) -> Int {
        requests.append(RequestRecord(label: UInt8(label)))
        return requests.count - 1
    }

    func expandEscaped(_ template: String, into b: inout ByteBuffer) {
        var raw: [UInt8] = []
        TextCorpus.expand(Array(template.utf8), into: &raw, rng: &rng)
        raw.withUnsafeBufferPointer { b.escaped($0) }
    }

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

    var pathBytes: [UInt8] = []
    var lastSidechainResponse: ProgressCopy?

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

extension String {
    var utf8Array: [UInt8] { Array(utf8) }
}

/// ln(1 + x) for x ≥ 0 from basic arithmetic (used only for project weights).
func log1pApprox(_ x: Double) -> Double {
    // ln(y) via y = m · 2^k, then the atanh series.
    var y = 1 + x, k = 0.0
    while y > 2 { y /= 2; k += 1 }
    let s = (y - 1) / (y + 1), s2 = s * s
    var term = s, sum = 0.0
    for i in stride(from: 1, through: 41, by: 2) { sum += term / Double(i); term *= s2 }
    return 2 * sum + k * 0.693_147_180_559_945_3
}
