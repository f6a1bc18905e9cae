import Foundation

final class Generation {
    var rng: SplitMix64
    /// Decisions and ids of rewritten history (see `copyPrefix`).
    var rewriteRNG: SplitMix64
    var pathBytes: [UInt8] = []
    var lastSidechainResponse: ProgressCopy?
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
}
